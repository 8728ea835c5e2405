/**
 * A Disclosure laid out the way units publish it, three ways from one layout: as plain text (the
 * reference: the same disclosure read from text), as an HTML document for LibreOffice Writer and as a
 * workbook (one sheet per table) for LibreOffice Calc, both then printed to PDF. The layout options are
 * the ways published files differ: borders or none, 元 or 万元, a table split over two pages (its header
 * repeated or not), landscape tables, and empty tables with a note under them.
 */
import ExcelJS from "exceljs";
import type { Disclosure } from "../../../src/model/disclosure.ts";
import type { MeasureUnit, Table } from "../../../src/model/table.ts";
import { coverLines, documentTitle, type Grid, paragraphsOf, tableGrid, tableLabel } from "../../../src/renderers/pdf/published-grid.ts";

export interface LayoutOptions {
  readonly borders: boolean;
  /** Prints every row table and block table in this unit (the forms keep theirs). */
  readonly unit?: MeasureUnit;
  /** Tables printed on landscape pages. */
  readonly landscape?: readonly number[];
  /** A table split over two pages after this many body rows; its header printed again on the second page or not. */
  readonly split?: { readonly table: number; readonly after: number; readonly repeatHeader: boolean };
  /** Notes printed under empty tables (`注：…`), by table number. */
  readonly notes?: Readonly<Record<number, string>>;
  /** Leaves the narrative out (a workbook of tables only). */
  readonly tablesOnly?: boolean;
}

/** A printed table: its caption lines, grid (null under merged cells) and note. */
interface PrintedTable {
  readonly number: number;
  readonly caption: readonly string[];
  readonly grid: Grid;
  readonly note?: string;
  readonly landscape: boolean;
}

interface Layout {
  readonly title: string;
  readonly cover: readonly string[];
  readonly narrative: readonly { readonly heading: string; readonly paragraphs: readonly string[] }[];
  readonly toc: readonly (readonly string[])[];
  readonly tables: readonly PrintedTable[];
  readonly options: LayoutOptions;
}

function inUnit(table: Table, unit: MeasureUnit | undefined): Table {
  if (!unit || table.layout === "form") return table;
  return { ...table, unit, columns: table.columns.map((c) => (c.unit ? { ...c, unit } : c)) };
}

export function layout(disclosure: Disclosure, options: LayoutOptions): Layout {
  return {
    title: documentTitle(disclosure),
    cover: coverLines(disclosure).map((l) => `${l.label}：${l.value}`),
    narrative: options.tablesOnly ? [] : disclosure.narrative.map((s) => ({ heading: s.heading, paragraphs: paragraphsOf(s.text) })),
    toc: [["报表", "报表名称", "是否空表", "公开空表理由"], ...disclosure.toc.map((e) => [`表${e.number}`, e.title, e.empty ? "是" : "", e.emptyReason ?? ""])],
    tables: disclosure.tables.map((table) => {
      const t = inUnit(table, options.unit);
      const note = options.notes?.[t.number];
      return {
        number: t.number,
        caption: [tableLabel(t), t.title, `单位：${t.unit}`],
        grid: tableGrid(t),
        ...(note ? { note } : {}),
        landscape: options.landscape?.includes(t.number) ?? false,
      };
    }),
    options,
  };
}

/** The grid's rows as printed text: a merged cell once, in its top-left position. */
function gridTexts(grid: Grid): string[][] {
  return grid.rows.map((row) => row.map((cell) => cell?.text ?? ""));
}

/** The text a reader copies out: every table whole (page breaks are not in the text), tab-separated. */
export function layoutText(l: Layout): string {
  const lines = [l.title, "", ...l.cover, ""];
  for (const section of l.narrative) lines.push(section.heading, "", ...section.paragraphs, "");
  lines.push("目录", "", ...l.toc.map((r) => r.join("\t")), "");
  for (const t of l.tables) {
    lines.push(...t.caption.flatMap((c) => [c, ""]), ...gridTexts(t.grid).map((r) => r.join("\t")));
    if (t.note) lines.push("", t.note);
    lines.push("");
  }
  return lines.join("\n");
}

const escape = (text: string): string => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function htmlTable(grid: Grid, rows: readonly number[], borders: boolean): string {
  const border = borders ? ' border="1" cellspacing="0" cellpadding="3"' : ' border="0" cellspacing="0" cellpadding="3"';
  const body = rows.map((r) => {
    const cells = grid.rows[r]!.flatMap((cell) => {
      if (!cell) return [];
      const span = `${cell.colSpan ? ` colspan="${cell.colSpan}"` : ""}${cell.rowSpan ? ` rowspan="${cell.rowSpan}"` : ""}`;
      const align = cell.kind === "amount" ? ' align="right"' : cell.kind === "header" ? ' align="center"' : "";
      return [`<td${span}${align}>${escape(cell.text)}</td>`];
    });
    return `<tr>${cells.join("")}</tr>`;
  });
  return `<table width="100%"${border}>${body.join("\n")}</table>`;
}

