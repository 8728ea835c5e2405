/**
 * Reading published disclosures: the seed (/work/shared/seed, a real published text with its mistakes),
 * and a small disclosure written by hand in Markdown and in HTML (test/fixtures/published/), which must
 * read to the same tables. Figures are typed in 元 or 万元 from the printed text and compared in fen.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { parseWanYuan, yuan } from "../../model/money.ts";
import type { CellValue, Row, Table } from "../../model/table.ts";
import { readPublished, sniffFormat } from "./read-published.ts";

const SEED = new URL("../../../../shared/seed/hanzhong-zwfwzx-2023-budget.txt", import.meta.url);
const FIXTURES = new URL("../../../test/fixtures/published/", import.meta.url);

const seed = readPublished(readFileSync(SEED, "utf8"), { origin: "seed" });

const tablesNumbered = (tables: readonly Table[], number: number) => tables.filter((t) => t.number === number);
function only(tables: readonly Table[], number: number): Table {
  const found = tablesNumbered(tables, number);
  assert.equal(found.length, 1, `one 表${number}`);
  return found[0]!;
}
function row(table: Table, label: string, group?: string): Row {
  const found = table.rows.filter((r) => r.label === label && (group === undefined || r.group === group));
  assert.equal(found.length, 1, `表${table.number} has one “${label}” row${group ? ` in ${group}` : ""}`);
  return found[0]!;
}
const wan = (text: string) => parseWanYuan(text);
/** A row as [code, label, kind, …values], the way the checker reads it. */
const shape = (r: Row): CellValue[] => [r.code ?? null, r.label, r.kind, ...r.values];

const FUNCTION = "支出功能分类科目（按大类）";
const DEPT_ECON = "部门预算支出经济分类科目（按大类）";

