/**
 * The open data API (/api/v1/…) over HTTP (`app.request`), on both engines, on the store of
 * queries-fixture.ts (published through the real chain). It checks:
 * - the figures: aggregates equal the sums of the published documents' lines, computed here; line
 *   items add up to the document; the demonstration's tables, search hits and facets;
 * - the document: /api/v1/openapi.json is OpenAPI 3.1, names every /api/v1 route of ROUTE_TABLE and
 *   nothing else, every `$ref` resolves, every schema compiles (ajv, draft 2020-12), and every answer
 *   of this test — data and errors — validates against its operation's schema;
 * - HTTP: strong ETags and 304 for If-None-Match, a new ETag after a new publication, Cache-Control,
 *   Vary, CORS on GET/HEAD, OPTIONS preflight, 400 in Chinese JSON for bad parameters, 404 for unknown
 *   units, years, tables and paths, 405 for writes.
 */
import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import { Ajv2020 } from "ajv/dist/2020.js";
import { readDemoDocument } from "../../src/app/demo.ts";
import { loadCatalog } from "../../src/catalog/load.ts";
import { openApiPath } from "../../src/server/api/openapi.ts";
import { ROUTE_TABLE } from "../../src/server/route-table.ts";
import type { Browser } from "../support/app-fixture.ts";
import { forEachEngine } from "../support/engines.ts";
import { CORRECTION_NOTE, DEMO_UNIT, makePortal, type PortalFixture, publishThroughChain } from "./queries-fixture.ts";

const LEVEL_LENGTH = { 类: 3, 款: 5, 项: 7 } as const;
const COLUMN = { function: "functionCode", deptEconomic: "deptEconomicCode", govEconomic: "govEconomicCode" } as const;
const PLACE: Record<string, { department: string; region: string }> = {
  "117002": { department: "117", region: "陕西省汉中市" },
  "201001": { department: "201", region: "陕西省汉中市" },
  "201002": { department: "201", region: "陕西省汉中市" },
  "301001": { department: "301", region: "陕西省宝鸡市" },
};
const CHINESE = /[\u4e00-\u9fff]/;
const sum = (values: Iterable<number>) => [...values].reduce((a, b) => a + b, 0);

type Json = any;

