/**
 * HTTP behaviour shared by every route of the open data API: JSON answers with a strong ETag and
 * public caching, conditional requests (If-None-Match → 304), CORS for reading, and errors as JSON
 * `{ "error": "<中文说明>" }` — 400 for bad parameters, 404 for what does not exist.
 */
import { createHash } from "node:crypto";
import type { Context, MiddlewareHandler } from "hono";
import { z } from "zod";
import type { ServerEnv } from "../env.ts";

type C = Context<ServerEnv>;

/** An answer other than 200 the reader should understand; the message is Chinese. */
export class ApiError extends Error {
  constructor(
    readonly status: 400 | 404 | 405 | 500,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export const API_CACHE_CONTROL = "public, max-age=60";

/** Headers every API answer carries (also 304s and errors). */
function commonHeaders(c: C): void {
  c.header("Access-Control-Allow-Origin", "*");
  c.header("Access-Control-Expose-Headers", "ETag");
  c.header("Vary", "Accept-Encoding");
}

/** A strong ETag of a body: its SHA-256 (base64url, 128 bits are plenty). */
export function etagOf(body: string): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 22)}"`;
}

/**
 * Whether If-None-Match names this ETag (weak comparison, as RFC 9110 asks for If-None-Match: a
 * `W/` prefix is ignored), or is `*`.
 */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  return header.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag);
}

/** The body as JSON with its ETag and caching headers, or 304 when the reader's copy is current. */
export function apiJson(c: C, body: unknown): Response {
  const text = JSON.stringify(body);
  const etag = etagOf(text);
  commonHeaders(c);
  c.header("ETag", etag);
  c.header("Cache-Control", API_CACHE_CONTROL);
  if (matchesIfNoneMatch(c.req.header("if-none-match"), etag)) return c.body(null, 304);
  return c.body(text, 200, { "Content-Type": "application/json; charset=utf-8" });
}

export function apiErrorResponse(c: C, status: number, message: string): Response {
  commonHeaders(c);
  // Errors are not cached: a unit not yet published may be published a minute later.
  c.header("Cache-Control", "no-store");
  return c.body(JSON.stringify({ error: message }), status as 400, { "Content-Type": "application/json; charset=utf-8" });
}

/**
 * CORS for reading: answers a preflight (OPTIONS) itself and lets any origin read GET/HEAD answers.
 * Nothing of the API needs a cookie, so no credentials are allowed.
 */
export function corsForReading(): MiddlewareHandler<ServerEnv> {
  return async (c, next) => {
    if (c.req.method === "OPTIONS") {
      commonHeaders(c);
      c.header("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS");
      c.header("Access-Control-Allow-Headers", c.req.header("access-control-request-headers") ?? "If-None-Match, Accept, Content-Type");
      c.header("Access-Control-Max-Age", "86400");
      c.header("Allow", "GET, HEAD, OPTIONS");
      return c.body(null, 204);
    }
    await next();
  };
}

/** The error map for zod's own messages (ours are written in Chinese in the schemas). */
const ZH = z.locales.zhCN().localeError;

/**
 * The request's query parameters parsed with `schema` (repeated parameters are joined with commas);
 * an unknown parameter or a bad value is an ApiError 400 naming the parameter.
 */
export function parseQuery<S extends z.ZodObject>(c: C, schema: S): z.output<S> {
  const raw: Record<string, string> = {};
  for (const [name, values] of Object.entries(c.req.queries())) raw[name] = values.join(",");
  const known = Object.keys(schema.shape);
  const unknown = Object.keys(raw).filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    throw new ApiError(400, `未知的参数 ${unknown.join("、")}；这个接口${known.length > 0 ? `接受的参数是：${known.join("、")}` : "不接受任何参数"}`);
  }
  return parseWith(schema, raw);
}

/** The route's path parameters parsed with `schema`. */
export function parsePath<S extends z.ZodObject>(c: C, schema: S): z.output<S> {
  return parseWith(schema, c.req.param() as Record<string, string>);
}

function parseWith<S extends z.ZodObject>(schema: S, raw: Record<string, string>): z.output<S> {
  const parsed = schema.safeParse(raw, { error: ZH });
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const name = issue.path.length > 0 ? String(issue.path[0]) : "";
  throw new ApiError(400, `参数 ${name} 有误：${issue.message}`);
}
