import { type Fen, sumFen } from "../model/money.ts";
import type { Column, Row } from "../model/table.ts";
import { emptiness, type TableBuilder, tableTitle } from "./context.ts";
import { printedHeader } from "./header.ts";
import { reportingUnits, sumLines } from "./lines.ts";

const COLUMNS: readonly Column[] = [
  { key: "amount", label: "项目金额", kind: "amount" },
  { key: "description", label: "项目简介", kind: "text" },
];

/** 表10 部门综合预算专项业务经费支出表: each unit, then its projects with their amounts (all fund sources). */
export const table10: TableBuilder = {
  number: 10,
  build(doc) {
    const rows: Row[] = [];
    const unitTotals: Fen[] = [];
    for (const unit of reportingUnits(doc)) {
      const projects = doc.projects.filter((p) => (p.unit ?? doc.unit.code) === unit.code);
      if (projects.length === 0) continue;
      const amounts = projects.map((p) => sumLines(doc, { project: p.id, natures: ["专项业务经费"] }));
      const unitTotal = sumFen(amounts);
      unitTotals.push(unitTotal);
      rows.push({ code: unit.code, label: unit.name, level: 0, kind: "heading", values: [unitTotal, null] });
      projects.forEach((p, i) =>
        rows.push({ label: p.name, level: 1, kind: "item", values: [amounts[i]!, p.description || null] }),
      );
    }
    return [
      {
        number: 10,
        title: tableTitle(10),
        unit: "元",
        ...emptiness(doc, 10, doc.projects.length > 0),
        layout: "rows",
        header: printedHeader(["单位编码", "单位（项目）名称"], COLUMNS),
        columns: COLUMNS,
        rows: [{ label: "合计", level: 0, kind: "total", values: [sumFen(unitTotals), null] }, ...rows],
      },
    ];
  },
};
