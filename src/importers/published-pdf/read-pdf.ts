/**
 * Reads a published disclosure from a text-based PDF into a Disclosure. pdf.js (the legacy build, which
 * runs on Node 20) gives every piece of text with its position; lines are rebuilt from baselines, the
 * pieces of a line ordered by x and joined with a column break where the gap between them is wide (a run
 * of spaces, so the text reader treats the result as text copied from a PDF: cells split on runs of spaces,
 * figures placed by arithmetic when blank cells are lost) and with nothing or a space where it is
 * narrow. Page numbers and running headers/footers are dropped. The text then goes to `readPublished`,
 * and every SourceLocation it produces is turned from a line of that text into the page it came from.
 *
 * A table printed with a rule around its cells (most are) is read from its rules (`ruled-tables.ts`):
 * each cell is exactly the text inside its box. A row broken over a page is joined again, and a table
 * continued on the next page without its header repeated goes on where it stopped. The drawing
 * operators that give the rules are only read on pages that may hold a table.
 *
 * A table without rules is read from how its text is aligned (`plain-tables.ts`): figures right-aligned
 * in their columns, labels left-aligned, header cells centred over the columns they head; a table
 * continued on the next page keeps its columns. What neither reader takes is read line by line from
 * its text alone. A table cell wrapped onto several lines is one
 * cell: it wraps only where its line is full, two lines
 * that each hold figures or codes are two rows, and a wrapped cell aligned to the bottom or centred on
 * its row's figures is put on that row. Header cells over two header rows, printed between them, go to
 * the upper one (where text puts a merged cell).
 *
 * What cannot be read is said, not guessed: a PDF with no text (scanned images), an encrypted PDF, a
 * file that is not a PDF or is damaged, and pages whose font maps its glyphs to symbols come back as
 * `{ unreadable }` (or, for some pages only, in `unread`).
 *
 * @example
 * const result = await readPdf(readFileSync("x.pdf"), { origin: "x.pdf" });
 * if ("unreadable" in result) console.error(result.unreadable);
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Disclosure } from "../../model/disclosure.ts";
import type { SourceLocation, Table } from "../../model/table.ts";
import { readPublished } from "../published/read-published.ts";
import type * as PdfJsModule from "pdfjs-dist/legacy/build/pdf.mjs";
import { type ColumnModel, plainTables } from "./plain-tables.ts";
import { continuedRow, pageRules, sameColumns, type Rule, type RuledRow, ruledTables } from "./ruled-tables.ts";

let pdfjs: Promise<typeof PdfJsModule> | undefined;
/**
 * pdf.js is loaded on the first PDF, not when this module is: its legacy build replaces
 * Array.prototype.push for the whole process with a slower polyfill, which a server that never reads a
 * PDF should not pay for.
 */
const loadPdfJs = () => (pdfjs ??= import("pdfjs-dist/legacy/build/pdf.mjs"));

export interface PdfReadOptions {
  /** The file or address the PDF came from. */
  readonly origin: string;
}

export type PdfReadResult = Disclosure | { readonly unreadable: string };

/** One piece of text on a page, in PDF units with y growing upwards. */
export interface Item {
  text: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  /** The font size: the height of the text. */
  readonly size: number;
  /** The last line of a cell wrapped onto several lines (the item itself when not wrapped). */
  last?: { readonly x: number; readonly y: number; readonly width: number };
}

interface Line {
  readonly y: number;
  readonly size: number;
  readonly items: Item[];
}

/** A rebuilt line of text and the page it is on. */
export interface PageLine {
  readonly text: string;
  readonly page: number;
}

let assets: { cMapUrl: string; standardFontDataUrl: string } | undefined;

/** pdf.js's own CMaps (Chinese fonts need them) and standard fonts, from node_modules. */
function pdfAssets(): { cMapUrl: string; standardFontDataUrl: string } {
  if (!assets) {
    const root = dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
    assets = { cMapUrl: join(root, "cmaps") + "/", standardFontDataUrl: join(root, "standard_fonts") + "/" };
  }
  return assets;
}

