/**
 * Authorization: every route of ROUTE_TABLE, requested as anonymous and as every kind of account —
 * the administrator, each reviewer of the demonstration's department (主管部门审核, 保密审查, 负责人审签),
 * its unit's preparer, a preparer of another unit and a reviewer of another department — with the
 * route's own method (POSTs carry the session's CSRF token, so the access check is what is tested).
 *
 * - Anonymous: a public route answers; any other GET is sent to /login?next=…, any other POST gets 401.
 * - An account whose role the route's access list leaves out gets the route's 403.
 * - An account the list lets in never gets that 403, nor 401; on the demonstration's own objects, the
 *   administrator, its reviewers and its preparer never get 404.
 * - Object level: the other unit's preparer and the other department's reviewer get 404 on the
 *   demonstration's disclosure, unit and department (no hint that they exist), and see none of it on
 *   their own pages.
 * - Nothing answers 500; a POST without the token, with another session's token or from another
 *   origin is refused with 403; and the walk changes nothing it should not.
 * - Every entry of ROUTE_TABLE was walked, and every route the app serves is in ROUTE_TABLE (or one
 *   of the two deliberate exceptions, the static files and the health check), so a new route
 *   without an entry, or without a way to fill its parameters here, fails this test.
 *
 * The POST bodies are made so that an allowed request is refused by the handler's own checks (a stale
 * version number, a state that does not match, an empty anchor, a file that is not a workbook) and
 * stores nothing; only the administrator's password reset acts, on an account made for it.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { addUser } from "../../src/app/accounts.ts";
import { readDemoDocument } from "../../src/app/demo.ts";
import { saveVersion } from "../../src/app/disclosures.ts";
import { RULES } from "../../src/rules/index.ts";
import { ROUTE_TABLE, type RouteSpec } from "../../src/server/route-table.ts";
import { disclosureById, listVersions } from "../../src/store/repositories/disclosures.ts";
import { listPublications } from "../../src/store/repositories/publications.ts";
import { listComments, listTransitions } from "../../src/store/repositories/reviews.ts";
import type { Role } from "../../src/store/repositories/users.ts";
import { type AppFixture, type Browser, DEMO_PASSWORD, makeApp } from "../support/app-fixture.ts";

/** What `deny` (src/server/app.ts) says to a signed-in account the route's access list leaves out. */
const ROUTE_DENIED = "您的账号无权访问这个页面";
/** The demonstration's unit (examples/hanzhong-zwfwzx-2023.budget.json). */
const DEMO_UNIT_CODE = readDemoDocument().unit.code;
/** API routes whose required query parameters the walk fills, so that they answer with data. */
const API_QUERIES: Record<string, string> = {
  "/api/v1/aggregates": `by=function&level=${encodeURIComponent("类")}`,
  "/api/v1/search": `q=${encodeURIComponent("政务服务")}`,
  "/api/v1/scorecard": "year=2022",
};
/** Routes the app serves outside ROUTE_TABLE on purpose: the static files and the health check (both public). */
const OUTSIDE_TABLE = new Set(["GET /static/:name", "GET /healthz"]);

interface Identity {
  readonly name: string;
  /** undefined: not signed in. */
  readonly role?: Role;
  /** Whether the demonstration's unit, department and disclosure are this account's (false: a stranger's). */
  readonly own: boolean;
}

const IDENTITIES: readonly Identity[] = [
  { name: "anonymous", own: false },
  { name: "admin", role: "admin", own: true },
  { name: "zhuguan", role: "reviewer", own: true },
  { name: "baomi", role: "reviewer", own: true },
  { name: "fuzeren", role: "reviewer", own: true },
  { name: "danwei", role: "preparer", own: true },
  { name: "waibu", role: "preparer", own: false },
  { name: "qita", role: "reviewer", own: false },
];

const allows = (route: RouteSpec, role: Role | undefined) =>
  route.access === "public" || (role !== undefined && (route.access === "signed-in" || route.access.includes(role)));

/** Routes on the demonstration's objects: its disclosure, its unit, its department. */
const onObject = (route: RouteSpec) => /^\/(disclosures\/:id|units\/:unitId|departments\/:id)(\/|$)/.test(route.path);

const key = (route: { readonly method: string; readonly path: string }) => `${route.method} ${route.path}`;

// The app, its store and its ROUTE_TABLE (filled as createServer registers the routes) exist before
// the tests are defined, so that there is one test per route.
const f: AppFixture = await makeApp();

interface Ids {
  disclosure: number;
  unit: number;
  department: number;
  published: number;
  resettable: number;
  rule: string;
}
let ids: Ids;
const browsers = new Map<string, Browser>();
const walked = new Map<string, Set<string>>();