describe("reading the seed (汉中市政务服务中心 2023, plain text with tab-separated tables)", () => {
  it("finds the 11 tables it prints, by title as well as by 表号", () => {
    assert.deepEqual(
      seed.tables.map((t) => t.number),
      [1, 4, 5, 6, 7, 8, 9, 10, 13, 13, 13, 14, 15],
    );
    assert.deepEqual(tablesNumbered(seed.tables, 13).map((t) => t.instance), [1, 2, 3]);
    assert.equal(only(seed.tables, 1).title, "部门综合预算收支总表");
    assert.equal(tablesNumbered(seed.tables, 13)[0]!.title, "部门预算专项业务经费绩效目标表");
    assert.deepEqual(seed.unread, []);
  });

  it("reads 表1 as four blocks with the printed figures, S01's 375,000 included", () => {
    const t1 = only(seed.tables, 1);
    assert.equal(t1.layout, "blocks");
    assert.equal(t1.unit, "元");
    assert.deepEqual(t1.columns, [{ key: "amount", label: "预算数", kind: "amount" }]);
    assert.deepEqual(t1.groups, ["收入", FUNCTION, DEPT_ECON, "政府预算支出经济分类科目（按大类）"]);
    const special = t1.rows.filter((r) => r.group === DEPT_ECON && r.label === "(2)商品和服务支出");
    assert.deepEqual(special.map((r) => r.values[0]), [yuan(40_000), yuan(375_000)]);
    assert.equal(special[1]!.values[0], 37_500_000);
    assert.deepEqual(row(t1, "一、部门预算", "收入").kind, "heading");
    assert.deepEqual(row(t1, "本年收入合计").values, [yuan(2_259_811)]);
    assert.equal(row(t1, "本年收入合计").kind, "total");
    assert.deepEqual(row(t1, "5、对事业单位经常性补助").values, [yuan(2_249_811)]);
    assert.deepEqual(row(t1, "2、外交支出").values, [null]);
    assert.equal(row(t1, "上年结转").source?.line, 240);
    assert.equal(t1.source?.line, 206);
  });

  it("keeps 表4's shifted function column and its misspelt row as printed (S02, S03)", () => {
    const t4 = only(seed.tables, 4);
    const heading = row(t4, "一、财政拨款", FUNCTION);
    assert.equal(heading.kind, "heading");
    assert.deepEqual(heading.values, [yuan(1_754_693)]);
    assert.deepEqual(row(t4, "1、一般公共服务支出").values, [null]);
    assert.deepEqual(row(t4, "9、社会保险基金支出").values, [yuan(285_671)]);
    assert.deepEqual(row(t4, "11、节能环保支出").values, [yuan(67_506)]);
    assert.deepEqual(row(t4, "20、住房保险支出").values, [yuan(151_941)]);
    const goods = t4.rows.filter((r) => r.group === DEPT_ECON && r.label === "(2)商品和服务支出");
    assert.deepEqual(goods.map((r) => r.values[0]), [yuan(40_000), yuan(376_000)]);
  });

  it("reads 表5 onto the builder's columns, the `**` row as a 合计 row without figures", () => {
    const t5 = only(seed.tables, 5);
    assert.deepEqual(t5.columns.map((c) => c.key), ["total", "人员经费", "公用经费", "专项业务经费", "note"]);
    assert.deepEqual(t5.columns.map((c) => c.label), ["合计", "人员经费支出", "公用经费支出", "专项业务经费支出", "备注"]);
    assert.deepEqual(shape(t5.rows[0]!), [null, "合计", "total", null, null, null, null, null]);
    assert.deepEqual(t5.rows.slice(1).map(shape), [
      ["2010350", "事业运行", "item", yuan(1_368_693), yuan(1_328_693), yuan(40_000), null, null],
      ["2080505", "机关事业单位基本养老保险", "item", yuan(202_587), yuan(202_587), null, null, null],
      ["2080506", "机关事业单位职业年金", "item", yuan(83_084), yuan(83_084), null, null, null],
      ["2210201", "住房公积金", "item", yuan(151_941), yuan(151_941), null, null, null],
      ["2101102", "事业单位医疗", "item", yuan(67_506), yuan(67_506), null, null, null],
      ["2010399", "其他政府办公厅及相关机构事务支出", "item", yuan(386_000), null, null, yuan(386_000), null],
    ]);
  });

  it("reads 表6 with the 政府经济科目 text columns first and the printed (wrong) names", () => {
    const t6 = only(seed.tables, 6);
    assert.deepEqual(t6.columns.slice(0, 2).map((c) => [c.key, c.kind]), [["政府经济科目编码", "text"], ["政府经济科目名称", "text"]]);
    assert.deepEqual(shape(row(t6, "其他社会保险缴费")), ["30112", "其他社会保险缴费", "item", "50501", "工资福利支出", yuan(11_425), yuan(11_425), null, null, null]);
    assert.deepEqual(shape(row(t6, "资本性支出")), ["31002", "资本性支出", "item", "50601", "资本性支出（一）", yuan(10_000), null, null, yuan(10_000), null]);
    assert.equal(t6.rows.length, 19);
  });

  it("reads 表7, 表8 and 表10", () => {
    assert.equal(only(seed.tables, 7).rows.length, 6);
    assert.deepEqual(only(seed.tables, 8).columns.map((c) => c.key), ["政府经济科目编码", "政府经济科目名称", "total", "人员经费", "公用经费", "note"]);
    const t10 = only(seed.tables, 10);
    assert.deepEqual(t10.rows.slice(1).map(shape), [
      ["117002", "政府购买服务（窗口工作人员）工作经费", "item", yuan(250_000), "政府购买服务，为企业和群众提供咨询、导引等服务。"],
      [null, "工装购置经费", "item", yuan(56_000), "为工作人员购置工装经费"],
      [null, "日常办公用品购置及设备维修", "item", yuan(80_000), "购置日常办公用品及维修维护设备经费"],
    ]);
  });

  it("marks 表9 and 表15 empty, with the 目录's reason", () => {
    assert.equal(only(seed.tables, 9).empty, true);
    assert.equal(only(seed.tables, 9).emptyReason, "当年无政府性基金收支预算");
    assert.equal(only(seed.tables, 15).empty, true);
    assert.equal(only(seed.tables, 5).empty, false);
  });

  it("reads the 绩效目标 forms: fields in 万元 and the indicators under their 一级/二级指标", () => {
    const first = tablesNumbered(seed.tables, 13)[0]!;
    assert.equal(first.unit, "万元");
    const fields = Object.fromEntries((first.fields ?? []).map((f) => [f.label, f.value]));
    assert.equal(fields["项目名称"], "政府购买服务（窗口工作人员）工作经费");
    assert.equal(fields["实施期资金总额"], wan("25"));
    assert.equal(fields["其他资金"], null);
    assert.deepEqual(row(first, "窗口办件量").values, ["产出指标", "数量指标", "8万件", null]);
    assert.deepEqual(row(first, "群众满意率").values, ["满意度指标", "服务对象满意度指标", "96%以上", null]);
    const t14 = only(seed.tables, 14);
    assert.deepEqual(row(t14, "金额合计").values.slice(0, 4), [null, wan("225.98"), wan("225.98"), null]);
    // S15: filed under 经济效益指标 with no 指标值, as printed.
    assert.deepEqual(row(t14, "窗口人员整体形象").values.slice(4), ["效益指标", "经济效益指标", null, null]);
  });

  it("reads the 15-line 目录 with 表9, 表11 and 表15 marked empty", () => {
    assert.equal(seed.toc.length, 15);
    assert.deepEqual(seed.toc.filter((e) => e.empty).map((e) => [e.number, e.emptyReason]), [
      [9, "当年无政府性基金收支预算"],
      [11, "当年无政府采购预算"],
      [15, "当年不涉及"],
    ]);
    assert.equal(seed.toc[12]!.title, "部门专项业务经费绩效目标表");
  });

  it("reads the cover, the unit and the year", () => {
    assert.deepEqual(seed.cover, { 保密审查情况: "已审查", "部门（单位）主要负责人审签情况": "已审签" });
    assert.equal(seed.unitName, "汉中市政务服务中心");
    assert.equal(seed.year, 2023);
    assert.equal(seed.phase, "预算");
    assert.equal(seed.unitKind, "事业单位");
    assert.equal(seed.originKind, "published");
  });

  it("splits the narrative into sections by part and numbering, skipping its 目录", () => {
    const paths = seed.narrative.map((s) => s.path.join("/"));
    assert.ok(paths.includes("第一部分/一/（一）"));
    assert.ok(paths.includes("第三部分/十"));
    assert.equal(paths.filter((p) => p === "第一部分").length, 1, "the 目录's entries are not sections");
    const functional = seed.narrative.find((s) => s.path.join("/") === "第二部分/四/（三）/2")!;
    assert.equal(functional.heading, "2、支出按功能科目分类的明细情况");
    assert.match(functional.text, /^本单位当年一般公共预算支出 225\.98 万元/);
    assert.match(functional.text, /（3）机关事业单位基本养老保险缴费（2080505）20\.25 万元/);
    assert.doesNotMatch(functional.text, /支出按经济科目/);
    assert.equal(functional.source?.line, 89);
  });
});

