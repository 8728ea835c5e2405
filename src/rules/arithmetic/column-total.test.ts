import { yuan } from "../../model/money.ts";
import { testRule } from "../rule-tester.ts";
import rule from "./column-total.ts";
import { editRows, seedDisclosure, setCell } from "../../../test/support/disclosure-fixtures.ts";

const seed = seedDisclosure();

testRule(rule, {
  valid: [{ name: "更正后的样本", disclosure: seed }],
  invalid: [
    {
      name: "表5 合计行的人员经费与明细不符",
      disclosure: setCell(seed, 5, { label: "合计" }, "人员经费支出", 1833810),
      findings: [
        {
          messageId: "totalMismatch",
          data: { table: 5, column: "人员经费支出", expected: "1,833,811.00", actual: "1,833,810.00" },
          cells: [{ table: 5, rowLabel: "合计", column: "人员经费支出" }],
          expected: yuan(1833811),
          actual: yuan(1833810),
        },
      ],
    },
    {
      name: "合计行只有 ** 占位",
      disclosure: editRows(seed, 7, { label: "合计" }, (r) => ({ ...r, values: r.values.map(() => null) })),
      findings: [{ messageId: "missingTotal", severity: "info", data: { table: 7 }, cells: [{ table: 7, rowLabel: "合计" }] }],
    },
  ],
});
