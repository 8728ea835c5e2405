/**
 * The open data API's shapes, as zod schemas: the parameters it accepts (validated on every request,
 * with Chinese messages) and the JSON it answers with. The OpenAPI document (openapi.ts) is generated
 * from these same schemas, so the document and the server cannot drift apart; the tests validate real
 * responses against the generated document.
 */
import { z } from "zod";

/** Response schemas that become `components.schemas` of the OpenAPI document, by id. */
export const API_SCHEMAS = z.registry<{ id: string }>();

const named = <T extends z.ZodType>(id: string, schema: T): T => {
  API_SCHEMAS.add(schema, { id });
  return schema;
};

// ---------------------------------------------------------------------------------------------
// Parameters
// ---------------------------------------------------------------------------------------------

const LIST_ITEM_MAX = 100;
/** Longest accepted list: enough for a department's units, short enough to keep a query cheap. */
const LIST_MAX = 1000;

const splitList = (s: string) => s.split(",").map((v) => v.trim()).filter((v) => v !== "");

/** A comma-separated list of codes or names (a parameter may also be repeated: the values are joined). */
const textList = (what: string) =>
  z
    .string()
    .transform(splitList)
    .pipe(z.array(z.string().max(LIST_ITEM_MAX, { error: `${what}过长（每项最多 ${LIST_ITEM_MAX} 个字符）` })).max(LIST_MAX, { error: `${what}最多 ${LIST_MAX} 项` }))
    .meta({ description: `${what}；多个用英文逗号分隔（或重复这个参数）` });

export const yearParam = z
  .string()
  .regex(/^\d{4}$/, { error: "年度应为四位数字，如 2023" })
  // Described on the string side: the document shows what is sent (the input), not the number it becomes.
  .meta({ description: "年度（四位数字）", examples: ["2023"] })
  .transform(Number);

export const yearListParam = z
  .string()
  .regex(/^\s*\d{4}\s*(,\s*\d{4}\s*)*$/, { error: "年度应为四位数字，多个用英文逗号分隔，如 2022,2023" })
  .meta({ description: "年度（四位数字）；多个用英文逗号分隔（或重复这个参数）", examples: ["2022,2023"] })
  .transform((s) => splitList(s).map(Number));

export const regionListParam = textList("行政区划（如 陕西省汉中市）");
export const departmentListParam = textList("主管部门编码");
export const unitListParam = textList("单位编码");

const count = (name: string, max: number, fallback: number) =>
  z
    .string()
    .regex(/^\d{1,9}$/, { error: `${name}应为非负整数` })
    .transform(Number)
    .pipe(z.number().max(max, { error: `${name}最大为 ${max}` }))
    .optional()
    .transform((v) => v ?? fallback)
    .meta({ description: `${name}（默认 ${fallback}${max < 1e9 ? `，最大 ${max}` : ""}）` });

export const limitParam = (fallback: number, max: number) =>
  count("每页条数 limit", max, fallback).refine((v) => v >= 1, { error: "每页条数 limit 至少为 1" });
export const offsetParam = count("起始位置 offset", 1_000_000_000, 0);

export const classificationParam = z
  .enum(["function", "deptEconomic", "govEconomic"], { error: "by 应为 function（支出功能分类）、deptEconomic（部门预算支出经济分类）或 govEconomic（政府预算支出经济分类）" })
  .meta({ description: "按哪种分类汇总：function 支出功能分类，deptEconomic 部门预算支出经济分类，govEconomic 政府预算支出经济分类" });

export const levelParam = z
  .enum(["类", "款", "项"], { error: "level 应为 类、款 或 项（经济分类只有类、款）" })
  .meta({ description: "汇总到哪一级：类、款、项（项只用于支出功能分类）" });

