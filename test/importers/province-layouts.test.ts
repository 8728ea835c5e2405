/**
 * The reader on other provinces' layouts: a 重庆 单位预算 in HTML (its own table names, a 目录 of plain
 * numbered lines, rowspan/colspan headers, `<br>` inside cells, 基本支出/项目支出 columns, a three-row 表4
 * header), a 广西 Markdown set with codes split over 类/款/项 columns and 类/款 subtotal rows above their
 * 项, and text copied from a PDF in 千元 with full-width digits.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { readPublished } from "../../src/importers/published/read-published.ts";
import { parseWanYuan, yuan } from "../../src/model/money.ts";
import { only, readFixture, rowOf, valueAt } from "./fixture-support.ts";

const wan = (text: string) => parseWanYuan(text);

describe("chongqing-unit-2025.html (重庆 单位预算, HTML, 万元)", () => {
  const d = readFixture("chongqing-unit-2025.html");

  it("maps the eight tables by their own names and reads the 目录 printed as numbered lines", () => {
    assert.deepEqual(d.tables.map((t) => t.number), [1, 2, 3, 4, 5, 8, 12, 9]);
    assert.deepEqual(d.toc.map((e) => e.number), [1, 2, 3, 4, 5, 8, 12, 9]);
    assert.equal(d.toc[4]!.title, "一般公共预算财政拨款支出预算表（按功能分类）");
    assert.deepEqual(d.unread, []);
    assert.equal(d.year, 2025);
    assert.equal(d.unitKind, "事业单位");
    // The 目录 lines are not narrative sections.
    assert.deepEqual(d.narrative.map((s) => s.heading).filter((h) => /表$/.test(h)), []);
  });

  it("joins labels and headers wrapped with <br> inside a cell", () => {
    const t3 = only(d, 3);
    assert.equal(rowOf(t3, { code: "2080505" }).label, "机关事业单位基本养老保险缴费支出");
    assert.ok(t3.columns.some((c) => c.label === "事业单位经营支出"));
  });

  it("names an extra column by its own header under a 2025年预算数 group, and reads 表4's three header rows", () => {
    const t5 = only(d, 5);
    assert.deepEqual(t5.columns.map((c) => [c.key, c.label]), [
      ["total", "合计"],
      ["extra:基本支出", "基本支出"],
      ["专项业务经费", "专项业务经费支出"],
    ]);
    assert.deepEqual(rowOf(t5, { code: "2070109" }).values, [wan("296.85"), wan("276.85"), wan("20.00")]);
    const t4 = only(d, 4);
    assert.deepEqual(t4.columns.map((c) => c.label), ["预算数", "一般公共预算", "政府性基金预算"]);
    const heading = rowOf(t4, { label: "一、本年支出" });
    assert.equal(heading.kind, "heading");
    assert.equal(rowOf(t4, { label: "（一）文化旅游体育与传媒支出" }).level, 1);
  });

  it("reads the empty 政府性基金 table with its 注 as the reason", () => {
    const t9 = only(d, 9);
    assert.equal(t9.empty, true);
    assert.match(t9.emptyReason ?? "", /无政府性基金预算拨款/);
  });
});

describe("guangxi-split-codes-2024.md (codes in 类/款/项 columns, subtotals above their 项)", () => {
  const d = readFixture("guangxi-split-codes-2024.md");

  it("joins the code parts, a blank 类 carried down, and levels 类/款/项", () => {
    const t5 = only(d, 5);
    assert.deepEqual(
      t5.rows.slice(0, 5).map((r) => [r.code ?? null, r.level]),
      [[null, 0], ["201", 1], ["20103", 2], ["2010301", 3], ["2010302", 3]],
    );
    const t8 = only(d, 8);
    assert.equal(valueAt(t8, rowOf(t8, { code: "30217" }), "公用经费支出"), yuan(10000));
    assert.equal(rowOf(t8, { code: "302" }).level, 1);
  });

  it("reads the 目录 lines with a （空表，理由） entry", () => {
    assert.deepEqual(d.toc.map((e) => [e.number, e.empty]), [[5, false], [8, false], [12, false], [9, true]]);
    assert.equal(d.toc[3]!.emptyReason, "本单位无政府性基金预算拨款安排的支出");
  });
});

describe("fullwidth-qianyuan-2025.txt (PDF copy, 千元, full-width digits)", () => {
  const d = readFixture("fullwidth-qianyuan-2025.txt");

  it("reads full-width codes and figures in 千元, the 合计 row included", () => {
    const t5 = only(d, 5);
    assert.equal(t5.unit, "千元");
    assert.deepEqual(rowOf(t5, { label: "合计" }).values, [yuan(1540500), yuan(1170000), yuan(210500), yuan(160000)]);
    assert.deepEqual(rowOf(t5, { code: "2130101" }).values, [yuan(1150500), yuan(940000), yuan(210500), 0]);
    assert.deepEqual(d.unread, []);
  });
});

describe("a 目录 printed as plain lines", () => {
  it("reads 表N / 一、 / 1. lines, leader dots and （空表） marks, and keeps them out of the narrative", () => {
    const text = "某某局2024年部门预算公开\n\n目录\n\n表1 收支总表\n表２　收入总表………………3\n1.政府性基金预算支出表（空表）\n（4）“三公”经费支出表（空表，本单位无三公经费）\n\n第一部分 概况\n\n本单位为行政单位。\n";
    const d = readPublished(text, { origin: "toc-lines.txt" });
    assert.deepEqual(
      d.toc.map((e) => [e.number, e.title, e.empty, e.emptyReason ?? null]),
      [
        [1, "收支总表", false, null],
        [2, "收入总表", false, null],
        [9, "政府性基金预算支出表", true, null],
        [12, "“三公”经费支出表", true, "本单位无三公经费"],
      ],
    );
    assert.deepEqual(d.narrative.map((s) => s.heading), ["", "第一部分 概况"]);
  });
});
