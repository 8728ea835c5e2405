/**
 * Run the same tests on both database engines.
 *
 * ```ts
 * import { it } from "node:test";
 * import assert from "node:assert/strict";
 * import { forEachEngine } from "../support/engines.ts";
 *
 * forEachEngine("units repository", (open) => {
 *   it("stores a unit", async () => {
 *     const db = await open();            // a fresh database, all of src/store/migrations applied
 *     try {
 *       await upsertUnit(db, …);
 *       assert.equal((await listUnits(db)).length, 1);
 *     } finally {
 *       await db.close();                 // optional: every database opened is closed after the suite
 *     }
 *   });
 * });
 * ```
 *
 * This defines `describe("units repository (pglite)")` and `describe("units repository (postgres)")`.
 * Each `open()` gives a new, empty, migrated database of that engine:
 * - pglite: an in-memory clone of a migrated template (~0.5 s; the process's RSS is ~500–800 MB with one
 *   open). The template is a tarball cached in $TMPDIR/gongkai-test-cache, keyed by the PGlite version and
 *   the migration files, so only the first run after a migration changes pays for initdb (~3 s).
 * - postgres: `CREATE DATABASE … TEMPLATE` of a migrated template database (~0.2 s) on the test process's
 *   own throwaway server (test/support/postgres.ts, ~1 s to start); dropped on close().
 *
 * Open once per suite in `before()` when the tests don't disturb each other (fastest); open per test when
 * a test needs an empty database, and close it at the end of the test: PGlite instances are large, and
 * closing each one promptly keeps the process small and fast (unclosed ones are closed after the suite).
 *
 * Options (third argument): `{ migrations }` — another folder (a fixture), or false for a database with no
 * tables at all. Set GONGKAI_TEST_ENGINES=pglite (or postgres) to run one engine only.
 *
 * Also here: openTestDatabase(engine) (one such database outside forEachEngine), createPostgresDatabase()
 * (a URL instead of a Database, e.g. for child processes), pgliteTemplate() (the tarball, for
 * `openPglite(dir, { loadDataDir })` to make a data directory on disk).
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, describe } from "node:test";
import { openPglite, MEMORY } from "../../src/store/engines/pglite.ts";
import { openPostgres } from "../../src/store/engines/postgres.ts";
import { DEFAULT_MIGRATIONS, migrate, readMigrations } from "../../src/store/migrate.ts";
import type { Database } from "../../src/store/sql.ts";
import { testPostgres } from "./postgres.ts";

export type EngineName = Database["engine"];
export const ENGINES: readonly EngineName[] = ["pglite", "postgres"];

export interface EngineOptions {
  /** The migrations folder to apply (src/store/migrations by default); false for none. */
  readonly migrations?: string | false;
}

/** The engines to test: both, unless GONGKAI_TEST_ENGINES narrows them. */
export function selectedEngines(): EngineName[] {
  const wanted = process.env.GONGKAI_TEST_ENGINES?.split(",").map((name) => name.trim());
  return ENGINES.filter((engine) => !wanted || wanted.includes(engine));
}

/** Defines `body`'s tests once per engine, each in its own describe block; see the top of this file. */
export function forEachEngine(suiteName: string, body: (open: () => Promise<Database>) => void, options: EngineOptions = {}): void {
  for (const engine of selectedEngines()) {
    describe(`${suiteName} (${engine})`, () => {
      const open = new Set<Database>();
      after(async () => {
        for (const db of open) await db.close();
      });
      body(async () => {
        const db = await openTestDatabase(engine, options);
        open.add(db);
        return closing(db, () => open.delete(db));
      });
    });
  }
}

/** A fresh migrated database of `engine` (what forEachEngine's open() gives). */
export async function openTestDatabase(engine: EngineName, options: EngineOptions = {}): Promise<Database> {
  if (engine === "pglite") return await openPglite(MEMORY, { loadDataDir: await pgliteTemplate(options.migrations) });
  const { url, drop } = await createPostgresDatabase(options);
  const db = await openPostgres(url, { max: 4, allowExitOnIdle: true });
  return closing(db, drop);
}