export const searchTextParam = z
  .string()
  .trim()
  .min(1, { error: "请给出检索词 q" })
  .max(100, { error: "检索词 q 最多 100 个字符" })
  .meta({ description: "检索词：单位名称、主管部门名称、项目名称、科目名称的任一片段，或科目编码（及其前几位）、单位编码", examples: ["政务服务"] });

export const unitCodeParam = z.string().min(1).max(64, { error: "单位编码过长" }).meta({ description: "单位编码", examples: ["117002"] });
export const tableNumberParam = z
  .string()
  .regex(/^\d{1,2}$/, { error: "表号应为 1–15 的数字" })
  .meta({ description: "表号（1–15）", examples: ["6"] })
  .transform(Number);

// ---------------------------------------------------------------------------------------------
// Responses
// ---------------------------------------------------------------------------------------------

const fen = z.int().meta({ description: "金额，整数“分”（1 元 = 100 分）" });
const dateTime = z.string().meta({ format: "date-time", description: "时间（ISO 8601，UTC）" });
const date = z.string().meta({ format: "date", description: "日期 YYYY-MM-DD" });

/** What every response carries besides its data: the API version and the money unit. */
const envelope = {
  apiVersion: z.literal("v1"),
  currency: z.literal("CNY").meta({ description: "币种：人民币" }),
  unit: z.literal("fen").meta({ description: "金额单位：分（1 元 = 100 分）；所有金额都是整数分" }),
};
const paging = {
  total: z.int().meta({ description: "符合条件的总条数" }),
  limit: z.int(),
  offset: z.int(),
};

export const ErrorBody = named("Error", z.object({ error: z.string().meta({ description: "中文说明" }) }).meta({ description: "错误：HTTP 状态码说明类别，error 说明原因" }));

export const DisclosureLinks = named(
  "DisclosureLinks",
  z.object({
    self: z.string(),
    page: z.string().meta({ description: "门户上的公开页面（现行发布）" }),
    tables: z.string(),
    lineItems: z.string(),
    findings: z.string(),
  }),
);

export const DisclosureSummary = named(
  "DisclosureSummary",
  z
    .object({
      unitCode: z.string(),
      unitName: z.string(),
      unitKind: z.string().meta({ description: "单位性质：行政单位、参照公务员法管理事业单位、事业单位……" }),
      departmentCode: z.string().meta({ description: "主管部门编码" }),
      departmentName: z.string(),
      region: z.string().meta({ description: "行政区划" }),
      year: z.int(),
      sequence: z.int().meta({ description: "现行发布是第几次发布（更正后大于 1）" }),
      publishedAt: dateTime.meta({ description: "现行发布的时间" }),
      approvedOn: date.nullable().meta({ description: "预算批复日期；文本未载明时为 null" }),
      expenditureTotal: fen.meta({ description: "支出合计（分）" }),
      errors: z.int().meta({ description: "公开版本的校验错误数" }),
      warnings: z.int().meta({ description: "公开版本的校验警告数" }),
      complete: z.boolean().meta({ description: "15 张表齐全（有内容，或为空表并写明理由）" }),
      links: DisclosureLinks,
    })
    .meta({ description: "一个单位一个年度的已公开预算（现行发布）" }),
);

export const UnitSummary = named(
  "Unit",
  z.object({
    code: z.string(),
    name: z.string(),
    kind: z.string(),
    departmentCode: z.string(),
    departmentName: z.string(),
    region: z.string(),
    years: z.array(z.int()).meta({ description: "已公开预算的年度，从新到旧" }),
    links: z.object({ self: z.string(), page: z.string() }),
  }),
);

export const Publication = named(
  "Publication",
  z.object({
    sequence: z.int(),
    versionNumber: z.int().meta({ description: "所公开的是第几版" }),
    publishedAt: dateTime,
    note: z.string().meta({ description: "更正说明（首次发布为空）" }),
    current: z.boolean().meta({ description: "是否为现行发布" }),
    page: z.string().meta({ description: "这次发布的公开页面" }),
  }),
);

