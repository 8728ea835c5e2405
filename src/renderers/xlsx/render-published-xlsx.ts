/**
 * A Disclosure as the published workbook (`gongkai render --format xlsx`): a 目录 sheet first (表号,
 * 报表名称, 是否空表, 公开空表理由, and the cover lines when known), then one sheet per standard table —
 * 表1 … 表15, and 表13-1, 表13-2 … for the per-project 表13 — laid out as the template prints them: the
 * title, the 单位 line, the header rows with their merged cells (HeaderCell colSpan/rowSpan → merges),
 * the code and label columns, 表1/4/9's blocks side by side, and 表13–15 as forms.
 *
 * Amounts are numbers (zero prints blank, as the template leaves it), in the table's unit (元, or 万元 for the 绩效目标 forms), shown `#,##0.00`. The
 * number is made from the fen integer through its decimal string (`225981100` fen → "2259811.00" →
 * 2259811), so it is the double nearest the exact decimal: a 元 amount has at most two decimals and
 * Excel shows it exactly; a 万元 amount keeps all six decimals of fen (225.9811) and shows two.
 * Reading the workbook back (src/importers/published-xlsx) recovers the exact fen.
 *
 * Text is always written as a string value, never as a formula: a label that starts with `=`, `+`, `-`
 * or `@` stays text (exceljs stores a string as a shared string; only a `{ formula }` value is a formula).
 *
 * Print setup: A4 landscape, fit to one page wide, the header rows repeated on every page, the header
 * rows frozen on screen.
 */
import ExcelJS from "exceljs";
import type { Disclosure } from "../../model/disclosure.ts";
import type { Fen } from "../../model/money.ts";
import type { CellValue, Field, HeaderCell, MeasureUnit, Row, Table } from "../../model/table.ts";

export const AMOUNT_FORMAT = "#,##0.00";
const FONT = "宋体";
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF2F2F2" } };
const DECIMALS: Record<MeasureUnit, number> = { 元: 2, 千元: 5, 万元: 6 };

/**
 * The amount as a number in `unit`, made from the decimal string of the fen integer (no float
 * arithmetic on money): the result is the double nearest the exact decimal value.
 */
export function amountNumber(amount: Fen, unit: MeasureUnit): number {
  const decimals = DECIMALS[unit];
  const negative = amount < 0;
  const digits = String(Math.abs(amount)).padStart(decimals + 1, "0");
  const text = `${digits.slice(0, digits.length - decimals)}.${digits.slice(digits.length - decimals)}`;
  return Number(`${negative ? "-" : ""}${text}`);
}

/** The sheet name of a table: 表5, or 表13-2 for the second 表13. */
export function sheetName(table: Pick<Table, "number" | "instance">): string {
  return `表${table.number}${table.instance ? `-${table.instance}` : ""}`;
}

/** Terminal-style width: a Chinese character takes two columns, as it does in Excel's column width units. */
function textWidth(text: string): number {
  let width = 0;
  for (const char of text) width += char.codePointAt(0)! > 0x2e80 ? 2 : 1;
  return width;
}

/** Writes cells and remembers what each column needs to be wide enough for. */
class SheetWriter {
  readonly sheet: ExcelJS.Worksheet;
  row = 1;
  readonly widths: number[] = [];
  /** Wrapped text and the columns it spans, to size its row once the columns are sized. */
  readonly wrapped: { row: number; first: number; last: number; text: string }[] = [];

  constructor(workbook: ExcelJS.Workbook, name: string) {
    this.sheet = workbook.addWorksheet(name);
  }

  /** Writes one cell: a string is always text (never a formula), a number keeps its format. */
  put(row: number, column: number, value: string | number | null, style: Partial<ExcelJS.Style> = {}, measure = true): ExcelJS.Cell {
    const cell = this.sheet.getCell(row, column);
    if (value !== null && value !== "") cell.value = value;
    cell.style = { font: { name: FONT, size: 10 }, ...style };
    if (typeof value === "string" && style.alignment?.wrapText && style.font?.size !== 16) this.wrapped.push({ row, first: column, last: column, text: value });
    if (measure && value !== null) {
      const longest = Math.max(...String(typeof value === "number" ? "0,000,000,000.00" : value).split("\n").map(textWidth));
      this.widths[column - 1] = Math.max(this.widths[column - 1] ?? 0, longest);
    }
    return cell;
  }

  merge(top: number, left: number, bottom: number, right: number): void {
    if (bottom > top || right > left) this.sheet.mergeCells(top, left, bottom, right);
    if (bottom === top && right > left) for (const w of this.wrapped) if (w.row === top && w.first === left) w.last = right;
  }

