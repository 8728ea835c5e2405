import assert from "node:assert/strict";
import { it } from "node:test";
import { readPublished } from "../../src/importers/published/read-published.ts";

it("an inline SVG chart's text is not read as narrative", () => {
  const html = `<html lang="zh-CN"><body><h1>某单位2023年单位预算公开说明</h1>
    <h2>第二部分 收支情况</h2><p>本单位当年预算支出 225.98 万元。</p>
    <figure><svg role="img" aria-label="支出功能分类"><text>一般公共服务支出 175.47</text></svg></figure></body></html>`;
  const text = readPublished(html, { origin: "t.html", format: "html" }).narrative.map((s) => s.text).join("\n");
  assert.match(text, /225\.98 万元/);
  assert.doesNotMatch(text, /175\.47/);
});
