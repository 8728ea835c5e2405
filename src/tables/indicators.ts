/** The 绩效指标 grid shared by 表13, 表14 and 表15. */
import type { Indicator } from "../model/budget-document.ts";
import type { Column, Row } from "../model/table.ts";
import { INDICATOR_LEVEL1, INDICATOR_LEVEL2 } from "../model/vocabulary.ts";

export const INDICATOR_COLUMNS: readonly Column[] = [
  { key: "level1", label: "一级指标", kind: "text" },
  { key: "level2", label: "二级指标", kind: "text" },
  { key: "value", label: "指标值", kind: "text" },
  { key: "note", label: "备注", kind: "text" },
];

/**
 * One row per indicator (its label is the 指标内容), grouped in the template's order of 一级/二级指标.
 * A 二级指标 with no indicator keeps one blank row, as the template prints it.
 * `pad` adds leading blank cells when the table has other columns before these.
 */
export function indicatorRows(indicators: readonly Indicator[], pad = 0, group?: string): Row[] {
  const rows: Row[] = [];
  const blanks = Array.from({ length: pad }, () => null);
  for (const level1 of INDICATOR_LEVEL1) {
    for (const level2 of INDICATOR_LEVEL2[level1]) {
      const inCategory = indicators.filter((i) => i.level1 === level1 && i.level2 === level2);
      const shown = inCategory.length > 0 ? inCategory : [{ content: "", value: "", note: undefined }];
      for (const indicator of shown) {
        rows.push({
          label: indicator.content,
          level: 2,
          kind: "item",
          ...(group ? { group } : {}),
          values: [...blanks, level1, level2, indicator.value || null, indicator.note ?? null],
        });
      }
    }
  }
  return rows;
}
