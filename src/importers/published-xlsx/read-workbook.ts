/**
 * Reads a published workbook (.xlsx) into the same Disclosure the text reader produces: Gongkai's own
 * published workbook (src/renderers/xlsx) and the workbooks units publish today — one table per sheet,
 * the title and 单位 line in the first rows, merged multi-row headers.
 *
 * A sheet is a grid of cells, as a text table is, so the sheets are turned into the text reader's pieces
 * (lines of text and grids) and read by its table finder and canonical mapping
 * (src/importers/published/find-tables.ts, canonical.ts): there is one mapping of printed tables onto
 * the standard columns, not two.
 *
 * - A merged cell keeps its text in its top-left cell only (exceljs repeats the master's value in every
 *   cell of the merge; those are blanked), which is how the text reader sees a merged header.
 * - The rows above a sheet's grid (title, 表号, `单位：元`, cover lines) become lines; a sheet named
 *   like a table (`表5`, `表13-2`) stands for its title when no row gives one.
 * - `注` lines below the grid stay lines (the table's notes); a sheet with no grid is narrative text.
 * - A number is read through its shortest decimal string, so a figure written from fen comes back exact;
 *   float noise from a formula (0.30000000000000004) is cut at the sixth decimal (a fen of 万元).
 * - A formula is read by its cached result; a formula without one (a workbook written by a program and
 *   never opened in Excel) and an error value (#REF!) are reported in `unread` with the cell's address.
 * - Row numbers: every row's `source.line` is its row number in its own sheet, so a finding's
 *   `表5 … （第 7 行）` is row 7 of the sheet 表5.
 *
 * @example
 * const disclosure = await readPublishedWorkbook(readFileSync("unit-2023.xlsx"), { origin: "unit-2023.xlsx" });
 */
import ExcelJS from "exceljs";
import type { Disclosure } from "../../model/disclosure.ts";
import type { Table } from "../../model/table.ts";
import { compact, statedUnit } from "../published/cells.ts";
import { coverEntry, nameLine, statedUnitKind, titleFacts } from "../published/facts.ts";
import { locateTables } from "../published/find-tables.ts";
import { readNarrative } from "../published/narrative.ts";
import { type GridPiece, type GridRow, type Piece, type TextPiece, textPiece, type Unread } from "../published/pieces.ts";
import { isNumberLine, isTitleLike, printedNumber } from "../published/titles.ts";

export interface WorkbookReadOptions {
  /** The file or address the workbook came from. */
  readonly origin: string;
}

export async function readPublishedWorkbook(data: Buffer | ArrayBuffer | Uint8Array, options: WorkbookReadOptions): Promise<Disclosure> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as ArrayBuffer);
  return readWorkbook(workbook, options);
}

/** The Disclosure of a workbook already loaded with exceljs. */
export function readWorkbook(workbook: ExcelJS.Workbook, options: WorkbookReadOptions): Disclosure {
  const unread: Unread[] = [];
  const pieces = workbook.worksheets.filter((s) => s.state !== "hidden" && s.state !== "veryHidden").flatMap((s) => sheetPieces(s, unread));
  return disclosureOfPieces(pieces, options.origin, unread);
}

// ---------------------------------------------------------------------------------------------------
// Cells

/**
 * The text of one cell, as a reader of the printed sheet sees it; merged cells other than the top-left
 * one are blank. Formulas give their cached result; one without a result, and error values, are reported.
 */
export function cellText(cell: ExcelJS.Cell, sheet: string, unread: Unread[]): string {
  if (cell.isMerged && cell.master.address !== cell.address) return "";
  return valueText(cell.value, cell, sheet, unread).replace(/\r\n?/g, "\n").trim();
}