/** The layout as an HTML document for LibreOffice Writer: each table on a new page. */
export function layoutHtml(l: Layout): string {
  const page = '<p style="page-break-before: always">';
  const parts = [`<h1 align="center">${escape(l.title)}</h1>`, ...l.cover.map((c) => `<p>${escape(c)}</p>`)];
  for (const section of l.narrative) parts.push(`<h3>${escape(section.heading)}</h3>`, ...section.paragraphs.map((p) => `<p>${escape(p)}</p>`));
  parts.push(`${page}目录</p>`, htmlTable({ width: 4, headerRows: 1, columns: [], rows: l.toc.map((r) => r.map((text) => ({ text, kind: "text" as const }))) }, l.toc.map((_, i) => i), l.options.borders));
  for (const t of l.tables) {
    parts.push(`${page}${escape(t.caption[0]!)}</p>`, `<p align="center"><b>${escape(t.caption[1]!)}</b></p>`, `<p align="right">${escape(t.caption[2]!)}</p>`);
    const all = t.grid.rows.map((_, i) => i);
    const split = l.options.split;
    if (split?.table === t.number && t.grid.rows.length > t.grid.headerRows + split.after) {
      const cut = t.grid.headerRows + split.after;
      const header = all.slice(0, t.grid.headerRows);
      parts.push(htmlTable(t.grid, all.slice(0, cut), l.options.borders), `${page}</p>`);
      parts.push(htmlTable(t.grid, [...(split.repeatHeader ? header : []), ...all.slice(cut)], l.options.borders));
    } else parts.push(htmlTable(t.grid, all, l.options.borders));
    if (t.note) parts.push(`<p>${escape(t.note)}</p>`);
  }
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${escape(l.title)}</title></head><body>${parts.join("\n")}</body></html>`;
}

/** The figures of a cell as a number when it is an amount, so the workbook holds numbers as units' do. */
function cellValue(text: string, amount: boolean): string | number {
  if (!amount || !/^-?[0-9,]+\.[0-9]{2}$/.test(text)) return text;
  return Number(text.replace(/,/g, ""));
}

/** The width of a text in a spreadsheet's column-width units: a Chinese character is two. */
function textUnits(text: string): number {
  return [...text].reduce((n, c) => n + (/[\u3000-\u9fff\uff00-\uffef]/.test(c) ? 2 : 1), 0);
}

/** The layout as a workbook: a sheet for the cover and 目录, then one sheet per table. */
export async function layoutXlsx(l: Layout): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const thin = { style: "thin" as const };
  const front = book.addWorksheet("目录");
  front.columns = [{ width: 10 }, { width: 46 }, { width: 10 }, { width: 40 }];
  // The 目录's four columns on one page wide, as a unit prints it.
  front.pageSetup = { paperSize: 9, orientation: "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  front.addRow([l.title]);
  for (const c of l.cover) front.addRow([c]);
  front.addRow([]);
  front.addRow(["目录"]);
  for (const r of l.toc) {
    const row = front.addRow([...r]);
    if (l.options.borders) row.eachCell({ includeEmpty: true }, (cell) => (cell.border = { top: thin, left: thin, bottom: thin, right: thin }));
  }
  for (const t of l.tables) {
    const sheet = book.addWorksheet(t.caption[0]!);
    const width = t.grid.width;
    const landscape = t.landscape;
    sheet.pageSetup = { paperSize: 9, orientation: landscape ? "landscape" : "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true };
    sheet.columns = t.grid.columns.map((c) => ({ width: c === "label" ? 30 : c === "code" ? 10 : c === "text" ? 16 : 15 }));
    sheet.addRow([t.caption[0]!]);
    const title = sheet.addRow([t.caption[1]!]);
    sheet.mergeCells(title.number, 1, title.number, width);
    title.getCell(1).alignment = { horizontal: "center" };
    title.getCell(1).font = { bold: true, size: 14 };
    const unitRow = sheet.addRow([]);
    unitRow.getCell(width).value = t.caption[2]!;
    const first = unitRow.number + 1;
    t.grid.rows.forEach((cells, r) => {
      const row = sheet.getRow(first + r);
      cells.forEach((cell, c) => {
        if (!cell) return;
        const target = row.getCell(c + 1);
        target.value = cellValue(cell.text, cell.kind === "amount");
        if (typeof target.value === "number") target.numFmt = "#,##0.00";
        target.alignment = { horizontal: cell.kind === "header" ? "center" : cell.kind === "amount" ? "right" : "left", vertical: "middle", wrapText: cell.kind !== "amount" };
        if (cell.colSpan || cell.rowSpan) sheet.mergeCells(first + r, c + 1, first + r + (cell.rowSpan ?? 1) - 1, c + (cell.colSpan ?? 1));
      });
      if (l.options.borders) {
        for (let c = 1; c <= width; c += 1) row.getCell(c).border = { top: thin, left: thin, bottom: thin, right: thin };
      }
      // Rows grown to fit their wrapped text, as a unit's spreadsheet program does when the text is typed.
      const lines = Math.max(
        1,
        ...cells.map((cell, c) => {
          if (!cell || cell.rowSpan || cell.kind === "amount") return 1;
          const columns = sheet.columns.slice(c, c + (cell.colSpan ?? 1)).reduce((w, column) => w + (column.width ?? 10), 0);
          return cell.text.split("\n").reduce((n, part) => n + Math.max(1, Math.ceil(textUnits(part) / Math.max(1, columns - 2))), 0);
        }),
      );
      if (lines > 1) row.height = Math.min(409, lines * 15);
    });
    const split = l.options.split;
    if (split?.table === t.number && t.grid.rows.length > t.grid.headerRows + split.after) {
      sheet.getRow(first + t.grid.headerRows + split.after - 1).addPageBreak();
    }
    if (t.grid.headerRows > 0 && (split?.table !== t.number || split.repeatHeader)) {
      sheet.pageSetup.printTitlesRow = `${first}:${first + t.grid.headerRows - 1}`;
    }
    if (t.note) sheet.addRow([t.note]);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
