/**
 * @fileoverview Every 绩效指标 printed in a 绩效目标表 (表13 per project, 表14 整体, 表15 专项资金) has its
 * 指标值: an indicator without a target value commits to nothing (the seed's 表14 lists 事项办结率 and
 * both 满意度 indicators with no value). The template's empty placeholder rows (指标2：…) carry no
 * 指标内容 and are not indicators.
 */
import type { Disclosure } from "../../model/disclosure.ts";
import type { Report, Rule } from "../rule.ts";
import { cellRef, cellValue, normaliseLabel } from "../tables.ts";

// ---------------------------------------------------------------------------------------------------
// Rule Definition

export const meta: Rule["meta"] = {
  id: "indicator-values",
  description: "绩效目标表中每个绩效指标都填写了指标值",
  category: "template",
  severity: "warning",
  tables: [13, 14, 15],
  messages: {
    missingValue: "表{table}的绩效指标“{indicator}”（{level2}）没有填写指标值",
  },
};

export function* check(disclosure: Disclosure): Generator<Report> {
  for (const table of disclosure.tables) {
    if (table.number < 13 || table.empty) continue;
    for (const row of table.rows) {
      const level2 = cellValue(table, row, "二级指标");
      if (row.kind !== "item" || typeof level2 !== "string" || normaliseLabel(row.label) === "") continue;
      const value = cellValue(table, row, "指标值");
      if (typeof value === "string" && value.trim() !== "") continue;
      yield {
        messageId: "missingValue",
        data: { table: table.number, indicator: row.label, level2 },
        cells: [cellRef(table, row, "指标值")],
      };
    }
  }
}

const rule: Rule = { meta, check };
export default rule;
