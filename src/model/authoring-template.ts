/**
 * The layout of the authoring workbook (填报模板): sheet names, column headers and form labels. The
 * template writer (src/renderers/xlsx-template) and the reader (src/importers/xlsx-template) both follow
 * this one description, so what one writes the other reads. Columns are found by their header text, not
 * by position: a user may move or insert columns. A header's unit suffix (（元）/（万元）) is not part of
 * its identity; the reader checks it separately.
 */

export const TEMPLATE_SHEETS = {
  guide: "填表说明",
  unit: "单位信息",
  members: "所属单位",
  revenue: "收入",
  expenditure: "支出明细",
  projects: "项目",
  indicators: "绩效指标",
  overall: "整体绩效目标",
  specialFunds: "专项资金",
  procurement: "政府采购",
  assets: "资产",
  prior: "上年数与增减原因",
  emptyTables: "空表理由",
  check: "校验",
} as const;

/** Hidden sheets holding the drop-down lists. */
export const LIST_SHEETS = {
  function: "_功能科目",
  deptEconomic: "_部门经济科目",
  govEconomic: "_政府经济科目",
  mapping: "_对照表",
  vocabulary: "_词表",
} as const;

/**
 * What a column holds. `code`: a catalog code, written "2010350" or "2010350 事业运行";
 * `amount`: 元 with two decimals; `lines`: several entries, one per line of the cell;
 * `derived`: written by the template (a formula or a label), never read.
 */
export type ColumnKind = "text" | "code" | "amount" | "count" | "choice" | "yesNo" | "lines" | "derived";

export interface TemplateColumn {
  readonly key: string;
  /** Header text without the unit suffix. */
  readonly header: string;
  readonly kind: ColumnKind;
  /** For amount columns, the unit printed after the header. */
  readonly unit?: "元";
  readonly width: number;
  /** Name of the drop-down list (a vocabulary list or a catalog list). */
  readonly list?: string;
  readonly note?: string;
}

const col = (key: string, header: string, kind: ColumnKind, width: number, extra: Partial<TemplateColumn> = {}): TemplateColumn => ({
  key,
  header,
  kind,
  width,
  ...(kind === "amount" ? { unit: "元" as const } : {}),
  ...extra,
});

/** Header text as printed: `金额（元）`. */
export function headerText(column: TemplateColumn): string {
  return column.unit ? `${column.header}（${column.unit}）` : column.header;
}

export const UNIT_FORM_ROWS = [
  { key: "year", label: "预算年度" },
  { key: "scope", label: "编制范围（单位/部门）" },
  { key: "code", label: "单位编码" },
  { key: "name", label: "单位名称" },
  { key: "department", label: "主管部门" },
  { key: "kind", label: "单位性质" },
  { key: "level", label: "预算级次" },
  { key: "region", label: "行政区划" },
  { key: "retired", label: "离退休人数" },
  { key: "organisation", label: "机构设置" },
  { key: "approvedOn", label: "批复日期（YYYY-MM-DD）" },
  { key: "carryForward", label: "结转下年（元）" },
  { key: "fiscalCarryForward", label: "其中：财政拨款结转下年（元）" },
  { key: "unallocated", label: "未安排支出的实户资金（元）" },
] as const;

export const ASSET_FORM_ROWS = [
  { key: "vehicles", label: "截止上年底车辆数（辆）" },
  { key: "equipmentOver200k", label: "单价 20 万元以上设备数（台/套）" },
  { key: "plannedVehicles", label: "当年计划购置车辆数（辆）" },
  { key: "plannedEquipmentOver200k", label: "当年计划购置单价 20 万元以上设备数（台/套）" },
  { key: "note", label: "备注" },
] as const;

export const FORM_LABEL = "项目";
export const FORM_VALUE = "内容";