/** A Database whose close() also runs `then` (once). */
function closing(db: Database, then: () => unknown): Database {
  let closed: Promise<void> | undefined;
  return {
    engine: db.engine,
    query: (text, params) => db.query(text, params),
    exec: (script) => db.exec(script),
    transaction: (work) => db.transaction(work),
    close: () =>
      (closed ??= (async () => {
        try {
          await db.close();
        } finally {
          await then();
        }
      })()),
  };
}

// ---------------------------------------------------------------------------------------------------
// PGlite: templates as tarballs, cached on disk across test processes.

const CACHE = join(tmpdir(), "gongkai-test-cache");
const templates = new Map<string, Promise<Blob>>();

function pgliteVersion(): string {
  const main = createRequire(import.meta.url).resolve("@electric-sql/pglite");
  return (JSON.parse(readFileSync(join(dirname(main), "..", "package.json"), "utf8")) as { version: string }).version;
}

/** A key for a migrations folder's content (or "empty"). */
function migrationsKey(migrations: string | false | undefined): string {
  if (migrations === false) return "empty";
  const hash = createHash("sha256");
  for (const m of readMigrations(migrations ?? DEFAULT_MIGRATIONS)) hash.update(`${m.file}\0${m.checksum}\0`);
  return hash.digest("hex").slice(0, 16);
}

/** The dump of a new PGlite database with `migrations` applied. */
export function pgliteTemplate(migrations?: string | false): Promise<Blob> {
  const key = `pglite-${pgliteVersion()}-${migrationsKey(migrations)}`;
  let template = templates.get(key);
  if (!template) {
    template = cached(key, async () => {
      const db = await openPglite(MEMORY, { loadDataDir: migrations === false ? undefined : await pgliteTemplate(false) });
      try {
        if (migrations !== false) await migrate(db, migrations ?? DEFAULT_MIGRATIONS);
        return await db.dump();
      } finally {
        await db.close();
      }
    });
    templates.set(key, template);
  }
  return template;
}

async function cached(key: string, make: () => Promise<Blob>): Promise<Blob> {
  const file = join(CACHE, `${key}.tar`);
  if (existsSync(file)) return new Blob([readFileSync(file)]);
  const blob = await make();
  mkdirSync(CACHE, { recursive: true });
  prune();
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, new Uint8Array(await blob.arrayBuffer()));
  renameSync(partial, file); // atomic: concurrent test processes never read half a file
  return blob;
}

/** Removes templates (40 MB each) of migrations long changed, and files of interrupted writes. */
function prune(): void {
  const day = 24 * 3600 * 1000;
  for (const name of readdirSync(CACHE)) {
    const path = join(CACHE, name);
    try {
      if (Date.now() - statSync(path).mtimeMs > (name.endsWith(".partial") ? day / 24 : day)) rmSync(path, { force: true });
    } catch {
      // Removed by another test process.
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// PostgreSQL: a migrated template database per migrations folder, copied per open().

const pgTemplates = new Map<string, Promise<string>>();
let databases = 0;

/** A new database on the test server, copied from a migrated template; `drop()` removes it. */
export async function createPostgresDatabase(options: EngineOptions = {}): Promise<{ url: string; drop: () => Promise<void> }> {
  const server = await testPostgres();
  const template = await postgresTemplate(options.migrations);
  const name = `test_${process.pid}_${++databases}`;
  await admin(async (db) => db.exec(`CREATE DATABASE ${name} TEMPLATE ${template}`));
  return {
    url: server.urlFor(name),
    drop: () => admin((db) => db.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
  };
}

function postgresTemplate(migrations: string | false | undefined): Promise<string> {
  const name = `template_${migrationsKey(migrations)}`;
  let template = pgTemplates.get(name);
  if (!template) {
    template = (async () => {
      const server = await testPostgres();
      await admin((db) => db.exec(`CREATE DATABASE ${name}`));
      if (migrations !== false) {
        const db = await openPostgres(server.urlFor(name), { max: 1 });
        try {
          await migrate(db, migrations ?? DEFAULT_MIGRATIONS);
        } finally {
          await db.close();
        }
      }
      return name;
    })();
    pgTemplates.set(name, template);
  }
  return template;
}

/** Runs `work` on the server's `postgres` database. */
async function admin<T>(work: (db: Database) => Promise<T>): Promise<T> {
  const db = await openPostgres((await testPostgres()).url, { max: 1, allowExitOnIdle: true });
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}
