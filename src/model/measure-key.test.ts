import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { measureKeyProblem } from "./measure-key.ts";

describe("measure keys", () => {
  it("accepts plain measures, including 项目支出 (projectExpenditure)", () => {
    for (const key of ["generalBudgetExpenditure", "basicExpenditure", "projectExpenditure", "revenueTotal"]) assert.equal(measureKeyProblem(key), null, key);
  });

  it("accepts qualified keys the narrative reader produces", () => {
    for (const key of ["function:2010350", "function:208", "deptEconomic:301", "govEconomic:50501", "nature:公用经费", "threePublic:reception"]) {
      assert.equal(measureKeyProblem(key), null, key);
    }
  });

  it("refuses malformed keys", () => {
    assert.match(measureKeyProblem("function:20103501") ?? "", /无效/);
    assert.match(measureKeyProblem("nature:办公费") ?? "", /无效/);
    assert.match(measureKeyProblem("projectTotal") ?? "", /不是可识别/);
  });
});
