import { yuan } from "../../model/money.ts";
import { testRule } from "../rule-tester.ts";
import rule from "./row-total.ts";
import { editTable, seedDisclosure, setCell } from "../../../test/support/disclosure-fixtures.ts";
import type { Table } from "../../model/table.ts";

const seed = seedDisclosure();

/** 表5 with extra columns another template prints: a comparison figure and a 基本支出 that repeats 人员 + 公用. */
const withExtras = editTable(seed, 5, (t: Table) => ({
  ...t,
  columns: [...t.columns, { key: "extra:年初预算数", label: "年初预算数", kind: "amount" }, { key: "extra:基本支出", label: "基本支出", kind: "amount" }],
  rows: t.rows.map((r) => ({ ...r, values: [...r.values, yuan(999), yuan(888)] })),
}));

testRule(rule, {
  valid: [
    { name: "更正后的样本", disclosure: seed },
    { name: "另加“年初预算数”和与人员、公用经费重复的“基本支出”列，二者不计入合计", disclosure: withExtras },
  ],
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
