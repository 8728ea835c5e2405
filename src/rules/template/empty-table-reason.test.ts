import { testRule } from "../rule-tester.ts";
import rule from "./empty-table-reason.ts";
import { editTable, editToc, seedDisclosure } from "../../../test/support/disclosure-fixtures.ts";

const seed = seedDisclosure();
/** 表15 printed empty, its 目录 line no longer marked 是空表. */
const unmarked = editToc(seed, 15, ({ emptyReason: _reason, ...e }) => ({ ...e, empty: false }));

testRule(rule, {
  valid: [
    { name: "更正后的样本", disclosure: seed },
    {
      name: "目录未标空表，但表下注明了理由",
      disclosure: editTable(unmarked, 15, ({ emptyReason: _reason, ...t }) => ({ ...t, notes: ["注：本单位不管理本级专项资金，故本表无数据。"] })),
    },
  ],
  invalid: [
    {
      name: "空表在目录中未标为空表",
      disclosure: editTable(unmarked, 15, ({ emptyReason: _reason, ...t }) => ({ ...t, notes: [] })),
      findings: [{ messageId: "unmarkedEmpty", severity: "warning", data: { table: 15, title: "专项资金总体绩效目标表" }, cells: [{ table: 15 }] }],
    },
    {
      name: "目录标为空表的表13 有内容（三张只报一次）",
      disclosure: editToc(seed, 13, (e) => ({ ...e, empty: true, emptyReason: "当年无专项" })),
      findings: [{ messageId: "markedButFilled", data: { table: 13, title: "部门专项业务经费绩效目标表" }, cells: [{ table: 13, instance: 1 }] }],
    },
  ],
});
