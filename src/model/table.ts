/**
 * The generic shape every standard table takes, whether built from a BudgetDocument or read from a
 * published document: printed header rows with merged cells, value columns, and rows. Renderers and
 * the checker treat all fifteen tables alike through it.
 */
import type { Fen } from "./money.ts";
import type { TableNumber } from "./vocabulary.ts";

export type MeasureUnit = "元" | "万元" | "千元";

/** One cell of a printed header row; spans follow HTML's colspan/rowspan. */
export interface HeaderCell {
  readonly text: string;
  readonly colSpan?: number;
  readonly rowSpan?: number;
}

/** A value column: amounts are integer fen (shown in the table's unit unless `unit` overrides it). */
export interface Column {
  readonly key: string;
  readonly label: string;
  readonly kind: "amount" | "text";
  readonly unit?: MeasureUnit;
}

export type CellValue = Fen | string | null;

/** Where something was read from in a published document, so a finding can point back to it. */
export interface SourceLocation {
  /** 1-based line of the text the row or section was read from. */
  readonly line?: number;
  /** 1-based page, for documents read from PDF. */
  readonly page?: number;
}

export interface Row {
  /** A classification or unit code printed in the code column, when the row has one. */
  readonly code?: string;
  readonly label: string;
  /** Indent level: 0 for a top row, 1 for its children … */
  readonly level: number;
  readonly kind: "item" | "heading" | "total";
  /**
   * For tables printed as side-by-side blocks (表1, 表4, 表9): which block the row belongs to,
   * e.g. 收入 or 支出功能分类科目（按大类）. Renderers place each block in its own column pair.
   */
  readonly group?: string;
  /** Values aligned with `columns`: fen for amount columns, text for text columns, null when blank. */
  readonly values: readonly CellValue[];
  /** Set on rows read from a published document. */
  readonly source?: SourceLocation;
}

/** A labelled value printed above or beside the grid in form-like tables (表13–表15). */
export interface Field {
  readonly label: string;
  readonly value: CellValue;
  readonly unit?: MeasureUnit;
}

export interface Table {
  readonly number: TableNumber;
  /** Several instances of one table (表13 has one per project) are numbered from 1. */
  readonly instance?: number;
  readonly title: string;
  readonly unit: MeasureUnit;
  readonly empty: boolean;
  readonly emptyReason?: string;
  readonly layout: "rows" | "blocks" | "form";
  /** Block names in print order, for layout "blocks". */
  readonly groups?: readonly string[];
  readonly header: readonly (readonly HeaderCell[])[];
  readonly columns: readonly Column[];
  readonly rows: readonly Row[];
  readonly fields?: readonly Field[];
  readonly notes?: readonly string[];
  /** Set on tables read from a published document: where the table starts. */
  readonly source?: SourceLocation;
}
