import { minusFen, sumFen } from "../model/money.ts";
import type { Table } from "../model/table.ts";
import { FISCAL_SOURCES } from "../model/vocabulary.ts";
import { emptiness, type TableBuilder, tableTitle } from "./context.ts";
import { printedHeader } from "./header.ts";
import { INDICATOR_COLUMNS, indicatorRows } from "./indicators.ts";
import { selectLines } from "./lines.ts";

/** 表13 部门专项业务经费绩效目标表: one form per project; its amounts come from the project's lines (表10). */
export const table13: TableBuilder = {
  number: 13,
  build(doc) {
    const header = printedHeader(["指标内容"], INDICATOR_COLUMNS);
    const base = { number: 13, title: tableTitle(13), unit: "万元", layout: "form", header, columns: INDICATOR_COLUMNS } as const;
    if (doc.projects.length === 0) {
      return [{ ...base, ...emptiness(doc, 13, false), rows: indicatorRows([]) }];
    }
    return doc.projects.map((project, i): Table => {
      const lines = selectLines(doc, { project: project.id, natures: ["专项业务经费"] });
      const total = sumFen(lines.map((l) => l.amount));
      const fiscal = sumFen(lines.filter((l) => FISCAL_SOURCES.includes(l.fundSource)).map((l) => l.amount));
      return {
        ...base,
        instance: i + 1,
        empty: false,
        fields: [
          { label: "项目名称", value: project.name },
          { label: "主管部门", value: doc.unit.department },
          { label: "实施期资金总额", value: total, unit: "万元" },
          { label: "其中：财政拨款", value: fiscal, unit: "万元" },
          { label: "其他资金", value: minusFen(total, fiscal), unit: "万元" },
          { label: "总体目标", value: project.goals.map((g, n) => `目标${n + 1}：${g}`).join("\n") },
        ],
        rows: indicatorRows(project.indicators),
      };
    });
  },
};
