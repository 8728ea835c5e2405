/**
 * Built and published Disclosures must look alike to the checker. Two checks:
 * - the importer's restated standard columns, titles and block names equal what the builders produce;
 * - round trip: the seed example is built (BudgetDocument → Disclosure), its tables are printed as
 *   tab-separated text the way the seed prints them, and read back: every row of 表1/4/5/6/7/8/10
 *   comes back with the same values.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { BLOCK_AMOUNT_COLUMN, BLOCK_GROUPS, INDICATOR_COLUMNS, ROW_TABLES, TASK_COLUMNS } from "../../src/importers/published/canonical.ts";
import { readPublished } from "../../src/importers/published/read-published.ts";
import { STANDARD_TITLES } from "../../src/importers/published/titles.ts";
import type { CellValue, Row } from "../../src/model/table.ts";
import type { TableNumber } from "../../src/model/vocabulary.ts";
import { buildDisclosure } from "../../src/pipeline/build-disclosure.ts";
import { prepareDocument } from "../../src/pipeline/prepare.ts";
import { renderTableText } from "../../src/renderers/text/render-published-text.ts";
import templates from "../../src/tables/templates/tables.json" with { type: "json" };

const EXAMPLE = fileURLToPath(new URL("../../examples/hanzhong-zwfwzx-2023.budget.json", import.meta.url));

function builtExample() {
  const prepared = prepareDocument(EXAMPLE);
  if (!prepared.ok) assert.fail(prepared.problems.map((p) => p.message).join("\n"));
  return buildDisclosure(prepared.doc, prepared.catalog, "build:examples/hanzhong-zwfwzx-2023.budget.json");
}

const built = builtExample();
const builtTable = (number: number) => built.tables.find((t) => t.number === number)!;

const ROUND_TRIP: readonly TableNumber[] = [1, 4, 5, 6, 7, 8, 10];

function printedExample(): string {
  const tables = ROUND_TRIP.map((n) => renderTableText(builtTable(n)));
  return ["汉中市政务服务中心", "", "2023年单位预算公开说明", "", ...tables].join("\n");
}

/** What the checker compares: block, code, label and figures of each row, in order. */
const comparable = (r: Row, withCode: boolean): CellValue[] => [r.group ?? null, withCode ? (r.code ?? null) : null, r.label, ...r.values];

// ---------------------------------------------------------------------------------------------------

describe("the importer's standard shapes equal the builders'", () => {
  it("titles", () => {
    for (const t of templates.tables) assert.equal(STANDARD_TITLES[t.number as TableNumber], t.title, `表${t.number}`);
  });

  it("row-table columns", () => {
    for (const [number, spec] of Object.entries(ROW_TABLES)) {
      assert.deepEqual(spec.columns.map((c) => c.column), builtTable(Number(number)).columns, `表${number}`);
    }
  });

  it("block names and the block amount column", () => {
    for (const number of [1, 4, 9]) {
      assert.deepEqual(BLOCK_GROUPS.map((g) => g.group), builtTable(number).groups, `表${number}`);
      assert.deepEqual([BLOCK_AMOUNT_COLUMN], builtTable(number).columns);
    }
  });

  it("绩效目标 form columns", () => {
    assert.deepEqual(INDICATOR_COLUMNS, builtTable(13).columns);
    assert.deepEqual([...TASK_COLUMNS, ...INDICATOR_COLUMNS], builtTable(14).columns);
  });
});

describe("round trip: built seed example → printed text → read back", () => {
  const read = readPublished(printedExample(), { origin: "round-trip.txt" });

  it("reads back every printed table and nothing else", () => {
    assert.deepEqual(read.tables.map((t) => t.number), ROUND_TRIP);
    assert.deepEqual(read.unread, []);
  });

  for (const number of ROUND_TRIP) {
    it(`表${number}: every row comes back with the same values`, () => {
      const original = builtTable(number);
      const back = read.tables.find((t) => t.number === number)!;
      // Blocks tables print no codes (the builder keeps the 类 code of a function row as data).
      const withCode = original.layout !== "blocks";
      assert.deepEqual(back.columns, original.columns);
      assert.deepEqual(back.groups, original.groups);
      assert.equal(back.unit, original.unit);
      assert.deepEqual(
        back.rows.map((r) => comparable(r, withCode)),
        original.rows.map((r) => comparable(r, withCode)),
      );
      assert.deepEqual(back.rows.map((r) => r.kind), original.rows.map((r) => r.kind));
    });
  }
});
