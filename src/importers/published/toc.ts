/**
 * The 目录 of the tables: a grid of 报表 | 报表名称 | 是否空表 | 公开空表理由, one line per standard table;
 * or, as other provinces print it, plain numbered lines under `目录` (`一、收支预算总表`, `表1 收支总表`,
 * `1.收支总表（空表）`).
 */
import type { TocEntry } from "../../model/disclosure.ts";
import type { TableNumber } from "../../model/vocabulary.ts";
import { compact, halfWidth } from "./cells.ts";
import { columnPaths, gridWidth } from "./header.ts";
import type { GridPiece, Piece, TextPiece } from "./pieces.ts";
import { isTitleLike, notStandardReason, printedNumber, titleCandidates } from "./titles.ts";

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
    const number = entryNumber(title, printed);
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

/** The standard table a 目录 title names; a printed 表号 settles a title that fits two (基本支出表). */
function entryNumber(title: string, printed: TableNumber | undefined): TableNumber | undefined {
  const candidates = titleCandidates(title);
  return candidates.length === 1 || printed === undefined || !candidates.includes(printed) ? (candidates[0] ?? (notStandardReason(title) ? undefined : printed)) : printed;
}

/** The numbering in front of a 目录 line: `表1`, `表1-2`, `一、`, `1.`, `（1）`; the digits of a 表号 or arabic number. */
const ENTRY_NUMBERING = /^(?:表\s*([0-9]{1,2})(?:[-－—][0-9]{1,2})?[\s：:.、]*|[一二三四五六七八九十]+[、.]\s*|([0-9]{1,2})[、.]\s*|[（(][0-9一二三四五六七八九十]{1,2}[)）]\s*)/;
/** Leader dots and a page number after the title (`收支总表…………3`). */
const LEADER = /(?:[.…·。]{2,}|\s)\s*[0-9]{0,3}$/;
/** `（空表）`, `（空表，本单位无……）`, `(无数据)` after the title. */
const EMPTY_MARK = /[（(]\s*(?:空表|无数据|本表无数据|此表为空)\s*(?:[：:，,；;]\s*([^）)]*))?[）)]$/;
/** At most this many lines of a 目录 are looked at. */
const CONTENTS_LIMIT = 60;

/** A plain 目录 line naming a table, or undefined. */
function tocLine(piece: TextPiece): TocEntry | undefined {
  // Matched on the half-width form (one character for one), cut from the printed one.
  let text = compact(piece.text);
  const numbering = ENTRY_NUMBERING.exec(halfWidth(text));
  const printedDigits = numbering?.[1] ?? numbering?.[2];
  if (numbering) text = text.slice(numbering[0].length);
  const leader = LEADER.exec(halfWidth(text));
  if (leader) text = text.slice(0, leader.index);
  const empty = EMPTY_MARK.exec(halfWidth(text));
  const title = empty ? text.slice(0, empty.index) : text;
  const reason = empty?.[1] === undefined ? undefined : text.slice(text.length - 1 - empty[1].length, -1).trim();
  if (!isTitleLike(title)) return undefined;
  const printed = printedDigits === undefined ? undefined : Number(printedDigits);
  const number = entryNumber(title, printed !== undefined && printed >= 1 && printed <= 15 ? (printed as TableNumber) : undefined);
  if (number === undefined && !notStandardReason(title)) return undefined;
  return {
    number: number ?? 1,
    title,
    empty: empty !== null,
    ...(reason ? { emptyReason: reason } : {}),
    source: { line: piece.line },
  };
}

/**
 * The 目录 printed as lines after the `目录` line at `at`: the table lines up to the first sentence, grid,
 * 单位 line or line printed a second time (the body's first title). Lines of the narrative's own contents
 * (`第一部分 单位概况`) between them are left to the narrative. Undefined when fewer than two tables are listed.
 */
export function readTocLines(pieces: readonly Piece[], at: number): { entries: TocEntry[]; used: Piece[] } | undefined {
  const entries: TocEntry[] = [];
  const used: Piece[] = [];
  const seen = new Set<string>();
  let direct = true;
  for (let i = at + 1; i < Math.min(pieces.length, at + 1 + CONTENTS_LIMIT); i += 1) {
    const piece = pieces[i]!;
    if (piece.kind !== "text") break;
    const text = compact(piece.text);
    if (seen.has(text) || /[。；;]/.test(text) || /^(?:金额)?单位[：:]/.test(text) || text.length > 60) break;
    seen.add(text);
    const entry = tocLine(piece);
    if (!entry) {
      if (entries.length === 0) direct = false;
      continue;
    }
    used.push(piece);
    // A line naming another template's table (国有资本经营预算支出表) is part of the 目录 but no entry.
    if (!notStandardReason(entry.title)) entries.push(entry);
  }
  if (used.length < 2) return undefined;
  return { entries, used: direct ? [pieces[at]!, ...used] : used };
}