  /**
   * Row heights for wrapped text: Excel and LibreOffice do not grow a row for text wrapped in a merged
   * cell, so a long 总体目标 would print one line of many. Lines are counted from the column widths.
   */
  fitRowHeights(): void {
    const lines = new Map<number, number>();
    for (const w of this.wrapped) {
      let width = 0;
      for (let c = w.first; c <= w.last; c += 1) width += this.sheet.getColumn(c).width ?? 8;
      const count = w.text.split("\n").reduce((n, p) => n + Math.max(1, Math.ceil(textWidth(p) / Math.max(4, width - 4))), 0);
      lines.set(w.row, Math.max(lines.get(w.row) ?? 1, count));
    }
    for (const [row, count] of lines) if (count > 1) this.sheet.getRow(row).height = count * 14 + 4;
  }

  /** Column widths from content, between 8 and `max` (longer text wraps). */
  fitColumns(count: number, max = 40): void {
    for (let c = 1; c <= count; c += 1) this.sheet.getColumn(c).width = Math.min(max, Math.max(8, (this.widths[c - 1] ?? 0) + 2));
  }
}

const titleStyle: Partial<ExcelJS.Style> = {
  font: { name: FONT, size: 16, bold: true },
  alignment: { horizontal: "center", vertical: "middle", wrapText: true },
};
const headerStyle: Partial<ExcelJS.Style> = {
  font: { name: FONT, size: 10, bold: true },
  alignment: { horizontal: "center", vertical: "middle", wrapText: true },
  border: THIN,
  fill: HEADER_FILL,
};
const textStyle = (indent = 0): Partial<ExcelJS.Style> => ({
  font: { name: FONT, size: 10 },
  alignment: { horizontal: "left", vertical: "middle", wrapText: true, indent },
  border: THIN,
});
const amountStyle: Partial<ExcelJS.Style> = {
  font: { name: FONT, size: 10 },
  alignment: { horizontal: "right", vertical: "middle" },
  border: THIN,
  numFmt: AMOUNT_FORMAT,
};
const boldened = (style: Partial<ExcelJS.Style>): Partial<ExcelJS.Style> => ({ ...style, font: { name: FONT, size: 10, bold: true } });

/** A zero amount prints blank, as the template and the text renderer leave it (an empty table stays empty). */
function valueOf(value: CellValue, unit: MeasureUnit): string | number | null {
  if (value === null || value === 0) return null;
  return typeof value === "number" ? amountNumber(value as Fen, unit) : value;
}

/** Title row, then the 单位 line, across `width` columns. Returns the next free row. */
function writeTitle(w: SheetWriter, table: Table, width: number): void {
  w.put(1, 1, table.title, titleStyle, false);
  w.merge(1, 1, 1, width);
  w.sheet.getRow(1).height = 30;
  w.put(2, 1, `单位：${table.unit}`, { font: { name: FONT, size: 10 }, alignment: { horizontal: "right" } }, false);
  w.merge(2, 1, 2, width);
  w.row = 3;
}

/** The header rows with their merges, as `headerLines` of the text renderer places them. */
function writeHeader(w: SheetWriter, header: readonly (readonly HeaderCell[])[], width: number): void {
  const taken = header.map(() => new Set<number>());
  header.forEach((cells, r) => {
    let column = 0;
    for (const cell of cells) {
      while (taken[r]!.has(column)) column += 1;
      const colSpan = cell.colSpan ?? 1;
      const rowSpan = cell.rowSpan ?? 1;
      for (let dr = 0; dr < rowSpan; dr += 1) for (let dc = 0; dc < colSpan; dc += 1) taken[r + dr]?.add(column + dc);
      const top = w.row + r;
      w.put(top, column + 1, cell.text, headerStyle, colSpan === 1);
      // Border and fill on every covered position, so the merged area prints framed.
      for (let dr = 0; dr < rowSpan; dr += 1) for (let dc = 0; dc < colSpan; dc += 1) if (dr || dc) w.sheet.getCell(top + dr, column + dc + 1).style = headerStyle;
      w.merge(top, column + 1, top + rowSpan - 1, column + colSpan);
      column += colSpan;
    }
  });
  for (let c = 1; c <= width; c += 1) for (let r = 0; r < header.length; r += 1) if (!taken[r]!.has(c - 1)) w.put(w.row + r, c, null, headerStyle, false);
  w.row += header.length;
}

