/**
 * The printed header of a grid: which leading rows are header rows, and the header path of each column
 * (`基本支出/人员经费支出` when a merged parent cell stands over it).
 */
import type { HeaderCell } from "../../model/table.ts";
import { compact, looksLikeAmount, readCode } from "./cells.ts";
import type { GridRow } from "./pieces.ts";

const HEADER_WORDS = /科目|编码|代码|名称|合计|小计|经费|备注|金额|项目|预算数|决算数|收入|支出|类别|品目|数量|简介|单位|拨款|资金|费/;

/** The `**` row the template prints under the header: the 合计 row, with its figures missing. */
export function isPlaceholderRow(row: GridRow): boolean {
  const filled = row.cells.filter((c) => c.trim() !== "");
  return filled.length > 0 && filled.every((c) => /^\*+$/.test(c.trim()));
}

function isHeaderRow(row: GridRow): boolean {
  const filled = row.cells.filter((c) => c.trim() !== "");
  if (filled.length === 0 || isPlaceholderRow(row)) return false;
  if (filled.some((c) => looksLikeAmount(c) || readCode(c) !== null)) return false;
  return filled.every((c) => HEADER_WORDS.test(c));
}

/** How many leading rows of a row table are header rows (at most three). */
export function headerDepth(rows: readonly GridRow[]): number {
  let depth = 0;
  while (depth < Math.min(3, rows.length) && isHeaderRow(rows[depth]!)) depth += 1;
  return depth;
}

/**
 * The header path of every column. In rows above the last header row a blank cell continues the
 * merged cell to its left, as both the text format and the grid laid out from HTML print it.
 */
export function columnPaths(header: readonly GridRow[], width: number): string[] {
  const filled = header.map((row, r) => {
    const cells: string[] = [];
    for (let c = 0; c < width; c += 1) {
      const own = compact(row.cells[c] ?? "");
      const continues = r < header.length - 1 && own === "" && c > 0;
      cells.push(continues ? cells[c - 1]! : own);
    }
    return cells;
  });
  return Array.from({ length: width }, (_, c) => {
    const parts = filled.map((row) => row[c]!).filter((t) => t !== "");
    return [...new Set(parts)].join("/");
  });
}

/** The header rows as printed, one cell per printed cell. */
export function printedHeaderRows(header: readonly GridRow[]): HeaderCell[][] {
  return header.map((row) => row.cells.map((text) => ({ text })));
}

export function gridWidth(rows: readonly GridRow[]): number {
  return Math.max(0, ...rows.map((r) => r.cells.length));
}
