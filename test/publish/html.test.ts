/**
 * The HTML page (`gongkai render --format html`): it reads back through the published-document reader
 * with zero error findings from every rule, carries its header markup (scope, colspan/rowspan), escapes
 * every text from the document, names no URL, and is accessible in the ways a test can see (lang, skip
 * link, headings in order, chart text alternatives).
 */
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { loadCatalog } from "../../src/catalog/load.ts";
import { readPublished } from "../../src/importers/published/read-published.ts";
import type { Disclosure } from "../../src/model/disclosure.ts";
import { fen } from "../../src/model/money.ts";
import { certify } from "../../src/pipeline/certificate.ts";
import { formatAmount, renderHtml } from "../../src/renderers/html/render-html.ts";
import { RULES } from "../../src/rules/index.ts";
import { runRules } from "../../src/rules/run.ts";
import { runCli } from "../cli/run-cli.ts";
import { seedCatalog, seedDisclosure } from "../support/disclosure-fixtures.ts";

const EXAMPLE = "examples/hanzhong-zwfwzx-2023.budget.json";

const seed = seedDisclosure();
const { certificate } = certify(seed, seedCatalog());
const page = renderHtml(seed, { certificate });

/** The seed with a `<script>` and other markup typed into names and text. */
function hostile(): Disclosure {
  const evil = `<script>alert("x")</script>&<b>"'`;
  const tables = seed.tables.map((t) =>
    t.number === 10 ? { ...t, rows: t.rows.map((r, i) => (i === 2 ? { ...r, label: `${r.label}${evil}` } : r)) } : t,
  );
  return {
    ...seed,
    unitName: `汉中市政务服务中心${evil}`,
    cover: { 保密审查情况: `已审查${evil}` },
    narrative: [...seed.narrative, { path: ["第五部分"], heading: `第五部分 ${evil}`, text: `正文${evil}` }],
    tables,
  };
}

