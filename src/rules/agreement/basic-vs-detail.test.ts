import { yuan } from "../../model/money.ts";
import { testRule } from "../rule-tester.ts";
import rule from "./basic-vs-detail.ts";
import { editTable, seedDisclosure, setCell } from "../../../test/support/disclosure-fixtures.ts";

const seed = seedDisclosure();

testRule(rule, {
  valid: [{ name: "更正后的样本", disclosure: seed }],
  invalid: [
    {
      name: "表8 公用经费与表6 不符",
      disclosure: setCell(setCell(seed, 8, { code: "30201" }, "公用经费支出", 9000), 8, { code: "30201" }, "合计", 9000),
      findings: [
        { messageId: "valueMismatch", data: { full: 6, basic: 8, row: "30201", column: "合计", expected: "10,000.00", actual: "9,000.00" } },
        {
          messageId: "valueMismatch",
          data: { full: 6, basic: 8, row: "30201", column: "公用经费支出" },
          cells: [{ table: 8, rowCode: "30201", column: "公用经费支出" }, { table: 6, rowCode: "30201", column: "公用经费支出" }],
          expected: yuan(10000),
          actual: yuan(9000),
        },
      ],
    },
    {
      name: "表7 缺少一行",
      disclosure: editTable(seed, 7, (t) => ({ ...t, rows: t.rows.filter((r) => r.code !== "2101102") })),
      findings: [{ messageId: "missingRow", data: { full: 5, basic: 7, row: "2101102", amount: "67,506.00" }, cells: [{ table: 5, rowCode: "2101102" }] }],
    },
  ],
});
