/**
 * Finds the standard tables among the pieces: a grid preceded by its title (and perhaps a 表号 line and
 * a `单位：元` line), the 目录 grid, and the 注 lines after a table. A grid whose title names no
 * standard table, or that has no title at all, is reported as unread rather than guessed at.
 */
import type { TocEntry } from "../../model/disclosure.ts";
import type { MeasureUnit, Table } from "../../model/table.ts";
import type { TableNumber } from "../../model/vocabulary.ts";
import { readBlocksTable } from "./blocks-table.ts";
import { FUND_ROW_TABLE, ROW_TABLES } from "./canonical.ts";
import { compact, readCode, splitCodedLabel, statedUnit } from "./cells.ts";
import { readFormTable } from "./form-table.ts";
import type { GridPiece, Piece, TextPiece, Unread } from "./pieces.ts";
import { type ReadResult, readRowTable, type TableStart } from "./row-table.ts";
import { isNumberLine, isTemplateWording, isTitleLike, notStandardReason, printedNumber, STANDARD_TITLES, titleCandidates } from "./titles.ts";
import { isTocGrid, readToc, readTocLines } from "./toc.ts";

export interface Located {
  readonly tables: readonly Table[];
  readonly toc: readonly TocEntry[];
  readonly unread: readonly Unread[];
  /** Text pieces that belong to tables (titles, 单位 lines, notes), not to the narrative. */
  readonly used: ReadonlySet<Piece>;
}

interface Pending {
  number?: TableNumber;
  title?: TextPiece;
  unit?: MeasureUnit;
  pieces: TextPiece[];
}

interface LastGrid {
  readonly index: number;
  readonly grid: GridPiece;
  readonly pending: Pending;
  readonly unreadFrom: number;
}

const BLOCK_TABLES: readonly TableNumber[] = [1, 4, 9];
const FORM_TABLES: readonly TableNumber[] = [13, 14, 15];
const UNIT_LINE = /^(?:金额)?单位[：:]|[（(](?:万元|千元|元)[）)]$/;
const NOTE_START = /^注[：:]/;
const NOTE_MORE = /^\d+[、.．]/;
const CONTENTS = /^目\s*录$/;

export function locateTables(pieces: readonly Piece[]): Located {
  const tables: Table[] = [];
  const toc: TocEntry[] = [];
  const unread: Unread[] = [];
  const used = new Set<Piece>();
  // One object, emptied in place, so the helpers below and this loop always see the same pending lines.
  const pending: Pending = { pieces: [] };
  /** Index of the table that 注 lines attach to; -1 after the 目录 (its notes are the template's). */
  let notesTarget: number | undefined;
  /** The last table read from one grid, which a grid after a page break may continue. */
  let last: LastGrid | undefined;
  const release = () => {
    // A title with no grid after it is ordinary text after all.
    for (const piece of pending.pieces) used.delete(piece);
    clear(pending);
  };

  for (let at = 0; at < pieces.length; at += 1) {
    const piece = pieces[at]!;
    // Lines of a 目录 already read (a piece is otherwise marked only once it has been looked at).
    if (used.has(piece)) continue;
    if (piece.kind === "text") {
      if (notesTarget !== undefined && (NOTE_START.test(piece.text) || (notesOpen(pieces, at, used) && NOTE_MORE.test(piece.text)))) {
        used.add(piece);
        if (notesTarget >= 0) addNote(tables, notesTarget, piece.text);
        continue;
      }
      notesTarget = undefined;
      const listed = CONTENTS.test(piece.text) ? readTocLines(pieces, at) : undefined;
      if (listed) {
        // A 目录 printed as lines (`一、收支预算总表`, `表1 收支总表`, `1.收支总表（空表）`).
        release();
        toc.push(...listed.entries);
        for (const p of listed.used) used.add(p);
        continue;
      }
      if (!takeTitleLine(piece, pending, release)) {
        release();
        continue;
      }
      used.add(piece);
      continue;
    }
    notesTarget = undefined;
    if (isTocGrid(piece)) {
      toc.push(...readToc(piece));
      markContentsTitle(pieces, at, used);
      release();
      notesTarget = -1;
      continue;
    }
    const grid = withTitleRowsTaken(piece, pending, release);
    const continued = !pending.title && pending.number === undefined ? continuation(last, grid) : undefined;
    if (continued && last) {
      // A table continued on the next page, its header printed again: read the two parts as one.
      const again = readGrid(continued, last.pending, [], []);
      const table = again?.tables[0];
      if (table && again.tables.length === 1) {
        tables[last.index] = { ...table, ...(tables[last.index]!.instance ? { instance: tables[last.index]!.instance } : {}) };
        unread.splice(last.unreadFrom, unread.length - last.unreadFrom, ...again.unread);
        last = { ...last, grid: continued };
        notesTarget = last.index;
        continue;
      }
    }
    const snapshot: Pending = { ...pending, pieces: [...pending.pieces] };
    const unreadFrom = unread.length;
    const result = readGrid(grid, pending, tables, unread);
    for (const p of pending.pieces) used.add(p);
    clear(pending);
    last = undefined;
    if (result) {
      tables.push(...result.tables);
      unread.push(...result.unread);
      if (result.tables.length > 0) notesTarget = tables.length - 1;
      if (result.tables.length === 1) last = { index: tables.length - 1, grid, pending: snapshot, unreadFrom };
    }
  }
  release();
  return { tables, toc: toc.map((e) => settledEntry(e, tables)), unread, used };
}

