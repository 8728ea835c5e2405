import { testRule } from "../rule-tester.ts";
import rule from "./function-name.ts";
import { renameRow, seedCatalog, seedDisclosure } from "../../../test/support/disclosure-fixtures.ts";
import type { Disclosure } from "../../model/disclosure.ts";

const seed = seedDisclosure();
const context = { catalog: seedCatalog() };
/** Blocks rows read from a published text carry no codes. */
const withoutBlockCodes = (d: Disclosure): Disclosure => ({
  ...d,
  tables: d.tables.map((t) => (t.layout === "blocks" ? { ...t, rows: t.rows.map(({ code: _code, ...r }) => r) } : t)),
});

testRule(rule, {
  valid: [
    { name: "更正后的样本", disclosure: seed, context },
    { name: "没有编码的类级行按名称核对", disclosure: withoutBlockCodes(seed), context },
  ],
  invalid: [
    {
      name: "S09：表5 项级名称被截短",
      disclosure: renameRow(seed, 5, { code: "2080505" }, "机关事业单位基本养老保险"),
      context,
      findings: [
        {
          messageId: "wrongName",
          data: { table: 5, code: "2080505", actual: "机关事业单位基本养老保险", expected: "机关事业单位基本养老保险缴费支出" },
          cells: [{ table: 5, rowCode: "2080505" }],
        },
      ],
    },
    {
      name: "S03：表4 “住房保险支出”（无编码）",
      disclosure: renameRow(withoutBlockCodes(seed), 4, { label: "20、住房保障支出" }, "20、住房保险支出"),
      context,
      findings: [
        {
          messageId: "wrongName",
          data: { table: 4, code: "221", actual: "住房保险支出", expected: "住房保障支出" },
          cells: [{ table: 4, group: "支出功能分类科目（按大类）", rowLabel: "20、住房保险支出" }],
        },
      ],
    },
  ],
});