/** The route's path with its parameters filled from the store (and a query where the route needs one). */
function samplePath(route: RouteSpec): string {
  const path = route.path.replace(/:(\w+)/g, (_, name: string) => {
    if (name === "id" && route.path.startsWith("/disclosures/")) return String(ids.disclosure);
    if (name === "id" && route.path.startsWith("/departments/")) return String(ids.department);
    if (name === "id" && route.path.startsWith("/admin/users/")) return String(ids.resettable);
    if (name === "id" && route.path.startsWith("/rules/")) return ids.rule;
    if (name === "unitId") return String(ids.unit);
    if (name === "section") return "unit";
    if (name === "disclosureId") return String(ids.published);
    if (name === "sequence") return "1";
    // The open data API (/api/v1/…): the demonstration's unit and its published year; table 1.
    if (name === "unitCode" || (name === "code" && route.path.startsWith("/api/v1/units/"))) return DEMO_UNIT_CODE;
    if (name === "year" && route.path.startsWith("/api/v1/")) return "2022";
    if (name === "number" && route.path.startsWith("/api/v1/")) return "1";
    // The public portal (/portal/…): the demonstration's region, department, unit and its published year.
    if (route.path.startsWith("/portal/")) {
      const portal: Record<string, string> = { region: encodeURIComponent("陕西省汉中市"), deptCode: DEMO_UNIT_CODE.slice(0, 3), otherUnitCode: DEMO_UNIT_CODE, year: "2022", otherYear: "2022", kind: "function", code: "2010350" };
      if (portal[name]) return portal[name]!;
    }
    throw new Error(`授权测试不知道如何填写 ${key(route)} 的参数 :${name}：请在 samplePath 中补上`);
  });
  if (route.path in API_QUERIES) return `${path}?${API_QUERIES[route.path]}`;
  return route.path === "/units/:unitId/template.xlsx" ? `${path}?year=2023` : path;
}

/** A POST body that passes the CSRF check and is then refused by the handler without storing anything. */
function postBody(route: RouteSpec, browser: Browser | undefined): { body: string | FormData; type?: string } {
  const fields: Record<string, string> = { _head: "0", state: "（不是当前状态）" };
  if (browser) fields["_csrf"] = browser.csrf;
  if (route.path.endsWith("/upload")) {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append("file", new File([new TextEncoder().encode("这不是 Excel 工作簿")], "不是模板.xlsx"));
    return { body: form };
  }
  return { body: new URLSearchParams(fields).toString(), type: "application/x-www-form-urlencoded" };
}

async function request(route: RouteSpec, identity: Identity): Promise<{ status: number; location: string | null; body: string }> {
  let browser = browsers.get(identity.name);
  // Logging out ends the session: do it with a session of its own.
  if (route.path === "/logout" && identity.role) browser = await f.loginAs(identity.name);
  const client = browser ?? f.anonymous();
  const path = samplePath(route);
  let res: Response;
  if (route.method === "GET") res = await client.get(path);
  else {
    const { body, type } = postBody(route, browser);
    res = await client.request(path, { method: "POST", body, headers: type ? { "content-type": type } : {} });
  }
  return { status: res.status, location: res.headers.get("location"), body: await res.text() };
}

