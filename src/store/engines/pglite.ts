/**
 * The embedded engine: PGlite (PostgreSQL 18 compiled to WASM) in a data directory, no server needed.
 *
 * Layout of a data directory: `pgdata/` (PostgreSQL's files) and `gongkai.lock` (see lock.ts). A new
 * database is built in `pgdata.init-<pid>/` and renamed to `pgdata/` when complete, so a process killed
 * while creating it leaves no half-made database. Memory: PGlite costs several hundred MB per instance.
 *
 * @example
 * const db = await openPglite("/var/lib/gongkai");           // or ":memory:" for a throwaway one
 * const rows = await db.query<{ n: number }>("SELECT count(*) AS n FROM units");
 * await db.close();
 */
import { PGlite } from "@electric-sql/pglite";
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, rmdirSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Database, Sql, SqlValue } from "../sql.ts";
import { lockDirectory, type DirectoryLock, type LockOptions } from "./lock.ts";
import { TransactionSql, inTransactionOf, refuseInsideTransaction, type Runner } from "./session.ts";
import { PARSED_OIDS, parserFor, toParams, toSqlError } from "./values.ts";

export const MEMORY = ":memory:";
const PGDATA = "pgdata";
const INIT_PREFIX = "pgdata.init-";

export interface PgliteOptions extends LockOptions {
  /**
   * A tarball from `dump()` to start a new database from (a fast clone: no initdb). Used only when the
   * data directory holds no database yet.
   */
  readonly loadDataDir?: Blob;
}

export interface PgliteDatabase extends Database {
  readonly engine: "pglite";
  /** The whole database as an uncompressed tarball, for `loadDataDir` (test templates, copies). */
  dump(): Promise<Blob>;
}

/**
 * Opens (creating if needed) the embedded database in `dataDir`, holding the directory's lock until
 * close() or process exit; throws DatabaseLockedError if another process (or another open in this one)
 * holds it. `":memory:"` opens a throwaway in-memory database with no lock.
 */
export async function openPglite(dataDir: string, options: PgliteOptions = {}): Promise<PgliteDatabase> {
  if (dataDir === MEMORY) return new PgliteEngine(await start(undefined, options.loadDataDir), undefined);
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const lock = lockDirectory(dir, options);
  try {
    const pgdata = join(dir, PGDATA);
    if (!existsSync(join(pgdata, "PG_VERSION"))) await create(dir, pgdata, options.loadDataDir);
    return new PgliteEngine(await start(pgdata, undefined), lock);
  } catch (error) {
    lock.release();
    throw error;
  }
}

/** Builds a new database beside `pgdata` and renames it into place once complete. */
async function create(dir: string, pgdata: string, loadDataDir: Blob | undefined): Promise<void> {
  // We hold the lock, so any earlier build in progress belongs to a process that died.
  for (const name of readdirSync(dir)) if (name.startsWith(INIT_PREFIX)) rmSync(join(dir, name), { recursive: true, force: true });
  if (existsSync(pgdata)) {
    if (readdirSync(pgdata).length > 0) {
      throw new Error(`数据目录 ${pgdata} 不是完整的数据库（没有 PG_VERSION），也不是空目录；为免覆盖其中的文件，请检查后移走它再启动`);
    }
    rmdirSync(pgdata);
  }
  const building = join(dir, `${INIT_PREFIX}${process.pid}`);
  const db = await PGlite.create({ dataDir: building, loadDataDir });
  await db.close();
  renameSync(building, pgdata);
}

async function start(pgdata: string | undefined, loadDataDir: Blob | undefined): Promise<PGlite> {
  const db = await PGlite.create({ dataDir: pgdata, loadDataDir });
  // Parameters arrive as text (values.ts), and results are parsed by our table, so that PGlite and pg
  // give the same values. PGlite uses its own parser for any oid it has one for (also the array types
  // it registers when it starts), so each of those is replaced too: by ours, or by none (text).
  for (const key of Object.keys(db.parsers)) {
    const oid = Number(key);
    if (Number.isInteger(oid)) db.parsers[oid] = parserFor(oid);
  }
  for (const oid of PARSED_OIDS) db.parsers[oid] = parserFor(oid);
  for (const key of Object.keys(db.serializers)) db.serializers[key] = String;
  await db.exec("SET TimeZone TO 'UTC'");
  return db;
}

type PgliteTransaction = Parameters<Parameters<PGlite["transaction"]>[0]>[0];

class PgliteEngine implements PgliteDatabase {
  readonly engine = "pglite" as const;
  #closed = false;

  constructor(
    private readonly db: PGlite,
    private readonly lock: DirectoryLock | undefined,
  ) {}

  #check(): void {
    if (this.#closed) throw new Error("数据库已经关闭");
    refuseInsideTransaction(this);
  }

  async query<Row extends object = Record<string, unknown>>(text: string, params?: readonly SqlValue[]): Promise<Row[]> {
    this.#check();
    try {
      return (await this.db.query<Row>(text, toParams(params))).rows;
    } catch (error) {
      throw toSqlError(error);
    }
  }

  async exec(script: string): Promise<void> {
    this.#check();
    try {
      await this.db.exec(script);
    } catch (error) {
      throw toSqlError(error);
    }
  }

  async transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T> {
    this.#check();
    let sql: TransactionSql | undefined;
    try {
      return await this.db.transaction(async (ptx) => {
        sql = new TransactionSql(runner(ptx));
        const tx = sql;
        return await inTransactionOf(this, () => work(tx));
      });
    } catch (error) {
      throw toSqlError(error);
    } finally {
      sql?.end();
    }
  }

  async dump(): Promise<Blob> {
    this.#check();
    return await this.db.dumpDataDir("none");
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    try {
      await this.db.close();
    } finally {
      this.lock?.release();
    }
  }
}

function runner(tx: PgliteTransaction): Runner {
  return {
    async query(text, params) {
      try {
        return (await tx.query<object>(text, params)).rows;
      } catch (error) {
        throw toSqlError(error);
      }
    },
    async exec(script) {
      try {
        await tx.exec(script);
      } catch (error) {
        throw toSqlError(error);
      }
    },
  };
}
