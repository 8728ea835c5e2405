/**
 * @fileoverview 表12 “三公”经费及会议费、培训费表 restates 表6 一般公共预算支出明细表（经济分类）: each of
 * its items equals the 合计 of one 部门经济科目 款 of 表6 (公务接待费 30217, 公务用车运行维护费 30231,
 * 公务用车购置 31013, 因公出国（境）费用 30212, 会议费 30215, 培训费 30216; a 款 absent from 表6 is 0).
 * Without 表6, each item is at least its 款 in the 基本支出 table 表8.
 * Inside 表12, “三公”经费合计 = 因公出国（境）费 + 公务用车购置及运行费 + 公务接待费, and the 公务用车 小计
 * = 购置费 + 运行维护费. A 合计 row printed blank counts as the sum of its rows.
 */
import type { Disclosure } from "../../model/disclosure.ts";
import { type Fen, sumFen, ZERO } from "../../model/money.ts";
import type { Row, Table } from "../../model/table.ts";
import type { Report, Rule } from "../rule.ts";
import { allAmountsBlank, amountOf, amountOrNull, amountsOf, cellRef, columnIndex, detailRows, tableTotal, tableWithContent, yuanText } from "../tables.ts";

// ---------------------------------------------------------------------------------------------------
// Helpers

const TOTAL = "“三公”经费合计";
const TRAVEL = "因公出国（境）费";
const VEHICLES = "公务用车购置及运行费/小计";
const PURCHASE = "公务用车购置及运行费/公务用车购置费";
const OPERATION = "公务用车购置及运行费/公务用车运行维护费";
const RECEPTION = "公务接待费";

/** Each 表12 column and the 表6 款 it restates. */
const ITEMS: readonly { readonly column: string; readonly code: string }[] = [
  { column: TRAVEL, code: "30212" },
  { column: PURCHASE, code: "31013" },
  { column: OPERATION, code: "30231" },
  { column: RECEPTION, code: "30217" },
  { column: "会议费", code: "30215" },
  { column: "培训费", code: "30216" },
];

/** The sums inside each row of 表12: a column and the columns it adds up. */
const SUMS: readonly { readonly target: string; readonly parts: readonly string[] }[] = [
  { target: VEHICLES, parts: [PURCHASE, OPERATION] },
  { target: TOTAL, parts: [TRAVEL, VEHICLES, RECEPTION] },
];

/** The 合计 of 表6's rows with a 款 code (0 when 表6 has no such row). */
function detailAmount(detail: Table, code: string): { value: Fen; rows: Row[] } {
  const rows = detailRows(detail).filter((r) => r.code === code);
  return { value: sumFen(rows.map((r) => amountOf(detail, r, "合计"))), rows };
}

function* checkItems(three: Table, detail: Table): Generator<Report> {
  for (const { column, code } of ITEMS) {
    if (columnIndex(three, column) < 0) continue;
    const actual = tableTotal(three, column);
    const { value: expected, rows } = detailAmount(detail, code);
    if (actual === expected) continue;
    const label = column.slice(column.indexOf("/") + 1);
    yield {
      messageId: "itemMismatch",
      data: { column: label, code, expected: yuanText(expected), actual: yuanText(actual) },
      cells: [cellRef(three, undefined, column), ...(rows.length > 0 ? rows.map((r) => cellRef(detail, r, "合计")) : [cellRef(detail, undefined, "合计")])],
      ...amountsOf(expected, actual),
    };
  }
}

/**
 * Without 表6 (the central 9-table set and most provinces print only the 基本支出 table by economic
 * class, 表8), an item can still not be less than its 款 in 表8: 三公 money spent in 基本支出 is part of it.
 */
function* checkAgainstBasic(three: Table, basic: Table): Generator<Report> {
  for (const { column, code } of ITEMS) {
    if (columnIndex(three, column) < 0) continue;
    const printed = tableTotal(three, column);
    const { value: basicPart, rows } = detailAmount(basic, code);
    if (printed >= basicPart) continue;
    const label = column.slice(column.indexOf("/") + 1);
    yield {
      messageId: "lessThanBasic",
      data: { column: label, code, basic: yuanText(basicPart), actual: yuanText(printed) },
      cells: [cellRef(three, undefined, column), ...rows.map((r) => cellRef(basic, r, "合计"))],
      expected: basicPart,
      actual: printed,
    };
  }
}

/** A part of a sum: the 公务用车 小计 as printed, else its own parts. */
function partValue(table: Table, row: Row, column: string): Fen {
  const printed = amountOrNull(table, row, column);
  if (printed !== null || column !== VEHICLES) return printed ?? ZERO;
  return sumFen([amountOf(table, row, PURCHASE), amountOf(table, row, OPERATION)]);
}

function* checkSums(three: Table): Generator<Report> {
  for (const row of three.rows) {
    if (row.kind === "heading" || allAmountsBlank(three, row)) continue;
    for (const { target, parts } of SUMS) {
      if ([target, ...parts].some((c) => columnIndex(three, c) < 0)) continue;
      const actual = amountOrNull(three, row, target);
      if (actual === null) continue;
      const expected = sumFen(parts.map((p) => partValue(three, row, p)));
      if (expected === actual) continue;
      yield {
        messageId: "sumMismatch",
        data: { row: row.code ?? row.label, column: target.slice(target.indexOf("/") + 1), expected: yuanText(expected), actual: yuanText(actual) },
        cells: [cellRef(three, row, target)],
        ...amountsOf(expected, actual),
      };
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// Rule Definition

export const meta: Rule["meta"] = {
  id: "three-public-vs-detail",
  description: "“三公”经费及会议费、培训费表（表12）与经济分类明细表（表6）一致，“三公”经费合计等于各项之和",
  category: "agreement",
  severity: "error",
  tables: [6, 8, 12],
  messages: {
    itemMismatch: "表12“{column}”为 {actual}，表6 部门经济科目 {code} 为 {expected}",
    sumMismatch: "表12“{row}”行的“{column}”为 {actual}，但其组成各项之和为 {expected}",
    lessThanBasic: "表12“{column}”为 {actual}，少于表8 基本支出中部门经济科目 {code} 的 {basic}",
  },
};

export function* check(disclosure: Disclosure): Generator<Report> {
  const three = tableWithContent(disclosure, 12);
  if (!three) return;
  yield* checkSums(three);
  const detail = tableWithContent(disclosure, 6);
  if (detail) {
    yield* checkItems(three, detail);
    return;
  }
  const basic = tableWithContent(disclosure, 8);
  if (basic) yield* checkAgainstBasic(three, basic);
}

const rule: Rule = { meta, check };
export default rule;
