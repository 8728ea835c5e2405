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

  it("chongqing-unit-2025.html: the two planted mistakes", () => {
    assert.deepEqual(errors("chongqing-unit-2025.html"), [
      "narrative-amount 表12 合计", // 说明三 公务用车购置及运行费 2.05 万元, 表 2.50
      "narrative-parts-sum 表?", // … so its three items no longer add up to 3.00
      "row-total 表3 2080505", // 合计 44.77, 基本支出 47.44
    ]);
  });

  it("guangxi-split-codes-2024.md: the two planted mistakes", () => {
    assert.deepEqual(errors("guangxi-split-codes-2024.md"), [
      "function-detail-level 表5 20103", // 款 subtotal 1,550,000.00 ≠ Σ 项 1,500,000.00 (合计)
      "function-detail-level 表5 20103", // … and 1,250,000.00 ≠ 1,200,000.00 (基本支出)
      "function-name 表5 2080505", // 机关事业单位基本养老保险缴费 for …缴费支出
    ]);
  });

  it("fullwidth-qianyuan-2025.txt: the planted mistake", () => {
    assert.deepEqual(errors("fullwidth-qianyuan-2025.txt"), [
      "three-public-vs-detail 表12 某某区农业农村局", // “三公”经费合计 13.5 千元, parts 12.5
    ]);
  });
});
