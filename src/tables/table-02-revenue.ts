import type { RevenueSource } from "../model/vocabulary.ts";
import { FISCAL_SOURCES, REVENUE_SOURCES } from "../model/vocabulary.ts";
import { sumRevenue } from "./lines.ts";
import { type UnitColumn, unitRowsTable } from "./unit-rows.ts";

const source = (s: RevenueSource, parent?: string, label: string = s): UnitColumn => ({
  key: s,
  label,
  ...(parent ? { parent } : {}),
  value: (doc, unit) => sumRevenue(doc, { sources: [s], unit }),
});

/** 表2 部门综合预算收入总表: revenue by source, one row per unit. */
export const table02 = unitRowsTable(2, [
  { key: "total", label: "合计", value: (doc, unit) => sumRevenue(doc, { sources: REVENUE_SOURCES, unit }) },
  { key: "fiscal", label: "小计", parent: "财政拨款", value: (doc, unit) => sumRevenue(doc, { sources: FISCAL_SOURCES, unit }) },
  ...FISCAL_SOURCES.map((s) => source(s, "财政拨款")),
  source("上级补助收入"),
  source("事业收入", "事业收入", "小计"),
  {
    key: "financialAccount",
    label: "其中：纳入财政专户管理的收费",
    parent: "事业收入",
    value: (doc, unit) => sumRevenue(doc, { sources: ["事业收入"], unit, field: "financialAccount" }),
  },
  ...REVENUE_SOURCES.slice(5).map((s) => source(s)),
]);
