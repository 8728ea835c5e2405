/**
 * The public portal's pages, through the app (`app.request`, no socket), on both engines. The store:
 * the demonstration with its 2022 disclosure published (as `npm start` has it), its 2023 disclosure
 * published and then corrected (reopened, one figure changed, published again with a note), and a
 * second unit of the same 主管部门 published for 2023.
 *
 * Asserted: search finds 汉中市政务服务中心 by 政务服务 (with its facets); the disclosure page shows a
 * known figure, the 目录 and tables, the charts' data tables and text alternatives (the year-over-year
 * one too), 科目 names linking to their pages; each download answers with its type and a body of the
 * right kind; the history shows the correction's note and the changed cell, old and new; the
 * comparisons show the difference of a known line; the department's consolidation adds up; the
 * scorecard counts; every /portal/ route of ROUTE_TABLE renders, and every portal page links only
 * relatively (no href, src or action starting with `/`, and no address with a scheme).
 */
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { addUser } from "../../src/app/accounts.ts";
import { lastYearDemoDocument, readDemoDocument } from "../../src/app/demo.ts";
import { reopen, saveVersion } from "../../src/app/disclosures.ts";
import type { BudgetDocument } from "../../src/model/budget-document.ts";
import { type Fen, formatYuan } from "../../src/model/money.ts";
import { ROUTE_TABLE } from "../../src/server/route-table.ts";
import { disclosureById } from "../../src/store/repositories/disclosures.ts";
import { upsertUnit } from "../../src/store/repositories/units.ts";
import { type AppFixture, changedDemo, DEMO_PASSWORD, makeApp } from "../support/app-fixture.ts";
import { forEachEngine } from "../support/engines.ts";

const UNIT = "117002";
const OTHER = "117003";
const REGION = "陕西省汉中市";
const NOTE = "更正：工资福利支出的基本工资少计了 100 元";
/** The correction: the first expenditure line (2010350 / 30101 基本工资) and the revenue, +100 元. */
const CORRECTION = 10000;

const yuan = (fen: number) => formatYuan(fen as Fen);
const sumOf = (doc: BudgetDocument, functionCode: string) => doc.expenditure.filter((l) => l.functionCode === functionCode).reduce((n, l) => n + l.amount, 0);

/** Every href, src and action value of a page. */
function linkValues(html: string): string[] {
  return [...html.matchAll(/\b(?:href|src|action)="([^"]*)"/g)].map((m) => m[1]!);
}

