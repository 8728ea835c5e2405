/**
 * Which year-over-year changes need a reason before submission: every figure the narrative states with
 * a prior-year figure whose change reaches the deployment's threshold (in percent of the prior figure;
 * any change from a prior of zero counts).
 */
import type { Fen } from "../model/money.ts";

export interface Change {
  readonly key: string;
  readonly label: string;
  readonly amount: Fen;
  readonly prior: Fen;
}

export interface RequiredReason extends Change {
  /** Change in percent of the prior figure, one decimal; undefined when the prior figure is zero. */
  readonly percent: number | undefined;
  readonly reason: string;
}

export function requiredReasons(
  changes: readonly Change[],
  reasons: Readonly<Record<string, string>>,
  thresholdPercent: number,
): RequiredReason[] {
  return changes
    .filter((c) => c.amount !== c.prior)
    .filter((c) => c.prior === 0 || Math.abs(c.amount - c.prior) * 100 >= thresholdPercent * Math.abs(c.prior))
    .map((c) => ({
      ...c,
      percent: c.prior === 0 ? undefined : Math.round(((c.amount - c.prior) * 1000) / c.prior) / 10,
      reason: (reasons[c.key] ?? "").trim(),
    }));
}

export const missingReasons = (required: readonly RequiredReason[]) => required.filter((r) => r.reason === "");
