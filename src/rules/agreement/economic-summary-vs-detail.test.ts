import { testRule } from "../rule-tester.ts";
import rule from "./economic-summary-vs-detail.ts";
import { fenOf, seedCatalog, seedDisclosure, setCell } from "../../../test/support/disclosure-fixtures.ts";
import type { Disclosure } from "../../model/disclosure.ts";

const seed = seedDisclosure();
const context = { catalog: seedCatalog() };
const DEPT = "部门预算支出经济分类";
const GOV = "政府预算支出经济分类";
/** Blocks rows read from a published text carry no codes: their 类 is found by name. */
const withoutBlockCodes = (d: Disclosure): Disclosure => ({
  ...d,
  tables: d.tables.map((t) => (t.layout === "blocks" ? { ...t, rows: t.rows.map(({ code: _code, ...r }) => r) } : t)),
});
/** S01: 表1's 专项业务经费 商品和服务支出 printed as 375,000. */
const s01 = (d: Disclosure) => setCell(d, 1, { group: DEPT, label: "(2)商品和服务支出", nth: 1 }, undefined, 375000);

testRule(rule, {
  valid: [
    { name: "更正后的样本", disclosure: seed, context },
    { name: "没有编码的类级行按名称对应", disclosure: withoutBlockCodes(seed), context },
    { name: "收入不全是一般公共预算时不比较", disclosure: setCell(s01(seed), 1, { group: "收入", label: "收入总计" }, undefined, 2300000), context },
  ],
  invalid: [
    {
      name: "S01：表1 专项业务经费的商品和服务支出 375,000，表6 为 376,000",
      disclosure: s01(withoutBlockCodes(seed)),
      context,
      findings: [
        {
          messageId: "deptClassMismatch",
          data: { table: 1, parent: "专项业务经费支出", row: "商品和服务支出", code: "302", columns: "专项业务经费支出", expected: "376,000.00", actual: "375,000.00" },
          cells: [
            { table: 1, group: "部门预算支出经济分类科目（按大类）", rowLabel: "(2)商品和服务支出", column: "预算数" },
            { table: 6, rowCode: "30201", column: "专项业务经费支出" },
            { table: 6, rowCode: "30226", column: "专项业务经费支出" },
          ],
          expected: fenOf(376000),
          actual: fenOf(375000),
        },
      ],
    },
    {
      name: "表4 人员经费和公用经费下的工资福利支出与表6 不符",
      disclosure: setCell(seed, 4, { group: DEPT, label: "(1)工资福利支出", nth: 0 }, undefined, 1833000),
      context,
      findings: [
        {
          messageId: "deptClassMismatch",
          data: { table: 4, parent: "人员经费和公用经费支出", code: "301", columns: "人员经费支出、公用经费支出", expected: "1,833,811.00", actual: "1,833,000.00" },
          cells: [{ table: 4, rowLabel: "(1)工资福利支出" }],
        },
      ],
    },
    {
      name: "表1 政府经济分类：资本性补助印在经常性补助上",
      disclosure: setCell(setCell(seed, 1, { group: GOV, code: "505" }, undefined, 2259811), 1, { group: GOV, code: "506" }, undefined, null),
      context,
      findings: [
        { messageId: "govClassMismatch", data: { table: 1, group: "政府预算支出经济分类科目（按大类）", row: "对事业单位经常性补助", code: "505", expected: "2,249,811.00", actual: "2,259,811.00" } },
        { messageId: "govClassMismatch", data: { code: "506", expected: "10,000.00", actual: "0.00" }, cells: [{ table: 1, rowCode: "506" }, { table: 6, rowCode: "31002", column: "合计" }] },
      ],
    },
  ],
});
