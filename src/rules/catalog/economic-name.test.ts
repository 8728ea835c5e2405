import { testRule } from "../rule-tester.ts";
import rule from "./economic-name.ts";
import { renameRow, seedCatalog, seedDisclosure, setCell } from "../../../test/support/disclosure-fixtures.ts";

const seed = seedDisclosure();
const context = { catalog: seedCatalog() };

testRule(rule, {
  valid: [{ name: "更正后的样本", disclosure: seed, context }],
  invalid: [
    {
      name: "S10：表6 30112 其他社会保险缴费，31002 印成类名",
      disclosure: renameRow(renameRow(seed, 6, { code: "30112" }, "其他社会保险缴费"), 6, { code: "31002" }, "资本性支出"),
      context,
      findings: [
        {
          messageId: "wrongName",
          data: { table: 6, code: "30112", actual: "其他社会保险缴费", expected: "其他社会保障缴费" },
          cells: [{ table: 6, rowCode: "30112" }],
        },
        { messageId: "wrongName", data: { table: 6, code: "31002", actual: "资本性支出", expected: "办公设备购置" } },
      ],
    },
    {
      name: "表8 政府经济科目名称不是目录名称",
      disclosure: setCell(seed, 8, { code: "30101" }, "政府经济科目名称", "工资福利"),
      context,
      findings: [{ messageId: "wrongName", data: { table: 8, code: "50501", expected: "工资福利支出" }, cells: [{ table: 8, rowCode: "30101", column: "政府经济科目名称" }] }],
    },
    {
      name: "S11：表9 债务付息及费用支出",
      disclosure: renameRow(seed, 9, { label: "债务利息及费用支出" }, "债务付息及费用支出"),
      context,
      findings: [
        {
          messageId: "wrongName",
          data: { table: 9, code: "307", actual: "债务付息及费用支出", expected: "债务利息及费用支出" },
          cells: [{ table: 9, rowLabel: "债务付息及费用支出" }],
        },
      ],
    },
  ],
});
