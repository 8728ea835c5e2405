/**
 * @fileoverview Every 经济分类 code printed is a code of the catalog of the disclosure's year: the
 * 部门经济科目 code of each row of 表6 and 表8 and its 政府经济科目编码, and the coded rows of the economic
 * blocks of 表1, 表4 and 表9. An unknown code is an error where the catalog holds its level in full,
 * else a warning; a code that belongs to another year's catalog is reported with the name it had there.
 */
import type { Catalog, Classification } from "../../catalog/catalog.ts";
import type { Disclosure } from "../../model/disclosure.ts";
import type { Row, Table } from "../../model/table.ts";
import { unknownCodeReport } from "../codes.ts";
import type { Report, Rule } from "../rule.ts";
import { blockRows, cellValue, tableWithContent } from "../tables.ts";

// ---------------------------------------------------------------------------------------------------
// Helpers

const GOV_CODE = "政府经济科目编码";

function* checkDetail(table: Table, catalog: Catalog): Generator<Report> {
  for (const row of table.rows) {
    if (row.kind !== "item") continue;
    const dept = row.code === undefined ? undefined : unknownCodeReport(table, row, undefined, "deptEconomic", row.code, catalog);
    if (dept) yield dept;
    const govCode = cellValue(table, row, GOV_CODE);
    const gov = typeof govCode === "string" ? unknownCodeReport(table, row, GOV_CODE, "govEconomic", govCode, catalog) : undefined;
    if (gov) yield gov;
  }
}

function* checkBlock(table: Table, rows: readonly Row[], classification: Classification, catalog: Catalog): Generator<Report> {
  for (const row of rows) {
    if (row.kind !== "item" || row.code === undefined) continue;
    const report = unknownCodeReport(table, row, undefined, classification, row.code, catalog);
    if (report) yield report;
  }
}

// ---------------------------------------------------------------------------------------------------
// Rule Definition

export const meta: Rule["meta"] = {
  id: "economic-code-known",
  description: "部门预算和政府预算支出经济分类科目编码存在于当年科目目录",
  category: "catalog",
  severity: "error",
  tables: [1, 4, 6, 8, 9],
  messages: {
    unknownCode: "表{table}中的科目编码 {code} 不在 {year} 年的{classification}科目中",
    codeOfOtherYear: "表{table}中的科目编码 {code} 不在 {year} 年的{classification}科目中（其他年度的目录中为{names}）",
  },
};

export function* check(disclosure: Disclosure, context: { catalog?: Catalog }): Generator<Report> {
  const catalog = context.catalog;
  if (!catalog) return;
  for (const number of [6, 8] as const) {
    const table = tableWithContent(disclosure, number);
    if (table) yield* checkDetail(table, catalog);
  }
  for (const number of [1, 4, 9] as const) {
    const table = tableWithContent(disclosure, number);
    if (table?.layout !== "blocks") continue;
    yield* checkBlock(table, blockRows(table, "部门预算支出经济分类"), "deptEconomic", catalog);
    yield* checkBlock(table, blockRows(table, "政府预算支出经济分类"), "govEconomic", catalog);
  }
}

const rule: Rule = { meta, check };
export default rule;