export const HeaderCell = named("HeaderCell", z.object({ text: z.string(), colSpan: z.int(), rowSpan: z.int() }));

export const TableBody = named(
  "Table",
  z
    .object({
      number: z.int().meta({ description: "表号 1–15" }),
      instance: z.int().nullable().meta({ description: "同号表的第几张（表13 每个项目一张）；只有一张时为 null" }),
      title: z.string(),
      printedUnit: z.string().meta({ description: "公开文本中这张表的金额单位（元或万元）；这里的金额一律为分" }),
      empty: z.boolean(),
      emptyReason: z.string().nullable(),
      layout: z.enum(["rows", "blocks", "form"]).meta({ description: "rows 普通表；blocks 左右分块（表1、4、9）；form 表单式（表13–15）" }),
      groups: z.array(z.string()).meta({ description: "左右分块表的各块名称" }),
      header: z.array(z.array(HeaderCell)).meta({ description: "打印用的多行表头（含合并单元格）" }),
      columns: z.array(z.object({ key: z.string(), label: z.string(), kind: z.enum(["amount", "text"]), printedUnit: z.string().nullable() })),
      rows: z.array(
        z.object({
          code: z.string().nullable(),
          label: z.string(),
          level: z.int(),
          kind: z.enum(["item", "heading", "total"]),
          group: z.string().nullable(),
          values: z.array(z.union([z.int(), z.string(), z.null()])).meta({ description: "与 columns 对应：金额列为整数分，文字列为文字，空白为 null" }),
        }),
      ),
      fields: z.array(z.object({ label: z.string(), value: z.union([z.int(), z.string(), z.null()]), printedUnit: z.string().nullable() })).meta({ description: "表单式表格的填列项（表13–15）" }),
      notes: z.array(z.string()),
    })
    .meta({ description: "一张标准公开报表（由公开版本的数据生成，与公开页面相同）" }),
);

export const DisclosureRef = named(
  "DisclosureRef",
  z.object({ unitCode: z.string(), unitName: z.string(), year: z.int(), sequence: z.int(), publishedAt: dateTime }).meta({ description: "数据所属的公开文本（现行发布）" }),
);

export const LineItem = named(
  "LineItem",
  z
    .object({
      functionCode: z.string().meta({ description: "支出功能分类科目（项，7 位）" }),
      functionName: z.string(),
      deptEconomicCode: z.string().meta({ description: "部门预算支出经济分类科目（款，5 位）" }),
      deptEconomicName: z.string(),
      govEconomicCode: z.string().meta({ description: "政府预算支出经济分类科目（款，5 位）" }),
      govEconomicName: z.string(),
      fundSource: z.string().meta({ description: "资金来源" }),
      nature: z.string().meta({ description: "支出性质：人员经费、公用经费、专项业务经费……" }),
      projectId: z.string().nullable(),
      projectName: z.string().nullable(),
      amount: fen,
    })
    .meta({ description: "一笔支出明细" }),
);

export const CellRef = named(
  "CellRef",
  z.object({
    table: z.int(),
    instance: z.int().optional(),
    group: z.string().optional(),
    rowCode: z.string().optional(),
    rowLabel: z.string().optional(),
    column: z.string().optional(),
  }),
);

export const FindingBody = named(
  "Finding",
  z
    .object({
      severity: z.enum(["error", "warning", "info"]),
      ruleId: z.string().nullable().meta({ description: "校验规则编号（/rules/{ruleId} 有说明）；文档本身的问题为 null" }),
      message: z.string(),
      cells: z.array(CellRef),
      path: z.string().nullable().meta({ description: "文档本身的问题所在的 JSON 路径" }),
    })
    .meta({ description: "公开版本的一条校验结果" }),
);

export const AggregateRow = named(
  "AggregateRow",
  z.object({
    code: z.string(),
    name: z.string().meta({ description: "科目名称（当年目录）；目录中没有时为空" }),
    year: z.int(),
    amount: fen,
    units: z.int().meta({ description: "在这一科目有支出的单位数" }),
  }),
);

