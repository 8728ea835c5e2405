import type { SpecialFund } from "../model/budget-document.ts";
import type { Table } from "../model/table.ts";
import { emptiness, type TableBuilder, tableTitle } from "./context.ts";
import { printedHeader } from "./header.ts";
import { INDICATOR_COLUMNS, indicatorRows } from "./indicators.ts";

const goals = (list: readonly string[]) => list.map((g, n) => `目标${n + 1}：${g}`).join("\n");

function fields(fund: SpecialFund | undefined): NonNullable<Table["fields"]> {
  return [
    { label: "项目名称", value: fund?.name ?? null },
    { label: "主管部门", value: fund?.department ?? null },
    { label: "实施期限", value: fund?.period ?? null },
    { label: "实施期资金总额", value: fund?.totalAmount ?? null, unit: "万元" },
    { label: "实施期资金总额/其中：财政拨款", value: fund?.totalFiscal ?? null, unit: "万元" },
    { label: "实施期资金总额/其他资金", value: fund?.totalOther ?? null, unit: "万元" },
    { label: "年度资金总额", value: fund?.annualAmount ?? null, unit: "万元" },
    { label: "年度资金总额/其中：财政拨款", value: fund?.annualFiscal ?? null, unit: "万元" },
    { label: "年度资金总额/其他资金", value: fund?.annualOther ?? null, unit: "万元" },
    { label: "实施期总目标", value: fund ? goals(fund.periodGoals) : null },
    { label: "年度目标", value: fund ? goals(fund.annualGoals) : null },
  ];
}

/** 表15 专项资金总体绩效目标表: one form per 专项资金 the department manages; an empty form when none. */
export const table15: TableBuilder = {
  number: 15,
  build(doc) {
    const base = {
      number: 15,
      title: tableTitle(15),
      unit: "万元",
      layout: "form",
      header: printedHeader(["指标内容"], INDICATOR_COLUMNS),
      columns: INDICATOR_COLUMNS,
    } as const;
    if (doc.specialFunds.length === 0) {
      return [{ ...base, ...emptiness(doc, 15, false), fields: fields(undefined), rows: indicatorRows([]) }];
    }
    return doc.specialFunds.map(
      (fund, i): Table => ({ ...base, instance: i + 1, empty: false, fields: fields(fund), rows: indicatorRows(fund.indicators) }),
    );
  },
};
