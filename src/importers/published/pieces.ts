/**
 * A published document as a sequence of pieces: lines of text and grids of cells, each with the line
 * it was read from. Every format (plain text with tab-separated tables, Markdown, HTML) is first turned
 * into pieces, so finding tables and sections is written once.
 */
import type { SourceLocation } from "../../model/table.ts";
import { cleanText } from "./cells.ts";

export interface TextPiece {
  readonly kind: "text";
  readonly text: string;
  readonly line: number;
  /** Marked as a heading by the publisher (`#`, a bold line, `<h2>`). */
  readonly marked: boolean;
}

export interface GridRow {
  readonly cells: readonly string[];
  readonly line: number;
}

export interface GridPiece {
  readonly kind: "grid";
  readonly rows: readonly GridRow[];
  readonly line: number;
  /** Cells were split on runs of spaces, so blank cells were lost and short rows are ambiguous. */
  readonly spaceSeparated?: boolean;
}

export type Piece = TextPiece | GridPiece;

/** Something the reader saw but could not map, reported with the reason instead of guessed at. */
export interface Unread {
  readonly text: string;
  readonly source?: SourceLocation;
  readonly why: string;
}

const MARKDOWN_SEPARATOR = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/;

/** Splits a line of a text document into cells, or returns null when the line is not a table row. */
type RowSplitter = (line: string) => string[] | null;

const byTabs: RowSplitter = (line) => (line.includes("\t") ? line.split("\t") : null);

/**
 * Without any tab in the document, two or more spaces separate cells (text copied from a PDF); figures
 * that end a cell after a single space (`事业运行 1368693 1328693`) are cells of their own.
 */
const bySpaces: RowSplitter = (line) => {
  const cells = line.trim().split(/[ \u3000]{2,}/).flatMap(splitTrailingFigures);
  return cells.length >= 2 ? cells : null;
};

