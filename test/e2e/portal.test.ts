/**
 * Issue 7's acceptance, in a real browser (Debian's Chromium through playwright-core) against a real
 * server on an embedded database whose demonstration has BOTH years published (2022 by the demo seed,
 * 2023 here through the review chain's own functions). On a desktop window and on a phone (touch,
 * mobile layout), each of:
 *
 * - browse from the home page via region → 主管部门 → unit to 汉中市政务服务中心's 2023 page: a known
 *   figure, the three charts each with its data-table twin and text alternative, the version history,
 *   a 科目's explanation page reached from a table row, the scorecard;
 * - search 政务服务 (the unit is among the hits), narrow by the year facet and widen again, the year
 *   filter of the form, a search by 科目 name;
 * - compare the two years, from the disclosure page's link and through the compare form: a known
 *   line's difference;
 * - download every format through the page's own links (Playwright's download event): file names,
 *   content types, magic bytes, sizes, the parts each file must contain;
 * - axe-core (WCAG 2.0/2.1 A and AA) on every page visited: no serious or critical violation; moderate
 *   and minor ones are printed in the test log.
 *
 * Every page visited must load with no console error, no uncaught script error and no failed request,
 * and, on the phone, must not scroll sideways (wide tables scroll inside their own region instead).
 * Screenshots go to out/screenshots/portal-<page>-<desktop|phone>.png.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import type { BrowserContext, Locator, Page } from "playwright-core";
import { advance, gateOf, submit } from "../../src/app/disclosures.ts";
import type { AppContext } from "../../src/app/context.ts";
import { disclosureById, versionOf } from "../../src/store/repositories/disclosures.ts";
import { portalEntry } from "../../src/store/repositories/portal.ts";
import { listUsers } from "../../src/store/repositories/users.ts";
import { mayTake, stepFrom } from "../../src/workflow/chain.ts";
import { findingKey } from "../../src/workflow/finding-key.ts";
import { type AxeViolation, launchBrowser, runAxe, screenshot, type TestBrowser, VIEWPORTS, type ViewportName } from "../support/browser.ts";
import { type LiveServer, startLiveServer } from "../support/live-server.ts";

const UNIT = "117002";
const UNIT_NAME = "汉中市政务服务中心";
const DEPARTMENT = "117";
const DEPARTMENT_NAME = "汉中市行政审批服务局";
const REGION = "陕西省汉中市";
/** The demonstration's expenditure total: 2023 as published in the example, 2022 nine tenths of it. */
const TOTAL_2023 = "2,259,811.00";
const TOTAL_2022 = "2,033,829.90";
/** 2010350 事业运行, each year, and its change. */
const LINE = { code: "2010350", name: "事业运行", y2022: "1,231,823.70", y2023: "1,368,693.00", difference: "+136,869.30", percent: "+11.11%" };

const path = {
  home: "/portal/",
  region: `/portal/regions/${encodeURIComponent(REGION)}/`,
  department: `/portal/departments/${DEPARTMENT}/`,
  unit: `/portal/units/${UNIT}/`,
  disclosure: `/portal/units/${UNIT}/2023/`,
  history: `/portal/units/${UNIT}/2023/history/`,
  subject: `/portal/subjects/function/${LINE.code}/`,
  scorecard: "/portal/scorecard/",
  search: "/portal/search/",
  compareIndex: "/portal/compare/",
  compare: `/portal/compare/years/${UNIT}/2022/2023/`,
} as const;

/** Every page the acceptance names; each viewport must have visited (and checked) all of them. */
const REQUIRED_PAGES = ["home", "region", "department", "unit", "disclosure", "history", "search", "compare", "scorecard", "subject"] as const;

