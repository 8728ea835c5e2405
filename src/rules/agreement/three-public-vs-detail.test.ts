import { testRule } from "../rule-tester.ts";
import rule from "./three-public-vs-detail.ts";
import { fenOf, seedDisclosure, setCell, withoutTable } from "../../../test/support/disclosure-fixtures.ts";
import { publishedDisclosure } from "../../../test/support/published-fixtures.ts";

const seed = seedDisclosure();
/** As the 9-table sets print it: 表8 (基本支出 by economic class) but no 表6. */
const withoutDetail = withoutTable(seed, 6);

/** A published 表6 and 表12 of a unit with a car, 会议费 and 公务接待费; `{car}` is 表12's 运行维护费. */
const published = (car: string, total = "32,000.00") =>
  publishedDisclosure(
    `## 表6 部门综合预算一般公共预算支出明细表（按支出经济分类科目）

单位：元

| 部门经济科目编码 | 部门经济科目名称 | 政府经济科目编码 | 政府经济科目名称 | 合计 | 人员经费支出 | 公用经费支出 | 专项业务经费支出 | 备注 |
|---|---|---|---|---|---|---|---|---|
| | 合计 | | | 37,000.00 | | 37,000.00 | | |
| 30215 | 会议费 | 50202 | 会议费 | 5,000.00 | | 5,000.00 | | |
| 30217 | 公务接待费 | 50206 | 公务接待费 | 2,000.00 | | 2,000.00 | | |
| 30231 | 公务用车运行维护费 | 50208 | 公务用车运行维护费 | 30,000.00 | | 30,000.00 | | |

## 表12 部门综合预算一般公共预算拨款“三公”经费及会议费、培训费支出预算表

单位：元

| 单位编码 | 单位名称 | “三公”经费合计 | 因公出国（境）费 | 公务用车购置及运行费 | | | 公务接待费 | 会议费 | 培训费 |
|---|---|---|---|---|---|---|---|---|---|
| | | | | 小计 | 公务用车购置费 | 公务用车运行维护费 | | | |
| 117002 | 某某区审计局 | ${total} | 0 | ${car} | | ${car} | 2,000.00 | 5,000.00 | － |
`,
    "three-public.md",
  );

testRule(rule, {
  valid: [
    { name: "更正后的样本", disclosure: seed },
    { name: "没有表6 时，表12 各项不少于表8 基本支出中的对应款", disclosure: withoutDetail },
    { name: "公开文本：表12 与表6 一致（合计行未印，按各单位之和）", disclosure: published("30,000.00") },
  ],
  invalid: [
    {
      name: "没有表6 时，表12 公务接待费少于表8 基本支出中的 30217",
      disclosure: setCell(setCell(withoutDetail, 12, { label: "合计" }, "公务接待费", 1000), 12, { label: "合计" }, "“三公”经费合计", 1000),
      findings: [
        {
          messageId: "lessThanBasic",
          data: { column: "公务接待费", code: "30217", basic: "2,000.00", actual: "1,000.00" },
          cells: [{ table: 12, column: "公务接待费" }, { table: 8, rowCode: "30217", column: "合计" }],
          expected: fenOf(2000),
          actual: fenOf(1000),
        },
      ],
    },
    {
      name: "表12 公务接待费与表6 30217 不符",
      disclosure: setCell(setCell(seed, 12, { label: "合计" }, "公务接待费", 3000), 12, { label: "合计" }, "“三公”经费合计", 3000),
      findings: [
        {
          messageId: "itemMismatch",
          data: { column: "公务接待费", code: "30217", expected: "2,000.00", actual: "3,000.00" },
          cells: [{ table: 12, column: "公务接待费" }, { table: 6, rowCode: "30217", column: "合计" }],
          expected: fenOf(2000),
          actual: fenOf(3000),
        },
      ],
    },
    {
      name: "公开文本：表12 列了公务用车运行维护费但与表6 不符，“三公”合计也未加总",
      disclosure: published("28,000.00"),
      findings: [
        { messageId: "sumMismatch", data: { row: "117002", column: "“三公”经费合计", expected: "30,000.00", actual: "32,000.00" }, cells: [{ table: 12, rowCode: "117002" }] },
        { messageId: "itemMismatch", data: { column: "公务用车运行维护费", code: "30231", expected: "30,000.00", actual: "28,000.00" } },
      ],
    },
    {
      name: "表12 有会议费而表6 没有 30215",
      disclosure: setCell(setCell(seed, 12, { label: "合计" }, "会议费", 1000), 12, { code: "117002" }, "会议费", 1000),
      findings: [{ messageId: "itemMismatch", data: { column: "会议费", code: "30215", expected: "0.00", actual: "1,000.00" }, cells: [{ table: 6, column: "合计" }] }],
    },
  ],
});
