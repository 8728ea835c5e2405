/**
 * @fileoverview 表5 and 表7 disclose the 一般公共预算 by 支出功能分类 down to 项 (7-digit codes). Every
 * detail row carries a 项 code. A table may also print 类 and 款 subtotal rows above their 项; such a
 * row is recognised by a printed 项 (or 款) whose code starts with its code; it is not a detail row, and
 * must equal, in every amount column, the 项 printed under it.
 * A 类 or 款 code with no such row under it is a detail row stopped short of 项; a detail row with
 * figures but no code cannot be placed at all.
 */
import type { Disclosure } from "../../model/disclosure.ts";
import { detailLevelReports, subtotalReports } from "../levels.ts";
import type { Report, Rule } from "../rule.ts";
import { tableWithContent } from "../tables.ts";

// ---------------------------------------------------------------------------------------------------
// Rule Definition

export const meta: Rule["meta"] = {
  id: "function-detail-level",
  description: "一般公共预算支出按功能分类公开到项级科目",
  category: "catalog",
  severity: "error",
  tables: [5, 7],
  messages: {
    notDetailLevel: "表{table}“{name}”行的科目编码 {code} 是{level}级，本表应细化到{wanted}级（{digits}位编码）",
    missingCode: "表{table}“{name}”行有金额但没有科目编码，无法确认是否细化到{wanted}级",
    subtotalMismatch: "表{table}小计行 {code} 的“{column}”为 {actual}，但其下各明细行之和为 {expected}",
  },
};

export function* check(disclosure: Disclosure): Generator<Report> {
  for (const number of [5, 7] as const) {
    const table = tableWithContent(disclosure, number);
    if (!table) continue;
    yield* detailLevelReports(table, "function", "项");
    yield* subtotalReports(table);
  }
}

const rule: Rule = { meta, check };
export default rule;
