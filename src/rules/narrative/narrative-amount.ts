/**
 * @fileoverview Every amount the 说明 states for the disclosure's year equals the table figure it names,
 * after the same rounding: a 万元 figure is the table's 元 amount rounded half-up to 0.01 万元, a 元
 * figure is exact. A 功能分类 项 is 表5's row 合计; a 类/款 the sum of its 项; a 部门经济分类 类 the sum of
 * 表6's 款 of that 类, a 政府经济分类 class the sum of 表6's rows mapped to it; the totals 表1/表4; 人员、
 * 公用、专项业务经费 表5's columns (Σ rows when the 合计 row is blank); 三公 表12, else 表6's 30217 etc.
 * Figures of other years, and 政府经济 classes the tables do not use (see narrative-economic-class),
 * are not compared. The fix is the table figure rounded as the narrative prints it.
 */
import type { Catalog } from "../../catalog/catalog.ts";
import type { Disclosure } from "../../model/disclosure.ts";
import type { Report, Rule } from "../rule.ts";
import { claimsOf, isCurrentYear, narrativeRef, pathText, printed, printedLike, roundedLike, subjectText, tableFigure } from "../narrative-figures.ts";
import { yuanText } from "../tables.ts";

// ---------------------------------------------------------------------------------------------------
// Rule Definition

export const meta: Rule["meta"] = {
  id: "narrative-amount",
  description: "说明中的每个金额与报表对应数按同样舍入后一致",
  category: "narrative",
  severity: "error",
  tables: [1, 4, 5, 6, 12],
  messages: {
    amountMismatch: "说明{path}：“{subject}”为 {actual}，{where} 为 {table} 元，应为 {expected}",
  },
};

export function* check(disclosure: Disclosure, context: { catalog?: Catalog }): Generator<Report> {
  const { claims } = claimsOf(disclosure, context.catalog);
  for (const claim of claims) {
    const key = claim.subject.key;
    if (!key || !claim.amount || !isCurrentYear(claim, disclosure)) continue;
    const figure = tableFigure(disclosure, key);
    if (!figure) continue;
    const expected = roundedLike(figure.amount, claim.amount);
    if (expected === claim.amount.fen) continue;
    const expectedText = printedLike(expected, claim.amount);
    yield {
      messageId: "amountMismatch",
      data: {
        path: pathText(claim),
        subject: subjectText(claim),
        actual: printed(claim.amount),
        where: figure.where,
        table: yuanText(figure.amount),
        expected: expectedText,
      },
      cells: figure.cells,
      narrative: narrativeRef(claim),
      expected,
      actual: claim.amount.fen,
      difference: (claim.amount.fen - expected) as typeof expected,
      fix: { description: `把“${subjectText(claim)}”的金额改为 ${expectedText}` },
    };
  }
}

const rule: Rule = { meta, check };
export default rule;