export async function readPdf(bytes: Uint8Array, options: PdfReadOptions): Promise<PdfReadResult> {
  const pages = await pdfPages(bytes);
  if ("unreadable" in pages) return pages;
  const garbled = garbledPages(pages.pages);
  const readable = pages.pages.map((items, i) => (garbled.includes(i + 1) ? [] : items));
  const withText = pages.pages.filter((items) => items.length > 0).length;
  if (garbled.length > 0 && garbled.length === withText) return { unreadable: `字体编码异常，文字读出来是符号而不是汉字（${pageList(garbled)}），未检查` };
  const lines = pageLines(readable, pages.rules);
  if (lines.length === 0) {
    const n = pages.pages.length;
    return { unreadable: `扫描件（图片），没有可读取的文字：${n === 1 ? "第 1 页" : `第 1–${n} 页`}` };
  }
  const read = readPublished(lines.map((l) => l.text).join("\n"), { origin: options.origin, format: "text" });
  const disclosure = read.year === undefined ? { ...read, ...coverYear(lines) } : read;
  const onPage = (source: SourceLocation | undefined): SourceLocation | undefined => {
    const page = source?.line === undefined ? undefined : lines[source.line - 1]?.page;
    return page === undefined ? source : { page };
  };
  const paged = withPages(disclosure, onPage);
  const textless = pages.pages.flatMap((items, i) => (items.length === 0 ? [i + 1] : []));
  const unread = [...paged.unread];
  if (textless.length > 0) unread.push({ text: pageList(textless), why: "页面没有可读取的文字（空白页或扫描图片），未检查" });
  if (garbled.length > 0) unread.push({ text: pageList(garbled), why: "字体编码异常，文字读出来是符号而不是汉字，未检查" });
  return unread.length === paged.unread.length ? paged : { ...paged, unread };
}

function pageList(pages: readonly number[]): string {
  return `第 ${pages.join("、")} 页`;
}

/** Private-use code points, replacement and control characters, and symbol blocks no disclosure is written in. */
// eslint-disable-next-line no-control-regex -- control characters in extracted text are exactly what marks a bad font mapping
const ODD = /[\ue000-\uf8ff\ufffd\u0000-\u001f\u007f-\u009f\u2190-\u21ff\u2200-\u22ff\u2500-\u27bf]/u;

/**
 * Pages whose text comes out as symbols: a font that maps its glyphs to private-use or symbol code
 * points instead of the Chinese characters they show. Such text is reported, never read as figures:
 * a page is garbled when a third or more of its characters are odd.
 */
export function garbledPages(pages: readonly (readonly Item[])[]): number[] {
  return pages.flatMap((items, i) => {
    const chars = [...items.map((item) => item.text).join("").replace(/\s+/g, "")];
    if (chars.length < 10) return [];
    const odd = chars.filter((c) => ODD.test(c)).length;
    return odd * 3 >= chars.length ? [i + 1] : [];
  });
}

/**
 * The year and phase of a cover whose title is set on several short lines (`汉中市政务服务中心` /
 * `2023年` / `部门（单位）预算公开`): the first lines of page 1 read as one title.
 */
function coverYear(lines: readonly PageLine[]): { year?: number; phase?: "预算" | "决算" } {
  const title = lines
    .filter((l) => l.page === 1)
    .slice(0, 4)
    .map((l) => l.text.replace(/\s+/g, ""))
    .join("");
  const match = /(\d{4})年度?[^。，；：:]{0,20}?(预算|决算)/.exec(title);
  return match ? { year: Number(match[1]), phase: match[2] as "预算" | "决算" } : {};
}

/** The rebuilt lines of a PDF with their pages (for trying the reader out). */
export async function pdfText(bytes: Uint8Array): Promise<PageLine[] | { unreadable: string }> {
  const pages = await pdfPages(bytes);
  return "unreadable" in pages ? pages : pageLines(pages.pages, pages.rules);
}

/** The text items and drawn rules of every page, or why the file cannot be read. */
async function pdfPages(bytes: Uint8Array): Promise<{ pages: Item[][]; rules: Rule[][] } | { unreadable: string }> {
  // pdf.js takes ownership of (detaches) the buffer it is given: pass a copy.
  const data = new Uint8Array(bytes);
  const { getDocument, OPS } = await loadPdfJs();
  const task = getDocument({ data, ...pdfAssets(), cMapPacked: true, verbosity: 0, isEvalSupported: false, useSystemFonts: false });
  try {
    const doc = await task.promise;
    const pages: Item[][] = [];
    const rules: Rule[][] = [];
    for (let n = 1; n <= doc.numPages; n += 1) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const items: Item[] = [];
      for (const item of content.items) {
        if (!("str" in item)) continue;
        const text = item.str.trim();
        if (text === "") continue;
        const [a, b, , d, x, y] = item.transform as number[];
        const size = Math.abs(d!) || Math.hypot(a!, b!) || item.height;
        items.push(...splitFigure(trimmed({ text: item.str, x: x!, y: y!, width: item.width, size })));
      }
      pages.push(items);
      // The drawing operators cost as much again as the text: they are only read where a table may be.
      rules.push(mayHoldTable(items) ? pageRules(await page.getOperatorList(), OPS) : []);
      page.cleanup();
    }
    return { pages, rules };
  } catch (error) {
    const name = (error as Error).name;
    if (name === "PasswordException") return { unreadable: "PDF 已加密，无法读取" };
    return { unreadable: "不是有效的 PDF 文件" };
  } finally {
    await task.destroy();
  }
}

