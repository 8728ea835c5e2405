import { testRule } from "../rule-tester.ts";
import rule from "./tables-present.ts";
import { editTable, editToc, seedDisclosure, withoutTable } from "../../../test/support/disclosure-fixtures.ts";

const seed = seedDisclosure();

testRule(rule, {
  valid: [{ name: "更正后的样本", disclosure: seed }],
  invalid: [
    {
      name: "S12：目录列出表2、表12，正文没有",
      disclosure: withoutTable(withoutTable(seed, 2), 12),
      findings: [
        { messageId: "missingTable", data: { table: 2, title: "部门综合预算收入总表" }, cells: [{ table: 2 }] },
        { messageId: "missingTable", data: { table: 12 }, cells: [{ table: 12 }] },
      ],
    },
    {
      name: "S12：表11 标为空表但没有公开",
      disclosure: withoutTable(seed, 11),
      findings: [{ messageId: "emptyNotPrinted", severity: "info", data: { table: 11 }, cells: [{ table: 11 }] }],
    },
    {
      name: "空表在目录和表下都没有理由",
      disclosure: editTable(editToc(seed, 15, ({ emptyReason: _reason, ...e }) => e), 15, ({ emptyReason: _reason, ...t }) => t),
      findings: [{ messageId: "emptyWithoutReason", data: { table: 15, title: "专项资金总体绩效目标表" } }],
    },
    {
      name: "空表理由只写在表下的注中（警告）",
      disclosure: editToc(seed, 15, ({ emptyReason: _reason, ...e }) => e),
      findings: [{ messageId: "reasonOnlyInNote", severity: "warning", data: { table: 15 } }],
    },
  ],
});
