/**
 * Placing the figures of rows copied from a PDF, whose blank cells are gone: `2010350 事业运行 1368693
 * 1328693 40000` has three figures for four amount columns. Each figure keeps its order; which columns
 * they fill is decided by the table's arithmetic — the row's 合计 = Σ its parts, a parent row = Σ the
 * rows coded under it, the 合计 row = Σ the top rows — over the whole table at once. A row whose
 * placement the arithmetic cannot settle (a 合计 equal to one part that could be 人员, 公用 or 专项) is
 * returned as ambiguous, for the caller to report rather than guess.
 */
import type { Fen } from "../../model/money.ts";

export interface PlacedColumn {
  readonly key: string;
  readonly label: string;
  readonly kind: "amount" | "text";
}

export interface RowFigures {
  readonly code?: string;
  readonly total: boolean;
  /** The row's values when it was read cell by cell (aligned with the columns; text columns null). */
  readonly fixed?: readonly (Fen | null)[];
  /** The figures of a row whose blank cells are gone, in print order. */
  readonly figures?: readonly Fen[];
}

export type Placement = readonly (Fen | null)[] | "ambiguous" | "impossible" | undefined;

/** How many placements of all ambiguous rows together are tried before giving up. */
const SEARCH_LIMIT = 200_000;
/** Beyond this many solutions the rows that differ between them are ambiguous anyway. */
const SOLUTION_LIMIT = 16;

interface Relation {
  readonly target: number;
  readonly parts: readonly number[];
}

/** Within a row: 合计 = Σ the top columns; a group's 小计 = Σ its members. “其中” columns add to nothing. */
function rowRelations(columns: readonly PlacedColumn[]): Relation[] {
  const amounts = columns.flatMap((c, i) => (c.kind === "amount" ? [i] : []));
  const total = amounts.find((i) => columns[i]!.key === "total");
  const groupOf = (label: string) => (label.includes("/") ? label.slice(0, label.indexOf("/")) : undefined);
  const leaf = (label: string) => label.slice(label.indexOf("/") + 1);
  const relations: Relation[] = [];
  const top: number[] = [];
  const groups = new Map<string, number[]>();
  for (const i of amounts) {
    const label = columns[i]!.label;
    if (i === total || leaf(label).startsWith("其中") || columns[i]!.key.startsWith("extra:") && /预算|决算/.test(label)) continue;
    const group = groupOf(label);
    if (group === undefined) top.push(i);
    else groups.set(group, [...(groups.get(group) ?? []), i]);
  }
  for (const members of groups.values()) {
    const subtotal = members.find((i) => leaf(columns[i]!.label) === "小计");
    if (subtotal === undefined) top.push(...members);
    else {
      top.push(subtotal);
      relations.push({ target: subtotal, parts: members.filter((i) => i !== subtotal) });
    }
  }
  if (total !== undefined && top.length > 0) relations.unshift({ target: total, parts: top });
  return relations;
}

function holds(values: readonly (Fen | null)[], relations: readonly Relation[]): boolean {
  return relations.every((r) => (values[r.target] ?? 0) === r.parts.reduce((s, i) => s + (values[i] ?? 0), 0));
}

/** Every order-keeping placement of `figures` into the amount columns. */
function placements(figures: readonly Fen[], columns: readonly PlacedColumn[]): (Fen | null)[][] {
  const amounts = columns.flatMap((c, i) => (c.kind === "amount" ? [i] : []));
  const out: (Fen | null)[][] = [];
  const choose = (start: number, k: number, chosen: number[]) => {
    if (k === figures.length) {
      const values: (Fen | null)[] = columns.map(() => null);
      chosen.forEach((column, j) => (values[column] = figures[j]!));
      out.push(values);
      return;
    }
    for (let a = start; a <= amounts.length - (figures.length - k); a += 1) choose(a + 1, k + 1, [...chosen, amounts[a]!]);
  };
  if (figures.length <= amounts.length) choose(0, 0, []);
  return out;
}