/** How wide a text usually is, in font sizes: a Chinese character one, a digit or letter a half, punctuation and spaces less. */
function ems(text: string): number {
  return [...text].reduce((w, c) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(c) ? 1 : /[0-9A-Za-z]/.test(c) ? 0.5 : /[ .,]/.test(c) ? 0.25 : 0.33), 0);
}

/**
 * A piece without the spaces at its ends, which some writers give with the text before a cell's edge (a
 * figure's trailing space would move its right end off its column's).
 */
function trimmed(item: Item): Item {
  const text = item.text.trim();
  if (text === item.text || text === "") return item;
  const [all, lead] = [ems(item.text), ems(item.text.slice(0, item.text.length - item.text.trimStart().length))];
  if (all <= 0) return item;
  const unit = item.width / all;
  return { ...item, text, x: item.x + lead * unit, width: ems(text) * unit };
}

/**
 * Figures and the cells after them given as one piece of text (`225.98 225.98 2`: figures right-aligned
 * in narrow cells that the next ones touch), as one piece per cell: each as wide as its characters usually
 * are, the rest of the width shared by the spaces between them.
 */
function splitFigure(item: Item): Item[] {
  const parts: string[] = [];
  for (const part of item.text.split(/ +/)) {
    const last = parts[parts.length - 1];
    if (last !== undefined && !/^-?[0-9][0-9,]*\.[0-9]{1,2}$/.test(last)) parts[parts.length - 1] = `${last} ${part}`;
    else parts.push(part);
  }
  if (parts.length < 2) return [item];
  const widths = parts.map((p) => ems(p) * item.size);
  const gap = (item.width - widths.reduce((a, b) => a + b, 0)) / (parts.length - 1);
  if (gap < 0) return [item];
  let x = item.x;
  return parts.map((text, i) => {
    const piece = { ...item, text, x, width: widths[i]! };
    x += widths[i]! + gap;
    return piece;
  });
}

/**
 * A 决算 table's 类/款/项 printed at the top of the cells of its first row (合计 and its figures), as a
 * header row of their own above it: the row of the header they are, as a table copied out as text has it.
 */
function codePartsApart(row: RuledRow): RuledRow[] {
  const texts = row.cells.map((c) => c.text.trim());
  const k = texts.findIndex((t, i) => t === "类" && texts[i + 1] === "款" && texts[i + 2] === "项");
  if (k < 0 || !texts.some((t, i) => t !== "" && (i < k || i > k + 2))) return [row];
  const blank = (keep: boolean) => row.cells.map((c, i) => ((i >= k && i <= k + 2) === keep ? c : { ...c, text: "" }));
  const [parts, rest] = [blank(true), blank(false)];
  return [
    { ...row, y: row.y + 0.001, text: parts.map((c) => c.text).join("\t"), cells: parts },
    { ...row, first: false, text: rest.map((c) => c.text).join("\t"), cells: rest },
  ];
}

/**
 * The code column's header printed over two rows above 类/款/项 (支出功能分类 | 科目编码) as one cell, as
 * the template has it: its lower row holds nothing else.
 */
function codeHeaderJoined(rows: readonly RuledRow[]): RuledRow[] {
  const sorted = [...rows].sort((p, q) => q.y - p.y);
  const out: RuledRow[] = [];
  sorted.forEach((row, i) => {
    const [above, below] = [out[out.length - 1], sorted[i + 1]];
    const filled = row.cells.flatMap((c, k) => (c.text.trim() === "" ? [] : [k]));
    const k = filled[0]!;
    const parts = below?.cells.map((c) => c.text.trim()).join("") === "类款项";
    if (above && parts && filled.length === 1 && sameColumns(above, row) && above.cells[k]?.text.trim() && /编码|代码/.test(row.cells[k]!.text)) {
      const cells = above.cells.map((c, j) => (j === k ? { ...c, text: c.text.trim() + row.cells[k]!.text.trim() } : c));
      out[out.length - 1] = { ...above, text: cells.map((c) => c.text).join("\t"), cells };
    } else out.push(row);
  });
  return out;
}

/**
 * Whether a page may hold a table: a line of it has a wide gap (a column break), or all its lines are
 * short (a cover, a form whose values are blank). A page of running text does not.
 */
function mayHoldTable(items: readonly Item[]): boolean {
  if (items.length === 0) return false;
  const lines = new Map<number, Item[]>();
  for (const item of items) {
    const key = Math.round(item.y / Math.max(1, item.size * 0.5));
    lines.set(key, [...(lines.get(key) ?? []), item]);
  }
  let long = false;
  for (const line of lines.values()) {
    line.sort((p, q) => p.x - q.x);
    for (let i = 1; i < line.length; i += 1) if (line[i]!.x - (line[i - 1]!.x + line[i - 1]!.width) > line[i]!.size) return true;
    if (line.reduce((n, item) => n + item.text.length, 0) >= 30) long = true;
  }
  return !long;
}

