import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { NarrativeSection } from "../../model/disclosure.ts";
import { loadCatalog } from "../../catalog/load.ts";
import { type Claim, readClaims } from "./claims.ts";

const catalog = loadCatalog(2023);
const section = (text: string, path: string[] = ["四"], heading = ""): NarrativeSection => ({ path, heading, text, source: { line: 10 } });
const read = (text: string, heading = "") => readClaims([section(text, ["四"], heading)], { catalog });
const byKey = (claims: readonly Claim[], key: string) => claims.find((c) => c.subject.key === key);

describe("readClaims", () => {
  it("reads the seed's 项 list: code as printed, 万元 to fen, change split across lines, reason", () => {
    const { claims, lists } = read(
      [
        "本单位当年一般公共预算支出 225.98 万元，其中人员经费 183.38 万元，公用经费 4 万元，专项业务经费 38.6 万元，具体为：",
        "（1）事业运行（2010350）136.87 万元，较上年增加",
        "87.57 万元，原因是新增人员工资福利费用；",
        "（2）其他政府办公厅及相关机构事务支出（2010399）",
        "38.6 万元，与上年相比无变化；",
        "（5）事业单位医疗（2101102）6.75 万元，较上年增加 3.95 万元，原因为新增人员社保缴费费用。",
      ].join("\n"),
    );
    const item = byKey(claims, "function:2010350")!;
    assert.equal(item.subject.name, "事业运行");
    assert.equal(item.subject.code, "2010350");
    assert.equal(item.amount?.fen, 136_870_000);
    assert.equal(item.amount?.unit, "万元");
    assert.deepEqual(
      item.changes.map((c) => [c.base, c.direction, c.amount?.fen]),
      [["较上年", "增加", 87_570_000]],
    );
    assert.equal(item.reason, "新增人员工资福利费用");
    assert.equal(item.where.textLine, 2);
    assert.deepEqual(item.where.path, ["四"]);
    assert.match(item.where.quote, /事业运行\(2010350\)136\.87万元,较上年增加87\.57万元/);
    assert.equal(byKey(claims, "function:2010399")!.changes[0]!.direction, "持平");
    assert.equal(byKey(claims, "function:2101102")!.reason, "新增人员社保缴费费用");
    const total = byKey(claims, "generalBudgetExpenditure")!;
    assert.deepEqual(
      lists.map((l) => [l.marker, l.parent, l.parts.map((p) => claims[p]!.subject.key)]),
      [
        ["其中", total.id, ["nature:人员经费", "nature:公用经费", "nature:专项业务经费"]],
        ["具体为", total.id, ["function:2010350", "function:2010399", "function:2101102"]],
      ],
    );
  });

  it("tells 部门经济 (3xx) from 政府经济 (5xx) codes, and reads the seed's economic list", () => {
    const { claims } = read("其中：工资福利支出（301）183.38 万元，较上年增加 117.88 万元；机关资本性支出（一）（503）1 万元，较上年增加 1 万元。");
    assert.ok(byKey(claims, "deptEconomic:301"));
    assert.equal(byKey(claims, "govEconomic:503")!.subject.name, "机关资本性支出(一)");
  });

  it("reads 元 figures with percent, share and 同比 (005)", () => {
    const { claims } = read("(二)社会保障和就业支出类科目 116433.12 元,占支\n出总预算 10.73 %,同比增加 16803.36 元,增长 14.43%。");
    const c = byKey(claims, "function:208")!;
    assert.equal(c.amount?.fen, 11_643_312);
    assert.equal(c.amount?.unit, "元");
    assert.deepEqual(c.share?.percent, { text: "10.73", scaled: 1073, decimals: 2 });
    assert.equal(c.share?.of, "支出总预算");
    assert.deepEqual(c.changes[0], { base: "同比", baseKind: "priorYear", direction: "增加", amount: { fen: 1_680_336, unit: "元", text: "16803.36元", decimals: 2 }, percent: { text: "14.43", scaled: 1443, decimals: 2 } });
  });

  it("reads 无增减变化 across a line break, and 与…持平 / 与2024年一致 as 持平", () => {
    const { claims } = read("项目支出预算 48100 元,占支出总预算的 4.43%,同比无增\n减变化。2025年“三公”经费预算 10万元,与2024年一致。");
    assert.equal(byKey(claims, "projectExpenditure")!.changes[0]!.direction, "持平");
    assert.equal(byKey(claims, "threePublic:total")!.changes[0]!.direction, "持平");
  });

  it("reads a base figure printed with the change (比上年累计支出 433 万元, 014)", () => {
    const c = byKey(read("2020年“三公”经费支出431万元,比上年累计支出433万元减少2万元,下降0.46%。").claims, "threePublic:total")!;
    assert.equal(c.year, 2020);
    assert.equal(c.changes[0]!.prior?.fen, 433_000_000);
    assert.equal(c.changes[0]!.amount?.fen, 2_000_000);
    assert.equal(c.changes[0]!.percent?.text, "0.46");
  });

  it("reads a change stated alone, with the years of its sentence (010)", () => {
    const { claims, lists } = read(
      "2021年度“三公”经费合计支出20.12万元,其中:公务接待12.39万元。\n2022年度“三公”经费预算较2021年度增加1.68万元,其中公务接待较上年同期减少0.58万元,减少4.68%。公务用车运行费用较上年同期增加2.27万元,增长29.37%。主要原因为车辆老化。",
    );
    const total = claims.find((c) => c.subject.key === "threePublic:total" && c.year === 2022)!;
    assert.equal(total.amount, undefined);
    assert.deepEqual([total.changes[0]!.baseYear, total.changes[0]!.amount?.fen], [2021, 1_680_000]);
    const reception = claims.find((c) => c.subject.key === "threePublic:reception" && c.year === 2022)!;
    assert.deepEqual([reception.changes[0]!.direction, reception.changes[0]!.amount?.fen, reception.changes[0]!.percent?.text], ["减少", 580_000, "4.68"]);
    const vehicle = byKey(claims, "threePublic:vehicleOperation")!;
    assert.equal(vehicle.year, 2022, "the year carries on to the next sentence");
    assert.equal(vehicle.reason, "车辆老化");
    assert.deepEqual(lists.find((l) => l.parent === total.id)?.parts, [reception.id, vehicle.id]);
  });

  it("reads two comparisons of one figure (上年 and 年初预算, 011) and a reason in the next sentence", () => {
    const c = byKey(read("2020年度镇本级“三公”经费41万元,较上年减少19万元,下降43.78% ,较年初预算数减少4万元,下降2.2%。主要是严控一般性支出。").claims, "threePublic:total")!;
    assert.deepEqual(
      c.changes.map((ch) => [ch.baseKind, ch.amount?.fen, ch.percent?.text]),
      [
        ["priorYear", 19_000_000, "43.78"],
        ["initialBudget", 4_000_000, "2.2"],
      ],
    );
    assert.equal(c.reason, "严控一般性支出");
  });

  it("nests a part contained in an earlier part (011 brackets, 007 类 beside its 项)", () => {
    const a = read("2020年度“三公”经费41万元,其中:因公出国(境)费0万元,公务用车购置及运行维护费21万元(公务用车购置费0万元、公务用车运行维护费21万元),公务接待费20万元。");
    const keys = (l: { parts: readonly number[] }) => l.parts.map((p) => a.claims[p]!.subject.key);
    assert.deepEqual(a.lists.map(keys), [
      ["threePublic:outboundTravel", "threePublic:vehicleTotal", "threePublic:reception"],
      ["threePublic:vehiclePurchase", "threePublic:vehicleOperation"],
    ]);
    const b = read("2025年年初预算数430.31万元,其中:文化旅游体育与传媒支出支出预算286.85万元,群众文化支出预算 286.85万元,社会保障和就业支出预算107.16万元。");
    assert.deepEqual(
      b.lists.map((l) => [l.marker, l.parts.map((p) => b.claims[p]!.subject.key)]),
      [
        ["其中", ["function:207", "function:208"]],
        ["nested", ["function:2070109"]],
      ],
    );
  });

  it("does not carry a list into a sentence about something else (005: 其中 after 项目支出)", () => {
    const { lists } = read("项目支出预算 48100 元,占支出总预算的 4.43%,同比无增减变化。其中:\n(一)文化旅游体育与传媒支出类科目 850088.3 元,占支出总预算 78.33%。");
    assert.deepEqual(lists, []);
  });

  it("ends a list at a figure that cannot be a part (seed 一: 收入 … ；支出 …)", () => {
    const { claims, lists } = read("本单位当年预算收入 225.98 万元，其中一般公共预算拨款收入 225.98 万元，较上年增加 119.58 万元，主要原因是新增 6 人工资福利经费；本单位当年预算支出 225.98 万元。");
    assert.deepEqual(
      lists.map((l) => l.parts.map((p) => claims[p]!.subject.key)),
      [["generalBudgetRevenue"]],
    );
    assert.equal(byKey(claims, "generalBudgetRevenue")!.reason, "新增6人工资福利经费");
  });

  it("marks a list the text stops in as incomplete", () => {
    const { lists } = read("一般公共预算支出 1085203.63 元。其中:基本支出 1037103.63 元,项目支出");
    assert.equal(lists[0]?.complete, false);
  });

  it("never guesses: a recurrent or ambiguous name without a code is unattributed, with the reason", () => {
    const { unattributed } = read("机构运行 1100910.5 元。住房公积金 112788 元。");
    assert.deepEqual(
      unattributed.map((u) => u.printed),
      ["机构运行", "住房公积金"],
    );
    assert.match(unattributed[0]!.why, /多个款/);
    assert.match(unattributed[1]!.why, /2210201、30113、50103/);
  });

  it("attributes a unique catalog name without a code", () => {
    assert.ok(byKey(read("事业单位医疗 76142.1 元。").claims, "function:2101102"));
  });

  it("skips thresholds and page numbers", () => {
    const { claims } = read("本单位无单价 20 万元以上的设备。\n5\n公用经费 4 万元。");
    assert.deepEqual(
      claims.map((c) => [c.subject.key, c.amount?.fen]),
      [["nature:公用经费", 4_000_000]],
    );
  });

  it("reads a figure from a line the importer took for a heading", () => {
    const { claims } = readClaims([section("出总预算 10.73 %,同比增加 16803.36 元,增长 14.43%。", ["（二）"], "(二)社会保障和就业支出类科目 116433.12 元,占支")], { catalog });
    assert.equal(claims[0]?.subject.key, "function:208");
    assert.equal(claims[0]?.share?.percent.text, "10.73");
  });
});