function valueText(value: ExcelJS.CellValue, cell: ExcelJS.Cell, sheet: string, unread: Unread[]): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return numberText(value);
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "是" : "否";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    if (result === undefined || result === null) {
      const formula = "formula" in value ? value.formula : (value as ExcelJS.CellSharedFormulaValue).sharedFormula;
      unread.push({ text: `=${formula}`, source: { line: Number(cell.row) }, why: `${sheet}!${cell.address} 是公式，但文件中没有它的计算结果（请在 Excel 或 WPS 中打开并保存后再检查），未读` });
      return "";
    }
    if (typeof result === "object" && "error" in result) return errorText(result.error, cell, sheet, unread);
    return valueText(result as ExcelJS.CellValue, cell, sheet, unread);
  }
  if ("error" in value) return errorText(value.error, cell, sheet, unread);
  if ("text" in value) return typeof value.text === "string" ? value.text : valueText(value.text as ExcelJS.CellValue, cell, sheet, unread);
  return "";
}

function errorText(error: string, cell: ExcelJS.Cell, sheet: string, unread: Unread[]): string {
  unread.push({ text: error, source: { line: Number(cell.row) }, why: `${sheet}!${cell.address} 是错误值 ${error}，未读` });
  return "";
}

/**
 * A number as decimal text: its shortest round-trip form (what was written from fen comes back exact),
 * or, for float noise and exponent forms, the number rounded to six decimals (the fen of 万元) with
 * trailing zeros dropped. A figure with more real decimals than a fen carries then fails to read as an
 * amount in its table's unit and is reported there.
 */
export function numberText(value: number): string {
  const shortest = String(value);
  if (!/e/i.test(shortest) && (shortest.split(".")[1]?.length ?? 0) <= 6) return shortest;
  const fixed = value.toFixed(6).replace(/\.?0+$/, "");
  return Math.abs(Number(fixed) - value) <= Math.abs(value) * 1e-12 + 1e-12 ? fixed : shortest;
}

// ---------------------------------------------------------------------------------------------------
// Sheets → pieces

interface SheetRow {
  readonly line: number;
  readonly cells: readonly string[];
  readonly filled: readonly string[];
}

const COVER_CELL = /保密审查|审签/;
const NOTE = /^(?:注[：:]|\d+[、.．])/;

/** Cells that read as a line above a table: title, 表号, 单位, a `名称：…` line, a cover statement. */
function isLineCell(text: string): boolean {
  const t = compact(text);
  return isTitleLike(t) || isNumberLine(t) || statedUnit(t) !== undefined || /[：:]/.test(t) || t === "目录" || /年.*(预算|决算)/.test(t);
}

function sheetRows(sheet: ExcelJS.Worksheet, unread: Unread[]): SheetRow[] {
  const rows: SheetRow[] = [];
  const width = sheet.columnCount;
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    if (row.hidden) return;
    const cells: string[] = [];
    for (let c = 1; c <= width; c += 1) cells.push(cellText(row.getCell(c), sheet.name, unread));
    const filled = cells.filter((c) => c !== "");
    if (filled.length > 0) rows.push({ line, cells, filled });
  });
  return rows;
}

/** A row above the grid: one or two cells, each a title, 表号, 单位 or `…：…` line. */
function isLineRow(row: SheetRow): boolean {
  if (row.filled.length === 2 && COVER_CELL.test(row.filled[0]!) && !/[：:]/.test(row.filled[0]!)) return true;
  return row.filled.length <= 2 && row.filled.every(isLineCell);
}

/** A cover statement printed in two cells (`保密审查情况 | 已审查`) is read as one line. */
function lineTexts(row: SheetRow): string[] {
  if (row.filled.length === 2 && COVER_CELL.test(row.filled[0]!) && !/[：:]/.test(row.filled[0]!)) return [`${row.filled[0]}：${row.filled[1]}`];
  return [...row.filled];
}

