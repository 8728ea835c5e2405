/**
 * The printed header of a grid: which leading rows are header rows, and the header path of each column
 * (`基本支出/人员经费支出` when a merged parent cell stands over it).
 */
import type { HeaderCell } from "../../model/table.ts";
import { compact, looksLikeAmount, readCode } from "./cells.ts";
import type { GridRow } from "./pieces.ts";

const HEADER_WORDS =
  /科目|编码|代码|名称|合计|小计|经费|备注|金额|项目|预算|决算|收入|支出|类别|品目|数量|简介|单位|拨款|资金|费|结转|结余|余额|差额|基金|补助|上缴|栏次|行次|[类款项]$|^[类款项]|功能|经济|说明|其中/;
/** A lone 合计/总计 (the other cells blank) is a total row printed without figures, not a header. */
const LONE_TOTAL = /^(?:合计|总计|本年(?:收入|支出)?合计)$/;

/** The `**` row the template prints under the header: the 合计 row, with its figures missing. */
export function isPlaceholderRow(row: GridRow): boolean {
  const filled = row.cells.filter((c) => c.trim() !== "");
  return filled.length > 0 && filled.every((c) => /^\*+$/.test(c.trim()));
}

function isHeaderRow(row: GridRow, index: number): boolean {
  const filled = row.cells.filter((c) => c.trim() !== "");
  if (filled.length === 0 || isPlaceholderRow(row) || isColumnNumberRow(row)) return false;
  if (filled.some((c) => looksLikeAmount(c) || readCode(c) !== null)) return false;
  if (index > 0 && filled.length === 1 && LONE_TOTAL.test(compact(filled[0]!))) return false;
  // Most cells name a column; a header may also carry a word the list lacks (上年结转, 单位自有资金).
  const named = filled.filter((c) => HEADER_WORDS.test(compact(c))).length;
  return named * 3 >= filled.length * 2;
}

/**
 * The 栏次 row of 决算 tables (`栏次 | | 1 | 2 | 3`) and a row of bare column numbers: it numbers the
 * columns and is neither header text nor data.
 */
export function isColumnNumberRow(row: GridRow): boolean {
  const filled = row.cells.map((c) => compact(c)).filter((c) => c !== "");
  if (filled.length < 2) return false;
  const rest = /^(?:栏次|行次)$/.test(filled[0]!) ? filled.slice(1) : filled;
  return rest.every((c) => /^(?:栏次|行次|\d{1,2})$/.test(c)) && rest.some((c) => /^\d{1,2}$/.test(c)) && (rest !== filled || rest.length >= 3);
}

/**
 * How many leading rows of a row table are header rows (at most three, and a fourth that only holds
 * 类/款/项 under a code cell printed over two rows: 支出功能分类 | 科目编码).
 */
export function headerDepth(rows: readonly GridRow[]): number {
  let depth = 0;
  while (depth < Math.min(3, rows.length) && isHeaderRow(rows[depth]!, depth)) depth += 1;
  const parts = rows[depth]?.cells.map((c) => compact(c)).filter((c) => c !== "");
  if (depth === 3 && parts?.join("") === "类款项") depth += 1;
  return depth;
}

/**
 * The header path of every column. In rows above the last header row a blank cell continues the
 * merged cell to its left, as both the text format and the grid laid out from HTML print it; below the
 * first row only as far as the cell above it does (a lower cell never reaches past the cell it is under:
 * a blank there is a cell above printed over several rows).
 */
export function columnPaths(header: readonly GridRow[], width: number): string[] {
  const continued: boolean[][] = [];
  const filled = header.map((row, r) => {
    const cells: string[] = [];
    continued.push([]);
    for (let c = 0; c < width; c += 1) {
      const own = compact(row.cells[c] ?? "");
      const continues = r < header.length - 1 && own === "" && c > 0 && (r === 0 || continued[r - 1]![c] === true);
      continued[r]!.push(continues);
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
