/**
 * @fileoverview 表14 部门整体支出绩效目标表 covers the whole budget ("部门应公开本部门整体预算绩效"): its
 * 金额合计 is the sum of its tasks, and equals the year's expenditure (表1 本年支出合计) once that is
 * rounded to the 0.01 万元 表14 prints. The first is arithmetic (error); the second a warning, since a
 * unit may leave part of its money out of its tasks on purpose.
 */
import type { Disclosure } from "../../model/disclosure.ts";
import { FEN_PER_WAN_YUAN, roundToWanYuanCents, sumFen } from "../../model/money.ts";
import type { Report, Rule } from "../rule.ts";
import { amountOf, amountsOf, cellRef, columnIndex, findRow, tableWithContent, yuanText } from "../tables.ts";

// ---------------------------------------------------------------------------------------------------
// Rule Definition

export const meta: Rule["meta"] = {
  id: "overall-targets-vs-total",
  description: "部门整体支出绩效目标表的金额合计等于各任务之和，并与本年支出合计一致",
  category: "agreement",
  severity: "error",
  tables: [1, 14],
  messages: {
    tasksSum: "表14“{column}”的金额合计为 {actual}，但各任务之和为 {expected}",
    budgetTotal: "表14 的金额合计为 {actual}，而表1 本年支出合计为 {expected}（按万元两位小数）",
  },
};

export function* check(disclosure: Disclosure): Generator<Report> {
  const table14 = tableWithContent(disclosure, 14);
  if (!table14) return;
  const total = table14.rows.find((r) => r.kind === "total" && r.group === "年度主要任务");
  if (!total) return;
  const tasks = table14.rows.filter((r) => r.kind === "item" && r.group === "年度主要任务");
  for (const column of ["总额", "财政拨款", "其他资金"]) {
    if (columnIndex(table14, column) < 0) continue;
    const expected = sumFen(tasks.map((r) => amountOf(table14, r, column)));
    const actual = amountOf(table14, total, column);
    if (Math.abs(expected - actual) <= roundingSlack(table14, [...tasks, total], column)) continue;
    yield {
      messageId: "tasksSum",
      data: { column, expected: yuanText(expected), actual: yuanText(actual) },
      cells: [cellRef(table14, total, column)],
      ...amountsOf(expected, actual),
    };
  }
  const table1 = tableWithContent(disclosure, 1);
  const spent = table1 && findRow(table1, { group: "支出功能分类", label: "本年支出合计" });
  if (!table1 || !spent || columnIndex(table14, "总额") < 0) return;
  const expected = roundToWanYuanCents(amountOf(table1, spent));
  const actual = roundToWanYuanCents(amountOf(table14, total, "总额"));
  if (expected === actual) return;
  yield {
    messageId: "budgetTotal",
    severity: "warning",
    data: { expected: yuanText(expected), actual: yuanText(actual) },
    cells: [cellRef(table14, total, "总额"), cellRef(table1, spent)],
    ...amountsOf(expected, actual),
  };
}

/**
 * How far the printed parts may miss the printed total through rounding alone: when the table is in
 * 万元 and every figure is printed to 0.01 万元 (a whole 100 元), each part may be off by half of that.
 * Figures with more decimals were not rounded, so they must add up exactly.
 */
function roundingSlack(table: Parameters<typeof amountOf>[0], rows: Parameters<typeof amountOf>[1][], column: string): number {
  const cent = FEN_PER_WAN_YUAN / 100;
  if (table.unit !== "万元" || !rows.every((r) => (amountOf(table, r, column) ?? 0) % cent === 0)) return 0;
  return (cent / 2) * (rows.length - 1);
}

const rule: Rule = { meta, check };
export default rule;
