/**
 * The subject phrases of `src/narrative/write/phrases.ts` are read back by the claim reader as the measure
 * each one states (or, for the reader's known gaps, as nothing — never as another measure).
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { loadCatalog } from "../../src/catalog/load.ts";
import { resolveSubject } from "../../src/narrative/read/subject.ts";
import * as P from "../../src/narrative/write/phrases.ts";

const self = "本单位";
const printed = (pattern: string) => P.fill(pattern, { self }).replace(/[“”]/g, "");

describe("phrases", () => {
  for (const year of [2019, 2023, 2024]) {
    const catalog = loadCatalog(year);
    it(`each subject phrase names its measure (${year} catalog)`, () => {
      const expected: [string, string | undefined][] = [
        [printed(P.OVERALL.revenue), "revenueTotal"],
        [printed(P.OVERALL.expenditure), "expenditureTotal"],
        [printed(P.OVERALL.fiscalRevenue), "fiscalRevenue"],
        [printed(P.OVERALL.fiscalExpenditure), "fiscalExpenditure"],
        [P.REVENUE_LABELS["一般公共预算拨款"]!, "generalBudgetRevenue"],
        [P.EXPENDITURE_LABELS.general, "generalBudgetExpenditure"],
        [printed(P.GENERAL.scale), "generalBudgetExpenditure"],
        [printed(P.GENERAL.total), "generalBudgetExpenditure"],
        [printed(P.THREE_PUBLIC_LABELS.total), "threePublic:total"],
        [P.THREE_PUBLIC_LABELS.outboundTravel.replace(/[（）]/g, (c) => (c === "（" ? "(" : ")")), "threePublic:outboundTravel"],
        [P.THREE_PUBLIC_LABELS.vehicleTotal, "threePublic:vehicleTotal"],
        [P.THREE_PUBLIC_LABELS.vehiclePurchase, "threePublic:vehiclePurchase"],
        [P.THREE_PUBLIC_LABELS.vehicleOperation, "threePublic:vehicleOperation"],
        [P.THREE_PUBLIC_LABELS.reception, "threePublic:reception"],
        [P.THREE_PUBLIC_LABELS.meeting, "threePublic:meeting"],
        [P.THREE_PUBLIC_LABELS.training, "threePublic:training"],
        [printed(P.PUBLIC_FUNDS), "nature:公用经费"],
        ["涉及当年一般公共预算当年拨款", "generalBudgetRevenue"],
        // Known gaps of the reader: no measure, and never a wrong one.
        ...Object.entries(P.REVENUE_LABELS)
          .filter(([source]) => source !== "一般公共预算拨款")
          .map(([, label]): [string, undefined] => [label, undefined]),
        [P.EXPENDITURE_LABELS.governmentFund, undefined],
        [P.EXPENDITURE_LABELS.stateCapital, undefined],
        [P.EXPENDITURE_LABELS.other, undefined],
        [P.EXPENDITURE_LABELS.carriedOver, undefined],
      ];
      for (const [phrase, key] of expected) assert.equal(resolveSubject(phrase, catalog).key, key, phrase);
    });
  }

  it("fill refuses a missing value, and Chinese ordinals count to 99", () => {
    assert.throws(() => P.fill("{a}{b}", { a: 1 }), /\{b\}/);
    assert.deepEqual([1, 10, 12, 20, 21, 99].map(P.chineseNumber), ["一", "十", "十二", "二十", "二十一", "九十九"]);
  });
});
