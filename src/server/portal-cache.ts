/**
 * The response cache of the public pages made of published data (the portal's pages, the stored
 * publications). They change only when something is published, so each is rendered once and then
 * served from memory, to anyone not signed in, with a strong ETag (If-None-Match → 304) and
 * `Cache-Control: public, max-age=300`; compressed once per encoding (brotli, gzip) for clients that
 * accept it. Pages are kept in a least-recently-used list bounded by bytes.
 *
 * A page is keyed by its address and the store's version: the number of publications (append-only, so
 * any publication changes it: a republish, a first publication of a sibling unit that the page lists,
 * an earlier year that its year-over-year chart shows). The version is remembered, so a hit asks the
 * database nothing; it is read again when this process indexes a publication (`publicationEpoch`),
 * and, when other processes may publish too (PostgreSQL), every few seconds. A page whose content did
 * not change keeps its ETag (it is the content's hash), so browsers keep getting 304s.
 *
 * Two doors lead to the same pages: `cachedPage` wraps a route's handler (it fills the cache, and
 * answers hits inside the app), and `withPortalCache` answers hits before the request reaches the
 * app at all (`gongkai serve`), which is what makes a hit cheap: no Request/Response objects, no
 * middleware, one `writeHead` and one `end`.
 */
import { createHash } from "node:crypto";
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { promisify } from "node:util";
import { brotliCompress, constants as zlib, gzip } from "node:zlib";
import type { Context } from "hono";
import { publicationEpoch } from "../app/portal-index.ts";
import type { ServerEnv } from "./env.ts";

/** How long browsers and proxies may reuse a page without asking (a republish shows within 5 minutes). */
export const PAGE_CACHE_CONTROL = "public, max-age=300";
export const DEFAULT_PAGE_CACHE_BYTES = 256 * 1024 * 1024;
/** Below this size a page is not worth compressing. */
const MIN_COMPRESS_BYTES = 1024;
/** Each remembered page costs its bodies plus roughly this much bookkeeping. */
const ENTRY_OVERHEAD = 512;

export type Encoding = "br" | "gzip" | "identity";

const SUFFIX: Record<Encoding, string> = { br: "-br", gzip: "-gz", identity: "" };
const compressors: Record<Exclude<Encoding, "identity">, (body: Buffer) => Promise<Buffer>> = {
  br: (body) =>
    promisify(brotliCompress)(body, {
      params: { [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT, [zlib.BROTLI_PARAM_QUALITY]: 10, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length },
    }),
  gzip: (body) => promisify(gzip)(body, { level: 9 }),
};

interface Variant {
  readonly body: Buffer;
  readonly etag: string;
  /** The page's own headers of a 200 and of a 304, flat (`[name, value, name, value …]`). */
  readonly full: readonly string[];
  readonly notModified: readonly string[];
  /** The same with the app's headers, as `writeHead` takes them (`withPortalCache`). */
  readonly wire: string[];
  readonly wireNotModified: string[];
}

interface CachedPage {
  readonly key: string;
  /** The store's version the page was rendered at; undefined: the page never changes. */
  readonly version: number | undefined;
  readonly contentType: string;
  readonly cacheControl: string;
  readonly variants: Map<Encoding, Variant>;
  readonly compressing: Map<Encoding, Promise<Variant>>;
  bytes: number;
}

export interface PortalCacheOptions {
  /** Reads the store's version from the database: how many publications it holds. */
  readonly version: () => Promise<number>;
  /** The most bytes of pages kept (default 256 MiB; GONGKAI_PAGE_CACHE_MB). */
  readonly maxBytes?: number;
  /**
   * How long the remembered version is trusted, in milliseconds. Unset: until this process
   * publishes, right for the embedded database, which only this process can write.
   */
  readonly versionTtlMs?: number;
  /** Keep brotli and gzip copies for clients that accept them (default true). */
  readonly compress?: boolean;
  /** Headers every answer of the app carries (the security headers), for answers given outside it. */
  readonly headers?: readonly (readonly [string, string])[];
  readonly now?: () => number;
}

export interface PortalCacheStats {
  readonly hits: number;
  readonly misses: number;
  readonly notModified: number;
  readonly evictions: number;
  readonly pages: number;
  readonly bytes: number;
}

/** The encoding to answer with, from an Accept-Encoding header: brotli, else gzip, else none. */
export function preferredEncoding(header: string | undefined): Encoding {
  if (!header) return "identity";
  let gzipOk = false;
  let brOk = false;
  for (const part of header.split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    if (q !== undefined && Number(q.slice(2)) === 0) continue;
    if (name === "br") brOk = true;
    else if (name === "gzip" || name === "x-gzip") gzipOk = true;
    else if (name === "*") brOk = gzipOk = true;
  }
  return brOk ? "br" : gzipOk ? "gzip" : "identity";
}

/** Whether an If-None-Match header names this ETag (weak comparison, as RFC 9110 asks for If-None-Match). */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  return header.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag);
}

