/**
 * @fileoverview Shared by the catalog name rules (function-name, economic-name): the report for a name
 * that differs from the catalog's, and the check of a block row that names a 类 without its code.
 */
import { type CatalogEntry, sameCatalogName } from "../catalog/catalog.ts";
import type { Row, Table } from "../model/table.ts";
import type { Report } from "./rule.ts";
import { cellRef, nearestName, stripNumbering } from "./tables.ts";

/** A `wrongName` report whose fix is the catalog's name. */
export function wrongName(table: Table, row: Row, column: string | undefined, code: string, actual: string, expected: string): Report {
  const cell = cellRef(table, row, column);
  return {
    messageId: "wrongName",
    data: { table: table.number, code, actual, expected },
    cells: [cell],
    expected,
    actual,
    fix: { description: `改为“${expected}”`, cells: [{ cell, value: expected }] },
  };
}

/**
 * A block row printing a 类 name (numbering stripped): nothing when it is one of `classes` (or an
 * accepted template wording), `wrongName` when one catalog name is near enough to be the intended one,
 * else `unknownClassName`.
 */
export function classNameReport(
  table: Table,
  row: Row,
  classes: readonly CatalogEntry[],
  accepted: ReadonlySet<string> = new Set(),
): Report | undefined {
  const name = stripNumbering(row.label);
  if (accepted.has(name) || classes.some((c) => sameCatalogName(c.name, name))) return undefined;
  const nearest = nearestName(name, classes.map((c) => c.name));
  const entry = classes.find((c) => c.name === nearest);
  if (entry) return wrongName(table, row, undefined, entry.code, name, entry.name);
  return { messageId: "unknownClassName", data: { table: table.number, actual: name }, cells: [cellRef(table, row)] };
}