/** Takes a 表号, title or 单位 line into `pending`; false when the line is none of these. */
function takeTitleLine(piece: TextPiece, pending: Pending, release: () => void): boolean {
  const text = piece.text;
  if (isNumberLine(text)) {
    if (pending.title || pending.number) release();
    pending.number = printedNumber(text);
  } else if (isTitleLike(text)) {
    if (pending.title) release();
    pending.title = piece;
    pending.number ??= printedNumber(text);
  } else if (UNIT_LINE.test(compact(text)) && statedUnit(text)) {
    pending.unit = statedUnit(text);
  } else {
    return false;
  }
  pending.pieces.push(piece);
  return true;
}

/** HTML tables often carry their title and 单位 in single-cell rows at the top: read those as lines. */
function withTitleRowsTaken(grid: GridPiece, pending: Pending, release: () => void): GridPiece {
  let skip = 0;
  for (const row of grid.rows) {
    const filled = row.cells.filter((c) => c.trim() !== "");
    if (filled.length !== 1) break;
    if (!takeTitleLine({ kind: "text", text: filled[0]!, line: row.line, marked: false }, pending, release)) break;
    skip += 1;
  }
  return skip === 0 ? grid : { ...grid, rows: grid.rows.slice(skip), line: grid.rows[skip]?.line ?? grid.line };
}

function readGrid(grid: GridPiece, pending: Pending, tables: readonly Table[], unread: Unread[]): ReadResult | undefined {
  const source = { line: pending.title?.line ?? grid.line };
  if (grid.rows.length === 0) return undefined;
  if (!pending.title && pending.number === undefined) {
    const text = grid.rows[0]!.cells.filter((c) => c.trim() !== "").join(" | ");
    unread.push({ text, source, why: "表格前没有能认出的表名或表号" });
    return undefined;
  }
  const number = resolveNumber(grid, pending, unread);
  if (number === undefined) return undefined;
  // `表13-1`: the instance number goes with the 表号, not into the title.
  const printedTitle = pending.title?.text.replace(/^表\s*[0-9０-９]+(?:[-－][0-9０-９]+)?\s*[：:.、]?\s*/, "");
  const start: TableStart = { number, title: printedTitle || STANDARD_TITLES[number], unit: unitOf(number, grid, pending, unread), line: source.line };
  const result = readByLayout(start, grid);
  if (number !== 13 && number !== 15) return result;
  const instance = tables.filter((t) => t.number === number).length + 1;
  return { ...result, tables: result.tables.map((t) => ({ ...t, instance })) };
}

function readByLayout(start: TableStart, grid: GridPiece): ReadResult {
  if (BLOCK_TABLES.includes(start.number)) {
    const blocks = readBlocksTable(start, grid);
    // 表9 of other templates is a row table by 功能科目.
    if (start.number === 9 && blocks.tables.length === 0) {
      const rows = readRowTable(start, grid, FUND_ROW_TABLE);
      if (rows.tables.length > 0) return rows;
    }
    return blocks;
  }
  if (FORM_TABLES.includes(start.number)) return readFormTable(start, grid);
  const spec = ROW_TABLES[start.number];
  if (!spec) return { tables: [], unread: [{ text: start.title, source: { line: start.line }, why: `表${start.number}没有读法` }] };
  return readRowTable(start, grid, spec);
}

/**
 * The table's number from its title. A title that fits two tables (一般公共预算基本支出表) is settled by
 * the header's 功能 / 经济, then by the codes in the rows (2… 功能, 3…/5… 经济), then by the printed 表号.
 * A printed 表号 that contradicts a title in the template's own wording is reported; other templates
 * number their tables their own way (上海 表8 政府性基金预算支出预算表 is this template's 表9).
 */