export class PortalCache {
  readonly maxBytes: number;
  readonly compress: boolean;
  readonly #readVersion: () => Promise<number>;
  readonly #versionTtlMs: number | undefined;
  readonly #headers: readonly string[];
  readonly #now: () => number;
  readonly #pages = new Map<string, CachedPage>();
  #version: { value: number; epoch: number; at: number } | undefined;
  #reading: { epoch: number; value: Promise<number> } | undefined;
  #bytes = 0;
  #hits = 0;
  #misses = 0;
  #notModified = 0;
  #evictions = 0;

  constructor(options: PortalCacheOptions) {
    this.#readVersion = options.version;
    const fromEnv = Number(process.env.GONGKAI_PAGE_CACHE_MB);
    this.maxBytes = options.maxBytes ?? (fromEnv > 0 ? fromEnv * 1024 * 1024 : DEFAULT_PAGE_CACHE_BYTES);
    this.compress = options.compress ?? true;
    this.#versionTtlMs = options.versionTtlMs;
    this.#headers = (options.headers ?? []).flat();
    this.#now = options.now ?? Date.now;
  }

  get stats(): PortalCacheStats {
    return { hits: this.#hits, misses: this.#misses, notModified: this.#notModified, evictions: this.#evictions, pages: this.#pages.size, bytes: this.#bytes };
  }

  /** The store's version, if remembered and still to be trusted (memory only). */
  knownVersion(): number | undefined {
    const known = this.#version;
    if (!known) return undefined;
    if (known.epoch !== publicationEpoch() || (this.#versionTtlMs !== undefined && this.#now() - known.at > this.#versionTtlMs)) {
      this.#version = undefined;
      return undefined;
    }
    return known.value;
  }

  /** The store's version: remembered, or read from the database (once, however many ask at once). */
  async version(): Promise<number> {
    const known = this.knownVersion();
    if (known !== undefined) return known;
    const epoch = publicationEpoch();
    if (this.#reading?.epoch !== epoch) {
      const value = this.#readVersion();
      const reading = { epoch, value };
      this.#reading = reading;
      // What was read is remembered only if this process has not published since it was asked for.
      value.then(
        (v) => {
          if (this.#reading === reading) this.#reading = undefined;
          if (epoch === publicationEpoch()) this.#version = { value: v, epoch, at: this.#now() };
        },
        () => {
          if (this.#reading === reading) this.#reading = undefined;
        },
      );
    }
    return this.#reading!.value;
  }

  /** Forgets every page and the version. */
  clear(): void {
    this.#pages.clear();
    this.#version = undefined;
    this.#bytes = 0;
  }

  /** The page at `key` if it was rendered at `version` (a page of an older version is dropped). */
  lookup(key: string, version: number | undefined): CachedPage | undefined {
    const page = this.#pages.get(key);
    if (!page) return undefined;
    if (page.version !== version) {
      this.#remove(page);
      return undefined;
    }
    this.#touch(page);
    return page;
  }

  /** The page at `key` if memory alone says it is current (no database): for `withPortalCache`. */
  fresh(key: string): CachedPage | undefined {
    const page = this.#pages.get(key);
    if (!page) return undefined;
    if (page.version !== undefined && page.version !== this.knownVersion()) return undefined;
    this.#touch(page);
    return page;
  }

  store(key: string, entry: { version: number | undefined; contentType: string; cacheControl: string; body: Buffer }): CachedPage {
    const old = this.#pages.get(key);
    if (old) this.#remove(old);
    const page: CachedPage = { key, version: entry.version, contentType: entry.contentType, cacheControl: entry.cacheControl, variants: new Map(), compressing: new Map(), bytes: ENTRY_OVERHEAD + key.length };
    // The content's hash: the same page keeps its ETag across versions and restarts.
    const tag = createHash("sha256").update(entry.body).digest("base64url").slice(0, 22);
    this.#addVariant(page, "identity", entry.body, tag);
    // A page larger than the whole cache is answered but not kept (keeping it would push out every other).
    if (page.bytes > this.maxBytes) return page;
    this.#pages.set(key, page);
    this.#bytes += page.bytes;
    this.#evict();
    return page;
  }

  /** The page's copy in `encoding`, compressing it the first time (once, however many ask at once). */
  async variant(page: CachedPage, encoding: Encoding): Promise<{ encoding: Encoding; variant: Variant }> {
    const identity = page.variants.get("identity")!;
    if (encoding === "identity" || !this.compress || identity.body.length < MIN_COMPRESS_BYTES) return { encoding: "identity", variant: identity };
    const ready = page.variants.get(encoding);
    if (ready) return { encoding, variant: ready };
    let pending = page.compressing.get(encoding);
    if (!pending) {
      pending = compressors[encoding](identity.body).then((body) => {
        page.compressing.delete(encoding);
        const tag = identity.etag.slice(1, -1);
        const variant = this.#addVariant(page, encoding, body, tag);
        if (this.#pages.get(page.key) === page) {
          this.#bytes += body.length;
          this.#evict();
        }
        return variant;
      });
      page.compressing.set(encoding, pending);
    }
    return { encoding, variant: await pending };
  }

  /** Counts a page answered from memory, for the statistics. */
  countHit(): void {
    this.#hits += 1;
  }

  /** Counts a 304. */
  countNotModified(): void {
    this.#notModified += 1;
  }

  countMiss(): void {
    this.#misses += 1;
  }

  #addVariant(page: CachedPage, encoding: Encoding, body: Buffer, tag: string): Variant {
    const etag = `"${tag}${SUFFIX[encoding]}"`;
    const common = ["Cache-Control", page.cacheControl, "ETag", etag, ...(this.compress ? ["Vary", "Accept-Encoding"] : [])];
    const full = ["Content-Type", page.contentType, ...(encoding === "identity" ? [] : ["Content-Encoding", encoding]), ...common, "Content-Length", String(body.length)];
    const variant: Variant = { body, etag, full, notModified: common, wire: [...full, ...this.#headers], wireNotModified: [...common, ...this.#headers] };
    page.variants.set(encoding, variant);
    page.bytes += body.length;
    return variant;
  }

  #touch(page: CachedPage): void {
    this.#pages.delete(page.key);
    this.#pages.set(page.key, page);
  }

  #remove(page: CachedPage): void {
    if (this.#pages.get(page.key) !== page) return;
    this.#pages.delete(page.key);
    this.#bytes -= page.bytes;
  }

  #evict(): void {
    for (const page of this.#pages.values()) {
      if (this.#bytes <= this.maxBytes) break;
      this.#remove(page);
      this.#evictions += 1;
    }
  }
}

/** A page's handler: what `defineRoute` and the portal's routes take. */
export type PageHandler = (c: Context<ServerEnv>) => Response | Promise<Response>;

export interface CachedPageOptions {
  /** The page at this address never changes (a given publication's page): no version check. */
  readonly immutable?: boolean;
  /**
   * The handler reads no query parameter: `?anything` is the same page, kept once (so made-up queries
   * cannot fill the cache with copies). Default false: each query is its own page.
   */
  readonly ignoreQuery?: boolean;
  /** Default PAGE_CACHE_CONTROL. */
  readonly cacheControl?: string;
}

/** The request's path and query, as the cache keys pages. */
function requestKey(url: string): string {
  return url.slice(url.indexOf("/", url.indexOf("//") + 2));
}

function answer(c: Context<ServerEnv>, variant: Variant, status: 200 | 304): Response {
  const flat = status === 200 ? variant.full : variant.notModified;
  const headers: Record<string, string> = {};
  for (let i = 0; i < flat.length; i += 2) if (flat[i] !== "Content-Length") headers[flat[i]!] = flat[i + 1]!;
  return status === 200 ? c.body(variant.body as Uint8Array<ArrayBuffer>, 200, headers) : c.body(null, 304, headers);
}

/**
 * Wraps the handler of a public page made of published data only: anonymous GETs are answered from
 * the cache, or rendered by the handler once and kept. Only a 200 without cookies is kept; anything
 * else (a 404, a redirect, a signed-in reader's page) passes through untouched.
 */
export function cachedPage(cache: PortalCache, handler: PageHandler, options: CachedPageOptions = {}): (c: Context<ServerEnv>) => Promise<Response> {
  return async (c) => {
    if (c.get("user") !== undefined || (c.req.method !== "GET" && c.req.method !== "HEAD")) return handler(c);
    const key = options.ignoreQuery ? c.req.path : requestKey(c.req.url);
    const version = options.immutable ? undefined : await cache.version();
    let page = cache.lookup(key, version);
    if (page) cache.countHit();
    else {
      cache.countMiss();
      const res = await handler(c);
      if (res.status !== 200 || res.headers.has("set-cookie")) return res;
      const body = Buffer.from(await res.arrayBuffer());
      page = cache.store(key, { version, contentType: res.headers.get("content-type") ?? "text/html; charset=utf-8", cacheControl: options.cacheControl ?? PAGE_CACHE_CONTROL, body });
    }
    const { variant } = await cache.variant(page, preferredEncoding(c.req.header("accept-encoding")));
    if (matchesEtag(c.req.header("if-none-match"), variant.etag)) {
      cache.countNotModified();
      return answer(c, variant, 304);
    }
    return answer(c, variant, 200);
  };
}

/**
 * A Node request listener that answers, before the app, the anonymous GETs and HEADs of pages the
 * cache holds and knows to be current without the database; every other request goes to `listener`
 * (the app, which fills the cache). A request carrying the session cookie always goes to the app.
 */
export function withPortalCache(cache: PortalCache, listener: RequestListener, sessionCookie: string): RequestListener {
  const marker = `${sessionCookie}=`;
  return (req: IncomingMessage, res: ServerResponse) => {
    if (serveCached(cache, req, res, marker)) return;
    listener(req, res);
  };
}

function serveCached(cache: PortalCache, req: IncomingMessage, res: ServerResponse, sessionMarker: string): boolean {
  const method = req.method;
  if ((method !== "GET" && method !== "HEAD") || req.url === undefined) return false;
  const cookie = req.headers.cookie;
  if (cookie !== undefined && cookie.includes(sessionMarker)) return false;
  const page = cache.fresh(req.url);
  if (!page) return false;
  const encoding = cache.compress ? preferredEncoding(req.headers["accept-encoding"]) : "identity";
  const variant = page.variants.get(encoding) ?? (page.variants.get("identity")!.body.length < MIN_COMPRESS_BYTES ? page.variants.get("identity") : undefined);
  // Not compressed yet in this encoding: the app compresses it (once) and answers.
  if (!variant) return false;
  const notModified = matchesEtag(req.headers["if-none-match"], variant.etag);
  cache.countHit();
  if (notModified) cache.countNotModified();
  res.writeHead(notModified ? 304 : 200, notModified ? variant.wireNotModified : variant.wire);
  res.end(notModified || method === "HEAD" ? undefined : variant.body);
  return true;
}