/**
 * The lines of all pages in reading order, page furniture dropped. The rows of ruled tables (tables with
 * drawn cell borders, `rules` per page) are read from their cells; the rest of the page from its lines.
 */
export function pageLines(pages: readonly (readonly Item[])[], rules: readonly (readonly Rule[])[] = []): PageLine[] {
  let model: ColumnModel | undefined;
  const ruled = pages.map((items, i) => {
    const bordered = ruledTables(items, rules[i] ?? []);
    // Tables without borders, in the text the ruled tables left.
    const plain = plainTables(bordered.used.size === 0 ? items : items.filter((item) => !bordered.used.has(item)), model);
    model = plain.model ?? (plain.used.size === 0 && bordered.used.size === 0 ? model : undefined);
    const rows = [...codeHeaderJoined(bordered.rows.flatMap(codePartsApart)), ...plain.rows].sort((p, q) => q.y - p.y);
    return { rows, used: new Set([...bordered.used, ...plain.used]) };
  });
  const perPage = pages.map((items, i) => linesOf(ruled[i]!.used.size === 0 ? items : items.filter((item) => !ruled[i]!.used.has(item))));
  const furniture = runningLines(perPage);
  const out: PageLine[] = [];
  const seen = new Set<string>();
  const previous: { last?: LastRun } = {};
  // The last row of a ruled table that ended the page before (it may go on at the top of this page).
  let carried: { row: RuledRow; at: number } | undefined;
  perPage.forEach((lines, index) => {
    const texts = pageText(lines, previous);
    const right = Math.max(...lines.map((l) => lineEnd(l)));
    const rows: RuledRow[] = ruled[index]!.rows;
    const start = out.length;
    let row = 0;
    let afterRow = false;
    let lastRow: { row: RuledRow; at: number } | undefined;
    const rowsAbove = (y: number) => {
      for (; row < rows.length && rows[row]!.y > y; row += 1) {
        const next = rows[row]!;
        if (carried && out.length === start && next.first && sameColumns(carried.row, next)) {
          // The table of the page before goes on: a row broken over the page is one row, and rows
          // without the header printed again follow the rows before them (no blank line between).
          const joined = continuedRow(carried.row, next);
          const repeated = next.text === carried.row.head;
          const at = carried.at;
          carried = undefined;
          if (joined) {
            out[at] = { ...out[at]!, text: joined.text };
            // The rows after it follow it, without the blank line that ended the page.
            if (!repeated && at === out.length - 2 && out[out.length - 1]!.text === "") out.pop();
            lastRow = { row: next, at };
            afterRow = true;
            continue;
          }
          if (!repeated && out[out.length - 1]?.text === "") {
            out.pop();
            lastRow = { row: next, at: out.length };
            out.push({ text: next.text, page: index + 1 });
            afterRow = true;
            continue;
          }
        }
        // A blank line before a table, as a table copied out as text has it.
        if (next.first && out.length > 0 && out[out.length - 1]!.text !== "") out.push({ text: "", page: index + 1 });
        lastRow = { row: rows[row]!, at: out.length };
        out.push({ text: rows[row]!.text, page: index + 1 });
        afterRow = true;
      }
    };
    lines.forEach((line, at) => {
      rowsAbove(line.y);
      const text = texts[at];
      if (text === null || text === undefined) return;
      const plain = lineText(line);
      const before = lines[at - 1];
      const previous = out[out.length - 1];
      if (!afterRow && before && previous?.page === index + 1 && wrapsOnto(before, line, right) && !(texts[at - 1] ?? "\t").includes("\t")) {
        // A paragraph wrapped at the right margin: its next line is the same line of text.
        out[out.length - 1] = { ...previous, text: previous.text + text };
        return;
      }
      const edge = at < 2 || at >= lines.length - 2;
      if (edge && PAGE_NUMBER.test(plain.replace(/\s+/g, " ").trim())) return;
      if (edge && furniture.has(plain)) {
        // A running header is kept once (it is often the document's title).
        if (seen.has(plain)) return;
        seen.add(plain);
      }
      // A line after a table starts after a blank line.
      if (afterRow && !text.includes("\t") && out.length > 0 && out[out.length - 1]!.text !== "") out.push({ text: "", page: index + 1 });
      afterRow = false;
      out.push({ text, page: index + 1 });
    });
    rowsAbove(-Infinity);
    carried = lastRow && lastRow.at === out.length - 1 ? lastRow : undefined;
    // A blank line ends the page: a table continued on the next page is joined by its repeated header.
    if (out.length > 0 && out[out.length - 1]!.text !== "") out.push({ text: "", page: index + 1 });
  });
  return out;
}

function lineEnd(line: Line): number {
  return Math.max(...line.items.map((i) => i.x + i.width));
}

/** Headings that start a line of their own: 第…部分, 一、, （一）, 1、, (1), 表N, 注. */
const LINE_START = /^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十0-9]+[）)]|[0-9]+[、.．](?![0-9])|表\s*[0-9]|注)/;

