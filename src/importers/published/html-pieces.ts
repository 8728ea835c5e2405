/**
 * Pieces of an HTML document, parsed with parse5: each `<table>` becomes a grid with its rowspan and
 * colspan cells laid out as the text format prints them (text in the first cell of the span, blanks in
 * the rest), and headings and paragraphs become lines of text.
 */
import { type DefaultTreeAdapterTypes, parse } from "parse5";
import { cleanText, joinChineseText } from "./cells.ts";
import type { GridRow, Piece } from "./pieces.ts";
import { textPiece } from "./pieces.ts";

type Node = DefaultTreeAdapterTypes.ChildNode | DefaultTreeAdapterTypes.Document;
type Element = DefaultTreeAdapterTypes.Element;

const BLOCKS = new Set([
  "p", "div", "li", "section", "article", "main", "header", "footer", "blockquote", "pre", "center",
  "ul", "ol", "dl", "dt", "dd", "caption", "body", "html", "h1", "h2", "h3", "h4", "h5", "h6", "table",
]);
const HEADINGS = /^h[1-6]$/;
// A chart's SVG carries its labels as text; the data table beside it is what a reader reads.
const SKIPPED = new Set(["script", "style", "head", "template", "svg"]);

export function htmlPieces(html: string): Piece[] {
  const document = parse(html, { sourceCodeLocationInfo: true });
  const pieces: Piece[] = [];
  walk(document, pieces);
  return pieces;
}

function isElement(node: Node): node is Element {
  return "tagName" in node;
}

function childrenOf(node: Node): readonly Node[] {
  return "childNodes" in node ? node.childNodes : [];
}

function lineOf(node: Node): number {
  return ("sourceCodeLocation" in node && node.sourceCodeLocation?.startLine) || 1;
}

function walk(node: Node, pieces: Piece[]): void {
  if (isElement(node)) {
    if (SKIPPED.has(node.tagName)) return;
    if (node.tagName === "table") {
      const caption = node.childNodes.find((c) => isElement(c) && c.tagName === "caption");
      if (caption) emitText(caption, pieces, true);
      const rows = tableRows(node);
      if (rows.length > 0) pieces.push({ kind: "grid", rows, line: rows[0]!.line });
      return;
    }
    if (!hasBlockInside(node) && node.tagName !== "html" && node.tagName !== "body") {
      emitText(node, pieces, HEADINGS.test(node.tagName) || isAllBold(node));
      return;
    }
  }
  for (const child of childrenOf(node)) {
    if (!isElement(child) && "value" in child && child.nodeName === "#text") {
      emitText(child, pieces, false);
    } else {
      walk(child, pieces);
    }
  }
}

function hasBlockInside(node: Node): boolean {
  return childrenOf(node).some((c) => isElement(c) && (BLOCKS.has(c.tagName) || hasBlockInside(c)));
}

/** A paragraph whose whole text is bold reads as a heading, as publishers use it. */
function isAllBold(node: Element): boolean {
  const meaningful = node.childNodes.filter((c) => !(c.nodeName === "#text" && "value" in c && c.value.trim() === ""));
  return meaningful.length === 1 && isElement(meaningful[0]!) && ["b", "strong"].includes(meaningful[0].tagName);
}

function emitText(node: Node, pieces: Piece[], marked: boolean): void {
  const line = lineOf(node);
  textOf(node)
    .split("\n")
    .forEach((text, i) => {
      const piece = textPiece(text, line + i, marked);
      if (piece) pieces.push(piece);
    });
}

/** The text of a node, with `<br>` and paragraph ends as line breaks. */
function textOf(node: Node): string {
  // Line breaks in the HTML source are not breaks in the text: only <br> and block ends are.
  if (!isElement(node)) return "value" in node && node.nodeName === "#text" ? joinChineseText(node.value.replace(/\s+/g, " ")) : "";
  if (node.tagName === "br") return "\n";
  if (SKIPPED.has(node.tagName)) return "";
  const inner = childrenOf(node).map(textOf).join("");
  return node.tagName === "p" || node.tagName === "div" || node.tagName === "li" ? `${inner}\n` : inner;
}

function descendantRows(node: Node): Element[] {
  const rows: Element[] = [];
  for (const child of childrenOf(node)) {
    if (!isElement(child) || child.tagName === "table") continue;
    if (child.tagName === "tr") rows.push(child);
    else rows.push(...descendantRows(child));
  }
  return rows;
}

function spanOf(cell: Element, name: "rowspan" | "colspan"): number {
  const value = Number(cell.attrs.find((a) => a.name === name)?.value ?? "1");
  return Number.isInteger(value) && value > 0 ? Math.min(value, 200) : 1;
}

const CJK_CHAR = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”‘’]/;
const SENTENCE_END = /[。；;！!？?：:]$/;
const LIST_ITEM = /^(?:\d+[、.．]|[一二三四五六七八九十]+、|[（(][\d一二三四五六七八九十]+[)）])/;

/**
 * A `<br>` inside a cell is most often a label or header wrapped to fit the column (`科目<br>编码`,
 * `机关事业单位基本养老保险<br>缴费支出`): the parts are joined (with a space unless both sides are Chinese).
 * A break after a sentence, or before a numbered item, is a line of its own and stays.
 */
function unwrapped(text: string): string {
  if (!text.includes("\n")) return text;
  return text.split("\n").reduce((joined, line) => {
    if (SENTENCE_END.test(joined) || LIST_ITEM.test(line) || line === "" || joined === "") return `${joined}\n${line}`;
    const glue = CJK_CHAR.test(joined.at(-1)!) && CJK_CHAR.test(line[0]!) ? "" : " ";
    return joined + glue + line;
  });
}

/** Lays the rows out on a grid, giving each spanned position a blank cell. */
function tableRows(table: Element): GridRow[] {
  const grid: string[][] = [];
  const rows = descendantRows(table);
  rows.forEach((tr, r) => {
    const out = (grid[r] ??= []);
    let c = 0;
    for (const cell of tr.childNodes) {
      if (!isElement(cell) || (cell.tagName !== "td" && cell.tagName !== "th")) continue;
      while (out[c] !== undefined) c += 1;
      const rowSpan = spanOf(cell, "rowspan");
      const colSpan = spanOf(cell, "colspan");
      for (let dr = 0; dr < rowSpan; dr += 1) {
        const target = (grid[r + dr] ??= []);
        for (let dc = 0; dc < colSpan; dc += 1) target[c + dc] = dr === 0 && dc === 0 ? unwrapped(cleanText(textOf(cell))) : "";
      }
      c += colSpan;
    }
  });
  return rows.map((tr, r) => ({
    cells: Array.from(grid[r] ?? [], (cell) => cell ?? ""),
    line: lineOf(tr),
  }));
}
