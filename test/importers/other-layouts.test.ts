/**
 * The reader on layouts other than the seed's: the Shanghai 9-table set in Markdown (万元, 类/款/项 code
 * columns, 基本支出 kept as an extra column), text copied from a PDF (blank cells gone, page furniture,
 * glued and spaced codes, wrapped labels, a table continued over a page break), and the rows whose
 * figures the arithmetic cannot place, which are reported rather than guessed.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { readPublished } from "../../src/importers/published/read-published.ts";
import { parseWanYuan, yuan } from "../../src/model/money.ts";
import { only, readFixture, rowOf, valueAt } from "./fixture-support.ts";

const wan = (text: string) => parseWanYuan(text);

describe("shanghai-9tables-2024.md (Shanghai / MOF 9-table 部门预算, Markdown, 万元)", () => {
  const d = readFixture("shanghai-9tables-2024.md");

  it("maps the nine tables onto the template's numbers and leaves only the 国有资本经营 table unread", () => {
    assert.deepEqual(d.tables.map((t) => t.number), [1, 2, 3, 4, 5, 8, 12, 9]);
    assert.deepEqual(d.unread.map((u) => [u.text, u.why]), [
      ["表9 国有资本经营预算支出预算表", "国有资本经营预算支出表不是本模板（陕西15张表）的标准表，整张表未读"],
    ]);
    assert.deepEqual(d.toc.map((e) => e.number), [1, 2, 3, 4, 5, 8, 12, 9]);
    assert.equal(d.year, 2024);
    assert.equal(d.unitKind, "行政单位");
    assert.ok(d.tables.every((t) => t.unit === "万元"));
  });

  it("reads 表1 and 表4 as a 收入 block and a 支出 block by 功能 类, 表4's fund columns kept", () => {
    const t1 = only(d, 1);
    assert.deepEqual(t1.groups, ["收入", "支出功能分类科目（按大类）"]);
    assert.deepEqual(rowOf(t1, { label: "三、卫生健康支出" }).values, [wan("42.06")]);
    assert.equal(rowOf(t1, { label: "本年收入合计" }).kind, "total");
    const t4 = only(d, 4);
    assert.deepEqual(t4.columns.map((c) => c.label), ["预算数", "一般公共预算", "政府性基金", "国有资本经营预算"]);
    assert.deepEqual(rowOf(t4, { label: "一、一般公共服务支出" }).values, [wan("1125.50"), wan("1125.50"), null, null]);
  });

  it("maps the column aliases: 项目支出 → 专项业务经费支出, 基本支出 and 单位资金 kept under their printed labels", () => {
    const t3 = only(d, 3);
    assert.deepEqual(t3.columns.map((c) => [c.key, c.label]), [
      ["total", "合计"],
      ["extra:基本支出", "基本支出"],
      ["专项业务经费", "专项业务经费支出"],
      ["事业单位经营支出", "事业单位经营支出"],
      ["上缴上级支出", "上缴上级支出"],
      ["对附属单位补助支出", "对附属单位补助支出"],
    ]);
    const t2 = only(d, 2);
    assert.deepEqual(t2.columns.map((c) => c.label), [
      "合计",
      "财政拨款/一般公共预算拨款",
      "财政拨款/政府性基金拨款",
      "财政拨款/国有资本经营预算收入",
      "财政专户管理资金",
      "单位资金",
    ]);
    assert.equal(valueAt(t2, rowOf(t2, { code: "2010505" }), "财政拨款/一般公共预算拨款"), wan("260"));
  });

  it("joins a code printed in 类 / 款 / 项 columns, carrying the 类 and 款 down", () => {
    const t5 = only(d, 5);
    assert.deepEqual(
      t5.rows.map((r) => [r.code ?? null, r.level]),
      [[null, 0], ["201", 1], ["20105", 2], ["2010501", 3], ["2010505", 3], ["2010506", 3], ["208", 1], ["20805", 2], ["2080505", 3], ["2080506", 3], ["210", 1], ["21011", 2], ["2101101", 3], ["221", 1], ["22102", 2], ["2210201", 3]],
    );
    assert.equal(valueAt(t5, rowOf(t5, { code: "2010506" }), "专项业务经费支出"), wan("45.50"));
  });

  it("reads the 三公 table without a name column as one 合计 row, and the empty 政府性基金 table with its 注", () => {
    const t12 = only(d, 12);
    assert.deepEqual(t12.rows.map((r) => [r.label, r.kind, ...r.values]), [["合计", "total", wan("10"), 0, wan("8"), 0, wan("8"), wan("2")]]);
    const t9 = only(d, 9);
    assert.equal(t9.layout, "rows");
    assert.equal(t9.empty, true);
    assert.equal(t9.emptyReason, "本部门2024年无政府性基金预算支出，故本表无数据。");
  });
});

describe("pdf-copied-county-2023.txt (text copied from a PDF)", () => {
  const d = readFixture("pdf-copied-county-2023.txt");

  it("finds the five tables, drops page numbers and running headers, and leaves nothing unread", () => {
    assert.deepEqual(d.tables.map((t) => t.number), [1, 5, 8, 12, 9]);
    assert.deepEqual(d.unread, []);
    assert.equal(d.unitName, "某某县统计局");
    const text = d.narrative.map((s) => `${s.heading}\n${s.text}`).join("\n");
    assert.doesNotMatch(text, /— \d —|第 \d 页/);
    // The running header is the document's title: kept once, its repeats on every page dropped.
    assert.equal(text.split("某某县统计局2023年部门预算公开").length - 1, 1);
  });

  it("realigns the blocks of 表1 whose blank cells are gone", () => {
    const t1 = only(d, 1);
    assert.deepEqual(rowOf(t1, { label: "二、社会保障和就业支出" }).values, [yuan(144_450)]);
    assert.deepEqual(rowOf(t1, { label: "二、政府性基金预算拨款收入" }).values, [null]);
    assert.deepEqual(rowOf(t1, { label: "四、住房保障支出" }).group, "支出功能分类科目（按大类）");
  });

  it("places 表5's figures by the table's arithmetic, across the page break, with glued, spaced and wrapped codes and labels", () => {
    const t5 = only(d, 5);
    const shape = (code: string) => {
      const r = rowOf(t5, { code });
      return [r.label, ...r.values];
    };
    assert.deepEqual(shape("2010501"), ["行政运行", yuan(820_000), yuan(620_000), yuan(200_000), null]);
    assert.deepEqual(shape("2010505"), ["专项统计业务", yuan(260_000), null, null, yuan(260_000)]);
    assert.deepEqual(shape("2010506"), ["统计管理", yuan(45_500), null, null, yuan(45_500)]);
    assert.deepEqual(shape("2080505"), ["机关事业单位基本养老保险缴费支出", yuan(96_300), yuan(96_300), null, null]);
    assert.deepEqual(shape("2210201"), ["住房公积金", yuan(60_200), yuan(60_200), null, null]);
    assert.equal(t5.rows.length, 16);
  });

  it("reads the 基本支出 table by its codes as 表8 and places 人员 / 公用 by the 类 totals", () => {
    const t8 = only(d, 8);
    assert.deepEqual(rowOf(t8, { code: "30217" }).values, [yuan(2_000), null, yuan(2_000)]);
    assert.deepEqual(rowOf(t8, { code: "30305" }).values, [yuan(5_000), yuan(5_000), null]);
  });
});

describe("figures the arithmetic cannot place", () => {
  it("reports a row whose 合计 equals one part that could be 人员, 公用 or 项目, and keeps its code and label", () => {
    const text = [
      "某某单位2024年部门预算",
      "",
      "一般公共预算支出功能分类预算表",
      "单位：元",
      "科目编码    科目名称    合计    人员经费    公用经费    项目支出",
      "2010301    行政运行    50,000.00    50,000.00",
      "",
    ].join("\n");
    const d = readPublished(text, { origin: "inline" });
    const t5 = only(d, 5);
    assert.deepEqual(t5.rows.map((r) => [r.code, r.label, ...r.values]), [["2010301", "行政运行", null, null, null, null]]);
    assert.deepEqual(d.unread.map((u) => u.why), [
      "表5“行政运行”的数字（50,000.00、50,000.00）可放入不止一种列，表头和其他行也定不下来，未读",
    ]);
  });
});

describe("final-accounts-2024.html (a 部门决算 in HTML, 决算数 beside 预算数)", () => {
  const d = readFixture("final-accounts-2024.html");

  it("reads phase 决算 and the standard tables; the paired 基本支出 table and the 国有资本经营 table are unread", () => {
    assert.equal(d.phase, "决算");
    assert.equal(d.year, 2024);
    assert.deepEqual(d.tables.map((t) => t.number), [1, 3, 5, 12, 9]);
    assert.deepEqual(d.unread.map((u) => u.why), [
      "表8并排印了两组科目编码和名称（如人员经费、公用经费各一组），此版式未读",
      "国有资本经营预算支出表不是本模板（陕西15张表）的标准表，整张表未读",
    ]);
  });

  it("takes the 决算数 as each block's figure in 表1 and keeps the 年初预算数 as an extra column", () => {
    const t1 = only(d, 1);
    assert.deepEqual(t1.columns.map((c) => [c.key, c.label]), [["amount", "决算数"], ["extra:年初预算数", "年初预算数"]]);
    assert.deepEqual(rowOf(t1, { label: "一、一般公共服务支出" }).values, [wan("420"), wan("428")]);
  });

  it("skips the 栏次 row and the 行次 column of 表3", () => {
    const t3 = only(d, 3);
    assert.equal(t3.rows.length, 12);
    assert.ok(!t3.columns.some((c) => /行次|栏次/.test(c.label)));
    assert.deepEqual(rowOf(t3, { code: "2080505" }).values.slice(0, 2), [wan("34"), wan("43")]);
  });

  it("reads the 决算数 group of the 三公 table onto the standard columns, the 预算数 group as extras", () => {
    const t12 = only(d, 12);
    const total = rowOf(t12, { label: "合计" });
    assert.equal(valueAt(t12, total, "“三公”经费合计"), wan("3.2"));
    assert.equal(valueAt(t12, total, "公务用车购置及运行费/公务用车运行维护费"), wan("2.6"));
    assert.equal(valueAt(t12, total, "预算数/合计"), wan("4"));
    assert.equal(only(d, 9).emptyReason, "本部门2024年度没有政府性基金预算财政拨款收入、支出和结转结余，故本表为空表。");
  });
});
