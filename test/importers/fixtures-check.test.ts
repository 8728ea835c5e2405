/**
 * All rules (with the catalog of the fixture's year) on each fixture of test/fixtures/published/: the
 * consistent fixtures raise no error, and each other fixture raises exactly the mistakes planted in it
 * (listed in the fixture's first-line comment).
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { fixtureFindings, readFixture } from "./fixture-support.ts";

function errors(name: string): string[] {
  const d = readFixture(name);
  return fixtureFindings(d)
    .filter((f) => f.severity === "error")
    .map((f) => {
      const c = f.cells[0];
      return `${f.ruleId} 表${c?.table ?? "?"} ${c?.rowCode ?? c?.rowLabel ?? ""}`.trim();
    })
    .sort();
}

describe("all rules on the published fixtures", () => {
  it("hanzhong-corrected.txt (the seed corrected by hand): no error", () => {
    assert.deepEqual(errors("hanzhong-corrected.txt"), []);
  });

  it("shanghai-9tables-2024.md: the two planted mistakes", () => {
    assert.deepEqual(errors("shanghai-9tables-2024.md"), [
      "block-total 表1 本年支出合计", // 三、卫生健康支出 printed 42.06 for 42.60
      "row-total 表3 2010505", // 合计 260.00, 项目支出 250.00
    ]);
  });

  it("final-accounts-2024.html: the planted mistake", () => {
    assert.deepEqual(errors("final-accounts-2024.html"), [
      "row-total 表3 2080505", // 本年支出合计 34.00, 基本支出 43.00
    ]);
  });

  it("pdf-copied-county-2023.txt: the planted mistake", () => {
    assert.deepEqual(errors("pdf-copied-county-2023.txt"), [
      "economic-name 表8 30239", // 其他交通费 for 其他交通费用
    ]);
  });
});
