import { testRule } from "../rule-tester.ts";
import rule from "./function-detail-level.ts";
import { editRows, editTable, fenOf, seedDisclosure } from "../../../test/support/disclosure-fixtures.ts";
import type { Disclosure } from "../../model/disclosure.ts";
import type { Row } from "../../model/table.ts";

const seed = seedDisclosure();

/** 表5 with the 类 201 and 款 20103 printed above their two 项, the 款 carrying `fund` as its 合计. */
function withSubtotals(d: Disclosure, fund = 1754693): Disclosure {
  const subtotal = (code: string, label: string, level: number, total: number): Row => ({
    code,
    label,
    level,
    kind: "item",
    values: [fenOf(total), fenOf(1328693), fenOf(40000), fenOf(386000), null],
  });
  return editTable(d, 5, (t) => ({
    ...t,
    rows: [
      t.rows[0]!,
      subtotal("201", "一般公共服务支出", 1, 1754693),
      subtotal("20103", "政府办公厅（室）及相关机构事务", 2, fund),
      ...t.rows.slice(1),
    ],
  }));
}

testRule(rule, {
  valid: [
    { name: "更正后的样本", disclosure: seed },
    { name: "表5 同时列出类、款小计行，项为明细", disclosure: withSubtotals(seed) },
  ],
  invalid: [
    {
      name: "表5 明细行只到款级",
      disclosure: editRows(seed, 5, { code: "2101102" }, (r) => ({ ...r, code: "21011", label: "行政事业单位医疗" })),
      findings: [
        {
          messageId: "notDetailLevel",
          data: { table: 5, code: "21011", name: "行政事业单位医疗", level: "款", wanted: "项", digits: 7 },
          cells: [{ table: 5, rowCode: "21011" }],
          actual: "21011",
        },
      ],
    },
    {
      name: "表7 明细行只到类级",
      disclosure: editRows(seed, 7, { code: "2210201" }, (r) => ({ ...r, code: "221", label: "住房保障支出" })),
      findings: [{ messageId: "notDetailLevel", data: { table: 7, code: "221", level: "类" }, cells: [{ table: 7, rowCode: "221" }] }],
    },
    {
      name: "表5 款级小计与其下各项之和不符",
      disclosure: withSubtotals(seed, 1754000),
      findings: [
        {
          messageId: "subtotalMismatch",
          data: { table: 5, code: "20103", column: "合计", expected: "1,754,693.00", actual: "1,754,000.00" },
          cells: [{ table: 5, rowCode: "20103", column: "合计" }],
          expected: fenOf(1754693),
          actual: fenOf(1754000),
        },
      ],
    },
    {
      name: "表5 有金额的明细行没有编码",
      disclosure: editRows(seed, 5, { code: "2210201" }, ({ code: _code, ...r }) => r),
      findings: [{ messageId: "missingCode", severity: "warning", data: { table: 5, name: "住房公积金", wanted: "项" }, cells: [{ table: 5, rowLabel: "住房公积金" }] }],
    },
  ],
});
