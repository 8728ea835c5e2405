/**
 * A finding of the checker: which rule, how serious, where (tables and cells, or a narrative span),
 * and the expected and actual values. One fixed shape, so text, JSON and SARIF output need no
 * per-rule code.
 */
import type { Fen } from "./money.ts";
import type { SourceLocation } from "./table.ts";
import type { TableNumber } from "./vocabulary.ts";

export const SEVERITIES = ["error", "warning", "info"] as const;
export type Severity = (typeof SEVERITIES)[number];

export const CATEGORIES = ["arithmetic", "agreement", "catalog", "template", "narrative"] as const;
export type Category = (typeof CATEGORIES)[number];

/** A cell of a standard table: the row by code or label, the column by its label. */
export interface CellRef {
  readonly table: TableNumber;
  readonly instance?: number;
  /** The block of a side-by-side table (表1/表4/表9). */
  readonly group?: string;
  readonly rowCode?: string;
  readonly rowLabel?: string;
  readonly column?: string;
  readonly source?: SourceLocation;
}

/** A place in the narrative: the section path and the quoted text. */
export interface NarrativeRef {
  readonly path: readonly string[];
  readonly quote: string;
  readonly source?: SourceLocation;
}

export type FindingValue = Fen | string | null;

export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly category: Category;
  readonly messageId: string;
  readonly data: Readonly<Record<string, string | number>>;
  /** The message rendered in Chinese from the rule's template and `data`. */
  readonly message: string;
  readonly cells: readonly CellRef[];
  readonly narrative?: NarrativeRef;
  readonly expected?: FindingValue;
  readonly actual?: FindingValue;
  /** actual − expected, for amounts. */
  readonly difference?: Fen;
  /** A repair, given only when it is provably the unique one. */
  readonly fix?: { readonly description: string; readonly cells?: readonly { readonly cell: CellRef; readonly value: FindingValue }[] };
}
