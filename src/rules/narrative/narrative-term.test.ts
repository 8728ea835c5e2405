import { readSnippet } from "../../../test/support/narrative-fixtures.ts";
import { testRule } from "../rule-tester.ts";
import rule from "./narrative-term.ts";

const read = readSnippet;

testRule(rule, {
  valid: [
    { name: "会议费、培训费", disclosure: read("五、“三公”经费及会议费、培训费情况说明\n本单位当年一般公共预算无会议费、培训费预算支出，较上年相比无变化。") },
    { name: "“培训会”作为活动名称不报", disclosure: read("本单位当年组织业务培训会 2 次。") },
    { name: "标题末尾与正文开头同词不算重复", disclosure: read("（一）收支预算\n预算收入 225.98 万元。") },
  ],
  invalid: [
    {
      name: "S14：培训会预算支出",
      disclosure: read("五、“三公”经费及会议费、培训费情况说明\n本单位当年一般公共预算无会议费、培训会预算支出，较上年相比无变化。"),
      findings: [{ messageId: "nonStandardTerm", data: { actual: "培训会", expected: "培训费" }, severity: "warning" }],
    },
    {
      name: "007：支出支出；014：原因原因",
      disclosure: read("其中:文化旅游体育与传媒支出支出预算286.85万元。\n公务接待支出124万元,减少原因原因是减少压缩开支。"),
      findings: [
        { messageId: "doubledWord", data: { word: "支出支出" }, severity: "info" },
        { messageId: "doubledWord", data: { word: "原因原因" }, severity: "info" },
      ],
    },
  ],
});
