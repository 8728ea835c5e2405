/**
 * Shared by the fixture tests: reading a fixture of test/fixtures/published/, finding its tables and
 * rows, and its error findings under all rules with the catalog of its year.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { loadCatalog } from "../../src/catalog/load.ts";
import { readPublished } from "../../src/importers/published/read-published.ts";
import type { Disclosure } from "../../src/model/disclosure.ts";
import type { Finding } from "../../src/model/finding.ts";
import type { CellValue, Row, Table } from "../../src/model/table.ts";
import { RULES } from "../../src/rules/index.ts";
import { runRules } from "../../src/rules/run.ts";

const FIXTURES = new URL("../fixtures/published/", import.meta.url);

export function readFixture(name: string): Disclosure {
  return readPublished(readFileSync(new URL(name, FIXTURES), "utf8"), { origin: name });
}

export function fixtureFindings(disclosure: Disclosure): Finding[] {
  const catalog = disclosure.year === undefined ? undefined : loadCatalog(disclosure.year);
  return runRules(RULES, disclosure, catalog ? { catalog } : {});
}

/** Each error as `rule 表N row`, sorted, for comparing with the planted mistakes. */
export function errorKeys(disclosure: Disclosure): string[] {
  return fixtureFindings(disclosure)
    .filter((f) => f.severity === "error")
    .map((f) => {
      const c = f.cells[0];
      return `${f.ruleId} 表${c?.table ?? "?"} ${c?.rowCode ?? c?.rowLabel ?? ""}`.trim();
    })
    .sort();
}

export function only(d: Disclosure, number: number): Table {
  const found = d.tables.filter((t) => t.number === number);
  assert.equal(found.length, 1, `one 表${number}`);
  return found[0]!;
}

export function rowOf(table: Table, match: { code?: string; label?: string; group?: string }): Row {
  const found = table.rows.filter(
    (r) =>
      (match.code === undefined || r.code === match.code) &&
      (match.label === undefined || r.label === match.label) &&
      (match.group === undefined || r.group === match.group),
  );
  assert.equal(found.length, 1, `表${table.number} has one row ${JSON.stringify(match)}: ${found.length}`);
  return found[0]!;
}

/** The row's value in the column labelled `label`. */
export function valueAt(table: Table, row: Row, label: string): CellValue {
  const index = table.columns.findIndex((c) => c.label === label);
  assert.ok(index >= 0, `表${table.number} has a column “${label}”: ${table.columns.map((c) => c.label).join("|")}`);
  return row.values[index] ?? null;
}
