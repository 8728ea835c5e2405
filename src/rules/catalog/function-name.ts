/**
 * @fileoverview Every 功能科目 name is the catalog's name for its code in the disclosure's year: the
 * 项 rows of 表5 and 表7 (a truncated name such as 机关事业单位基本养老保险 is wrong), and the 类 rows of
 * the 支出功能分类 blocks of 表1, 表4 and 表9, which print names without codes and are compared with
 * the catalog's 类 names after their numbering is stripped. The fix is the catalog's name.
 */
import { type Catalog, sameCatalogName } from "../../catalog/catalog.ts";
import type { Disclosure } from "../../model/disclosure.ts";
import type { Table } from "../../model/table.ts";
import { classNameReport, wrongName } from "../names.ts";
import type { Report, Rule } from "../rule.ts";
import { blockBody, blockRows, stripNumbering, tableWithContent } from "../tables.ts";

// ---------------------------------------------------------------------------------------------------
// Helpers

function* checkDetail(table: Table, catalog: Catalog): Generator<Report> {
  for (const row of table.rows) {
    if (row.kind !== "item" || row.code === undefined) continue;
    const entry = catalog.lookup("function", row.code);
    if (entry && !sameCatalogName(entry.name, row.label)) yield wrongName(table, row, undefined, row.code, row.label, entry.name);
  }
}

function* checkClassBlock(table: Table, catalog: Catalog): Generator<Report> {
  const classes = catalog.entries("function", "类");
  for (const row of blockBody(blockRows(table, "支出功能分类"))) {
    if (row.kind !== "item") continue;
    const entry = row.code === undefined ? undefined : catalog.lookup("function", row.code);
    if (entry) {
      const name = stripNumbering(row.label);
      if (!sameCatalogName(entry.name, name)) yield wrongName(table, row, undefined, entry.code, name, entry.name);
      continue;
    }
    const report = classNameReport(table, row, classes);
    if (report) yield report;
  }
}

// ---------------------------------------------------------------------------------------------------
// Rule Definition

export const meta: Rule["meta"] = {
  id: "function-name",
  description: "支出功能分类科目名称与当年科目目录一致",
  category: "catalog",
  severity: "error",
  tables: [1, 4, 5, 7, 9],
  messages: {
    wrongName: "表{table}中科目 {code} 的名称为“{actual}”，当年科目目录为“{expected}”",
    unknownClassName: "表{table}中的“{actual}”不是当年支出功能分类的类级科目名称",
  },
};

export function* check(disclosure: Disclosure, context: { catalog?: Catalog }): Generator<Report> {
  const catalog = context.catalog;
  if (!catalog) return;
  for (const number of [5, 7] as const) {
    const table = tableWithContent(disclosure, number);
    if (table) yield* checkDetail(table, catalog);
  }
  for (const number of [1, 4, 9] as const) {
    const table = tableWithContent(disclosure, number);
    if (table?.layout === "blocks") yield* checkClassBlock(table, catalog);
  }
}

const rule: Rule = { meta, check };
export default rule;