describe("reading Markdown and HTML", () => {
  const markdown = readPublished(readFileSync(new URL("small-disclosure.md", FIXTURES), "utf8"), { origin: "small.md" });
  const html = readPublished(readFileSync(new URL("small-disclosure.html", FIXTURES), "utf8"), { origin: "small.html" });
  const values = (t: Table) => t.rows.map(shape);

  it("sniffs the format", () => {
    assert.equal(sniffFormat(readFileSync(new URL("small-disclosure.md", FIXTURES), "utf8")), "markdown");
    assert.equal(sniffFormat(readFileSync(new URL("small-disclosure.html", FIXTURES), "utf8")), "html");
    assert.equal(sniffFormat(readFileSync(SEED, "utf8")), "text");
  });

  it("reads a 万元 表5 with glued, spaced and full-width figures and a wrapped label", () => {
    const t5 = only(markdown.tables, 5);
    assert.equal(t5.unit, "万元");
    assert.deepEqual(values(t5), [
      [null, "合计", "total", wan("123.46"), wan("100.2"), wan("3.26"), wan("20"), null],
      ["2070109", "群众文化", "item", wan("90"), wan("86.74"), wan("3.26"), null, null],
      ["2079999", "其他文化旅游体育与传媒支出", "item", wan("20"), null, null, wan("20"), null],
      ["2080505", "机关事业单位基本养老保险缴费支出", "item", wan("13.46"), wan("13.46"), null, null, null],
    ]);
    assert.deepEqual(t5.notes, ["注：本表按功能分类科目列示。"]);
  });

  it("reads the HTML version, with its rowspan/colspan header, to the same table", () => {
    const fromHtml = only(html.tables, 5);
    const fromMarkdown = only(markdown.tables, 5);
    assert.deepEqual(fromHtml.columns, fromMarkdown.columns);
    assert.deepEqual(values(fromHtml), values(fromMarkdown));
    assert.equal(fromHtml.unit, "万元");
    assert.ok((fromHtml.rows[1]!.source?.line ?? 0) > 1, "rows point at their HTML line");
  });

  it("reads the same cover, facts and narrative from both", () => {
    for (const d of [markdown, html]) {
      assert.deepEqual(d.cover, { 保密审查情况: "已审查", "部门（单位）主要负责人审签情况": "已审签" });
      assert.equal(d.year, 2024);
      assert.equal(d.unitName, "某某县文化馆");
      assert.equal(d.unitKind, "事业单位");
      const overall = d.narrative.find((s) => s.path.join("/") === "二")!;
      assert.equal(overall.text, "本单位当年预算收入 123.46 万元，当年预算支出 123.46 万元。");
    }
  });

  it("reports a table of another template (国有资本经营预算支出表) as unread, saying why", () => {
    for (const d of [markdown, html]) {
      assert.deepEqual(d.tables.map((t) => t.number), [5]);
      assert.deepEqual(
        d.unread.map((u) => [u.text, u.why]),
        [["部门综合预算国有资本经营预算支出表", "国有资本经营预算支出表不是本模板（陕西15张表）的标准表，整张表未读"]],
      );
    }
  });
});

