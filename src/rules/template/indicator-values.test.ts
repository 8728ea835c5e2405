import { testRule } from "../rule-tester.ts";
import rule from "./indicator-values.ts";
import { editRows, seedDisclosure } from "../../../test/support/disclosure-fixtures.ts";
import type { Row, Table } from "../../model/table.ts";

const seed = seedDisclosure();

/** The row's 指标值 cell emptied, as the seed's 表14 prints 事项办结率. */
const withoutValue = (row: Row, table: Table): Row => {
  const at = table.columns.findIndex((c) => c.label === "指标值");
  return { ...row, values: row.values.map((v, i) => (i === at ? null : v)) };
};

testRule(rule, {
  valid: [{ name: "更正后的样本：每个指标都有指标值，模板的空白占位行不算指标", disclosure: seed }],
  invalid: [
    {
      name: "S15：表14 的“事项办结率”没有指标值",
      disclosure: editRows(seed, 14, { label: "事项办结率" }, withoutValue),
      findings: [
        {
          messageId: "missingValue",
          data: { table: 14, indicator: "事项办结率", level2: "时效指标" },
          cells: [{ table: 14, rowLabel: "事项办结率", column: "指标值" }],
        },
      ],
    },
  ],
});
