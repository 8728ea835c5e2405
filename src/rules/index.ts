/**
 * The registry of checker rules: explicit and sorted by id (a test checks the order). Nothing scans
 * the directory; a rule file that is not listed here is reported by the catalogue test.
 */
import basicVsDetail from "./agreement/basic-vs-detail.ts";
import blockTotal from "./arithmetic/block-total.ts";
import columnTotal from "./arithmetic/column-total.ts";
import coverStatements from "./template/cover-statements.ts";
import economicCodeKnown from "./catalog/economic-code-known.ts";
import economicDetailLevel from "./catalog/economic-detail-level.ts";
import economicMapping from "./catalog/economic-mapping.ts";
import economicName from "./catalog/economic-name.ts";
import economicSummaryVsDetail from "./agreement/economic-summary-vs-detail.ts";
import emptyTableReason from "./template/empty-table-reason.ts";
import functionCodeKnown from "./catalog/function-code-known.ts";
import functionDetailLevel from "./catalog/function-detail-level.ts";
import functionName from "./catalog/function-name.ts";
import indicatorValues from "./template/indicator-values.ts";
import generalBudgetTotals from "./agreement/general-budget-totals.ts";
import narrativeAmount from "./narrative/narrative-amount.ts";
import narrativeChange from "./narrative/narrative-change.ts";
import narrativeEconomicClass from "./narrative/narrative-economic-class.ts";
import narrativePartsSum from "./narrative/narrative-parts-sum.ts";
import narrativeShare from "./narrative/narrative-share.ts";
import narrativeTerm from "./narrative/narrative-term.ts";
import overallTargetsVsTotal from "./agreement/overall-targets-vs-total.ts";
import projectsVsDetail from "./agreement/projects-vs-detail.ts";
import rowTotal from "./arithmetic/row-total.ts";
import type { Rule } from "./rule.ts";
import summaryVsFiscal from "./agreement/summary-vs-fiscal.ts";
import tablesPresent from "./template/tables-present.ts";
import threePublicVsDetail from "./agreement/three-public-vs-detail.ts";
import tocTitle from "./template/toc-title.ts";

export const RULES: readonly Rule[] = [
  /* keep sorted */
  basicVsDetail,
  blockTotal,
  columnTotal,
  coverStatements,
  economicCodeKnown,
  economicDetailLevel,
  economicMapping,
  economicName,
  economicSummaryVsDetail,
  emptyTableReason,
  functionCodeKnown,
  functionDetailLevel,
  functionName,
  generalBudgetTotals,
  indicatorValues,
  narrativeAmount,
  narrativeChange,
  narrativeEconomicClass,
  narrativePartsSum,
  narrativeShare,
  narrativeTerm,
  overallTargetsVsTotal,
  projectsVsDetail,
  rowTotal,
  summaryVsFiscal,
  tablesPresent,
  threePublicVsDetail,
  tocTitle,
];
