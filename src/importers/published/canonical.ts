/**
 * The columns each standard row table has when built from a BudgetDocument (src/tables), with the
 * printed header texts that map onto each. A published table is read onto these columns so that the
 * checker sees built and published tables alike. The importer may not import src/tables, so the
 * columns are restated here; test/importers/published-canonical.test.ts keeps them equal to the builders'.
 */
import type { Column } from "../../model/table.ts";
import type { TableNumber } from "../../model/vocabulary.ts";

export interface ColumnSpec {
  readonly column: Column;
  /** Tested against the column's header path (`基本支出/人员经费支出`), with spaces removed. */
  readonly header: RegExp;
}

export interface RowTableSpec {
  /** The header of the code column (功能科目编码, 部门经济科目编码, 单位编码). */
  readonly codeHeader: RegExp;
  /** The header of the label column (科目名称, 单位名称, 项目名称). */
  readonly labelHeader: RegExp;
  /** In the builder's print order; each header pattern is specific enough to be tried in any order. */
  readonly columns: readonly ColumnSpec[];
}

const amount = (key: string, label: string, header: RegExp): ColumnSpec => ({ column: { key, label, kind: "amount" }, header });
const text = (key: string, label: string, header: RegExp): ColumnSpec => ({ column: { key, label, kind: "text" }, header });

const TOTAL = amount(
  "total",
  "合计",
  /^(?:[^/]*\/)?(?:合计|总计|金额合计|预算数合计|决算数合计|本年(?:收入|支出)?合计|(?:收入|支出)合计)$|^(?:本年(?:收入|支出)|合计)\/(?:小计|合计)$/,
);
const PERSONNEL = amount("人员经费", "人员经费支出", /人员经费/);
const PUBLIC_USE = amount("公用经费", "公用经费支出", /公用经费/);
const SPECIAL = amount("专项业务经费", "专项业务经费支出", /专项业务经费|项目支出/);
const NOTE = text("note", "备注", /备注/);
const GOV_ECONOMIC = [
  text("政府经济科目编码", "政府经济科目编码", /政府.*(?:编码|代码)/),
  text("政府经济科目名称", "政府经济科目名称", /政府.*(?:名称|科目)/),
];

const byFunction = (columns: readonly ColumnSpec[]): RowTableSpec => ({
  codeHeader: /编码|代码/,
  labelHeader: /名称|科目|项目/,
  columns,
});

const byEconomic = (columns: readonly ColumnSpec[]): RowTableSpec => ({
  codeHeader: /^(?!.*政府).*(?:编码|代码)/,
  labelHeader: /^(?!.*政府).*(?:名称|科目|项目)/,
  columns: [...GOV_ECONOMIC, ...columns],
});

const byUnit = (columns: readonly ColumnSpec[]): RowTableSpec => ({
  codeHeader: /单位编码|编码|代码/,
  labelHeader: /名称/,
  columns,
});