/** A line that belongs just above the grid (the finder reads them as the table's title lines). */
function isTitleLine(text: string): boolean {
  const t = compact(text);
  return isTitleLike(t) || isNumberLine(t) || (statedUnit(t) !== undefined && /单位[：:]|^[（(]/.test(t)) || t === "目录";
}

export function sheetPieces(sheet: ExcelJS.Worksheet, unread: Unread[]): Piece[] {
  const rows = sheetRows(sheet, unread);
  // A sheet of single cells (a 说明 sheet) is text throughout.
  const first = rows.some((r) => r.filled.length > 1) ? rows.findIndex((r) => !isLineRow(r)) : -1;
  const texts = (list: readonly SheetRow[]) => list.flatMap((r) => lineTexts(r).flatMap((t) => textPiece(t, r.line) ?? []));
  if (first < 0) return texts(rows);
  let last = rows.length - 1;
  while (last > first && rows[last]!.filled.length === 1 && NOTE.test(compact(rows[last]!.filled[0]!))) last -= 1;
  // A note's numbered lines follow its 注 line; a lone numbered line at the end is the grid's own row.
  while (last < rows.length - 1 && !/^注/.test(compact(rows[last + 1]!.filled[0]!))) last += 1;
  const above = texts(rows.slice(0, first));
  const titled = above.filter((p) => isTitleLine(p.text));
  const fromName = titled.some((p) => isTitleLike(p.text) || isNumberLine(p.text)) ? [] : sheetNameLine(sheet.name, rows[first]!.line);
  const grid = gridPiece(rows.slice(first, last + 1));
  return [...above.filter((p) => !titled.includes(p)), ...fromName, ...titled, grid, ...texts(rows.slice(last + 1))];
}

/** A sheet named `表5` or `表13-2` (or with a title for a name) stands for the title no row prints. */
function sheetNameLine(name: string, line: number): TextPiece[] {
  const text = compact(name);
  if (isTitleLike(text)) return textPiece(text, line) ? [textPiece(text, line)!] : [];
  const number = printedNumber(text);
  return number === undefined ? [] : [{ kind: "text", text: `表${number}`, line, marked: false }];
}

function gridPiece(rows: readonly SheetRow[]): GridPiece {
  const width = Math.max(0, ...rows.map((r) => r.cells.reduce((w, c, i) => (c !== "" ? i + 1 : w), 0)));
  const gridRows: GridRow[] = rows.map((r) => ({ cells: r.cells.slice(0, width), line: r.line }));
  return { kind: "grid", rows: gridRows, line: rows[0]!.line };
}

// ---------------------------------------------------------------------------------------------------
// Pieces → Disclosure (as read-published.ts assembles it for text)

function disclosureOfPieces(pieces: readonly Piece[], origin: string, cellsUnread: readonly Unread[]): Disclosure {
  const located = locateTables(pieces);
  const texts = pieces.filter((p): p is TextPiece => p.kind === "text");
  const cover: Record<string, string> = {};
  const coverPieces = new Set<Piece>();
  for (const piece of texts) {
    const entry = coverEntry(piece.text);
    if (entry) cover[entry[0]] = entry[1];
    if (entry || nameLine(piece.text)) coverPieces.add(piece);
  }
  const narrativePieces = texts.filter((p) => !located.used.has(p) && !coverPieces.has(p));
  const unitKind = statedUnitKind(narrativePieces.map((p) => p.text).join("\n"));
  return {
    origin,
    originKind: "published",
    ...titleFacts(texts),
    ...(unitKind ? { unitKind } : {}),
    cover,
    toc: located.toc,
    tables: located.tables.map((t) => withTocReason(t, located.toc)),
    narrative: readNarrative(narrativePieces),
    unread: [...cellsUnread, ...located.unread],
  };
}

/** An empty table takes the 目录's reason, else its own 注's (as read-published.ts does for text). */
function withTocReason(table: Table, toc: Disclosure["toc"]): Table {
  if (!table.empty) return table;
  const entry = toc.find((e) => e.number === table.number);
  if (entry?.empty && entry.emptyReason) return { ...table, emptyReason: entry.emptyReason };
  const note = table.notes?.find((n) => /无|空表|不涉及/.test(n));
  return note ? { ...table, emptyReason: note.replace(/^注[：:]\s*/, "").replace(/^本表为空表。/, "") } : table;
}
