/**
 * The public portal (`/portal/…`, no login): home, search, browse, the disclosure pages with their
 * history and downloads, comparisons, the scorecard, the 科目 pages, and the portal's own CSS and
 * script. Every page links relatively (src/server/portal/links.ts), so `gongkai export-site` can save
 * them as static files. Pages read only what was published.
 */
import type { Context, Hono } from "hono";
import type { AppContext } from "../../app/context.ts";
import { browseTree, catalogOf, compareUnits, compareYears, departmentConsolidated, scorecard, searchPortal } from "../../app/portal.ts";
import { Catalog, type Classification } from "../../catalog/catalog.ts";
import { listPortalEntries } from "../../store/repositories/portal.ts";
import { publishedRegions, recentEntries, subjectUses, usedCodes } from "../../store/repositories/portal-pages.ts";
import { publishedYears } from "../../store/repositories/portal-queries.ts";
import { deny } from "../app.ts";
import type { Deps, ServerEnv } from "../env.ts";
import { departmentPage, homePage, regionPage, unitPage } from "../portal/browse.ts";
import { compareIndexPage, comparisonPage, departmentYearPage } from "../portal/compare.ts";
import { departmentEntries, publishedRecord, publishedVersion, unitEntries } from "../portal/data.ts";
import { type DisclosurePageInput, disclosurePage, historyPage } from "../portal/disclosure.ts";
import { download } from "../portal/downloads.ts";
import { notFoundPage, PORTAL_CSS, PORTAL_JS } from "../portal/layout.ts";
import { DOWNLOAD_FILES, type DownloadFile, portalPaths, type SubjectKind } from "../portal/links.ts";
import { departmentScorecardPage, scorecardPage } from "../portal/scorecard.ts";
import { searchIndexScript } from "../portal/search-index.ts";
import { searchPage } from "../portal/search.ts";
import { subjectPage } from "../portal/subjects.ts";
import { cachedPage } from "../portal-cache.ts";
import { defineRoute, type RouteSpec } from "../route-table.ts";

type C = Context<ServerEnv>;

/** The portal's pages are the same for everyone; a correction shows within five minutes. */
const PAGE_CACHE = "public, max-age=300";
/** A publication's files never change (a correction is a new sequence). */
const FILE_CACHE = "public, max-age=86400, immutable";

class NotFound extends Error {}

const notFound = (message = "找不到这个页面") => new NotFound(message);

function year(text: string | undefined): number {
  if (!text || !/^(19|20|21)\d{2}$/.test(text)) throw notFound("年度应为四位数字");
  return Number(text);
}

function sequence(text: string | undefined): number {
  if (!text || !/^[1-9]\d{0,6}$/.test(text)) throw notFound();
  return Number(text);
}

function code(text: string | undefined): string {
  if (!text || text.length > 64) throw notFound();
  return text;
}

