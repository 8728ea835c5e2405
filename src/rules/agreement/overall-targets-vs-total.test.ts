import { yuan } from "../../model/money.ts";
import { testRule } from "../rule-tester.ts";
import rule from "./overall-targets-vs-total.ts";
import { seedDisclosure, setCell } from "../../../test/support/disclosure-fixtures.ts";

const seed = seedDisclosure();

testRule(rule, {
  valid: [{ name: "更正后的样本：183.38 + 4 + 38.6 = 225.98 = 2,259,811 元", disclosure: seed }],
  invalid: [
    {
      name: "任务金额之和与金额合计不符，且与本年支出合计不符",
      disclosure: setCell(seed, 14, { label: "任务2" }, "总额", 50000),
      findings: [
        { messageId: "tasksSum", data: { column: "总额", expected: "2,269,811.00", actual: "2,259,811.00" }, cells: [{ table: 14, rowLabel: "金额合计", column: "总额" }] },
      ],
    },
    {
      name: "金额合计与本年支出合计不符（警告）",
      disclosure: setCell(setCell(seed, 14, { label: "任务2" }, "总额", 50000), 14, { label: "金额合计" }, "总额", 2269811),
      findings: [
        {
          messageId: "budgetTotal",
          severity: "warning",
          cells: [{ table: 14, column: "总额" }, { table: 1, rowLabel: "本年支出合计" }],
          expected: yuan(2259800),
          actual: yuan(2269800),
        },
      ],
    },
  ],
});
