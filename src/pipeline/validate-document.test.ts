import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { loadCatalog } from "../catalog/load.ts";
import { parseBudgetDocument } from "./load-document.ts";
import { validateDocument } from "./validate-document.ts";

const example = () => JSON.parse(readFileSync("examples/hanzhong-zwfwzx-2023.budget.json", "utf8"));

describe("validateDocument", () => {
  it("refuses a department's lines booked on the department itself rather than a member unit", () => {
    const doc = example();
    doc.scope = "部门";
    doc.memberUnits = [{ code: "117002001", name: "本级", kind: "事业单位" }];
    for (const list of [doc.revenue, doc.expenditure, doc.projects]) for (const item of list) item.unit = doc.unit.code;
    const loaded = parseBudgetDocument(doc);
    assert.ok(loaded.ok);
    const problems = validateDocument(loaded.doc, loadCatalog(2023));
    assert.ok(problems.some((p) => p.path === "$.expenditure[0].unit" && /不是本预算的单位/.test(p.message)));
  });

  it("accepts the same department when its lines name the member unit", () => {
    const doc = example();
    doc.scope = "部门";
    doc.memberUnits = [{ code: "117002001", name: "本级", kind: "事业单位" }];
    for (const list of [doc.revenue, doc.expenditure, doc.projects]) for (const item of list) item.unit = "117002001";
    const loaded = parseBudgetDocument(doc);
    assert.ok(loaded.ok);
    assert.deepEqual(validateDocument(loaded.doc, loadCatalog(2023)), []);
  });
});
