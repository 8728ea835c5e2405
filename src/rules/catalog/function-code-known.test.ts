import { testRule } from "../rule-tester.ts";
import rule from "./function-code-known.ts";
import { editRows, seedCatalog, seedDisclosure } from "../../../test/support/disclosure-fixtures.ts";
import type { Disclosure } from "../../model/disclosure.ts";
import type { TableNumber } from "../../model/vocabulary.ts";

const seed = seedDisclosure();
const context = { catalog: seedCatalog() };
const recode = (d: Disclosure, table: TableNumber, from: string, to: string) => editRows(d, table, { code: from }, (r) => ({ ...r, code: to }));

testRule(rule, {
  valid: [
    { name: "更正后的样本", disclosure: seed, context },
    { name: "没有当年目录时不检查", disclosure: recode(seed, 5, "2010350", "2010398") },
  ],
  invalid: [
    {
      name: "表5 项级编码不在目录中（项级目录不完整：警告）",
      disclosure: recode(seed, 5, "2010350", "2010398"),
      context,
      findings: [
        {
          messageId: "unknownCode",
          severity: "warning",
          data: { table: 5, code: "2010398", year: 2023, classification: "支出功能分类" },
          cells: [{ table: 5, rowCode: "2010398" }],
          actual: "2010398",
        },
      ],
    },
    {
      name: "表7 用了 2024 年才设立的科目",
      disclosure: recode(seed, 7, "2010350", "2013950"),
      context,
      findings: [
        {
          messageId: "codeOfOtherYear",
          severity: "warning",
          data: { table: 7, code: "2013950", year: 2023, names: "“事业运行”" },
          cells: [{ table: 7, rowCode: "2013950" }],
        },
      ],
    },
    {
      name: "表5 用了 2024 年才设立的款级科目 20139（款级目录完整：错误）",
      disclosure: recode(seed, 5, "2010399", "20139"),
      context,
      findings: [{ messageId: "codeOfOtherYear", severity: "error", data: { code: "20139", names: "“社会工作事务”" }, cells: [{ table: 5, rowCode: "20139" }] }],
    },
    {
      name: "表1 功能分类栏的类级编码不存在（类级目录完整：错误）",
      disclosure: recode(seed, 1, "217", "218"),
      context,
      findings: [
        {
          messageId: "unknownCode",
          severity: "error",
          data: { table: 1, code: "218", year: 2023 },
          cells: [{ table: 1, group: "支出功能分类科目（按大类）", rowCode: "218" }],
        },
      ],
    },
  ],
});
