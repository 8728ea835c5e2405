import { testRule } from "../rule-tester.ts";
import rule from "./economic-mapping.ts";
import { editTable, seedCatalog, seedDisclosure, setCell, withoutTable } from "../../../test/support/disclosure-fixtures.ts";
import type { Disclosure } from "../../model/disclosure.ts";

const seed = seedDisclosure();
const context = { catalog: seedCatalog() };
const { unitKind: _kind, ...unknownKind } = seed;
/** A published 行政单位 whose 表8 keeps two rows, printed with the 事业单位 codes 50501 and 50502. */
const administrativeAsPrinted: Disclosure = editTable(withoutTable({ ...seed, originKind: "published", unitKind: "行政单位" }, 6), 8, (t) => ({
  ...t,
  rows: t.rows.filter((r) => r.kind === "total" || ["30101", "30217"].includes(r.code ?? "")),
}));
/** The same 行政单位 with 30101 → 50101 (right for 机关) and 30217 → 50201 (wrong for either kind: 50206). */
const administrative: Disclosure = setCell(
  setCell(
    administrativeAsPrinted,
    8,
    { code: "30101" },
    "政府经济科目编码",
    "50101",
  ),
  8,
  { code: "30217" },
  "政府经济科目编码",
  "50201",
);

testRule(rule, {
  valid: [
    { name: "更正后的样本（事业单位用 505/506）", disclosure: seed, context },
    { name: "单位类型不明时不检查", disclosure: unknownKind, context },
    { name: "一行用了另一类单位的对照，其余行按本单位类型（部门汇总）", disclosure: { ...setCell(seed, 6, { code: "30101" }, "政府经济科目编码", "50101"), originKind: "published" }, context },
  ],
  invalid: [
    {
      name: "事业单位的表6 用了对照表中没有的对应 50201",
      disclosure: setCell(seed, 6, { code: "30101" }, "政府经济科目编码", "50201"),
      context,
      findings: [
        {
          messageId: "wrongMapping",
          severity: "error",
          data: { table: 6, code: "30101", unitKind: "事业单位", actual: "50201", expected: "50501", expectedName: "工资福利支出" },
          cells: [{ table: 6, rowCode: "30101", column: "政府经济科目编码" }],
          expected: "50501",
          actual: "50201",
        },
      ],
    },
    {
      name: "公开文本：行政单位的表8 全按事业单位对照（警告）",
      disclosure: administrativeAsPrinted,
      context,
      findings: [
        {
          messageId: "otherKindMapping",
          severity: "warning",
          data: { code: "30101", unitKind: "行政单位", otherKind: "事业单位", actual: "50501", expected: "50101" },
          cells: [{ table: 8, rowCode: "30101", column: "政府经济科目编码" }],
        },
        { messageId: "otherKindMapping", data: { code: "30217", actual: "50502", expected: "50206" } },
      ],
    },
    {
      name: "表8 没有填政府经济科目",
      disclosure: setCell(seed, 8, { code: "30217" }, "政府经济科目编码", null),
      context,
      findings: [{ messageId: "missingGovCode", data: { table: 8, code: "30217", expected: "50502" }, cells: [{ table: 8, rowCode: "30217" }], actual: null }],
    },
    {
      name: "行政单位的公务接待费应对应 50206",
      disclosure: administrative,
      context,
      findings: [
        {
          messageId: "wrongMapping",
          data: { table: 8, code: "30217", unitKind: "行政单位", actual: "50201", expected: "50206", expectedName: "公务接待费" },
          cells: [{ table: 8, rowCode: "30217", column: "政府经济科目编码" }],
        },
      ],
    },
  ],
});
