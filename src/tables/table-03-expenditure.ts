import { NATURES } from "../model/vocabulary.ts";
import { sumLines } from "./lines.ts";
import { unitRowsTable } from "./unit-rows.ts";

const LABELS: Record<string, string> = {
  人员经费: "人员经费支出",
  公用经费: "公用经费支出",
  专项业务经费: "专项业务经费支出",
};

/** 表3 部门综合预算支出总表: expenditure by nature, one row per unit. */
export const table03 = unitRowsTable(3, [
  { key: "total", label: "合计", value: (doc, unit) => sumLines(doc, { unit }) },
  ...NATURES.map((nature) => ({
    key: nature,
    label: LABELS[nature] ?? nature,
    value: (doc: Parameters<typeof sumLines>[0], unit: string) => sumLines(doc, { unit, natures: [nature] }),
  })),
]);
