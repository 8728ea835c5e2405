/**
 * Selecting and summing a BudgetDocument's expenditure lines and revenue items. Every table figure is
 * one of these sums, which is why the tables agree with each other by construction.
 */
import type { BudgetDocument, Expenditure, Revenue } from "../model/budget-document.ts";
import { type Fen, sumFen } from "../model/money.ts";
import type { Nature, RevenueSource } from "../model/vocabulary.ts";

export interface LineFilter {
  readonly fundSources?: readonly RevenueSource[];
  readonly natures?: readonly Nature[];
  /** Code prefixes: `201` matches every 项 of 类 201. */
  readonly function?: string;
  readonly deptEconomic?: string;
  readonly govEconomic?: string;
  readonly unit?: string;
  readonly project?: string;
}

/** `docUnit` stands for lines that name no unit (a single unit's document). */
export function lineMatches(line: Expenditure, filter: LineFilter, docUnit: string): boolean {
  return (
    (filter.fundSources === undefined || filter.fundSources.includes(line.fundSource)) &&
    (filter.natures === undefined || filter.natures.includes(line.nature)) &&
    (filter.function === undefined || line.functionCode.startsWith(filter.function)) &&
    (filter.deptEconomic === undefined || line.deptEconomicCode.startsWith(filter.deptEconomic)) &&
    (filter.govEconomic === undefined || line.govEconomicCode.startsWith(filter.govEconomic)) &&
    (filter.unit === undefined || (line.unit ?? docUnit) === filter.unit) &&
    (filter.project === undefined || line.project === filter.project)
  );
}

export function selectLines(doc: BudgetDocument, filter: LineFilter): Expenditure[] {
  return doc.expenditure.filter((line) => lineMatches(line, filter, doc.unit.code));
}

export function sumLines(doc: BudgetDocument, filter: LineFilter): Fen {
  return sumFen(selectLines(doc, filter).map((l) => l.amount));
}

export interface RevenueFilter {
  readonly sources: readonly RevenueSource[];
  readonly unit?: string;
  /** Sum this sub-amount (其中 …) instead of the item's amount. */
  readonly field?: "specialFunds" | "financialAccount";
}

export function sumRevenue(doc: BudgetDocument, filter: RevenueFilter): Fen {
  return sumFen(
    doc.revenue
      .filter((r: Revenue) => filter.sources.includes(r.source) && (filter.unit === undefined || (r.unit ?? doc.unit.code) === filter.unit))
      .map((r) => (filter.field ? r[filter.field] : r.amount)),
  );
}

/** The units a table lists one row each for: the member units of a department, else the unit itself. */
export function reportingUnits(doc: BudgetDocument): { code: string; name: string }[] {
  return doc.scope === "部门" && doc.memberUnits.length > 0
    ? doc.memberUnits.map((u) => ({ code: u.code, name: u.name }))
    : [{ code: doc.unit.code, name: doc.unit.name }];
}

/** Groups lines by a key, keeping first-seen order; callers sort as their table requires. */
export function groupLines<K>(lines: readonly Expenditure[], key: (l: Expenditure) => K): Map<K, Expenditure[]> {
  const groups = new Map<K, Expenditure[]>();
  for (const line of lines) {
    const k = key(line);
    const list = groups.get(k);
    if (list) list.push(line);
    else groups.set(k, [line]);
  }
  return groups;
}
