import type { Catalog } from "../catalog/catalog.ts";
import type { BudgetDocument } from "../model/budget-document.ts";
import type { Table } from "../model/table.ts";
import type { TableNumber } from "../model/vocabulary.ts";
import templates from "./templates/tables.json" with { type: "json" };

export interface BuildContext {
  /** The catalog of the document's year: names of codes come from it, never from the document. */
  readonly catalog: Catalog;
}

/** One standard table's builder. 表13 returns one table per project; the others return one. */
export interface TableBuilder {
  readonly number: TableNumber;
  build(doc: BudgetDocument, ctx: BuildContext): Table[];
}

export function tableTitle(number: TableNumber): string {
  const entry = templates.tables.find((t) => t.number === number);
  if (!entry) throw new Error(`模板中没有表${number}`);
  return entry.title;
}

/** The empty flag and reason of a table: empty when it has nothing to show, with the preparer's reason. */
export function emptiness(doc: BudgetDocument, number: TableNumber, hasContent: boolean): Pick<Table, "empty" | "emptyReason"> {
  if (hasContent) return { empty: false };
  const reason = doc.emptyTables[String(number)];
  return reason ? { empty: true, emptyReason: reason } : { empty: true };
}