/** Table relations: the 合计 row = Σ top rows, and each coded parent = Σ the rows coded under it. */
function tableRelations(rows: readonly RowFigures[]): Relation[] {
  const relations: Relation[] = [];
  const coded = rows.flatMap((r, i) => (r.code && !r.total ? [i] : []));
  const shortest = Math.min(...coded.map((i) => rows[i]!.code!.length));
  const top = rows.flatMap((r, i) => (!r.total && (r.code === undefined || r.code.length === shortest) ? [i] : []));
  const total = rows.findIndex((r) => r.total);
  if (total >= 0 && top.length > 0) relations.push({ target: total, parts: top });
  for (const i of coded) {
    const code = rows[i]!.code!;
    const children = coded.filter((j) => rows[j]!.code!.length === code.length + 2 && rows[j]!.code!.startsWith(code));
    if (children.length > 0) relations.push({ target: i, parts: children });
  }
  return relations;
}

export function placeFigures(rows: readonly RowFigures[], columns: readonly PlacedColumn[]): Placement[] {
  const within = rowRelations(columns);
  const options = rows.map((r) => {
    if (r.figures === undefined) return [r.fixed ?? columns.map(() => null)];
    const all = placements(r.figures, columns);
    // One placement (all figures present) is read as printed, right or wrong: the rules judge it.
    return all.length <= 1 ? all : all.filter((v) => holds(v, within));
  });
  const open = options.flatMap((o, i) => (rows[i]!.figures !== undefined && o.length > 1 ? [i] : []));
  const chosen = options.map((o) => o[0]);
  const relations = tableRelations(rows).filter((r) => [r.target, ...r.parts].some((i) => open.includes(i)));
  const solutions = open.length > 0 ? solve(options, open, relations, columns) : [];
  return rows.map((r, i) => {
    if (r.figures === undefined) return undefined;
    if (options[i]!.length === 0) return "impossible";
    if (!open.includes(i)) return chosen[i]!;
    const distinct = new Set(solutions.map((s) => JSON.stringify(s[i])));
    return distinct.size === 1 ? solutions[0]![i]! : "ambiguous";
  });
}

/**
 * All combinations of the open rows' placements that satisfy the table relations: a depth-first search
 * that checks each relation as soon as all its rows are placed, bounded in steps and solutions.
 */
function solve(
  options: readonly (readonly (Fen | null)[])[][],
  open: readonly number[],
  relations: readonly Relation[],
  columns: readonly PlacedColumn[],
): (readonly (Fen | null)[])[][] {
  const amountColumns = columns.flatMap((c, j) => (c.kind === "amount" ? [j] : []));
  const position = new Map(open.map((row, k) => [row, k]));
  const ready: Relation[][] = open.map(() => []);
  for (const r of relations) {
    const last = Math.max(...[r.target, ...r.parts].map((i) => position.get(i) ?? -1));
    if (last >= 0) ready[last]!.push(r);
  }
  const current = options.map((o) => o[0]!);
  const found: (readonly (Fen | null)[])[][] = [];
  let steps = 0;
  const fits = (r: Relation) =>
    amountColumns.every((j) => (current[r.target]![j] ?? 0) === r.parts.reduce((s, p) => s + (current[p]![j] ?? 0), 0));
  const walk = (k: number): boolean => {
    if ((steps += 1) > SEARCH_LIMIT || found.length > SOLUTION_LIMIT) return false;
    if (k === open.length) {
      found.push([...current]);
      return true;
    }
    for (const option of options[open[k]!]!) {
      current[open[k]!] = option;
      if (ready[k]!.every(fits) && !walk(k + 1) && steps > SEARCH_LIMIT) return false;
    }
    return true;
  };
  walk(0);
  return steps > SEARCH_LIMIT || found.length > SOLUTION_LIMIT ? [] : found;
}
