import { yuan } from "../../model/money.ts";
import { testRule } from "../rule-tester.ts";
import rule from "./block-total.ts";
import { seedDisclosure, setCell } from "../../../test/support/disclosure-fixtures.ts";

const seed = seedDisclosure();
const FUNCTION = "支出功能分类";
const DEPT = "部门预算支出经济分类";

/** S02's first shift: 一般公共服务支出's figure printed on the heading row of 表4. */
const shifted = setCell(setCell(seed, 4, { group: FUNCTION, label: "一、财政拨款" }, undefined, 1754693), 4, { group: FUNCTION, code: "201" }, undefined, null);

testRule(rule, {
  valid: [
    { name: "更正后的样本", disclosure: seed },
    {
      name: "父项空白时按其分项计算（样本表4的专项业务经费支出行）",
      disclosure: setCell(seed, 4, { group: DEPT, label: "2、专项业务经费支出" }, undefined, null),
    },
  ],
  invalid: [
    {
      name: "S01：表1 专项商品和服务支出 375,000（父项空白）",
      disclosure: setCell(setCell(seed, 1, { group: DEPT, label: "2、专项业务经费支出" }, undefined, null), 1, { group: DEPT, label: "(2)商品和服务支出", nth: 1 }, undefined, 375000),
      findings: [
        {
          messageId: "blockMismatch",
          data: { table: 1, group: "部门预算支出经济分类科目（按大类）", row: "本年支出合计", expected: "2,258,811.00", actual: "2,259,811.00" },
          cells: [{ table: 1, rowLabel: "本年支出合计", column: "预算数" }],
        },
      ],
    },
    {
      name: "S02：表4 一般公共服务支出的金额印在标题行",
      disclosure: shifted,
      findings: [
        {
          messageId: "shiftedValue",
          data: { table: 4, from: "一、财政拨款", to: "1、一般公共服务支出", expected: "505,118.00", actual: "2,259,811.00" },
          cells: [
            { table: 4, rowLabel: "一、财政拨款" },
            { table: 4, rowCode: "201", column: "预算数" },
          ],
          expected: yuan(505118),
          actual: yuan(2259811),
        },
      ],
    },
    {
      name: "支出总计与收入总计不等",
      disclosure: setCell(seed, 1, { group: "政府预算支出经济分类", label: "支出总计" }, undefined, 2259810),
      findings: [
        { messageId: "grandTotalMismatch", data: { table: 1, row: "支出总计", expected: "2,259,811.00" } },
        { messageId: "unbalanced", data: { table: 1, row: "支出总计", expected: "2,259,811.00", actual: "2,259,810.00" } },
      ],
    },
  ],
});
