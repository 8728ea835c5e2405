/**
 * Golden test: the 说明 written for the seed example (examples/hanzhong-zwfwzx-2023.budget.json) against a
 * hand-written text, typed from the seed's 说明 (../shared/seed/hanzhong-zwfwzx-2023-budget.txt) figure by
 * figure, with the seed's mistakes corrected:
 *
 * - S04: the economic section names 对事业单位经常性补助（505）/对事业单位资本性补助（506） and their 款
 *   (50501/50502/50601), not the 机关 classes 501/502/503 — the unit is a 事业单位;
 * - S05: 2080505 is 20.26 万元 (202,587 元), not 20.25;
 * - S06: 2080506 is 8.31 万元 (83,084 元), not 8.3;
 * - S09: the 项 names are the catalog's (…缴费支出, 其他政府办公厅（室）及相关机构事务支出);
 * - S14: 培训费, not 培训会.
 *
 * Wording that differs from the seed on purpose (Gongkai's standard wording, `src/narrative/write/phrases.ts`):
 * every reason is “主要原因是…” (the seed mixes 原因是/原因为); no change is “与上年持平” (the seed: 与上年相比无变化 /
 * 较上年相比无变化); the two economic lists say which classification they follow; 会议费/培训费 “上年也未安排”
 * because the prior figures say 0.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { loadCatalog } from "../../src/catalog/load.ts";
import { readPublished } from "../../src/importers/published/read-published.ts";
import { type BudgetDocument, BudgetDocumentSchema } from "../../src/model/budget-document.ts";
import { readClaims } from "../../src/narrative/read/claims.ts";
import { writeNarrative } from "../../src/narrative/write/write-narrative.ts";

const catalog = loadCatalog(2023);
const seedDoc: BudgetDocument = BudgetDocumentSchema.parse(JSON.parse(readFileSync(new URL("../../examples/hanzhong-zwfwzx-2023.budget.json", import.meta.url), "utf8")));
const written = writeNarrative(seedDoc, { catalog });
const textAt = (...path: string[]) => written.sections.find((s) => s.path.join("/") === path.join("/"));

// ---------------------------------------------------------------------------------------------------
// The expected text, by section: [path, heading, text]. Typed by hand; do not generate.

const EXPECTED: readonly (readonly [string, string, string])[] = [
  ["第一部分", "第一部分 单位概况", ""],
  ["第一部分/一", "一、主要职责及机构设置", ""],
  [
    "第一部分/一/（一）",
    "（一）主要职责",
    [
      "1、贯彻执行国家和省、市有关行政审批制度改革和政务服务方面的法律法规和方针政策,拟定政务服务各项工作规章制度和管理办法并组织实施。",
      "2、负责进驻事项办事流程的优化和管理。对重大产业项目审批等政务服务事项,提供代理代办服务。",
      "3、负责中心全体工作人员的监督管理和后勤保障。",
      "4、承担全市政务服务体系标准化、规范化建设,协调指导区县、市级分中心政务服务工作。",
      "5、负责中心信息化建设、管理和维护,推进全市政务服务相关信息系统的建设和运行管理工作。",
      "6、负责受理进驻中心事项的相关投诉举报,并配合、协助有关职能部门进行调查。",
      "7、完成市行政审批服务局交办的其他工作。",
    ].join("\n"),
  ],
  [
    "第一部分/一/（二）",
    "（二）机构设置",
    "市政务服务中心于2019年2月由市政府办公室整体划转至市行政审批服务局,目前设有综合科、业务管理科、监督考核科、网络科共4个内设科室。",
  ],
  [
    "第一部分/二",
    "二、工作任务",
    "一是着力完善审批中介服务。全面推广市级网上中介超市，提升网上“中介超市”的服务水平，中介机构“零门槛、零限制”入驻，为企业自主选择中介服务机构提供更多的便利。" +
      "二是持续推进“中心之外无审批”。坚持“应进全进”原则，持续推进政务服务事项高效集中办理，依托实体大厅和一体化在线政务服务平台，深入推行“一窗受理”，切实提升窗口运行质量和水平。" +
      "三是推进政务服务“好差评”。积极拓展线上评价方便服务对象的评价方式，加快推进评价和回复公开，健全“差评”问题和投诉问题调查核实、督促整改和反馈机制。" +
      "四是拓展“互联网+政务服务”功能。推动市、县、镇、村四级核心业务办理系统统一，实现业务跨层级流转办理，构建四级一体化政务服务网络体系，为“市域通办”提供系统支撑，为企业群众“就近办理”打下坚实基础。" +
      "五是推进政务服务便利化。探索“政务直通车”服务，推动政务服务由“群众跑”向“工作人员跑”转变，以全市政务服务平台为后台支撑，以企业集中地和产业园区为核心，实现现场受理与办理，用实效推动政务服务达到新高度。",
  ],
  ["第一部分/三", "三、人员情况说明", "截止上年底，本单位人员编制 17 人，其中事业编制 17 人；实有人员 14 人，其中事业 14 人。无离退休人员。"],
  ["第二部分", "第二部分 收支情况", ""],
  ["第二部分/四", "四、收支说明", ""],
  [
    "第二部分/四/（一）",
    "（一）收支预算总体情况",
    "按照综合预算的原则，本单位所有收入和支出均纳入部门预算管理。" +
      "本单位当年预算收入 225.98 万元，其中一般公共预算拨款收入 225.98 万元，较上年增加 119.58 万元，主要原因是新增6人工资福利经费；" +
      "本单位当年预算支出 225.98 万元，其中一般公共预算拨款支出 225.98 万元，较上年增加 119.58 万元，主要原因是人员经费支出增加。",
  ],
  [
    "第二部分/四/（二）",
    "（二）财政拨款收支情况",
    "本单位当年财政拨款收入 225.98 万元，其中一般公共预算拨款收入 225.98 万元，较上年增加 119.58 万元，主要原因是新增6人工资福利经费；" +
      "本单位当年财政拨款支出 225.98 万元，其中一般公共预算拨款支出 225.98 万元，较上年增加 119.58 万元，主要原因是人员经费支出增加。",
  ],
  ["第二部分/四/（三）", "（三）一般公共预算拨款支出明细情况", ""],
  [
    "第二部分/四/（三）/1",
    "1、一般公共预算当年拨款规模变化情况",
    "本单位当年一般公共预算拨款支出 225.98 万元，较上年增加 119.58 万元，主要原因是人员经费支出增加。",
  ],
  [
    "第二部分/四/（三）/2",
    "2、支出按功能科目分类的明细情况",
    [
      "本单位当年一般公共预算支出 225.98 万元，其中人员经费 183.38 万元，公用经费 4 万元，专项业务经费 38.6 万元，具体为：",
      "（1）事业运行（2010350）136.87 万元，较上年增加 87.57 万元，主要原因是新增人员工资福利费用；",
      "（2）其他政府办公厅（室）及相关机构事务支出（2010399）38.6 万元，与上年持平；",
      "（3）机关事业单位基本养老保险缴费支出（2080505）20.26 万元，较上年增加 13.25 万元，主要原因是新增人员社保缴费费用；",
      "（4）机关事业单位职业年金缴费支出（2080506）8.31 万元，较上年增加 4.8 万元，主要原因是新增人员社保缴费费用；",
      "（5）事业单位医疗（2101102）6.75 万元，较上年增加 3.95 万元，主要原因是新增人员社保缴费费用；",
      "（6）住房公积金（2210201）15.19 万元，较上年增加 9.99 万元，主要原因是新增人员社保缴费费用。",
    ].join("\n"),
  ],
  [
    "第二部分/四/（三）/3",
    "3、支出按经济科目分类的明细情况",
    [
      "（1）本单位当年一般公共预算支出 225.98 万元，按部门预算支出经济分类，其中：" +
        "工资福利支出（301）183.38 万元，较上年增加 117.88 万元，主要原因是增加人员工资福利费用；" +
        "商品和服务支出（302）41.6 万元，较上年增加 0.7 万元，主要原因是增加定员定额公用经费；" +
        "资本性支出（310）1 万元，较上年增加 1 万元，主要原因是本年度增加办公设备购置支出。",
      "（2）本单位当年一般公共预算支出 225.98 万元，按政府预算支出经济分类，其中：" +
        "对事业单位经常性补助（505）224.98 万元，较上年增加 118.58 万元，主要原因是增加人员工资福利费用，增加定员定额公用经费，" +
        "包括工资福利支出（50501）183.38 万元，商品和服务支出（50502）41.6 万元；" +
        "对事业单位资本性补助（506）1 万元，较上年增加 1 万元，主要原因是增加办公设备购置支出，包括资本性支出（一）（50601）1 万元。",
    ].join("\n"),
  ],
  ["第二部分/四/（四）", "（四）政府性基金预算支出情况", "本单位当年无政府性基金预算收支，并已公开空表。"],
  ["第二部分/四/（五）", "（五）国有资本经营预算拨款收支情况", "本单位无当年国有资本经营预算拨款收支，并在财政拨款收支总体情况表中列示。"],
  ["第三部分", "第三部分 其他情况", ""],
  [
    "第三部分/五",
    "五、“三公”经费及会议费、培训费情况说明",
    "本单位当年一般公共预算“三公”经费预算支出 0.2 万元，与上年持平。其中：公务接待费 0.2 万元，与上年持平。" +
      "2023 年和 2022 年，本单位均无因公出国（境）费、公务用车购置及运行维护费预算。\n" +
      "本单位当年一般公共预算无会议费、培训费预算支出，上年也未安排。",
  ],
  [
    "第三部分/六",
    "六、国有资产占有使用及资产购置情况说明",
    "截止上年底，本单位无车辆，无单价 20 万元以上的设备。当年部门预算未安排购置车辆及购置单价 20 万元以上的设备。",
  ],
  ["第三部分/七", "七、政府采购情况说明", "本单位当年无政府采购预算，并已公开空表。"],
  [
    "第三部分/八",
    "八、绩效目标情况说明",
    "本单位绩效目标管理全覆盖，涉及当年一般公共预算当年拨款 225.98 万元，当年无政府性基金预算和国有资本经营预算（详见公开报表中的绩效目标表）。",
  ],
  ["第三部分/九", "九、公用经费情况说明", "本单位当年公用经费预算安排 4 万元，较上年增加 1.7 万元，主要原因是人员增加，定员定额公用经费增加。"],
];

const FIGURE = /(\d+(?:\.\d+)?) 万元/g;
const figures = (text: string) => [...text.matchAll(FIGURE)].map((m) => m[1]);

describe("the seed's 说明, written from the example", () => {
  for (const [path, heading, text] of EXPECTED) {
    it(`${path} ${heading}`, () => {
      const section = textAt(...path.split("/"));
      assert.ok(section, `section ${path} is written`);
      assert.equal(section.heading, heading);
      // Figures first, so a wrong figure is reported as such before any wording difference.
      assert.deepEqual(figures(section.text), figures(text), "the figures, in order");
      assert.equal(section.text, text);
    });
  }

  it("writes the sections in the template's order, ending with 名词解释 and 第四部分", () => {
    const paths = written.sections.map((s) => s.path.join("/"));
    const expected = EXPECTED.map(([p]) => p);
    assert.deepEqual(
      paths.filter((p) => expected.includes(p)),
      expected,
    );
    assert.deepEqual(paths.slice(-2), ["第三部分/十", "第四部分"]);
  });

  it("explains 公用经费 first among the 专业名词 (the template requires it)", () => {
    const glossary = textAt("第三部分", "十")!;
    assert.equal(glossary.heading, "十、专业名词解释");
    assert.match(glossary.text.split("\n")[1]!, /^1\. 公用经费：包括办公及印刷费、邮电费、差旅费、会议费、福利费/);
  });

  it("reports no problem: every change of the example has its reason", () => {
    assert.deepEqual(written.problems, []);
  });

  it("states the seed's figures, except where the seed is wrong (S04, S05, S06)", () => {
    const seed = readPublished(readFileSync(new URL("../../../shared/seed/hanzhong-zwfwzx-2023-budget.txt", import.meta.url), "utf8"), { origin: "seed" });
    const ours = readClaims(written.sections, { catalog }).claims;
    const theirs = readClaims(seed.narrative, { catalog }).claims;
    const corrected: Record<string, string | undefined> = {
      "function:2080505": "20.26万元", // S05 (seed: 20.25)
      "function:2080506": "8.31万元", // S06 (seed: 8.3)
      "govEconomic:501": undefined, // S04: not a class of a 事业单位
      "govEconomic:502": undefined,
      "govEconomic:503": undefined,
    };
    const compared: string[] = [];
    for (const claim of theirs) {
      const key = claim.subject.key;
      if (!key || !claim.amount) continue;
      const mine = ours.filter((c) => c.subject.key === key && c.amount);
      if (key in corrected) {
        const expected = corrected[key];
        if (expected === undefined) assert.equal(mine.length, 0, `${key} is not stated`);
        else assert.ok(mine.every((c) => c.amount!.text === expected), `${key} is ${expected}`);
        continue;
      }
      assert.ok(mine.length > 0, `${key} is stated`);
      assert.ok(
        mine.some((c) => c.amount!.fen === claim.amount!.fen),
        `${key}: ${claim.amount.text} in the seed, ${mine.map((c) => c.amount!.text).join("/")} here`,
      );
      const change = claim.changes[0];
      if (change) {
        const same = mine.some((c) => c.changes[0]?.direction === change.direction && c.changes[0]?.amount?.fen === change.amount?.fen);
        assert.ok(same, `${key}: the seed's change ${change.direction} ${change.amount?.text ?? ""}`);
      }
      compared.push(key);
    }
    assert.ok(compared.length >= 20, `compared ${compared.length} figures`);
  });
});
