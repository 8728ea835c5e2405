import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { checkReportJsonSchema } from "./check-report.ts";
import { budgetDocumentJsonSchema } from "./json-schema.ts";

describe("committed JSON Schema", () => {
  it("matches the zod schema (run `npm run schema` after changing the model)", () => {
    const committed = JSON.parse(readFileSync("schema/budget-document.schema.json", "utf8"));
    assert.deepEqual(committed, budgetDocumentJsonSchema());
  });

  it("of the check report matches its zod schema", () => {
    const committed = JSON.parse(readFileSync("schema/check-report.schema.json", "utf8"));
    assert.deepEqual(committed, checkReportJsonSchema());
  });

  it("describes amounts as integers of fen", () => {
    const schema = budgetDocumentJsonSchema() as any;
    const amount = schema.properties.expenditure.items.properties.amount;
    assert.equal(amount.type, "integer");
    assert.equal(amount.minimum, 0);
    assert.match(amount.description, /分/);
  });
});