describe("reading other layouts", () => {
  const fixture = (name: string) => readPublished(readFileSync(new URL(name, FIXTURES), "utf8"), { origin: name });

  it("reads a table copied with spaces instead of tabs, in 千元, giving short rows back their blank code cell", () => {
    const d = fixture("basic-expenditure-spaces.txt");
    const t7 = only(d.tables, 7);
    assert.equal(t7.unit, "千元");
    assert.deepEqual(t7.rows.map(shape), [
      [null, "合计", "total", yuan(1_250_500), yuan(1_000_000), yuan(250_500), null],
      ["2010101", "行政运行", "item", yuan(1_100_500), yuan(850_000), yuan(250_500), null],
      ["2080505", "机关事业单位基本养老保险缴费支出", "item", yuan(150_000), yuan(150_000), null, null],
    ]);
    assert.deepEqual(d.narrative.map((s) => s.heading), ["", "第一部分 单位概况"], "a lone line with a wide gap is text");
    assert.equal(d.unitName, "某某区审计局");
  });

  it("maps a two-row header with a merged parent (表12 公务用车购置及运行费) onto the builder's columns", () => {
    const t12 = only(fixture("three-public.md").tables, 12);
    assert.equal(t12.title, "部门综合预算一般公共预算拨款“三公”经费及会议费、培训费支出预算表");
    assert.deepEqual(t12.rows.map(shape), [
      [null, "合计", "total", yuan(32_000), yuan(0), yuan(30_000), null, yuan(30_000), yuan(2_000), yuan(5_000), null],
      ["117002", "某某区审计局", "item", yuan(32_000), yuan(0), yuan(30_000), null, yuan(30_000), yuan(2_000), yuan(5_000), null],
    ]);
  });
});