/**
 * `line` continues the paragraph of `before`: both are single lines of text in one font size,
 * `before` reaching the right margin, `line` just below it, not indented past it and not a heading.
 */
function wrapsOnto(before: Line, line: Line, right: number): boolean {
  if (cellsOf(before).length !== 1 || cellsOf(line).length !== 1) return false;
  if (Math.abs(before.size - line.size) > 0.5 || before.y - line.y > line.size * 2.5) return false;
  if (lineEnd(before) < right - line.size * 2) return false;
  // Not indented past the line before; the line before starts at the margin or indented two characters.
  if (line.items[0]!.x > before.items[0]!.x + line.size * 0.5 || before.items[0]!.x > line.items[0]!.x + line.size * 2.5) return false;
  if (/^单位[:：]/.test(lineText(before))) return false;
  return !LINE_START.test(lineText(line));
}

const PAGE_NUMBER = /^(?:[-－—–]+\s*\d{1,3}\s*[-－—–]+|第\s*\d{1,3}\s*页(?:\s*[,，/／]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*[/／]\s*\d{1,3}|\d{1,3})$/;

/** Lines repeated at the top or bottom of three pages or more (a running header or footer). */
function runningLines(perPage: readonly (readonly Line[])[]): Set<string> {
  const counts = new Map<string, number>();
  for (const lines of perPage) {
    // A table line (a repeated header row) is never furniture.
    const edges = new Set([...lines.slice(0, 2), ...lines.slice(-2)].filter((l) => cellsOf(l).length === 1).map(lineText));
    for (const text of edges) counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  return new Set([...counts].filter(([text, n]) => n >= 3 && text.length <= 60 && !/\d{3,}|单位/.test(text)).map(([text]) => text));
}

/**
 * The items of one page as lines, top to bottom; items on one baseline (within a third of the font size)
 * are one line, and the items of a line are merged into its cells (pieces across narrow gaps).
 */
function linesOf(items: readonly Item[]): Line[] {
  const sorted = [...items].sort((p, q) => q.y - p.y || p.x - q.x);
  const lines: Line[] = [];
  for (const item of sorted) {
    const last = lines[lines.length - 1];
    if (last && Math.abs(last.y - item.y) <= Math.min(last.size, item.size) * 0.35) last.items.push(item);
    else lines.push({ y: item.y, size: item.size, items: [item] });
  }
  for (const line of lines) line.items.sort((p, q) => p.x - q.x);
  const celled = lines.map((line): Line => ({
    ...line,
    items: cellsOf(line).map((c) => ({ text: c.text, x: c.x0, y: line.y, width: c.x1 - c.x0, size: line.size })),
  }));
  return joinWrappedCells(celled);
}

/** A line that holds a figure or a classification code: a row of a table of its own, never a wrapped part of another. */
function isAnchor(line: Line): boolean {
  return line.items.some((i) => FIGURE.test(i.text) || /^[0-9]{3,}$/.test(i.text));
}

/**
 * A cell of a table wrapped onto several lines (a long label, a header cell) is one cell. A cell wraps
 * only when its line is full: it reaches, within a character, as far right as the widest cell starting
 * at the same left edge on the page. Two lines that each hold figures or codes are two rows. A wrapped
 * cell whose last line carries the row's figures (text aligned to the bottom of the cell) is joined on
 * that line; one whose first line does (aligned to the top) on the first; and one centred on a row of
 * figures between its lines is moved onto that row. Lines of running text (one cell) are left alone.
 */
function joinWrappedCells(lines: readonly Line[]): Line[] {
  const all = lines.flatMap((l) => l.items);
  const pageRight = Math.max(...all.map((i) => i.x + i.width));
  const lineOf = new Map<Item, number>();
  lines.forEach((l, n) => l.items.forEach((i) => lineOf.set(i, n)));
  // Where the next column starts to the right of `cell`'s text (text of nearby lines), or the right margin.
  const boundary = (cell: Item, right: number): number => {
    const n = lineOf.get(cell) ?? 0;
    let edge = pageRight;
    for (let m = Math.max(0, n - 4); m < Math.min(lines.length, n + 5); m += 1) {
      for (const i of lines[m]!.items) if (i !== cell && i.x >= right - 0.5 && i.x < edge) edge = i.x;
    }
    return edge;
  };
  const widest = new Map<Item, number>();
  for (const item of all) {
    let right = item.x + item.width;
    for (const peer of all) if (Math.abs(peer.x - item.x) <= 1.5 && Math.abs(peer.size - item.size) <= 0.5) right = Math.max(right, peer.x + peer.width);
    widest.set(item, right);
  }
  // The cell's last line is full when it is as wide as the widest cell starting where it starts, or
  // when the first character of `next` would not have fitted before the next column's text.
  const full = (cell: Item, next: Item) => {
    const last = cell.last ?? cell;
    const right = last.x + last.width;
    // What could not be broken off: one character, or a bracketed group such as （一）.
    const text = next.text.trim();
    const group = /^[（(][^）)]{0,4}[）)]/.exec(text)?.[0] ?? text.slice(0, 1);
    const char = (next.width * group.length) / Math.max(1, text.length);
    if (cell.last === undefined && right >= (widest.get(cell) ?? 0) - cell.size * 1.2) return true;
    return boundary(cell, right) - right < char + cell.size * 0.9;
  };
  const out: Line[] = [];
  const open: { cell: Item; line: Line }[] = [];
  const own = (item: Item) => {
    const piece = item.text.trim();
    const marker = LINE_START.exec(piece)?.[0];
    return FIGURE.test(piece) || (marker !== undefined && marker.length < piece.length) || /^[0-9]{3}/.test(piece);
  };
  lines.forEach((source, index) => {
    const line: Line = { ...source, items: [] };
    const anchor = isAnchor(source);
    const aboveOf = (item: Item) => (own(item) ? undefined : open.find((o) => continues(o.cell, item) && full(o.cell, item) && !(anchor && isAnchor(o.line))));
    // A line of continued cells holds nothing else: one cell that starts a row makes the whole line a row.
    const links = source.items.map(aboveOf);
    const wraps = anchor ? links.map((l) => l && !l.line.items.some((i) => !source.items.some((j) => continues(i, j)))) : links.every(Boolean) ? links : [];
    source.items.forEach((item, k) => {
      const above = wraps[k] ? links[k] : undefined;
      if (!above) {
        line.items.push(item);
        return;
      }
      const piece = item.text.trim();
      const joint = /[A-Za-z0-9]$/.test(above.cell.text) && /^[A-Za-z0-9]/.test(piece) ? " " : "";
      const text = above.cell.text.trim() + joint + piece;
      if (anchor && !isAnchor(above.line) && above.cell.last === undefined) {
        // The head of this row's cell, printed above its figures: the cell moves down onto this line.
        above.line.items.splice(above.line.items.indexOf(above.cell), 1);
        open.splice(open.indexOf(above), 1);
        line.items.push({ ...item, text });
      } else {
        above.cell.text = text;
        above.cell.last = { x: item.x, y: item.y, width: item.width };
      }
    });
    // Only the pieces of a table line (two cells or more, or a line of one cell just above or below one) wrap.
    const table = line.items.length >= 2 || open.some((o) => o.line === out[out.length - 1]) || (lines[index + 1]?.items.length ?? 0) >= 2;
    if (line.items.length > 0 && table) for (const cell of line.items) open.push({ cell, line });
    if (line.items.length > 0) out.push(line);
  });
  return centreWrappedCells(out.filter((l) => l.items.length > 0));
}

/**
 * A cell wrapped onto several lines and centred vertically in its row: the row's other cells are on a
 * line between its first and last line. It is moved onto that line.
 */
function centreWrappedCells(lines: Line[]): Line[] {
  for (const line of lines) {
    for (const cell of [...line.items]) {
      if (!cell.last || isAnchor(line)) continue;
      const between = (l: Line) => l !== line && Math.abs(l.y - (cell.y + cell.last!.y) / 2) <= cell.size * 0.6 && !l.items.some((i) => i.x < cell.x + cell.width && i.x + i.width > cell.x);
      // Onto a row of figures; or, from a line of its own, onto a header row.
      const target = lines.find((l) => between(l) && isAnchor(l)) ?? (line.items.length === 1 ? lines.find((l) => between(l) && l.items.length >= 2) : undefined);
      if (!target) continue;
      line.items.splice(line.items.indexOf(cell), 1);
      target.items.push(cell);
      target.items.sort((p, q) => p.x - q.x);
    }
  }
  return lines.filter((l) => l.items.length > 0);
}

function continues(cell: Item, item: Item): boolean {
  const last = cell.last ?? cell;
  const drop = last.y - item.y;
  if (drop < item.size * 0.5 || drop > item.size * 1.95 || Math.abs(cell.size - item.size) > 0.5) return false;
  const tolerance = 1.5;
  return (
    Math.abs(last.x - item.x) <= tolerance ||
    Math.abs(last.x + last.width / 2 - (item.x + item.width / 2)) <= tolerance ||
    Math.abs(last.x + last.width - (item.x + item.width)) <= tolerance
  );
}


const FIGURE = /^-?[0-9][0-9,]*(?:\.[0-9]+)?$/;
const CJK = /[\u3000-\u9fff\uff00-\uffef]/;
/** An amount as tables print it: thousands separators or two decimals. */
const AMOUNT = /^-?(?:[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+\.[0-9]{2})$/;

/** A cell of a line: pieces joined across narrow gaps, with its horizontal extent. */
interface Cell {
  readonly text: string;
  readonly x0: number;
  readonly x1: number;
}

/**
 * A line's cells: a wide gap (more than 0.6 of the font size, or any gap between two figures) is a
 * column break; a narrow one is a space between Latin words, or nothing between Chinese characters.
 * In a table line (one with a wide gap), a figure and Chinese text side by side are two cells even
 * across a narrow gap: a figure right-aligned in its cell nearly touches the next cell's label when the
 * table is printed shrunk to fit.
 */
function cellsOf(line: Line): Cell[] {
  const cells: Cell[] = [];
  let text = "";
  let x0 = 0;
  let end = -Infinity;
  let previous = "";
  let table = false;
  for (let i = 1; i < line.items.length && !table; i += 1) {
    const before = line.items[i - 1]!;
    table = line.items[i]!.x - (before.x + before.width) > line.items[i]!.size * 0.6;
  }
  for (const item of line.items) {
    const piece = item.text.trim();
    const gap = item.x - end;
    if (text !== "") {
      const figures = FIGURE.test(previous) && FIGURE.test(piece);
      const mixed = table && ((FIGURE.test(previous) && CJK.test(piece[0] ?? "")) || (CJK.test(previous.slice(-1)) && AMOUNT.test(piece)));
      const column = gap > item.size * 0.6 || (gap > item.size * 0.15 && figures) || (gap > item.size * 0.1 && mixed);
      if (column) {
        cells.push({ text, x0, x1: end });
        text = "";
      } else if (gap > item.size * 0.15 && !(CJK.test(text.slice(-1)) && CJK.test(piece[0] ?? ""))) text += " ";
    }
    if (text === "") x0 = item.x;
    text += piece;
    end = Math.max(end, item.x + item.width);
    previous = piece;
  }
  if (text !== "") cells.push({ text, x0, x1: end });
  return cells;
}

function lineText(line: Line): string {
  return cellsOf(line)
    .map((c) => c.text)
    .join("   ");
}

/**
 * The lines of one page as text. A run of table lines (two cells or more; a line of one cell between
 * them, such as a row whose other cells are blank, belongs to the run) is laid out on columns: the
 * columns are the horizontal extents of the narrowest cells, widened by the cells that overlap only
 * one of them (a cell over several columns is a merged header cell). Each row is written with a tab
 * between every column, blank cells kept blank, a merged cell in the first column it covers.
 */
/** The columns of a page's last table, which the next page may continue with its header repeated. */
interface LastRun {
  readonly first: string;
  readonly columns: { x0: number; x1: number }[];
}

function pageText(lines: readonly Line[], previous: { last?: LastRun }): (string | null)[] {
  const cells = lines.map(cellsOf);
  const out: (string | null)[] = cells.map((c) => c.map((cell) => cell.text).join("   "));
  let at = 0;
  while (at < lines.length) {
    if (cells[at]!.length < 2) {
      at += 1;
      continue;
    }
    // A header cell over several columns printed on a line of its own just above the header row.
    const head = lines[at - 1];
    if (head && cells[at - 1]!.length === 1 && head.y - lines[at]!.y <= head.size * 2.2 && !/^单位[:：]|^目\s*录$|^表\s*[0-9]|表(?:[（(][^）)]*[）)])?$/.test(out[at - 1] ?? "")) at -= 1;
    let end = at + 1;
    for (;;) {
      if (end < lines.length && cells[end]!.length >= 2) end += 1;
      else if (end + 1 < lines.length && cells[end]!.length === 1 && cells[end + 1]!.length >= 2) end += 2;
      else break;
    }
    const run = cells.slice(at, end);
    const first = run[0]!.map((c) => c.text).join("");
    // The same table continued after a page break, its header printed again: the same columns.
    const columns = previous.last?.first === first ? previous.last.columns : columnsOf(run);
    previous.last = { first, columns };
    const rows = run.map((row) => {
      const slots: { text: string; centre: number }[] = columns.map(() => ({ text: "", centre: 0 }));
      for (const cell of row) {
        const k = columns.findIndex((c) => cell.x1 > c.x0 && cell.x0 < c.x1);
        const slot = slots[k === -1 ? nearest(columns, cell) : k]!;
        slot.text = slot.text ? `${slot.text} ${cell.text}` : cell.text;
        slot.centre = (cell.x0 + cell.x1) / 2;
      }
      return slots;
    });
    mergeSpannedHeaderRows(rows);
    centreMergedHeaders(rows, columns);
    rows.forEach((slots, i) => {
      // A header line merged into the line above is dropped.
      out[at + i] = slots.length === 0 ? null : slots.map((slot) => slot.text).join("\t");
    });
    at = end;
  }
  return out;
}

/**
 * The columns of a run of table lines. Body rows (from the first row with a figure on) come first: a
 * body cell over two columns joins them (a left-aligned label and a centred one are one column). Then
 * the header rows: a header cell over one column widens it, over several it is a merged cell.
 */
function columnsOf(run: readonly (readonly Cell[])[]): { x0: number; x1: number }[] {
  // Without figures (a 目录, an empty table), the first row is the header.
  const withFigure = run.findIndex((row) => row.some((c) => FIGURE.test(c.text)));
  const firstBody = withFigure === -1 ? 1 : withFigure;
  const body = run.slice(firstBody).flat();
  const header = run.slice(0, firstBody).flat();
  const byWidth = (cells: readonly Cell[]) => [...cells].sort((p, q) => p.x1 - p.x0 - (q.x1 - q.x0));
  let columns: { x0: number; x1: number }[] = [];
  const place = (cell: Cell, merge: boolean) => {
    const over = columns.filter((c) => cell.x1 > c.x0 && cell.x0 < c.x1);
    if (over.length === 0) columns.push({ x0: cell.x0, x1: cell.x1 });
    else if (over.length === 1 || merge) {
      const joined = { x0: Math.min(cell.x0, ...over.map((c) => c.x0)), x1: Math.max(cell.x1, ...over.map((c) => c.x1)) };
      columns = [...columns.filter((c) => !over.includes(c)), joined];
    }
  };
  for (const cell of byWidth(body)) place(cell, true);
  for (const cell of byWidth(header)) place(cell, false);
  return columns.sort((p, q) => p.x0 - q.x0);
}

/**
 * Header cells over two header rows are printed centred between them, on a line of their own: a header
 * line whose cells all stand where the lines above and below are blank joins the line above (the
 * header's top row, where text puts a merged cell). Changes `rows` in place.
 */
function mergeSpannedHeaderRows(rows: { text: string; centre: number }[][]): void {
  for (let r = 1; r + 1 < rows.length; r += 1) {
    if (rows[r - 1]!.length === 0) continue;
    if (rows[r + 1]!.some((slot) => FIGURE.test(slot.text)) || rows[r]!.some((slot) => FIGURE.test(slot.text))) break;
    const [above, line, below] = [rows[r - 1]!, rows[r]!, rows[r + 1]!];
    const filled = line.flatMap((slot, k) => (slot.text ? [k] : []));
    if (filled.length === 0 || !filled.every((k) => !above[k]!.text && !below[k]!.text)) continue;
    for (const k of filled) above[k] = line[k]!;
    rows[r] = [];
  }
}

/**
 * A header cell over several columns is printed centred over them, so it lies in a middle column:
 * it moves to the first column of its span, the widest run of columns around it that is blank in its
 * row, has header cells in the row below, and is centred on the text (within a font size or so).
 */
function centreMergedHeaders(rows: { text: string; centre: number }[][], columns: readonly { x0: number; x1: number }[]): void {
  const kept = rows.filter((row) => row.length > 0);
  for (let r = 0; r + 1 < kept.length; r += 1) {
    const row = kept[r]!;
    const below = kept[r + 1]!;
    if (below.some((slot) => FIGURE.test(slot.text))) break;
    for (let k = 0; k < row.length; k += 1) {
      if (!row[k]!.text || !below[k]!.text) continue;
      let left = k;
      while (left > 0 && !row[left - 1]!.text && below[left - 1]!.text) left -= 1;
      let right = k;
      while (right + 1 < row.length && !row[right + 1]!.text && below[right + 1]!.text) right += 1;
      let best: [number, number] = [k, k];
      for (let a = left; a <= k; a += 1) {
        for (let b = k; b <= right; b += 1) {
          const centre = (columns[a]!.x0 + columns[b]!.x1) / 2;
          if (Math.abs(centre - row[k]!.centre) <= 6 && b - a > best[1] - best[0]) best = [a, b];
        }
      }
      if (best[0] < k) {
        row[best[0]] = row[k]!;
        row[k] = { text: "", centre: 0 };
      }
    }
  }
}

function nearest(columns: readonly { x0: number; x1: number }[], cell: Cell): number {
  let best = 0;
  columns.forEach((c, i) => {
    if (Math.abs(c.x0 - cell.x0) < Math.abs(columns[best]!.x0 - cell.x0)) best = i;
  });
  return best;
}

/** The Disclosure with every SourceLocation mapped by `map` (a line of the rebuilt text → its page). */
function withPages(disclosure: Disclosure, map: (source: SourceLocation | undefined) => SourceLocation | undefined): Disclosure {
  const at = <T extends { readonly source?: SourceLocation }>(thing: T): T => {
    const source = map(thing.source);
    return source ? { ...thing, source } : thing;
  };
  const table = (t: Table): Table => at({ ...t, rows: t.rows.map(at) });
  return {
    ...disclosure,
    toc: disclosure.toc.map(at),
    tables: disclosure.tables.map(table),
    narrative: disclosure.narrative.map(at),
    unread: disclosure.unread.map(at),
  };
}
