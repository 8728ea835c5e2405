import type { Procurement } from "../model/budget-document.ts";
import { type Fen, sumFen } from "../model/money.ts";
import type { Column, Row } from "../model/table.ts";
import { emptiness, type TableBuilder, tableTitle } from "./context.ts";
import { printedHeader } from "./header.ts";

const COLUMNS: readonly (Column & { parent?: string })[] = [
  { key: "category", label: "采购类别", kind: "text" },
  { key: "item", label: "采购品目", kind: "text" },
  { key: "quantity", label: "数量", kind: "text" },
  { key: "total", label: "合计", kind: "amount", parent: "预算金额" },
  { key: "generalBudget", label: "一般公共预算拨款", kind: "amount", parent: "预算金额" },
  { key: "governmentFund", label: "政府性基金拨款", kind: "amount", parent: "预算金额" },
  { key: "other", label: "其他资金", kind: "amount", parent: "预算金额" },
];

function amounts(items: readonly Procurement[]): Fen[] {
  const by = (pick: (p: Procurement) => boolean) => sumFen(items.filter(pick).map((p) => p.amount));
  return [
    by(() => true),
    by((p) => p.fundSource === "一般公共预算拨款"),
    by((p) => p.fundSource === "政府性基金拨款"),
    by((p) => p.fundSource !== "一般公共预算拨款" && p.fundSource !== "政府性基金拨款"),
  ];
}

/** 表11 部门综合预算政府采购（资产配置、购买服务）预算表. */
export const table11: TableBuilder = {
  number: 11,
  build(doc) {
    const items: Row[] = doc.procurement.map((p) => ({
      ...(p.unit ? { code: p.unit } : {}),
      label: p.purchaseOfServices ? `${p.name}（政府购买服务）` : p.name,
      level: 1,
      kind: "item",
      values: [p.category, p.item || null, p.quantity === undefined ? null : String(p.quantity), ...amounts([p])],
    }));
    return [
      {
        number: 11,
        title: tableTitle(11),
        unit: "元",
        ...emptiness(doc, 11, doc.procurement.length > 0),
        layout: "rows",
        header: printedHeader(["单位编码", "采购项目名称"], COLUMNS),
        columns: COLUMNS.map(({ parent, ...c }) => (parent ? { ...c, label: `${parent}/${c.label}` } : c)),
        rows: [{ label: "合计", level: 0, kind: "total", values: [null, null, null, ...amounts(doc.procurement)] }, ...items],
      },
    ];
  },
};
