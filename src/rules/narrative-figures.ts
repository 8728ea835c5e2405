/**
 * @fileoverview Shared by the narrative rules: the claims a disclosure's 说明 states (read once per
 * disclosure), the table figure a claim speaks of, the comparison of a printed figure with a table
 * figure at the printed precision, and percent arithmetic in integers.
 */
import type { Catalog } from "../catalog/catalog.ts";
import type { Disclosure } from "../model/disclosure.ts";
import type { CellRef, NarrativeRef } from "../model/finding.ts";
import { type Fen, fen, FEN_PER_WAN_YUAN, formatWanYuan, formatYuan, roundToWanYuanCents, sumFen } from "../model/money.ts";
import type { Row, Table } from "../model/table.ts";
import { type Claim, readClaims, type ReadClaimsResult, type StatedAmount, type StatedPercent } from "../narrative/read/claims.ts";
import { amountOf, amountOrNull, blockRows, cellRef, columnIndex, findRow, normaliseLabel, tableWithContent, totalRow } from "./tables.ts";

// ---------------------------------------------------------------------------------------------------
// Claims

const cache = new WeakMap<Disclosure, WeakMap<object, ReadClaimsResult>>();
const NO_CATALOG = {};

/** The claims of the disclosure's narrative, read once per disclosure and catalog. */
export function claimsOf(disclosure: Disclosure, catalog: Catalog | undefined): ReadClaimsResult {
  let byCatalog = cache.get(disclosure);
  if (!byCatalog) cache.set(disclosure, (byCatalog = new WeakMap()));
  const key = catalog ?? NO_CATALOG;
  let result = byCatalog.get(key);
  if (!result) byCatalog.set(key, (result = readClaims(disclosure.narrative, catalog ? { catalog } : {})));
  return result;
}

/** The place of a claim, for a finding. */
export function narrativeRef(claim: Claim): NarrativeRef {
  return { path: claim.where.path, quote: claim.where.quote, ...(claim.where.source ? { source: claim.where.source } : {}) };
}

/** The section path as printed in messages after 说明: 第二部分 四 （三） 2 (empty before the first heading). */
export function pathText(claim: Claim): string {
  return claim.where.path.join(" ");
}

/** What the claim names, as printed: `机关事业单位基本养老保险缴费（2080505）`. */
export function subjectText(claim: Claim): string {
  const { name, code } = claim.subject;
  return code ? `${name}（${code}）` : name;
}

/** Whether the claim is about the disclosure's own year (a stated other year or 上年 is not). */
export function isCurrentYear(claim: Claim, disclosure: Disclosure): boolean {
  if (claim.subject.priorYear) return false;
  return claim.year === undefined || disclosure.year === undefined || claim.year === disclosure.year;
}

// ---------------------------------------------------------------------------------------------------
// Printed precision

/** Half a unit of the last printed digit, in fen: a 万元 figure is taken as rounded to 0.01 万元; a 元 figure as exact. */
export function roundingOf(amount: StatedAmount): number {
  return amount.unit === "万元" ? FEN_PER_WAN_YUAN / 200 : 0;
}

/** A table amount rounded as the narrative prints it in `unit` (万元: 0.01 half-up, or the printed decimals when more). */
export function roundedLike(amount: Fen, stated: StatedAmount): Fen {
  if (stated.unit === "元") return amount;
  if (stated.decimals <= 2) return roundToWanYuanCents(amount);
  const unit = 10 ** (6 - Math.min(stated.decimals, 6));
  const abs = Math.abs(amount);
  const rounded = Math.floor((abs + unit / 2) / unit) * unit;
  return fen(amount < 0 ? -rounded : rounded);
}

/** An amount printed the way the claim prints its own (`20.26 万元`, `850,088.30 元`). */
export function printedLike(amount: Fen, stated: Pick<StatedAmount, "unit">): string {
  return stated.unit === "万元" ? `${formatWanYuan(amount)} 万元` : `${formatYuan(amount)} 元`;
}

/** An amount in the claim's unit without rounding (`0.015 万元`, `1,000.00 元`): for differences and tolerances. */
export function exactLike(amount: Fen, stated: Pick<StatedAmount, "unit">): string {
  if (stated.unit === "元") return `${formatYuan(amount)} 元`;
  const abs = Math.abs(amount);
  const fraction = String(abs % FEN_PER_WAN_YUAN).padStart(6, "0").replace(/0+$/, "");
  return `${amount < 0 ? "-" : ""}${Math.floor(abs / FEN_PER_WAN_YUAN)}${fraction ? `.${fraction}` : ""} 万元`;
}

/** A stated amount as printed, with its unit. */
export function printed(amount: StatedAmount): string {
  return `${amount.text.replace(/(万元|元)$/, "")} ${amount.unit}`;
}

// ---------------------------------------------------------------------------------------------------
// Percent arithmetic (integers only)

