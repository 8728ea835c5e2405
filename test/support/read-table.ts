/**
 * Reading built Table objects the way a reader of the printed table would: a row by its block
 * (group), label or code; a figure by its column key. Each reader throws when the table does not
 * have exactly what was asked for, so a test never silently compares against a missing cell.
 */
import type { Fen } from "../../src/model/money.ts";
import type { Row, Table } from "../../src/model/table.ts";
import type { TableNumber } from "../../src/model/vocabulary.ts";

/** The (first instance of the) table numbered `number`. */
export function table(tables: readonly Table[], number: TableNumber): Table {
  const found = tables.find((t) => t.number === number);
  if (!found) throw new Error(`没有表${number}`);
  return found;
}

/** The amount in column `key` of `row` (a blank amount cell reads as 0). */
export function amount(t: Table, row: Row, key: string): Fen {
  const index = t.columns.findIndex((c) => c.key === key);
  if (index < 0) throw new Error(`表${t.number}没有列 ${key}（有 ${t.columns.map((c) => c.key).join("、")}）`);
  if (t.columns[index]!.kind !== "amount") throw new Error(`表${t.number}的列 ${key} 不是金额列`);
  const value = row.values[index];
  if (value === null || value === undefined) return 0 as Fen;
  if (typeof value !== "number") throw new Error(`表${t.number}“${row.label}”的 ${key} 不是金额：${String(value)}`);
  return value;
}

/** The text in column `key` of `row`. */
export function text(t: Table, row: Row, key: string): string | null {
  const index = t.columns.findIndex((c) => c.key === key);
  if (index < 0) throw new Error(`表${t.number}没有列 ${key}`);
  const value = row.values[index];
  return value === null || value === undefined ? null : String(value);
}

/** The rows of one block (group) of a blocks table, in print order. */
export function block(t: Table, group: string): Row[] {
  const rows = t.rows.filter((r) => r.group === group);
  if (rows.length === 0) throw new Error(`表${t.number}没有“${group}”栏`);
  return rows;
}

/** The one row labelled `label` in `rows`. */
export function rowLabelled(rows: readonly Row[], label: string): Row {
  const found = rows.filter((r) => r.label === label);
  if (found.length !== 1) throw new Error(`“${label}”行有 ${found.length} 个`);
  return found[0]!;
}

/** The 合计 row of a row table. */
export function totalRow(t: Table): Row {
  const found = t.rows.filter((r) => r.kind === "total" && r.label === "合计");
  if (found.length !== 1) throw new Error(`表${t.number}的合计行有 ${found.length} 个`);
  return found[0]!;
}

/** The item rows of a row table (those below the 合计 row). */
export function itemRows(t: Table): Row[] {
  return t.rows.filter((r) => r.kind === "item");
}

/** The single amount of a blocks-table row (表1, 表4, 表9 have one amount column). */
export function blockAmount(t: Table, row: Row): Fen {
  return amount(t, row, "amount");
}

export const sum = (values: Iterable<number>): number => {
  let total = 0;
  for (const v of values) total += v;
  return total;
};