function headerWidth(header: readonly (readonly HeaderCell[])[]): number {
  return Math.max(0, ...header.slice(0, 1).map((cells) => cells.reduce((n, c) => n + (c.colSpan ?? 1), 0)));
}

function finishTableSheet(w: SheetWriter, table: Table, width: number, headerRows: readonly [number, number], frozenColumns: number): void {
  for (const note of table.notes ?? []) {
    w.row += 1;
    w.put(w.row, 1, note, { font: { name: FONT, size: 10 }, alignment: { wrapText: true, vertical: "top" } }, false);
    w.merge(w.row, 1, w.row, width);
  }
  if (table.empty) {
    w.row += 1;
    w.put(w.row, 1, `注：本表为空表。${table.emptyReason ?? ""}`, { font: { name: FONT, size: 10 } }, false);
    w.merge(w.row, 1, w.row, width);
  }
  w.fitRowHeights();
  const [first, last] = headerRows;
  w.sheet.views = [{ state: "frozen", xSplit: frozenColumns, ySplit: last, topLeftCell: w.sheet.getCell(last + 1, frozenColumns + 1).address }];
  w.sheet.pageSetup = {
    paperSize: 9,
    orientation: "landscape",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    printTitlesRow: `${first}:${last}`,
  };
  w.sheet.headerFooter = { oddFooter: `&C第 &P 页，共 &N 页` };
}

function writeRowTable(workbook: ExcelJS.Workbook, table: Table): void {
  const w = new SheetWriter(workbook, sheetName(table));
  const width = Math.max(headerWidth(table.header), 2 + table.columns.length);
  writeTitle(w, table, width);
  const headerStart = w.row;
  writeHeader(w, table.header, width);
  const headerEnd = w.row - 1;
  for (const row of table.rows) {
    const bold = row.kind !== "item";
    const style = (s: Partial<ExcelJS.Style>) => (bold ? boldened(s) : s);
    w.put(w.row, 1, row.code ?? null, style(textStyle()));
    w.put(w.row, 2, row.label, style(textStyle(Math.max(0, row.level - 1))));
    table.columns.forEach((column, i) => {
      const value = valueOf(row.values[i] ?? null, column.unit ?? table.unit);
      w.put(w.row, 3 + i, value, style(column.kind === "amount" ? amountStyle : textStyle()));
    });
    w.row += 1;
  }
  w.fitColumns(width);
  finishTableSheet(w, table, width, [headerStart, headerEnd], 2);
}

function writeBlocksTable(workbook: ExcelJS.Workbook, table: Table): void {
  const w = new SheetWriter(workbook, sheetName(table));
  const groups = table.groups ?? [];
  const width = Math.max(headerWidth(table.header), groups.length * 2);
  writeTitle(w, table, width);
  const headerStart = w.row;
  writeHeader(w, table.header, width);
  const headerEnd = w.row - 1;
  const blocks = groups.map((g) => table.rows.filter((r) => r.group === g));
  const height = Math.max(0, ...blocks.map((b) => b.length));
  for (let i = 0; i < height; i += 1) {
    blocks.forEach((block, b) => {
      const row: Row | undefined = block[i];
      const bold = row !== undefined && row.kind !== "item";
      const label = textStyle(row ? Math.max(0, row.level) : 0);
      w.put(w.row, 2 * b + 1, row?.label ?? null, bold ? boldened(label) : label);
      w.put(w.row, 2 * b + 2, row ? valueOf(row.values[0] ?? null, table.unit) : null, bold ? boldened(amountStyle) : amountStyle);
    });
    w.row += 1;
  }
  w.fitColumns(width, 36);
  finishTableSheet(w, table, width, [headerStart, headerEnd], 0);
}

// ---------------------------------------------------------------------------------------------------
// 表13–表15: forms

const FORM_WIDTH = 6;

function fieldValue(field: Field, table: Table): string | number | null {
  return valueOf(field.value, field.unit ?? table.unit);
}

/**
 * The fields as the template prints them: a text field on a row of its own (label, value across the
 * rest); amount fields grouped under 资金金额（万元）, a parent and its 其中 lines below it, two parents
 * side by side when the form has two (表15: 实施期资金总额 | 年度资金总额).
 */