/** `numerator / denominator` as a percent with `decimals` decimals, rounded half-up, as text. */
export function percentText(numerator: number, denominator: number, decimals: number): string {
  const scale = 10n ** BigInt(decimals);
  const n = BigInt(Math.abs(numerator)) * 100n * scale * 2n + BigInt(denominator);
  const scaled = n / (2n * BigInt(denominator));
  const whole = scaled / scale;
  const fraction = (scaled % scale).toString().padStart(decimals, "0");
  return decimals > 0 ? `${whole}.${fraction}` : `${whole}`;
}

/**
 * Whether a printed percent can be `numerator / denominator` when each may be off by its rounding
 * (`numeratorSlack`, `denominatorSlack`, in fen) and the percent itself is rounded to its decimals.
 */
export function percentAgrees(numerator: number, numeratorSlack: number, denominator: number, denominatorSlack: number, percent: StatedPercent): boolean {
  const scale = 10n ** BigInt(percent.decimals);
  const s = BigInt(percent.scaled);
  const num = BigInt(Math.abs(numerator));
  const lowDen = BigInt(denominator - denominatorSlack);
  const highDen = BigInt(denominator + denominatorSlack);
  if (lowDen <= 0n) return true;
  const highNum = num + BigInt(numeratorSlack);
  const lowNum = num > BigInt(numeratorSlack) ? num - BigInt(numeratorSlack) : 0n;
  // max ≥ s − ½ and min ≤ s + ½ (in units of the last printed digit)
  const reachesUp = highNum * 200n * scale >= (2n * s - 1n) * lowDen;
  const reachesDown = lowNum * 200n * scale <= (2n * s + 1n) * highDen;
  return reachesUp && reachesDown;
}

// ---------------------------------------------------------------------------------------------------
// Table figures

export interface TableFigure {
  readonly amount: Fen;
  readonly cells: readonly CellRef[];
  /** Where the figure comes from, in words: 表5 2080505 合计. */
  readonly where: string;
}

const NATURE_COLUMNS: Readonly<Record<string, string>> = {
  人员经费: "人员经费支出",
  公用经费: "公用经费支出",
  专项业务经费: "专项业务经费支出",
};

/** The 部门经济分类 款 behind each 三公 item (as 表12 is derived from 表6). */
export const THREE_PUBLIC_DEPT_CODES: Readonly<Record<string, readonly string[]>> = {
  outboundTravel: ["30212"],
  vehiclePurchase: ["31013"],
  vehicleOperation: ["30231"],
  vehicleTotal: ["31013", "30231"],
  reception: ["30217"],
  meeting: ["30215"],
  training: ["30216"],
  total: ["30212", "31013", "30231", "30217"],
};

/** 表12 column labels (normalised text they contain) for each 三公 item. */
const THREE_PUBLIC_COLUMNS: Readonly<Record<string, (label: string) => boolean>> = {
  total: (l) => l.includes("三公") && l.includes("合计"),
  outboundTravel: (l) => l.includes("因公出国"),
  vehicleTotal: (l) => l.includes("公务用车购置及运行费") && (l.endsWith("小计") || l === "公务用车购置及运行费"),
  vehiclePurchase: (l) => l.endsWith("公务用车购置费"),
  vehicleOperation: (l) => l.endsWith("公务用车运行维护费") || l.endsWith("公务用车运行费"),
  reception: (l) => l.includes("公务接待"),
  meeting: (l) => l.includes("会议费"),
  training: (l) => l.includes("培训费"),
};

/** A row's 合计, or the sum of its nature columns when the 合计 cell is blank. */
function rowTotal(table: Table, row: Row): Fen {
  const total = amountOrNull(table, row, "合计");
  if (total !== null) return total;
  return sumFen(Object.values(NATURE_COLUMNS).map((c) => amountOf(table, row, c)));
}

/** A column of the 合计 row, or the sum over item rows when the 合计 row leaves it blank. */
function totalOfColumn(table: Table, column: string, rows: readonly Row[]): Fen {
  const total = totalRow(table);
  const printedTotal = total ? amountOrNull(table, total, column) : null;
  if (printedTotal !== null) return printedTotal;
  return sumFen(rows.map((r) => (column === "合计" ? rowTotal(table, r) : amountOf(table, r, column))));
}

const itemRows = (table: Table) => table.rows.filter((r) => r.kind === "item");

function functionFigure(disclosure: Disclosure, code: string): TableFigure | undefined {
  const t5 = tableWithContent(disclosure, 5);
  if (!t5) return undefined;
  const exact = t5.rows.find((r) => r.code === code);
  if (exact) return { amount: rowTotal(t5, exact), cells: [cellRef(t5, exact, "合计")], where: `表5 ${code}` };
  const rows = itemRows(t5).filter((r) => r.code?.length === 7 && r.code.startsWith(code));
  if (rows.length === 0) return undefined;
  return { amount: sumFen(rows.map((r) => rowTotal(t5, r))), cells: rows.map((r) => cellRef(t5, r, "合计")), where: `表5 ${code}开头各项之和` };
}

