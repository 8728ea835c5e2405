/**
 * @fileoverview The economic blocks of 表1 收支总表 and 表4 财政拨款收支总表 summarise 表6 by 类, when all
 * the money they show is 一般公共预算 (表6 covers only that). In the 部门预算支出经济分类 block, each 类 row
 * under “人员经费和公用经费支出” equals Σ 表6 人员经费 + 公用经费 over the 款 of that 类, and each under
 * “专项业务经费支出” equals Σ 表6 专项业务经费; in the 政府预算支出经济分类 block, each 类 row equals Σ 表6
 * 合计 over the rows whose 政府经济科目编码 begins with that 类. A row printed without a code is matched
 * to its 类 by name (the catalog's 类 names, and the template's own wording 对个人和家庭补助); a blank
 * figure counts as 0.
 */
import { type Catalog, type CatalogEntry, sameCatalogName } from "../../catalog/catalog.ts";
import type { Disclosure } from "../../model/disclosure.ts";
import { sumFen } from "../../model/money.ts";
import type { Row, Table } from "../../model/table.ts";
import type { Report, Rule } from "../rule.ts";
import {
  allGeneralBudget,
  amountOf,
  amountsOf,
  blockBody,
  blockRows,
  cellRef,
  cellValue,
  columnIndex,
  detailRows,
  stripNumbering,
  tableWithContent,
  yuanText,
} from "../tables.ts";

// ---------------------------------------------------------------------------------------------------
// Helpers

const DEPT = "部门预算支出经济分类";
const GOV = "政府预算支出经济分类";
const GOV_CODE = "政府经济科目编码";

/** The 表6 columns behind each parent row of the 部门经济 block. */
const NATURE_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  人员经费和公用经费支出: ["人员经费支出", "公用经费支出"],
  专项业务经费支出: ["专项业务经费支出"],
  基本支出: ["人员经费支出", "公用经费支出"],
  项目支出: ["专项业务经费支出"],
};

/** Wordings the Shaanxi template prints for a 类 instead of the catalog's name. */
const TEMPLATE_WORDINGS: Readonly<Record<string, string>> = { 对个人和家庭补助: "303" };

/** The 类 code of a block row: its printed code, else the 类 its name names. */
function classCode(row: Row, classes: readonly CatalogEntry[]): string | undefined {
  if (row.code !== undefined) return row.code;
  const name = stripNumbering(row.label);
  return classes.find((c) => sameCatalogName(c.name, name))?.code ?? TEMPLATE_WORDINGS[name];
}

/** The 表6 rows and columns a block row summarises. */
interface Summarised {
  readonly rows: readonly Row[];
  readonly columns: readonly string[];
}

/** The report's content (without its messageId) when `row` of the block differs from Σ `what` in 表6. */
function compare(summary: Table, row: Row, detail: Table, code: string, what: Summarised, parent = ""): Omit<Report, "messageId"> | undefined {
  const expected = sumFen(what.rows.flatMap((r) => what.columns.map((c) => amountOf(detail, r, c))));
  const actual = amountOf(summary, row);
  if (expected === actual) return undefined;
  return {
    data: {
      table: summary.number,
      group: row.group ?? "",
      parent,
      row: stripNumbering(row.label),
      code,
      columns: what.columns.join("、"),
      expected: yuanText(expected),
      actual: yuanText(actual),
    },
    cells: [cellRef(summary, row, summary.columns[0]?.label), ...what.rows.map((r) => cellRef(detail, r, what.columns[0]))],
    ...amountsOf(expected, actual),
  };
}

/** The item rows of a block above its 合计, and the level its top items are printed at. */
function blockItems(summary: Table, group: string): { rows: Row[]; top: number } {
  const rows = blockBody(blockRows(summary, group)).filter((r) => r.kind === "item");
  return { rows, top: Math.min(...rows.map((r) => r.level)) };
}

function* checkDeptBlock(summary: Table, detail: Table, catalog: Catalog): Generator<Report> {
  const { rows, top } = blockItems(summary, DEPT);
  const classes = catalog.entries("deptEconomic", "类");
  const details = detailRows(detail);
  let parent = "";
  for (const row of rows) {
    if (row.level === top) parent = stripNumbering(row.label);
    const columns = NATURE_COLUMNS[parent];
    // A 表6 printed without one of the nature columns cannot say what the block should hold.
    if (columns?.some((c) => columnIndex(detail, c) < 0)) continue;
    const code = row.level > top && columns ? classCode(row, classes) : undefined;
    if (code === undefined || columns === undefined) continue;
    const what = { rows: details.filter((r) => r.code?.startsWith(code) === true), columns };
    const found = compare(summary, row, detail, code, what, parent);
    if (found) yield { messageId: "deptClassMismatch", ...found };
  }
}

function* checkGovBlock(summary: Table, detail: Table, catalog: Catalog): Generator<Report> {
  const { rows, top } = blockItems(summary, GOV);
  const classes = catalog.entries("govEconomic", "类");
  const details = detailRows(detail);
  const govCode = (r: Row) => cellValue(detail, r, GOV_CODE);
  for (const row of rows) {
    const code = row.level === top ? classCode(row, classes) : undefined;
    if (code === undefined) continue;
    const matching = details.filter((r) => String(govCode(r) ?? "").startsWith(code));
    const found = compare(summary, row, detail, code, { rows: matching, columns: ["合计"] });
    if (found) yield { messageId: "govClassMismatch", ...found };
  }
}

// ---------------------------------------------------------------------------------------------------
// Rule Definition

export const meta: Rule["meta"] = {
  id: "economic-summary-vs-detail",
  description: "收支总表（表1、表4）经济分类各类金额等于一般公共预算支出明细表（表6）按类汇总",
  category: "agreement",
  severity: "error",
  tables: [1, 4, 6],
  messages: {
    deptClassMismatch: "表{table}“{parent}”下的“{row}”为 {actual}，表6 {code} 类的{columns}之和为 {expected}",
    govClassMismatch: "表{table}“{group}”栏的“{row}”为 {actual}，表6 政府经济科目 {code} 类的合计为 {expected}",
  },
};

export function* check(disclosure: Disclosure, context: { catalog?: Catalog }): Generator<Report> {
  const catalog = context.catalog;
  const detail = tableWithContent(disclosure, 6);
  if (!catalog || !detail) return;
  for (const number of [1, 4] as const) {
    const summary = tableWithContent(disclosure, number);
    if (summary?.layout !== "blocks" || !allGeneralBudget(summary)) continue;
    yield* checkDeptBlock(summary, detail, catalog);
    yield* checkGovBlock(summary, detail, catalog);
  }
}

const rule: Rule = { meta, check };
export default rule;
