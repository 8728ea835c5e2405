/**
 * @fileoverview Every 功能科目 code printed is a code of the catalog of the disclosure's year: the rows
 * of 表5 and 表7 (项, and any 类 or 款 subtotal rows), and the coded rows of the 支出功能分类 blocks of
 * 表1, 表4 and 表9. An unknown code is an error where the catalog holds its level in full, else a
 * warning (the built-in catalog holds 类 and 款 in full, 项 only in part); a code that belongs to
 * another year's catalog is reported with the name it had there.
 */
import type { Catalog } from "../../catalog/catalog.ts";
import type { Disclosure } from "../../model/disclosure.ts";
import type { Row, Table } from "../../model/table.ts";
import { unknownCodeReport } from "../codes.ts";
import type { Report, Rule } from "../rule.ts";
import { blockRows, tableWithContent } from "../tables.ts";

// ---------------------------------------------------------------------------------------------------
// Helpers

function* checkRows(table: Table, rows: readonly Row[], catalog: Catalog): Generator<Report> {
  for (const row of rows) {
    if (row.kind !== "item" || row.code === undefined) continue;
    const report = unknownCodeReport(table, row, undefined, "function", row.code, catalog);
    if (report) yield report;
  }
}

// ---------------------------------------------------------------------------------------------------
// Rule Definition

export const meta: Rule["meta"] = {
  id: "function-code-known",
  description: "支出功能分类科目编码存在于当年科目目录",
  category: "catalog",
  severity: "error",
  tables: [1, 4, 5, 7, 9],
  messages: {
    unknownCode: "表{table}中的科目编码 {code} 不在 {year} 年的{classification}科目中",
    codeOfOtherYear: "表{table}中的科目编码 {code} 不在 {year} 年的{classification}科目中（其他年度的目录中为{names}）",
  },
};

export function* check(disclosure: Disclosure, context: { catalog?: Catalog }): Generator<Report> {
  const catalog = context.catalog;
  if (!catalog) return;
  for (const number of [5, 7] as const) {
    const table = tableWithContent(disclosure, number);
    if (table) yield* checkRows(table, table.rows, catalog);
  }
  for (const number of [1, 4, 9] as const) {
    const table = tableWithContent(disclosure, number);
    if (table?.layout === "blocks") yield* checkRows(table, blockRows(table, "支出功能分类"), catalog);
  }
}

const rule: Rule = { meta, check };
export default rule;
