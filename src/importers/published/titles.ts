/**
 * Recognising a standard table by its printed title. Publishers shorten and vary the template's titles
 * (收支总表 / 收支预算总表, 部门预算专项业务经费绩效目标表 for 部门专项业务经费绩效目标表), so a title is
 * matched by the words that set each table apart, most specific first. A title that fits two tables
 * (一般公共预算支出表 without 功能/经济) keeps both candidates for the table's header to decide.
 */
import type { TableNumber } from "../../model/vocabulary.ts";
import { compact, halfWidth } from "./cells.ts";

/** The template's titles (src/tables/templates/tables.json; a test keeps the two lists equal). */
export const STANDARD_TITLES: Readonly<Record<TableNumber, string>> = {
  1: "部门综合预算收支总表",
  2: "部门综合预算收入总表",
  3: "部门综合预算支出总表",
  4: "部门综合预算财政拨款收支总表",
  5: "部门综合预算一般公共预算支出明细表（按支出功能分类科目）",
  6: "部门综合预算一般公共预算支出明细表（按支出经济分类科目）",
  7: "部门综合预算一般公共预算基本支出明细表（按支出功能分类科目）",
  8: "部门综合预算一般公共预算基本支出明细表（按支出经济分类科目）",
  9: "部门综合预算政府性基金收支表",
  10: "部门综合预算专项业务经费支出表",
  11: "部门综合预算政府采购（资产配置、购买服务）预算表",
  12: "部门综合预算一般公共预算拨款“三公”经费及会议费、培训费支出预算表",
  13: "部门专项业务经费绩效目标表",
  14: "部门整体支出绩效目标表",
  15: "专项资金总体绩效目标表",
};

interface TitleRule {
  readonly test: RegExp;
  /** Two candidates are a 功能 / 经济 pair: the title's 功能 or 经济 picks one. */
  readonly candidates: readonly TableNumber[];
}

/**
 * Most specific first: 财政拨款收支总表 before 收支总表, “三公” before 一般公共预算. The words cover the
 * Shaanxi titles, the MOF/central and Shanghai 9-table set (财务收支预算总表, 部门收入预算表,
 * 一般公共预算支出功能分类预算表, 一般公共预算基本支出部门预算经济分类预算表 …), other provinces'
 * (收支预算总表, 一般公共预算财政拨款支出预算表) and the 决算 wordings (收入支出决算总表, 支出决算表).
 */
const RULES: readonly TitleRule[] = [
  { test: /专项资金.*绩效目标/, candidates: [15] },
  { test: /整体(支出)?绩效目标/, candidates: [14] },
  { test: /(专项业务经费|项目(支出)?)绩效目标/, candidates: [13] },
  { test: /三公/, candidates: [12] },
  { test: /政府采购/, candidates: [11] },
  { test: /政府性基金/, candidates: [9] },
  { test: /财政拨款收(入)?支(出)?(预算|决算)?总表/, candidates: [4] },
  { test: /收(入)?支(出)?(预算|决算)?总表/, candidates: [1] },
  { test: /收入(预算|决算)?(总)?表$|收入(预算|决算)?总表/, candidates: [2] },
  { test: /基本支出/, candidates: [7, 8] },
  { test: /一般公共预算.*支出/, candidates: [5, 6] },
  { test: /专项业务经费(支出)?(预算)?表|项目支出(预算)?表/, candidates: [10] },
  { test: /(部门|单位)?支出(预算|决算)?(总)?表$|支出(预算|决算)?总表/, candidates: [3] },
];

/**
 * Tables other templates publish that the Shaanxi template has no place for: reported by name, with
 * this reason, rather than read into a standard table they are not.
 */
const NOT_STANDARD: readonly { readonly test: RegExp; readonly why: string }[] = [
  { test: /国有资本经营预算.*(支出|收支)/, why: "国有资本经营预算支出表不是本模板（陕西15张表）的标准表，整张表未读" },
  { test: /上年结转.*(支出|资金)|结转资金.*支出/, why: "财政拨款上年结转资金支出表不是本模板的标准表，整张表未读" },
];

/** Why a title that names a table of another template is not read, when it is one. */
export function notStandardReason(text: string): string | undefined {
  const title = compact(text);
  return NOT_STANDARD.find((n) => n.test.test(title))?.why;
}

/**
 * A line that reads like a table's title: short, no sentence punctuation, ending in 表 (optionally
 * followed by a bracketed qualifier such as （按支出功能分类科目）). Leading 表号 is allowed.
 */
export function isTitleLike(text: string): boolean {
  const line = compact(text);
  if (line.length < 4 || line.length > 60 || /[。；，,;]/.test(line)) return false;
  return /表(?:[（(][^）)]*[）)])?$/.test(line);
}

/** The 表号 printed with a title (`表5`, `表５：…`), if any. */
export function printedNumber(text: string): TableNumber | undefined {
  const match = /^表\s*(\d{1,2})(?!\d)/.exec(halfWidth(compact(text)));
  const number = match ? Number(match[1]) : NaN;
  return number >= 1 && number <= 15 ? (number as TableNumber) : undefined;
}

/** A line that is only a 表号 (`表5`), as the seed prints it above some titles. */
export function isNumberLine(text: string): boolean {
  return /^表\s*\d{1,2}(?:[-－]\d{1,2})?$/.test(halfWidth(compact(text)));
}

/** The standard tables a title can be: none when it names no standard table, two when 功能/经济 is not said. */
export function titleCandidates(text: string): readonly TableNumber[] {
  const title = compact(text);
  if (notStandardReason(title)) return [];
  const rule = RULES.find((r) => r.test.test(title));
  if (!rule) return [];
  if (rule.candidates.length === 1) return rule.candidates;
  if (/功能/.test(title)) return [rule.candidates[0]!];
  if (/经济/.test(title)) return [rule.candidates[1]!];
  return rule.candidates;
}

/** A title in the Shaanxi template's own wording, whose printed 表号 is the template's number. */
export function isTemplateWording(text: string): boolean {
  return /部门综合预算|部门(预算)?专项业务经费绩效目标|部门整体支出绩效目标|专项资金总体绩效目标/.test(compact(text));
}
