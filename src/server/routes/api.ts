/**
 * The open data API, read-only and versioned under /api/v1/: units, disclosures (with their
 * publications, tables, line items and findings), aggregates by classification, search, the scorecard,
 * and its own OpenAPI document. Every route is public, answers JSON with amounts in integer fen, a strong
 * ETag and `Cache-Control: public, max-age=60`, and may be read from any origin (http.ts).
 *
 * The operations are one list (API_OPERATIONS): the router registers them and the OpenAPI document is
 * generated from them, so a route cannot be served without being documented.
 */
import type { Context, Hono } from "hono";
import { z } from "zod";
import {
  aggregate,
  listPublishedDisclosures,
  listPublishedUnits,
  ON_TIME_DAYS,
  type PortalEntry,
  type PortalFilter,
  PortalQueryError,
  type PublishedUnit,
  publishedDisclosure,
  publishedFindings,
  publishedLineItems,
  publishedTables,
  scorecard,
  searchPortal,
} from "../../app/portal.ts";
import type { Table } from "../../model/table.ts";
import { TABLE_NUMBERS } from "../../model/vocabulary.ts";
import { ApiError, apiErrorResponse, apiJson, corsForReading, parsePath, parseQuery } from "../api/http.ts";
import { type ApiOperation, openApiDocument } from "../api/openapi.ts";
import * as S from "../api/schemas.ts";
import { deny } from "../app.ts";
import type { Deps, ServerEnv } from "../env.ts";
import { defineRoute } from "../route-table.ts";

type C = Context<ServerEnv>;

export const API_PREFIX = "/api/v1";

const ENVELOPE = { apiVersion: "v1", currency: "CNY", unit: "fen" } as const;

const single = (data: unknown) => ({ ...ENVELOPE, data });
const page = (data: readonly unknown[], total: number, limit: number, offset: number) => ({ ...ENVELOPE, total, limit, offset, data });

const enc = encodeURIComponent;

function disclosureLinks(e: Pick<PortalEntry, "unitCode" | "year">) {
  const self = `${API_PREFIX}/disclosures/${enc(e.unitCode)}/${e.year}`;
  return { self, page: `/portal/units/${enc(e.unitCode)}/${e.year}/`, tables: `${self}/tables`, lineItems: `${self}/line-items`, findings: `${self}/findings` };
}

function disclosureBody(e: PortalEntry) {
  return {
    unitCode: e.unitCode,
    unitName: e.unitName,
    unitKind: e.unitKind,
    departmentCode: e.departmentCode,
    departmentName: e.departmentName,
    region: e.region,
    year: e.year,
    sequence: e.sequence,
    publishedAt: e.publishedAt.toISOString(),
    approvedOn: e.approvedOn,
    expenditureTotal: e.expenditureTotal,
    errors: e.errors,
    warnings: e.warnings,
    complete: e.complete,
    links: disclosureLinks(e),
  };
}

function unitBody(u: PublishedUnit) {
  return {
    code: u.code,
    name: u.name,
    kind: u.kind,
    departmentCode: u.departmentCode,
    departmentName: u.departmentName,
    region: u.region,
    years: u.years,
    links: { self: `${API_PREFIX}/units/${enc(u.code)}`, page: `/portal/units/${enc(u.code)}/` },
  };
}

const disclosureRef = (e: PortalEntry) => ({ unitCode: e.unitCode, unitName: e.unitName, year: e.year, sequence: e.sequence, publishedAt: e.publishedAt.toISOString() });

/** A table as the API shows it: every optional part explicit, the printed unit named as such (values are fen). */
function tableBody(t: Table) {
  return {
    number: t.number,
    instance: t.instance ?? null,
    title: t.title,
    printedUnit: t.unit,
    empty: t.empty,
    emptyReason: t.emptyReason ?? null,
    layout: t.layout,
    groups: t.groups ?? [],
    header: t.header.map((row) => row.map((cell) => ({ text: cell.text, colSpan: cell.colSpan ?? 1, rowSpan: cell.rowSpan ?? 1 }))),
    columns: t.columns.map((col) => ({ key: col.key, label: col.label, kind: col.kind, printedUnit: col.unit ?? null })),
    rows: t.rows.map((r) => ({ code: r.code ?? null, label: r.label, level: r.level, kind: r.kind, group: r.group ?? null, values: r.values })),
    fields: (t.fields ?? []).map((f) => ({ label: f.label, value: f.value, printedUnit: f.unit ?? null })),
    notes: t.notes ?? [],
  };
}

