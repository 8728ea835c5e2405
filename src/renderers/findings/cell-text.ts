import type { CellRef, Finding } from "../../model/finding.ts";

/** `表4 · 支出功能分类科目（按大类） · 一、财政拨款 · 预算数 (第 120 行)` — how a person names a cell. */
export function describeCell(cell: CellRef): string {
  const parts = [`表${cell.table}${cell.instance ? `-${cell.instance}` : ""}`];
  if (cell.group) parts.push(cell.group);
  const row = [cell.rowCode, cell.rowLabel].filter(Boolean).join(" ");
  if (row) parts.push(row);
  if (cell.column) parts.push(cell.column);
  const where = [cell.source?.page ? `第 ${cell.source.page} 页` : "", cell.source?.line ? `第 ${cell.source.line} 行` : ""]
    .filter(Boolean)
    .join("，");
  return `${parts.join(" · ")}${where ? `（${where}）` : ""}`;
}

export function describeWhere(finding: Finding): string {
  if (finding.cells.length > 0) return finding.cells.map(describeCell).join("；");
  if (finding.narrative) {
    const line = finding.narrative.source?.line ? `（第 ${finding.narrative.source.line} 行）` : "";
    return `说明 ${finding.narrative.path.join(" ")}${line}`;
  }
  return "";
}
