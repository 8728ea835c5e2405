/**
 * @fileoverview Shared by the detail-level rules (function-detail-level, economic-detail-level): which
 * rows of a detail table must be at the disclosed level, and the reports for those that are not. A row
 * whose code is extended by another row's code is a subtotal the table prints above its detail, so it
 * is not itself a detail row, but must equal, in every amount column, the detail rows under it; every
 * other coded item row is a detail row.
 */
import { type Classification, type Level, levelOfCode } from "../catalog/catalog.ts";
import type { Row, Table } from "../model/table.ts";
import type { Report } from "./rule.ts";
import { allAmountsBlank, amountColumns, amountOf, amountsOf, cellRef, detailRows, isSubtotalRow, sumColumn, yuanText } from "./tables.ts";

const DIGITS: Record<Level, number> = { 类: 3, 款: 5, 项: 7 };

/** `notDetailLevel` when `code` is a well-formed code of a level above `wanted`; nothing otherwise. */
export function levelReport(
  table: Table,
  row: Row,
  column: string | undefined,
  classification: Classification,
  code: string,
  wanted: Level,
): Report | undefined {
  const level = levelOfCode(classification, code);
  // A code that fits no level is the code rules' to report (it is in no catalog).
  if (level === null || level === wanted || DIGITS[level] > DIGITS[wanted]) return undefined;
  return {
    messageId: "notDetailLevel",
    data: { table: table.number, code, name: row.label, level, wanted, digits: DIGITS[wanted] },
    cells: [cellRef(table, row, column)],
    actual: code,
  };
}

/** The detail rows of `table` checked for level: `notDetailLevel` per coded row above `wanted`, `missingCode` per uncoded row with figures. */
export function* detailLevelReports(table: Table, classification: Classification, wanted: Level): Generator<Report> {
  for (const row of detailRows(table)) {
    if (row.code === undefined) {
      if (!allAmountsBlank(table, row)) {
        yield { messageId: "missingCode", data: { table: table.number, name: row.label, wanted }, cells: [cellRef(table, row)], severity: "warning" };
      }
      continue;
    }
    const report = levelReport(table, row, undefined, classification, row.code, wanted);
    if (report) yield report;
  }
}

/** `subtotalMismatch` per amount column where a subtotal row differs from Σ the detail rows under it. */
export function* subtotalReports(table: Table): Generator<Report> {
  const details = detailRows(table);
  for (const row of table.rows) {
    if (row.kind !== "item" || !isSubtotalRow(table, row)) continue;
    const under = details.filter((r) => r.code?.startsWith(row.code!) === true);
    for (const column of amountColumns(table)) {
      const expected = sumColumn(table, under, column);
      const actual = amountOf(table, row, column);
      if (expected === actual) continue;
      const label = table.columns[column]!.label;
      yield {
        messageId: "subtotalMismatch",
        data: { table: table.number, code: row.code!, column: label, expected: yuanText(expected), actual: yuanText(actual) },
        cells: [cellRef(table, row, column)],
        ...amountsOf(expected, actual),
      };
    }
  }
}
