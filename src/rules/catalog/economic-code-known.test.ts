import { testRule } from "../rule-tester.ts";
import rule from "./economic-code-known.ts";
import { editRows, seedCatalog, seedDisclosure, setCell } from "../../../test/support/disclosure-fixtures.ts";

const seed = seedDisclosure();
const context = { catalog: seedCatalog() };

testRule(rule, {
  valid: [
    { name: "更正后的样本", disclosure: seed, context },
    { name: "没有当年目录时不检查", disclosure: editRows(seed, 6, { code: "30239" }, (r) => ({ ...r, code: "30298" })) },
  ],
  invalid: [
    {
      name: "表6 部门经济科目编码不存在",
      disclosure: editRows(seed, 6, { code: "30239" }, (r) => ({ ...r, code: "30298" })),
      context,
      findings: [
        {
          messageId: "unknownCode",
          severity: "error",
          data: { table: 6, code: "30298", year: 2023, classification: "部门预算支出经济分类" },
          cells: [{ table: 6, rowCode: "30298" }],
          actual: "30298",
        },
      ],
    },
    {
      name: "表8 政府经济科目编码不存在",
      disclosure: setCell(seed, 8, { code: "30201" }, "政府经济科目编码", "50598"),
      context,
      findings: [
        {
          messageId: "unknownCode",
          data: { table: 8, code: "50598", classification: "政府预算支出经济分类" },
          cells: [{ table: 8, rowCode: "30201", column: "政府经济科目编码" }],
        },
      ],
    },
    {
      name: "表1 政府经济分类栏的类级编码不存在",
      disclosure: editRows(seed, 1, { group: "政府预算支出经济分类", code: "599" }, (r) => ({ ...r, code: "598" })),
      context,
      findings: [{ messageId: "unknownCode", data: { table: 1, code: "598" }, cells: [{ table: 1, group: "政府预算支出经济分类科目（按大类）", rowCode: "598" }] }],
    },
  ],
});
