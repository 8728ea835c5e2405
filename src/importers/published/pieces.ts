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

/** Without any tab in the document, two or more spaces separate cells (text copied from a PDF). */
const bySpaces: RowSplitter = (line) => {
  const cells = line.trim().split(/[ \u3000]{2,}/);
  return cells.length >= 2 ? cells : null;
};

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
    const lone = split === bySpaces && grid.length === 1 ? textPiece(firstRaw, grid[0]!.line) : null;
    if (lone) pieces.push(lone);
    else if (grid.length > 0) {
      pieces.push({ kind: "grid", rows: grid, line: grid[0]!.line, ...(split === bySpaces ? { spaceSeparated: true } : {}) });
    }
    grid = [];
  };
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const line = index + 1;
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

/** A line of text with its Markdown heading and list marks removed; null for a blank line. */
export function textPiece(raw: string, line: number, marked = false): TextPiece | null {
  const heading = /^\s*#{1,6}\s+/.exec(raw);
  const withoutMarks = raw.replace(/^\s*#{1,6}\s+/, "").replace(/^\s*[-*+]\s+/, "");
  const bold = /^\s*(?:\*\*.+\*\*|<b>.+<\/b>|<strong>.+<\/strong>)\s*$/i.test(withoutMarks);
  const text = cleanText(withoutMarks, { joinChinese: false });
  if (text === "") return null;
  return { kind: "text", text, line, marked: marked || heading !== null || bold };
}