const FIGURE = /^-?[0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?$/;
/** A spaced code (`201 03 50`) is one cell, not three figures. */
const SPACED_CODE = /^[0-9]{3}(?: [0-9]{2}){1,3}$/;

function splitTrailingFigures(cell: string): string[] {
  if (SPACED_CODE.test(cell.trim())) return [cell];
  const tokens = cell.trim().split(/[ \u3000]+/);
  let at = tokens.length;
  while (at > 0 && FIGURE.test(tokens[at - 1]!)) at -= 1;
  if (at === tokens.length || (at === 0 && tokens.length === 1)) return [cell];
  const head = tokens.slice(0, at).join(" ");
  return [...(head ? [head] : []), ...tokens.slice(at)];
}

/**
 * Page furniture of a document printed to PDF and copied out: page numbers (`— 3 —`, `- 3 -`, `第 3 页`,
 * `第3页 共25页`, `3/25`, a bare number) and the running header that repeats one of the document's
 * first lines on every page. They are dropped (left blank, so line numbers hold) when the text looks
 * copied from a PDF: it has page numbers, or a line of its head repeated three times or more.
 */
/** A dropped line: it neither ends a table nor is text. */
const DROPPED = "\u0000";
const PAGE_NUMBER = /^(?:[-－—–]+\s*\d{1,3}\s*[-－—–]+|第\s*\d{1,3}\s*页(?:\s*[,，]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*\/\s*\d{1,3}|\d{1,3})$/;

function withoutPageFurniture(lines: readonly string[]): string[] {
  const trimmed = lines.map((l) => l.trim().replace(/[ \u3000]+/g, " "));
  const pageLines = trimmed.filter((l) => PAGE_NUMBER.test(l) && !/^\d{1,3}$/.test(l)).length;
  const head = trimmed.filter((l) => l !== "").slice(0, 6);
  const counts = new Map<string, number>();
  for (const l of trimmed) if (head.includes(l)) counts.set(l, (counts.get(l) ?? 0) + 1);
  const running = new Set([...counts].filter(([l, n]) => n >= 3 && l.length <= 60).map(([l]) => l));
  if (pageLines < 2 && running.size === 0) return [...lines];
  const seen = new Set<string>();
  return lines.map((line, i) => {
    const t = trimmed[i]!;
    if (pageLines >= 2 && PAGE_NUMBER.test(t)) return DROPPED;
    if (running.has(t)) {
      if (seen.has(t)) return DROPPED;
      seen.add(t);
    }
    return line;
  });
}

const byPipes: RowSplitter = (line) => {
  if (!/^\s*\|.*\|\s*$/.test(line)) return null;
  return line.trim().slice(1, -1).split("|");
};

/** Pieces of a plain-text or Markdown document. */
export function linePieces(text: string, format: "text" | "markdown"): Piece[] {
  const split: RowSplitter = format === "markdown" ? byPipes : text.includes("\t") ? byTabs : bySpaces;
  const pieces: Piece[] = [];
  let grid: GridRow[] = [];
  let firstRaw = "";
  const closeGrid = () => {
    // Split on spaces, a lone line is more likely a heading with a wide gap than a one-row table.
    // A header row of three or more cells is a table, though its rows were blank (a 空表).
    const lone = split === bySpaces && grid.length === 1 && grid[0]!.cells.length < 3 ? textPiece(firstRaw, grid[0]!.line) : null;
    if (lone) pieces.push(lone);
    else if (grid.length > 0) {
      pieces.push({ kind: "grid", rows: grid, line: grid[0]!.line, ...(split === bySpaces ? { spaceSeparated: true } : {}) });
    }
    grid = [];
  };
  const lines = withoutComments(text).split(/\r\n|\r|\n/);
  const kept = split === bySpaces ? withoutPageFurniture(lines) : lines;
  kept.forEach((raw, index) => {
    const line = index + 1;
    if (raw === DROPPED) return;
    if (split === bySpaces && grid.length > 0 && isWrapInsideTable(raw, kept, index + 1)) {
      grid.push({ cells: [cleanText(raw)], line });
      return;
    }
    if (format === "markdown" && MARKDOWN_SEPARATOR.test(raw) && grid.length > 0) return;
    const cells = raw.trim() === "" ? null : split(raw);
    if (cells) {
      if (grid.length === 0) firstRaw = raw;
      grid.push({ cells: cells.map((cell) => cleanText(cell)), line });
      return;
    }
    closeGrid();
    const piece = textPiece(raw, line);
    if (piece) pieces.push(piece);
  });
  closeGrid();
  return pieces;
}

/** `<!-- … -->` comments (Markdown allows them; fixtures carry one) become blank, keeping line numbers. */
function withoutComments(text: string): string {
  return text.replace(/<!--[\s\S]*?-->/g, (comment) => comment.replace(/[^\r\n]/g, ""));
}

/**
 * Inside a table copied with spaces, a short lone word between two rows (`支出`, the end of a wrapped
 * label) is a row of the table, not a line of text.
 */
function isWrapInsideTable(raw: string, lines: readonly string[], from: number): boolean {
  const text = raw.trim();
  if (/^(?:合\s*计|总\s*计)$/.test(text)) return true;
  if (text === "" || text.length > 16 || /[。；，,;：:]|^表|单位/.test(text) || bySpaces(raw) !== null) return false;
  for (let i = from; i < lines.length; i += 1) {
    const l = lines[i]!;
    if (l.trim() !== "" && l !== DROPPED) return bySpaces(l) !== null;
  }
  return false;
}

/** A line of text with its Markdown heading and list marks removed; null for a blank line. */
export function textPiece(raw: string, line: number, marked = false): TextPiece | null {
  const heading = /^\s*#{1,6}\s+/.exec(raw);
  const withoutMarks = raw.replace(/^\s*#{1,6}\s+/, "").replace(/^\s*[-*+]\s+/, "");
  const bold = /^\s*(?:\*\*.+\*\*|<b>.+<\/b>|<strong>.+<\/strong>)\s*$/i.test(withoutMarks);
  const text = cleanText(withoutMarks, { joinChinese: false });
  if (text === "") return null;
  return { kind: "text", text, line, marked: marked || heading !== null || bold };
}