function economicFigure(disclosure: Disclosure, kind: "deptEconomic" | "govEconomic", code: string): TableFigure | undefined {
  const t6 = tableWithContent(disclosure, 6);
  if (!t6) return undefined;
  const govColumn = columnIndex(t6, "政府经济科目编码");
  const codeOf = (r: Row) => (kind === "deptEconomic" ? r.code : govColumn >= 0 ? String(r.values[govColumn] ?? "") : undefined);
  const rows = itemRows(t6).filter((r) => codeOf(r)?.startsWith(code));
  if (rows.length === 0) return undefined;
  const label = kind === "deptEconomic" ? "部门经济分类" : "政府经济分类";
  return { amount: sumFen(rows.map((r) => rowTotal(t6, r))), cells: rows.map((r) => cellRef(t6, r, "合计")), where: `表6 ${label} ${code}` };
}

function natureFigure(disclosure: Disclosure, natures: readonly string[]): TableFigure | undefined {
  const t5 = tableWithContent(disclosure, 5);
  if (!t5) return undefined;
  const columns = natures.map((n) => NATURE_COLUMNS[n]!);
  if (columns.some((c) => columnIndex(t5, c) < 0)) return undefined;
  const rows = itemRows(t5).filter((r) => r.code?.length === 7);
  const total = totalRow(t5);
  return {
    amount: sumFen(columns.map((c) => totalOfColumn(t5, c, rows))),
    cells: columns.map((c) => cellRef(t5, total, c)),
    where: `表5 ${columns.join("+")}`,
  };
}

function blockTotal(disclosure: Disclosure, number: 1 | 4, group: string, label: string): TableFigure | undefined {
  const table = tableWithContent(disclosure, number);
  if (!table) return undefined;
  const row = findRow(table, { group, label });
  if (!row) return undefined;
  return { amount: amountOf(table, row), cells: [cellRef(table, row, table.columns[0]?.label)], where: `表${number} ${label}` };
}

function generalBudgetRevenue(disclosure: Disclosure): TableFigure | undefined {
  for (const number of [4, 1] as const) {
    const table = tableWithContent(disclosure, number);
    const row = table && blockRows(table, "收入").find((r) => normaliseLabel(r.label).endsWith("一般公共预算拨款"));
    if (table && row) return { amount: amountOf(table, row), cells: [cellRef(table, row, table.columns[0]?.label)], where: `表${number} 一般公共预算拨款` };
  }
  return undefined;
}

function generalBudgetExpenditure(disclosure: Disclosure): TableFigure | undefined {
  const t5 = tableWithContent(disclosure, 5);
  if (!t5) return undefined;
  const rows = itemRows(t5).filter((r) => r.code?.length === 7);
  return { amount: totalOfColumn(t5, "合计", rows), cells: [cellRef(t5, totalRow(t5), "合计")], where: "表5 合计" };
}

function threePublicFigure(disclosure: Disclosure, item: string): TableFigure | undefined {
  const t12 = tableWithContent(disclosure, 12);
  const matches = THREE_PUBLIC_COLUMNS[item];
  if (t12 && matches) {
    const index = t12.columns.findIndex((c) => matches(normaliseLabel(c.label)));
    const row = totalRow(t12) ?? itemRows(t12)[0];
    if (index >= 0 && row) return { amount: amountOf(t12, row, index), cells: [cellRef(t12, row, index)], where: `表12 ${t12.columns[index]!.label}` };
  }
  const codes = THREE_PUBLIC_DEPT_CODES[item];
  const t6 = tableWithContent(disclosure, 6);
  if (!codes || !t6) return undefined;
  const rows = itemRows(t6).filter((r) => r.code !== undefined && codes.includes(r.code));
  return {
    amount: sumFen(rows.map((r) => rowTotal(t6, r))),
    cells: rows.map((r) => cellRef(t6, r, "合计")),
    where: `表6 ${codes.join("+")}`,
  };
}

/** The table figure a measure key names, when the disclosure prints the table it comes from. */
export function tableFigure(disclosure: Disclosure, key: string): TableFigure | undefined {
  const colon = key.indexOf(":");
  const kind = colon < 0 ? key : key.slice(0, colon);
  const qualifier = colon < 0 ? "" : key.slice(colon + 1);
  switch (kind) {
    case "function":
      return functionFigure(disclosure, qualifier);
    case "deptEconomic":
    case "govEconomic":
      return economicFigure(disclosure, kind, qualifier);
    case "nature":
      return NATURE_COLUMNS[qualifier] ? natureFigure(disclosure, [qualifier]) : undefined;
    case "basicExpenditure":
      return natureFigure(disclosure, ["人员经费", "公用经费"]);
    case "projectExpenditure":
      return natureFigure(disclosure, ["专项业务经费"]);
    case "generalBudgetExpenditure":
      return generalBudgetExpenditure(disclosure);
    case "generalBudgetRevenue":
      return generalBudgetRevenue(disclosure);
    case "revenueTotal":
      return blockTotal(disclosure, 1, "收入", "本年收入合计");
    case "expenditureTotal":
      return blockTotal(disclosure, 1, "支出功能分类", "本年支出合计");
    case "fiscalRevenue":
      return blockTotal(disclosure, 4, "收入", "本年收入合计");
    case "fiscalExpenditure":
      return blockTotal(disclosure, 4, "支出功能分类", "本年支出合计");
    case "threePublic":
      return threePublicFigure(disclosure, qualifier);
    default:
      return undefined;
  }
}
