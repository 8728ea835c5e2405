/**
 * @fileoverview A share the 说明 states (“占支出总预算 78.33%”) is the figure divided by the total it
 * names, rounded to the printed decimals. The total is 表1's 本年支出合计 (or 本年收入合计, or the
 * 一般公共预算 / 财政拨款 total the words name) when the tables are there, else the same total stated in
 * the 说明. Both figures may carry the narrative's rounding, so a share is wrong only when no values
 * within that rounding give the printed percent. Shares forced to add up to 100% fail here.
 */
import type { Catalog } from "../../catalog/catalog.ts";
import type { Claim, ReadClaimsResult } from "../../narrative/read/claims.ts";
import type { Disclosure } from "../../model/disclosure.ts";
import type { Fen } from "../../model/money.ts";
import type { Report, Rule } from "../rule.ts";
import { yuanText } from "../tables.ts";
import { claimsOf, isCurrentYear, narrativeRef, pathText, percentAgrees, percentText, roundingOf, subjectText, tableFigure } from "../narrative-figures.ts";

// ---------------------------------------------------------------------------------------------------
// Helpers

/** The measure a share's base names, most specific words first. */
function baseKey(of: string): string | undefined {
  if (/一般公共预算/.test(of)) return "generalBudgetExpenditure";
  if (/财政拨款/.test(of)) return /收入/.test(of) ? "fiscalRevenue" : "fiscalExpenditure";
  if (/收入/.test(of)) return "revenueTotal";
  if (/支出/.test(of)) return "expenditureTotal";
  return undefined;
}

interface Base {
  readonly amount: number;
  readonly slack: number;
}

function baseOf(disclosure: Disclosure, key: string, claims: ReadClaimsResult["claims"]): Base | undefined {
  const figure = tableFigure(disclosure, key);
  if (figure) return { amount: figure.amount, slack: 0 };
  const stated = claims.find((c) => c.subject.key === key && c.amount && isCurrentYear(c, disclosure));
  return stated?.amount ? { amount: stated.amount.fen, slack: roundingOf(stated.amount) } : undefined;
}

// ---------------------------------------------------------------------------------------------------
// Rule Definition

export const meta: Rule["meta"] = {
  id: "narrative-share",
  description: "说明中的占比等于该项金额除以所称总额",
  category: "narrative",
  severity: "error",
  tables: [1, 4],
  messages: {
    shareMismatch: "说明{path}：“{subject}”占{of} {actual}%，按 {amount} ÷ {base} 应为 {expected}%",
  },
};

export function* check(disclosure: Disclosure, context: { catalog?: Catalog }): Generator<Report> {
  const { claims } = claimsOf(disclosure, context.catalog);
  for (const claim of claims as readonly Claim[]) {
    if (!claim.share || !claim.amount || !isCurrentYear(claim, disclosure)) continue;
    const key = baseKey(claim.share.of);
    const base = key && baseOf(disclosure, key, claims);
    if (!base || base.amount <= 0) continue;
    const { percent } = claim.share;
    if (percentAgrees(claim.amount.fen, roundingOf(claim.amount), base.amount, base.slack, percent)) continue;
    const expected = percentText(claim.amount.fen, base.amount, percent.decimals);
    yield {
      messageId: "shareMismatch",
      data: {
        path: pathText(claim),
        subject: subjectText(claim),
        of: claim.share.of,
        actual: percent.text,
        amount: claim.amount.text,
        base: yuanText(base.amount as Fen),
        expected,
      },
      cells: [],
      narrative: narrativeRef(claim),
      expected: `${expected}%`,
      actual: `${percent.text}%`,
      fix: { description: `把占比改为 ${expected}%` },
    };
  }
}

const rule: Rule = { meta, check };
export default rule;
