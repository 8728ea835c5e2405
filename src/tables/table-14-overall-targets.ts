import { sumFen } from "../model/money.ts";
import type { Column, Row } from "../model/table.ts";
import { emptiness, type TableBuilder, tableTitle } from "./context.ts";
import { printedHeader } from "./header.ts";
import { INDICATOR_COLUMNS, indicatorRows } from "./indicators.ts";

const TASK_COLUMNS: readonly Column[] = [
  { key: "content", label: "主要内容", kind: "text" },
  { key: "amount", label: "总额", kind: "amount" },
  { key: "fiscal", label: "财政拨款", kind: "amount" },
  { key: "other", label: "其他资金", kind: "amount" },
];
const COLUMNS = [...TASK_COLUMNS, ...INDICATOR_COLUMNS];
const TASKS = "年度主要任务";
const INDICATORS = "年度绩效指标";

/** 表14 部门整体支出绩效目标表: the year's main tasks with their money, the goals, and the indicators. */
export const table14: TableBuilder = {
  number: 14,
  build(doc) {
    const targets = doc.overallTargets;
    const tasks = targets?.tasks ?? [];
    const taskRows: Row[] = tasks.map((t) => ({
      label: t.name,
      level: 1,
      kind: "item",
      group: TASKS,
      values: [t.content || null, t.amount, t.fiscalAmount, t.otherAmount, null, null, null, null],
    }));
    const totals: Row = {
      label: "金额合计",
      level: 0,
      kind: "total",
      group: TASKS,
      values: [
        null,
        sumFen(tasks.map((t) => t.amount)),
        sumFen(tasks.map((t) => t.fiscalAmount)),
        sumFen(tasks.map((t) => t.otherAmount)),
        null,
        null,
        null,
        null,
      ],
    };
    return [
      {
        number: 14,
        title: tableTitle(14),
        unit: "万元",
        ...emptiness(doc, 14, targets !== undefined),
        layout: "form",
        groups: [TASKS, INDICATORS],
        header: printedHeader(["任务名称/指标内容"], COLUMNS),
        columns: COLUMNS,
        fields: [
          { label: "部门（单位）名称", value: doc.unit.name },
          { label: "年度总体目标", value: (targets?.goals ?? []).map((g, n) => `目标${n + 1}：${g}`).join("\n") },
        ],
        rows: [...taskRows, totals, ...indicatorRows(targets?.indicators ?? [], TASK_COLUMNS.length, INDICATORS)],
      },
    ];
  },
};
