/**
 * Versioned SQL migrations: `NNNN_name.sql` files in a folder (src/store/migrations/ by default), applied in
 * order, each in its own transaction, and recorded in `schema_migrations`. An applied migration is never
 * run again, and never changed: a file whose text differs from what was applied is refused (write a new
 * migration instead). Every step holds a PostgreSQL advisory lock, so servers starting together apply
 * each migration once.
 *
 * A migration runs inside a transaction, so it can't use statements that refuse one (CREATE INDEX
 * CONCURRENTLY, ALTER TYPE … ADD VALUE before PostgreSQL 12). Write SQL that PostgreSQL 15 accepts:
 * PGlite is PostgreSQL 18, the supported servers start at 15.
 *
 * @example
 * const applied = await migrate(db);   // [1, 2] on a new database, [] when it is up to date
 */
import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { MigrationError, type Database, type Sql } from "./sql.ts";

export const DEFAULT_MIGRATIONS = fileURLToPath(new URL("./migrations/", import.meta.url));

/** pg_advisory_xact_lock key: "gongkai" in ASCII. */
const LOCK_KEY = "29112343516012905";
const FILE_NAME = /^(\d{4})_([A-Za-z0-9_-]+)\.sql$/;

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly file: string;
  readonly sql: string;
  readonly checksum: string;
}

interface AppliedRow {
  version: number;
  name: string;
  checksum: string;
  applied_at: Date;
}

/** Reads the migrations of `folder`, in order; throws MigrationError for a misnamed or duplicate file. */
export function readMigrations(folder: string = DEFAULT_MIGRATIONS): Migration[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch (error) {
    throw new MigrationError(`找不到数据库迁移目录 ${folder}（${(error as Error).message}）`);
  }
  const migrations: Migration[] = [];
  for (const file of names.filter((name) => name.endsWith(".sql")).sort()) {
    const match = FILE_NAME.exec(file);
    if (!match) throw new MigrationError(`迁移文件名 ${file} 不合格式：应为“四位版本号_名称.sql”，如 0002_add_comments.sql`);
    const version = Number(match[1]);
    const previous = migrations.at(-1);
    if (previous?.version === version) throw new MigrationError(`迁移版本 ${match[1]} 重复：${previous.file} 和 ${file}`);
    // Line endings don't count, so a checkout with CRLF endings is the same migration.
    const sql = readFileSync(join(folder, file), "utf8").replace(/\r\n/g, "\n");
    migrations.push({ version, name: match[2]!, file, sql, checksum: createHash("sha256").update(sql).digest("hex") });
  }
  return migrations;
}

/** Applies the migrations of `folder` that the database lacks; returns the versions it applied. */
export async function migrate(db: Database, folder: string = DEFAULT_MIGRATIONS): Promise<number[]> {
  const migrations = readMigrations(folder);
  const applied = await db.transaction(async (tx) => {
    await lock(tx);
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version    int PRIMARY KEY,
      name       text NOT NULL,
      checksum   text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    return await appliedRows(tx);
  });
  check(migrations, applied);
  const done: number[] = [];
  for (const migration of migrations) {
    if (applied.has(migration.version)) continue;
    const ran = await db.transaction(async (tx) => {
      await lock(tx);
      // Another server may have applied it while we waited for the lock.
      const now = await appliedRows(tx);
      if (now.has(migration.version)) {
        check(migrations, now);
        return false;
      }
      try {
        await tx.exec(migration.sql);
      } catch (error) {
        throw new MigrationError(`数据库迁移 ${migration.file} 执行失败：${(error as Error).message}`);
      }
      await tx.query("INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)", [migration.version, migration.name, migration.checksum]);
      return true;
    });
    if (ran) done.push(migration.version);
  }
  return done;
}

async function lock(tx: Sql): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(${LOCK_KEY})`);
}

async function appliedRows(tx: Sql): Promise<Map<number, AppliedRow>> {
  const rows = await tx.query<AppliedRow>("SELECT version, name, checksum, applied_at FROM schema_migrations ORDER BY version");
  return new Map(rows.map((row) => [row.version, row]));
}

/** Refuses a changed applied migration, an applied one that is missing, and a new one older than the newest applied. */
function check(migrations: readonly Migration[], applied: ReadonlyMap<number, AppliedRow>): void {
  const files = new Map(migrations.map((m) => [m.version, m]));
  for (const row of applied.values()) {
    const migration = files.get(row.version);
    const label = `${String(row.version).padStart(4, "0")}_${row.name}.sql`;
    if (!migration) {
      throw new MigrationError(
        `数据库已应用迁移 ${label}，但迁移目录中没有这个文件：数据库比这个版本的 Gongkai 新，或者迁移文件被删除了。请使用与数据库相符的 Gongkai 版本。`,
      );
    }
    if (migration.checksum !== row.checksum) {
      throw new MigrationError(
        `数据库迁移 ${migration.file} 已于 ${row.applied_at.toISOString()} 应用，但文件内容此后被修改（校验和不同）。` +
          `已应用的迁移不能修改：请恢复这个文件的原样，把改动写成一个新的迁移文件。`,
      );
    }
  }
  const newest = Math.max(0, ...applied.keys());
  const late = migrations.find((m) => !applied.has(m.version) && m.version < newest);
  if (late) {
    throw new MigrationError(`数据库迁移 ${late.file} 尚未应用，但数据库已应用了更新的迁移（版本 ${newest}）：迁移必须按版本顺序应用，请把它改为版本号大于 ${newest} 的新文件。`);
  }
}
