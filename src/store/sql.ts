/**
 * The one seam between the store and its database engines: PGlite (embedded, the default) and
 * PostgreSQL (when DATABASE_URL is set). Both speak the same SQL, so the repositories are written once
 * against this interface and the conformance suite runs them on both.
 *
 * Values are the same on both engines (src/store/engines/values.ts): int2/int4/int8 (bigint, bigserial,
 * count(*)) → number, and an int8 beyond ±Number.MAX_SAFE_INTEGER throws rather than lose digits;
 * numeric (and so sum() of bigint — cast it: `sum(x)::bigint`) → string; json/jsonb → parsed value;
 * timestamptz/timestamp → Date; date → "YYYY-MM-DD" string; bytea → Buffer (a Uint8Array); bool → boolean;
 * arrays of these → arrays; any other type → its text. The session time zone is UTC on both.
 */

/**
 * A parameter of a query: `$1`, `$2` … in the text. Objects and arrays are passed as JSON (jsonb), also
 * arrays: write `= ANY(SELECT jsonb_array_elements_text($1::jsonb)::bigint)`, not `= ANY($1)`. A string
 * sent to a jsonb parameter must already be JSON text (`JSON.stringify("文字")`). Dates are sent as ISO
 * text, Uint8Array as bytea, bigint as its digits; undefined is sent as NULL.
 */
export type SqlValue = string | number | bigint | boolean | null | undefined | Date | Uint8Array | object;

export interface Sql {
  /** Runs one statement; returns its rows (empty for statements without RETURNING). */
  query<Row extends object = Record<string, unknown>>(text: string, params?: readonly SqlValue[]): Promise<Row[]>;
  /**
   * Runs a script of one or more statements separated by `;`, without parameters (migrations, test
   * set-up). Returns nothing.
   */
  exec(script: string): Promise<void>;
  /**
   * Runs `work` in one transaction: committed when it resolves, rolled back when it throws (and the error
   * rethrown). Nested calls run inside the outer transaction as a savepoint: a nested call that throws
   * undoes only its own writes, and the outer transaction goes on if the caller catches the error.
   * Inside `work`, use `tx` only: using the outer database there throws (on PGlite it would wait for
   * the transaction forever).
   */
  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T>;
}

export interface Database extends Sql {
  /** "pglite" or "postgres", for messages and for the conformance suite's test names. */
  readonly engine: "pglite" | "postgres";
  /** Closes the connection(s) and releases the data directory's lock. */
  close(): Promise<void>;
}

/**
 * An error reported by the database for a statement: the same on both engines. `code` is the SQLSTATE
 * (23505 unique violation, 23503 foreign key, 40001 serialization failure, 25P02 transaction aborted …);
 * `message` is PostgreSQL's (English) text, for logs, not for users.
 */
export class SqlError extends Error {
  readonly code: string;
  readonly detail: string | undefined;
  readonly constraint: string | undefined;
  readonly table: string | undefined;
  readonly column: string | undefined;

  constructor(message: string, fields: { code: string; detail?: string; constraint?: string; table?: string; column?: string }, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "SqlError";
    this.code = fields.code;
    this.detail = fields.detail;
    this.constraint = fields.constraint;
    this.table = fields.table;
    this.column = fields.column;
  }
}

/** Thrown when another process holds the embedded database; the message is for the user. */
export class DatabaseLockedError extends Error {
  constructor(readonly dataDir: string, readonly holderPid: number | undefined) {
    super(
      `数据库 ${dataDir} 正由另一个进程${holderPid ? `（进程号 ${holderPid}）` : ""}使用。内置数据库只能由一个进程打开：` +
        `请先停止那个进程（例如正在运行的 gongkai serve），或者通过服务器的网页和接口操作；多人多进程部署请设置 DATABASE_URL 使用 PostgreSQL。`,
    );
    this.name = "DatabaseLockedError";
  }
}

/** Thrown when the PostgreSQL server can't be reached or refuses us; the message is for the user (no password). */
export class DatabaseConnectError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "DatabaseConnectError";
  }
}

/** Thrown by migrate() when the migrations folder and the database disagree; the message is for the user. */
export class MigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MigrationError";
  }
}
