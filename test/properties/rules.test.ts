/**
 * A disclosure Gongkai builds from any valid BudgetDocument passes every rule with no error: the
 * tables agree by construction, so an error here is a wrong rule or a wrong builder.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { loadCatalog } from "../../src/catalog/load.ts";
import { buildDisclosure } from "../../src/pipeline/build-disclosure.ts";
import { RULES } from "../../src/rules/index.ts";
import { runRules } from "../../src/rules/run.ts";
import { arbitraryBudgetDocument } from "../support/arbitrary-budget.ts";

describe("rules on built disclosures", () => {
  for (const year of [2019, 2024]) {
    it(`random valid documents (${year} catalog) yield no error finding`, () => {
      const catalog = loadCatalog(year);
      fc.assert(
        fc.property(arbitraryBudgetDocument(catalog), (doc) => {
          const disclosure = buildDisclosure({ ...doc, year }, catalog, "property");
          const errors = runRules(RULES, disclosure, { catalog }).filter((f) => f.severity === "error");
          assert.deepEqual(
            errors.map((f) => `${f.ruleId}: ${f.message}`),
            [],
          );
        }),
        { numRuns: 150 },
      );
    });
  }
});
