/**
 * @fileoverview A year-over-year change the 说明 states agrees with itself and with the figures it
 * states: the direction word and the percent's direction word agree; when the narrative prints both
 * years' figures (比上年累计支出 433 万元, or the prior year's figure in another paragraph) the change is
 * their difference; the percent is the change ÷ the base (上年 or 年初预算 = current − change), rounded as
 * printed, allowing for the rounding of 万元 figures; the changes of parts that make up a total add up to
 * the total's change within the parts' rounding (0.005 万元 each); and a change comes with its reason
 * (主要原因是…, C6) — a warning. Checking against prior-year figures of a built disclosure is left for
 * when the Disclosure carries them.
 */
import type { Catalog } from "../../catalog/catalog.ts";
import type { Disclosure } from "../../model/disclosure.ts";
import type { Fen } from "../../model/money.ts";
import type { Claim, PartsList, StatedAmount, StatedChange } from "../../narrative/read/claims.ts";
import type { Report, Rule } from "../rule.ts";
import { claimsOf, exactLike, narrativeRef, pathText, percentAgrees, percentText, printed, roundingOf, subjectText } from "../narrative-figures.ts";

// ---------------------------------------------------------------------------------------------------
// Helpers

const sign = (change: StatedChange): number => (change.direction === "减少" ? -1 : change.direction === "增加" ? 1 : 0);

/** The change as a signed amount in fen, when its size is stated (持平 is 0). */
function signedAmount(change: StatedChange): number | undefined {
  if (change.direction === "持平") return 0;
  if (!change.amount || !change.direction) return undefined;
  return sign(change) * change.amount.fen;
}

/** The one amount other claims state for `key` in `year` (undefined when none, or when they disagree). */
function statedElsewhere(claims: readonly Claim[], key: string | undefined, year: number | undefined): StatedAmount | undefined {
  if (!key || year === undefined) return undefined;
  const found = claims.filter((c) => c.subject.key === key && c.year === year && c.amount && !c.subject.priorYear).map((c) => c.amount!);
  return found.length > 0 && found.every((a) => a.fen === found[0]!.fen) ? found[0] : undefined;
}

/** The change of `key` against `baseKind` that some claim states for `year` (for a total stated in another paragraph). */
function changeElsewhere(claims: readonly Claim[], parent: Claim, baseKind: StatedChange["baseKind"]): StatedChange | undefined {
  const own = parent.changes.find((c) => c.baseKind === baseKind);
  if (own) return own;
  const key = parent.subject.key;
  if (!key) return undefined;
  const found = claims
    .filter((c) => c.subject.key === key && c.year === parent.year && (c.amount?.fen ?? parent.amount?.fen) === parent.amount?.fen)
    .flatMap((c) => c.changes.filter((ch) => ch.baseKind === baseKind && signedAmount(ch) !== undefined));
  return found.length > 0 && found.every((ch) => signedAmount(ch) === signedAmount(found[0]!)) ? found[0] : undefined;
}

interface Context {
  readonly disclosure: Disclosure;
  readonly claims: readonly Claim[];
}

function* checkChange(ctx: Context, claim: Claim, change: StatedChange): Generator<Report> {
  const base = { path: pathText(claim), subject: subjectText(claim), base: change.base };
  const place = { cells: [], narrative: narrativeRef(claim) };
  if (change.percentDirection && change.direction && change.percentDirection !== change.direction) {
    yield { messageId: "directionConflict", data: { ...base, direction: change.direction, percentDirection: change.percentDirection }, ...place };
    return;
  }
  const current = claim.amount ?? statedElsewhere(ctx.claims, claim.subject.key, claim.year);
  const priorYear = change.baseYear ?? (claim.year !== undefined ? claim.year - 1 : undefined);
  const prior = change.prior ?? (change.baseKind === "priorYear" ? statedElsewhere(ctx.claims, claim.subject.key, priorYear) : undefined);
  const stated = signedAmount(change);

  if (current && prior) {
    // Both years are printed: the change is their difference, at the printed figures' precision.
    const difference = current.fen - prior.fen;
    const unit = current.unit === "元" && prior.unit === "元" ? current : { unit: "万元" as const };
    const percent = change.percent && prior.fen > 0 ? `，${percentText(difference, prior.fen, change.percent.decimals)}%` : "";
    if (stated !== undefined && stated !== difference) {
      yield {
        messageId: "wrongChange",
        data: {
          ...base,
          stated: `${change.direction}${change.direction === "持平" ? "" : ` ${exactLike(Math.abs(stated) as Fen, unit)}`}${change.percent ? `、${change.percent.text}%` : ""}`,
          current: printed(current),
          prior: printed(prior),
          expected: `${difference > 0 ? "增加" : difference < 0 ? "减少" : "持平"}${difference === 0 ? "" : ` ${exactLike(Math.abs(difference) as Fen, unit)}${percent}`}`,
        },
        ...place,
        expected: difference as Fen,
        actual: stated as Fen,
        difference: (stated - difference) as Fen,
      };
      return;
    }
    if (change.percent && prior.fen > 0) {
      const slack = roundingOf(current) + roundingOf(prior);
      if (!percentAgrees(difference, slack, prior.fen, roundingOf(prior), change.percent)) {
        yield {
          messageId: "wrongPercent",
          data: { ...base, percent: change.percent.text, expected: percentText(difference, prior.fen, change.percent.decimals), how: `(${printed(current)} − ${printed(prior)}) ÷ ${printed(prior)}` },
          ...place,
        };
      }
    }
    return;
  }

  if (current && stated !== undefined && change.percent && stated !== 0) {
    // The base is current − change.
    const priorFen = current.fen - stated;
    if (priorFen <= 0) return;
    const slackChange = change.amount ? roundingOf(change.amount) : 0;
    if (percentAgrees(stated, slackChange, priorFen, roundingOf(current) + slackChange, change.percent)) return;
    const onCurrent = percentAgrees(stated, slackChange, current.fen, roundingOf(current), change.percent);
    const unit = current.unit === "元" ? current : { unit: "万元" as const };
    yield {
      messageId: "wrongPercent",
      data: {
        ...base,
        percent: change.percent.text,
        expected: percentText(stated, priorFen, change.percent.decimals),
        how: `${exactLike(Math.abs(stated) as Fen, unit)} ÷ (${printed(current)} ${stated > 0 ? "−" : "+"} ${exactLike(Math.abs(stated) as Fen, unit)})${onCurrent ? "；印出的百分比是以本年数而非上年数为基数算出的" : ""}`,
      },
      ...place,
    };
  }
}

