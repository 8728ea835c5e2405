import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { loadCatalog } from "../../src/catalog/load.ts";
import { parseBudgetDocument } from "../../src/pipeline/load-document.ts";
import { buildTables } from "../../src/tables/index.ts";

/** The seed example with one 政府性基金 line on a function class 表9's template does not list. */
function withFundLine() {
  const doc = JSON.parse(readFileSync("examples/hanzhong-zwfwzx-2023.budget.json", "utf8"));
  doc.revenue.push({ source: "政府性基金拨款", amount: 500_000 });
  doc.expenditure.push({
    functionCode: "2010350",
    deptEconomicCode: "30201",
    govEconomicCode: "50502",
    fundSource: "政府性基金拨款",
    nature: "公用经费",
    amount: 500_000,
  });
  const loaded = parseBudgetDocument(doc);
  assert.ok(loaded.ok);
  return loaded.doc;
}

describe("rows for classes a block template does not list", () => {
  it("continue the block's numbering, so printed they read as siblings", () => {
    const [table9] = buildTables(withFundLine(), { catalog: loadCatalog(2023) }, [9]);
    const functionRows = table9!.rows.filter((r) => r.group === "支出功能分类科目（按大类）");
    const extra = functionRows.find((r) => r.code === "201")!;
    assert.equal(extra.label, "十一、一般公共服务支出");
    assert.equal(extra.values[0], 500_000);
    assert.equal(extra.level, functionRows.find((r) => r.code === "206")!.level);
  });
});
