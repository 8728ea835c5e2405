/**
 * @fileoverview In 表2, 表3 and 表5–表8 each row's 合计 column equals the sum of the columns it is made
 * of: the nature columns (人员经费 + 公用经费 + 专项业务经费 …) or, in 表2, the revenue sources, where a
 * grouped column's 小计 equals its parts and “其中” columns are not added.
 */
import type { Disclosure } from "../../model/disclosure.ts";
import { type Fen, sumFen } from "../../model/money.ts";
import type { Row, Table } from "../../model/table.ts";
import type { TableNumber } from "../../model/vocabulary.ts";
import type { Report, Rule } from "../rule.ts";
import { allAmountsBlank, amountColumns, amountOf, amountsOf, cellRef, columnIndex, normaliseLabel, tableWithContent, yuanText } from "../tables.ts";

// ---------------------------------------------------------------------------------------------------
// Helpers

const TABLES: readonly TableNumber[] = [2, 3, 5, 6, 7, 8];

/** One sum a row must satisfy: the column at `target` = Σ the columns at `parts`. */
interface ColumnSum {
  readonly target: number;
  readonly parts: readonly number[];
}

const isOfWhich = (label: string) => normaliseLabel(label).startsWith("其中");
const parentOf = (label: string) => (label.includes("/") ? label.slice(0, label.indexOf("/")) : undefined);
const leafOf = (label: string) => label.slice(label.indexOf("/") + 1);

/**
 * Whether a column adds into 合计. The standard columns do. A column the reader kept from another
 * template (key `extra:…`) does when it is a source or a split the standard columns lack (基本支出
 * beside 项目支出, 财政专户管理资金, 单位资金), but not a comparison figure (年初预算数, 上年决算数 …) nor
 * 基本支出 printed beside 人员经费 and 公用经费, which it repeats.
 */
function isPartOfTotal(table: Table, i: number): boolean {
  const column = table.columns[i]!;
  if (!column.key.startsWith("extra:")) return true;
  const label = normaliseLabel(column.label);
  if (/预算|决算|上年|年初|调整|行次|栏次/.test(label)) return false;
  if (label.includes("基本支出")) return columnIndex(table, "人员经费支出") < 0 && columnIndex(table, "公用经费支出") < 0;
  return true;
}

/** The sums a table's columns define: 合计 = Σ top columns, and each group's 小计 = Σ its parts. */
function columnSums(table: Table): ColumnSum[] {
  const total = columnIndex(table, "合计");
  if (total < 0) return [];
  const sums: ColumnSum[] = [];
  const topParts: number[] = [];
  const groups = new Map<string, number[]>();
  for (const i of amountColumns(table)) {
    const label = table.columns[i]!.label;
    if (i === total || isOfWhich(leafOf(label)) || !isPartOfTotal(table, i)) continue;
    const parent = parentOf(label);
    if (parent === undefined) topParts.push(i);
    else groups.set(parent, [...(groups.get(parent) ?? []), i]);
  }
  for (const members of groups.values()) {
    const subtotal = members.find((i) => normaliseLabel(leafOf(table.columns[i]!.label)) === "小计");
    const parts = members.filter((i) => i !== subtotal);
    if (subtotal === undefined) topParts.push(...parts);
    else {
      topParts.push(subtotal);
      // A 小计 whose only siblings are “其中” columns (事业收入 / 其中：纳入财政专户…) is not a sum of them.
      if (parts.length > 0) sums.push({ target: subtotal, parts });
    }
  }
  return [{ target: total, parts: topParts }, ...sums];
}

function* checkRow(table: Table, row: Row, sums: readonly ColumnSum[]): Generator<Report> {
  for (const { target, parts } of sums) {
    const expected: Fen = sumFen(parts.map((i) => amountOf(table, row, i)));
    const actual = amountOf(table, row, target);
    if (expected === actual) continue;
    yield {
      messageId: "rowMismatch",
      data: {
        table: table.number,
        row: row.code ?? row.label,
        column: table.columns[target]!.label,
        parts: parts.map((i) => table.columns[i]!.label).join("、"),
        expected: yuanText(expected),
        actual: yuanText(actual),
      },
      cells: [cellRef(table, row, target)],
      ...amountsOf(expected, actual),
    };
  }
}

// ---------------------------------------------------------------------------------------------------
// Rule Definition

export const meta: Rule["meta"] = {
  id: "row-total",
  description: "每行的合计列等于各组成列之和（人员经费、公用经费、专项业务经费等）",
  category: "arithmetic",
  severity: "error",
  tables: TABLES,
  messages: {
    rowMismatch: "表{table}“{row}”行的“{column}”为 {actual}，但{parts}之和为 {expected}",
  },
};

export function* check(disclosure: Disclosure): Generator<Report> {
  for (const number of TABLES) {
    const table = tableWithContent(disclosure, number);
    if (!table || table.layout !== "rows") continue;
    const sums = columnSums(table);
    for (const row of table.rows) {
      if (row.kind === "heading" || allAmountsBlank(table, row)) continue;
      yield* checkRow(table, row, sums);
    }
  }
}

const rule: Rule = { meta, check };
export default rule;