export const ROW_TABLES: Partial<Record<TableNumber, RowTableSpec>> = {
  2: byUnit([
    TOTAL,
    amount("fiscal", "财政拨款/小计", /财政拨款.*(?:小计|合计)|^财政拨款(?:收入|资金)?$/),
    amount("一般公共预算拨款", "财政拨款/一般公共预算拨款", /一般公共预算/),
    amount("政府性基金拨款", "财政拨款/政府性基金拨款", /政府性基金/),
    amount("国有资本经营预算收入", "财政拨款/国有资本经营预算收入", /国有资本经营/),
    amount("上级补助收入", "上级补助收入", /上级补助/),
    amount("事业收入", "事业收入/小计", /^事业收入(?:\/(?:小计|合计))?$/),
    // Shanghai's 财政专户管理资金 is a source of its own (added to 合计), kept as an extra column.
    amount("financialAccount", "事业收入/其中：纳入财政专户管理的收费", /纳入财政专户|其中.*财政专户/),
    amount("事业单位经营收入", "事业单位经营收入", /经营收入/),
    amount("附属单位上缴收入", "附属单位上缴收入", /附属单位上缴/),
    amount("其他收入", "其他收入", /其他收入/),
    amount("用事业基金弥补收支差额", "用事业基金弥补收支差额", /事业基金/),
    amount("上年实户资金余额", "上年实户资金余额", /实户资金/),
    amount("上年结转", "上年结转", /上年结转/),
  ]),
  3: byUnit([
    TOTAL,
    PERSONNEL,
    PUBLIC_USE,
    SPECIAL,
    amount("上缴上级支出", "上缴上级支出", /上缴上级/),
    amount("事业单位经营支出", "事业单位经营支出", /经营支出/),
    amount("对附属单位补助支出", "对附属单位补助支出", /附属单位补助/),
  ]),
  5: byFunction([TOTAL, PERSONNEL, PUBLIC_USE, SPECIAL, NOTE]),
  6: byEconomic([TOTAL, PERSONNEL, PUBLIC_USE, SPECIAL, NOTE]),
  7: byFunction([TOTAL, PERSONNEL, PUBLIC_USE, NOTE]),
  8: byEconomic([TOTAL, PERSONNEL, PUBLIC_USE, NOTE]),
  10: {
    codeHeader: /单位编码|编码|代码/,
    labelHeader: /名称/,
    columns: [amount("amount", "项目金额", /金额|预算数|合计/), text("description", "项目简介", /简介|说明|内容/)],
  },
  11: {
    codeHeader: /单位编码|编码|代码/,
    labelHeader: /项目名称|名称/,
    columns: [
      text("category", "采购类别", /类别/),
      text("item", "采购品目", /品目/),
      text("quantity", "数量", /数量/),
      amount("total", "预算金额/合计", /合计|总计/),
      amount("generalBudget", "预算金额/一般公共预算拨款", /一般公共预算/),
      amount("governmentFund", "预算金额/政府性基金拨款", /政府性基金/),
      amount("other", "预算金额/其他资金", /其他/),
    ],
  },
  12: byUnit([
    amount("total", "“三公”经费合计", /三公|^合计$/),
    amount("outboundTravel", "因公出国（境）费", /出国/),
    amount("vehicleTotal", "公务用车购置及运行费/小计", /公务用车.*(?:小计|合计)|^公务用车购置及运行(?:维护)?费$/),
    amount("vehiclePurchase", "公务用车购置及运行费/公务用车购置费", /购置费/),
    amount("vehicleOperation", "公务用车购置及运行费/公务用车运行维护费", /运行(?:维护)?费/),
    amount("reception", "公务接待费", /接待/),
    amount("meeting", "会议费", /会议/),
    amount("training", "培训费", /培训/),
  ]),
};

/**
 * 表9 printed as a row table by 功能科目 (政府性基金预算支出表 of the central and Shanghai sets) rather than
 * as the Shaanxi template's side-by-side blocks.
 */
export const FUND_ROW_TABLE: RowTableSpec = byFunction([TOTAL, PERSONNEL, PUBLIC_USE, SPECIAL, NOTE]);

/** The block names of 表1, 表4 and 表9, in print order, and the header words that name each block. */
export const BLOCK_GROUPS: readonly { readonly group: string; readonly header: RegExp }[] = [
  { group: "收入", header: /收入|项目/ },
  { group: "支出功能分类科目（按大类）", header: /功能/ },
  { group: "部门预算支出经济分类科目（按大类）", header: /^(?!.*政府).*经济/ },
  { group: "政府预算支出经济分类科目（按大类）", header: /政府.*经济/ },
];

export const BLOCK_AMOUNT_COLUMN: Column = { key: "amount", label: "预算数", kind: "amount" };
export const BLOCK_AMOUNT_HEADER = /预算数|决算数|金额|合计/;

/** The 绩效指标 grid shared by 表13–表15 (src/tables/indicators.ts). */
export const INDICATOR_COLUMNS: readonly Column[] = [
  { key: "level1", label: "一级指标", kind: "text" },
  { key: "level2", label: "二级指标", kind: "text" },
  { key: "value", label: "指标值", kind: "text" },
  { key: "note", label: "备注", kind: "text" },
];

/** 表14's task columns, printed before the indicator columns. */
export const TASK_COLUMNS: readonly Column[] = [
  { key: "content", label: "主要内容", kind: "text" },
  { key: "amount", label: "总额", kind: "amount" },
  { key: "fiscal", label: "财政拨款", kind: "amount" },
  { key: "other", label: "其他资金", kind: "amount" },
];
export const TASK_GROUP = "年度主要任务";
export const INDICATOR_GROUP = "年度绩效指标";
