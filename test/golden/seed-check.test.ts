/**
 * Golden test of the checker on the seed. The published seed text must raise, as errors, the table
 * mistakes of DOMAIN-NOTES §4 (S01–S03, S09–S12) and nothing else; the corrected seed
 * (examples/hanzhong-zwfwzx-2023.budget.json, built) must raise no finding at all.
 * The narrative's mistakes S04–S06 are errors too (a narrative finding is listed by its 说明 section
 * and subject), S14 a warning, and the rounding of S07/S08 raises nothing.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import type { Finding } from "../../src/model/finding.ts";
import { readPublished } from "../../src/importers/published/read-published.ts";
import { RULES } from "../../src/rules/index.ts";
import { runRules } from "../../src/rules/run.ts";
import { seedCatalog, seedDisclosure } from "../support/disclosure-fixtures.ts";

const SEED = new URL("../../../shared/seed/hanzhong-zwfwzx-2023-budget.txt", import.meta.url);

/** A narrative finding by its 说明 section and what it names. */
function narrativeKey(f: Finding): string {
  return `${f.ruleId} 说明${f.narrative!.path.join("/")} ${String(f.data.subject ?? f.data.actual ?? "")}`.trim();
}

describe("the seed", () => {
  it("published: every table mistake is an error, and no other error is raised", () => {
    const disclosure = readPublished(readFileSync(SEED, "utf8"), { origin: "seed" });
    const errors = runRules(RULES, disclosure, { catalog: seedCatalog() })
      .filter((f) => f.severity === "error")
      .map((f) => {
        if (f.narrative) return narrativeKey(f);
        const c = f.cells[0]!;
        return `${f.ruleId} 表${c.table} ${c.rowCode ?? c.rowLabel ?? ""}`.trim();
      })
      .sort();
    assert.deepEqual(errors, [
      "block-total 表1 本年支出合计", // S01: the 部门经济 column adds to 2,258,811
      "block-total 表4 一、财政拨款", // S02: 1,754,693 printed on the heading row
      "economic-name 表6 30108", // S10
      "economic-name 表6 30112",
      "economic-name 表6 30299",
      "economic-name 表6 31002",
      "economic-name 表8 30108",
      "economic-name 表8 30112",
      "economic-name 表8 30299",
      "economic-name 表9 债务付息及费用支出", // S11
      "economic-summary-vs-detail 表1 (2)商品和服务支出", // S01 against 表6: 专项 302xx adds to 376,000
      "function-name 表4 20、住房保险支出", // S03
      "function-name 表5 2010399", // S09
      "function-name 表5 2080505",
      "function-name 表5 2080506",
      "function-name 表7 2080505",
      "function-name 表7 2080506",
      "narrative-amount 说明第二部分/四/（三）/2 机关事业单位基本养老保险缴费（2080505）", // S05: 20.25, 表5 202,587 → 20.26
      "narrative-amount 说明第二部分/四/（三）/2 机关事业单位职业年金缴费（2080506）", // S06: 8.3, 表5 83,084 → 8.31
      "narrative-economic-class 说明第二部分/四/（三）/3 机关商品和服务支出（502）", // S04: a 事业单位 (表6 50502) → 505
      "narrative-economic-class 说明第二部分/四/（三）/3 机关工资福利支出（501）", // S04: → 50501
      "narrative-economic-class 说明第二部分/四/（三）/3 机关资本性支出(一)（503）", // S04: → 506 (50601)
      "summary-vs-fiscal 表1 (2)商品和服务支出", // S01 against 表4
      "summary-vs-fiscal 表4 一、财政拨款", // S02: the three shifted rows, one finding
      "tables-present 表12", // S12 (sorted as text: 表12 before 表2)
      "tables-present 表2",
      "tables-present 表3",
    ]);
  });

  it("published: the narrative rules raise S04–S06 and S14 and nothing else (S07/S08 are rounding)", () => {
    const disclosure = readPublished(readFileSync(SEED, "utf8"), { origin: "seed" });
    const narrative = runRules(RULES, disclosure, { catalog: seedCatalog() })
      .filter((f) => f.category === "narrative")
      .map((f) => `${f.severity} ${narrativeKey(f)} ${f.messageId}`)
      .sort();
    assert.deepEqual(narrative, [
      "error narrative-amount 说明第二部分/四/（三）/2 机关事业单位基本养老保险缴费（2080505） amountMismatch",
      "error narrative-amount 说明第二部分/四/（三）/2 机关事业单位职业年金缴费（2080506） amountMismatch",
      "error narrative-economic-class 说明第二部分/四/（三）/3 机关商品和服务支出（502） wrongForKind",
      "error narrative-economic-class 说明第二部分/四/（三）/3 机关工资福利支出（501） wrongForKind",
      "error narrative-economic-class 说明第二部分/四/（三）/3 机关资本性支出(一)（503） wrongForKind",
      "warning narrative-term 说明第三部分/五 培训会 nonStandardTerm", // S14
    ]);
  });

  it("the corrected seed, built, raises no finding", () => {
    const findings = runRules(RULES, seedDisclosure(), { catalog: seedCatalog() });
    assert.deepEqual(
      findings.map((f) => `${f.ruleId} ${f.severity} ${f.message}`),
      [],
    );
  });
});