function assertRelativeOnly(html: string, where: string): void {
  for (const value of linkValues(html)) {
    assert.ok(!value.startsWith("/"), `${where}: absolute link ${value}`);
    assert.ok(!/^[a-z][a-z0-9+.-]*:/i.test(value), `${where}: link with a scheme ${value}`);
  }
  assert.ok(!/https?:\/\//.test(html.replace(/xmlns(:\w+)?="http:\/\/www\.w3\.org\/[^"]*"/g, "")), `${where}: names an http(s) address`);
}

forEachEngine("portal pages", (open) => {
  let f: AppFixture;
  let corrected: BudgetDocument;
  const get = async (path: string) => {
    const res = await f.anonymous().get(path);
    return { status: res.status, type: res.headers.get("content-type") ?? "", body: await res.text(), res };
  };

  before(async () => {
    f = await makeApp({ db: await open(), publishLastYear: true });
    // 2023 published, then corrected with a note.
    await f.advanceTo(f.demo.disclosureId, "已公开");
    const danwei = await f.user("danwei");
    await reopen(f.ctx, danwei, f.demo.disclosureId, NOTE);
    corrected = changedDemo(CORRECTION);
    const head = (await disclosureById(f.db, f.demo.disclosureId))!.head;
    await saveVersion(f.ctx, danwei, f.demo.unitId, corrected, head, "表单");
    await f.advanceTo(f.demo.disclosureId, "已公开");
    // A second unit of the same department, published for 2023.
    const unit = await upsertUnit(f.db, { code: OTHER, name: "汉中市公共资源交易中心", kind: "事业单位", departmentId: f.demo.departmentId });
    await addUser(f.ctx, null, { username: "jiaoyi", displayName: "交易中心填报员", role: "preparer", unitIds: [unit.id], password: DEMO_PASSWORD });
    const doc = structuredClone(readDemoDocument()) as any;
    doc.unit.code = OTHER;
    doc.unit.name = "汉中市公共资源交易中心";
    const saved = await saveVersion(f.ctx, await f.user("jiaoyi"), unit.id, doc as BudgetDocument, 0, "表单");
    await f.advanceTo(saved.disclosure.id, "已公开");
  });

  it("the home page offers search, the regions and departments, the recently published and the scorecard", async () => {
    const { status, body } = await get("/portal/");
    assert.equal(status, 200);
    assert.match(body, /<html lang="zh-CN">/);
    assert.match(body, /<form id="search-form" class="search-form" role="search" method="get" action="search\/"/);
    assert.match(body, /<label for="search-form-q">/);
    assert.ok(body.includes(`href="regions/${encodeURIComponent(REGION)}/"`));
    assert.ok(body.includes('href="departments/117/">汉中市行政审批服务局</a>'));
    assert.ok(body.includes(`href="units/${UNIT}/2023/">汉中市政务服务中心2023年单位预算公开</a>`));
    assert.ok(body.includes('href="scorecard/"'));
    assertRelativeOnly(body, "/portal/");
  });

  it("search finds 汉中市政务服务中心 by 政务服务, with year and region facets", async () => {
    const { status, body } = await get(`/portal/search/?q=${encodeURIComponent("政务服务")}`);
    assert.equal(status, 200);
    assert.match(body, /“政务服务”共找到 2 份已公开的预算/);
    assert.ok(body.includes(`<a href="../units/${UNIT}/2023/">汉中市政务服务中心2023年单位预算公开</a>`));
    assert.ok(body.includes(`<a href="../units/${UNIT}/2022/">汉中市政务服务中心2022年单位预算公开</a>`));
    assert.match(body, />2023 年<\/a>（1）/);
    assert.match(body, />2022 年<\/a>（1）/);
    assert.ok(body.includes(`>${REGION}</a>（2）`));
    const filtered = await get(`/portal/search/?q=${encodeURIComponent("政务服务")}&year=2022`);
    assert.match(filtered.body, /共找到 1 份/);
    // A 科目 code finds every unit using it; the old address answers with the new one.
    assert.match((await get("/portal/search/?q=2010350&year=2023")).body, /共找到 2 份/);
    const old = await get(`/portal/search?q=${encodeURIComponent("政务服务")}`);
    assert.equal(old.status, 301);
    assert.equal(old.res.headers.get("location"), `/portal/search/?q=${encodeURIComponent("政务服务")}`);
  });

  it("the disclosure page shows the published content, the charts with their data tables and text alternatives, and 科目 links", async () => {
    const { status, body, res } = await get(`/portal/units/${UNIT}/2023/`);
    assert.equal(status, 200);
    assert.match(res.headers.get("cache-control") ?? "", /^public/);
    assert.match(body, /<h1>汉中市政务服务中心2023年单位预算公开<\/h1>/);
    // The corrected figure of 30101 基本工资, in 元.
    assert.ok(body.includes(yuan(readDemoDocument().expenditure[0]!.amount + CORRECTION)), "the corrected 基本工资");
    assert.ok(body.includes('<h3 id="toc">目录</h3>'));
    assert.equal((body.match(/<table id="t\d+(-\d+)?" class="std /g) ?? []).length >= 15, true, "every table");
    // Charts: function and economic classes, and the year over year against 2022, each with its table and text.
    for (const id of ["chart-function", "chart-economic", "chart-yoy"]) assert.ok(body.includes(`<figure id="${id}"`), id);
    assert.equal((body.match(/<table class="chart-data"><caption>图\d /g) ?? []).length, 3);
    assert.equal((body.match(/role="img" aria-label="条形图：/g) ?? []).length, 3);
    assert.match(body, /<th scope="col">2022年（元）<\/th><th scope="col">2023年（元）<\/th>/);
    // Names link to their 科目 page.
    assert.ok(body.includes('href="../../../subjects/function/2010350/"'));
    assert.match(body, /<section id="certificate" class="certificate"/);
    assert.ok(body.includes(`更正说明：${NOTE}`));
    assert.ok(body.includes('href="history/"'));
    assert.ok(body.includes(`href="../../../compare/years/${UNIT}/2022/2023/"`));
    assertRelativeOnly(body, "disclosure page");
    // An earlier publication says it was corrected and links to the current one.
    const first = await get(`/portal/units/${UNIT}/2023/1/`);
    assert.equal(first.status, 200);
    assert.match(first.body, /已被更正；<a href="\.\.\/">查看现行的第 2 次发布<\/a>/);
    assert.ok(first.body.includes(yuan(readDemoDocument().expenditure[0]!.amount)));
  });

  it("downloads answer with their types and bodies of that kind", async () => {
    const expected = [
      ["disclosure.pdf", "application/pdf", "%PDF"],
      ["disclosure.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "PK"],
      ["disclosure.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "PK"],
      ["datapackage.zip", "application/zip", "PK"],
    ] as const;
    const page = (await get(`/portal/units/${UNIT}/2023/`)).body;
    for (const [file, type, magic] of expected) {
      assert.ok(page.includes(`href="2/${file}"`), `the page links ${file}`);
      const res = await f.anonymous().get(`/portal/units/${UNIT}/2023/2/${file}`);
      assert.equal(res.status, 200, file);
      assert.equal(res.headers.get("content-type"), type, file);
      assert.match(res.headers.get("content-disposition") ?? "", /^attachment; filename="/);
      const body = Buffer.from(await res.arrayBuffer());
      assert.ok(body.length > 1000, `${file} is ${body.length} bytes`);
      assert.equal(body.subarray(0, magic.length).toString("latin1"), magic, file);
    }
    const zip = Buffer.from(await (await f.anonymous().get(`/portal/units/${UNIT}/2023/2/datapackage.zip`)).arrayBuffer()).toString("latin1");
    assert.ok(zip.includes("datapackage.json"), "the zip holds datapackage.json");
    assert.equal((await f.anonymous().get(`/portal/units/${UNIT}/2023/3/disclosure.pdf`)).status, 404);
  });

  it("the history shows each correction's note and the changed cell, old and new", async () => {
    const { status, body } = await get(`/portal/units/${UNIT}/2023/history/`);
    assert.equal(status, 200);
    assert.match(body, /第 2 次发布（现行）/);
    assert.ok(body.includes(`更正说明：${NOTE}`));
    const before = yuan(readDemoDocument().expenditure[0]!.amount);
    const after = yuan(readDemoDocument().expenditure[0]!.amount + CORRECTION);
    assert.ok(body.includes(`<td class="num before">${before}</td><td class="num after">${after}</td><td class="num">+100.00</td>`), "the redline of 基本工资");
    assert.match(body, /href="\.\.\/2\/#t\d+"/);
    assert.match(body, /首次发布。/);
    assertRelativeOnly(body, "history");
  });

  it("compares two years of one unit and two units of one year, with the difference of a known line", async () => {
    const lastYear = lastYearDemoDocument();
    const { status, body } = await get(`/portal/compare/years/${UNIT}/2022/2023/`);
    assert.equal(status, 200);
    const row = body.match(/<tr class="lv-项" data-code="2010350">.*?<\/tr>/s)?.[0] ?? "";
    const difference = sumOf(corrected, "2010350") - sumOf(lastYear, "2010350");
    assert.ok(row.includes(yuan(sumOf(lastYear, "2010350"))), row);
    assert.ok(row.includes(yuan(sumOf(corrected, "2010350"))), row);
    assert.ok(row.includes(`+${yuan(difference)}`), row);
    assertRelativeOnly(body, "compare years");
    const units = await get(`/portal/compare/units/2023/${UNIT}/${OTHER}/`);
    assert.equal(units.status, 200);
    const unitRow = units.body.match(/<tr class="lv-项" data-code="2010350">.*?<\/tr>/s)?.[0] ?? "";
    assert.ok(unitRow.includes(`-${yuan(CORRECTION)}`), unitRow);
    // The form's answer without script: straight to the comparison.
    const form = await f.anonymous().get(`/portal/compare/?kind=years&unit=${UNIT}&year=2022&otherYear=2023`);
    assert.equal(form.status, 303);
    assert.equal(form.headers.get("location"), `/portal/compare/years/${UNIT}/2022/2023/`);
    assert.equal((await get(`/portal/compare/years/${UNIT}/2021/2023/`)).status, 404);
  });

  it("consolidates a department's units of a year", async () => {
    const { status, body } = await get("/portal/departments/117/2023/");
    assert.equal(status, 200);
    const total = corrected.expenditure.reduce((n, l) => n + l.amount, 0) + readDemoDocument().expenditure.reduce((n, l) => n + l.amount, 0);
    assert.ok(body.includes(`<tr class="total"><th scope="row">合计</th><td class="num">${yuan(total)}</td>`));
    assert.ok(body.includes(`<a href="../../../units/${OTHER}/2023/">汉中市公共资源交易中心</a>`));
  });

  it("the scorecard counts each year's units published, on time, complete and with errors", async () => {
    const { status, body } = await get("/portal/scorecard/");
    assert.equal(status, 200);
    const row = (year: number) => body.match(new RegExp(`<section aria-labelledby="y${year}-title" data-year="${year}">[\\s\\S]*?<tr data-department="117">(.*?)</tr>`))?.[1] ?? "";
    // 单位数, 已公开, 按时, 批复日期未知, 完整, 有错误: neither document gives its 批复日期.
    const cells = (year: number) => [...row(year).matchAll(/<td class="num">(\d+)<\/td>/g)].map((m) => Number(m[1]));
    assert.deepEqual(cells(2023), [2, 2, 0, 2, 2, 0]);
    assert.deepEqual(cells(2022), [2, 1, 0, 1, 1, 0]);
    const department = await get("/portal/scorecard/117/");
    assert.equal(department.status, 200);
    assert.match(department.body, /<tr data-unit="117003">[\s\S]*?未公开/);
    assert.match(department.body, /<a href="\.\.\/\.\.\/units\/117002\/2023\/history\/">1 次<\/a>/);
  });

  it("a 科目 page names it, its parents and children, and the units using it with amounts", async () => {
    const { status, body } = await get("/portal/subjects/function/2010350/");
    assert.equal(status, 200);
    assert.match(body, /<h1>2010350 [^<]+<\/h1>/);
    assert.ok(body.includes('href="../201/"'), "its 类");
    assert.ok(body.includes('href="../20103/"'), "its 款");
    assert.ok(body.includes(`<a href="../../../units/${UNIT}/2023/">汉中市政务服务中心</a></th><td>汉中市行政审批服务局</td><td class="num">${yuan(sumOf(corrected, "2010350"))}</td>`));
    const parent = await get("/portal/subjects/function/20103/");
    assert.ok(parent.body.includes('<a href="../2010350/">2010350 '), "a used child links to its page");
    assert.equal((await get("/portal/subjects/function/9999999/")).status, 404);
    assert.equal((await get("/portal/subjects/economic/2010350/")).status, 404);
  });

  it("every /portal/ route of ROUTE_TABLE renders, and every page links only relatively", async () => {
    const fill: Record<string, string> = {
      region: encodeURIComponent(REGION),
      deptCode: "117",
      unitCode: UNIT,
      otherUnitCode: OTHER,
      year: "2023",
      otherYear: "2022",
      sequence: "1",
      kind: "function",
      code: "201",
    };
    const routes = ROUTE_TABLE.filter((r) => r.path.startsWith("/portal/"));
    assert.ok(routes.length >= 20, `${routes.length} portal routes`);
    for (const route of routes) {
      assert.equal(route.access, "public", route.path);
      const path = route.path.replace(/:(\w+)/g, (_, name: string) => fill[name] ?? assert.fail(`no value for :${name} of ${route.path}`));
      const { status, type, body } = await get(path);
      assert.equal(status, route.path === "/portal/search" ? 301 : 200, `${path} → ${status}`);
      if (type.startsWith("text/html")) {
        assertRelativeOnly(body, path);
        assert.match(body, /<a class="skip-link" href="#main">跳到正文<\/a>/, path);
        assert.equal((body.match(/<h1>/g) ?? []).length, 1, `${path}: one h1`);
        assert.match(body, /<main id="main"/, path);
      }
    }
  });

  it("a page that does not exist is the portal's own, with relative links", async () => {
    for (const path of [`/portal/units/${UNIT}/2019/`, "/portal/units/000000/", `/portal/units/${UNIT}/abc/`, "/portal/regions/nowhere/", "/portal/departments/999/2023/"]) {
      const { status, body } = await get(path);
      assert.equal(status, 404, path);
      assert.match(body, /<h1>找不到页面<\/h1>/);
      assertRelativeOnly(body, path);
    }
  });
});

describe("portal links", () => {
  it("are relative from any page to any path", async () => {
    const { relativeHref } = await import("../../src/server/portal/links.ts");
    assert.equal(relativeHref("/portal/", "/portal/"), "./");
    assert.equal(relativeHref("/portal/", "/portal/search/?q=x"), "search/?q=x");
    assert.equal(relativeHref("/portal/units/1/2023/", "/portal/units/1/2023/history/"), "history/");
    assert.equal(relativeHref("/portal/units/1/2023/history/", "/portal/units/1/2023/"), "../");
    assert.equal(relativeHref("/portal/units/1/2023/", "/portal/subjects/function/201/"), "../../../subjects/function/201/");
    assert.equal(relativeHref("/portal/units/1/2023/2/disclosure.pdf", "/portal/units/1/2023/"), "../");
    assert.equal(relativeHref("/portal/units/1/2023/", "/portal/assets/portal.css"), "../../../assets/portal.css");
    assert.equal(relativeHref("/portal/search/", "/portal/search/?q=1#r"), "./?q=1#r");
  });
});
