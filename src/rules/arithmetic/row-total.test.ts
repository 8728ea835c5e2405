import { yuan } from "../../model/money.ts";
import { testRule } from "../rule-tester.ts";
import rule from "./row-total.ts";
import { seedDisclosure, setCell } from "../../../test/support/disclosure-fixtures.ts";

const seed = seedDisclosure();

testRule(rule, {
  valid: [{ name: "更正后的样本", disclosure: seed }],
  invalid: [
    {
      name: "表5 一行的合计与人员、公用、专项之和不符",
      disclosure: setCell(seed, 5, { code: "2010350" }, "合计", 1368692),
      findings: [
        {
          messageId: "rowMismatch",
          data: { table: 5, row: "2010350", column: "合计", expected: "1,368,693.00", actual: "1,368,692.00" },
          cells: [{ table: 5, rowCode: "2010350", column: "合计" }],
          expected: yuan(1368693),
          actual: yuan(1368692),
        },
      ],
    },
    {
      name: "表2 财政拨款小计与其组成不符",
      disclosure: setCell(seed, 2, { code: "117002" }, "财政拨款/小计", 2259810),
      findings: [
        { messageId: "rowMismatch", data: { table: 2, row: "117002", column: "合计" }, cells: [{ table: 2, rowCode: "117002", column: "合计" }] },
        { messageId: "rowMismatch", data: { table: 2, row: "117002", column: "财政拨款/小计" }, expected: yuan(2259811), actual: yuan(2259810) },
      ],
    },
  ],
});
