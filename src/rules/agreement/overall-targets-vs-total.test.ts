import { yuan } from "../../model/money.ts";
import { testRule } from "../rule-tester.ts";
import rule from "./overall-targets-vs-total.ts";
import { seedDisclosure, setCell } from "../../../test/support/disclosure-fixtures.ts";

const seed = seedDisclosure();

/** 表14 printed to 0.01 万元: the tasks as given (元), and the total. */
function rounded(tasks: [number, number, number], total: number) {
  let d = seed;
  for (const column of ["总额", "财政拨款"]) {
    tasks.forEach((amount, i) => (d = setCell(d, 14, { label: `任务${i + 1}` }, column, amount)));
    d = setCell(d, 14, { label: "金额合计" }, column, total);
  }
  return d;
}

testRule(rule, {
  valid: [
    { name: "更正后的样本：183.38 + 4 + 38.6 = 225.98 = 2,259,811 元", disclosure: seed },
    { name: "万元两位小数的舍入：183.37 + 4 + 38.6 = 225.97，合计印为 225.98（每项至多差 0.005 万元）", disclosure: rounded([1833700, 40000, 386000], 2259800) },
  ],
  invalid: [
    {
      name: "万元两位小数，但差额超出舍入：183.35 + 4 + 38.6 = 225.95，合计印为 225.98",
      disclosure: rounded([1833500, 40000, 386000], 2259800),
      findings: [
        { messageId: "tasksSum", data: { column: "总额", expected: "2,259,500.00", actual: "2,259,800.00" }, cells: [{ table: 14, rowLabel: "金额合计", column: "总额" }] },
        { messageId: "tasksSum", data: { column: "财政拨款", expected: "2,259,500.00", actual: "2,259,800.00" }, cells: [{ table: 14, rowLabel: "金额合计", column: "财政拨款" }] },
      ],
    },
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
