import type { Disclosure } from "../../model/disclosure.ts";
import { fen } from "../../model/money.ts";
import { readSnippet } from "../../../test/support/narrative-fixtures.ts";
import { testRule } from "../rule-tester.ts";
import rule from "./narrative-amount.ts";
import { seedCatalog, seedDisclosure, setCell } from "../../../test/support/disclosure-fixtures.ts";

const seed = seedDisclosure();
const context = { catalog: seedCatalog() };

/** The corrected seed's tables with one narrative section. */
function withText(text: string, d: Disclosure = seed): Disclosure {
  return { ...d, narrative: [{ path: ["第二部分", "四", "（三）", "2"], heading: "2、支出按功能科目分类的明细情况", text }] };
}

const FUNCTION_TEXT = [
  "本单位当年一般公共预算支出 225.98 万元，其中人员经费 183.38 万元，公用经费 4 万元，专项业务经费 38.6 万元，具体为：",
  "（1）事业运行（2010350）136.87 万元，较上年增加",
  "87.57 万元，原因是新增人员工资福利费用；",
  "（3）机关事业单位基本养老保险缴费（2080505）20.26 万元，较上年增加 13.25 万元，原因是新增人员社保缴费费用；",
  "（4）机关事业单位职业年金缴费（2080506）8.31 万元，较上年增加 4.8 万元，原因是新增人员社保缴费费用。",
].join("\n");

testRule(rule, {
  valid: [
    { name: "功能科目、人员/公用/专项经费与表5 一致（按 0.01 万元舍入）", disclosure: withText(FUNCTION_TEXT), context },
    {
      name: "经济科目、三公与表6 一致；总数与表1/表4 一致",
      disclosure: withText(
        "本单位当年预算收入 225.98 万元，其中一般公共预算拨款收入 225.98 万元；本单位当年财政拨款支出 225.98 万元。其中：工资福利支出（301）183.38 万元，商品和服务支出（302）41.6 万元，资本性支出（310）1 万元。本单位当年一般公共预算“三公”经费预算支出 0.2 万元。其中：公务接待费 0.2 万元。",
      ),
      context,
    },
    { name: "以元为单位的金额须与报表分毫不差", disclosure: withText("事业运行（2010350）1368693 元。"), context },
    { name: "其他年度的金额不与本年报表比较", disclosure: withText("2022年事业运行（2010350）49.3 万元。"), context },
    { name: "“20 万元以上”不是金额陈述", disclosure: withText("本单位无单价 20 万元以上的设备。"), context },
  ],
  invalid: [
    {
      name: "S05：2080505 写作 20.25 万元，表5 为 202,587 元",
      disclosure: withText(FUNCTION_TEXT.replace("20.26", "20.25")),
      context,
      findings: [{ messageId: "amountMismatch", data: { subject: "机关事业单位基本养老保险缴费（2080505）", expected: "20.26 万元" }, cells: [{ table: 5, rowCode: "2080505" }], expected: fen(20_260_000), actual: fen(20_250_000) }],
    },
    {
      name: "S06：2080506 写作 8.3 万元（表5 83,084 元）",
      disclosure: withText(FUNCTION_TEXT.replace("8.31", "8.3")),
      context,
      findings: [{ messageId: "amountMismatch", data: { expected: "8.31 万元" } }],
    },
    {
      name: "以元为单位：差 1 元即为错",
      disclosure: withText("事业运行（2010350）1368692 元。"),
      context,
      findings: [{ messageId: "amountMismatch", data: { expected: "1,368,693.00 元" } }],
    },
    {
      name: "表5 合计行空白时按各行之和比较人员经费",
      disclosure: withText("其中人员经费 183.39 万元。", setCell(seed, 5, { label: "合计" }, "人员经费支出", null)),
      context,
      findings: [{ messageId: "amountMismatch", data: { expected: "183.38 万元" } }],
    },
    {
      name: "公开文本：三公经费与表6 30217 不符",
      disclosure: readSnippet(
        [
          "五、“三公”经费及会议费、培训费情况说明",
          "本单位当年一般公共预算“三公”经费预算支出 0.3 万元。",
          "表6 一般公共预算支出明细表（按支出经济分类科目）",
          "单位：元",
          "部门经济科目编码\t部门经济科目名称\t政府经济科目编码\t政府经济科目名称\t合计\t人员经费支出\t公用经费支出\t专项业务经费支出\t备注",
          "\t合计\t\t\t2000\t\t2000\t\t",
          "30217\t公务接待费\t50502\t商品和服务支出\t2000\t\t2000\t\t",
        ].join("\n"),
      ),
      context,
      findings: [{ messageId: "amountMismatch", data: { expected: "0.2 万元" } }],
    },
  ],
});
