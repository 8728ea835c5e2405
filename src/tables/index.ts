/**
 * The registry of the 15 standard table builders, in table order, and `buildTables`, the one entry
 * point the CLI, the renderers and the checker use.
 */
import type { BudgetDocument } from "../model/budget-document.ts";
import type { Table } from "../model/table.ts";
import { type BlocksTemplate, blocksTable } from "./blocks.ts";
import type { BuildContext, TableBuilder } from "./context.ts";
import { table05, table06, table07, table08 } from "./classified-rows.ts";
import { table02 } from "./table-02-revenue.ts";
import { table03 } from "./table-03-expenditure.ts";
import { table10 } from "./table-10-projects.ts";
import { table11 } from "./table-11-procurement.ts";
import { table12 } from "./table-12-three-public.ts";
import { table13 } from "./table-13-project-targets.ts";
import { table14 } from "./table-14-overall-targets.ts";
import { table15 } from "./table-15-special-funds.ts";
import table01Template from "./templates/table-01.json" with { type: "json" };
import table04Template from "./templates/table-04.json" with { type: "json" };
import table09Template from "./templates/table-09.json" with { type: "json" };

export type { BuildContext, TableBuilder } from "./context.ts";

export const TABLE_BUILDERS: readonly TableBuilder[] = [
  blocksTable(table01Template as BlocksTemplate),
  table02,
  table03,
  blocksTable(table04Template as BlocksTemplate),
  table05,
  table06,
  table07,
  table08,
  blocksTable(table09Template as BlocksTemplate),
  table10,
  table11,
  table12,
  table13,
  table14,
  table15,
];

/** Builds every standard table (or only those numbered in `only`) from a valid BudgetDocument. */
export function buildTables(doc: BudgetDocument, ctx: BuildContext, only?: readonly number[]): Table[] {
  return TABLE_BUILDERS.filter((b) => !only || only.includes(b.number)).flatMap((b) => b.build(doc, ctx));
}