const filterOf = (q: { region?: string[]; department?: string[]; year?: number[]; unit?: string[] }): PortalFilter => ({
  ...(q.region ? { regions: q.region } : {}),
  ...(q.department ? { departmentCodes: q.department } : {}),
  ...(q.year ? { years: q.year } : {}),
  ...(q.unit ? { unitCodes: q.unit } : {}),
});

const notPublished = (unitCode: string, year: number) => new ApiError(404, `没有单位 ${unitCode} ${year} 年已公开的预算`);

// ---------------------------------------------------------------------------------------------
// Parameters
// ---------------------------------------------------------------------------------------------

const NO_PARAMS = z.object({}).strict();
const disclosurePath = z.object({ unitCode: S.unitCodeParam, year: S.yearParam });
const paging = (fallback: number, max: number) => ({ limit: S.limitParam(fallback, max), offset: S.offsetParam });

const entryFilters = {
  region: S.regionListParam.optional(),
  department: S.departmentListParam.optional(),
  year: S.yearListParam.optional(),
};

// ---------------------------------------------------------------------------------------------
// Operations
// ---------------------------------------------------------------------------------------------

interface Operation<P extends z.ZodObject, Q extends z.ZodObject> extends Omit<ApiOperation, "pathParams" | "query"> {
  readonly pathParams: P;
  readonly query: Q;
  /** The response body (enveloped); throws ApiError for 400/404. */
  readonly handle: (deps: Deps, path: z.output<P>, query: z.output<Q>) => Promise<unknown>;
}

const op = <P extends z.ZodObject, Q extends z.ZodObject>(o: Operation<P, Q>): Operation<z.ZodObject, z.ZodObject> => o as never;

