/**
 * A Disclosure is what a reader sees: the 目录, the standard tables as grids, and the narrative (说明)
 * as sections of text. It is built from a BudgetDocument, or read from a published document, which can
 * disagree with itself. The checker's rules run on Disclosures only.
 */
import type { SourceLocation, Table } from "./table.ts";
import type { TableNumber, UnitKind } from "./vocabulary.ts";

/** One line of the 目录 (table of contents) of the tables. */
export interface TocEntry {
  readonly number: TableNumber;
  readonly title: string;
  /** Marked 是空表 in the 目录. */
  readonly empty: boolean;
  readonly emptyReason?: string;
  readonly source?: SourceLocation;
}

/** A section of the narrative, e.g. path ["第二部分", "四", "（三）", "2"] with its heading and text. */
export interface NarrativeSection {
  /** The numbering path from the top: part, then 一、, （一）, 1、 … as printed. */
  readonly path: readonly string[];
  readonly heading: string;
  /** The section's own text, without its subsections. */
  readonly text: string;
  readonly source?: SourceLocation;
}

export interface Disclosure {
  /** The file it was read from, or a label such as `build:examples/x.budget.json`. */
  readonly origin: string;
  readonly originKind: "built" | "published";
  readonly unitName?: string;
  readonly year?: number;
  /** 预算 or 决算. */
  readonly phase?: "预算" | "决算";
  /** Known when built, or stated in the text (事业编制 → 事业单位). */
  readonly unitKind?: UnitKind;
  /** Cover statements: 保密审查情况, 主要负责人审签情况. */
  readonly cover: Readonly<Record<string, string>>;
  readonly toc: readonly TocEntry[];
  readonly tables: readonly Table[];
  readonly narrative: readonly NarrativeSection[];
  /** What a reader could not map, reported rather than guessed. */
  readonly unread: readonly { readonly text: string; readonly source?: SourceLocation; readonly why: string }[];
}