function page(c: C, body: string, status: 200 | 404 = 200): Response {
  return c.body(body, status, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": status === 200 ? PAGE_CACHE : "no-store" });
}

/** Registers a public GET route whose handler renders a page; a NotFound thrown inside becomes the portal's own 404 page. */
function portalRoute(app: Hono<ServerEnv>, path: string, description: string, handler: (c: C) => Promise<Response> | Response): void {
  const spec: RouteSpec = { method: "GET", path, access: "public", description };
  defineRoute(
    app,
    spec,
    async (c) => {
      try {
        return await handler(c);
      } catch (error) {
        if (error instanceof NotFound) return page(c, notFoundPage(c.req.path, error.message), 404);
        throw error;
      }
    },
    deny,
  );
}

/** Everything the disclosure page of a unit and year (a given publication, or the newest) shows. */
export async function disclosurePageInput(ctx: AppContext, unitCode: string, year: number, bySequence?: number): Promise<DisclosurePageInput | undefined> {
  const record = await publishedRecord(ctx, unitCode, year);
  if (!record) return undefined;
  const publication = bySequence === undefined ? record.publications.find((p) => p.sequence === record.entry.sequence) : record.publications.find((p) => p.sequence === bySequence);
  if (!publication) return undefined;
  const [shown, entries, siblings] = await Promise.all([
    publishedVersion(ctx, publication),
    unitEntries(ctx, unitCode),
    departmentEntries(ctx, record.entry.departmentCode, year),
  ]);
  const earlier = entries.find((e) => e.year < year);
  let previous: DisclosurePageInput["previous"];
  if (earlier) {
    const before = await publishedRecord(ctx, unitCode, earlier.year);
    const newest = before?.publications.find((p) => p.sequence === before.entry.sequence);
    if (newest) previous = { year: earlier.year, disclosure: (await publishedVersion(ctx, newest)).disclosure };
  }
  return {
    entry: record.entry,
    publications: record.publications,
    shown,
    bySequence: bySequence !== undefined,
    ...(previous ? { previous } : {}),
    years: entries.map((e) => e.year),
    siblings: siblings.filter((s) => s.unitCode !== unitCode).map((s) => ({ code: s.unitCode, name: s.unitName })),
  };
}

const CLASSIFICATION_OF: Record<string, Classification> = { "2": "function", "3": "deptEconomic", "5": "govEconomic" };
const COLUMN_OF = { function: "function_code", deptEconomic: "dept_economic_code", govEconomic: "gov_economic_code" } as const;

export function registerPortalRoutes(app: Hono<ServerEnv>, { ctx, portalCache }: Deps): void {
  const db = ctx.db;

  portalRoute(app, "/portal/", "公开平台首页", async (c) => {
    const [tree, recent, years] = await Promise.all([browseTree(db), recentEntries(db, 10), publishedYears(db)]);
    const published = tree.reduce((n, r) => n + r.departments.reduce((m, d) => m + d.units.reduce((k, u) => k + u.years.length, 0), 0), 0);
    return page(c, homePage({ tree, recent, years, published }));
  });

  portalRoute(app, "/portal/search", "搜索（转到 /portal/search/）", (c) => {
    const query = new URL(c.req.url).search;
    return c.redirect(`${portalPaths.search()}${query}`, 301);
  });

  portalRoute(app, "/portal/search/", "搜索已公开的预算", async (c) => {
    const q = (c.req.query("q") ?? "").slice(0, 200);
    const yearText = c.req.query("year");
    const chosenYear = yearText && /^\d{4}$/.test(yearText) ? Number(yearText) : undefined;
    const region = c.req.query("region") || undefined;
    const pageText = c.req.query("page");
    const pageNumber = pageText && /^[1-9]\d{0,4}$/.test(pageText) ? Number(pageText) : 1;
    const limit = 20;
    const [result, years, regions] = await Promise.all([
      searchPortal(db, { q, ...(chosenYear !== undefined ? { years: [chosenYear] } : {}), ...(region !== undefined ? { regions: [region] } : {}), limit, offset: (pageNumber - 1) * limit }),
      publishedYears(db),
      publishedRegions(db),
    ]);
    return page(c, searchPage({ q, ...(chosenYear !== undefined ? { year: chosenYear } : {}), ...(region !== undefined ? { region } : {}), page: pageNumber, result, years, regions }));
  });

  portalRoute(app, "/portal/regions/:region/", "一个地区的主管部门与单位", async (c) => {
    const name = c.req.param("region");
    const region = (await browseTree(db)).find((r) => r.region === name);
    if (!region) throw notFound("这个地区还没有已公开的预算");
    return page(c, regionPage(region));
  });

  portalRoute(app, "/portal/departments/:deptCode/", "一个主管部门的所属单位", async (c) => {
    const deptCode = code(c.req.param("deptCode"));
    for (const region of await browseTree(db)) {
      const department = region.departments.find((d) => d.code === deptCode);
      if (!department) continue;
      const years = [...new Set(department.units.flatMap((u) => u.years))].sort((a, b) => b - a);
      return page(c, departmentPage({ region: region.region, department, years }));
    }
    throw notFound("这个主管部门还没有已公开的预算");
  });

  portalRoute(app, "/portal/departments/:deptCode/:year/", "一个主管部门一个年度的汇总", async (c) => {
    const consolidated = await departmentConsolidated(db, code(c.req.param("deptCode")), year(c.req.param("year")), ctx.catalogRoot);
    if (!consolidated) throw notFound("这个主管部门这一年度还没有已公开的预算");
    return page(c, departmentYearPage(consolidated));
  });

  portalRoute(app, "/portal/units/:unitCode/", "一个单位已公开的年度", async (c) => {
    const entries = await unitEntries(ctx, code(c.req.param("unitCode")));
    if (entries.length === 0) throw notFound("这个单位还没有已公开的预算");
    return page(c, unitPage(entries));
  });

  // Rendered once per version of the store, then served from memory (portal-cache.ts).
  portalRoute(app, "/portal/units/:unitCode/:year/", "一个单位一个年度的预算公开（现行发布）", cachedPage(portalCache, async (c) => {
    const input = await disclosurePageInput(ctx, code(c.req.param("unitCode")), year(c.req.param("year")));
    if (!input) throw notFound("这个单位这一年度的预算还没有公开");
    return page(c, disclosurePage(input));
  }, { ignoreQuery: true }));

  // Registered before /:sequence/, so that “history” is never read as a sequence number.
  portalRoute(app, "/portal/units/:unitCode/:year/history/", "版本历史与更正的逐项对照", async (c) => {
    const record = await publishedRecord(ctx, code(c.req.param("unitCode")), year(c.req.param("year")));
    if (!record) throw notFound("这个单位这一年度的预算还没有公开");
    const versions = await Promise.all(record.publications.map((p) => publishedVersion(ctx, p)));
    return page(c, historyPage({ entry: record.entry, versions }));
  });

  portalRoute(app, "/portal/units/:unitCode/:year/:sequence/", "一次发布的预算公开", async (c) => {
    const input = await disclosurePageInput(ctx, code(c.req.param("unitCode")), year(c.req.param("year")), sequence(c.req.param("sequence")));
    if (!input) throw notFound("没有这次发布");
    return page(c, disclosurePage(input));
  });

  for (const file of DOWNLOAD_FILES) {
    portalRoute(app, `/portal/units/:unitCode/:year/:sequence/${file}`, `一次发布的下载：${file}`, async (c) => {
      const unitCode = code(c.req.param("unitCode"));
      const y = year(c.req.param("year"));
      const n = sequence(c.req.param("sequence"));
      const record = await publishedRecord(ctx, unitCode, y);
      const publication = record?.publications.find((p) => p.sequence === n);
      if (!publication) throw notFound("没有这次发布");
      const made = await download(ctx.db, await publishedVersion(ctx, publication), unitCode, y, file as DownloadFile);
      return c.body(new Uint8Array(made.body), 200, {
        "Content-Type": made.type,
        "Content-Disposition": `attachment; filename="${file}"; filename*=UTF-8''${encodeURIComponent(made.filename)}`,
        "Cache-Control": FILE_CACHE,
      });
    });
  }

  portalRoute(app, "/portal/compare/", "比较：两个年度或两个单位", async (c) => {
    const kind = c.req.query("kind");
    const q = (name: string) => (c.req.query(name) ?? "").trim();
    if (kind === "years" && q("unit") && /^\d{4}$/.test(q("year")) && /^\d{4}$/.test(q("otherYear")))
      return c.redirect(portalPaths.compareYears(q("unit"), Number(q("year")), Number(q("otherYear"))), 303);
    if (kind === "units" && q("unit") && q("otherUnit") && /^\d{4}$/.test(q("year")))
      return c.redirect(portalPaths.compareUnits(Number(q("year")), q("unit"), q("otherUnit")), 303);
    const entries = await listPortalEntries(db);
    return page(c, compareIndexPage({ entries, ...(kind ? { problem: "请完整选择要比较的单位和年度。" } : {}) }));
  });

  portalRoute(app, "/portal/compare/years/:unitCode/:year/:otherYear/", "比较一个单位的两个年度", async (c) => {
    const comparison = await compareYears(db, code(c.req.param("unitCode")), [year(c.req.param("year")), year(c.req.param("otherYear"))], ctx.catalogRoot);
    if (!comparison) throw notFound("这两个年度中至少有一个还没有公开，无法比较");
    return page(c, comparisonPage(comparison, true));
  });

  portalRoute(app, "/portal/compare/units/:year/:unitCode/:otherUnitCode/", "比较一个年度的两个单位", async (c) => {
    const comparison = await compareUnits(db, [code(c.req.param("unitCode")), code(c.req.param("otherUnitCode"))], year(c.req.param("year")), ctx.catalogRoot);
    if (!comparison) throw notFound("这两个单位中至少有一个这一年度还没有公开，无法比较");
    return page(c, comparisonPage(comparison, false));
  });

  portalRoute(app, "/portal/scorecard/", "公开情况：各地区、各部门", async (c) => {
    const years = await publishedYears(db);
    const cards = await Promise.all(years.map((y) => scorecard(db, { year: y })));
    return page(c, scorecardPage(cards));
  });

  portalRoute(app, "/portal/scorecard/:deptCode/", "公开情况：一个主管部门的各单位", async (c) => {
    const deptCode = code(c.req.param("deptCode"));
    const years = await publishedYears(db);
    const cards = (await Promise.all(years.map((y) => scorecard(db, { year: y, department: deptCode })))).filter((card) => card.units.length > 0);
    const first = cards[0]?.units[0];
    if (!first) throw notFound("没有这个主管部门");
    return page(c, departmentScorecardPage(deptCode, first.departmentName, cards));
  });

  portalRoute(app, "/portal/subjects/:kind/:code/", "科目说明与使用它的单位", async (c) => {
    const kind = c.req.param("kind") as SubjectKind;
    const subject = code(c.req.param("code"));
    if (kind !== "function" && kind !== "economic") throw notFound();
    const classification = CLASSIFICATION_OF[subject[0]!];
    const fits = kind === "function" ? /^2\d{2}(\d{2}){0,2}$/.test(subject) : /^[35]\d{2}(\d{2})?$/.test(subject);
    if (!classification || !fits) throw notFound("没有这个科目编码");
    const column = COLUMN_OF[classification];
    const [uses, used, years] = await Promise.all([subjectUses(db, column, subject), usedCodes(db, column), publishedYears(db)]);
    // Names from the newest catalog that knows the code: the newest published year's first, then the others.
    const catalogs = [...years, new Date().getFullYear()].map((y) => catalogOf(y, ctx.catalogRoot)).filter((cat): cat is Catalog => cat !== undefined);
    const catalog = catalogs.find((cat) => cat.lookup(classification, subject)) ?? catalogs[0];
    const entry = catalog?.lookup(classification, subject);
    if (!entry && uses.length === 0) throw notFound("科目目录中没有这个编码，也没有已公开的单位使用它");
    const nameOf = (x: string) => catalog?.lookup(classification, x)?.name ?? "";
    const children = (catalog?.entries(classification) ?? [])
      .filter((e) => e.code.length === subject.length + 2 && e.code.startsWith(subject))
      .map((e) => ({ code: e.code, name: e.name, used: used.some((u) => u.startsWith(e.code)) }));
    return page(
      c,
      subjectPage({
        kind,
        classification,
        code: subject,
        ...(entry ? { entry } : {}),
        ...(catalog ? { catalogYear: catalog.year } : {}),
        parents: Catalog.ancestors(subject).map((p) => ({ code: p, name: nameOf(p) })),
        children,
        otherNames: catalog?.namesInOtherYears(classification, subject) ?? [],
        uses,
      }),
    );
  });

  const asset = (c: C, body: string, type: string) => c.body(body, 200, { "Content-Type": type, "Cache-Control": "public, max-age=300" });
  portalRoute(app, portalPaths.asset("portal.css"), "公开平台的样式表", (c) => asset(c, PORTAL_CSS, "text/css; charset=utf-8"));
  portalRoute(app, portalPaths.asset("portal.js"), "公开平台的脚本", (c) => asset(c, PORTAL_JS, "text/javascript; charset=utf-8"));
  portalRoute(app, portalPaths.asset("search-index.js"), "离线搜索索引（静态导出用）", async (c) => asset(c, await searchIndexScript(db), "text/javascript; charset=utf-8"));
}
