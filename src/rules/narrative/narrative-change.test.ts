import { readSnippet } from "../../../test/support/narrative-fixtures.ts";
import { testRule } from "../rule-tester.ts";
import rule from "./narrative-change.ts";
import { seedCatalog } from "../../../test/support/disclosure-fixtures.ts";

const context = { catalog: seedCatalog() };
const read = readSnippet;

testRule(rule, {
  valid: [
    {
      name: "S08：各项增加之和 119.56 与 119.58 之差是舍入（总数的增减在另一段）",
      disclosure: read(
        [
          "1、一般公共预算当年拨款规模变化情况",
          "本单位当年一般公共预算拨款支出 225.98 万元，较上年增加 119.58 万元，主要原因是人员经费支出增加。",
          "2、支出按功能科目分类的明细情况",
          "本单位当年一般公共预算支出 225.98 万元，具体为：",
          "（1）事业运行（2010350）136.87 万元，较上年增加",
          "87.57 万元，原因是新增人员工资福利费用；",
          "（2）其他政府办公厅及相关机构事务支出（2010399）",
          "38.6 万元，与上年相比无变化；",
          "（3）机关事业单位基本养老保险缴费（2080505）20.26 万元，较上年增加 13.25 万元，原因是新增人员社保缴费费用；",
          "（4）机关事业单位职业年金缴费（2080506）8.31 万元，较上年增加 4.8 万元，原因是新增人员社保缴费费用；",
          "（5）事业单位医疗（2101102）6.75 万元，较上年增加 3.95 万元，原因为新增人员社保缴费费用；",
          "（6）住房公积金（2210201）15.19 万元，较上年增加 9.99 万元，原因为新增人员社保缴费费用。",
        ].join("\n"),
      ),
      context,
    },
    {
      name: "百分比以上年数为基数（013，万元舍入之内）",
      disclosure: read("2019年“三公”经费决算支出数为1165.08万元,按同口径同比减少63.96万元,下降5.2%,主要原因是压减开支。"),
      context,
    },
    {
      name: "印出上年数时增减为两者之差（014）",
      disclosure: read("2020年“三公”经费支出431万元,比上年累计支出433万元减少2万元,下降0.46%,主要原因是从严控制。"),
      context,
    },
    {
      name: "上年数在另一段（010 公务用车运行费）",
      disclosure: read(
        "2022年度“三公”经费预算总计21.8万元,其中:公务用车运行费用10万元。\n2021年度“三公”经费合计支出20.12万元,其中:公务用车运行费用7.73万元。\n2022年度公务用车运行费用较上年同期增加2.27万元,增长29.37%。主要原因为车辆老化。",
      ),
      context,
    },
    { name: "持平无需原因", disclosure: read("本单位当年一般公共预算“三公”经费预算支出 0.2 万元，较上年相比无变化。"), context },
  ],
  invalid: [
    {
      name: "005：百分比以本年数为基数（14.43%，应为 16.87%）",
      disclosure: read("(二)社会保障和就业支出类科目 116433.12 元,占支出总预算 10.73 %,同比增加 16803.36 元,增长 14.43%,主要原因是人员调资。"),
      context,
      findings: [{ messageId: "wrongPercent", data: { percent: "14.43", expected: "16.87" } }],
    },
    {
      name: "010：公务接待减少 0.58 万元，但 12.39 − 11.8 = 0.59",
      disclosure: read(
        "2022年度“三公”经费预算总计21.8万元,其中:公务接待11.8万元。\n2021年度“三公”经费合计支出20.12万元,其中:公务接待12.39万元。\n2022年度公务接待较上年同期减少0.58万元,减少4.68%,主要原因是压减接待。",
      ),
      context,
      findings: [{ messageId: "wrongChange", data: { expected: "减少 0.59 万元，4.76%" } }],
    },
    {
      name: "011：各项增减之和与总数不符",
      disclosure: read(
        "2020年度镇本级“三公”经费41万元,较上年减少19万元,主要是压减开支。其中:公务用车购置及运行维护费21万元,较上年减少16万元,主要是公车改革;公务接待费20万元,较上年减少2.5万元,主要是落实八项规定。",
      ),
      context,
      findings: [{ messageId: "partsChangeSum", data: { total: "减少 19 万元", sum: "减少 18.5 万元" } }],
    },
    {
      name: "方向词与百分比方向矛盾",
      disclosure: read("公用经费 4 万元，较上年增加 1.7 万元，下降 70%，主要原因是人员增加。"),
      context,
      findings: [{ messageId: "directionConflict", data: { direction: "增加", percentDirection: "减少" } }],
    },
    {
      name: "写“持平”，但两年数不同",
      disclosure: read("2023年公务接待费0.3万元,与上年持平。\n2022年公务接待费0.2万元。"),
      context,
      findings: [{ messageId: "wrongChange", data: { expected: "增加 0.1 万元" } }],
    },
    {
      name: "C6：有增减而无原因（警告）",
      disclosure: read("本单位当年公用经费预算安排 4 万元，较上年增加 1.7 万元。"),
      context,
      findings: [{ messageId: "missingReason", severity: "warning" }],
    },
  ],
});
