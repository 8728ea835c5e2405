import { fen } from "../../model/money.ts";
import { readSnippet } from "../../../test/support/narrative-fixtures.ts";
import { testRule } from "../rule-tester.ts";
import rule from "./narrative-parts-sum.ts";
import { seedCatalog } from "../../../test/support/disclosure-fixtures.ts";

const context = { catalog: seedCatalog() };
const read = readSnippet;

/** The seed's 说明 四（三）2 as printed (S05/S06 included): six 项 add to 225.96 against 225.98 — S07. */
const SEED_ITEMS = [
  "2、支出按功能科目分类的明细情况",
  "本单位当年一般公共预算支出 225.98 万元，其中人员经费 183.38 万元，公用经费 4 万元，专项业务经费 38.6 万元，具体为：",
  "（1）事业运行（2010350）136.87 万元，较上年增加",
  "87.57 万元，原因是新增人员工资福利费用；",
  "（2）其他政府办公厅及相关机构事务支出（2010399）",
  "38.6 万元，与上年相比无变化；",
  "（3）机关事业单位基本养老保险缴费（2080505）20.25 万元，较上年增加 13.25 万元，原因是新增人员社保缴费费用；",
  "（4）机关事业单位职业年金缴费（2080506）8.3 万元，较上年增加 4.8 万元，原因是新增人员社保缴费费用；",
  "（5）事业单位医疗（2101102）6.75 万元，较上年增加 3.95 万元，原因为新增人员社保缴费费用；",
  "（6）住房公积金（2210201）15.19 万元，较上年增加 9.99 万元，原因为新增人员社保缴费费用。",
].join("\n");

testRule(rule, {
  valid: [
    { name: "S07：六项之和 225.96 与 225.98 之差在六个数的舍入之内", disclosure: read(SEED_ITEMS), context },
    { name: "三公经费 41 = 0 + 21 + 20，括号中的购置费/运行费不重复计入（011）", disclosure: read("2020年度“三公”经费41万元,其中:因公出国(境)费0万元,公务用车购置及运行维护费21万元(公务用车购置费0万元、公务用车运行维护费21万元),公务接待费20万元。"), context },
    {
      name: "类与其下的项并列时只计类（007）",
      disclosure: read("(二)支出预算:2025年年初预算数430.31万元,其中:文化旅游体育与传媒支出支出预算286.85万元,群众文化支出预算 286.85万元,社会保障和就业支出预算107.16万元,卫生健康支出预算19.57万元,住房保障支出预算 16.73万元。"),
      context,
    },
    { name: "“其中”只列一部分时少于总数不算错", disclosure: read("本单位当年预算支出 225.98 万元，其中人员经费 183.38 万元。"), context },
    { name: "以元为单位的各项须精确相加（006）", disclosure: read("2021 年一般公共预算拨款支出 1493924.6 元,其中:基本支出 1440224.6 元,项目支出 53700 元。"), context },
    { name: "文本在列举中途截断时不判少", disclosure: read("一般公共预算支出 1085203.63 元。其中:基本支出 1037103.63 元,项目支出"), context },
  ],
  invalid: [
    {
      name: "各项之和超过总数",
      disclosure: read("2022年度“三公”经费预算总计21.8万元,其中:因公出国(境)经费0万元,公务接待12.8万元,公务用车运行费用10万元。"),
      context,
      findings: [{ messageId: "partsExceed", data: { total: "21.8 万元", sum: "22.8 万元", count: 3 }, expected: fen(21_800_000), actual: fen(22_800_000) }],
    },
    {
      name: "人员+公用+专项少于总数（超出舍入）",
      disclosure: read("本单位当年一般公共预算支出 225.98 万元，其中人员经费 183.38 万元，公用经费 4 万元，专项业务经费 38.5 万元。"),
      context,
      findings: [{ messageId: "partsShort", data: { difference: "0.1 万元", tolerance: "0.015 万元" } }],
    },
    {
      name: "以元为单位差 1 分也是错",
      disclosure: read("一般公共预算拨款支出 1493924.6 元,其中:基本支出 1440224.6 元,项目支出 53700.01 元。"),
      context,
      findings: [{ messageId: "partsExceed", data: { difference: "0.01 元" } }],
    },
  ],
});
