import { testRule } from "../rule-tester.ts";
import rule from "./cover-statements.ts";
import { publishedSeed, seedDisclosure } from "../../../test/support/disclosure-fixtures.ts";

const published = publishedSeed();

testRule(rule, {
  valid: [
    { name: "公开文本的封面注明了两项", disclosure: published },
    { name: "Gongkai 生成的公开不检查封面", disclosure: seedDisclosure() },
  ],
  invalid: [
    {
      name: "封面没有任何说明",
      disclosure: { ...published, cover: {} },
      findings: [
        { messageId: "missingStatement", severity: "warning", data: { statement: "保密审查情况", done: "已审查" } },
        { messageId: "missingStatement", data: { statement: "部门（单位）主要负责人审签情况", done: "已审签" } },
      ],
    },
    {
      name: "负责人未审签",
      disclosure: { ...published, cover: { 保密审查情况: "已审查", 单位主要负责人审签情况: "未审签" } },
      findings: [{ messageId: "notDone", data: { statement: "部门（单位）主要负责人审签情况", value: "未审签", done: "已审签" }, expected: "已审签", actual: "未审签" }],
    },
  ],
});
