/**
 * The 目录 of the tables: a grid of 报表 | 报表名称 | 是否空表 | 公开空表理由, one line per standard table.
 */
import type { TocEntry } from "../../model/disclosure.ts";
import { compact } from "./cells.ts";
import { columnPaths, gridWidth } from "./header.ts";
import type { GridPiece } from "./pieces.ts";
import { notStandardReason, printedNumber, titleCandidates } from "./titles.ts";

/** A grid is the 目录 when its header names the 报表名称 and whether each is 空表. */
export function isTocGrid(grid: GridPiece): boolean {
  const first = grid.rows[0]?.cells.map(compact) ?? [];
  return first.some((c) => /报表名称|表名/.test(c)) && first.some((c) => /空表|序号|表号|编号|报表$/.test(c));
}

export function readToc(grid: GridPiece): TocEntry[] {
  const paths = columnPaths(grid.rows.slice(0, 1), gridWidth(grid.rows));
  const find = (test: RegExp) => paths.findIndex((p) => test.test(p));
  const titleColumn = find(/名称/);
  const emptyColumn = find(/是否空表/);
  const reasonColumn = find(/理由|原因|说明/);
  const numberColumn = paths.findIndex((p, i) => i !== titleColumn && /报表|表号|序号/.test(p));
  const entries: TocEntry[] = [];
  for (const row of grid.rows.slice(1)) {
    const cell = (i: number) => (i < 0 ? "" : (row.cells[i] ?? "").trim());
    const printed = printedNumber(cell(numberColumn)) ?? printedNumber(cell(titleColumn));
    const title = cell(titleColumn).replace(/^表\s*\d+\s*/, "");
    // The title names the standard table; the printed 表号 may be another template's numbering.
    const candidates = titleCandidates(title);
    const number = candidates.length === 1 || printed === undefined || !candidates.includes(printed) ? (candidates[0] ?? (notStandardReason(title) ? undefined : printed)) : printed;
    if (number === undefined) continue;
    const reason = cell(reasonColumn);
    entries.push({
      number,
      title,
      empty: compact(cell(emptyColumn)) === "是",
      ...(reason ? { emptyReason: reason } : {}),
      source: { line: row.line },
    });
  }
  return entries;
}
