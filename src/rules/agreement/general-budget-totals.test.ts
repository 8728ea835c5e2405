import { yuan } from "../../model/money.ts";
import { testRule } from "../rule-tester.ts";
import rule from "./general-budget-totals.ts";
import { seedDisclosure, setCell } from "../../../test/support/disclosure-fixtures.ts";

const seed = seedDisclosure();

testRule(rule, {
  valid: [{ name: "更正后的样本", disclosure: seed }],
  invalid: [
    {
      name: "表6 合计与其他各表不同",
      disclosure: setCell(seed, 6, { label: "合计" }, "合计", 2258811),
      findings: [
        {
          messageId: "totalDiffers",
          data: { where: "表6合计", expected: "2,259,811.00", actual: "2,258,811.00" },
          cells: [{ table: 6, rowLabel: "合计", column: "合计" }, { table: 5, column: "合计" }],
          expected: yuan(2259811),
          actual: yuan(2258811),
        },
      ],
    },
  ],
});
