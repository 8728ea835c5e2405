import type { Disclosure } from "../../model/disclosure.ts";
import { testRule } from "../rule-tester.ts";
import rule from "./narrative-economic-class.ts";
import { seedCatalog, seedDisclosure } from "../../../test/support/disclosure-fixtures.ts";

const seed = seedDisclosure(); // a 事业单位; 表6 uses 50501/50502/50601
const { unitKind: _kind, ...unknownKind } = seed;
const context = { catalog: seedCatalog() };

function withText(text: string, d: Disclosure = seed): Disclosure {
  return { ...d, narrative: [{ path: ["第二部分", "四", "（三）", "3"], heading: "3、支出按经济科目分类的明细情况", text }] };
}

const S04 = [
  "（2）本单位当年一般公共预算支出 225.98 万元，其中：机关工资福利支出（501）183.38 万元，较上年增加",
  "117.88 万元，原因是增加人员工资福利费用；",
  "机关商品和服务支出（502）41.6 万元，较上年增加 0.7 万元，原因是增加定员定额公用经费；",
  "机关资本性支出（一）（503）1 万元，较上年增加 1 万元，原因是增加办公设备购置支出。",
].join("\n");

testRule(rule, {
  valid: [
    {
      name: "事业单位写 505/506",
      disclosure: withText("其中：对事业单位经常性补助（505）224.98 万元，对事业单位资本性补助（506）1 万元。"),
      context,
    },
    { name: "部门经济分类 301/302 不在此规则范围", disclosure: withText("其中：工资福利支出（301）183.38 万元，商品和服务支出（302）41.6 万元。"), context },
    {
      name: "行政单位写 501",
      disclosure: withText("其中：机关工资福利支出（501）183.38 万元。", { ...seed, unitKind: "行政单位", tables: seed.tables.filter((t) => t.number !== 6) }),
      context,
    },
  ],
  invalid: [
    {
      name: "S04：事业单位的说明写 501/502/503",
      disclosure: withText(S04),
      context,
      findings: [
        { messageId: "wrongForKind", data: { subject: "机关工资福利支出（501）", kind: "事业单位" }, actual: "501", expected: "50501", cells: [{ table: 6, rowCode: "30101" }] },
        { messageId: "wrongForKind", data: { subject: "机关商品和服务支出（502）" }, expected: "50502" },
        { messageId: "wrongForKind", data: { subject: "机关资本性支出(一)（503）" }, expected: "50601" },
      ],
    },
    {
      name: "按名称识别（未印编码）",
      disclosure: withText("其中：机关工资福利支出 183.38 万元。"),
      context,
      findings: [{ messageId: "wrongForKind", expected: "50501" }],
    },
    {
      name: "单位性质未知时，表6 未使用的类",
      disclosure: withText("其中：机关工资福利支出（501）183.38 万元。", unknownKind),
      context,
      findings: [{ messageId: "notInTables", data: { used: "505、506" }, expected: "50501" }],
    },
  ],
});