function* checkParts(ctx: Context, list: PartsList): Generator<Report> {
  const parent = ctx.claims[list.parent]!;
  const parts = list.parts.map((id) => ctx.claims[id]!);
  if (!parent.amount || parts.some((p) => !p.amount)) return;
  // Only parts that make up the total: their amounts add to it within their rounding.
  const amountSlack = parts.reduce((t, p) => t + roundingOf(p.amount!), 0);
  if (Math.abs(parts.reduce((t, p) => t + p.amount!.fen, 0) - parent.amount.fen) > amountSlack) return;
  for (const baseKind of ["priorYear", "initialBudget"] as const) {
    const total = changeElsewhere(ctx.claims, parent, baseKind);
    const totalAmount = total && signedAmount(total);
    if (totalAmount === undefined) continue;
    const changes = parts.map((p) => p.changes.find((c) => c.baseKind === baseKind));
    if (changes.some((c) => !c || signedAmount(c) === undefined)) continue;
    const sum = changes.reduce((t, c) => t + signedAmount(c!)!, 0);
    const slack = changes.reduce((t, c) => t + (c!.amount ? roundingOf(c!.amount) : 0), 0);
    if (Math.abs(sum - totalAmount) <= slack) continue;
    const unit = parent.amount;
    yield {
      messageId: "partsChangeSum",
      data: {
        path: pathText(parent),
        subject: subjectText(parent),
        base: total!.base,
        total: `${total!.direction} ${exactLike(Math.abs(totalAmount) as Fen, unit)}`,
        count: parts.length,
        sum: `${sum >= 0 ? "增加" : "减少"} ${exactLike(Math.abs(sum) as Fen, unit)}`,
        tolerance: exactLike(slack as Fen, unit),
      },
      cells: [],
      narrative: narrativeRef(parent),
      expected: totalAmount as Fen,
      actual: sum as Fen,
      difference: (sum - totalAmount) as Fen,
    };
  }
}

/** Whether a claim states a change that needs a reason: a rise or fall, not 持平. */
const needsReason = (claim: Claim) => claim.changes.some((c) => (c.direction === "增加" || c.direction === "减少") && (c.amount?.fen !== 0 || c.percent));

/**
 * Whether a reason covers the claim's change: its own, its total's, one given for a part of it, or one
 * given where the same figure is stated again (…较年初预算减少的主要原因是…).
 */
function isExplained(claim: Claim, claims: readonly Claim[]): boolean {
  if (claim.reason) return true;
  if (claim.parent !== undefined && claims[claim.parent]!.reason) return true;
  return claims.some(
    (c) => c.reason && (c.parent === claim.id || (claim.subject.key !== undefined && c.subject.key === claim.subject.key && c.year === claim.year)),
  );
}

// ---------------------------------------------------------------------------------------------------
// Rule Definition

export const meta: Rule["meta"] = {
  id: "narrative-change",
  description: "说明中的增减变化方向、金额、百分比和各项增减之和自洽，并说明原因",
  category: "narrative",
  severity: "error",
  tables: [],
  messages: {
    directionConflict: "说明{path}：“{subject}”{base}{direction}，百分比却写作{percentDirection}",
    wrongChange: "说明{path}：“{subject}”{base}写作{stated}，但本年 {current}、上年 {prior}，应为{expected}",
    wrongPercent: "说明{path}：“{subject}”{base}的百分比写作 {percent}%，按 {how} 应为 {expected}%",
    partsChangeSum: "说明{path}：“{subject}”{base}{total}，其下所列 {count} 项的增减合计为{sum}（舍入至多 {tolerance}）",
    missingReason: "说明{path}：“{subject}”{base}有增减变化，但未说明原因",
  },
};

export function* check(disclosure: Disclosure, context: { catalog?: Catalog }): Generator<Report> {
  const { claims, lists } = claimsOf(disclosure, context.catalog);
  const ctx: Context = { disclosure, claims };
  for (const claim of claims) {
    for (const change of claim.changes) yield* checkChange(ctx, claim, change);
  }
  for (const list of lists) yield* checkParts(ctx, list);
  for (const claim of claims) {
    if (!needsReason(claim) || isExplained(claim, claims)) continue;
    const change = claim.changes.find((c) => c.direction === "增加" || c.direction === "减少")!;
    yield {
      messageId: "missingReason",
      severity: "warning",
      data: { path: pathText(claim), subject: subjectText(claim), base: change.base },
      cells: [],
      narrative: narrativeRef(claim),
    };
  }
}

const rule: Rule = { meta, check };
export default rule;
