/**
 * @fileoverview Figures the 说明 lists under a total (其中…, 具体为…) add up to it within the rounding of
 * the parts: each part printed in 万元 (0.01) may be off by 0.005 万元, so the tolerance is 0.005 万元 per
 * such part; parts printed in 元 are exact. Parts that add to more than the total are always wrong;
 * parts that add to less are wrong only when the list is known to be the whole (具体为…, 人员+公用+专项,
 * the 三公 items, several 科目 of one level) and the text does not stop mid-list. A 项 printed beside its
 * 类 is counted once (under its 类), and a list with a part that cannot be attributed is not added up.
 */
import type { Catalog } from "../../catalog/catalog.ts";
import type { Disclosure } from "../../model/disclosure.ts";
import { type Fen, sumFen } from "../../model/money.ts";
import type { Claim, PartsList } from "../../narrative/read/claims.ts";
import { isKnownPartition } from "../../narrative/read/keys.ts";
import type { Report, Rule } from "../rule.ts";
import { claimsOf, exactLike, narrativeRef, pathText, printed, printedLike, roundingOf, subjectText } from "../narrative-figures.ts";

// ---------------------------------------------------------------------------------------------------
// Helpers

/** The parts of a list with their amounts, when every part is attributed and states one. */
function addableParts(list: PartsList, claims: readonly Claim[]): Claim[] | undefined {
  const parts = list.parts.map((id) => claims[id]!);
  return parts.every((p) => p.subject.key !== undefined && p.amount !== undefined) ? parts : undefined;
}

/** Whether parts adding to less than the total leave something out. */
function isWhole(list: PartsList, parent: Claim, parts: readonly Claim[]): boolean {
  if (!list.complete) return false;
  if (list.marker === "具体为") return true;
  return isKnownPartition(parent.subject.key, parts.map((p) => p.subject.key!));
}

// ---------------------------------------------------------------------------------------------------
// Rule Definition

export const meta: Rule["meta"] = {
  id: "narrative-parts-sum",
  description: "说明中“其中”所列各项之和与总数一致（允许各项舍入误差）",
  category: "narrative",
  severity: "error",
  tables: [],
  messages: {
    partsExceed: "说明{path}：“{subject}”为 {total}，其下所列 {count} 项之和为 {sum}，超出 {difference}（舍入至多 {tolerance}）",
    partsShort: "说明{path}：“{subject}”为 {total}，其下所列 {count} 项之和为 {sum}，少 {difference}（舍入至多 {tolerance}）",
  },
};

export function* check(disclosure: Disclosure, context: { catalog?: Catalog }): Generator<Report> {
  const { claims, lists } = claimsOf(disclosure, context.catalog);
  for (const list of lists) {
    const parent = claims[list.parent]!;
    const parts = addableParts(list, claims);
    if (!parent.amount || !parts) continue;
    const sum = sumFen(parts.map((p) => p.amount!.fen));
    const tolerance = parts.reduce((t, p) => t + roundingOf(p.amount!), 0);
    const difference = sum - parent.amount.fen;
    if (Math.abs(difference) <= tolerance) continue;
    if (difference < 0 && !isWhole(list, parent, parts)) continue;
    const data = {
      path: pathText(parent),
      subject: subjectText(parent),
      total: printed(parent.amount),
      count: parts.length,
      sum: printedLike(sum, parent.amount),
      difference: exactLike(Math.abs(difference) as Fen, parent.amount),
      tolerance: exactLike(tolerance as Fen, parent.amount),
    };
    const place = { cells: [], narrative: narrativeRef(parent), expected: parent.amount.fen, actual: sum, difference: difference as Fen };
    if (difference > 0) yield { messageId: "partsExceed", data, ...place };
    else yield { messageId: "partsShort", data, ...place };
  }
}

const rule: Rule = { meta, check };
export default rule;
