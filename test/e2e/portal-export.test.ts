/**
 * Issue 7's acceptance for the static export: a store of 100 published units (bulk-published
 * synthetic units, 20 主管部门 of 5 units over three regions, on PGlite) exported with `exportSite` — the function
 * behind `gongkai export-site`, without the downloads (`--no-downloads`: the full export of the same
 * store spends most of its time rendering 400 PDF, XLSX, DOCX and zip files, see the report) — and
 * then, with the database closed and no server anywhere, opened in Chromium from file:// with every
 * network request blocked:
 *
 * - home → region → 主管部门 → unit → its disclosure page, by clicking the pages' own links;
 * - the offline search (portal.js over assets/search-index.js) finds a unit by a Chinese substring of
 *   its name that is neither its beginning nor its end, leads to its page, and its region facet narrows;
 * - on every page: no failed request, no request other than file://, no console error, no script
 *   error, the portal's CSS applied. Screenshots: out/screenshots/portal-export-*.png.
 */
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { after, before, describe, it } from "node:test";
import type { BrowserContext, Locator, Page } from "playwright-core";
import { bulkPublish } from "../../src/app/bulk-publish.ts";
import type { AppContext } from "../../src/app/context.ts";
import { exportSite, type ExportResult } from "../../src/server/portal/export-site.ts";
import { DEFAULT_CHAIN } from "../../src/workflow/chain.ts";
import { launchBrowser, screenshot, type TestBrowser, VIEWPORTS } from "../support/browser.ts";
import { openTestDatabase } from "../support/engines.ts";
import { SYNTHETIC_REGIONS, syntheticUnitCode, syntheticUnits } from "../support/synthetic-units.ts";

const UNITS = 100;
const PER_DEPARTMENT = 5;
/** Unit 57 (基准单位57): searched by a substring of its name that is neither its start nor its end. */
const SOUGHT = { n: 56, name: "基准单位57", query: "准单位5" } as const;