/** Every operation of the API; the OpenAPI document is made from this list. */
export const API_OPERATIONS: readonly Operation<z.ZodObject, z.ZodObject>[] = [
  op({
    path: `${API_PREFIX}/units`,
    operationId: "listUnits",
    tag: "单位",
    summary: "有已公开预算的单位",
    description: "按单位编码排序。筛选条件按单位在任一年度的公开文本匹配；years 列出单位全部已公开的年度。",
    pathParams: NO_PARAMS,
    query: z.object({ ...entryFilters, ...paging(100, 1000) }).strict(),
    response: S.UnitListResponse,
    notFound: false,
    handle: async ({ ctx }, _, q) => {
      const { total, units } = await listPublishedUnits(ctx.db, filterOf(q), q.limit, q.offset);
      return page(units.map(unitBody), total, q.limit, q.offset);
    },
  }),
  op({
    path: `${API_PREFIX}/units/:code`,
    operationId: "getUnit",
    tag: "单位",
    summary: "一个单位及其各年度的已公开预算",
    pathParams: z.object({ code: S.unitCodeParam }),
    query: NO_PARAMS,
    response: S.UnitResponse,
    notFound: true,
    handle: async ({ ctx }, { code }) => {
      const [unit] = (await listPublishedUnits(ctx.db, { unitCodes: [code] }, 1, 0)).units;
      if (!unit) throw new ApiError(404, `没有单位 ${code} 的已公开预算`);
      return single({ ...unitBody(unit), disclosures: unit.entries.map(disclosureBody) });
    },
  }),
  op({
    path: `${API_PREFIX}/disclosures`,
    operationId: "listDisclosures",
    tag: "公开文本",
    summary: "已公开的预算（每个单位每个年度一条，现行发布）",
    pathParams: NO_PARAMS,
    query: z.object({ ...entryFilters, unit: S.unitListParam.optional(), ...paging(100, 1000) }).strict(),
    response: S.DisclosureListResponse,
    notFound: false,
    handle: async ({ ctx }, _, q) => {
      const { total, entries } = await listPublishedDisclosures(ctx.db, filterOf(q), q.limit, q.offset);
      return page(entries.map(disclosureBody), total, q.limit, q.offset);
    },
  }),
  op({
    path: `${API_PREFIX}/disclosures/:unitCode/:year`,
    operationId: "getDisclosure",
    tag: "公开文本",
    summary: "一份已公开的预算及其历次发布（含更正说明）",
    pathParams: disclosurePath,
    query: NO_PARAMS,
    response: S.DisclosureResponse,
    notFound: true,
    handle: async ({ ctx }, { unitCode, year }) => {
      const found = await publishedDisclosure(ctx.db, unitCode, year);
      if (!found) throw notPublished(unitCode, year);
      const { entry } = found;
      return single({
        ...disclosureBody(entry),
        publications: found.publications.map((p) => ({
          sequence: p.sequence,
          versionNumber: p.versionNumber,
          publishedAt: p.publishedAt.toISOString(),
          note: p.note,
          current: p.sequence === entry.sequence,
          page: `/portal/units/${enc(unitCode)}/${year}/${p.sequence}/`,
        })),
      });
    },
  }),
  op({
    path: `${API_PREFIX}/disclosures/:unitCode/:year/tables`,
    operationId: "listTables",
    tag: "公开文本",
    summary: "现行发布的 15 张标准报表",
    description: "由公开版本的数据生成，与公开页面的报表相同；金额为整数分（printedUnit 是公开文本中的金额单位）。表13 每个项目一张。",
    pathParams: disclosurePath,
    query: NO_PARAMS,
    response: S.TablesResponse,
    notFound: true,
    handle: async (deps, { unitCode, year }) => {
      const found = await publishedTables(deps.ctx, unitCode, year);
      if (!found) throw notPublished(unitCode, year);
      return single({ disclosure: disclosureRef(found.entry), tables: found.tables.map(tableBody) });
    },
  }),
  op({
    path: `${API_PREFIX}/disclosures/:unitCode/:year/tables/:number`,
    operationId: "getTable",
    tag: "公开文本",
    summary: "现行发布的一张标准报表（表13 为各项目的各张）",
    pathParams: disclosurePath.extend({ number: S.tableNumberParam }),
    query: NO_PARAMS,
    response: S.TablesResponse,
    notFound: true,
    handle: async (deps, { unitCode, year, number }) => {
      if (!(TABLE_NUMBERS as readonly number[]).includes(number)) throw new ApiError(404, `没有表 ${number}：标准报表为表1–表${TABLE_NUMBERS.length}`);
      const found = await publishedTables(deps.ctx, unitCode, year);
      if (!found) throw notPublished(unitCode, year);
      return single({ disclosure: disclosureRef(found.entry), tables: found.tables.filter((t) => t.number === number).map(tableBody) });
    },
  }),
  op({
    path: `${API_PREFIX}/disclosures/:unitCode/:year/line-items`,
    operationId: "listLineItems",
    tag: "公开文本",
    summary: "现行发布的支出明细",
    description: "每笔支出：功能科目（项）× 部门经济科目（款）× 政府经济科目（款）× 资金来源 × 支出性质 × 项目，金额为整数分。",
    pathParams: disclosurePath,
    query: z.object(paging(1000, 10_000)).strict(),
    response: S.LineItemListResponse,
    notFound: true,
    handle: async ({ ctx }, { unitCode, year }, q) => {
      const found = await publishedLineItems(ctx.db, unitCode, year, ctx.catalogRoot);
      if (!found) throw notPublished(unitCode, year);
      return page(found.lines.slice(q.offset, q.offset + q.limit), found.lines.length, q.limit, q.offset);
    },
  }),
  op({
    path: `${API_PREFIX}/disclosures/:unitCode/:year/findings`,
    operationId: "listFindings",
    tag: "公开文本",
    summary: "现行发布所公开版本的校验结果",
    pathParams: disclosurePath,
    query: z.object(paging(1000, 10_000)).strict(),
    response: S.FindingListResponse,
    notFound: true,
    handle: async ({ ctx }, { unitCode, year }, q) => {
      const found = await publishedFindings(ctx.db, unitCode, year);
      if (!found) throw notPublished(unitCode, year);
      const findings = found.findings.map((f) => ({ severity: f.severity, ruleId: f.ruleId ?? null, message: f.message, cells: f.cells, path: f.path ?? null }));
      return page(findings.slice(q.offset, q.offset + q.limit), findings.length, q.limit, q.offset);
    },
  }),
  op({
    path: `${API_PREFIX}/aggregates`,
    operationId: "aggregate",
    tag: "汇总",
    summary: "按分类科目汇总的支出（分年度）",
    description:
      "对所选单位、主管部门、行政区划、年度的已公开预算支出明细求和，按年度和所选分类的所选级次（类、款、项）分组；units 为有该科目支出的单位数。" +
      "几个筛选条件同时给出时须同时满足。",
    pathParams: NO_PARAMS,
    query: z
      .object({
        by: S.classificationParam,
        level: S.levelParam,
        years: S.yearListParam.optional(),
        units: S.unitListParam.optional(),
        departments: S.departmentListParam.optional(),
        regions: S.regionListParam.optional(),
        ...paging(1000, 10_000),
      })
      .strict(),
    response: S.AggregateListResponse,
    notFound: false,
    handle: async ({ ctx }, _, q) => {
      const rows = await aggregate(
        ctx.db,
        {
          by: q.by,
          level: q.level,
          ...(q.years ? { years: q.years } : {}),
          ...(q.units ? { units: q.units } : {}),
          ...(q.departments ? { departments: q.departments } : {}),
          ...(q.regions ? { regions: q.regions } : {}),
        },
        ctx.catalogRoot,
      );
      return page(rows.slice(q.offset, q.offset + q.limit), rows.length, q.limit, q.offset);
    },
  }),
  op({
    path: `${API_PREFIX}/search`,
    operationId: "search",
    tag: "检索与统计",
    summary: "检索已公开的预算",
    description: "在单位名称、主管部门名称、项目名称和科目名称中查找检索词（不区分英文大小写）；全为数字时也按编码前缀查找科目、单位和主管部门。按公开文本分组，给出命中的内容，以及按年度和行政区划的命中数。",
    pathParams: NO_PARAMS,
    query: z.object({ q: S.searchTextParam, years: S.yearListParam.optional(), regions: S.regionListParam.optional(), ...paging(20, 200) }).strict(),
    response: S.SearchResponse,
    notFound: false,
    handle: async ({ ctx }, _, q) => {
      const result = await searchPortal(ctx.db, { q: q.q, limit: q.limit, offset: q.offset, ...(q.years ? { years: q.years } : {}), ...(q.regions ? { regions: q.regions } : {}) });
      return {
        ...ENVELOPE,
        total: result.total,
        limit: result.limit,
        offset: result.offset,
        data: { q: result.q, hits: result.hits.map((h) => ({ disclosure: disclosureBody(h.entry), matches: h.matches })), facets: result.facets },
      };
    },
  }),
  op({
    path: `${API_PREFIX}/scorecard`,
    operationId: "scorecard",
    tag: "检索与统计",
    summary: "公开情况统计：各行政区划、各主管部门的单位数、已公开、按时公开、报表齐全、有错误，及每个单位的情况",
    description: `按时：在预算批复日期后 ${ON_TIME_DAYS} 日内（北京时间）首次公开；文本未载明批复日期的计入 onTimeUnknown。`,
    pathParams: NO_PARAMS,
    query: z.object({ year: S.yearParam, region: z.string().max(100).optional().meta({ description: "行政区划" }), department: z.string().max(100).optional().meta({ description: "主管部门编码" }) }).strict(),
    response: S.ScorecardResponse,
    notFound: false,
    handle: async ({ ctx }, _, q) => {
      const card = await scorecard(ctx.db, { year: q.year, ...(q.region !== undefined ? { region: q.region } : {}), ...(q.department !== undefined ? { department: q.department } : {}) });
      const iso = (d: Date | null) => (d ? d.toISOString() : null);
      return single({ ...card, onTimeDays: ON_TIME_DAYS, units: card.units.map((u) => ({ ...u, publishedAt: iso(u.publishedAt), firstPublishedAt: iso(u.firstPublishedAt) })) });
    },
  }),
  op({
    path: `${API_PREFIX}/openapi.json`,
    operationId: "openapi",
    tag: "说明",
    summary: "本接口的 OpenAPI 3.1 文档",
    pathParams: NO_PARAMS,
    query: NO_PARAMS,
    response: S.OpenApiDocumentBody,
    notFound: false,
    handle: async () => (OPENAPI ??= openApiDocument(API_OPERATIONS)),
  }),
];

