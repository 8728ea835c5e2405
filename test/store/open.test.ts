// openDatabase(): the embedded database in a new directory or PostgreSQL from a URL, migrated; and the
// messages a user sees when PostgreSQL can't be reached (never with the password).
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, it } from "node:test";
import { fileURLToPath } from "node:url";
import { LOCK_FILE } from "../../src/store/engines/lock.ts";
import { openPglite } from "../../src/store/engines/pglite.ts";
import { openPostgres } from "../../src/store/engines/postgres.ts";
import { DEFAULT_MIGRATIONS } from "../../src/store/migrate.ts";
import { openDatabase } from "../../src/store/open.ts";
import { DatabaseConnectError, MigrationError } from "../../src/store/sql.ts";
import { createPostgresDatabase, pgliteTemplate, selectedEngines } from "../support/engines.ts";
import { testPostgres } from "../support/postgres.ts";

const FIXTURES = fileURLToPath(new URL("./fixtures/migrations/", import.meta.url));
const root = mkdtempSync(join(tmpdir(), "gongkai-open-"));
after(() => rmSync(root, { recursive: true, force: true }));
const postgres = { skip: !selectedEngines().includes("postgres") };

it("uses src/store/migrations by default", () => {
  assert.equal(DEFAULT_MIGRATIONS, fileURLToPath(new URL("../../src/store/migrations/", import.meta.url)));
});

it("creates the embedded database in a new directory, migrates it, and reopens it as it was", async () => {
  const dataDir = join(root, "new", "nested", "data");
  const db = await openDatabase({ dataDir, migrations: FIXTURES });
  assert.equal(db.engine, "pglite");
  assert.deepEqual(readdirSync(dataDir).sort(), [LOCK_FILE, "pgdata"]);
  await db.query("INSERT INTO accounts VALUES ('甲', 100)");
  await db.close();
  assert.ok(!existsSync(join(dataDir, LOCK_FILE)), "close() releases the lock");

  const again = await openDatabase({ dataDir, migrations: FIXTURES });
  try {
    assert.deepEqual(await again.query("SELECT name, balance FROM accounts"), [{ name: "甲", balance: 100 }]);
    assert.deepEqual(await again.query("SELECT version FROM schema_migrations ORDER BY 1"), [{ version: 1 }, { version: 2 }]);
  } finally {
    await again.close();
  }
});

it("closes the database and releases its lock when the migrations fail", async () => {
  const dataDir = join(root, "bad-migrations");
  await (await openPglite(dataDir, { loadDataDir: await pgliteTemplate(false) })).close();
  await assert.rejects(openDatabase({ dataDir, migrations: join(root, "no-such-folder") }), MigrationError);
  assert.ok(existsSync(join(dataDir, "pgdata", "PG_VERSION")));
  assert.ok(!existsSync(join(dataDir, LOCK_FILE)));
});

it("uses PostgreSQL when given a URL, and leaves the data directory alone", postgres, async () => {
  const { url, drop } = await createPostgresDatabase({ migrations: false });
  const dataDir = join(root, "unused");
  const db = await openDatabase({ databaseUrl: url, dataDir, migrations: FIXTURES });
  try {
    assert.equal(db.engine, "postgres");
    assert.deepEqual(await db.query("SELECT version FROM schema_migrations ORDER BY 1"), [{ version: 1 }, { version: 2 }]);
    assert.ok(!existsSync(dataDir));
  } finally {
    await db.close();
    await drop();
  }
});

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

it("says in Chinese which server could not be reached and why, without the password", async () => {
  const port = await closedPort();
  const password = "s3cret-密码";
  await assert.rejects(openPostgres(`postgres://gongkai:${encodeURIComponent(password)}@127.0.0.1:${port}/budget`), (error: Error) => {
    assert.ok(error instanceof DatabaseConnectError);
    assert.equal(
      error.message,
      `无法连接 PostgreSQL 数据库（主机 127.0.0.1，端口 ${port}，用户 gongkai，数据库 budget）：连接被拒绝，该地址和端口上没有数据库服务器在运行（ECONNREFUSED）。请检查 DATABASE_URL 和数据库服务器。`,
    );
    assert.ok(!error.message.includes("s3cret") && !error.message.includes(encodeURIComponent(password)));
    return true;
  });
});

it("says when the database does not exist", postgres, async () => {
  const server = await testPostgres();
  await assert.rejects(openPostgres(server.urlFor("no_such_db")), (error: Error) => {
    assert.ok(error instanceof DatabaseConnectError);
    assert.match(error.message, new RegExp(`（主机 127\\.0\\.0\\.1，端口 ${server.port}，用户 postgres，数据库 no_such_db）：数据库“no_such_db”不存在，请先创建它`));
    return true;
  });
});