describe("issue 7 acceptance: the static export of 100 units, browsed offline from file:// (Chromium)", () => {
  let root: string;
  let out: string;
  let result: ExportResult;
  let browser: TestBrowser;
  let context: BrowserContext;
  let page: Page;
  /** Failed requests, requests that left file://, console errors and script errors (each check expects none). */
  const problems: string[] = [];

  before(async () => {
    const db = await openTestDatabase("pglite");
    try {
      const ctx: AppContext = { db, chain: DEFAULT_CHAIN, now: () => new Date() };
      let started = Date.now();
      const published = await bulkPublish(ctx, syntheticUnits(UNITS, { perDepartment: PER_DEPARTMENT }), { workers: 2 });
      assert.equal(published.length, UNITS);
      const publishing = Date.now() - started;
      root = mkdtempSync(join(tmpdir(), "gongkai-export-e2e-"));
      out = join(root, "site");
      started = Date.now();
      result = await exportSite(ctx, { out, downloads: false });
      console.log(`bulk publish of ${UNITS} units: ${(publishing / 1000).toFixed(1)} s; export (no downloads): ${((Date.now() - started) / 1000).toFixed(1)} s, ${result.pages} pages, ${result.files} files, ${(result.bytes / 1024 / 1024).toFixed(1)} MB`);
    } finally {
      // No server and no database from here on: the browser has only the files.
      await db.close();
    }
    browser = await launchBrowser();
    context = await browser.browser.newContext({ ...VIEWPORTS.desktop, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
    context.setDefaultTimeout(20_000);
    await context.route("**/*", (route) => (route.request().url().startsWith("file:") ? route.continue() : route.abort()));
    page = await context.newPage();
    page.on("request", (r) => {
      if (!r.url().startsWith("file:")) problems.push(`a request off the disk: ${r.url()}`);
    });
    page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()} (${r.failure()?.errorText ?? "?"})`));
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(`console: ${m.text()}`);
    });
    page.on("pageerror", (e) => problems.push(`script error: ${e.message}`));
  });
  after(async () => {
    await browser?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  /** The page just reached: its file, its h1, loaded with nothing failed and the portal's CSS applied; screenshotted. */
  async function arrived(label: string, file: string, h1: string): Promise<void> {
    await page.waitForLoadState("load");
    const url = new URL(page.url());
    assert.equal(url.protocol, "file:");
    assert.equal(decodeURIComponent(url.pathname), join(out, file), `${label}: the page's file`);
    assert.equal(await page.locator("main h1").innerText(), h1, `${label}: the page's h1`);
    assert.equal(await page.locator("html").getAttribute("data-export"), "static");
    assert.equal(await page.locator(".site-header").evaluate((e) => getComputedStyle(e).backgroundColor), "rgb(11, 61, 117)", `${label}: the portal's CSS is applied`);
    assert.deepEqual(problems, [], `${label}: nothing failed`);
    await screenshot(page, `portal-export-${label}`);
  }

  async function follow(target: Locator): Promise<void> {
    await Promise.all([page.waitForEvent("load"), target.click()]);
  }

  it("exported every unit's pages, without the downloads", () => {
    assert.ok(result.pages >= UNITS * 4, `${result.pages} pages: each unit's page, disclosure, publication and history, and more`);
    for (let n = 0; n < UNITS; n++) assert.ok(existsSync(join(out, "portal/units", syntheticUnitCode(n), "2023/index.html")), `unit ${n + 1}'s disclosure page`);
    assert.ok(existsSync(join(out, "portal/assets/search-index.js")));
    assert.ok(!existsSync(join(out, "portal/units", syntheticUnitCode(0), "2023/1/disclosure.pdf")), "no downloads were exported");
  });

  it("browses offline: home → region → 主管部门 → unit → its disclosure page, by the pages' links", async () => {
    await page.goto(pathToFileURL(join(out, "index.html")).href);
    // The top index.html leads on to the portal's home page.
    await page.waitForURL((u) => u.pathname.endsWith("/portal/index.html"));
    await arrived("home", "portal/index.html", "部门（单位）预算公开");
    const regions = page.locator('[data-testid="regions"] > li');
    assert.equal(await regions.count(), SYNTHETIC_REGIONS.length);
    const region = SYNTHETIC_REGIONS[0];
    await follow(page.locator('[data-testid="regions"]').getByRole("link", { name: region, exact: true }));
    await arrived("region", `portal/regions/${region}/index.html`, region);
    // Departments take the regions in turn: 基准部门1, 4, 7 … 19 are in the first.
    assert.deepEqual(await page.locator("main h2 a").allInnerTexts(), [1, 4, 7, 10, 13, 16, 19].map((d) => `基准部门${d}`));

    await follow(page.locator("main h2").getByRole("link", { name: "基准部门4", exact: true }));
    await arrived("department", "portal/departments/D003/index.html", "基准部门4");
    const units = page.locator("main .unit-list > li > a:first-child");
    assert.equal(await units.count(), PER_DEPARTMENT);
    await follow(page.locator("main .unit-list").getByRole("link", { name: "基准单位18", exact: true }));
    await arrived("unit", `portal/units/${syntheticUnitCode(17)}/index.html`, "基准单位18");

    await follow(page.getByRole("link", { name: "2023 年预算公开" }));
    await arrived("disclosure", `portal/units/${syntheticUnitCode(17)}/2023/index.html`, "基准单位182023年单位预算公开");
    assert.ok((await page.locator("#tables .table-section").count()) >= 10, "the published tables");
    assert.equal(await page.locator("#charts svg[role=img]").count(), 2, "the function and economic charts");
    assert.match(await page.locator("#downloads").innerText(), /这份静态导出未包含下载文件/);
    assert.equal(await page.locator("#downloads a").count(), 0);
    // A 科目 link from the tables, and back: the pages link to each other on the disk.
    await follow(page.locator("#tables a[href*='subjects/function/']").first());
    assert.match(new URL(page.url()).pathname, /\/portal\/subjects\/function\/\d+\/index\.html$/);
    assert.deepEqual(problems, [], "the 科目 page: nothing failed");
    await screenshot(page, "portal-export-subject");
  });

  it("searches offline: a Chinese substring of a unit's name finds it; the region facet narrows", async () => {
    await follow(page.locator(".site-nav").getByRole("link", { name: "搜索" }));
    await arrived("search-empty", "portal/search/index.html", "搜索");
    const box = page.locator("#search-form").getByRole("searchbox");
    await box.fill(SOUGHT.query);
    await follow(page.locator("#search-form").getByRole("button", { name: "搜索" }));
    assert.equal(new URL(page.url()).searchParams.get("q"), SOUGHT.query);
    await arrived("search", "portal/search/index.html", "搜索");
    // 准单位5 is in 基准单位5 and 基准单位50…59: eleven units, each found by its name.
    assert.equal(await page.locator("#search-summary").innerText(), `“${SOUGHT.query}”共找到 11 份已公开的预算。`);
    const hits = page.locator("#search-hits > li h3 a");
    const titles = await hits.allInnerTexts();
    assert.equal(titles.length, 11);
    assert.ok(titles.includes(`${SOUGHT.name}2023年单位预算公开`), `the hits: ${titles.join("、")}`);
    for (const hit of await page.locator("#search-hits > li .matches").allInnerTexts()) assert.match(hit, /^匹配：单位：基准单位5\d?$/);

    await follow(hits.getByText(`${SOUGHT.name}2023年单位预算公开`, { exact: true }));
    await arrived("search-hit", `portal/units/${syntheticUnitCode(SOUGHT.n)}/2023/index.html`, `${SOUGHT.name}2023年单位预算公开`);

    // Every unit by a common substring, then one region's: 基准部门1, 4, 7 … 19 are the first region's 35 units.
    await page.goBack({ waitUntil: "load" });
    await box.fill("准单位");
    await follow(page.locator("#search-form").getByRole("button", { name: "搜索" }));
    assert.equal(await page.locator("#search-summary").innerText(), `“准单位”共找到 ${UNITS} 份已公开的预算。`);
    await follow(page.locator("nav.facets").getByRole("link", { name: SYNTHETIC_REGIONS[0] }));
    assert.equal(new URL(page.url()).searchParams.get("region"), SYNTHETIC_REGIONS[0]);
    assert.equal(await page.locator("#search-summary").innerText(), "“准单位”共找到 35 份已公开的预算。");
    assert.equal(await hits.count(), 35);
    assert.deepEqual(problems, [], "the narrowed search: nothing failed");
    await screenshot(page, "portal-export-search-region");
  });
});