export const SearchHit = named(
  "SearchHit",
  z.object({
    disclosure: DisclosureSummary,
    matches: z.array(
      z.object({
        kind: z.enum(["unit", "department", "project", "function", "economic"]).meta({ description: "命中的是单位名称、主管部门、项目、功能科目还是经济科目" }),
        code: z.string(),
        text: z.string(),
      }),
    ),
  }),
);

const facet = <T extends z.ZodType>(value: T) => z.array(z.object({ value, count: z.int() }));

export const SearchResultBody = named(
  "SearchResult",
  z.object({
    q: z.string(),
    hits: z.array(SearchHit),
    facets: z
      .object({ years: facet(z.int()), regions: facet(z.string()) })
      .meta({ description: "按年度（只按行政区划筛选后）和按行政区划（只按年度筛选后）的命中数" }),
  }),
);

const scoreCounts = {
  units: z.int().meta({ description: "库中的单位数（不论是否公开）" }),
  published: z.int(),
  onTime: z.int().meta({ description: "在批复后 20 日内首次公开的单位数" }),
  onTimeUnknown: z.int().meta({ description: "已公开但未载明批复日期、无法判断是否按时的单位数" }),
  complete: z.int(),
  withErrors: z.int(),
};

export const ScorecardBody = named(
  "Scorecard",
  z.object({
    year: z.int(),
    onTimeDays: z.int(),
    totals: z.object(scoreCounts),
    regions: z.array(z.object({ region: z.string(), ...scoreCounts })),
    departments: z.array(z.object({ code: z.string(), name: z.string(), region: z.string(), ...scoreCounts })),
    units: z.array(
      z.object({
        unitCode: z.string(),
        unitName: z.string(),
        departmentCode: z.string(),
        departmentName: z.string(),
        region: z.string(),
        published: z.boolean(),
        publishedAt: dateTime.nullable(),
        firstPublishedAt: dateTime.nullable(),
        sequence: z.int().nullable(),
        approvedOn: date.nullable(),
        onTime: z.boolean().nullable().meta({ description: "null：未公开，或未载明批复日期" }),
        complete: z.boolean().nullable(),
        errors: z.int().nullable(),
        warnings: z.int().nullable(),
      }),
    ),
  }),
);

/** A response with one object. */
const single = (id: string, data: z.ZodType) => named(id, z.object({ ...envelope, data }));
/** A response with a page of a list. */
const page = (id: string, item: z.ZodType) => named(id, z.object({ ...envelope, ...paging, data: z.array(item) }));

export const UnitListResponse = page("UnitList", UnitSummary);
export const UnitResponse = single("UnitDetail", UnitSummary.extend({ disclosures: z.array(DisclosureSummary) }));
export const DisclosureListResponse = page("DisclosureList", DisclosureSummary);
export const DisclosureResponse = single("DisclosureDetail", DisclosureSummary.extend({ publications: z.array(Publication).meta({ description: "历次发布，从新到旧" }) }));
export const TablesResponse = single("Tables", z.object({ disclosure: DisclosureRef, tables: z.array(TableBody) }));
export const LineItemListResponse = page("LineItemList", LineItem);
export const FindingListResponse = page("FindingList", FindingBody);
export const AggregateListResponse = page("AggregateList", AggregateRow);
export const SearchResponse = named("Search", z.object({ ...envelope, ...paging, data: SearchResultBody }));
export const ScorecardResponse = single("ScorecardResponse", ScorecardBody);

export const OpenApiDocumentBody = named(
  "OpenApiDocument",
  z.looseObject({ openapi: z.string(), info: z.looseObject({ title: z.string(), version: z.string() }), paths: z.record(z.string(), z.unknown()) }).meta({ description: "OpenAPI 3.1 文档（本文档）" }),
);
