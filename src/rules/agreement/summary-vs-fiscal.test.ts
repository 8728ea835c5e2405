import { yuan } from "../../model/money.ts";
import { testRule } from "../rule-tester.ts";
import rule from "./summary-vs-fiscal.ts";
import { seedDisclosure, setCell } from "../../../test/support/disclosure-fixtures.ts";
import type { Disclosure } from "../../model/disclosure.ts";

const seed = seedDisclosure();
const FUNCTION = "支出功能分类";
const DEPT = "部门预算支出经济分类";

/** The seed's 表4 function column as printed: three figures one row off (S02). */
function seedShift(d: Disclosure): Disclosure {
  const moves: [string | undefined, string, number | null][] = [
    [undefined, "一、财政拨款", 1754693],
    ["201", "", null],
    ["208", "", null],
    ["209", "", 285671],
    ["210", "", null],
    ["211", "", 67506],
  ];
  return moves.reduce(
    (acc, [code, label, value]) => setCell(acc, 4, { group: FUNCTION, ...(code ? { code } : { label }) }, undefined, value),
    d,
  );
}

testRule(rule, {
  valid: [
    { name: "更正后的样本", disclosure: seed },
    {
      name: "收入不全是财政拨款时不比较",
      disclosure: setCell(setCell(seed, 1, { group: "收入", label: "收入总计" }, undefined, 2300000), 4, { group: FUNCTION, code: "201" }, undefined, 1),
    },
  ],
  invalid: [
    {
      name: "S01：表1 专项商品和服务支出 375,000，表4 为 376,000",
      disclosure: setCell(seed, 1, { group: DEPT, label: "(2)商品和服务支出", nth: 1 }, undefined, 375000),
      findings: [
        {
          messageId: "cellMismatch",
          data: { group: "部门预算支出经济分类科目（按大类）", row: "商品和服务支出", summary: "375,000.00", fiscal: "376,000.00" },
          cells: [
            { table: 1, rowLabel: "(2)商品和服务支出", column: "预算数" },
            { table: 4, rowLabel: "(2)商品和服务支出", column: "预算数" },
          ],
          expected: yuan(376000),
          actual: yuan(375000),
        },
      ],
    },
    {
      name: "S02：表4 功能分类栏错行",
      disclosure: seedShift(seed),
      findings: [
        {
          messageId: "shiftedRows",
          data: { table: 4, group: "支出功能分类科目（按大类）", rows: "一般公共服务支出、社会保障和就业支出、卫生健康支出", count: 3 },
          cells: [
            { table: 4, rowLabel: "一、财政拨款" },
            { table: 4, rowCode: "201" },
            { table: 4, rowCode: "209" },
            { table: 4, rowCode: "211" },
          ],
        },
      ],
    },
  ],
});
