/**
 * The registry of checker rules: explicit and sorted by id (a test checks the order). Nothing scans
 * the directory; a rule file that is not listed here is reported by the catalogue test.
 */
import basicVsDetail from "./agreement/basic-vs-detail.ts";
import blockTotal from "./arithmetic/block-total.ts";
import columnTotal from "./arithmetic/column-total.ts";
import economicName from "./catalog/economic-name.ts";
import functionName from "./catalog/function-name.ts";
import generalBudgetTotals from "./agreement/general-budget-totals.ts";
import rowTotal from "./arithmetic/row-total.ts";
import type { Rule } from "./rule.ts";
import summaryVsFiscal from "./agreement/summary-vs-fiscal.ts";
import tablesPresent from "./template/tables-present.ts";

export const RULES: readonly Rule[] = [
  /* keep sorted */
  basicVsDetail,
  blockTotal,
  columnTotal,
  economicName,
  functionName,
  generalBudgetTotals,
  rowTotal,
  summaryVsFiscal,
  tablesPresent,
];
