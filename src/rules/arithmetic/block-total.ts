/**
 * @fileoverview In the side-by-side tables (表1 收支总表, 表4 财政拨款收支总表, 表9 政府性基金收支表) each
 * block adds up: its top-level items to 本年收入合计 / 本年支出合计, a parent's numbered children
 * ((1)…(n)) to the parent, 合计 plus the rows below it to 收入总计 / 支出总计, and 收入总计 equals
 * every block's 支出总计. A parent printed blank counts as the sum of its children.
 *
 * When a block does not add up because one figure sits one row away from where it belongs (the
 * seed's 表4 prints 一般公共服务支出's figure on the heading row “一、财政拨款”), and exactly one such
 * move makes the block add up, the finding carries that move as its fix.
 */
import type { Disclosure } from "../../model/disclosure.ts";
import type { CellRef } from "../../model/finding.ts";
import { type Fen, sumFen } from "../../model/money.ts";
import type { Row, Table } from "../../model/table.ts";
import type { TableNumber } from "../../model/vocabulary.ts";
import type { Report, Rule } from "../rule.ts";
import { amountOf, amountOrNull, amountsOf, blockNames, blockRows, cellRef, isOfWhichRow, normaliseLabel, tableWithContent, yuanText } from "../tables.ts";

// ---------------------------------------------------------------------------------------------------
// Helpers

const TABLES: readonly TableNumber[] = [1, 4, 9];

/** A block split where the template splits it: items, the 合计 row, the rows below, the 总计 row. */
interface BlockParts {
  readonly group: string;
  readonly rows: readonly Row[];
  /** Index in `rows` of the first total (本年…合计) and of the last total (…总计), if any. */
  readonly subtotal: number;
  readonly grandTotal: number;
  /** The level the top items are printed at. */
  readonly topLevel: number;
}

function splitBlock(table: Table, group: string): BlockParts | undefined {
  const rows = blockRows(table, group);
  const subtotal = rows.findIndex((r) => r.kind === "total");
  if (subtotal < 0) return undefined;
  const items = rows.slice(0, subtotal).filter((r) => r.kind === "item");
  if (items.length === 0) return undefined;
  const lastTotal = rows.reduce((last, r, i) => (r.kind === "total" ? i : last), subtotal);
  return { group, rows, subtotal, grandTotal: lastTotal, topLevel: Math.min(...items.map((r) => r.level)) };
}

/** The indexes of a top item's children at the next level printed under it (without “其中” rows). */
function childIndexes(parts: BlockParts, index: number): number[] {
  const parent = parts.rows[index]!;
  const under: number[] = [];
  for (let i = index + 1; i < parts.subtotal && parts.rows[i]!.level > parent.level; i += 1) under.push(i);
  const level = Math.min(...under.map((i) => parts.rows[i]!.level));
  return under.filter((i) => parts.rows[i]!.level === level && parts.rows[i]!.kind === "item" && !isOfWhichRow(parts.rows[i]!));
}

function topIndexes(parts: BlockParts): number[] {
  return parts.rows
    .slice(0, parts.subtotal)
    .flatMap((r, i) => (r.kind === "item" && r.level === parts.topLevel && !isOfWhichRow(r) ? [i] : []));
}

/** A top item's value: as printed, or the sum of its children when printed blank. */
function effectiveValue(table: Table, parts: BlockParts, index: number, values: readonly (Fen | null)[]): Fen {
  const own = values[index];
  if (own !== null && own !== undefined) return own;
  return sumFen(childIndexes(parts, index).map((i) => values[i]));
}

function itemsSum(table: Table, parts: BlockParts, values: readonly (Fen | null)[]): Fen {
  return sumFen(topIndexes(parts).map((i) => effectiveValue(table, parts, i, values)));
}

/** Moves of one figure to the adjacent row that make the block's items add up to its 合计. */
function repairingMoves(table: Table, parts: BlockParts, values: readonly (Fen | null)[], target: Fen): { from: number; to: number }[] {
  const tops = new Set(topIndexes(parts));
  const moves: { from: number; to: number }[] = [];
  for (let from = 0; from < parts.subtotal; from += 1) {
    if (values[from] === null || values[from] === 0) continue;
    for (const to of [from - 1, from + 1]) {
      if (to < 0 || to >= parts.subtotal || !tops.has(to) || (values[to] ?? 0) !== 0) continue;
      const moved = values.map((v, i) => (i === from ? null : i === to ? values[from]! : v));
      if (itemsSum(table, parts, moved) === target) moves.push({ from, to });
    }
  }
  return moves;
}

