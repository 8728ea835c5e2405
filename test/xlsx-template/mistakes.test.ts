/**
 * A workbook with 30 seeded mistakes (the seed example filled by the program, then 30 cells corrupted with
 * exceljs) reports all 30, each at its own cell, in one run; and nothing is reported anywhere else.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type ExcelJS from "exceljs";
import { TEMPLATE_SHEETS as S } from "../../src/model/authoring-template.ts";
import { importEdited, sheet } from "./support.ts";

/** [sheet, cell, new value, what the message must say]. Rows follow the seed example's order. */
const MISTAKES: readonly (readonly [string, string, ExcelJS.CellValue, RegExp])[] = [
  [S.expenditure, "C3", "201035", /功能科目应为 7 位/],
  [S.expenditure, "D4", "3O101", /部门经济科目应为 5 位/],
  [S.expenditure, "D5", "30198", /部门预算支出经济分类科目 30198 不是 2023 年的有效科目/],
  [S.expenditure, "E6", "50101", /应对应政府经济科目 50501/],
  [S.expenditure, "E7", "5050", /政府经济科目应为 5 位/],
  [S.expenditure, "F8", "一般预算拨款", /资金来源必须是/],
  [S.expenditure, "G9", "人员", /支出性质必须是/],
  [S.expenditure, "I10", "abc", /不是金额/],
  [S.expenditure, "I11", "-100", /不能为负数/],
  [S.expenditure, "I12", "12.345", /最多两位小数/],
  [S.expenditure, "H13", "p1", /只有专项业务经费属于项目/],
  [S.expenditure, "E14", "50502 对个人和家庭的补助", /名称应为/],
  [S.expenditure, "H16", "p9", /项目“p9”不在 projects 中/],
  [S.expenditure, "I17", { formula: "1+1" } as ExcelJS.CellFormulaValue, /公式没有计算结果，请在 Excel 中保存后再导入/],
  [S.expenditure, "C18", "2010399 事业运行", /名称应为/],
  [S.expenditure, "B19", "999999", /不是本预算的单位/],
  [S.revenue, "B2", "财政拨款", /收入来源必须是/],
  [S.revenue, "D2", "若干", /不是金额/],
  [S.unit, "B5", null, /单位名称不能为空/],
  [S.unit, "B10", "三", /离退休人数/],
  [S.unit, "B12", "明天", /日期/],
  [S.unit, "E2", "十七", /整数/],
  [S.projects, "C3", null, /项目名称不能为空/],
  [S.projects, "B2", "999", /不是本预算的单位/],
  [S.indicators, "C2", "产出", /一级指标必须是/],
  [S.indicators, "D3", "数量", /二级指标必须是/],
  [S.indicators, "B5", "p7", /没有编号为“p7”的项目/],
  [S.overall, "C4", "1,833,812", /不等于财政拨款与其他资金之和/],
  [S.assets, "B2", "-1", /整数/],
  [S.prior, "A2", "function:abc", /不是可识别|编码或名称无效/],
];

describe("a workbook with 30 seeded mistakes", () => {
  it("reports all 30 at their cells, in one run, and nothing elsewhere", async () => {
    assert.equal(MISTAKES.length, 30);
    const result = await importEdited((workbook) => {
      for (const [name, address, value] of MISTAKES) sheet(workbook, name).getCell(address).value = value;
    });
    assert.ok(!result.ok, "import must fail");
    const errors = result.problems.filter((p) => p.severity === "error");
    for (const [name, address, , message] of MISTAKES) {
      const at = errors.filter((p) => p.path === `${name}!${address}`);
      assert.ok(at.length > 0, `no error at ${name}!${address}; got:\n${errors.map((p) => `${p.path}：${p.message}`).join("\n")}`);
      assert.ok(at.some((p) => message.test(p.message)), `${name}!${address}: ${at.map((p) => p.message).join(" / ")}`);
    }
    const expected = new Set(MISTAKES.map(([name, address]) => `${name}!${address}`));
    const elsewhere = errors.filter((p) => !expected.has(p.path));
    assert.deepEqual(elsewhere, [], "errors at cells that were not changed");
  });
});