export const TEMPLATE_COLUMNS = {
  /** 单位信息: the form (项目 | 内容), then the staffing and duties lists beside it. */
  unit: [
    col("label", FORM_LABEL, "derived", 30),
    col("value", FORM_VALUE, "text", 44),
    col("staffBasis", "人员口径（编制数/实有人数）", "choice", 16, { list: "staffBasis" }),
    col("staffKind", "人员类别", "text", 14),
    col("staffCount", "人数", "count", 8),
    col("duty", "主要职责（每格一条）", "text", 50),
    col("task", "工作任务（每格一条）", "text", 50),
  ],
  members: [col("code", "单位编码", "text", 14), col("name", "单位名称", "text", 30), col("kind", "单位性质", "choice", 20, { list: "unitKind" })],
  revenue: [
    col("unit", "单位编码（部门汇总时填）", "text", 14),
    col("source", "收入来源", "choice", 24, { list: "revenueSource" }),
    col("amount", "金额", "amount", 18),
    col("specialFunds", "其中：专项资金列入部门预算的项目", "amount", 20),
    col("financialAccount", "其中：纳入财政专户管理的收费", "amount", 20),
  ],
  expenditure: [
    col("seq", "序号", "derived", 6),
    col("unit", "单位编码（部门汇总时填）", "text", 12),
    col("functionCode", "功能科目", "code", 30, { list: "function" }),
    col("deptEconomicCode", "部门经济科目", "code", 28, { list: "deptEconomic" }),
    col("govEconomicCode", "政府经济科目", "code", 28, { list: "govEconomic" }),
    col("fundSource", "资金来源", "choice", 18, { list: "revenueSource" }),
    col("nature", "支出性质", "choice", 14, { list: "nature" }),
    col("project", "项目编号", "text", 12, { list: "project" }),
    col("amount", "金额", "amount", 16),
    col("priorAmount", "上年金额", "amount", 16),
    col("expectedGov", "对照：应选政府经济科目（自动）", "derived", 30),
  ],
  projects: [
    col("id", "项目编号", "text", 12),
    col("unit", "单位编码（部门汇总时填）", "text", 12),
    col("name", "项目名称", "text", 30),
    col("description", "项目简介", "text", 36),
    col("period", "实施期限", "text", 12),
    col("goals", "总体目标（每行一条）", "lines", 40),
  ],
  indicators: [
    col("ownerType", "归属（项目/整体/专项资金）", "choice", 14, { list: "indicatorOwner" }),
    col("owner", "项目编号或专项资金序号", "text", 14),
    col("level1", "一级指标", "choice", 12, { list: "indicatorLevel1" }),
    col("level2", "二级指标", "choice", 18, { list: "indicatorLevel2" }),
    col("content", "指标内容", "text", 30),
    col("value", "指标值", "text", 16),
    col("note", "备注", "text", 16),
  ],
  overall: [
    col("taskName", "任务名称", "text", 16),
    col("taskContent", "主要内容", "text", 36),
    col("taskAmount", "金额", "amount", 16),
    col("taskFiscal", "其中：财政拨款", "amount", 16),
    col("taskOther", "其他资金", "amount", 16),
    col("goal", "年度总体目标（每格一条）", "text", 50),
  ],
  specialFunds: [
    col("seq", "序号", "text", 6),
    col("name", "专项资金名称", "text", 24),
    col("department", "主管部门", "text", 18),
    col("period", "实施期限", "text", 14),
    col("totalAmount", "资金总额", "amount", 16),
    col("totalFiscal", "其中：财政拨款", "amount", 16),
    col("totalOther", "其中：其他资金", "amount", 16),
    col("annualAmount", "年度资金总额", "amount", 16),
    col("annualFiscal", "年度财政拨款", "amount", 16),
    col("annualOther", "年度其他资金", "amount", 16),
    col("periodGoals", "实施期总目标（每行一条）", "lines", 30),
    col("annualGoals", "年度目标（每行一条）", "lines", 30),
  ],
  procurement: [
    col("unit", "单位编码（部门汇总时填）", "text", 12),
    col("project", "所属项目编号", "text", 12),
    col("name", "采购项目名称", "text", 24),
    col("category", "采购类别", "choice", 10, { list: "procurementCategory" }),
    col("item", "采购品目", "text", 18),
    col("quantity", "数量", "count", 8),
    col("purchaseOfServices", "政府购买服务（是/否）", "yesNo", 12, { list: "yesNo" }),
    col("fundSource", "资金来源", "choice", 18, { list: "revenueSource" }),
    col("amount", "金额", "amount", 16),
  ],
  assets: [col("label", FORM_LABEL, "derived", 40), col("value", FORM_VALUE, "text", 20)],
  prior: [
    col("key", "指标键", "text", 28),
    col("prior", "上年数", "amount", 18),
    col("reason", "增减原因", "text", 50),
  ],
  emptyTables: [col("table", "表号", "count", 8), col("title", "表名", "derived", 40), col("reason", "空表理由", "text", 50)],
} as const satisfies Record<string, readonly TemplateColumn[]>;

export type TemplateTable = keyof typeof TEMPLATE_COLUMNS;

export const STAFF_BASES = ["编制数", "实有人数"] as const;
export const INDICATOR_OWNERS = ["项目", "整体", "专项资金"] as const;
export const YES_NO = ["是", "否"] as const;

/** 整体绩效目标's first row: whether the unit fills the 部门整体支出绩效目标 (表14) at all. */
export const OVERALL_FLAG_LABEL = "是否填报部门整体支出绩效目标（是/否）";

/** The standard tables' titles, for the 空表理由 sheet. */
export const TABLE_TITLES = [
  "收支总表",
  "收入总表",
  "支出总表",
  "财政拨款收支总表",
  "一般公共预算支出明细表（功能分类）",
  "一般公共预算支出明细表（经济分类）",
  "基本支出明细表（功能分类）",
  "基本支出明细表（经济分类）",
  "政府性基金收支表",
  "专项业务经费支出表",
  "政府采购预算表",
  "“三公”经费及会议费、培训费预算表",
  "专项业务经费绩效目标表",
  "部门整体支出绩效目标表",
  "专项资金总体绩效目标表",
] as const;
