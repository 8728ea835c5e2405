/**
 * Reads a published disclosure from a text-based PDF into a Disclosure. pdf.js (the legacy build, which
 * runs on Node 20) gives every piece of text with its position; lines are rebuilt from baselines, the
 * pieces of a line ordered by x and joined with a column break where the gap between them is wide (a run
 * of spaces, so the text reader treats the result as text copied from a PDF: cells split on runs of spaces,
 * figures placed by arithmetic when blank cells are lost) and with nothing or a space where it is
 * narrow. Page numbers and running headers/footers are dropped. The text then goes to `readPublished`,
 * and every SourceLocation it produces is turned from a line of that text into the page it came from.
 *
 * What cannot be read is said, not guessed: a PDF with no text (scanned images), an encrypted PDF, and a
 * file that is not a PDF or is damaged come back as `{ unreadable }`.
 *
 * @example
 * const result = await readPdf(readFileSync("x.pdf"), { origin: "x.pdf" });
 * if ("unreadable" in result) console.error(result.unreadable);
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { Disclosure } from "../../model/disclosure.ts";
import type { SourceLocation, Table } from "../../model/table.ts";
import { readPublished } from "../published/read-published.ts";

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
  const lines = pageLines(pages.pages);
  if (lines.length === 0) {
    const n = pages.pages.length;
    return { unreadable: `扫描件（图片），没有可读取的文字：${n === 1 ? "第 1 页" : `第 1–${n} 页`}` };
  }
  const disclosure = readPublished(lines.map((l) => l.text).join("\n"), { origin: options.origin, format: "text" });
  const onPage = (source: SourceLocation | undefined): SourceLocation | undefined => {
    const page = source?.line === undefined ? undefined : lines[source.line - 1]?.page;
    return page === undefined ? source : { page };
  };
  const paged = withPages(disclosure, onPage);
  const textless = pages.pages.flatMap((items, i) => (items.length === 0 ? [i + 1] : []));
  if (textless.length === 0) return paged;
  const why = "页面没有可读取的文字（空白页或扫描图片），未检查";
  return { ...paged, unread: [...paged.unread, { text: `第 ${textless.join("、")} 页`, why }] };
}

/** The rebuilt lines of a PDF with their pages (for trying the reader out). */
export async function pdfText(bytes: Uint8Array): Promise<PageLine[] | { unreadable: string }> {
  const pages = await pdfPages(bytes);
  return "unreadable" in pages ? pages : pageLines(pages.pages);
}

/** The text items of every page, or why the file cannot be read. */
async function pdfPages(bytes: Uint8Array): Promise<{ pages: Item[][] } | { unreadable: string }> {
  // pdf.js takes ownership of (detaches) the buffer it is given: pass a copy.
  const data = new Uint8Array(bytes);
  const task = getDocument({ data, ...pdfAssets(), cMapPacked: true, verbosity: 0, isEvalSupported: false, useSystemFonts: false });
  try {
    const doc = await task.promise;
    const pages: Item[][] = [];
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
        items.push({ text: item.str, x: x!, y: y!, width: item.width, size });
      }
      pages.push(items);
      page.cleanup();
    }
    return { pages };
  } catch (error) {
    const name = (error as Error).name;
    if (name === "PasswordException") return { unreadable: "PDF 已加密，无法读取" };
    return { unreadable: "不是有效的 PDF 文件" };
  } finally {
    await task.destroy();
  }
}