function resolveNumber(grid: GridPiece, pending: Pending, unread: Unread[]): TableNumber | undefined {
  const title = pending.title;
  const printed = pending.number;
  if (!title) return printed;
  const source = { line: title.line };
  const candidates = titleCandidates(title.text);
  if (candidates.length === 0) {
    unread.push({ text: title.text, source, why: notStandardReason(title.text) ?? "表名对不上任何标准表，整张表未读" });
    return undefined;
  }
  if (candidates.length === 1) {
    const number = candidates[0]!;
    if (printed !== undefined && printed !== number && isTemplateWording(title.text)) {
      unread.push({ text: title.text, source, why: `印的表号是表${printed}，表名却是表${number}的，按表名读作表${number}` });
    }
    return number;
  }
  const header = compact(grid.rows.slice(0, 3).map((r) => r.cells.join("")).join(""));
  if (/功能/.test(header) && !/经济/.test(header)) return candidates[0];
  if (/经济/.test(header) && !/功能/.test(header)) return candidates[1];
  const byCodes = classificationOfCodes(grid);
  if (byCodes) return byCodes === "function" ? candidates[0] : candidates[1];
  if (printed !== undefined && candidates.includes(printed)) return printed;
  unread.push({ text: title.text, source, why: `表名可能是表${candidates.join("或表")}，表头也分不清，整张表未读` });
  return undefined;
}

/** Which classification the rows' codes are from: 功能 codes start with 2, 经济 codes with 3 or 5. */
function classificationOfCodes(grid: GridPiece): "function" | "economic" | undefined {
  const codes = grid.rows.flatMap((r) => {
    const first = (r.cells[0] ?? "").trim();
    const code = readCode(first) ?? splitCodedLabel(first).code;
    return code ? [code] : [];
  });
  if (codes.length === 0) return undefined;
  if (codes.every((c) => c.startsWith("2"))) return "function";
  if (codes.every((c) => c.startsWith("3") || c.startsWith("5"))) return "economic";
  return undefined;
}

/** The stated unit; else one a header states (`预算数（万元）`); the 绩效目标 forms are in 万元 by template. */
function unitOf(number: TableNumber, grid: GridPiece, pending: Pending, unread: Unread[]): MeasureUnit {
  if (pending.unit) return pending.unit;
  if (FORM_TABLES.includes(number)) return "万元";
  const fromHeader = grid.rows
    .slice(0, 3)
    .flatMap((r) => r.cells)
    .map(statedUnit)
    .find((u) => u !== undefined);
  if (fromHeader) return fromHeader;
  unread.push({ text: pending.title?.text ?? `表${number}`, source: { line: grid.line }, why: `表${number}没有写金额单位，按元读` });
  return "元";
}

function clear(pending: Pending): void {
  delete pending.number;
  delete pending.title;
  delete pending.unit;
  pending.pieces = [];
}

function addNote(tables: Table[], index: number, text: string): void {
  const table = tables[index]!;
  tables[index] = { ...table, notes: [...(table.notes ?? []), text] };
}

/** A numbered line continues the notes only right after a 注 line or another note. */
function notesOpen(pieces: readonly Piece[], at: number, used: ReadonlySet<Piece>): boolean {
  const before = pieces[at - 1];
  return before !== undefined && before.kind === "text" && used.has(before) && (NOTE_START.test(before.text) || NOTE_MORE.test(before.text));
}

/** The `目录` line just above the 目录 grid is the grid's title, not narrative. */
function markContentsTitle(pieces: readonly Piece[], at: number, used: Set<Piece>): void {
  const before = pieces[at - 1];
  if (before?.kind === "text" && compact(before.text) === "目录") used.add(before);
}

/** A 目录 title that fits two tables (一般公共预算基本支出表) is the one of the two the body prints. */
function settledEntry(entry: TocEntry, tables: readonly Table[]): TocEntry {
  const candidates = titleCandidates(entry.title);
  if (candidates.length < 2) return entry;
  const printed = candidates.filter((n) => tables.some((t) => t.number === n));
  return printed.length === 1 && printed[0] !== entry.number ? { ...entry, number: printed[0]! } : entry;
}

/** The grid continues `last` when it starts with `last`'s first header row printed again. */
function continuation(last: LastGrid | undefined, grid: GridPiece): GridPiece | undefined {
  const first = grid.rows[0];
  const header = last?.grid.rows[0];
  if (!last || !first || !header) return undefined;
  const same = (a: readonly string[], b: readonly string[]) => compact(a.join("")) === compact(b.join(""));
  if (!same(first.cells, header.cells)) return undefined;
  return { ...last.grid, rows: [...last.grid.rows, ...grid.rows] };
}
