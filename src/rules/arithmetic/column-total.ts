/**
 * @fileoverview A row table's 合计 row equals, in every amount column, the sum of its item rows (the
 * top-level items: 表5's 项, 表10's projects, 表2/3/12's units). A 合计 row printed without figures
 * (the seed's `**` placeholder) cannot be checked and is reported as such.
 */
import type { Rule } from "../rule.ts";
import type { Report } from "../rule.ts";
import type { Disclosure } from "../../model/disclosure.ts";
import type { Row, Table } from "../../model/table.ts";
import { allAmountsBlank, amountColumns, amountOf, amountsOf, cellRef, isOfWhichRow, sumColumn, totalRow, yuanText } from "../tables.ts";

// ---------------------------------------------------------------------------------------------------
// Helpers

/** The rows that add up to the 合计: items at the top item level, without “其中” rows. */
function topItems(table: Table): Row[] {
  const items = table.rows.filter((r) => r.kind === "item" && !isOfWhichRow(r));
  const top = Math.min(...items.map((r) => r.level));
  return items.filter((r) => r.level === top);
}

function* checkTable(table: Table): Generator<Report> {
  const items = topItems(table);
  if (items.length === 0) return;
  const total = totalRow(table);
  if (total === undefined || allAmountsBlank(table, total)) {
    yield { messageId: "missingTotal", data: { table: table.number }, cells: [cellRef(table, total)] };
    return;
  }
  for (const column of amountColumns(table)) {
    const expected = sumColumn(table, items, column);
    const actual = amountOf(table, total, column);
    if (expected === actual) continue;
    const label = table.columns[column]!.label;
    yield {
      messageId: "totalMismatch",
      data: { table: table.number, column: label, expected: yuanText(expected), actual: yuanText(actual) },
      cells: [cellRef(table, total, column)],
      ...amountsOf(expected, actual),
    };
  }
}

// ---------------------------------------------------------------------------------------------------
// Rule Definition

export const meta: Rule["meta"] = {
  id: "column-total",
  description: "行式报表的合计行等于各明细行之和（逐个金额列）",
  category: "arithmetic",
  severity: "error",
  tables: [2, 3, 5, 6, 7, 8, 10, 11, 12],
  messages: {
    totalMismatch: "表{table}“{column}”列的合计为 {actual}，但各明细行之和为 {expected}",
    missingTotal: "表{table}的合计行没有填写金额，无法核对合计",
  },
};

export function* check(disclosure: Disclosure): Generator<Report> {
  for (const table of disclosure.tables) {
    if (table.layout !== "rows" || table.empty) continue;
    for (const report of checkTable(table)) {
      yield report.messageId === "missingTotal" ? { ...report, severity: "info" } : report;
    }
  }
}

const rule: Rule = { meta, check };
export default rule;
