/**
 * How measure keys relate when the narrative lists figures under a total (其中…, 具体为…): which key
 * can be a part of which, which contains which (a 类 its 项, 公务用车购置及运行费 its two halves), and
 * which sets of parts are known to make up their whole.
 */

const REVENUE_TOTALS = ["revenueTotal", "fiscalRevenue", "generalBudgetRevenue"];
const EXPENDITURE_TOTALS = ["expenditureTotal", "fiscalExpenditure", "generalBudgetExpenditure"];
const BREAKDOWNS = ["function", "deptEconomic", "govEconomic"];
const THREE_PUBLIC_ITEMS = ["outboundTravel", "vehicleTotal", "vehiclePurchase", "vehicleOperation", "reception"];

function split(key: string): { kind: string; qualifier: string } {
  const colon = key.indexOf(":");
  return colon < 0 ? { kind: key, qualifier: "" } : { kind: key.slice(0, colon), qualifier: key.slice(colon + 1) };
}

/** A revenue or expenditure total (收入/支出 合计, 财政拨款, 一般公共预算). */
export function isTotalKey(key: string): boolean {
  return REVENUE_TOTALS.includes(key) || EXPENDITURE_TOTALS.includes(key);
}

/** Whether `outer` contains `inner` in a hierarchy: a code its longer codes, a 三公 total its items. */
export function contains(outer: string, inner: string): boolean {
  const a = split(outer);
  const b = split(inner);
  if (a.kind === b.kind && BREAKDOWNS.includes(a.kind)) return b.qualifier.length > a.qualifier.length && b.qualifier.startsWith(a.qualifier);
  if (outer === "threePublic:total") return b.kind === "threePublic" && THREE_PUBLIC_ITEMS.includes(b.qualifier);
  if (outer === "threePublic:vehicleTotal") return inner === "threePublic:vehiclePurchase" || inner === "threePublic:vehicleOperation";
  if (outer === "basicExpenditure") return inner === "nature:人员经费" || inner === "nature:公用经费";
  return false;
}

/** Whether `child` may be listed under `parent` within one sentence (…万元，其中 A …、B …). */
export function canBePartOf(parent: string, child: string): boolean {
  if (contains(parent, child)) return true;
  const c = split(child);
  const r = REVENUE_TOTALS.indexOf(parent);
  if (r >= 0) return REVENUE_TOTALS.indexOf(child) > r;
  const e = EXPENDITURE_TOTALS.indexOf(parent);
  if (e >= 0) {
    return (
      EXPENDITURE_TOTALS.indexOf(child) > e ||
      child === "basicExpenditure" ||
      child === "projectExpenditure" ||
      c.kind === "nature" ||
      BREAKDOWNS.includes(c.kind)
    );
  }
  const p = split(parent);
  if (parent === "basicExpenditure" || parent === "projectExpenditure" || p.kind === "nature") return BREAKDOWNS.includes(c.kind);
  if (p.kind === "function") return child === "basicExpenditure" || child === "projectExpenditure" || c.kind === "nature";
  return false;
}

/**
 * Whether a list may carry on into the next sentence (…合计 X 万元。其中：A …。B …。): only for a total and
 * its breakdown, or a key and what it contains — a looser pairing would swallow the next paragraph.
 */
export function continuesAcrossSentences(parent: string, child: string): boolean {
  return contains(parent, child) || (isTotalKey(parent) && canBePartOf(parent, child));
}

/**
 * Whether parts with these keys are known to make up the whole `parent` (so parts that add to less
 * than the whole leave something out): 人员+公用+专项, 基本+项目, the 三公 items, or several codes of one
 * classification at one level.
 */
export function isKnownPartition(parent: string | undefined, parts: readonly string[]): boolean {
  const has = (k: string) => parts.includes(k);
  if (has("nature:人员经费") && has("nature:公用经费") && (has("nature:专项业务经费") || parent === "basicExpenditure")) return true;
  if (has("basicExpenditure") && (has("projectExpenditure") || has("nature:专项业务经费"))) return true;
  if (parent === "threePublic:total") {
    const vehicle = has("threePublic:vehicleTotal") || has("threePublic:vehiclePurchase") || has("threePublic:vehicleOperation");
    return has("threePublic:outboundTravel") && has("threePublic:reception") && vehicle;
  }
  if (parent === "threePublic:vehicleTotal") return has("threePublic:vehiclePurchase") && has("threePublic:vehicleOperation");
  if (parts.length >= 2) {
    const first = split(parts[0]!);
    return (
      BREAKDOWNS.includes(first.kind) &&
      parts.every((k) => split(k).kind === first.kind && split(k).qualifier.length === first.qualifier.length) &&
      (parent === undefined || isTotalKey(parent) || contains(parent, parts[0]!) || split(parent).kind === "nature" || parent === "basicExpenditure" || parent === "projectExpenditure")
    );
  }
  return false;
}
