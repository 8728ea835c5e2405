/**
 * @fileoverview When all of a unit's revenue is 财政拨款, 表4 财政拨款收支总表 repeats 表1 收支总表: every
 * expenditure block agrees row by row. Rows are paired by position in the block (the two templates
 * print the same rows), so a misprinted name does not hide a figure. Figures moved one row in one
 * table (the seed's 表4) are reported once per block, with the rows they belong on; a single differing
 * cell is reported with a fix when only one of the two blocks adds up.
 */
import type { Disclosure } from "../../model/disclosure.ts";
import type { CellRef } from "../../model/finding.ts";
import type { Fen } from "../../model/money.ts";
import type { Row, Table } from "../../model/table.ts";
import type { Report, Rule } from "../rule.ts";
import { amountOf, amountsOf, blockAddsUp, blockNames, blockRows, cellRef, findRow, normaliseLabel, stripNumbering, tableWithContent, yuanText } from "../tables.ts";

// ---------------------------------------------------------------------------------------------------
// Helpers

interface Pair {
  readonly summary: Row;
  readonly fiscal: Row;
  readonly a: Fen;
  readonly b: Fen;
}

/** Whether 表1's revenue is all 财政拨款 (收入总计 = 1、财政拨款). */
function allFiscal(summary: Table): boolean {
  const fiscal = findRow(summary, { group: "收入", label: "财政拨款" });
  const total = findRow(summary, { group: "收入", label: "收入总计" }) ?? findRow(summary, { group: "收入", label: "本年收入合计" });
  return fiscal !== undefined && total !== undefined && amountOf(summary, fiscal) === amountOf(summary, total);
}

/** Rows of the two blocks paired: items by position when both print the same number, totals by name. */
function pairRows(t1: Table, rows1: readonly Row[], t4: Table, rows4: readonly Row[]): Pair[] {
  const body = (rows: readonly Row[]) => rows.slice(0, Math.max(0, rows.findIndex((r) => r.kind === "total")));
  const b1 = body(rows1);
  const b4 = body(rows4);
  const pairs: [Row, Row][] = [];
  if (b1.length === b4.length) b1.forEach((r, i) => pairs.push([r, b4[i]!]));
  for (const r1 of rows1.slice(b1.length)) {
    const r4 = rows4.slice(b4.length).find((r) => stripNumbering(r.label) === stripNumbering(r1.label));
    if (r4) pairs.push([r1, r4]);
  }
  return pairs.map(([summary, fiscal]) => ({ summary, fiscal, a: amountOf(t1, summary), b: amountOf(t4, fiscal) }));
}

/** Whether every differing figure reappears in the other table one row away (a shifted column). */
function isShift(pairs: readonly Pair[], differing: readonly number[]): boolean {
  const set = new Set(differing);
  const near = (i: number, value: Fen, side: "a" | "b") =>
    [i - 1, i + 1].some((j) => set.has(j) && pairs[j]![side] === value);
  return (
    differing.length >= 2 &&
    differing.every((i) => (pairs[i]!.a === 0 || near(i, pairs[i]!.a, "b")) && (pairs[i]!.b === 0 || near(i, pairs[i]!.b, "a")))
  );
}

function* checkBlock(t1: Table, t4: Table, group: string): Generator<Report> {
  const rows1 = blockRows(t1, group);
  const rows4 = blockRows(t4, group);
  if (rows1.length === 0 || rows4.length === 0) return;
  const pairs = pairRows(t1, rows1, t4, rows4);
  const differing = pairs.flatMap((p, i) => (p.a === p.b ? [] : [i]));
  if (differing.length === 0) return;
  const ok1 = blockAddsUp(t1, rows1);
  const ok4 = blockAddsUp(t4, rows4);
  /** The side to correct, when exactly one block adds up. */
  const wrong: "summary" | "fiscal" | undefined = ok1 === ok4 ? undefined : ok1 ? "fiscal" : "summary";
  const column = t1.columns[0]?.label;
  const fixCell = (p: Pair) =>
    wrong === "fiscal"
      ? { cell: cellRef(t4, p.fiscal, column), value: p.a === 0 ? null : p.a }
      : { cell: cellRef(t1, p.summary, column), value: p.b === 0 ? null : p.b };
  if (isShift(pairs, differing) && wrong !== undefined) {
    const right = wrong === "fiscal" ? "summary" : "fiscal";
    const rows = differing.filter((i) => (right === "summary" ? pairs[i]!.a : pairs[i]!.b) !== 0).map((i) => pairs[i]![right]);
    yield {
      messageId: "shiftedRows",
      data: { table: wrong === "fiscal" ? 4 : 1, group, rows: rows.map((r) => stripNumbering(r.label)).join("、"), count: rows.length },
      cells: differing.flatMap((i): CellRef[] => [cellRef(t4, pairs[i]!.fiscal, column), cellRef(t1, pairs[i]!.summary, column)]),
      fix: {
        description: `按表${wrong === "fiscal" ? 1 : 4}把“${group}”栏的金额放回${rows.map((r) => `“${stripNumbering(r.label)}”`).join("、")}行`,
        cells: differing.map((i) => fixCell(pairs[i]!)),
      },
    };
    return;
  }
  for (const i of differing) {
    const p = pairs[i]!;
    const fix = wrong === undefined ? {} : { fix: { description: `改为 ${yuanText(wrong === "fiscal" ? p.a : p.b)}`, cells: [fixCell(p)] } };
    yield {
      messageId: "cellMismatch",
      data: { group, row: stripNumbering(p.summary.label), summary: yuanText(p.a), fiscal: yuanText(p.b) },
      cells: [cellRef(t1, p.summary, column), cellRef(t4, p.fiscal, column)],
      ...(wrong === "summary" ? amountsOf(p.b, p.a) : amountsOf(p.a, p.b)),
      ...fix,
    };
  }
}

// ---------------------------------------------------------------------------------------------------
// Rule Definition

export const meta: Rule["meta"] = {
  id: "summary-vs-fiscal",
  description: "收入全部为财政拨款时，财政拨款收支总表（表4）的支出各栏与收支总表（表1）逐行一致",
  category: "agreement",
  severity: "error",
  tables: [1, 4],
  messages: {
    cellMismatch: "“{group}”栏“{row}”：表1 为 {summary}，表4 为 {fiscal}",
    shiftedRows: "表{table}“{group}”栏的金额错行：{rows}这 {count} 行的金额印在了相邻行",
  },
};

export function* check(disclosure: Disclosure): Generator<Report> {
  const t1 = tableWithContent(disclosure, 1);
  const t4 = tableWithContent(disclosure, 4);
  if (!t1 || !t4 || !allFiscal(t1)) return;
  for (const group of blockNames(t1)) {
    if (normaliseLabel(group).includes("收入")) continue;
    yield* checkBlock(t1, t4, group);
  }
}

const rule: Rule = { meta, check };
export default rule;
