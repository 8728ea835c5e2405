import { readSnippet } from "../../../test/support/narrative-fixtures.ts";
import { seedCatalog } from "../../../test/support/disclosure-fixtures.ts";
import { testRule } from "../rule-tester.ts";
import rule from "./narrative-share.ts";

const context = { catalog: seedCatalog() };

/** After real-examples 005 (梧州, 2025): the 类 shares of the 支出总预算, in 元. */
const shares = (health: string, housing: string) =>
  readSnippet(
    [
      "2025 年本单位支出总预算 1085203.63 元。",
      "其中:",
      "(一)文化旅游体育与传媒支出类科目 850088.3 元,占支出总预算 78.33%。",
      "(二)社会保障和就业支出类科目 116433.12 元,占支出总预算 10.73 %。",
      `(三)卫生健康支出类科目 43897.73 元,占支出总预算${health} %。`,
      `(四)住房保障支出类科目 74784.48 元,占支出总预算${housing} %。`,
    ].join("\n"),
  );

testRule(rule, {
  valid: [
    { name: "各类占比按实际数计算并四舍五入", disclosure: shares("4.05", "6.89"), context },
    {
      name: "总额与各项均为万元时，在舍入范围内可得到所印占比",
      disclosure: readSnippet("本单位当年预算支出 225.98 万元，其中人员经费 183.38 万元，占支出总预算的 81.15%。"),
      context,
    },
  ],
  invalid: [
    {
      name: "005：为凑足 100% 改动的占比（4.045% 印为 4.04，6.891% 印为 6.90）",
      disclosure: shares("4.04", "6.90"),
      context,
      findings: [
        { messageId: "shareMismatch", data: { actual: "4.04", expected: "4.05" }, expected: "4.05%", actual: "4.04%" },
        { messageId: "shareMismatch", data: { actual: "6.90", expected: "6.89" }, expected: "6.89%", actual: "6.90%" },
      ],
    },
  ],
});