/** Made on first request: it depends only on the code. */
let OPENAPI: Record<string, unknown> | undefined;

/** Registers the API's routes (each in ROUTE_TABLE, public), its CORS handling and its JSON 404/405. */
export function registerApiRoutes(app: Hono<ServerEnv>, deps: Deps): void {
  app.use(`${API_PREFIX}/*`, corsForReading());
  for (const operation of API_OPERATIONS) {
    defineRoute(
      app,
      { method: "GET", path: operation.path, access: "public", description: `开放数据接口：${operation.summary}` },
      async (c: C) => {
        try {
          const path = parsePath(c, operation.pathParams);
          const query = parseQuery(c, operation.query);
          return apiJson(c, await operation.handle(deps, path, query));
        } catch (error) {
          if (error instanceof ApiError) return apiErrorResponse(c, error.status, error.message);
          if (error instanceof PortalQueryError) return apiErrorResponse(c, 400, error.message);
          console.error(error);
          return apiErrorResponse(c, 500, "服务器内部错误，请稍后重试");
        }
      },
      deny,
    );
  }
  // Anything else under the prefix: JSON, not the HTML error page.
  app.all(`${API_PREFIX}/*`, (c) =>
    c.req.method === "GET" || c.req.method === "HEAD"
      ? apiErrorResponse(c, 404, `没有这个接口：${c.req.path}；全部接口见 ${API_PREFIX}/openapi.json`)
      : (c.header("Allow", "GET, HEAD, OPTIONS"), apiErrorResponse(c, 405, "开放数据接口只读：只接受 GET、HEAD 和 OPTIONS 请求")),
  );
}
