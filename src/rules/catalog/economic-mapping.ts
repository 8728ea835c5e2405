/**
 * @fileoverview The 政府经济科目 of each row of 表6 and 表8 is the one the 对照表 (政府预算和部门预算
 * 支出经济分类科目对照表) gives for its 部门经济科目 and the unit's kind: a 行政单位 or 参公单位 maps to
 * the 机关 classes 501–504, a 事业单位 to 505/506 (30101 → 50101 for a 行政单位, 50501 for a 事业单位).
 * Skipped when the unit's kind is unknown, and for a 部门经济科目 the 对照表 does not cover. A code that is
 * the 对照表's for the other kind of unit is a warning, and nothing when other rows of the table follow
 * the unit's own kind: a 部门 that consolidates 行政 and 事业 units prints both columns of the 对照表
 * while the disclosure states one kind only (in a built disclosure, the document's validation has already
 * checked each line against its own unit's kind). The fix is the 对照表's code and its name.
 */
import type { Catalog } from "../../catalog/catalog.ts";
import type { Disclosure } from "../../model/disclosure.ts";
import { type EconomicMappingKind, economicMappingKind } from "../../model/vocabulary.ts";
import type { Row, Table } from "../../model/table.ts";
import type { Report, Rule } from "../rule.ts";
import { cellRef, cellValue, columnIndex, detailRows, tableWithContent } from "../tables.ts";

// ---------------------------------------------------------------------------------------------------
// Helpers

const GOV_CODE = "政府经济科目编码";
const GOV_NAME = "政府经济科目名称";

const OTHER_KIND: Record<EconomicMappingKind, EconomicMappingKind> = { 机关: "事业单位", 事业单位: "机关" };

/** The printed 政府经济科目编码 of a row ("" when blank). */
function govCodeOf(table: Table, row: Row): string {
  const printed = cellValue(table, row, GOV_CODE);
  return typeof printed === "string" ? printed : "";
}

/**
 * Whether a table follows the 对照表 of each kind in some row whose 部门经济科目 the two kinds map apart:
 * a 部门 consolidating 行政 and 事业 units, whose rows of the other kind are then not reported.
 */
function followsBothKinds(table: Table, rows: readonly Row[], catalog: Catalog, kind: EconomicMappingKind): boolean {
  const follows = (k: EconomicMappingKind) =>
    rows.some((r) => {
      const own = r.code === undefined ? undefined : catalog.govEconomicFor(r.code, k);
      const other = r.code === undefined ? undefined : catalog.govEconomicFor(r.code, OTHER_KIND[k]);
      return own !== undefined && own !== other && govCodeOf(table, r) === own;
    });
  return follows(kind) && follows(OTHER_KIND[kind]);
}

function rowReport(table: Table, row: Row, catalog: Catalog, kind: EconomicMappingKind, unitKind: string, mixed: boolean): Report | undefined {
  const expected = row.code === undefined ? undefined : catalog.govEconomicFor(row.code, kind);
  if (expected === undefined) return undefined;
  const actual = govCodeOf(table, row);
  if (actual === expected) return undefined;
  const expectedName = catalog.lookup("govEconomic", expected)?.name ?? "";
  const codeCell = cellRef(table, row, GOV_CODE);
  const data = { table: table.number, code: row.code!, unitKind, actual, expected, expectedName, otherKind: OTHER_KIND[kind] };
  const fix = {
    description: `改为 ${expected} ${expectedName}`,
    cells: [
      { cell: codeCell, value: expected },
      { cell: cellRef(table, row, GOV_NAME), value: expectedName },
    ],
  };
  const base = { data, cells: [codeCell, cellRef(table, row)], expected, fix };
  if (actual === "") return { messageId: "missingGovCode", ...base, actual: null };
  if (actual === catalog.govEconomicFor(row.code!, OTHER_KIND[kind])) {
    return mixed ? undefined : { messageId: "otherKindMapping", ...base, actual, severity: "warning" };
  }
  return { messageId: "wrongMapping", ...base, actual };
}

// ---------------------------------------------------------------------------------------------------
// Rule Definition

export const meta: Rule["meta"] = {
  id: "economic-mapping",
  description: "政府经济科目与部门经济科目按单位类型符合经济分类对照表",
  category: "catalog",
  severity: "error",
  tables: [6, 8],
  messages: {
    wrongMapping: "表{table}部门经济科目 {code} 对应的政府经济科目为 {actual}，按对照表（{unitKind}）应为 {expected} {expectedName}",
    otherKindMapping:
      "表{table}部门经济科目 {code} 对应的政府经济科目 {actual} 是{otherKind}的对照，本单位为{unitKind}，应为 {expected} {expectedName}（部门汇总了不同类型的单位时除外）",
    missingGovCode: "表{table}部门经济科目 {code} 没有填写政府经济科目，按对照表（{unitKind}）应为 {expected} {expectedName}",
  },
};

export function* check(disclosure: Disclosure, context: { catalog?: Catalog }): Generator<Report> {
  const catalog = context.catalog;
  const unitKind = disclosure.unitKind;
  if (!catalog || !unitKind) return;
  const kind = economicMappingKind(unitKind);
  for (const number of [6, 8] as const) {
    const table = tableWithContent(disclosure, number);
    // Many templates (the central 9-table set, most provinces) print no 政府经济科目 at all: nothing to check.
    if (!table || columnIndex(table, "政府经济科目编码") < 0) continue;
    const rows = detailRows(table);
    // A built disclosure states the 部门's own kind, while each line was checked against its own unit's
    // kind when the document was validated: other-kind rows there are member units, not mistakes.
    const mixed = disclosure.originKind === "built" || followsBothKinds(table, rows, catalog, kind);
    for (const row of rows) {
      const report = rowReport(table, row, catalog, kind, unitKind, mixed);
      if (report) yield report;
    }
  }
}

const rule: Rule = { meta, check };
export default rule;
