import { testRule } from "../rule-tester.ts";
import rule from "./projects-vs-detail.ts";
import { editRows, editTable, fenOf, seedDisclosure, setCell } from "../../../test/support/disclosure-fixtures.ts";
import type { Disclosure } from "../../model/disclosure.ts";
import type { CellValue } from "../../model/table.ts";

const seed = seedDisclosure();

/** Sets a field of one 表13 instance (a value in 元 for amounts). */
function setField(d: Disclosure, instance: number, label: string, value: CellValue): Disclosure {
  return editTable(d, 13, (t) => ({ ...t, fields: t.fields!.map((f) => (f.label === label ? { ...f, value } : f)) }), instance);
}

const blankTotal = editRows(seed, 10, { label: "合计" }, (r) => ({ ...r, values: r.values.map(() => null) }));
const notAllGeneral = setCell(seed, 1, { group: "收入", label: "收入总计" }, undefined, 2300000);

testRule(rule, {
  valid: [
    { name: "更正后的样本", disclosure: seed },
    { name: "表10 合计行空白时按各项目之和", disclosure: blankTotal },
    { name: "收入不全是一般公共预算时不比较表10 与表5、表6", disclosure: setCell(notAllGeneral, 10, { label: "合计" }, "项目金额", 400000) },
    { name: "表13 按 0.01 万元舍入后相等", disclosure: setField(seed, 2, "实施期资金总额", fenOf(56004)) },
  ],
  invalid: [
    {
      name: "表10 合计与表5、表6 的专项业务经费不符",
      disclosure: setCell(seed, 10, { label: "合计" }, "项目金额", 396000),
      findings: [
        {
          messageId: "totalMismatch",
          data: { table: 5, expected: "386,000.00", actual: "396,000.00" },
          cells: [{ table: 10, column: "项目金额" }, { table: 5, column: "专项业务经费支出" }],
          expected: fenOf(386000),
          actual: fenOf(396000),
        },
        { messageId: "totalMismatch", data: { table: 6 }, cells: [{ table: 6, column: "专项业务经费支出" }] },
      ],
    },
    {
      name: "表10 合计空白，各项目之和与表5、表6 不符",
      disclosure: setCell(blankTotal, 10, { label: "工装购置经费" }, "项目金额", 55000),
      findings: [
        { messageId: "totalMismatch", data: { table: 5, expected: "386,000.00", actual: "385,000.00" } },
        { messageId: "totalMismatch", data: { table: 6, actual: "385,000.00" } },
        { messageId: "targetAmountMismatch", severity: "warning", data: { name: "工装购置经费", expected: "5.5", actual: "5.6" } },
      ],
    },
    {
      name: "表13 实施期资金总额与表10 不符（警告）",
      disclosure: setField(seed, 2, "实施期资金总额", fenOf(57000)),
      findings: [
        {
          messageId: "targetAmountMismatch",
          severity: "warning",
          data: { name: "工装购置经费", instance: 2, expected: "5.6", actual: "5.7" },
          cells: [{ table: 13, instance: 2, column: "实施期资金总额" }, { table: 10, rowLabel: "工装购置经费", column: "项目金额" }],
        },
      ],
    },
    {
      name: "表13 的项目在表10 中没有同名项目",
      disclosure: setField(seed, 3, "项目名称", "日常办公用品购置"),
      findings: [{ messageId: "projectNotListed", severity: "warning", data: { name: "日常办公用品购置" }, cells: [{ table: 13, instance: 3 }] }],
    },
  ],
});