function* checkItems(table: Table, parts: BlockParts): Generator<Report> {
  const values = parts.rows.map((r) => amountOrNull(table, r));
  const totalRow = parts.rows[parts.subtotal]!;
  const expected = itemsSum(table, parts, values);
  const actual = amountOf(table, totalRow);
  if (expected === actual) return;
  const data = { table: table.number, group: parts.group, row: totalRow.label, expected: yuanText(expected), actual: yuanText(actual) };
  const moves = repairingMoves(table, parts, values, actual);
  if (moves.length === 1) {
    const from = parts.rows[moves[0]!.from]!;
    const to = parts.rows[moves[0]!.to]!;
    const fromCell: CellRef = cellRef(table, from, table.columns[0]?.label);
    const toCell: CellRef = cellRef(table, to, table.columns[0]?.label);
    yield {
      messageId: "shiftedValue",
      data: { ...data, from: from.label, to: to.label, value: yuanText(amountOf(table, from)) },
      cells: [fromCell, toCell, cellRef(table, totalRow, table.columns[0]?.label)],
      ...amountsOf(expected, actual),
      fix: {
        description: `把“${from.label}”行的 ${yuanText(amountOf(table, from))} 移到“${to.label}”行`,
        cells: [
          { cell: fromCell, value: null },
          { cell: toCell, value: amountOf(table, from) },
        ],
      },
    };
    return;
  }
  yield { messageId: "blockMismatch", data, cells: [cellRef(table, totalRow, table.columns[0]?.label)], ...amountsOf(expected, actual) };
}

function* checkChildren(table: Table, parts: BlockParts): Generator<Report> {
  for (const index of topIndexes(parts)) {
    const parent = parts.rows[index]!;
    const children = childIndexes(parts, index);
    const printed = amountOrNull(table, parent);
    if (children.length === 0 || printed === null) continue;
    const expected = sumFen(children.map((i) => amountOf(table, parts.rows[i]!)));
    if (expected === printed) continue;
    yield {
      messageId: "childrenMismatch",
      data: { table: table.number, group: parts.group, row: parent.label, expected: yuanText(expected), actual: yuanText(printed) },
      cells: [cellRef(table, parent, table.columns[0]?.label)],
      ...amountsOf(expected, printed),
    };
  }
}

function* checkGrandTotal(table: Table, parts: BlockParts): Generator<Report> {
  if (parts.grandTotal === parts.subtotal) return;
  const between = parts.rows.slice(parts.subtotal, parts.grandTotal);
  const expected = sumFen(between.map((r) => amountOf(table, r)));
  const grand = parts.rows[parts.grandTotal]!;
  const actual = amountOf(table, grand);
  if (expected === actual) return;
  yield {
    messageId: "grandTotalMismatch",
    data: { table: table.number, group: parts.group, row: grand.label, expected: yuanText(expected), actual: yuanText(actual) },
    cells: [cellRef(table, grand, table.columns[0]?.label)],
    ...amountsOf(expected, actual),
  };
}

/** 收入总计 (or 本年收入合计 when the table has no 总计) equals each expenditure block's. */
function* checkBalance(table: Table, blocks: readonly BlockParts[]): Generator<Report> {
  const revenue = blocks.find((b) => normaliseLabel(b.group).includes("收入"));
  if (!revenue) return;
  const last = (b: BlockParts) => b.rows[b.grandTotal]!;
  const revenueTotal = amountOf(table, last(revenue));
  for (const block of blocks) {
    if (block === revenue) continue;
    const actual = amountOf(table, last(block));
    if (actual === revenueTotal) continue;
    yield {
      messageId: "unbalanced",
      data: { table: table.number, group: block.group, row: last(block).label, expected: yuanText(revenueTotal), actual: yuanText(actual) },
      cells: [cellRef(table, last(block), table.columns[0]?.label), cellRef(table, last(revenue), table.columns[0]?.label)],
      ...amountsOf(revenueTotal, actual),
    };
  }
}

// ---------------------------------------------------------------------------------------------------
// Rule Definition

export const meta: Rule["meta"] = {
  id: "block-total",
  description: "收支总表类报表的每一栏自身平衡，收入总计等于支出总计",
  category: "arithmetic",
  severity: "error",
  tables: TABLES,
  messages: {
    blockMismatch: "表{table}“{group}”栏的“{row}”为 {actual}，但各项之和为 {expected}",
    shiftedValue: "表{table}“{group}”栏的“{row}”为 {actual}，但各项之和为 {expected}：{value} 印在了“{from}”行，应在“{to}”行",
    childrenMismatch: "表{table}“{group}”栏的“{row}”为 {actual}，但其下各分项之和为 {expected}",
    grandTotalMismatch: "表{table}“{group}”栏的“{row}”为 {actual}，但按合计及以下各行计算应为 {expected}",
    unbalanced: "表{table}“{group}”栏的“{row}”为 {actual}，与收入栏的 {expected} 不等",
  },
};

export function* check(disclosure: Disclosure): Generator<Report> {
  for (const number of TABLES) {
    const table = tableWithContent(disclosure, number);
    if (!table || table.layout !== "blocks") continue;
    const blocks = blockNames(table).flatMap((g) => splitBlock(table, g) ?? []);
    for (const parts of blocks) {
      yield* checkItems(table, parts);
      yield* checkChildren(table, parts);
      yield* checkGrandTotal(table, parts);
    }
    yield* checkBalance(table, blocks);
  }
}

const rule: Rule = { meta, check };
export default rule;