function writeFields(w: SheetWriter, table: Table): void {
  const fields = table.fields ?? [];
  const amounts = fields.filter((f) => f.unit !== undefined || typeof f.value === "number");
  const texts = fields.filter((f) => !amounts.includes(f));
  const textRow = (f: Field) => {
    w.put(w.row, 1, f.label, boldened(textStyle()));
    w.put(w.row, 2, fieldValue(f, table), textStyle(), false);
    for (let c = 3; c <= FORM_WIDTH; c += 1) w.put(w.row, c, null, textStyle(), false);
    w.merge(w.row, 2, w.row, FORM_WIDTH);
    w.row += 1;
  };
  // Text fields before the amounts (项目名称, 主管部门, 实施期限 …), the goals after them.
  const goals = texts.filter((f) => /目标/.test(f.label));
  texts.filter((f) => !goals.includes(f)).forEach(textRow);
  if (amounts.length > 0) {
    const parents = amounts.filter((f) => !f.label.includes("/") && /总额$/.test(f.label));
    const columns = parents.length > 1 ? parents.map((p) => [p, ...amounts.filter((f) => f.label.startsWith(`${p.label}/`))]) : [amounts];
    const height = Math.max(...columns.map((c) => c.length));
    const top = w.row;
    for (let i = 0; i < height; i += 1) {
      w.put(w.row, 1, i === 0 ? `资金金额（${table.unit}）` : null, boldened(textStyle()));
      columns.forEach((column, k) => {
        const field = column[i];
        const label = field ? field.label.slice(field.label.indexOf("/") + 1) : null;
        w.put(w.row, 2 + 2 * k, label && i === 0 ? `${label}：` : label, textStyle());
        w.put(w.row, 3 + 2 * k, field ? fieldValue(field, table) : null, field && typeof field.value !== "string" ? amountStyle : textStyle());
      });
      for (let c = 2 + 2 * columns.length; c <= FORM_WIDTH; c += 1) w.put(w.row, c, null, textStyle(), false);
      w.row += 1;
    }
    w.merge(top, 1, w.row - 1, 1);
  }
  goals.forEach(textRow);
}

/** 表14's 年度主要任务: 任务名称 | 主要内容 | 预算金额 总额 / 财政拨款 / 其他资金, then 金额合计. */
function writeTasks(w: SheetWriter, table: Table, rows: readonly Row[]): void {
  const top = w.row;
  w.put(w.row, 1, "年度主要任务", headerStyle, false);
  w.put(w.row, 2, "任务名称", headerStyle);
  w.put(w.row, 3, "主要内容", headerStyle);
  w.put(w.row, 4, `预算金额（${table.unit}）`, headerStyle, false);
  w.put(w.row, 5, null, headerStyle, false);
  w.put(w.row, 6, null, headerStyle, false);
  w.merge(w.row, 4, w.row, 6);
  w.row += 1;
  w.put(w.row, 2, null, headerStyle, false);
  w.put(w.row, 3, null, headerStyle, false);
  ["总额", "财政拨款", "其他资金"].forEach((t, i) => w.put(w.row, 4 + i, t, headerStyle));
  w.merge(w.row - 1, 2, w.row, 2);
  w.merge(w.row - 1, 3, w.row, 3);
  w.row += 1;
  for (const row of rows) {
    const bold = row.kind === "total";
    const s = (style: Partial<ExcelJS.Style>) => (bold ? boldened(style) : style);
    w.put(w.row, 2, row.label, s(textStyle()));
    w.put(w.row, 3, valueOf(row.values[0] ?? null, table.unit), s(textStyle()));
    for (let i = 1; i <= 3; i += 1) w.put(w.row, 3 + i, valueOf(row.values[i] ?? null, table.unit), s(amountStyle));
    w.row += 1;
  }
  for (let r = top + 1; r < w.row; r += 1) w.put(r, 1, null, headerStyle, false);
  w.merge(top, 1, w.row - 1, 1);
}

/** The 绩效指标 grid: 一级指标 and 二级指标 merged down over their indicators, as the template prints them. */
function writeIndicators(w: SheetWriter, table: Table, rows: readonly Row[], offset: number, label: string): void {
  const top = w.row;
  w.put(w.row, 1, label, headerStyle, false);
  ["一级指标", "二级指标", "指标内容", "指标值", "备注"].forEach((t, i) => w.put(w.row, 2 + i, t, headerStyle));
  w.row += 1;
  const mergeRuns = (column: number, key: (r: Row) => string) => {
    let start = 0;
    rows.forEach((row, i) => {
      const next = rows[i + 1];
      if (next && key(next) === key(row)) return;
      w.merge(top + 1 + start, column, top + 1 + i, column);
      start = i + 1;
    });
  };
  for (const row of rows) {
    const v = (i: number) => valueOf(row.values[offset + i] ?? null, table.unit);
    w.put(w.row, 1, null, headerStyle, false);
    w.put(w.row, 2, v(0), textStyle());
    w.put(w.row, 3, v(1), textStyle());
    w.put(w.row, 4, row.label, textStyle());
    w.put(w.row, 5, v(2), textStyle());
    w.put(w.row, 6, v(3), textStyle());
    w.row += 1;
  }
  mergeRuns(2, (r) => String(r.values[offset] ?? ""));
  mergeRuns(3, (r) => `${String(r.values[offset] ?? "")}/${String(r.values[offset + 1] ?? "")}`);
  w.merge(top, 1, w.row - 1, 1);
}

