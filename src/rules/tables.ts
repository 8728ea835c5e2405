/**
 * Reading a Disclosure's tables the way every rule needs to: a table by number (and instance), a row by
 * code or else by label, a column by label, a cell's value and a CellRef pointing at it. Labels are
 * compared after normalising spaces, full-width brackets and markup, so a table read from a published
 * document is found as readily as a built one. Blank amounts count as 0 in arithmetic.
 */
import type { Disclosure } from "../model/disclosure.ts";
import type { CellRef } from "../model/finding.ts";
import { type Fen, formatYuan, sumFen, ZERO } from "../model/money.ts";
import type { CellValue, Row, Table } from "../model/table.ts";
import type { TableNumber } from "../model/vocabulary.ts";

const normalised = new Map<string, string>();

/**
 * A label as a reader compares it: no spaces or markup, half-width brackets and colons. Memoised:
 * the same few hundred labels recur in every file of a batch, and rules normalise them many times.
 */
export function normaliseLabel(label: string): string {
  let result = normalised.get(label);
  if (result === undefined) {
    result = label
      .replace(/<[^>]*>/g, "")
      .replace(/[\s\u3000]+/g, "")
      .replace(/（/g, "(")
      .replace(/）/g, ")")
      .replace(/：/g, ":");
    // Bounded, so a batch of many documents with unusual labels cannot grow it without limit.
    if (normalised.size > 20_000) normalised.clear();
    normalised.set(label, result);
  }
  return result;
}

/** A label without its printed numbering: `1、一般公共服务支出`, `(2)商品和服务支出`, `一、部门预算` → the name. */
export function stripNumbering(label: string): string {
  return normaliseLabel(label).replace(/^(?:[0-9]+|[一二三四五六七八九十]+)[、.．]|^\([0-9一二三四五六七八九十]+\)/, "");
}

/** Whether a row is a “其中：” row: part of its parent, never added to it. */
export function isOfWhichRow(row: Row): boolean {
  return normaliseLabel(row.label).startsWith("其中");
}

/** Every table numbered `number` that the disclosure prints (表13 may have several instances). */
export function tablesNumbered(disclosure: Disclosure, number: TableNumber): Table[] {
  return disclosure.tables.filter((t) => t.number === number);
}

/** The table numbered `number` (its `instance`, else the first one), or undefined when absent. */
export function findTable(disclosure: Disclosure, number: TableNumber, instance?: number): Table | undefined {
  return tablesNumbered(disclosure, number).find((t) => instance === undefined || (t.instance ?? 1) === instance);
}

/** A table that is present and has content to check. */
export function tableWithContent(disclosure: Disclosure, number: TableNumber): Table | undefined {
  const table = findTable(disclosure, number);
  return table && !table.empty ? table : undefined;
}

export interface RowQuery {
  readonly code?: string;
  readonly label?: string;
  /** For blocks tables: a block whose name contains this text (e.g. 支出功能分类). */
  readonly group?: string;
}

/** The rows of one block of a blocks table, by a text its name contains, in print order. */
export function blockRows(table: Table, group: string): Row[] {
  return table.rows.filter((r) => r.group !== undefined && normaliseLabel(r.group).includes(normaliseLabel(group)));
}

/** The block names of a table in print order (from `groups`, else from the rows). */
export function blockNames(table: Table): string[] {
  return [...new Set([...(table.groups ?? []), ...table.rows.flatMap((r) => (r.group ? [r.group] : []))])];
}

/**
 * The first row matching a query: by code when the query has one and a row carries it, else by label
 * (compared without numbering, so `1、一般公共服务支出` matches `一般公共服务支出`).
 */
export function findRow(table: Table, query: RowQuery): Row | undefined {
  const rows = query.group === undefined ? table.rows : blockRows(table, query.group);
  if (query.code !== undefined) {
    const byCode = rows.find((r) => r.code === query.code);
    if (byCode) return byCode;
  }
  if (query.label === undefined) return undefined;
  const wanted = stripNumbering(query.label);
  return rows.find((r) => stripNumbering(r.label) === wanted);
}

/**
 * The index of the column labelled `label`, or -1. A grouped column (`财政拨款/小计`) is also found by
 * its full label; labels are compared normalised.
 */
export function columnIndex(table: Table, label: string): number {
  const wanted = normaliseLabel(label);
  return table.columns.findIndex((c) => normaliseLabel(c.label) === wanted);
}

/** The indexes of the amount columns of a table. */
export function amountColumns(table: Table): number[] {
  return table.columns.flatMap((c, i) => (c.kind === "amount" ? [i] : []));
}

/** The raw value of a cell (null when blank or the column is absent). */
export function cellValue(table: Table, row: Row, column: string | number): CellValue {
  const index = typeof column === "number" ? column : columnIndex(table, column);
  if (index < 0) return null;
  return row.values[index] ?? null;
}

/** The amount of a cell: a blank cell (or a text cell) counts as 0. */
export function amountOf(table: Table, row: Row, column: string | number = 0): Fen {
  const value = cellValue(table, row, column);
  return typeof value === "number" ? value : ZERO;
}

/** The amount of a cell, keeping a blank as null. */
export function amountOrNull(table: Table, row: Row, column: string | number = 0): Fen | null {
  const value = cellValue(table, row, column);
  return typeof value === "number" ? value : null;
}

/** Σ of a column over rows, blanks as 0. */
export function sumColumn(table: Table, rows: readonly Row[], column: string | number = 0): Fen {
  return sumFen(rows.map((r) => amountOf(table, r, column)));
}

