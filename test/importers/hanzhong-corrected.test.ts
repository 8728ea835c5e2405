/**
 * test/fixtures/published/hanzhong-corrected.txt: the seed text corrected by hand (S01–S06, S09–S12).
 * The reader must find all 15 tables, each by title and 表号, with the corrected figures; nothing is
 * left unread. (Its zero-error check is in fixtures-check.test.ts.)
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { yuan } from "../../src/model/money.ts";
import { only, readFixture, rowOf, valueAt } from "./fixture-support.ts";

const FUNCTION = "支出功能分类科目（按大类）";
const DEPT_ECON = "部门预算支出经济分类科目（按大类）";

describe("hanzhong-corrected.txt (the seed, corrected by hand)", () => {
  const d = readFixture("hanzhong-corrected.txt");

  it("finds every table of the 目录, the 表13 form three times, and leaves nothing unread", () => {
    assert.deepEqual(d.tables.map((t) => t.number), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 13, 13, 14, 15]);
    assert.deepEqual(d.unread, []);
    assert.equal(d.year, 2023);
    assert.equal(d.phase, "预算");
    assert.equal(d.unitKind, "事业单位");
    assert.equal(d.toc.length, 15);
    assert.deepEqual(d.tables.filter((t) => t.empty).map((t) => [t.number, t.emptyReason]), [
      [9, "当年无政府性基金收支预算"],
      [11, "当年无政府采购预算"],
      [15, "当年不涉及"],
    ]);
  });

  it("reads 表1 with S01 corrected and 表4 unshifted (S02) and renamed (S03)", () => {
    const t1 = only(d, 1);
    const special = t1.rows.filter((r) => r.group === DEPT_ECON && r.label === "(2)商品和服务支出");
    assert.deepEqual(special.map((r) => r.values[0]), [yuan(40_000), yuan(376_000)]);
    const t4 = only(d, 4);
    assert.deepEqual(rowOf(t4, { label: "一、财政拨款", group: FUNCTION }).values, [null]);
    assert.deepEqual(rowOf(t4, { label: "1、一般公共服务支出" }).values, [yuan(1_754_693)]);
    assert.deepEqual(rowOf(t4, { label: "8、社会保障和就业支出" }).values, [yuan(285_671)]);
    assert.deepEqual(rowOf(t4, { label: "10、卫生健康支出" }).values, [yuan(67_506)]);
    assert.deepEqual(rowOf(t4, { label: "20、住房保障支出" }).values, [yuan(151_941)]);
  });

  it("reads the added 表2, 表3 and 表12 onto the builder's columns", () => {
    const t2 = only(d, 2);
    const unit2 = rowOf(t2, { code: "117002" });
    assert.equal(valueAt(t2, unit2, "合计"), yuan(2_259_811));
    assert.equal(valueAt(t2, unit2, "财政拨款/小计"), yuan(2_259_811));
    assert.equal(valueAt(t2, unit2, "财政拨款/一般公共预算拨款"), yuan(2_259_811));
    assert.equal(valueAt(t2, unit2, "上年结转"), null);
    const t3 = only(d, 3);
    const unit3 = rowOf(t3, { code: "117002" });
    assert.deepEqual(
      ["合计", "人员经费支出", "公用经费支出", "专项业务经费支出"].map((c) => valueAt(t3, unit3, c)),
      [yuan(2_259_811), yuan(1_833_811), yuan(40_000), yuan(386_000)],
    );
    const t12 = only(d, 12);
    const total12 = rowOf(t12, { label: "合计" });
    assert.equal(total12.kind, "total");
    assert.equal(valueAt(t12, total12, "“三公”经费合计"), yuan(2_000));
    assert.equal(valueAt(t12, total12, "公务接待费"), yuan(2_000));
    assert.equal(only(d, 11).empty, true);
  });

  it("reads the catalog names of 表5–表8 (S09, S10) and 表9 (S11)", () => {
    assert.equal(rowOf(only(d, 5), { code: "2080505" }).label, "机关事业单位基本养老保险缴费支出");
    assert.equal(rowOf(only(d, 7), { code: "2010350" }).values[0], yuan(1_368_693));
    assert.equal(rowOf(only(d, 6), { code: "31002" }).label, "办公设备购置");
    assert.equal(rowOf(only(d, 8), { code: "30112" }).label, "其他社会保障缴费");
    assert.ok(only(d, 9).rows.some((r) => r.label === "债务利息及费用支出"));
  });

  it("keeps the corrected narrative figures (S04–S06)", () => {
    const text = d.narrative.map((s) => s.text).join("\n");
    assert.match(text, /（2080505）20\.26 万元/);
    assert.match(text, /（2080506）8\.31 万元/);
    assert.match(text, /对事业单位经常性补助（505）224\.98 万元/);
    assert.doesNotMatch(text, /（50[123]）/);
  });
});
