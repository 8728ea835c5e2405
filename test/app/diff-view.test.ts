/** The reviewer's diff views: which parts of a changed text are marked, and that marking never lets markup through. */
import assert from "node:assert/strict";
import { it } from "node:test";
import { renderNarrativeDiff, renderTableDiff, textDiff } from "../../src/server/views/diff.ts";
import type { TableDiff } from "../../src/workflow/diff.ts";

const changed = (pieces: { text: string; changed: boolean }[]) => pieces.filter((p) => p.changed).map((p) => p.text);

it("a changed figure is marked as a whole number, the rest of the sentence is kept", () => {
  const d = textDiff("本年收入合计 225.98 万元，比上年增加 119.58 万元。", "本年收入合计 226.01 万元，比上年增加 119.61 万元。");
  assert.deepEqual(changed(d.before), ["225.98", "119.58"]);
  assert.deepEqual(changed(d.after), ["226.01", "119.61"]);
  assert.equal(d.after.map((p) => p.text).join(""), "本年收入合计 226.01 万元，比上年增加 119.61 万元。");
});

it("added and removed words are marked on their own side only", () => {
  const d = textDiff("主要用于人员工资。", "主要用于人员工资和办公设备购置。");
  assert.deepEqual(changed(d.before), []);
  assert.deepEqual(changed(d.after), ["和办公设备购置"]);
  const gone = textDiff("甲乙丙", "");
  assert.deepEqual(changed(gone.before), ["甲乙丙"]);
  assert.deepEqual(gone.after, []);
});

it("very long texts fall back to the common start and end", () => {
  const long = "字".repeat(3000);
  const d = textDiff(`${long}旧${long}`, `${long}新${long}`);
  assert.deepEqual(changed(d.before), ["旧"]);
  assert.deepEqual(changed(d.after), ["新"]);
});

it("text in a diff is escaped, marked or not", async () => {
  const narrative = String(await renderNarrativeDiff([{ path: "第一部分 一", before: "<b>旧</b>", after: "<script>alert(1)</script>" }]));
  assert.doesNotMatch(narrative, /<script>|<b>/);
  const after = /<div class="after">.*?<p>(.*?)<\/p>/.exec(narrative)![1]!;
  assert.equal(after.replace(/<\/?ins>/g, ""), "&lt;script&gt;alert(1)&lt;/script&gt;");
  assert.match(after, /<ins>alert\(1\)<\/ins>/);
  const table: TableDiff = {
    id: "5",
    number: 5,
    title: "<i>表</i>",
    unit: "元",
    change: "changed",
    fields: [],
    rows: [{ key: "k", code: "2010350", label: "<img src=x onerror=alert(1)>", change: "changed", cells: [{ column: "total", columnLabel: "合计", before: 100 as never, after: 250 as never }] }],
  };
  const html = String(await renderTableDiff([table], "无"));
  assert.doesNotMatch(html, /<img|<i>/);
  assert.match(html, /<td class="num before">1\.00<\/td><td class="num after">2\.50<\/td><td class="num">\+1\.50<\/td>/);
  assert.equal(String(await renderTableDiff([], "报表数据没有变化。")), '<p class="ok">报表数据没有变化。</p>');
});
