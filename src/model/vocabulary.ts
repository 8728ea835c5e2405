/**
 * The closed vocabularies of a budget disclosure. Values are the official Chinese terms, so a
 * BudgetDocument written in YAML reads the way a finance officer speaks.
 */

export const UNIT_KINDS = ["行政单位", "事业单位", "参照公务员法管理单位"] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** Which column of the 经济分类 对照表 a unit uses: 参公 units are treated as 机关. */
export type EconomicMappingKind = "机关" | "事业单位";
export function economicMappingKind(kind: UnitKind): EconomicMappingKind {
  return kind === "事业单位" ? "事业单位" : "机关";
}

/** Revenue sources, in the order the 收支总表 lists them. */
export const REVENUE_SOURCES = [
  "一般公共预算拨款",
  "政府性基金拨款",
  "国有资本经营预算收入",
  "上级补助收入",
  "事业收入",
  "事业单位经营收入",
  "附属单位上缴收入",
  "其他收入",
  "用事业基金弥补收支差额",
  "上年实户资金余额",
  "上年结转",
] as const;
export type RevenueSource = (typeof REVENUE_SOURCES)[number];

/** 财政拨款: the three appropriations that 表4 covers. */
export const FISCAL_SOURCES: readonly RevenueSource[] = ["一般公共预算拨款", "政府性基金拨款", "国有资本经营预算收入"];

/** Sources counted in 本年收入合计 (the rest are balances brought in). */
export const CURRENT_YEAR_SOURCES: readonly RevenueSource[] = REVENUE_SOURCES.slice(0, 8);

/** What an expenditure line is for. The first three are the 部门预算 proper; the rest are transfers. */
export const NATURES = ["人员经费", "公用经费", "专项业务经费", "上缴上级支出", "事业单位经营支出", "对附属单位补助支出"] as const;
export type Nature = (typeof NATURES)[number];

/** 基本支出 = 人员经费 + 公用经费. */
export const BASIC_NATURES: readonly Nature[] = ["人员经费", "公用经费"];

/** 部门经济分类 类 allowed in 基本支出 (the 收支总表 has a row for each under 人员经费和公用经费支出). */
export const BASIC_ECONOMIC_CLASSES = ["301", "302", "303", "310"] as const;

export const INDICATOR_LEVEL1 = ["产出指标", "效益指标", "满意度指标"] as const;
export const INDICATOR_LEVEL2 = {
  产出指标: ["数量指标", "质量指标", "时效指标", "成本指标"],
  效益指标: ["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"],
  满意度指标: ["服务对象满意度指标"],
} as const;
export type IndicatorLevel1 = (typeof INDICATOR_LEVEL1)[number];
export type IndicatorLevel2 = (typeof INDICATOR_LEVEL2)[IndicatorLevel1][number];
export const ALL_INDICATOR_LEVEL2: readonly IndicatorLevel2[] = INDICATOR_LEVEL1.flatMap((l1) => INDICATOR_LEVEL2[l1]);

export const PROCUREMENT_CATEGORIES = ["货物", "工程", "服务"] as const;

/** The 15 standard tables are numbered 1–15. */
export const TABLE_NUMBERS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15] as const;
export type TableNumber = (typeof TABLE_NUMBERS)[number];
