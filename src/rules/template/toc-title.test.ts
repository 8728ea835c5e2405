import { testRule } from "../rule-tester.ts";
import rule from "./toc-title.ts";
import { editTable, seedDisclosure } from "../../../test/support/disclosure-fixtures.ts";

const seed = seedDisclosure();

testRule(rule, {
  valid: [
    { name: "更正后的样本", disclosure: seed },
    {
      name: "只差括号、引号和空格",
      disclosure: editTable(editTable(seed, 5, (t) => ({ ...t, title: "部门综合预算一般公共预算支出明细表(按支出功能分类科目)" })), 12, (t) => ({
        ...t,
        title: "部门综合预算一般公共预算拨款\"三公\"经费及会议费、培训费支出预算表",
      })),
    },
  ],
  invalid: [
    {
      name: "S12：表13 正文标题为“部门预算专项业务经费绩效目标表”",
      disclosure: editTable(seed, 13, (t) => ({ ...t, title: "部门预算专项业务经费绩效目标表" })),
      findings: [
        {
          messageId: "titleDiffers",
          severity: "info",
          data: { table: 13, body: "部门预算专项业务经费绩效目标表", toc: "部门专项业务经费绩效目标表" },
          cells: [{ table: 13, instance: 1 }, { table: 13, instance: 2 }, { table: 13, instance: 3 }],
          expected: "部门专项业务经费绩效目标表",
          actual: "部门预算专项业务经费绩效目标表",
        },
      ],
    },
    {
      name: "表8 正文标题少了“按”字",
      disclosure: editTable(seed, 8, (t) => ({ ...t, title: "部门综合预算一般公共预算基本支出明细表（支出经济分类科目）" })),
      findings: [{ messageId: "titleDiffers", data: { table: 8, toc: "部门综合预算一般公共预算基本支出明细表（按支出经济分类科目）" }, cells: [{ table: 8 }] }],
    },
  ],
});