function writeFormTable(workbook: ExcelJS.Workbook, table: Table): void {
  const w = new SheetWriter(workbook, sheetName(table));
  writeTitle(w, table, FORM_WIDTH);
  const start = w.row;
  const overall = table.number === 14;
  const taskGroup = overall ? table.groups?.[0] : undefined;
  const tasks = taskGroup ? table.rows.filter((r) => r.group === taskGroup) : [];
  const indicators = table.rows.filter((r) => !tasks.includes(r));
  if (overall) {
    const fields = table.fields ?? [];
    const name = fields.filter((f) => !/目标/.test(f.label));
    writeFields(w, { ...table, fields: name });
    writeTasks(w, table, tasks);
    writeFields(w, { ...table, fields: fields.filter((f) => !name.includes(f)) });
  } else {
    writeFields(w, table);
  }
  writeIndicators(w, table, indicators, overall ? 4 : 0, table.number === 15 ? "绩效指标" : "年度绩效指标");
  w.fitColumns(FORM_WIDTH, 44);
  w.sheet.getColumn(1).width = 14;
  finishTableSheet(w, table, FORM_WIDTH, [1, Math.max(start - 1, 2)], 0);
}

// ---------------------------------------------------------------------------------------------------
// 目录

function writeContents(workbook: ExcelJS.Workbook, disclosure: Disclosure): void {
  const w = new SheetWriter(workbook, "目录");
  const width = 4;
  const title = `${disclosure.unitName ?? ""}${disclosure.year ? `${disclosure.year}年` : ""}单位${disclosure.phase ?? "预算"}公开报表目录`;
  w.put(1, 1, title, titleStyle, false);
  w.merge(1, 1, 1, width);
  w.sheet.getRow(1).height = 30;
  w.row = 2;
  const lines = [
    ...(disclosure.unitName ? [`部门（单位）名称：${disclosure.unitName}`] : []),
    ...Object.entries(disclosure.cover).map(([label, value]) => `${label}：${value}`),
  ];
  for (const line of lines) {
    w.put(w.row, 1, line, { font: { name: FONT, size: 11 } }, false);
    w.merge(w.row, 1, w.row, width);
    w.row += 1;
  }
  w.row += 1;
  const headerRow = w.row;
  ["表号", "报表名称", "是否空表", "公开空表理由"].forEach((t, i) => w.put(w.row, i + 1, t, headerStyle));
  w.row += 1;
  for (const entry of disclosure.toc) {
    w.put(w.row, 1, `表${entry.number}`, textStyle());
    w.put(w.row, 2, entry.title, textStyle());
    w.put(w.row, 3, entry.empty ? "是" : "否", { ...textStyle(), alignment: { horizontal: "center", vertical: "middle" } });
    w.put(w.row, 4, entry.emptyReason ?? null, textStyle());
    w.row += 1;
  }
  w.fitColumns(width, 60);
  w.sheet.views = [{ state: "frozen", ySplit: headerRow }];
  w.sheet.pageSetup = { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true, printTitlesRow: `${headerRow}:${headerRow}` };
}

/** The published workbook as an exceljs Workbook (not yet written). */
export function buildPublishedWorkbook(disclosure: Disclosure): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Gongkai";
  workbook.title = `${disclosure.unitName ?? ""}${disclosure.year ?? ""}年${disclosure.phase ?? "预算"}公开报表`;
  writeContents(workbook, disclosure);
  for (const table of disclosure.tables) {
    if (table.layout === "blocks") writeBlocksTable(workbook, table);
    else if (table.layout === "form") writeFormTable(workbook, table);
    else writeRowTable(workbook, table);
  }
  return workbook;
}

/** The published workbook as .xlsx bytes. */
export async function renderPublishedXlsx(disclosure: Disclosure): Promise<Buffer> {
  const data = await buildPublishedWorkbook(disclosure).xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}
