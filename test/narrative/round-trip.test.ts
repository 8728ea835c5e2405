/**
 * Round trip: the 说明 Gongkai writes, read back by the checker's claim reader, names every figure it
 * states, and the built disclosure passes every rule. For random documents (test/properties/rules.test.ts
 * holds them to zero errors) this file checks what the writer promises beyond that: every figure is
 * attributed, except the kinds the reader has no measure for yet (listed in READER_GAPS), and the only
 * narrative warnings are the missing reasons the writer reports as problems.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import fc from "fast-check";
import { loadCatalog } from "../../src/catalog/load.ts";
import { BudgetDocumentSchema } from "../../src/model/budget-document.ts";
import { fen, formatWanYuan } from "../../src/model/money.ts";
import { readClaims } from "../../src/narrative/read/claims.ts";
import { writeNarrative } from "../../src/narrative/write/write-narrative.ts";
import { buildDisclosure } from "../../src/pipeline/build-disclosure.ts";
import { RULES } from "../../src/rules/index.ts";
import { tableFigure } from "../../src/rules/narrative-figures.ts";
import { runRules } from "../../src/rules/run.ts";
import { arbitraryBudgetDocument } from "../support/arbitrary-budget.ts";

const seedDoc = BudgetDocumentSchema.parse(JSON.parse(readFileSync(new URL("../../examples/hanzhong-zwfwzx-2023.budget.json", import.meta.url), "utf8")));

/**
 * Figures the writer states that the claim reader cannot attribute: it has no measure key for revenue
 * by source other than 一般公共预算拨款, for 政府性基金/国有资本经营 figures, or for 政府采购 (reported to
 * the lead; they are compared with no table until it does).
 */
const READER_GAPS =
  /^(?:本(?:单位|部门)当年)?(?:政府性基金预算拨款(?:收入|支出)|国有资本经营预算拨款(?:收入|支出)|上级补助收入|事业收入|事业单位经营收入|附属单位上缴收入|其他收入|其他资金安排的支出|上年结转资金安排的支出|政府采购(?:货物|工程|服务)?预算|政府购买服务预算)$/;

describe("round trip of the written 说明", () => {
  const catalog = loadCatalog(2023);
  const disclosure = buildDisclosure(seedDoc, catalog, "build:seed");

  it("the built disclosure carries the written 说明", () => {
    assert.deepEqual(disclosure.narrative, writeNarrative(seedDoc, { catalog }).sections);
  });

  it("seed: every figure is attributed and equals its table figure", () => {
    const { claims, unattributed } = readClaims(disclosure.narrative, { catalog });
    assert.deepEqual(unattributed, []);
    const stated = claims.filter((c) => c.amount);
    assert.ok(stated.length >= 30, `${stated.length} figures`);
    for (const claim of stated) {
      const figure = tableFigure(disclosure, claim.subject.key!);
      assert.ok(figure, `${claim.subject.key} has a table figure`);
      assert.equal(`${formatWanYuan(figure.amount)}万元`, claim.amount!.text, `${claim.subject.key} = ${figure.where}`);
    }
  });

  it("seed: all rules, no finding at all (no error, no warning, no info)", () => {
    const findings = runRules(RULES, disclosure, { catalog });
    assert.deepEqual(
      findings.map((f) => `${f.severity} ${f.ruleId}: ${f.message}`),
      [],
    );
  });

  it("seed without a reason: the change is printed without 主要原因, reported, and the checker warns", () => {
    const { ["deptEconomic:302"]: _dropped, ...reasons } = seedDoc.reasons;
    const doc = { ...seedDoc, reasons };
    const written = writeNarrative(doc, { catalog });
    assert.deepEqual(
      written.problems.map((p) => p.key),
      ["deptEconomic:302"],
    );
    assert.match(written.problems[0]!.message, /商品和服务支出（302）.*较上年增加 0\.7 万元，但没有填写增减原因/);
    const economic = written.sections.find((s) => s.path.join("/") === "第二部分/四/（三）/3")!.text;
    assert.match(economic, /商品和服务支出（302）41\.6 万元，较上年增加 0\.7 万元；资本性支出/);
    const findings = runRules(RULES, buildDisclosure(doc, catalog, "x"), { catalog }).map((f) => `${f.severity} ${f.ruleId}`);
    assert.deepEqual(findings, ["warning narrative-change"]);
  });

  it("prior figures that do not add up: reported, and only the total's change is stated", () => {
    const doc = { ...seedDoc, prior: { ...seedDoc.prior, "function:2010350": fen(59_299_300) } };
    const written = writeNarrative(doc, { catalog });
    assert.deepEqual(
      written.problems.map((p) => p.key),
      ["generalBudgetExpenditure"],
    );
    const fn = written.sections.find((s) => s.path.join("/") === "第二部分/四/（三）/2")!.text;
    assert.match(fn, /（1）事业运行（2010350）136\.87 万元；/);
    const errors = runRules(RULES, buildDisclosure(doc, catalog, "x"), { catalog }).filter((f) => f.severity === "error");
    assert.deepEqual(errors, []);
  });

  it("a 行政单位 states 501/502/503 classes and their 款, and the checker agrees", () => {
    const expenditure = seedDoc.expenditure.map((l) => ({ ...l, govEconomicCode: catalog.govEconomicFor(l.deptEconomicCode, "机关")! }));
    const prior = Object.fromEntries(Object.entries(seedDoc.prior).filter(([k]) => !k.startsWith("govEconomic:")));
    const doc = { ...seedDoc, unit: { ...seedDoc.unit, kind: "行政单位" as const }, expenditure, prior };
    const text = writeNarrative(doc, { catalog }).sections.find((s) => s.path.join("/") === "第二部分/四/（三）/3")!.text;
    assert.match(text, /机关工资福利支出（501）183\.38 万元，包括/);
    assert.doesNotMatch(text, /（505）|（506）/);
    const errors = runRules(RULES, buildDisclosure(doc, catalog, "x"), { catalog }).filter((f) => f.severity === "error");
    assert.deepEqual(
      errors.map((f) => f.message),
      [],
    );
  });

  for (const year of [2019, 2024]) {
    it(`random documents (${year}): figures attributed but for the reader's gaps; narrative warnings only for reported problems`, () => {
      const yearCatalog = loadCatalog(year);
      fc.assert(
        fc.property(arbitraryBudgetDocument(yearCatalog), (generated) => {
          const doc = { ...generated, year };
          const built = buildDisclosure(doc, yearCatalog, "property");
          const { unattributed } = readClaims(built.narrative, { catalog: yearCatalog });
          assert.deepEqual(
            unattributed.map((u) => u.printed).filter((p) => !READER_GAPS.test(p)),
            [],
          );
          const problems = new Set(writeNarrative(doc, { catalog: yearCatalog }).problems.map((p) => p.key));
          const warnings = runRules(RULES, built, { catalog: yearCatalog }).filter((f) => f.ruleId.startsWith("narrative-") && f.severity !== "info");
          for (const w of warnings) {
            assert.equal(w.ruleId, "narrative-change", w.message);
            assert.ok(problems.size > 0, `a warning with no problem reported: ${w.message}`);
          }
        }),
        { numRuns: 60 },
      );
    });
  }
});
