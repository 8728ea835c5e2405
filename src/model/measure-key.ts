/**
 * One key grammar names a figure across the model: the prior-year figures (`prior`), the preparer's
 * reasons (`reasons`), and later the narrative's claims. A key is a plain measure
 * (`generalBudgetExpenditure`) or a measure with a code or term (`function:2010350`, `nature:公用经费`).
 */
import { NATURES } from "./vocabulary.ts";

export const PLAIN_MEASURES = [
  "revenueTotal",
  "expenditureTotal",
  "fiscalRevenue",
  "fiscalExpenditure",
  "generalBudgetRevenue",
  "generalBudgetExpenditure",
  "governmentFundExpenditure",
  "stateCapitalExpenditure",
  "basicExpenditure",
  /** 项目支出: the national term for what Shaanxi's tables call 专项业务经费 (read from narratives). */
  "projectExpenditure",
] as const;

export const THREE_PUBLIC_ITEMS = [
  "total",
  "outboundTravel",
  "vehicleTotal",
  "vehiclePurchase",
  "vehicleOperation",
  "reception",
  "meeting",
  "training",
] as const;
export type ThreePublicItem = (typeof THREE_PUBLIC_ITEMS)[number];

const QUALIFIED: Record<string, (qualifier: string) => boolean> = {
  nature: (q) => (NATURES as readonly string[]).includes(q),
  function: (q) => /^\d{3}(\d{2}){0,2}$/.test(q),
  deptEconomic: (q) => /^\d{3}(\d{2})?$/.test(q),
  govEconomic: (q) => /^\d{3}(\d{2})?$/.test(q),
  threePublic: (q) => (THREE_PUBLIC_ITEMS as readonly string[]).includes(q),
};

/** Returns a Chinese explanation of why `key` is not a measure key, or null when it is one. */
export function measureKeyProblem(key: string): string | null {
  if ((PLAIN_MEASURES as readonly string[]).includes(key)) return null;
  const colon = key.indexOf(":");
  if (colon > 0) {
    const kind = key.slice(0, colon);
    const check = QUALIFIED[kind];
    if (check) return check(key.slice(colon + 1)) ? null : `“${key}”中“${kind}:”后的编码或名称无效`;
  }
  return `“${key}”不是可识别的指标键（可用：${PLAIN_MEASURES.join("、")}，或 ${Object.keys(QUALIFIED)
    .map((k) => `${k}:…`)
    .join("、")}）`;
}
