/**
 * @fileoverview 表6 and 表8 disclose the 一般公共预算 by 经济分类 down to 款 (5-digit codes): every detail
 * row carries a 部门经济 款 code and, in its 政府经济科目编码 column, a 政府经济 款 code. A 类 row with
 * 款 rows printed under it (a code starting with its code) is a subtotal, not a detail row, and must
 * equal the 款 rows under it.
 */
import type { Disclosure } from "../../model/disclosure.ts";
import type { Table } from "../../model/table.ts";
import { detailLevelReports, levelReport, subtotalReports } from "../levels.ts";
import type { Report, Rule } from "../rule.ts";
import { cellValue, detailRows, tableWithContent } from "../tables.ts";

// ---------------------------------------------------------------------------------------------------
// Helpers

const GOV_CODE = "政府经济科目编码";

function* checkGovCodes(table: Table): Generator<Report> {
  for (const row of detailRows(table)) {
    const code = cellValue(table, row, GOV_CODE);
    const report = typeof code === "string" ? levelReport(table, row, GOV_CODE, "govEconomic", code, "款") : undefined;
    if (report) yield report;
  }
}

// ---------------------------------------------------------------------------------------------------
// Rule Definition

export const meta: Rule["meta"] = {
  id: "economic-detail-level",
  description: "一般公共预算支出按经济分类公开到款级科目",
  category: "catalog",
  severity: "error",
  tables: [6, 8],
  messages: {
    notDetailLevel: "表{table}“{name}”行的科目编码 {code} 是{level}级，本表应细化到{wanted}级（{digits}位编码）",
    missingCode: "表{table}“{name}”行有金额但没有科目编码，无法确认是否细化到{wanted}级",
    subtotalMismatch: "表{table}小计行 {code} 的“{column}”为 {actual}，但其下各明细行之和为 {expected}",
  },
};

export function* check(disclosure: Disclosure): Generator<Report> {
  for (const number of [6, 8] as const) {
    const table = tableWithContent(disclosure, number);
    if (!table) continue;
    yield* detailLevelReports(table, "deptEconomic", "款");
    yield* checkGovCodes(table);
    yield* subtotalReports(table);
  }
}

const rule: Rule = { meta, check };
export default rule;
