// Migrations on both engines: applied in order and recorded, skipped once applied, an applied file that
// changed is refused, a failed migration leaves nothing behind, and concurrent runs apply each once.
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, it } from "node:test";
import { fileURLToPath } from "node:url";
import { openPostgres } from "../../src/store/engines/postgres.ts";
import { migrate, readMigrations } from "../../src/store/migrate.ts";
import { MigrationError, type Database } from "../../src/store/sql.ts";
import { createPostgresDatabase, forEachEngine, selectedEngines } from "../support/engines.ts";

const FIXTURES = fileURLToPath(new URL("./fixtures/migrations/", import.meta.url));
const folders: string[] = [];
after(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

/** A copy of the fixture migrations that a test may change. */
function folder(): string {
  const copy = mkdtempSync(join(tmpdir(), "gongkai-migrations-"));
  cpSync(FIXTURES, copy, { recursive: true });
  folders.push(copy);
  return copy;
}

const tables = async (db: Database) =>
  (await db.query<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")).map((r) => r.name);

forEachEngine(
  "migrations",
  (open) => {
    /** A test with a fresh database of no tables, closed afterwards. */
    const withDb = (name: string, test: (db: Database) => Promise<void>) =>
      it(name, async () => {
        const db = await open();
        try {
          await test(db);
        } finally {
          await db.close();
        }
      });

    withDb("applies the migrations in order, each recorded with its checksum, and skips them the next time", async (db) => {
      const dir = folder();
      assert.deepEqual(await migrate(db, dir), [1, 2]);
      assert.deepEqual(await tables(db), ["accounts", "ledger_batches", "ledger_entries", "ledger_totals", "schema_migrations", "value_types"]);
      const rows = await db.query<{ version: number; name: string; checksum: string; applied_at: Date }>("SELECT * FROM schema_migrations ORDER BY version");
      assert.deepEqual(
        rows.map((r) => [r.version, r.name, r.checksum]),
        readMigrations(dir).map((m) => [m.version, m.name, m.checksum]),
      );
      assert.ok(rows.every((r) => r.applied_at instanceof Date));
      assert.deepEqual(await db.query("SELECT * FROM ledger_totals"), [{ id: 1, batches: 0, entries: 0, amount: 0 }]);

      assert.deepEqual(await migrate(db, dir), []);
      assert.deepEqual(await db.query("SELECT count(*) AS n FROM ledger_totals"), [{ n: 1 }], "a skipped migration is not run again");

      writeFileSync(join(dir, "0003_memo.sql"), "ALTER TABLE accounts ADD COLUMN memo text NOT NULL DEFAULT '';\nCREATE INDEX accounts_memo ON accounts(memo);\n");
      assert.deepEqual(await migrate(db, dir), [3]);
      await db.query("INSERT INTO accounts (name, balance, memo) VALUES ('a', 1, '备注')");
    });

    withDb("refuses an applied migration whose file has changed, and applies nothing after it", async (db) => {
      const dir = folder();
      await migrate(db, dir);
      writeFileSync(join(dir, "0002_ledger.sql"), readFileSync(join(dir, "0002_ledger.sql"), "utf8") + "\nCREATE TABLE sneaky (x int);\n");
      writeFileSync(join(dir, "0003_next.sql"), "CREATE TABLE next_one (x int);");
      await assert.rejects(migrate(db, dir), (error: Error) => {
        assert.ok(error instanceof MigrationError);
        assert.match(error.message, /数据库迁移 0002_ledger\.sql 已于 \d{4}-\d\d-\d\dT.* 应用，但文件内容此后被修改（校验和不同）/);
        assert.match(error.message, /请恢复这个文件的原样，把改动写成一个新的迁移文件/);
        return true;
      });
      assert.ok(!(await tables(db)).includes("next_one"));
      assert.ok(!(await tables(db)).includes("sneaky"));
    });

    withDb("treats a change of line endings only as the same migration", async (db) => {
      const dir = folder();
      await migrate(db, dir);
      const file = join(dir, "0001_values.sql");
      writeFileSync(file, readFileSync(file, "utf8").replace(/\n/g, "\r\n"));
      assert.deepEqual(await migrate(db, dir), []);
    });

    withDb("leaves nothing of a migration that fails halfway, and names its file", async (db) => {
      const dir = folder();
      writeFileSync(join(dir, "0003_broken.sql"), "CREATE TABLE half_done (x int);\nINSERT INTO half_done VALUES ('not a number');\n");
      await assert.rejects(migrate(db, dir), (error: Error) => error instanceof MigrationError && /数据库迁移 0003_broken\.sql 执行失败：.*invalid input syntax/.test(error.message));
      assert.ok(!(await tables(db)).includes("half_done"));
      assert.deepEqual(await db.query("SELECT version FROM schema_migrations ORDER BY 1"), [{ version: 1 }, { version: 2 }]);
    });

    withDb("refuses a database with a migration the folder lacks, or a new migration older than an applied one", async (db) => {
      const dir = folder();
      writeFileSync(join(dir, "0005_later.sql"), "CREATE TABLE later (x int);");
      await migrate(db, dir);
      writeFileSync(join(dir, "0003_forgotten.sql"), "CREATE TABLE forgotten (x int);");
      await assert.rejects(migrate(db, dir), /0003_forgotten\.sql 尚未应用，但数据库已应用了更新的迁移（版本 5）/);
      rmSync(join(dir, "0003_forgotten.sql"));
      rmSync(join(dir, "0005_later.sql"));
      await assert.rejects(migrate(db, dir), /数据库已应用迁移 0005_later\.sql，但迁移目录中没有这个文件/);
    });

    withDb("applies each migration once when runs overlap", async (db) => {
      const dir = folder();
      const runs = await Promise.all([migrate(db, dir), migrate(db, dir), migrate(db, dir)]);
      assert.deepEqual(runs.flat().sort(), [1, 2]);
      assert.deepEqual(await db.query("SELECT count(*) AS n FROM ledger_totals"), [{ n: 1 }]);
    });
  },
  { migrations: false },
);

it("refuses misnamed and duplicate migration files", () => {
  const dir = folder();
  writeFileSync(join(dir, "3_bad.sql"), "");
  assert.throws(() => readMigrations(dir), /迁移文件名 3_bad\.sql 不合格式/);
  rmSync(join(dir, "3_bad.sql"));
  writeFileSync(join(dir, "0002_again.sql"), "");
  assert.throws(() => readMigrations(dir), /迁移版本 0002 重复/);
  assert.throws(() => readMigrations(join(dir, "missing")), /找不到数据库迁移目录/);
});

it("applies each migration once when two PostgreSQL servers' pools start together", { skip: !selectedEngines().includes("postgres") }, async () => {
  const { url, drop } = await createPostgresDatabase({ migrations: false });
  const dir = folder();
  const [a, b] = [await openPostgres(url, { allowExitOnIdle: true }), await openPostgres(url, { allowExitOnIdle: true })];
  try {
    for (let round = 0; round < 3; round++) {
      writeFileSync(join(dir, `000${round + 3}_round.sql`), `CREATE TABLE round_${round} (x int); INSERT INTO round_${round} VALUES (${round});`);
      const [fromA, fromB] = await Promise.all([migrate(a, dir), migrate(b, dir)]);
      assert.deepEqual([...fromA, ...fromB].sort(), round === 0 ? [1, 2, 3] : [round + 3]);
    }
    assert.deepEqual(await a.query("SELECT version FROM schema_migrations ORDER BY 1"), [1, 2, 3, 4, 5].map((version) => ({ version })));
  } finally {
    await a.close();
    await b.close();
    await drop();
  }
});