forEachEngine("open data API", (open) => {
  let p: PortalFixture;
  let client: Browser;
  let doc: Json;
  let ajv: Ajv2020;
  /** Answers seen by `get`, validated against the document in the last OpenAPI test. */
  const answers: { template: string; status: number; body: Json }[] = [];

  /** The operation's path template of a request path (`/api/v1/units/117002` → `/api/v1/units/{code}`). */
  const templateOf = (path: string): string | undefined => {
    const bare = path.split("?")[0]!;
    return Object.keys(doc.paths).find((t) => new RegExp(`^${t.replace(/\{\w+\}/g, "[^/]+")}$`).test(bare));
  };

  async function get(path: string, headers: Record<string, string> = {}): Promise<{ res: Response; body: Json }> {
    const res = await client.get(path, headers);
    const text = await res.text();
    const body = text === "" ? undefined : JSON.parse(text);
    const template = doc ? templateOf(path) : undefined;
    if (template && body !== undefined) answers.push({ template, status: res.status, body });
    return { res, body };
  }

  const query = (params: Record<string, string>) => new URLSearchParams(params).toString();

  /** The aggregate computed from the published documents. */
  function expected(q: { by: keyof typeof COLUMN; level: keyof typeof LEVEL_LENGTH; years?: number[]; units?: string[]; departments?: string[]; regions?: string[] }) {
    const rows = new Map<string, { code: string; name: string; year: number; amount: number; units: Set<string> }>();
    for (const x of p.published) {
      if ((q.years && !q.years.includes(x.year)) || (q.units && !q.units.includes(x.unitCode))) continue;
      if ((q.departments && !q.departments.includes(PLACE[x.unitCode]!.department)) || (q.regions && !q.regions.includes(PLACE[x.unitCode]!.region))) continue;
      for (const line of x.document.expenditure) {
        const code = line[COLUMN[q.by]].slice(0, LEVEL_LENGTH[q.level]);
        const row = rows.get(`${x.year}|${code}`) ?? { code, name: loadCatalog(x.year).lookup(q.by, code)?.name ?? "", year: x.year, amount: 0, units: new Set<string>() };
        row.amount += line.amount;
        row.units.add(x.unitCode);
        rows.set(`${x.year}|${code}`, row);
      }
    }
    return [...rows.values()]
      .map((r) => ({ code: r.code, name: r.name, year: r.year, amount: r.amount, units: r.units.size }))
      .sort((a, b) => a.year - b.year || (a.code < b.code ? -1 : 1));
  }

  before(async () => {
    p = await makePortal(await open());
    client = p.f.anonymous();
    const res = await client.get("/api/v1/openapi.json");
    assert.equal(res.status, 200);
    doc = await res.json();
    ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true, validateFormats: false });
    // The document's components, addressable as in the document (`#/components/schemas/…`).
    ajv.addKeyword("components");
    ajv.addSchema({ $id: "https://gongkai.example/openapi.json", components: doc.components });
  });
  after(() => p.f.close());

  // --- data ----------------------------------------------------------------------------------

  it("units: the published units with their years, filters, paging, one unit with its disclosures", async () => {
    const { res, body } = await get("/api/v1/units");
    assert.equal(res.status, 200);
    assert.match(res.headers.get("content-type")!, /^application\/json/);
    assert.deepEqual([body.apiVersion, body.currency, body.unit, body.total, body.limit, body.offset], ["v1", "CNY", "fen", 4, 100, 0]);
    assert.deepEqual(body.data.map((u: Json) => `${u.code} ${u.name} ${u.years.join(",")}`), ["117002 汉中市政务服务中心 2023,2022", "201001 汉中市第一中学 2023,2022", "201002 汉中市教育考试中心 2023", "301001 宝鸡市财政IT中心 2023"]);
    assert.deepEqual((await get(`/api/v1/units?${query({ region: "陕西省宝鸡市" })}`)).body.data.map((u: Json) => u.code), ["301001"]);
    assert.deepEqual((await get("/api/v1/units?department=201&year=2022")).body.data.map((u: Json) => u.code), ["201001"]);
    assert.deepEqual((await get("/api/v1/units?department=117,301")).body.data.map((u: Json) => u.code), ["117002", "301001"]);
    const second = (await get("/api/v1/units?limit=3&offset=3")).body;
    assert.deepEqual([second.total, second.data.map((u: Json) => u.code)], [4, ["301001"]]);
    const unit = (await get(`/api/v1/units/${DEMO_UNIT}`)).body.data;
    assert.deepEqual([unit.departmentCode, unit.departmentName, unit.region, unit.links.page], ["117", "汉中市行政审批服务局", "陕西省汉中市", "/portal/units/117002/"]);
    assert.deepEqual(unit.disclosures.map((d: Json) => [d.year, d.expenditureTotal]), [[2023, 225981100], [2022, 224981100]]);
  });

  it("disclosures: list with filters and paging; one disclosure with its publications and correction note", async () => {
    const all = (await get("/api/v1/disclosures?year=2023")).body;
    assert.equal(all.total, 4);
    const pages = [(await get("/api/v1/disclosures?limit=4")).body, (await get("/api/v1/disclosures?limit=4&offset=4")).body];
    assert.deepEqual(pages.map((x) => [x.total, x.data.length]), [[6, 4], [6, 2]]);
    assert.equal(new Set(pages.flatMap((x) => x.data.map((d: Json) => `${d.unitCode}/${d.year}`))).size, 6);
    assert.deepEqual((await get("/api/v1/disclosures?unit=201001")).body.data.map((d: Json) => d.year), [2023, 2022]);
    for (const x of p.published) {
      const d = (await get(`/api/v1/disclosures/${x.unitCode}/${x.year}`)).body.data;
      assert.equal(d.expenditureTotal, sum(x.document.expenditure.map((l) => l.amount)), `${x.unitCode}/${x.year}`);
      assert.equal(d.sequence, x.sequence);
    }
    const school = (await get("/api/v1/disclosures/201001/2023")).body.data;
    assert.deepEqual(school.publications.map((x: Json) => [x.sequence, x.note, x.current, x.page]), [
      [2, CORRECTION_NOTE, true, "/portal/units/201001/2023/2/"],
      [1, "", false, "/portal/units/201001/2023/1/"],
    ]);
    assert.deepEqual(school.links, {
      self: "/api/v1/disclosures/201001/2023",
      page: "/portal/units/201001/2023/",
      tables: "/api/v1/disclosures/201001/2023/tables",
      lineItems: "/api/v1/disclosures/201001/2023/line-items",
      findings: "/api/v1/disclosures/201001/2023/findings",
    });
    assert.equal((await get("/api/v1/disclosures/201002/2023")).body.data.approvedOn, p.daysAgo(5));
  });

  it("tables: all fifteen of the newest publication, amounts in fen; one table by number", async () => {
    const { body } = await get(`/api/v1/disclosures/${DEMO_UNIT}/2023/tables`);
    assert.deepEqual([body.currency, body.unit, body.data.disclosure.unitCode, body.data.disclosure.sequence], ["CNY", "fen", DEMO_UNIT, 1]);
    const tables = body.data.tables;
    assert.deepEqual([...new Set(tables.map((t: Json) => t.number))], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
    assert.deepEqual(tables.filter((t: Json) => t.number === 13).map((t: Json) => t.instance), [1, 2, 3]);
    const total = sum(readDemoDocument().expenditure.map((l) => l.amount));
    for (const t of tables) {
      for (const row of t.rows) {
        row.values.forEach((v: Json, i: number) => {
          if (t.columns[i].kind === "amount") assert.ok(v === null || Number.isSafeInteger(v), `表${t.number} ${row.label}: ${v}`);
        });
      }
    }
    // 表1 (收支总表) prints the expenditure total, in fen here.
    assert.ok(tables.find((t: Json) => t.number === 1).rows.some((r: Json) => r.values.includes(total)), "表1 has the total");
    const six = (await get(`/api/v1/disclosures/${DEMO_UNIT}/2023/tables/6`)).body.data;
    assert.deepEqual(six.tables, tables.filter((t: Json) => t.number === 6));
    assert.equal(six.tables[0].printedUnit, "元");
    assert.equal((await get(`/api/v1/disclosures/${DEMO_UNIT}/2023/tables/13`)).body.data.tables.length, 3);
  });

  it("line items: every line of the newest publication, named, adding up to the document; paged", async () => {
    for (const x of p.published) {
      const { body } = await get(`/api/v1/disclosures/${x.unitCode}/${x.year}/line-items`);
      assert.equal(body.total, x.document.expenditure.length);
      assert.equal(sum(body.data.map((l: Json) => l.amount)), sum(x.document.expenditure.map((l) => l.amount)), `${x.unitCode}/${x.year}`);
      const key = (l: Json) => [l.functionCode, l.deptEconomicCode, l.govEconomicCode, l.fundSource, l.nature, l.projectId ?? l.project ?? null, l.amount].join("|");
      assert.deepEqual(body.data.map(key).sort(), x.document.expenditure.map(key).sort());
    }
    const demo = (await get(`/api/v1/disclosures/${DEMO_UNIT}/2023/line-items`)).body.data;
    assert.deepEqual(demo.find((l: Json) => l.projectId === "p2"), {
      functionCode: "2010399",
      functionName: "其他政府办公厅（室）及相关机构事务支出",
      deptEconomicCode: "30224",
      deptEconomicName: "被装购置费",
      govEconomicCode: "50502",
      govEconomicName: "商品和服务支出",
      fundSource: "一般公共预算拨款",
      nature: "专项业务经费",
      projectId: "p2",
      projectName: "工装购置经费",
      amount: 5600000,
    });
    const paged = [];
    for (let offset = 0; offset < demo.length; offset += 5) paged.push(...(await get(`/api/v1/disclosures/${DEMO_UNIT}/2023/line-items?limit=5&offset=${offset}`)).body.data);
    assert.deepEqual(paged, demo);
  });

  it("findings: the checker's findings of the published version", async () => {
    for (const x of p.published) {
      const { body } = await get(`/api/v1/disclosures/${x.unitCode}/${x.year}/findings`);
      const [stored] = await p.f.db.query<{ findings: Json[] }>(
        `SELECT v.findings FROM versions v JOIN publications p ON p.disclosure_id = v.disclosure_id AND p.version_number = v.number
         JOIN disclosures d ON d.id = p.disclosure_id JOIN units u ON u.id = d.unit_id WHERE u.code = $1 AND d.year = $2 AND p.sequence = $3`,
        [x.unitCode, x.year, x.sequence],
      );
      assert.equal(body.total, stored!.findings.length);
      assert.deepEqual(body.data.map((f: Json) => f.message), stored!.findings.map((f: Json) => f.message));
    }
  });

  it("aggregates equal the sums of the published documents' lines (exact fen, unit counts)", async () => {
    const cases = [
      { by: "function", level: "类", years: [2022, 2023] },
      { by: "function", level: "项" },
      { by: "function", level: "款", regions: ["陕西省汉中市"] },
      { by: "deptEconomic", level: "款", units: ["117002", "301001"] },
      { by: "deptEconomic", level: "类", departments: ["201"], years: [2023] },
      { by: "govEconomic", level: "款", years: [2022] },
      { by: "govEconomic", level: "类", regions: ["陕西省宝鸡市", "陕西省汉中市"], departments: ["117", "301"] },
    ] as const;
    for (const c of cases) {
      const params: Record<string, string> = { by: c.by, level: c.level };
      for (const key of ["years", "units", "departments", "regions"] as const) if (key in c) params[key] = (c as Json)[key].join(",");
      const { res, body } = await get(`/api/v1/aggregates?${query(params)}`);
      assert.equal(res.status, 200, JSON.stringify(body));
      assert.deepEqual(body.data, expected(c as Json), JSON.stringify(c));
      assert.equal(body.total, body.data.length);
    }
    // The demonstration's 2023 classes, and a repeated parameter read as a list.
    const demo = (await get(`/api/v1/aggregates?${query({ by: "function", level: "类", units: DEMO_UNIT })}&years=2023`)).body.data;
    assert.deepEqual(demo.map((r: Json) => [r.code, r.name, r.amount]), [["201", "一般公共服务支出", 175469300], ["208", "社会保障和就业支出", 28567100], ["210", "卫生健康支出", 6750600], ["221", "住房保障支出", 15194100]]);
    const repeated = (await get(`/api/v1/aggregates?${query({ by: "function", level: "类" })}&years=2022&years=2023`)).body;
    assert.deepEqual(repeated.data, expected({ by: "function", level: "类", years: [2022, 2023] }));
  });

  it("search: by name, by code, by project name, with year and region facets", async () => {
    const byName = (await get(`/api/v1/search?${query({ q: "政务服务" })}`)).body;
    assert.equal(byName.total, 2);
    assert.deepEqual(byName.data.hits.map((h: Json) => [h.disclosure.unitName, h.disclosure.year, h.matches[0].kind]), [["汉中市政务服务中心", 2023, "unit"], ["汉中市政务服务中心", 2022, "unit"]]);
    assert.deepEqual(byName.data.facets, { years: [{ value: 2023, count: 1 }, { value: 2022, count: 1 }], regions: [{ value: "陕西省汉中市", count: 2 }] });
    const byCode = (await get("/api/v1/search?q=2010350&years=2023")).body;
    assert.ok(byCode.data.hits.some((h: Json) => h.disclosure.unitCode === DEMO_UNIT && h.matches.some((m: Json) => m.kind === "function" && m.code === "2010350" && m.text === "事业运行")));
    assert.ok(byCode.data.hits.every((h: Json) => h.disclosure.year === 2023));
    const byProject = (await get(`/api/v1/search?${query({ q: "工装购置经费", years: "2023" })}`)).body;
    assert.deepEqual(byProject.data.hits.map((h: Json) => [h.disclosure.unitCode, h.matches]), [[DEMO_UNIT, [{ kind: "project", code: "p2", text: "工装购置经费" }]]]);
    assert.deepEqual(byProject.data.facets.years, [{ value: 2023, count: 1 }, { value: 2022, count: 1 }]);
    const everything = (await get(`/api/v1/search?${query({ q: "市", regions: "陕西省汉中市", limit: "2" })}`)).body;
    assert.deepEqual([everything.total, everything.data.hits.length, everything.limit], [5, 2, 2]);
  });

  it("scorecard: counts per region and department and each unit's standing", async () => {
    const card = (await get("/api/v1/scorecard?year=2023")).body.data;
    assert.deepEqual(card.totals, { units: 5, published: 4, onTime: 1, onTimeUnknown: 2, complete: 4, withErrors: 0 });
    assert.equal(card.onTimeDays, 20);
    assert.deepEqual(card.units.find((u: Json) => u.unitCode === "301001").onTime, false);
    assert.equal((await get("/api/v1/scorecard?year=2023&department=201")).body.data.totals.units, 3);
  });

  // --- HTTP ----------------------------------------------------------------------------------

  it("ETag: strong, stable, If-None-Match → 304 without a body (also weak and listed forms); caching headers", async () => {
    for (const path of ["/api/v1/units", `/api/v1/disclosures/${DEMO_UNIT}/2023/tables`, `/api/v1/aggregates?${query({ by: "function", level: "类" })}`, "/api/v1/openapi.json"]) {
      const first = await get(path);
      const etag = first.res.headers.get("etag")!;
      assert.match(etag, /^"[\w-]{22}"$/, path);
      assert.equal(first.res.headers.get("cache-control"), "public, max-age=60");
      assert.match(first.res.headers.get("vary")!, /Accept-Encoding/);
      assert.equal((await get(path)).res.headers.get("etag"), etag, "the same answer has the same ETag");
      for (const given of [etag, `W/${etag}`, `"other", ${etag}`, "*"]) {
        const again = await client.get(path, { "if-none-match": given });
        assert.equal(again.status, 304, `${path} If-None-Match: ${given}`);
        assert.equal(await again.text(), "");
        assert.equal(again.headers.get("etag"), etag);
        assert.equal(again.headers.get("cache-control"), "public, max-age=60");
      }
      assert.equal((await client.get(path, { "if-none-match": '"something-else"' })).status, 200);
    }
    const other = await get("/api/v1/units?limit=1");
    assert.notEqual(other.res.headers.get("etag"), (await get("/api/v1/units")).res.headers.get("etag"));
  });

  it("caching headers stay public for a signed-in reader (the answer does not depend on who asks)", async () => {
    const zhuguan = await p.f.loginAs("zhuguan");
    const res = await zhuguan.get("/api/v1/units");
    assert.equal(res.status, 200);
    assert.equal(res.headers.get("cache-control"), "public, max-age=60");
    assert.equal(res.headers.get("etag"), (await get("/api/v1/units")).res.headers.get("etag"));
  });

  it("CORS: any origin may read GET and HEAD; OPTIONS preflight is answered", async () => {
    const origin = { origin: "https://journalist.example" };
    const { res } = await get("/api/v1/units", origin);
    assert.equal(res.headers.get("access-control-allow-origin"), "*");
    assert.match(res.headers.get("access-control-expose-headers")!, /ETag/);
    const head = await client.request("/api/v1/units", { method: "HEAD", headers: origin });
    assert.equal(head.status, 200);
    assert.equal(head.headers.get("access-control-allow-origin"), "*");
    assert.equal(head.headers.get("etag"), res.headers.get("etag"));
    assert.equal(await head.text(), "");
    const preflight = await client.request(`/api/v1/disclosures/${DEMO_UNIT}/2023/tables`, {
      method: "OPTIONS",
      headers: { ...origin, "access-control-request-method": "GET", "access-control-request-headers": "if-none-match" },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get("access-control-allow-origin"), "*");
    assert.match(preflight.headers.get("access-control-allow-methods")!, /\bGET\b/);
    assert.match(preflight.headers.get("access-control-allow-headers")!, /if-none-match/i);
    assert.ok(Number(preflight.headers.get("access-control-max-age")) > 0);
    // Errors can be read cross-origin too, so a page can show the reason.
    assert.equal((await get("/api/v1/units/nope", origin)).res.headers.get("access-control-allow-origin"), "*");
  });

  it("bad parameters: 400 with a Chinese JSON error, never 500", async () => {
    const bad = [
      "/api/v1/units?year=abc",
      "/api/v1/units?year=20233",
      "/api/v1/units?yaer=2023",
      "/api/v1/units?limit=0",
      "/api/v1/units?limit=100000",
      "/api/v1/units?offset=-1",
      "/api/v1/units?limit=1.5",
      "/api/v1/disclosures?year=2023,20x4",
      "/api/v1/disclosures/117002/23",
      "/api/v1/disclosures/117002/abcd/tables",
      `/api/v1/disclosures/117002/2023/tables/${encodeURIComponent("六")}`,
      "/api/v1/disclosures/117002/2023/line-items?limit=-5",
      "/api/v1/aggregates",
      "/api/v1/aggregates?by=function",
      `/api/v1/aggregates?${query({ by: "functions", level: "类" })}`,
      `/api/v1/aggregates?${query({ by: "function", level: "目" })}`,
      `/api/v1/aggregates?${query({ by: "deptEconomic", level: "项" })}`,
      `/api/v1/aggregates?${query({ by: "function", level: "类", years: "2023;2022" })}`,
      `/api/v1/aggregates?${query({ by: "function", level: "类", units: "x".repeat(101) })}`,
      "/api/v1/search",
      "/api/v1/search?q=",
      `/api/v1/search?${query({ q: "字".repeat(101) })}`,
      "/api/v1/scorecard",
      "/api/v1/scorecard?year=2023&region=x&foo=1",
      "/api/v1/openapi.json?x=1",
    ];
    for (const path of bad) {
      const { res, body } = await get(path);
      assert.equal(res.status, 400, `${path} → ${res.status} ${JSON.stringify(body)}`);
      assert.match(res.headers.get("content-type")!, /^application\/json/);
      assert.deepEqual(Object.keys(body), ["error"], path);
      assert.match(body.error, CHINESE, path);
      assert.equal(res.headers.get("access-control-allow-origin"), "*");
    }
    assert.match((await get("/api/v1/units?yaer=2023")).body.error, /未知的参数 yaer/);
    assert.match((await get("/api/v1/units?year=abc")).body.error, /年度应为四位数字/);
  });

  it("unknown units, years, tables and paths: 404 in JSON; a draft is unknown; writes: 405", async () => {
    const missing = [
      "/api/v1/units/999999",
      "/api/v1/units/201003",
      "/api/v1/disclosures/117002/2030",
      "/api/v1/disclosures/999999/2023",
      "/api/v1/disclosures/201003/2023",
      "/api/v1/disclosures/117002/2030/tables",
      "/api/v1/disclosures/117002/2023/tables/16",
      "/api/v1/disclosures/117002/2023/tables/0",
      "/api/v1/disclosures/117002/2030/tables/6",
      "/api/v1/disclosures/201003/2023/line-items",
      "/api/v1/disclosures/117002/2030/findings",
      `/api/v1/units/${encodeURIComponent("不存在")}`,
      "/api/v1/nothing",
      "/api/v2/units",
    ];
    for (const path of missing) {
      const res = await client.get(path, { accept: "application/json" });
      const body = await res.json();
      assert.equal(res.status, 404, path);
      assert.match(body.error, CHINESE, path);
    }
    assert.equal((await get("/api/v1/disclosures?unit=201003")).body.total, 0, "a filter matching nothing is an empty list, not 404");
    for (const method of ["POST", "PUT", "DELETE", "PATCH"]) {
      const res = await client.request("/api/v1/units", { method, headers: { "content-type": "application/json" }, body: "{}" });
      assert.equal(res.status, 405, method);
      assert.match((await res.json()).error, /只读/);
    }
  });

  // --- the document --------------------------------------------------------------------------

  it("openapi.json: OpenAPI 3.1 naming every /api/v1 route of ROUTE_TABLE and nothing else, parameters as the routes take them", () => {
    assert.equal(doc.openapi, "3.1.0");
    assert.match(doc.info.title, CHINESE);
    const routes = ROUTE_TABLE.filter((r) => r.path.startsWith("/api/v1/"));
    assert.ok(routes.every((r) => r.method === "GET" && r.access === "public"), "every API route is a public GET");
    assert.deepEqual(routes.map((r) => openApiPath(r.path)).sort(), Object.keys(doc.paths).sort());
    for (const [path, item] of Object.entries<Json>(doc.paths)) {
      assert.deepEqual(Object.keys(item), ["get"], path);
      const op = item.get;
      assert.ok(op.operationId && op.summary && CHINESE.test(op.summary), path);
      const templated = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const inPath = op.parameters.filter((x: Json) => x.in === "path");
      assert.deepEqual(inPath.map((x: Json) => x.name), templated, path);
      assert.ok(inPath.every((x: Json) => x.required === true));
      for (const parameter of op.parameters) assert.ok(["path", "query"].includes(parameter.in) && parameter.schema, `${path} ${parameter.name}`);
      assert.ok(op.responses["200"].content["application/json"].schema.$ref, path);
      assert.ok(op.responses["400"] && op.responses["304"], path);
    }
    const aggregates = doc.paths["/api/v1/aggregates"].get.parameters.map((x: Json) => `${x.name}${x.required ? "*" : ""}`);
    assert.deepEqual(aggregates, ["by*", "level*", "years", "units", "departments", "regions", "limit", "offset"]);
    assert.deepEqual(doc.paths["/api/v1/aggregates"].get.parameters.find((x: Json) => x.name === "level").schema.enum, ["类", "款", "项"]);
    assert.ok(doc.paths["/api/v1/disclosures/{unitCode}/{year}"].get.responses["404"]);
  });

  it("openapi.json: every $ref resolves and every schema compiles (JSON Schema 2020-12)", () => {
    const refs = new Set<string>();
    const walk = (node: Json) => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === "object") {
        for (const [k, v] of Object.entries(node)) {
          if (k === "$ref") refs.add(v as string);
          else walk(v);
        }
      }
    };
    walk(doc);
    assert.ok(refs.size > 10);
    for (const ref of refs) {
      assert.match(ref, /^#\/components\/schemas\/\w+$/);
      assert.ok(doc.components.schemas[ref.split("/").pop()!], `${ref} resolves`);
    }
    for (const id of Object.keys(doc.components.schemas)) assert.ok(ajv.getSchema(`https://gongkai.example/openapi.json#/components/schemas/${id}`), id);
    for (const item of Object.values<Json>(doc.paths)) for (const parameter of item.get.parameters) ajv.compile(parameter.schema);
  });

  it("every answer of this test validates against its operation's schema (data against 200, errors against Error)", () => {
    assert.ok(answers.length > 80, `${answers.length} answers`);
    const templates = new Set(answers.filter((a) => a.status === 200).map((a) => a.template));
    assert.deepEqual([...templates].sort(), Object.keys(doc.paths).sort(), "an answer of every operation was checked");
    for (const { template, status, body } of answers) {
      const response = doc.paths[template].get.responses[String(status)];
      assert.ok(response, `${template} ${status} is documented`);
      const validate = ajv.getSchema(`https://gongkai.example/openapi.json${response.content["application/json"].schema.$ref}`)!;
      assert.ok(validate(body), `${template} ${status}: ${ajv.errorsText(validate.errors)}`);
    }
    // And the schemas do refuse what the API must not answer: a string amount, an unknown field, a missing note.
    const list = ajv.getSchema("https://gongkai.example/openapi.json#/components/schemas/LineItemList")!;
    const sample = answers.find((a) => a.template.endsWith("/line-items") && a.status === 200)!.body;
    assert.ok(list(sample));
    assert.equal(list({ ...sample, data: [{ ...sample.data[0], amount: String(sample.data[0].amount) }] }), false);
    assert.equal(list({ ...sample, data: [{ ...sample.data[0], amountYuan: 1 }] }), false);
    const { unit: _unit, ...withoutUnit } = sample;
    assert.equal(list(withoutUnit), false);
  });

  it("a new publication changes the answers and their ETags (runs last: it publishes)", async () => {
    const before = await get("/api/v1/units");
    const draft = (await p.f.db.query<{ id: number }>(`SELECT d.id FROM disclosures d JOIN units u ON u.id = d.unit_id WHERE u.code = '201003' AND d.year = 2023`))[0]!;
    await publishThroughChain(p.f, draft.id);
    const now = await get("/api/v1/units");
    assert.equal(now.body.total, 5);
    assert.notEqual(now.res.headers.get("etag"), before.res.headers.get("etag"));
    assert.equal((await client.get("/api/v1/units", { "if-none-match": before.res.headers.get("etag")! })).status, 200, "the old ETag no longer matches");
    assert.equal((await get("/api/v1/disclosures/201003/2023")).res.status, 200);
  });
});
