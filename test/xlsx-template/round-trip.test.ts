/**
 * Round trip: BudgetDocument → template filled by the program → import → the same BudgetDocument, for the
 * seed example and for random valid documents.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { loadCatalog } from "../../src/catalog/load.ts";
import { importTemplate } from "../../src/pipeline/xlsx-template.ts";
import { arbitraryBudgetDocument } from "../support/arbitrary-budget.ts";
import { canonical, seedDocument, templateFor } from "./support.ts";

describe("authoring workbook round trip", () => {
  it("gives back the seed example exactly, with no problem", async () => {
    const doc = seedDocument();
    const result = await importTemplate(await templateFor(doc));
    assert.ok(result.ok, JSON.stringify(!result.ok && result.problems.slice(0, 5)));
    assert.deepEqual(result.warnings, []);
    assert.deepEqual(canonical(result.doc), canonical(doc));
  });

  it("gives back random valid documents exactly (both scopes, names, 其中 amounts, indicators, prior)", async () => {
    const catalog = loadCatalog(2024);
    await fc.assert(
      fc.asyncProperty(arbitraryBudgetDocument(catalog, { maxLines: 25 }), async (doc) => {
        const result = await importTemplate(await templateFor(doc, 5));
        assert.ok(result.ok, JSON.stringify(!result.ok && result.problems.slice(0, 5)));
        assert.deepEqual(canonical(result.doc), canonical(doc));
      }),
      { numRuns: 30 },
    );
  });
});
