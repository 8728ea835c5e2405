/**
 * How values cross between JavaScript and the database, shared by both engines so that the same SQL gives
 * the same JavaScript values on PGlite and on PostgreSQL (the table is in src/store/sql.ts). Parameters are
 * all sent as text; results are parsed by type oid from their text form.
 */
import pg from "pg";
import { SqlError, type SqlValue } from "../sql.ts";

type Parse = (text: string) => unknown;

/** pg's own parsers, reused for the types whose JavaScript value we keep as pg gives it. */
const pgParser = (oid: number): Parse => pg.types.getTypeParser(oid, "text") as Parse;
const stringArray = pgParser(1009) as (text: string) => NestedArray<string | null>;

type NestedArray<T> = Array<T | NestedArray<T>>;

function mapNested(values: NestedArray<string | null>, parse: Parse): unknown[] {
  return values.map((value) => (value === null ? null : Array.isArray(value) ? mapNested(value, parse) : parse(value)));
}

const arrayOf = (parse: Parse): Parse => (text) => mapNested(stringArray(text), parse);

/** int8 as a JS number; refuses a value a number can't hold exactly (money is integer fen in bigint). */
function parseInt8(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`数据库返回的整数 ${text} 超出 JavaScript 能精确表示的范围（±${Number.MAX_SAFE_INTEGER}），拒绝读取以免丢失精度`);
  }
  return value;
}

const identity: Parse = (text) => text;
const parseBool: Parse = (text) => text === "t";
const parseNumber: Parse = (text) => Number(text);
const parseJson: Parse = (text) => JSON.parse(text);
const parseTimestamp = pgParser(1184);
const parseBytea = pgParser(17);

/** Parsers by type oid; every other type comes back as its text. */
const PARSERS: ReadonlyMap<number, Parse> = new Map<number, Parse>([
  [16, parseBool], // bool
  [17, parseBytea], // bytea → Buffer
  [20, parseInt8], // int8
  [21, parseNumber], // int2
  [23, parseNumber], // int4
  [26, parseNumber], // oid
  [114, parseJson], // json
  [700, parseNumber], // float4
  [701, parseNumber], // float8
  [1082, identity], // date → "YYYY-MM-DD"
  [1114, parseTimestamp], // timestamp
  [1184, parseTimestamp], // timestamptz
  [1700, identity], // numeric → string
  [3802, parseJson], // jsonb
  [1000, arrayOf(parseBool)],
  [1001, arrayOf(parseBytea)],
  [1005, arrayOf(parseNumber)],
  [1007, arrayOf(parseNumber)],
  [1016, arrayOf(parseInt8)],
  [1021, arrayOf(parseNumber)],
  [1022, arrayOf(parseNumber)],
  [199, arrayOf(parseJson)],
  [3807, arrayOf(parseJson)],
  [1182, arrayOf(identity)], // date[]
  [1115, arrayOf(parseTimestamp)],
  [1185, arrayOf(parseTimestamp)],
  [1231, arrayOf(identity)], // numeric[]
  [1009, arrayOf(identity)], // text[]
  [1015, arrayOf(identity)], // varchar[]
  [1014, arrayOf(identity)], // bpchar[]
  [2951, arrayOf(identity)], // uuid[]
]);

/** The parser for a result column of type `oid` (text format). */
export function parserFor(oid: number): Parse {
  return PARSERS.get(oid) ?? identity;
}

/** The oids with a parser of their own (the rest come back as text). */
export const PARSED_OIDS: readonly number[] = [...PARSERS.keys()];

/** One query parameter as the text both engines send. */
export function toParam(value: SqlValue): string | null {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case "string":
      return value;
    case "number":
    case "bigint":
      return String(value);
    case "boolean":
      return value ? "true" : "false";
    case "object":
      if (value instanceof Date) {
        if (Number.isNaN(value.getTime())) throw new TypeError("查询参数是无效的日期（Invalid Date）");
        return value.toISOString();
      }
      if (value instanceof Uint8Array) return `\\x${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString("hex")}`;
      return JSON.stringify(value, (_key, item: unknown) => (typeof item === "bigint" ? item.toString() : item));
    default:
      throw new TypeError(`查询参数不能是 ${typeof value}`);
  }
}

export function toParams(values: readonly SqlValue[] | undefined): (string | null)[] {
  return values ? values.map(toParam) : [];
}

interface DriverError {
  message: string;
  code?: unknown;
  severity?: unknown;
  detail?: unknown;
  constraint?: unknown;
  table?: unknown;
  column?: unknown;
}

const text = (value: unknown): string | undefined => (typeof value === "string" && value !== "" ? value : undefined);

/**
 * The driver's error as a SqlError when the database reported it (it carries a SQLSTATE); anything else
 * (a broken connection, a parser's RangeError) is returned as it is.
 */
export function toSqlError(error: unknown): unknown {
  if (error instanceof SqlError || !(error instanceof Error)) return error;
  const e = error as Error & DriverError;
  if (typeof e.code !== "string" || !/^[0-9A-Z]{5}$/.test(e.code) || e.severity === undefined) return error;
  return new SqlError(
    e.message,
    { code: e.code, detail: text(e.detail), constraint: text(e.constraint), table: text(e.table), column: text(e.column) },
    { cause: error },
  );
}