describe("HTML page", () => {
  it("reads back through the published reader with no error finding from any rule", () => {
    const back = readPublished(page, { origin: "page.html", format: "html" });
    const findings = runRules(RULES, back, { catalog: loadCatalog(2023) });
    const errors = findings.filter((f) => f.severity === "error");
    assert.deepEqual(errors.map((f) => `${f.ruleId}: ${f.message}`), []);
    // Every table comes back, and the facts of the title.
    assert.equal(back.tables.length, seed.tables.length);
    assert.deepEqual(back.tables.map((t) => t.number), seed.tables.map((t) => t.number));
    assert.equal(back.unitName, seed.unitName);
    assert.equal(back.year, seed.year);
    assert.equal(back.toc.length, seed.toc.length);
    // What the reader could not place is the charts' data tables only (they have no standard title).
    assert.ok(back.unread.every((u) => u.text.startsWith("科目 | 预算数（元）")), JSON.stringify(back.unread));
  });

  it("prints the rows of the tables as built, amounts included", () => {
    const back = readPublished(page, { origin: "page.html", format: "html" });
    for (const number of [1, 4, 5, 6, 7, 8, 10] as const) {
      const original = seed.tables.find((t) => t.number === number)!;
      const read = back.tables.find((t) => t.number === number)!;
      const values = (t: typeof original) => t.rows.map((r) => [r.label, ...r.values.map((v) => (v === 0 ? null : v))]);
      assert.deepEqual(values(read), values(original), `表${number}`);
    }
  });

  it("marks up headers with scope, colspan and rowspan, and row labels as row headers", () => {
    assert.match(page, /<th scope="colgroup" colspan="2" id="t1-h0-0">收 入<\/th>/);
    assert.match(page, /<th scope="colgroup" colspan="6" id="t1-h0-1">支 出<\/th>/);
    assert.match(page, /<th scope="col" rowspan="2">单位编码<\/th>/);
    assert.match(page, /<colgroup span="4"><\/colgroup>/);
    assert.match(page, /<th scope="row" class="label">事业运行<\/th>/);
    assert.match(page, /<caption id="t5-caption"><div class="title">表5 部门综合预算一般公共预算支出明细表（按支出功能分类科目）<\/div><div class="unit">单位：元<\/div><\/caption>/);
    assert.match(page, /<td class="num">2,259,811.00<\/td>/);
    // Every standard table is a <table> with a caption, and the 目录 links to each.
    for (const table of seed.tables) {
      const id = `t${table.number}${table.instance ? `-${table.instance}` : ""}`;
      assert.match(page, new RegExp(`<table id="${id}" class="std [a-z]+"><caption id="${id}-caption">`));
    }
    for (const entry of seed.toc) assert.match(page, new RegExp(`<a href="#t${entry.number}(-1)?">`));
    assert.match(page, /<thead>/);
  });

  it("is accessible as far as markup shows: lang, skip link, headings in order, chart text alternatives", () => {
    assert.match(page, /^<!DOCTYPE html>\n<html lang="zh-CN">/);
    assert.match(page, /<a class="skip-link" href="#main">跳到正文<\/a>/);
    assert.match(page, /<main id="main" tabindex="-1">/);
    const levels = [...page.matchAll(/<h([1-6])[\s>]/g)].map((m) => Number(m[1]));
    assert.equal(levels[0], 1);
    assert.equal(levels.filter((l) => l === 1).length, 1);
    levels.forEach((level, i) => i > 0 && assert.ok(level <= levels[i - 1]! + 1, `h${levels[i - 1]} then h${level}`));
    const charts = [...page.matchAll(/<svg [^>]*role="img" aria-label="([^"]+)"/g)];
    assert.equal(charts.length, 2);
    assert.match(charts[0]![1]!, /一般公共服务支出 1,754,693.00 元，占 77.6%/);
    assert.match(page, /<table class="chart-data"><caption>图1 支出功能分类（按大类）数据<\/caption>/);
    assert.match(page, /@media print/);
    assert.match(page, /thead \{ display: table-header-group; \}/);
  });

  it("is self-contained: no URL, no script, no external resource", () => {
    assert.doesNotMatch(page, /https?:/i);
    assert.doesNotMatch(page, /<script|<link|<iframe|\ssrc=/i);
    assert.doesNotMatch(page, /url\(/i);
  });

  it("states the check certificate", () => {
    assert.match(page, /生成工具：Gongkai \d+\.\d+\.\d+/);
    assert.match(page, /科目目录：2023 年/);
    assert.match(page, new RegExp(`校验规则：${RULES.length} 条（规则集 [0-9a-f]{12}）`));
    assert.match(page, /校验结果：0 个错误、0 个警告、0 个提示/);
  });

  it("escapes every text from the document: a typed <script> comes out inert", () => {
    const html = renderHtml(hostile(), { certificate });
    assert.doesNotMatch(html, /<script/i);
    assert.doesNotMatch(html, /<b>"/);
    assert.match(html, /汉中市政务服务中心&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt;&amp;&lt;b&gt;&quot;&#39;/);
    assert.match(html, /正文&lt;script&gt;/);
    assert.match(html, /已审查&lt;script&gt;/);
    // Read back, the text is the text typed, not markup.
    const back = readPublished(html, { origin: "hostile.html", format: "html" });
    assert.ok(back.tables.find((t) => t.number === 10)!.rows.some((r) => r.label.includes(`<script>alert("x")</script>`)));
  });

  it("prints 万元 amounts with every decimal of the fen amount", () => {
    assert.equal(formatAmount(fen(225981100), "万元"), "225.9811");
    assert.equal(formatAmount(fen(25000000), "万元"), "25.00");
    assert.equal(formatAmount(fen(123456789012), "万元"), "123,456.789012");
    assert.equal(formatAmount(fen(225981100), "元"), "2,259,811.00");
  });

  it("`gongkai render --format html` writes the page, and `gongkai check` reads it with no error", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "gongkai-html-")), "公开.html");
    const rendered = await runCli("render", EXAMPLE, "--format", "html", "--out", out);
    assert.equal(rendered.code, 0, rendered.err);
    assert.ok(existsSync(out));
    assert.match(readFileSync(out, "utf8"), /<html lang="zh-CN">/);
    const checked = await runCli("check", out);
    assert.match(checked.out, /0 个错误/, checked.out);
  });
});
