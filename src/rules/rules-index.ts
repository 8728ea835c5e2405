/**
 * The rules index page (docs/rules/README.md), generated from each rule's `meta` so the list can never
 * drift from the registry. `npm run docs` writes it; a test fails when the committed page is stale.
 */
import type { Rule } from "./rule.ts";

const CATEGORY = { arithmetic: "表内运算", agreement: "表间一致", catalog: "科目目录", template: "报表模板", narrative: "说明文字" } as const;
const SEVERITY = { error: "错误", warning: "警告", info: "提示" } as const;

export function rulesIndexMarkdown(rules: readonly Rule[]): string {
  const lines = [
    "# 检查规则",
    "",
    "本页由 `npm run docs` 根据各规则的 `meta` 生成，请勿手工编辑。每条规则一页，含错误示例与正确示例。",
    "",
    "| 规则 | 类别 | 默认级别 | 涉及的表 | 说明 |",
    "|---|---|---|---|---|",
    ...rules.map(
      ({ meta }) =>
        `| [${meta.id}](${meta.id}.md) | ${CATEGORY[meta.category]} | ${SEVERITY[meta.severity]} | ${
          meta.tables.length > 0 ? meta.tables.map((n) => `表${n}`).join("、") : "—"
        } | ${meta.description} |`,
    ),
    "",
  ];
  return lines.join("\n");
}
