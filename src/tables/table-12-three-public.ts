import type { BudgetDocument } from "../model/budget-document.ts";
import { type Fen, sumFen } from "../model/money.ts";
import { sumLines } from "./lines.ts";
import { type UnitColumn, unitRowsTable } from "./unit-rows.ts";

/**
 * The 部门经济分类 款 behind each “三公” item and 会议费/培训费: 表12 is derived from the lines, so it
 * agrees with 表6 by construction.
 */
export const THREE_PUBLIC_CODES = {
  outboundTravel: ["30212"],
  vehiclePurchase: ["31013"],
  vehicleOperation: ["30231"],
  reception: ["30217"],
  meeting: ["30215"],
  training: ["30216"],
} as const;

export function threePublicAmount(doc: BudgetDocument, item: keyof typeof THREE_PUBLIC_CODES, unit?: string): Fen {
  return sumFen(
    THREE_PUBLIC_CODES[item].map((code) =>
      sumLines(doc, { fundSources: ["一般公共预算拨款"], deptEconomic: code, ...(unit ? { unit } : {}) }),
    ),
  );
}

const item = (key: keyof typeof THREE_PUBLIC_CODES, label: string, parent?: string): UnitColumn => ({
  key,
  label,
  ...(parent ? { parent } : {}),
  value: (doc, unit) => threePublicAmount(doc, key, unit),
});

const vehicles = (doc: BudgetDocument, unit: string) =>
  sumFen([threePublicAmount(doc, "vehiclePurchase", unit), threePublicAmount(doc, "vehicleOperation", unit)]);

/** 表12 一般公共预算拨款“三公”经费及会议费、培训费支出预算表. */
export const table12 = unitRowsTable(12, [
  {
    key: "total",
    label: "“三公”经费合计",
    value: (doc, unit) =>
      sumFen([threePublicAmount(doc, "outboundTravel", unit), vehicles(doc, unit), threePublicAmount(doc, "reception", unit)]),
  },
  item("outboundTravel", "因公出国（境）费"),
  { key: "vehicleTotal", label: "小计", parent: "公务用车购置及运行费", value: vehicles },
  item("vehiclePurchase", "公务用车购置费", "公务用车购置及运行费"),
  item("vehicleOperation", "公务用车运行维护费", "公务用车购置及运行费"),
  item("reception", "公务接待费"),
  item("meeting", "会议费"),
  item("training", "培训费"),
]);
