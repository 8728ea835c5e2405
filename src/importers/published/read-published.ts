/**
 * Reads a disclosure published outside Gongkai — plain text with tab-separated tables, Markdown or
 * HTML — into the same Disclosure shape the builder produces, so the checker treats both alike.
 * Printed labels and figures are kept as printed, mistakes included; what cannot be mapped is listed
 * in `unread` with the reason.
 *
 * @example
 * const disclosure = readPublished(text, { origin: "hanzhong-2023.txt" });
 * disclosure.tables.find((t) => t.number === 5)?.rows;
 */
import type { Disclosure } from "../../model/disclosure.ts";
import type { Table } from "../../model/table.ts";
import { coverEntry, nameLine, statedUnitKind, titleFacts } from "./facts.ts";
import { locateTables } from "./find-tables.ts";
import { htmlPieces } from "./html-pieces.ts";
import { readNarrative } from "./narrative.ts";
import { linePieces, type Piece, type TextPiece } from "./pieces.ts";

export type PublishedFormat = "text" | "markdown" | "html";

export interface ReadOptions {
  /** The file or address the text came from. */
  readonly origin: string;
  /** Sniffed from the text when absent. */
  readonly format?: PublishedFormat;
}

export function readPublished(text: string, options: ReadOptions): Disclosure {
  const format = options.format ?? sniffFormat(text);
  const pieces = format === "html" ? htmlPieces(text) : linePieces(text, format);
  const located = locateTables(pieces);
  const texts = pieces.filter((p): p is TextPiece => p.kind === "text");
  const { cover, coverPieces } = readCover(texts);
  const narrativePieces = texts.filter((p) => !located.used.has(p) && !coverPieces.has(p));
  const narrative = readNarrative(narrativePieces);
  const facts = titleFacts(texts);
  const unitKind = statedUnitKind(narrativePieces.map((p) => p.text).join("\n"));
  return {
    origin: options.origin,
    originKind: "published",
    ...facts,
    ...(unitKind ? { unitKind } : {}),
    cover,
    toc: located.toc,
    tables: located.tables.map((t) => withTocReason(t, located.toc)),
    narrative,
    unread: located.unread,
  };
}

/**
 * HTML when there is a `<table>` (plain text may carry stray `<b>` or `<p>` marks, as the seed does);
 * Markdown when there is a pipe table; else plain text.
 */
export function sniffFormat(text: string): PublishedFormat {
  if (/<table[\s>]/i.test(text)) return "html";
  if (/^\s*\|?\s*:?-{3,}:?\s*\|/m.test(text) && /^\s*\|.*\|\s*$/m.test(text)) return "markdown";
  return "text";
}

function readCover(texts: readonly TextPiece[]): { cover: Record<string, string>; coverPieces: Set<Piece> } {
  const cover: Record<string, string> = {};
  const coverPieces = new Set<Piece>();
  for (const piece of texts) {
    const entry = coverEntry(piece.text);
    if (entry) cover[entry[0]] = entry[1];
    if (entry || nameLine(piece.text)) coverPieces.add(piece);
  }
  return { cover, coverPieces };
}

/**
 * An empty table takes the reason its 目录 line gives, else the reason its own 注 states (the central
 * and Shanghai tables say “注：本单位…无…，故本表无数据”).
 */
function withTocReason(table: Table, toc: Disclosure["toc"]): Table {
  if (!table.empty) return table;
  const entry = toc.find((e) => e.number === table.number);
  if (entry?.empty && entry.emptyReason) return { ...table, emptyReason: entry.emptyReason };
  const note = table.notes?.find((n) => /无|空表|不涉及/.test(n));
  return note ? { ...table, emptyReason: note.replace(/^注[：:]\s*/, "") } : table;
}