/** The lines of all pages in reading order, page furniture dropped. */
export function pageLines(pages: readonly (readonly Item[])[]): PageLine[] {
  const perPage = pages.map((items) => linesOf(items));
  const furniture = runningLines(perPage);
  const out: PageLine[] = [];
  const seen = new Set<string>();
  const previous: { last?: LastRun } = {};
  perPage.forEach((lines, index) => {
    const texts = pageText(lines, previous);
    const right = Math.max(...lines.map((l) => lineEnd(l)));
    lines.forEach((line, at) => {
      const text = texts[at]!;
      const plain = lineText(line);
      const before = lines[at - 1];
      const previous = out[out.length - 1];
      if (before && previous?.page === index + 1 && wrapsOnto(before, line, right) && !texts[at - 1]!.includes("\t")) {
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
      out.push({ text, page: index + 1 });
    });
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

/** The items of one page as lines, top to bottom; items on one baseline (within a third of the font size) are one line. */
function linesOf(items: readonly Item[]): Line[] {
  const sorted = [...items].sort((p, q) => q.y - p.y || p.x - q.x);
  const lines: Line[] = [];
  for (const item of sorted) {
    const last = lines[lines.length - 1];
    if (last && Math.abs(last.y - item.y) <= Math.min(last.size, item.size) * 0.35) last.items.push(item);
    else lines.push({ y: item.y, size: item.size, items: [item] });
  }
  for (const line of lines) line.items.sort((p, q) => p.x - q.x);
  return joinWrappedCells(lines);
}

/**
 * A cell of a table row wrapped onto several lines (a long label, a header cell) is one cell: a piece
 * just below a piece of a table line (a line of two cells or more), not a figure, aligned with it left,
 * centre or right, is appended to it. Lines of running text (one cell) are left alone.
 */
function joinWrappedCells(lines: readonly Line[]): Line[] {
  const open: Item[] = [];
  const out: Line[] = [];
  for (const line of lines) {
    const kept: Item[] = [];
    for (const item of line.items) {
      // A figure, a numbered item (二、…, （一）…, 1.…, not a lone `（一）` ending a label) or a code
      // starts a row of its own.
      const piece = item.text.trim();
      const marker = LINE_START.exec(piece)?.[0];
      const own = FIGURE.test(piece) || (marker !== undefined && marker.length < piece.length) || /^[0-9]{3}/.test(piece);
      const cell = own ? undefined : open.find((c) => continues(c, item));
      if (cell) {
        const joint = /[A-Za-z0-9]$/.test(cell.text) && /^[A-Za-z0-9]/.test(item.text.trim()) ? " " : "";
        cell.text = cell.text.trim() + joint + item.text.trim();
        cell.last = { x: item.x, y: item.y, width: item.width };
      } else kept.push(item);
    }
    // Only the pieces of a table line (two cells or more) wrap.
    if (kept.length > 0 && cellCount(kept) >= 2) open.push(...kept);
    if (kept.length > 0) out.push({ ...line, items: kept });
  }
  return out;
}

function continues(cell: Item, item: Item): boolean {
  const last = cell.last ?? cell;
  const drop = last.y - item.y;
  if (drop < item.size * 0.5 || drop > item.size * 1.95 || Math.abs(cell.size - item.size) > 0.5) return false;
  const tolerance = 1;
  return (
    Math.abs(last.x - item.x) <= tolerance ||
    Math.abs(last.x + last.width / 2 - (item.x + item.width / 2)) <= tolerance ||
    Math.abs(last.x + last.width - (item.x + item.width)) <= tolerance
  );
}

function cellCount(items: readonly Item[]): number {
  return cellsOf({ y: 0, size: items[0]!.size, items: [...items] }).length;
}

const FIGURE = /^-?[0-9][0-9,]*(?:\.[0-9]+)?$/;
const CJK = /[\u3000-\u9fff\uff00-\uffef]/;

/** A cell of a line: pieces joined across narrow gaps, with its horizontal extent. */
interface Cell {
  readonly text: string;
  readonly x0: number;
  readonly x1: number;
}

/**
 * A line's cells: a wide gap (more than 0.6 of the font size, or any gap between two figures) is a
 * column break; a narrow one is a space between Latin words, or nothing between Chinese characters.
 */
function cellsOf(line: Line): Cell[] {
  const cells: Cell[] = [];
  let text = "";
  let x0 = 0;
  let end = -Infinity;
  let previous = "";
  for (const item of line.items) {
    const piece = item.text.trim();
    const gap = item.x - end;
    if (text !== "") {
      const column = gap > item.size * 0.6 || (gap > item.size * 0.15 && FIGURE.test(previous) && FIGURE.test(piece));
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

function pageText(lines: readonly Line[], previous: { last?: LastRun }): string[] {
  const cells = lines.map(cellsOf);
  const out = cells.map((c) => c.map((cell) => cell.text).join("   "));
  let at = 0;
  while (at < lines.length) {
    if (cells[at]!.length < 2) {
      at += 1;
      continue;
    }
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
    centreMergedHeaders(rows, columns);
    rows.forEach((slots, i) => {
      out[at + i] = slots.map((slot) => slot.text).join("\t");
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
 * A header cell over several columns is printed centred over them, so it lies in a middle column:
 * it moves to the first column of its span, the widest run of columns around it that is blank in its
 * row, has header cells in the row below, and is centred on the text (within a font size or so).
 */
function centreMergedHeaders(rows: { text: string; centre: number }[][], columns: readonly { x0: number; x1: number }[]): void {
  for (let r = 0; r + 1 < rows.length; r += 1) {
    const row = rows[r]!;
    const below = rows[r + 1]!;
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
