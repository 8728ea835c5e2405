import { testRule } from "../rule-tester.ts";
import rule from "./economic-detail-level.ts";
import { editRows, editTable, fenOf, seedDisclosure, setCell } from "../../../test/support/disclosure-fixtures.ts";
import type { Disclosure } from "../../model/disclosure.ts";

const seed = seedDisclosure();

/** 表6 with the 类 310 printed as a subtotal above 31002, its 合计 and 专项业务经费 set to `total` 元. */
function withClassRow(d: Disclosure, total: number): Disclosure {
  return editTable(d, 6, (t) => {
    const at = t.rows.findIndex((r) => r.code === "31002");
    const row = { code: "310", label: "资本性支出", level: 1, kind: "item" as const, values: [null, null, fenOf(total), null, null, fenOf(total), null] };
    return { ...t, rows: [...t.rows.slice(0, at), row, ...t.rows.slice(at)] };
  });
}

testRule(rule, {
  valid: [
    { name: "更正后的样本", disclosure: seed },
    { name: "表6 列出类级小计行", disclosure: withClassRow(seed, 10000) },
  ],
  invalid: [
    {
      name: "表6 明细行只到类级",
      disclosure: editRows(seed, 6, { code: "31002" }, (r) => ({ ...r, code: "310" })),
      findings: [
        {
          messageId: "notDetailLevel",
          data: { table: 6, code: "310", level: "类", wanted: "款", digits: 5 },
          cells: [{ table: 6, rowCode: "310" }],
        },
      ],
    },
    {
      name: "表8 政府经济科目只填到类级",
      disclosure: setCell(seed, 8, { code: "30201" }, "政府经济科目编码", "505"),
      findings: [{ messageId: "notDetailLevel", data: { table: 8, code: "505", level: "类" }, cells: [{ table: 8, rowCode: "30201", column: "政府经济科目编码" }] }],
    },
    {
      name: "表6 类级小计与其下各款之和不符",
      disclosure: withClassRow(seed, 12000),
      findings: [
        { messageId: "subtotalMismatch", data: { table: 6, code: "310", column: "合计", expected: "10,000.00", actual: "12,000.00" } },
        { messageId: "subtotalMismatch", data: { table: 6, code: "310", column: "专项业务经费支出" }, cells: [{ table: 6, rowCode: "310", column: "专项业务经费支出" }] },
      ],
    },
  ],
});