describe("authorization: every route, every role, and anonymous", () => {
  before(async () => {
    const [unit] = [f.demo.unitId];
    // Last year's disclosure of the demonstration's unit, published, for the public pages. (Published
    // before the other department exists, whose reviewer holds every duty but must not be chosen.)
    const danwei = await f.user("danwei");
    const lastYear = { ...structuredClone(readDemoDocument()), year: 2022 };
    const saved = await saveVersion(f.ctx, danwei, unit, lastYear as never, 0, "表单");
    await f.advanceTo(saved.disclosure.id, "已公开");
    await f.addOtherDepartment();
    const resettable = await addUser(f.ctx, null, { username: "reset-me", displayName: "待重置账号", role: "preparer", unitIds: [unit], password: DEMO_PASSWORD });
    ids = {
      disclosure: f.demo.disclosureId,
      unit,
      department: f.demo.departmentId,
      published: saved.disclosure.id,
      resettable: resettable.user.id,
      rule: RULES[0]!.meta.id,
    };
    for (const identity of IDENTITIES) if (identity.role) browsers.set(identity.name, await f.loginAs(identity.name));
  });
  after(() => f.close());

  it("the fixture's accounts have the roles this test assumes", async () => {
    for (const identity of IDENTITIES) if (identity.role) assert.equal((await f.user(identity.name)).role, identity.role, identity.name);
    assert.ok(ROUTE_TABLE.length >= 30, `ROUTE_TABLE has ${ROUTE_TABLE.length} entries`);
  });

  for (const route of [...ROUTE_TABLE]) {
    it(`${key(route)} (${route.access === "public" || route.access === "signed-in" ? route.access : route.access.join("/")})`, async () => {
      const seen = walked.get(key(route)) ?? new Set<string>();
      walked.set(key(route), seen);
      for (const identity of IDENTITIES) {
        const res = await request(route, identity);
        seen.add(identity.name);
        const what = `${identity.name} ${route.method} ${samplePath(route)} → ${res.status} ${res.location ?? ""}`;
        if (process.env.GONGKAI_AUTH_TRACE) console.log(`# ${what}`);
        assert.ok(res.status < 500, `${what}: server error`);
        if (!identity.role) {
          if (route.access === "public") {
            assert.ok(![401, 403].includes(res.status), what);
            assert.ok(!res.location?.startsWith("/login?next="), `${what}: a public route asks for a login`);
          } else if (route.method === "GET") {
            assert.equal(res.status, 303, what);
            assert.equal(res.location, `/login?next=${encodeURIComponent(samplePath(route).split("?")[0]!)}`, what);
          } else {
            assert.equal(res.status, 401, what);
          }
          continue;
        }
        if (!allows(route, identity.role)) {
          assert.equal(res.status, 403, what);
          assert.ok(res.body.includes(ROUTE_DENIED), `${what}: not the route's refusal`);
          continue;
        }
        assert.notEqual(res.status, 401, what);
        assert.ok(!res.body.includes(ROUTE_DENIED), `${what}: refused although the route allows ${identity.role}`);
        if (!onObject(route)) continue;
        if (identity.own) {
          assert.notEqual(res.status, 404, `${what}: its own object is not found`);
        } else {
          // A stranger learns nothing: 404, also where a GET first redirects (a reviewer's /disclosures/:id).
          let status = res.status;
          if (route.method === "GET" && status === 303 && res.location) status = (await browsers.get(identity.name)!.get(res.location)).status;
          assert.equal(status, 404, `${what}: another unit's or department's object is reachable`);
        }
      }
    });
  }

  it("strangers' own pages show nothing of the demonstration's unit", async () => {
    const name = "汉中市政务服务中心";
    // Each page, and what of the stranger's own it shows (the queue is empty: nothing was submitted).
    const pages = [
      ["waibu", "/", "其他测试单位"],
      ["qita", "/", "其他测试单位"],
      ["qita", "/review", "目前没有等待您处理的公开文本"],
      ["qita", "/departments", "其他测试局"],
    ] as const;
    for (const [who, path, theirs] of pages) {
      const res = await browsers.get(who)!.get(path);
      assert.equal(res.status, 200, `${who} ${path}`);
      const body = await res.text();
      assert.ok(body.includes(theirs), `${who} ${path} shows “${theirs}”`);
      assert.ok(!body.includes(name), `${who} ${path} shows ${name}`);
    }
  });

  it("a POST without the CSRF token, with another session's token, or from another origin is refused with 403", async () => {
    const danwei = browsers.get("danwei")!;
    const path = `/disclosures/${ids.disclosure}/reasons`;
    const form = { _head: "1", "reason.generalBudgetExpenditure": "CSRF 测试" };
    const headBefore = (await disclosureById(f.db, ids.disclosure))!.head;
    const without = await danwei.post(path, form, { csrf: false });
    assert.equal(without.status, 403);
    assert.match(await without.text(), /CSRF 校验未通过/);
    const foreign = await danwei.post(path, { ...form, _csrf: browsers.get("waibu")!.csrf }, { csrf: false });
    assert.equal(foreign.status, 403);
    const crossSite = await danwei.post(path, form, { headers: { origin: "http://evil.example" } });
    assert.equal(crossSite.status, 403);
    assert.match(await crossSite.text(), /请求来源与本站不符/);
    assert.equal((await disclosureById(f.db, ids.disclosure))!.head, headBefore, "nothing was saved");
    // The same request with the token is accepted: the refusals above were the token's doing.
    const accepted = await danwei.post(path, form);
    assert.equal(accepted.status, 303);
    assert.equal((await disclosureById(f.db, ids.disclosure))!.head, headBefore + 1);
  });

  it("covered every entry of ROUTE_TABLE with every identity, and the app serves no route outside it", () => {
    const missing = ROUTE_TABLE.filter((r) => walked.get(key(r))?.size !== IDENTITIES.length).map(key);
    assert.deepEqual(missing, [], "routes not walked with every identity");
    const table = new Set(ROUTE_TABLE.map(key));
    const served = f.app.routes.filter((r) => r.method !== "ALL").map(key);
    assert.deepEqual(served.filter((r) => !table.has(r) && !OUTSIDE_TABLE.has(r)), [], "routes served but not declared in ROUTE_TABLE");
    assert.deepEqual([...table].filter((r) => !served.includes(r)), [], "ROUTE_TABLE entries the app does not serve");
  });

  it("the walk changed nothing but the password it reset", async () => {
    // (The CSRF test above saved one version on purpose: the demonstration is at version 2, still a draft.)
    const record = (await disclosureById(f.db, ids.disclosure))!;
    assert.equal(record.state, "草稿");
    assert.equal((await listVersions(f.db, ids.disclosure)).length, record.head);
    assert.equal((await listComments(f.db, ids.disclosure)).length, 0);
    assert.equal((await listTransitions(f.db, ids.disclosure)).length, 0);
    assert.equal((await listPublications(f.db, ids.published)).length, 1);
  });
});