/** Whether every amount cell of a row is blank (a placeholder such as the seed's `**` row). */
export function allAmountsBlank(table: Table, row: Row): boolean {
  return amountColumns(table).every((i) => row.values[i] === null || row.values[i] === undefined);
}

/** A reference to a cell of `table`: the row by code and label, the column by its label. */
export function cellRef(table: Table, row?: Row, column?: string | number): CellRef {
  const label = typeof column === "number" ? table.columns[column]?.label : column;
  return {
    table: table.number,
    ...(table.instance !== undefined ? { instance: table.instance } : {}),
    ...(row?.group !== undefined ? { group: row.group } : {}),
    ...(row?.code !== undefined ? { rowCode: row.code } : {}),
    ...(row ? { rowLabel: row.label } : {}),
    ...(label !== undefined ? { column: label } : {}),
    ...(row?.source ?? table.source ? { source: (row?.source ?? table.source)! } : {}),
  };
}

/** The 合计 row of a row table: the first total row. */
export function totalRow(table: Table): Row | undefined {
  return table.rows.find((r) => r.kind === "total");
}

/** An amount as printed in messages: `2,259,811.00`. */
export function yuanText(amount: Fen): string {
  return formatYuan(amount);
}

/** expected, actual and difference (actual − expected) for a finding about two amounts. */
export function amountsOf(expected: Fen, actual: Fen): { expected: Fen; actual: Fen; difference: Fen } {
  return { expected, actual, difference: (actual - expected) as Fen };
}

/**
 * Whether a block's items add up to its first total (本年…合计): the top-level items, each taken as
 * printed or, when blank, as the sum of the rows printed under it (which it must equal when printed);
 * and no figure sits on a heading row.
 */
export function blockAddsUp(table: Table, rows: readonly Row[]): boolean {
  const end = rows.findIndex((r) => r.kind === "total");
  if (end < 0) return true;
  const body = rows.slice(0, end);
  if (body.some((r) => r.kind === "heading" && amountOrNull(table, r) !== null)) return false;
  const items = body.filter((r) => r.kind === "item" && !isOfWhichRow(r));
  if (items.length === 0) return true;
  const top = Math.min(...items.map((r) => r.level));
  let total = 0;
  let childrenAgree = true;
  body.forEach((row, i) => {
    if (row.kind !== "item" || row.level !== top || isOfWhichRow(row)) return;
    let children = 0;
    let hasChildren = false;
    for (let j = i + 1; j < end && body[j]!.level > top; j += 1) {
      if (body[j]!.level !== top + 1 || isOfWhichRow(body[j]!)) continue;
      hasChildren = true;
      children += amountOf(table, body[j]!);
    }
    const own = amountOrNull(table, row);
    if (own !== null && hasChildren && own !== children) childrenAgree = false;
    total += own ?? children;
  });
  return childrenAgree && total === amountOf(table, rows[end]!);
}

/** The edit distance between two names (insertions, deletions and substitutions of characters). */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** The one candidate within `maxDistance` edits of `name` that is nearer than every other, if any. */
export function nearestName(name: string, candidates: readonly string[], maxDistance = 2): string | undefined {
  const scored = candidates.map((c) => ({ c, d: editDistance(normaliseLabel(name), normaliseLabel(c)) })).filter((s) => s.d <= maxDistance);
  const best = Math.min(...scored.map((s) => s.d));
  const nearest = scored.filter((s) => s.d === best);
  return nearest.length === 1 ? nearest[0]!.c : undefined;
}

/** The rows of a block above its first total (the items the template numbers). */
export function blockBody(rows: readonly Row[]): Row[] {
  const end = rows.findIndex((r) => r.kind === "total");
  return end < 0 ? [...rows] : rows.slice(0, end);
}

/**
 * Whether a coded row is a subtotal: another item row of the table carries a longer code that starts
 * with its code (a 类 or 款 printed above its 项 or 款).
 */
export function isSubtotalRow(table: Table, row: Row): boolean {
  const code = row.code;
  if (code === undefined) return false;
  return table.rows.some((r) => r.kind === "item" && r.code !== undefined && r.code.length > code.length && r.code.startsWith(code));
}

/** The item rows that carry the detail: not “其中” rows and not subtotal rows. */
export function detailRows(table: Table): Row[] {
  return table.rows.filter((r) => r.kind === "item" && !isOfWhichRow(r) && !isSubtotalRow(table, r));
}

/**
 * A row table's total in one column: the 合计 row's figure, or Σ of the detail rows when the 合计 row is
 * absent or printed without any figure (the seed's `**` placeholder).
 */
export function tableTotal(table: Table, column: string | number): Fen {
  const total = totalRow(table);
  if (total && !allAmountsBlank(table, total)) return amountOf(table, total, column);
  return sumColumn(table, detailRows(table), column);
}

/**
 * Whether a 收支总表 (表1, or 表4) shows all its money as 一般公共预算拨款: the 收入 block's
 * 一般公共预算拨款 row equals its 收入总计 (else 本年收入合计), and neither is blank.
 */
export function allGeneralBudget(table: Table): boolean {
  const general = findRow(table, { group: "收入", label: "一般公共预算拨款" });
  const total = findRow(table, { group: "收入", label: "收入总计" }) ?? findRow(table, { group: "收入", label: "本年收入合计" });
  if (!general || !total) return false;
  const value = amountOrNull(table, general);
  return value !== null && value === amountOrNull(table, total);
}
