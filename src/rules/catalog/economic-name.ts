/**
 * @fileoverview Every 经济分类 name is the catalog's name for its code in the disclosure's year: the
 * 部门经济科目 款 of 表6 and 表8 with their 政府经济科目 款, and the 类 rows of the economic blocks of
 * 表1, 表4 and 表9, which print names without codes (compared after their numbering is stripped; the
 * template's own shortened wordings are accepted). The fix is the catalog's name.
 */
import { type Catalog, type Classification, sameCatalogName } from "../../catalog/catalog.ts";
import type { Disclosure } from "../../model/disclosure.ts";
import type { Row, Table } from "../../model/table.ts";
import { classNameReport, wrongName } from "../names.ts";
import type { Report, Rule } from "../rule.ts";
import { blockBody, blockRows, cellValue, tableWithContent } from "../tables.ts";

// ---------------------------------------------------------------------------------------------------
// Helpers

/** Wordings the Shaanxi template itself prints for a 类 in its blocks (not catalog names, not errors). */
const TEMPLATE_WORDINGS = new Set(["对个人和家庭补助", "其他资本性支出"]);

function* checkDetail(table: Table, catalog: Catalog): Generator<Report> {
  for (const row of table.rows) {
    if (row.kind !== "item") continue;
    const dept = row.code === undefined ? undefined : catalog.lookup("deptEconomic", row.code);
    if (dept && !sameCatalogName(dept.name, row.label)) yield wrongName(table, row, undefined, dept.code, row.label, dept.name);
    const govCode = cellValue(table, row, "政府经济科目编码");
    const govName = cellValue(table, row, "政府经济科目名称");
    const gov = typeof govCode === "string" ? catalog.lookup("govEconomic", govCode) : undefined;
    if (gov && typeof govName === "string" && !sameCatalogName(gov.name, govName)) {
      yield wrongName(table, row, "政府经济科目名称", gov.code, govName, gov.name);
    }
  }
}

/** The rows of a block that name a 类: deeper rows of the 部门经济 block, top rows of the 政府经济 block. */
function classRows(rows: readonly Row[], deeper: boolean): Row[] {
  const items = blockBody(rows).filter((r) => r.kind === "item");
  const top = Math.min(...items.map((r) => r.level));
  return items.filter((r) => (deeper ? r.level > top : r.level === top));
}

function* checkBlock(table: Table, catalog: Catalog, group: string, classification: Classification, deeper: boolean): Generator<Report> {
  const classes = catalog.entries(classification, "类");
  for (const row of classRows(blockRows(table, group), deeper)) {
    const report = classNameReport(table, row, classes, TEMPLATE_WORDINGS);
    if (report) yield report;
  }
}

// ---------------------------------------------------------------------------------------------------
// Rule Definition

export const meta: Rule["meta"] = {
  id: "economic-name",
  description: "部门预算和政府预算支出经济分类科目名称与当年科目目录一致",
  category: "catalog",
  severity: "error",
  tables: [1, 4, 6, 8, 9],
  messages: {
    wrongName: "表{table}中科目 {code} 的名称为“{actual}”，当年科目目录为“{expected}”",
    unknownClassName: "表{table}中的“{actual}”不是当年经济分类的类级科目名称",
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
    const table = disclosure.tables.find((t) => t.number === number);
    if (table?.layout !== "blocks") continue;
    yield* checkBlock(table, catalog, "部门预算支出经济分类", "deptEconomic", true);
    yield* checkBlock(table, catalog, "政府预算支出经济分类", "govEconomic", false);
  }
}

const rule: Rule = { meta, check };
export default rule;