const DOWNLOADS = [
  { format: "pdf", file: `${UNIT}-2023-第1次发布-预算公开.pdf`, type: "application/pdf", magic: "%PDF-", min: 100_000, contains: [] as string[] },
  { format: "xlsx", file: `${UNIT}-2023-第1次发布-预算公开.xlsx`, type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", magic: "PK\x03\x04", min: 20_000, contains: ["[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/"] },
  { format: "docx", file: `${UNIT}-2023-第1次发布-预算公开.docx`, type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", magic: "PK\x03\x04", min: 20_000, contains: ["[Content_Types].xml", "word/document.xml"] },
  { format: "zip", file: `${UNIT}-2023-第1次发布-开放数据包.zip`, type: "application/zip", magic: "PK\x03\x04", min: 10_000, contains: ["datapackage.json", ".csv"] },
] as const;

/** Publishes a saved disclosure through the real chain (submit, then every review step), as test/support/app-fixture.ts `advanceTo` does. */
async function publishThroughChain(ctx: AppContext, disclosureId: number): Promise<void> {
  for (let guard = 0; guard < 20; guard++) {
    const record = await disclosureById(ctx.db, disclosureId);
    assert.ok(record, `no disclosure ${disclosureId}`);
    if (record.state === ctx.chain.published) return;
    const step = stepFrom(ctx.chain, record.state);
    assert.ok(step, `no step after “${record.state}”`);
    const actor = (await listUsers(ctx.db)).find((u) => mayTake(step, u) && (u.role !== "preparer" || u.unitIds.includes(record.unitId)));
    assert.ok(actor, `no account may take “${step.action}”`);
    if (step.role === "preparer") {
      const version = await versionOf(ctx.db, disclosureId, record.head);
      const { gate } = await gateOf(ctx, record, version as never);
      await submit(ctx, actor, disclosureId, record.head, gate.unacknowledged.map((f) => ({ findingKey: findingKey(f), reason: "已核实，情况属实" })));
    } else {
      await advance(ctx, actor, disclosureId, "审核通过");
    }
  }
  assert.fail("the disclosure did not reach the published state");
}

/** The Latin words a portal page may show: file formats, and the program's name in the check certificate. */
const LATIN_WORDS = new Set(["PDF", "Excel", "Word", "ZIP", "CSV", "datapackage.json", "Gongkai", "gongkai", "check"]);

const text = (locator: Locator) => locator.innerText();
/** A table row's cells as text, whitespace collapsed. */
const cells = async (row: Locator) => (await row.locator("th, td").allInnerTexts()).map((t) => t.replace(/\s+/g, " ").trim());

interface AxePageResult {
  readonly page: string;
  readonly violations: readonly AxeViolation[];
}

describe("issue 7 acceptance: the public portal in Chromium, desktop and phone", () => {
  let server: LiveServer;
  let browser: TestBrowser;
  const axeResults: Record<string, AxePageResult[]> = {};

  before(async () => {
    [server, browser] = await Promise.all([startLiveServer(), launchBrowser()]);
    await publishThroughChain(server.ctx, server.demo.disclosureId);
    for (const year of [2022, 2023]) assert.ok(await portalEntry(server.ctx.db, UNIT, year), `${year} is published and in the portal's index`);
  });
  after(async () => {
    for (const [viewport, results] of Object.entries(axeResults))
      console.log(`axe (${viewport}): ${results.map((r) => `${r.page} ${r.violations.length === 0 ? "0" : r.violations.map((v) => `${v.impact}:${v.id}`).join(",")}`).join(" · ")}`);
    await browser?.close();
    await server?.close();
  });

  for (const name of Object.keys(VIEWPORTS) as ViewportName[]) {
    describe(`${name} (${VIEWPORTS[name].viewport.width}×${VIEWPORTS[name].viewport.height})`, () => {
      let context: BrowserContext;
      let page: Page;
      /** Console errors, script errors, failed requests and error responses of this viewport (each check expects none). */
      const problems: string[] = [];
      /** The address of each page visited, by its name in the screenshots. */
      const visited = new Map<string, string>();
      const phone = name === "phone";
      /** A click on the desktop, a tap (touch) on the phone. */
      const press = (target: Locator) => (phone ? target.tap() : target.click());
      const url = (p: string) => `${server.url}${p}`;

      /** Presses a link or button, waits for the next page to load, and checks it is at `pathname`. */
      async function follow(target: Locator, pathname: string): Promise<void> {
        await target.scrollIntoViewIfNeeded();
        await Promise.all([page.waitForEvent("load"), press(target)]);
        assert.equal(decodeURI(new URL(page.url()).pathname), decodeURI(pathname));
      }

      /**
       * The page just reached: loaded with no console error, script error or failed request, not
       * scrolling sideways on the phone; remembered for axe, and screenshotted.
       */
      async function arrived(label: string, h1: string | RegExp): Promise<void> {
        await page.waitForLoadState("load");
        const heading = await text(page.locator("main h1"));
        if (typeof h1 === "string") assert.equal(heading, h1, `${label}: the page's h1`);
        else assert.match(heading, h1, `${label}: the page's h1`);
        assert.equal(await page.locator("h1").count(), 1, `${label}: one h1`);
        assert.equal(await page.locator("html").getAttribute("lang"), "zh-CN");
        // Chinese throughout: no word of an untranslated label, code name or message shows.
        // (Tokens with digits are codes and hashes, such as the certificate's rule-set id.)
        const tokens = (await text(page.locator("body"))).match(/[A-Za-z0-9][A-Za-z0-9._-]*/g) ?? [];
        const latin = tokens.filter((w) => /[A-Za-z]/.test(w) && !/\d/.test(w) && !LATIN_WORDS.has(w.replace(/\.$/, "")));
        assert.deepEqual([...new Set(latin)], [], `${label}: untranslated words`);
        assert.deepEqual(problems, [], `${label}: no console errors, script errors or failed requests`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(overflow <= 0, `${label}: the page scrolls sideways by ${overflow}px; wide content must scroll inside its own region`);
        visited.set(label, page.url());
        await screenshot(page, `portal-${label}-${name}`);
      }

      before(async () => {
        context = await browser.browser.newContext({ ...VIEWPORTS[name], locale: "zh-CN", timezoneId: "Asia/Shanghai", acceptDownloads: true });
        context.setDefaultTimeout(20_000);
        page = await context.newPage();
        page.on("console", (m) => {
          // Desktop Chromium asks every site for /favicon.ico, which the portal does not have; phones do not.
          if (m.type() === "error" && !m.location().url.endsWith("/favicon.ico")) problems.push(`console: ${m.text()} (${m.location().url})`);
        });
        page.on("pageerror", (e) => problems.push(`script error: ${e.message}`));
        page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()} (${r.failure()?.errorText ?? "?"})`));
        page.on("response", (r) => {
          if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
        });
      });
      after(async () => {
        await context?.close();
      });

      it("browses from the home page via region → 主管部门 → unit to the 2023 page: the figures, the charts and their data tables", async () => {
        await page.goto(url(path.home));
        await arrived("home", "部门（单位）预算公开");
        assert.match(await text(page.locator('[data-testid="recent"]')), new RegExp(`${UNIT_NAME}2023年单位预算公开[\\s\\S]*${UNIT_NAME}2022年单位预算公开`));
        assert.ok(await page.locator("#search-form").getByRole("searchbox").isVisible(), "the home page has the search box");

        await follow(page.locator('[data-testid="regions"]').getByRole("link", { name: REGION, exact: true }), path.region);
        await arrived("region", REGION);
        await follow(page.locator("main").getByRole("link", { name: DEPARTMENT_NAME, exact: true }), path.department);
        await arrived("department", DEPARTMENT_NAME);
        assert.match(await text(page.locator("main")), /汉中市政务服务中心[\s\S]*2023 年、2022 年/);
        await follow(page.locator("main .unit-list").getByRole("link", { name: UNIT_NAME, exact: true }), path.unit);
        await arrived("unit", UNIT_NAME);
        const years = page.locator("table.years-table tbody tr");
        assert.equal(await years.count(), 2);
        assert.deepEqual((await cells(years.nth(0))).slice(0, 2), ["2023 年预算公开", TOTAL_2023]);
        assert.deepEqual((await cells(years.nth(1))).slice(0, 2), ["2022 年预算公开", TOTAL_2022]);

        await follow(page.getByRole("link", { name: "2023 年预算公开" }), path.disclosure);
        await arrived("disclosure", `${UNIT_NAME}2023年单位预算公开`);
        // A known figure of the published tables: 表1's 支出总计 row.
        const table1 = page.locator("#tables .table-section").first();
        assert.match(await text(table1.locator("caption")), /收支/);
        assert.ok((await text(table1)).includes(TOTAL_2023), `表1 shows ${TOTAL_2023}`);
        const line = page.locator(`#tables tr:has(a[href$="subjects/function/${LINE.code}/"])`).first();
        assert.ok((await cells(line)).includes(LINE.y2023), `the ${LINE.code} row shows ${LINE.y2023}`);

        // The charts: each an SVG with its text alternative, beside its data table.
        for (const id of ["chart-function", "chart-economic", "chart-yoy"]) {
          const figure = page.locator(`#${id}`);
          assert.ok(await figure.isVisible(), `${id} is shown`);
          const svg = figure.locator("svg[role=img]");
          assert.equal(await svg.count(), 1, `${id} has one SVG image`);
          assert.match((await svg.getAttribute("aria-label")) ?? "", /^条形图：/, `${id}'s text alternative`);
          assert.match(await text(figure.locator("figcaption")), /^图\d /);
          assert.ok((await figure.locator("table.chart-data tbody tr").count()) >= 2, `${id} has its data table`);
        }
        const total = async (id: string) => cells(page.locator(`#${id} table.chart-data tr.total`));
        assert.deepEqual(await total("chart-function"), ["合计", TOTAL_2023, "100.0%"]);
        assert.deepEqual(await total("chart-economic"), ["合计", TOTAL_2023, "100.0%"]);
        assert.deepEqual(await page.locator("#chart-yoy table.chart-data thead th").allInnerTexts(), ["科目", "2022年（元）", "2023年（元）", "增减（元）", "增减率"]);
        assert.deepEqual(await total("chart-yoy"), ["合计", TOTAL_2022, TOTAL_2023, "+225,981.10", "+11.1%"]);
        // The data tables' names stay readable: no name column squeezed to a character or two a line.
        const narrowest = await page.locator("#charts table.chart-data tbody th[scope=row]").evaluateAll((ths) =>
          Math.min(...ths.map((th) => th.getBoundingClientRect().width / Number(getComputedStyle(th).fontSize.replace("px", "")))),
        );
        assert.ok(narrowest >= 6, `the charts' data tables have a name column ${narrowest.toFixed(1)} characters wide`);
        await screenshot(page.locator("#chart-function"), `portal-disclosure-chart-${name}`);
        await screenshot(page.locator("#chart-yoy"), `portal-disclosure-chart-yoy-${name}`);
        await screenshot(table1, `portal-disclosure-table-${name}`);

        if (phone) {
          // On the phone the wide tables scroll sideways inside their own (focusable) region.
          const wide = await page.locator("#tables .table-section").evaluateAll((sections) =>
            sections.filter((s) => s.scrollWidth > s.clientWidth + 1 && getComputedStyle(s).overflowX === "auto" && s.getAttribute("tabindex") === "0").length,
          );
          assert.ok(wide >= 5, `${wide} tables scroll inside their region on the phone`);
          // A wide table's title shows where its region starts, not centred off to the right.
          const title = await table1.locator("caption .title").evaluate((t) => {
            const box = document.createRange();
            box.selectNodeContents(t);
            const r = box.getBoundingClientRect();
            return { left: r.left, right: r.right };
          });
          assert.ok(title.left >= 0 && title.right <= VIEWPORTS.phone.viewport.width, `表1's title is at ${title.left}–${title.right}px`);
          const scrolled = await table1.evaluate((s) => {
            s.scrollLeft = 120;
            return s.scrollLeft;
          });
          assert.ok(scrolled > 0, "表1 scrolls sideways");
          await table1.evaluate((s) => (s.scrollLeft = 0));
        }

        // The version history.
        await follow(page.getByRole("link", { name: "查看版本历史与每次更正的逐项对照" }), path.history);
        await arrived("history", `${UNIT_NAME}2023年单位预算公开：版本历史`);
        assert.match(await text(page.locator("section.publication")), /第 1 次发布（现行）[\s\S]*首次发布/);

        // A 科目's explanation, from its row in the tables.
        await page.goBack({ waitUntil: "load" });
        await follow(page.locator(`#tables a[href$="subjects/function/${LINE.code}/"]`).first(), path.subject);
        await arrived("subject", `${LINE.code} ${LINE.name}`);
        assert.deepEqual((await cells(page.locator('table.subject-uses[data-year="2023"] tbody tr').first())), [UNIT_NAME, DEPARTMENT_NAME, LINE.y2023]);
        assert.deepEqual((await cells(page.locator('table.subject-uses[data-year="2022"] tbody tr').first())), [UNIT_NAME, DEPARTMENT_NAME, LINE.y2022]);

        // The scorecard, from the site's navigation.
        await follow(page.locator(".site-nav").getByRole("link", { name: "公开情况" }), path.scorecard);
        await arrived("scorecard", "公开情况");
        assert.match(await text(page.locator("main")), new RegExp(`2023 年各主管部门[\\s\\S]*${DEPARTMENT_NAME}\\s+${REGION}\\s+1\\s+1\\s`));
      });

      it("searches 政务服务: the unit is among the hits; the year facet narrows and widens; the form's year filter; a 科目 name", async () => {
        await page.goto(url(path.home));
        await page.locator("#search-form").getByRole("searchbox").fill("政务服务");
        await follow(page.locator("#search-form").getByRole("button", { name: "搜索" }), path.search);
        assert.equal(new URL(page.url()).searchParams.get("q"), "政务服务");
        await arrived("search", "搜索");
        const summary = page.locator("#search-summary");
        const hits = page.locator("#search-hits > li h3 a");
        assert.equal(await text(summary), "“政务服务”共找到 2 份已公开的预算。");
        assert.deepEqual(await hits.allInnerTexts(), [`${UNIT_NAME}2023年单位预算公开`, `${UNIT_NAME}2022年单位预算公开`]);
        assert.match(await text(page.locator("#search-hits > li").first()), new RegExp(`匹配：单位：${UNIT_NAME}`));

        // The year facet narrows to 2023 …
        const facets = page.locator("nav.facets");
        await follow(facets.getByRole("link", { name: "2023 年" }), path.search);
        assert.equal(new URL(page.url()).searchParams.get("year"), "2023");
        assert.equal(await text(summary), "“政务服务”共找到 1 份已公开的预算。");
        assert.deepEqual(await hits.allInnerTexts(), [`${UNIT_NAME}2023年单位预算公开`]);
        assert.equal(await facets.getByRole("link", { name: "2023 年" }).getAttribute("aria-current"), "true");
        await screenshot(page, `portal-search-2023-${name}`);
        // … the other year stays offered (with its count), and 不限 widens again.
        assert.match(await text(facets), /2022 年（1）/);
        await follow(facets.getByRole("link", { name: "2022 年" }), path.search);
        assert.deepEqual(await hits.allInnerTexts(), [`${UNIT_NAME}2022年单位预算公开`]);
        await follow(facets.getByRole("link", { name: "不限" }).first(), path.search);
        assert.equal(new URL(page.url()).searchParams.get("year"), null);
        assert.equal(await hits.count(), 2);
        assert.deepEqual(problems, []);

        // The form's own year filter, and a search by 科目 name.
        await page.locator("#search-form").getByLabel("年度").selectOption("2022");
        await follow(page.locator("#search-form").getByRole("button", { name: "搜索" }), path.search);
        assert.deepEqual(await hits.allInnerTexts(), [`${UNIT_NAME}2022年单位预算公开`]);
        await page.locator("#search-form").getByLabel("年度").selectOption("");
        await page.locator("#search-form").getByRole("searchbox").fill(LINE.name);
        await follow(page.locator("#search-form").getByRole("button", { name: "搜索" }), path.search);
        assert.equal(await hits.count(), 2);
        assert.match(await text(page.locator("#search-hits > li").first()), new RegExp(`支出功能分类科目：${LINE.code} ${LINE.name}`));
        assert.deepEqual(problems, []);
      });

      it("compares the two years: from the disclosure page's link and through the compare form", async () => {
        await page.goto(url(path.disclosure));
        await follow(page.locator("#related").getByRole("link", { name: "比较 2022 年与 2023 年" }), path.compare);
        await arrived("compare", `${UNIT_NAME}：2022 年与 2023 年比较`);
        assert.deepEqual(await cells(page.locator("#compare-total tbody tr")), ["支出合计", TOTAL_2022, TOTAL_2023, "+225,981.10", "+11.11%"]);
        const row = page.locator(`#compare-function tr[data-code="${LINE.code}"]`);
        assert.deepEqual(await cells(row), [LINE.code, LINE.name, LINE.y2022, LINE.y2023, LINE.difference, LINE.percent]);
        assert.equal(await row.locator("td.num.up").count(), 1, "an increase is marked as one");
        const indent = (code: string) => page.locator(`#compare-function tr[data-code="${code}"] th`).evaluate((th) => Number(getComputedStyle(th).paddingLeft.replace("px", "")));
        const [lei, kuan, xiang] = [await indent("201"), await indent("20103"), await indent(LINE.code)];
        assert.ok(lei < kuan && kuan < xiang, `类, 款 and 项 names are indented by level: ${lei}, ${kuan}, ${xiang}`);
        assert.deepEqual(await cells(page.locator('#compare-economic tr[data-code="301"]')), ["301", "工资福利支出", "1,650,429.90", "1,833,811.00", "+183,381.10", "+11.11%"]);
        if (phone) {
          const scrolls = await page.locator("#compare-function").evaluate((t) => t.parentElement!.scrollWidth > t.parentElement!.clientWidth);
          assert.ok(scrolls, "the comparison table scrolls sideways inside its region on the phone");
        }
        await screenshot(page.locator("#compare-function").locator(".."), `portal-compare-table-${name}`);

        // The compare form (the site's navigation → 比较): the unit and two years → the same page.
        await follow(page.locator(".site-nav").getByRole("link", { name: "比较" }), path.compareIndex);
        await arrived("compare-index", "比较");
        const form = page.locator('form[data-compare="years"]');
        await form.getByLabel("单位").selectOption(UNIT);
        await form.getByLabel("左：年度").selectOption("2022");
        await form.getByLabel("右：年度").selectOption("2023");
        await follow(form.getByRole("button", { name: "比较年度" }), path.compare);
        assert.deepEqual(await cells(page.locator(`#compare-function tr[data-code="${LINE.code}"]`)), [LINE.code, LINE.name, LINE.y2022, LINE.y2023, LINE.difference, LINE.percent]);
        assert.deepEqual(problems, []);
      });

      it("downloads each format through the page's links: file name, type, magic bytes, size, contents", async () => {
        await page.goto(url(path.disclosure));
        assert.deepEqual(problems, []);
        const links = page.locator("#downloads a[data-format]");
        assert.deepEqual(await links.evaluateAll((as) => as.map((a) => a.getAttribute("data-format"))), DOWNLOADS.map((d) => d.format));
        for (const expected of DOWNLOADS) {
          const link = page.locator(`#downloads a[data-format="${expected.format}"]`);
          const href = new URL((await link.getAttribute("href"))!, page.url()).href;
          assert.equal(href, url(`/portal/units/${UNIT}/2023/1/${expected.format === "zip" ? "datapackage.zip" : `disclosure.${expected.format}`}`));
          const [download] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), press(link)]);
          assert.equal(download.url(), href);
          assert.equal(download.suggestedFilename(), expected.file);
          assert.equal(await download.failure(), null);
          const bytes = readFileSync((await download.path())!);
          // The same address asked again (the browser's download shows no headers): its type, and the same bytes.
          const again = await page.request.get(href);
          assert.equal(again.status(), 200);
          assert.equal(again.headers()["content-type"], expected.type);
          assert.match(again.headers()["content-disposition"] ?? "", /^attachment;/);
          assert.ok(Buffer.from(await again.body()).equals(bytes), `${expected.file}: the same bytes each time`);
          assert.equal(bytes.subarray(0, expected.magic.length).toString("latin1"), expected.magic, `${expected.file}: magic bytes`);
          assert.ok(bytes.length >= expected.min, `${expected.file}: ${bytes.length} bytes`);
          // The zip's central directory names its entries in plain text.
          for (const part of expected.contains) assert.ok(bytes.includes(Buffer.from(part)), `${expected.file} holds ${part}`);
          if (expected.format === "pdf") assert.match(bytes.subarray(bytes.length - 1024).toString("latin1"), /%%EOF\s*$/, "the PDF is complete");
          console.log(`download (${name}): ${expected.file} ${bytes.length} bytes`);
        }
        // A download leaves the page where it was, with nothing failed.
        assert.equal(new URL(page.url()).pathname, path.disclosure);
        assert.deepEqual(problems, []);
      });

      it("axe-core (WCAG 2.0/2.1 A and AA) finds no serious or critical violation on any page visited", async () => {
        for (const required of REQUIRED_PAGES) assert.ok(visited.has(required), `the ${required} page was visited`);
        // axe is added to the page as a script, which the app's CSP forbids: a context of its own that bypasses it.
        const axeContext = await browser.browser.newContext({ ...VIEWPORTS[name], locale: "zh-CN", timezoneId: "Asia/Shanghai", bypassCSP: true });
        try {
          const axePage = await axeContext.newPage();
          const results: AxePageResult[] = (axeResults[name] = []);
          for (const [label, address] of visited) {
            await axePage.goto(address, { waitUntil: "load" });
            const violations = await runAxe(axePage);
            results.push({ page: label, violations });
            for (const v of violations.filter((x) => x.impact === "moderate" || x.impact === "minor"))
              console.log(`axe ${name} ${label}: ${v.impact} ${v.id} — ${v.help} (${v.nodes.length}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join("; ")})`);
          }
          const bad = results.flatMap((r) =>
            r.violations
              .filter((v) => v.impact === "serious" || v.impact === "critical")
              .map((v) => `${r.page}: ${v.impact} ${v.id} — ${v.help} at ${v.nodes.slice(0, 3).map((n) => `${n.target.join(" ")} (${n.failureSummary ?? ""})`).join("; ")}`),
          );
          assert.deepEqual(bad, [], "no serious or critical violation");
          assert.ok(results.length >= REQUIRED_PAGES.length);
        } finally {
          await axeContext.close();
        }
      });
    });
  }
});
