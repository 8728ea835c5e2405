/**
 * The server engine: PostgreSQL (15 or newer) through a `pg.Pool`, for a deployment shared by many users.
 * Type parsing is configured on this pool only (values.ts), never on pg's global defaults.
 *
 * @example
 * const db = await openPostgres(process.env.DATABASE_URL!);   // throws DatabaseConnectError if unreachable
 * await db.transaction(async (tx) => { await tx.query("UPDATE …"); });
 * await db.close();
 */
import pg from "pg";
import { DatabaseConnectError, SqlError, type Database, type Sql, type SqlValue } from "../sql.ts";
import { TransactionSql, inTransactionOf, refuseInsideTransaction, type Runner } from "./session.ts";
import { parserFor, toParams, toSqlError } from "./values.ts";

const MINIMUM_VERSION = 150000;

export interface PostgresOptions {
  /** Most connections the pool opens (10 by default). */
  readonly max?: number;
  /** How long to wait for a connection before giving up, in ms (10 s by default). */
  readonly connectTimeoutMs?: number;
  /** Let the process exit while idle connections remain open (tests). */
  readonly allowExitOnIdle?: boolean;
}

/**
 * Connects to the PostgreSQL server at `url` (postgres://user:password@host:port/database) and checks that
 * it answers; throws DatabaseConnectError with a message for the user when it can't.
 */
export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<Database> {
  const target = describeTarget(url);
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
    idleTimeoutMillis: 30_000,
    allowExitOnIdle: options.allowExitOnIdle ?? false,
    // Same session time zone as PGlite, so that text and date arithmetic agree.
    options: "-c TimeZone=UTC",
    types: { getTypeParser: ((oid: number, format?: string) => (format === "binary" ? pg.types.getTypeParser(oid, "binary") : parserFor(oid))) as pg.CustomTypesConfig["getTypeParser"] },
  });
  // An idle connection that breaks (server restart) must not crash the process; the next query reconnects.
  pool.on("error", (error) => process.stderr.write(`PostgreSQL 连接中断（${target.where}）：${redact(error.message, target.password)}\n`));
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new DatabaseConnectError(`无法连接 PostgreSQL 数据库（${target.where}）：${reasonOf(error, target)}。请检查 DATABASE_URL 和数据库服务器。`, { cause: error });
  }
  try {
    const { rows } = await client.query<{ version: string }>("SELECT current_setting('server_version_num') AS version");
    const version = Number(rows[0]?.version);
    if (version < MINIMUM_VERSION) {
      throw new DatabaseConnectError(`PostgreSQL 数据库（${target.where}）的版本太旧（${version}）：Gongkai 需要 PostgreSQL 15 或更新版本。`);
    }
  } catch (error) {
    client.release();
    await pool.end().catch(() => undefined);
    throw error;
  }
  client.release();
  return new PostgresEngine(pool);
}

class PostgresEngine implements Database {
  readonly engine = "postgres" as const;
  #closed = false;

  constructor(private readonly pool: pg.Pool) {}

  #check(): void {
    if (this.#closed) throw new Error("数据库已经关闭");
    refuseInsideTransaction(this);
  }

  async query<Row extends object = Record<string, unknown>>(text: string, params?: readonly SqlValue[]): Promise<Row[]> {
    this.#check();
    return (await run(this.pool, text, toParams(params))) as Row[];
  }

  async exec(script: string): Promise<void> {
    this.#check();
    try {
      await this.pool.query(script);
    } catch (error) {
      throw toSqlError(error);
    }
  }

  async transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T> {
    this.#check();
    const client = await this.pool.connect();
    let broken: Error | undefined;
    const sql = new TransactionSql(clientRunner(client));
    try {
      await client.query("BEGIN");
      let result: T;
      try {
        result = await inTransactionOf(this, () => work(sql));
      } catch (error) {
        sql.end();
        try {
          await client.query("ROLLBACK");
        } catch (rollbackError) {
          broken = rollbackError as Error;
        }
        throw error;
      }
      sql.end();
      const commit = await client.query("COMMIT");
      // COMMIT of a transaction in which a statement failed (and the error was caught) rolls back
      // without an error; say so, as PGlite does.
      if (commit.command === "ROLLBACK") throw new SqlError("Transaction was rolled back instead of committed", { code: "25P02" });
      return result;
    } catch (error) {
      throw toSqlError(error);
    } finally {
      sql.end();
      client.release(broken);
    }
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.pool.end();
  }
}

type Queryable = Pick<pg.Pool, "query"> | Pick<pg.PoolClient, "query">;

/** One statement with the extended protocol (as PGlite): a single statement, parameters apart. */
async function run(on: Queryable, text: string, values: (string | null)[]): Promise<object[]> {
  try {
    const config = { text, values, queryMode: "extended" } as pg.QueryConfig;
    return (await on.query(config)).rows as object[];
  } catch (error) {
    throw toSqlError(error);
  }
}

function clientRunner(client: pg.PoolClient): Runner {
  return {
    query: (text, params) => run(client, text, params),
    async exec(script) {
      try {
        await client.query(script);
      } catch (error) {
        throw toSqlError(error);
      }
    },
  };
}

interface Target {
  readonly where: string;
  readonly database: string;
  readonly user: string;
  readonly password: string | undefined;
}

/** Host, port, user and database of `url` for messages: never the password. */
function describeTarget(url: string): Target {
  let client: pg.Client;
  try {
    client = new pg.Client({ connectionString: url });
  } catch {
    throw new DatabaseConnectError("DATABASE_URL 不是有效的 PostgreSQL 连接地址；格式为 postgres://用户名:密码@主机:端口/数据库名");
  }
  const host = client.host || "localhost";
  const port = client.port || 5432;
  const user = client.user ?? "";
  const database = client.database ?? user;
  const password = typeof client.password === "string" && client.password !== "" ? client.password : undefined;
  return { where: `主机 ${host}，端口 ${port}，用户 ${user}，数据库 ${database}`, database, user, password };
}

const REASONS: Record<string, string> = {
  ECONNREFUSED: "连接被拒绝，该地址和端口上没有数据库服务器在运行",
  ENOTFOUND: "找不到这个主机名",
  EAI_AGAIN: "暂时无法解析这个主机名",
  ETIMEDOUT: "连接超时",
  EHOSTUNREACH: "主机不可达",
  ENETUNREACH: "网络不可达",
  ECONNRESET: "连接被服务器断开",
  "28P01": "用户名或密码错误",
  "28000": "服务器拒绝了这个连接（pg_hba.conf 中没有允许它的条目，或者需要 SSL）",
  "57P03": "数据库服务器正在启动或关闭",
  "53300": "数据库服务器的连接数已满",
};

function reasonOf(error: unknown, target: Target): string {
  const e = error as { code?: unknown; message?: unknown };
  const code = typeof e.code === "string" ? e.code : "";
  if (code === "3D000") return `数据库“${target.database}”不存在，请先创建它（createdb ${target.database}）`;
  const known = REASONS[code];
  const message = typeof e.message === "string" ? redact(e.message, target.password) : String(error);
  if (known) return `${known}（${code}）`;
  if (/timeout/i.test(message)) return `连接超时（${message}）`;
  return message;
}

function redact(message: string, password: string | undefined): string {
  return password ? message.split(password).join("***") : message;
}
