/**
 * The page cache (src/server/portal-cache.ts): a published page keeps a strong ETag that is stable
 * across requests and servers, If-None-Match gives 304, a publication (a republish) changes the page
 * and its ETag, the pages held stay within their byte bound, compressed copies are made once, and a
 * hit asks the database nothing: neither inside the app nor before it (`gongkai serve`'s listener),
 * whose answers carry the same headers as the app's.
 */
import assert from "node:assert/strict";
import { createServer as createHttpServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { getRequestListener } from "@hono/node-server";
import type { Hono } from "hono";
import { bulkPublish, type BulkPublished } from "../../src/app/bulk-publish.ts";
import type { AppContext } from "../../src/app/context.ts";
import { createServer, newPortalCache, SECURITY_HEADERS, SESSION_COOKIE } from "../../src/server/app.ts";
import type { ServerEnv } from "../../src/server/env.ts";
import { cachedPage, matchesEtag, PortalCache, preferredEncoding, withPortalCache } from "../../src/server/portal-cache.ts";
import { portalEntry } from "../../src/store/repositories/portal.ts";
import { listPublications } from "../../src/store/repositories/publications.ts";
import type { Database, Sql } from "../../src/store/sql.ts";
import { DEFAULT_CHAIN } from "../../src/workflow/chain.ts";
import { forEachEngine } from "../support/engines.ts";
import { syntheticUnitCode, syntheticUnits } from "../support/synthetic-units.ts";

/** A Database that counts the statements run through it (transactions included). */
function counting(db: Database): { db: Database; queries: () => number } {
  let count = 0;
  const wrap = (sql: Sql): Sql => ({
    query: (text, params) => {
      count += 1;
      return sql.query(text, params);
    },
    exec: (script) => {
      count += 1;
      return sql.exec(script);
    },
    transaction: (work) => sql.transaction((tx) => work(wrap(tx))),
  });
  return { db: { ...wrap(db), engine: db.engine, close: () => db.close() }, queries: () => count };
}

const page = (text: string) => Buffer.from(`<!doctype html><p>${text}</p>`.padEnd(2000, " "));

describe("page cache: its parts", () => {
  it("keeps pages within its byte bound, dropping the least recently used", () => {
    const cache = new PortalCache({ version: async () => 1, maxBytes: 11_000, compress: false });
    for (const key of ["/a", "/b", "/c", "/d"]) cache.store(key, { version: 1, contentType: "text/html", cacheControl: "public", body: page(key) });
    assert.equal(cache.stats.pages, 4);
    cache.lookup("/a", 1); // /a is now the most recently used
    cache.store("/e", { version: 1, contentType: "text/html", cacheControl: "public", body: page("/e") });
    assert.ok(cache.stats.bytes <= 11_000, `${cache.stats.bytes} bytes`);
    assert.equal(cache.stats.pages, 4);
    assert.equal(cache.stats.evictions, 1);
    assert.equal(cache.lookup("/b", 1), undefined);
    for (const key of ["/a", "/c", "/d", "/e"]) assert.ok(cache.lookup(key, 1), key);
    // A page larger than the whole bound is not kept at all.
    cache.store("/huge", { version: 1, contentType: "text/html", cacheControl: "public", body: Buffer.alloc(20_000) });
    assert.equal(cache.lookup("/huge", 1), undefined);
    assert.equal(cache.stats.pages, 4);
    assert.ok(cache.stats.bytes <= 11_000);
  });

  it("counts compressed copies in the bound, and a page of another version is dropped", async () => {
    const cache = new PortalCache({ version: async () => 1, maxBytes: 1_000_000 });
    const stored = cache.store("/a", { version: 1, contentType: "text/html", cacheControl: "public", body: page("a") });
    const before = cache.stats.bytes;
    const { encoding, variant } = await cache.variant(stored, "gzip");
    assert.equal(encoding, "gzip");
    assert.equal(gunzipSync(variant.body).toString(), page("a").toString());
    assert.equal(cache.stats.bytes, before + variant.body.length);
    assert.equal(cache.lookup("/a", 2), undefined);
    assert.equal(cache.stats.bytes, 0);
  });

  it("trusts the store's version for its time to live only (PostgreSQL: other processes publish)", async () => {
    let now = 0;
    let reads = 0;
    const cache = new PortalCache({ version: async () => ++reads, versionTtlMs: 5_000, now: () => now });
    assert.equal(await cache.version(), 1);
    now = 4_000;
    assert.equal(await cache.version(), 1);
    assert.equal(cache.knownVersion(), 1);
    now = 5_001;
    assert.equal(cache.knownVersion(), undefined);
    assert.equal(await cache.version(), 2);
    // Many asking at once read it once.
    now = 20_000;
    assert.deepEqual(await Promise.all([cache.version(), cache.version(), cache.version()]), [3, 3, 3]);
    assert.equal(reads, 3);
  });

  it("negotiates the encoding and compares ETags as RFC 9110 says", () => {
    assert.equal(preferredEncoding(undefined), "identity");
    assert.equal(preferredEncoding("gzip, deflate, br"), "br");
    assert.equal(preferredEncoding("gzip, br;q=0"), "gzip");
    assert.equal(preferredEncoding("deflate"), "identity");
    assert.equal(preferredEncoding("*"), "br");
    assert.ok(matchesEtag('"a", W/"b"', '"b"'));
    assert.ok(matchesEtag("*", '"b"'));
    assert.ok(!matchesEtag('"a"', '"b"'));
  });
});

forEachEngine("page cache", (open) => {
  let ctx: AppContext;
  let queries: () => number;
  let app: Hono<ServerEnv>;
  let cache: PortalCache;
  let published: BulkPublished[];
  let server: Server;
  let url: string;
  const newest = (code: string) => `/test/newest/${code}/2023`;
  /** A GET through `gongkai serve`'s listener; fetch asks for gzip unless told otherwise, app.request for nothing. */
  const get = (path: string, headers: Record<string, string> = {}) => fetch(url + path, { headers: { "accept-encoding": "identity", ...headers } });

  before(async () => {
    const counted = counting(await open());
    queries = counted.queries;
    ctx = { db: counted.db, chain: DEFAULT_CHAIN, now: () => new Date() };
    published = await bulkPublish(ctx, syntheticUnits(3));
    cache = newPortalCache(ctx);
    app = createServer(ctx, { portalCache: cache });
    // A page showing a unit's newest publication, as the portal's disclosure page does.
    app.get(
      "/test/newest/:code/:year",
      cachedPage(cache, async (c) => {
        const entry = await portalEntry(ctx.db, c.req.param("code")!, Number(c.req.param("year")));
        if (!entry) return c.notFound();
        const [latest] = await listPublications(ctx.db, entry.disclosureId, true);
        return c.html(latest!.html);
      }, { ignoreQuery: true }),
    );
    server = createHttpServer(withPortalCache(cache, getRequestListener(app.fetch), SESSION_COOKIE));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("serves a publication's page with a strong ETag, the same on every request and on another server, and 304 when the reader has it", async () => {
    const path = `/published/${published[0]!.disclosureId}/1`;
    const first = await app.request(path);
    assert.equal(first.status, 200);
    const etag = first.headers.get("etag")!;
    assert.match(etag, /^"[\w-]{22}"$/);
    assert.equal(first.headers.get("cache-control"), "public, max-age=3600");
    const html = await first.text();
    const second = await app.request(path);
    assert.equal(second.headers.get("etag"), etag);
    assert.equal(await second.text(), html);
    const elsewhere = await createServer(ctx).request(path);
    assert.equal(elsewhere.headers.get("etag"), etag);
    const cached = await app.request(path, { headers: { "if-none-match": `"other", ${etag}` } });
    assert.equal(cached.status, 304);
    assert.equal(cached.headers.get("etag"), etag);
    assert.equal(await cached.text(), "");
    assert.equal((await app.request(path, { headers: { "if-none-match": '"other"' } })).status, 200);
    // Not published: not cached, the app's own 404.
    assert.equal((await app.request(`/published/${published[0]!.disclosureId}/9`)).status, 404);
    assert.equal((await app.request(newest("999999"))).status, 404);
  });

  it("answers a hit without asking the database, in the app and before it", async () => {
    const path = newest(published[1]!.unitCode);
    const miss = await app.request(path);
    assert.equal(miss.status, 200);
    assert.equal(miss.headers.get("cache-control"), "public, max-age=300");
    const html = await miss.text();
    let before = queries();
    const hit = await app.request(path);
    assert.equal(await hit.text(), html);
    assert.equal(queries() - before, 0, "queries on a hit inside the app");
    before = queries();
    const hits = cache.stats.hits;
    const fast = await get(path);
    assert.equal(await fast.text(), html);
    assert.equal(queries() - before, 0, "queries on a hit before the app");
    assert.equal(cache.stats.hits, hits + 1);
    // The listener's answer carries the app's headers.
    const names = (res: Response) => [...res.headers.keys()].filter((k) => !["date", "connection", "keep-alive", "content-length"].includes(k)).sort();
    assert.deepEqual(names(fast), names(hit));
    for (const [name, value] of SECURITY_HEADERS) assert.equal(fast.headers.get(name), value);
    assert.equal(fast.headers.get("etag"), hit.headers.get("etag"));
    const notModified = await get(path, { "if-none-match": fast.headers.get("etag")! });
    assert.equal(notModified.status, 304);
    assert.equal(queries() - before, 0);
  });

  it("a page that reads no query is kept once, whatever query is added", async () => {
    const path = newest(published[1]!.unitCode);
    const plain = await app.request(path);
    const pages = cache.stats.pages;
    const before = queries();
    const withQuery = await app.request(`${path}?utm=${Math.random()}`);
    assert.equal(withQuery.headers.get("etag"), plain.headers.get("etag"));
    assert.equal(queries() - before, 0);
    assert.equal(cache.stats.pages, pages);
  });

  it("the portal's disclosure page is cached: rendered once, then no query", async () => {
    const path = `/portal/units/${published[2]!.unitCode}/2023/`;
    const first = await app.request(path);
    assert.equal(first.status, 200);
    const before = queries();
    const again = await get(path);
    assert.equal(again.status, 200);
    assert.equal(again.headers.get("etag"), first.headers.get("etag"));
    assert.equal(await again.text(), await first.text());
    assert.equal(queries() - before, 0);
    assert.equal((await app.request("/portal/units/999999/2023/")).status, 404);
  });

  it("a reader with a session cookie goes to the app (which checks the session)", async () => {
    const path = newest(published[1]!.unitCode);
    await get(path);
    const before = queries();
    const res = await get(path, { cookie: `${SESSION_COOKIE}=not-a-session` });
    assert.equal(res.status, 200);
    assert.ok(queries() - before > 0, "the session was looked up");
  });

  it("keeps compressed copies for readers that accept them, made once", async () => {
    const path = newest(published[2]!.unitCode);
    const plain = await (await app.request(path)).text();
    const br = await app.request(path, { headers: { "accept-encoding": "gzip, br" } });
    assert.equal(br.headers.get("content-encoding"), "br");
    assert.equal(br.headers.get("vary"), "Accept-Encoding");
    const brBody = Buffer.from(await br.arrayBuffer());
    assert.equal(brotliDecompressSync(brBody).toString(), plain);
    assert.ok(brBody.length < Buffer.byteLength(plain) / 4, `${brBody.length} bytes compressed`);
    const gz = await get(path, { "accept-encoding": "gzip" });
    assert.equal(gz.headers.get("content-encoding"), "gzip");
    assert.equal(await gz.text(), plain); // fetch decompresses
    assert.notEqual(gz.headers.get("etag"), br.headers.get("etag"));
    const before = queries();
    const again = await get(path, { "accept-encoding": "br" });
    assert.equal(again.headers.get("content-encoding"), "br");
    assert.equal(again.headers.get("etag"), br.headers.get("etag"));
    assert.equal(queries() - before, 0);
  });

  it("a republish changes the page and its ETag; pages that did not change keep theirs", async () => {
    const changed = newest(published[0]!.unitCode);
    const unchanged = newest(published[1]!.unitCode);
    const oldPage = await get(changed);
    const oldHtml = await oldPage.text();
    const oldEtag = oldPage.headers.get("etag")!;
    const otherEtag = (await get(unchanged)).headers.get("etag")!;
    const portalPath = `/portal/units/${published[0]!.unitCode}/2023/`;
    const portalBefore = await get(portalPath);
    assert.equal(portalBefore.status, 200);
    const portalEtag = portalBefore.headers.get("etag")!;
    const [unit] = [...syntheticUnits(1)];
    await bulkPublish(ctx, [{ ...unit!, document: { ...unit!.document, unit: { ...unit!.document.unit, name: "更正后的基准单位" } } }], { note: "更正单位名称" });
    assert.equal(unit!.document.unit.code, syntheticUnitCode(0));
    for (const request of [(p: string, h?: Record<string, string>) => get(p, h), (p: string, h?: Record<string, string>) => app.request(p, { headers: h })]) {
      const res = await request(changed, { "if-none-match": oldEtag });
      assert.equal(res.status, 200);
      assert.notEqual(res.headers.get("etag"), oldEtag);
      const html = await res.text();
      assert.notEqual(html, oldHtml);
      assert.match(html, /更正后的基准单位/);
      const other = await request(unchanged, { "if-none-match": otherEtag });
      assert.equal(other.status, 304);
      const portalAfter = await request(portalPath, { "if-none-match": portalEtag });
      assert.equal(portalAfter.status, 200);
      assert.match(await portalAfter.text(), /更正后的基准单位/);
    }
  });
});
