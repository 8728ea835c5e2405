/**
 * Tables printed without cell borders. With no rules to say where a cell is, the columns come from
 * how a table aligns its text: figures are right-aligned in their column (their right ends line up),
 * labels and codes are left-aligned (their left ends line up), and header cells are centred over the
 * columns they head. A column's edges follow: a right-aligned column ends just after its figures, a
 * left-aligned one starts just before its labels, and where a label column meets a figure column the
 * figures' header, centred on its column, says where the figure column starts.
 *
 * Header cells (the lines above the first row of the body) are placed on the columns they are centred
 * over; a cell over several columns stands above the cells under it, and the header has as many rows
 * as cells stand above each other (a cell over two header rows, printed between them, goes to the upper
 * one, as a table copied out as text has it). Body rows are baselines; a label wrapped onto the next
 * line (its line full up to the column's edge, the next line holding no figure or code) is one cell.
 *
 * A word processor's table without borders pads its cells: its rows are set apart by more space than
 * the lines of a wrapped cell, and every line between two such spaces is one row (cells centred on the
 * row's middle line). In a form without figures, a label merged over several rows is printed centred on
 * them, between rows or on the middle one: it goes on the top row, where text puts a merged cell.
 *
 * The result has the shape of `ruled-tables.ts`'s: rows of text with a tab between every column, and
 * the pieces of text they used. A table continued on the next page without its header printed again
 * keeps the columns of the page before (`previous`), so its rows line up with the rows before them.
 *
 * @example
 * const { rows, used, model } = plainTables(items, previousModel);
 */
import type { RuledCell, RuledRow, TextPiece } from "./ruled-tables.ts";

/** A column of a borderless table: how its text is aligned and where its edges are. */
interface Column {
  /** `left`: labels and codes start at `at`; `right`: figures end at `at`; `centre`: a header over no body text. */
  readonly align: "left" | "right" | "centre";
  readonly at: number;
  x0: number;
  x1: number;
}

/** The columns of a borderless table, which the next page may continue. */
export interface ColumnModel {
  readonly columns: readonly Column[];
  readonly head: string;
}

/** A run of text on one line: pieces that touch, read as one cell. */
interface Run<T extends TextPiece> {
  readonly pieces: T[];
  readonly text: string;
  readonly x0: number;
  readonly x1: number;
  readonly y: number;
  readonly size: number;
}

interface Line<T extends TextPiece> {
  readonly y: number;
  readonly size: number;
  readonly runs: Run<T>[];
}

const CJK = /[\u3000-\u9fff\uff00-\uffef]/;
const FIGURE = /^-?[0-9][0-9,]*(?:\.[0-9]+)?$/;
/** An amount as tables print it: thousands separators or two decimals (right-aligned). */
const AMOUNT = /^-?(?:[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+\.[0-9]{1,2})$/;
/** Where the body of a table starts: a figure or code, a numbered or 其中 label, a 合计 row, a 表N entry of a 目录. */
const BODY = /^(?:-?[0-9][0-9,]*(?:\.[0-9]+)?$|[0-9]{3,}|[一二三四五六七八九十]+、|[0-9]+、|[（(][一二三四五六七八九十0-9]+[）)]|其中|表\s*[0-9]|(?:本年)?(?:收入|支出)?[合总]计$)/;
/**
 * Rows printed with space around them (a word processor's table without borders, its cells padded): at
 * most this many font sizes from one baseline to the next, and at least `ROW_SPACE` between two rows.
 */
const SPACED_ROWS = 3.2;
const ROW_SPACE = 2.2;
/** A line that is a table's caption or a note under it, never a row. */
const OUTSIDE = /^(?:表\s*[0-9]+(?:-[0-9]+)?$|单位[:：]|注[:：]|目\s*录$)/;

/** The pieces of one page as lines (baselines within a third of the font size), top to bottom, in runs. */
function linesOf<T extends TextPiece>(pieces: readonly T[]): Line<T>[] {
  const sorted = [...pieces].sort((p, q) => q.y - p.y || p.x - q.x);
  const groups: T[][] = [];
  for (const piece of sorted) {
    const group = groups[groups.length - 1];
    if (group && Math.abs(group[0]!.y - piece.y) <= Math.min(group[0]!.size, piece.size) * 0.35) group.push(piece);
    else groups.push([piece]);
  }
  return groups.map((group) => {
    group.sort((p, q) => p.x - q.x);
    const runs: Run<T>[] = [];
    let run: T[] = [];
    const flush = () => {
      if (run.length > 0) runs.push(runOf(run));
      run = [];
    };
    for (const piece of group) {
      const last = run[run.length - 1];
      if (last) {
        const gap = piece.x - (last.x + last.width);
        const before = runOf(run).text;
        const text = piece.text.trim();
        // A figure right-aligned in its cell nearly touches the next cell's label: any gap between
        // a figure and text, or between two figures, is a column break.
        const figures = AMOUNT.test(before) && text !== "";
        const touching = CJK.test(before.slice(-1)) && AMOUNT.test(text);
        if (gap > piece.size * 0.4 || (gap > piece.size * 0.1 && (figures || touching))) flush();
      }
      run.push(piece);
    }
    flush();
    const size = Math.max(...group.map((p) => p.size));
    return { y: group[0]!.y, size, runs };
  });
}

function runOf<T extends TextPiece>(pieces: T[]): Run<T> {
  let text = "";
  let end = -Infinity;
  for (const piece of pieces) {
    const t = piece.text.trim();
    // Between Chinese and Latin text a word processor adds a little space of its own (27 套), not a space character.
    const [before, after] = [CJK.test(text.slice(-1)), CJK.test(t[0] ?? "")];
    if (text !== "" && piece.x - end > piece.size * (before !== after ? 0.3 : 0.15) && !(before && after)) text += " ";
    text += t;
    end = Math.max(end, piece.x + piece.width);
  }
  return { pieces, text, x0: pieces[0]!.x, x1: end, y: pieces[0]!.y, size: pieces[0]!.size };
}

/** The lines of a table: runs of lines with two cells or more, and the lines between and around them. */
function regions<T extends TextPiece>(lines: readonly Line<T>[], previous?: ColumnModel): { from: number; to: number; continued?: boolean }[] {
  const out: { from: number; to: number; continued?: boolean }[] = [];
  // A caption (表N alone, 单位：…) or a note is never a row.
  const outside = (l: Line<T>) => /^(?:单位[:：]|注[:：])/.test(l.runs[0]!.text) || (l.runs.length === 1 && OUTSIDE.test(l.runs[0]!.text));
  const multi = (l: Line<T>) => l.runs.length >= 2 && !outside(l);
  const near = (a: Line<T>, b: Line<T>) => a.y - b.y <= Math.max(a.size, b.size) * SPACED_ROWS && Math.abs(a.size - b.size) <= 0.5;
  let at = 0;
  if (previous) {
    // The table of the page before going on with text in one column only: lines at the top of the page
    // aligned with its columns, not all in its first column (where a running header would be).
    const fits = (l: Line<T>) => !outside(l) && l.runs.every((r) => aligns(r, previous.columns));
    let to = -1;
    while (to + 1 < lines.length && fits(lines[to + 1]!) && (to < 0 || near(lines[to]!, lines[to + 1]!))) to += 1;
    const first = previous.columns[0]!;
    if (to >= 1 && lines.slice(0, to + 1).some((l) => l.runs.some((r) => r.x0 > first.x1)) && !lines.slice(0, to + 1).some(multi)) {
      out.push({ from: 0, to, continued: true });
      at = to + 1;
    }
  }
  while (at < lines.length) {
    if (!multi(lines[at]!)) {
      at += 1;
      continue;
    }
    let from = at;
    let to = at;
    // Down: lines close below, multi-cell or one cell, up to a note or a caption.
    // A 目录's 表N centred beside its wrapped title (less than a line below the line above) is a cell, not a caption.
    const cell = (a: Line<T>, b: Line<T>) => a.y - b.y < b.size * 0.85 && !/^(?:单位|注)[:：]/.test(b.runs[0]!.text);
    while (to + 1 < lines.length && near(lines[to]!, lines[to + 1]!) && (!outside(lines[to + 1]!) || cell(lines[to]!, lines[to + 1]!))) to += 1;
    // Up: header lines of one cell (a cell over several columns) just above.
    while (from > 0 && near(lines[from - 1]!, lines[from]!) && lines[from - 1]!.runs.length === 1 && !outside(lines[from - 1]!)) from -= 1;
    const multis = lines.slice(from, to + 1).filter(multi).length;
    if (multis >= 2 && !prose(lines.slice(from, to + 1))) out.push({ from, to });
    at = to + 1;
  }
  return out;
}

/**
 * Whether lines are a paragraph rather than a table: a justified paragraph's words spread apart look
 * like cells, but most of its lines carry sentence punctuation.
 */
function prose<T extends TextPiece>(lines: readonly Line<T>[]): boolean {
  const multi = lines.filter((l) => l.runs.length >= 2);
  return multi.filter((l) => l.runs.some((r) => /[，。；]/.test(r.text))).length > multi.length * 0.6;
}

/** Positions within `tolerance` of each other, clustered (a cluster: its members' mean and them). */
function cluster<V>(values: readonly V[], at: (v: V) => number, tolerance: number): { at: number; members: V[] }[] {
  const sorted = [...values].sort((p, q) => at(p) - at(q));
  const out: { at: number; members: V[] }[] = [];
  for (const v of sorted) {
    const last = out[out.length - 1];
    if (last && at(v) - at(last.members[last.members.length - 1]!) <= tolerance) last.members.push(v);
    else out.push({ at: at(v), members: [v] });
  }
  for (const c of out) c.at = c.members.reduce((s, v) => s + at(v), 0) / c.members.length;
  return out;
}

/** A line of a table's body: a figure or code, or a first cell that only a body row has. */
function bodyLine(line: Line<TextPiece>): boolean {
  return BODY.test(line.runs[0]!.text) || line.runs.some((r) => FIGURE.test(r.text) || /^[0-9]{3,}/.test(r.text));
}

/** The header's first line in the region: lines before the first that holds a body cell. */
function bodyStart<T extends TextPiece>(lines: readonly Line<T>[]): number {
  const k = lines.findIndex(bodyLine);
  return k === -1 ? Math.min(1, lines.length) : k;
}

/**
 * The columns of a table from its body runs (figures right-aligned, the rest left-aligned) and its
 * header runs (a header over no body column is a column of its own), with their edges.
 */
function columnsOf<T extends TextPiece>(bodyLines: readonly Line<T>[], header: readonly Run<T>[]): Column[] {
  const body = bodyLines.flatMap((l) => l.runs);
  const size = Math.max(1, ...body.map((r) => r.size), ...header.map((r) => r.size));
  const tolerance = size * 0.3;
  const right = cluster(body.filter((r) => AMOUNT.test(r.text)), (r) => r.x1, tolerance);
  const left = cluster(body.filter((r) => !AMOUNT.test(r.text)), (r) => r.x0, tolerance);
  let columns: Column[] = [
    ...right.map((c) => ({ align: "right" as const, at: c.at, x0: Math.min(...c.members.map((r) => r.x0)), x1: c.at })),
    ...left.map((c) => ({ align: "left" as const, at: c.at, x0: c.at, x1: Math.max(...c.members.map((r) => r.x1)) })),
  ].sort((p, q) => p.x0 - q.x0);
  // A left-aligned cluster inside another column's text (an indented label) is that column, unless a line has text in both.
  const starts = (l: Line<T>, at: number) => l.runs.some((r) => Math.abs(r.x0 - at) <= tolerance);
  const apart = (c: Column, d: Column) => bodyLines.some((l) => starts(l, c.at) && starts(l, d.at));
  columns = columns.filter((c, i) => !columns.some((d, j) => j !== i && d.align === "left" && c.align === "left" && c.at > d.at + tolerance && c.at < d.x1 - tolerance && !apart(c, d)));
  // Headers over no body text, lowest first (a header over several columns stands above the ones under it).
  const overlaps = (run: Run<T>, c: Column) => run.x1 > c.x0 - tolerance && run.x0 < c.x1 + tolerance;
  const headed = new Set(columns.filter((c) => header.some((run) => overlaps(run, c))));
  // The top line of a header of several lines holds the cells over several columns, never a column of its own.
  const top = Math.max(...header.map((r) => r.y));
  const low = Math.min(...header.map((r) => r.y));
  // The last line of a header cell wrapped in its cell: centred under the line before it, less than two lines below.
  const wrapped = (run: Run<T>) => header.some((h) => h.y > run.y && h.y - run.y <= run.size * 1.6 && Math.abs(h.x0 + h.x1 - run.x0 - run.x1) <= run.size && h.x1 - h.x0 > run.x1 - run.x0);
  for (const run of [...header].sort((p, q) => p.y - q.y)) {
    if (columns.some((c) => overlaps(run, c)) || wrapped(run)) continue;
    if (top - low > size * 0.5 && run.y >= top - size * 0.3) continue;
    // The header of a label column whose labels are short (a lone 合计), centred further right in it.
    const before = columns.filter((c) => c.x1 <= run.x0).sort((p, q) => q.x1 - p.x1)[0];
    if (before && before.align === "left" && !headed.has(before)) {
      before.x1 = run.x1;
      headed.add(before);
    } else columns.push({ align: "centre", at: (run.x0 + run.x1) / 2, x0: run.x0, x1: run.x1 });
  }
  columns.sort((p, q) => p.x0 - q.x0);
  // The padding between a cell's edge and its text: half the gap where figures meet the next labels.
  const gaps = columns.flatMap((c, i) => {
    const next = columns[i + 1];
    return c.align === "right" && next?.align === "left" && next.at > c.at ? [(next.at - c.at) / 2] : [];
  });
  const pad = gaps.length > 0 ? Math.min(...gaps) : size * 0.15;
  const edges: number[] = [];
  columns.forEach((c, i) => {
    const next = columns[i + 1];
    if (!next) return;
    if (c.align === "right") edges.push(c.at + pad);
    else if (next.align === "left") edges.push(next.at - pad);
    else if (next.align === "centre") {
      // A header centred in its column: the column reaches as far right of its middle as left of it.
      const from = edges[i - 1] ?? c.x0;
      const mirrored = c.align === "centre" ? 2 * c.at - from : NaN;
      edges.push(mirrored >= c.x1 - pad && mirrored <= next.x0 + pad ? mirrored : (c.x1 + next.x0) / 2);
    }
    else {
      // A figure column's header is centred on it: its left edge is as far left of the header's centre as its right edge is right of it.
      const end = next.align === "right" ? next.at + pad : next.x1;
      const over = header.filter((h) => h.x0 >= c.x0 && h.x1 <= end + pad && (h.x0 + h.x1) / 2 > Math.max(c.x1, (c.x1 + next.x0) / 2) - pad && (h.x0 + h.x1) / 2 < end);
      const centred = over.map((h) => 2 * ((h.x0 + h.x1) / 2) - end).filter((x) => x >= c.x1 - pad && x <= next.x0 + pad);
      edges.push(centred.length > 0 ? Math.max(...centred) : (c.x1 + next.x0) / 2);
    }
  });
  return columns.map((c, i) => ({
    ...c,
    x0: i === 0 ? Math.min(c.x0, c.at) - pad : edges[i - 1]!,
    x1: i === columns.length - 1 ? (c.align === "right" ? c.at + pad : c.x1 + pad) : edges[i]!,
  }));
}

/** The column a body run is in: its aligned edge's column, or where its middle is. */
function bodyColumn(run: Run<TextPiece>, columns: readonly Column[]): number {
  const tolerance = run.size * 0.3;
  const aligned = columns.findIndex((c) => (c.align === "right" && AMOUNT.test(run.text) ? Math.abs(run.x1 - c.at) : c.align === "left" ? Math.abs(run.x0 - c.at) : Infinity) <= tolerance);
  if (aligned >= 0) return aligned;
  const middle = (run.x0 + run.x1) / 2;
  const inside = columns.findIndex((c) => middle >= c.x0 && middle < c.x1);
  if (inside >= 0) return inside;
  let best = 0;
  columns.forEach((c, i) => {
    if (Math.abs((c.x0 + c.x1) / 2 - middle) < Math.abs((columns[best]!.x0 + columns[best]!.x1) / 2 - middle)) best = i;
  });
  return best;
}

/**
 * The columns a header run is centred over: the fewest columns around it whose middle is its middle
 * (within a font size; the edges of columns without figures are estimates); or the column its middle is in.
 */
function headerSpan(run: Run<TextPiece>, columns: readonly Column[]): [number, number] {
  const middle = (run.x0 + run.x1) / 2;
  const slack = run.size * 0.5;
  let best: [number, number] | undefined;
  let score = Infinity;
  for (let a = 0; a < columns.length; a += 1) {
    for (let b = a; b < columns.length; b += 1) {
      const [x0, x1] = [columns[a]!.x0, columns[b]!.x1];
      if (run.x0 < x0 - slack || run.x1 > x1 + slack) continue;
      const d = Math.abs((x0 + x1) / 2 - middle);
      if (d > run.size * 0.8) continue;
      const s = (b - a) * 1000 + d;
      if (s < score) [best, score] = [[a, b], s];
    }
  }
  if (best) return best;
  const k = bodyColumn(run, columns);
  return [k, k];
}

/**
 * Whether a run is centred on a column or a run of columns (within a font size), which no other
 * run of its line reaches into.
 */
function centred(run: Run<TextPiece>, line: Line<TextPiece>, columns: readonly Column[]): boolean {
  const middle = (run.x0 + run.x1) / 2;
  for (let a = 0; a < columns.length; a += 1) {
    for (let b = a; b < columns.length; b += 1) {
      const [x0, x1] = [columns[a]!.x0, columns[b]!.x1];
      if (run.x0 < x0 - run.size * 0.5 || run.x1 > x1 + run.size * 0.5 || line.runs.some((r) => r !== run && r.x1 > x0 && r.x0 < x1)) continue;
      if (Math.abs((x0 + x1) / 2 - middle) <= Math.max(run.size, 2)) return true;
    }
  }
  return false;
}

interface HeaderCell {
  text: string;
  /** The column its middle is in. */
  readonly k: number;
  readonly y: number;
  bottom: number;
  readonly size: number;
  readonly x0: number;
  readonly x1: number;
}

/**
 * The header's rows: each cell in the column its middle is in, a wrapped cell (lines close together
 * over the same column) joined. Cells whose lines sit lowest are the bottom row; a cell higher up with
 * bottom cells under its text heads the columns around it that have bottom cells and no other such
 * cell over them (it goes in the first of them, one row up); other higher cells stand over two rows
 * (printed between them) and go to the top row.
 */
function headerRows<T extends TextPiece>(lines: readonly Line<T>[], columns: readonly Column[]): string[][] {
  const cells: HeaderCell[] = [];
  for (const line of lines) {
    for (const run of line.runs) {
      const [a, b] = headerSpan(run, columns);
      const k = a === b ? a : bodyColumn(run, columns);
      const above = cells.find((c) => c.k === k && c.bottom - run.y <= run.size * 1.6 && c.bottom > run.y && Math.abs(c.x0 + c.x1 - run.x0 - run.x1) <= run.size * 2);
      if (above) {
        above.text = joinWrapped(above.text, run.text);
        above.bottom = run.y;
      } else cells.push({ text: run.text, k, y: run.y, bottom: run.y, size: run.size, x0: run.x0, x1: run.x1 });
    }
  }
  if (cells.length === 0) return [];
  const middle = (c: HeaderCell) => (c.y + c.bottom) / 2;
  const lowest = Math.min(...cells.map(middle));
  const bottom = cells.filter((c) => middle(c) <= lowest + c.size * 0.3);
  const upper = cells.filter((c) => !bottom.includes(c));
  const top = columns.map(() => "");
  if (upper.length === 0) {
    for (const c of cells) top[c.k] = top[c.k] ? `${top[c.k]} ${c.text}` : c.text;
    return [top];
  }
  const under = columns.map(() => "");
  for (const c of bottom) under[c.k] = under[c.k] ? `${under[c.k]} ${c.text}` : c.text;
  const heads = upper.filter((u) => bottom.some((c) => c.x1 > u.x0 && c.x0 < u.x1 && c.y < u.y));
  const taken = new Set(upper.filter((u) => !heads.includes(u)).map((u) => u.k));
  for (const u of upper) if (!heads.includes(u)) top[u.k] = top[u.k] ? `${top[u.k]} ${u.text}` : u.text;
  for (const u of heads) {
    // The widest run of columns around it that it is centred over, each with a cell under it and no other cell over it.
    const free = (k: number) => under[k] !== "" && !taken.has(k) && !heads.some((h) => h !== u && h.k === k);
    const centre = (u.x0 + u.x1) / 2;
    let first = u.k;
    let width = -1;
    for (let a = u.k; a >= 0 && (a === u.k || free(a)); a -= 1) {
      for (let b = u.k; b < columns.length && (b === u.k || free(b)); b += 1) {
        if (Math.abs((columns[a]!.x0 + columns[b]!.x1) / 2 - centre) <= Math.max(u.size, 2) && b - a > width) [first, width] = [a, b - a];
      }
    }
    top[first] = top[first] ? `${top[first]} ${u.text}` : u.text;
  }
  return [top, under];
}

/** A wrapped line joined to the text before it: a space only where both sides are Latin letters or digits. */
function joinWrapped(text: string, next: string): string {
  if (text === "" || next === "") return text + next;
  return /[A-Za-z0-9]$/.test(text) && /^[A-Za-z0-9]/.test(next) ? `${text} ${next}` : text + next;
}

/**
 * The borderless tables of a page (its pieces not in ruled tables) as rows of text, the pieces they
 * used, and the columns of its last table (`previous`: the last table of the page before, which a
 * table without a header on this page continues).
 */
export function plainTables<T extends TextPiece>(pieces: readonly T[], previous?: ColumnModel): { rows: RuledRow[]; used: Set<T>; model?: ColumnModel } {
  const rows: RuledRow[] = [];
  const used = new Set<T>();
  const lines = linesOf(pieces);
  let model: ColumnModel | undefined;
  for (const { from, to, continued } of regions(lines, previous)) {
    const region = lines.slice(from, to + 1);
    let start = continued ? 0 : bodyStart(region);
    // Rows set apart by space: the body starts with the first row that starts with a body line, or holds
    // one and figures (a cell wrapped above them); not a header's 合计 printed lower than the cells beside it.
    const bands = continued ? undefined : spacedRows(region);
    for (let at = 0, b = 0; bands && b < bands.length; at += bands[b]!.length, b += 1) {
      const k = bands[b]!.findIndex(bodyLine);
      if (k === 0 || (k > 0 && bands[b]!.some(anchoredLine))) {
        start = at;
        break;
      }
    }
    let columns = columnsOf(region.slice(start), region.slice(0, start).flatMap((l) => l.runs));
    // Header cells are centred on their columns: lines above the body that mostly are not (a form's
    // first rows, a 目录 whose header is aligned as its rows are) are rows like the others.
    const heads = region.slice(0, start).flatMap((l) => l.runs.map((r) => ({ r, l })));
    const leftAligned = (r: Run<TextPiece>) => columns.some((c) => c.align === "left" && Math.abs(r.x0 - c.at) <= r.size * 0.3 && c.x1 - r.x1 > r.size * 2);
    if (heads.filter(({ r, l }) => centred(r, l, columns) && !leftAligned(r)).length * 2 < heads.length) {
      start = 0;
      columns = columnsOf(region, []);
    }
    const headLines = region.slice(0, start);
    const bodyLines = region.slice(start);
    const body = bodyLines.flatMap((l) => l.runs);
    // A table continued without its header: the columns of the page before, when its text lines up with them.
    if (headLines.length === 0 && previous && body.every((r) => aligns(r, previous.columns))) columns = previous.columns.map((c) => ({ ...c }));
    if (columns.length < 2) continue;
    const header = headerRows(headLines, columns);
    const out: { y: number; cells: RuledCell[] }[] = header.map((texts, i) => ({
      y: headLines[0]!.y - i * 0.01,
      cells: texts.map((text, k) => ({ text, right: columns[k]!.x1, end: columns[k]!.x1, size: headLines[0]!.size })),
    }));
    let last: { y: number; cells: RuledCell[] } | undefined;
    const groups = rowGroups(bodyLines, columns);
    // A cell wrapped onto the line above its row's figures (its last line on theirs): the line joins that row.
    for (let g = 0; g + 1 < groups.length; g += 1) {
      const [line, next] = [groups[g]!, groups[g + 1]!];
      if (line.length !== 1 || anchoredLine(line[0]!) || !next.some(anchoredLine) || line[0]!.y - next[0]!.y > line[0]!.size * 1.6) continue;
      const full = line[0]!.runs.every((run) => {
        const k = bodyColumn(run, columns);
        const char = (run.x1 - run.x0) / Math.max(1, run.text.length);
        return columns[k]!.x1 - run.x1 < char + run.size * 0.6 && next.some((l) => l.runs.some((r) => bodyColumn(r, columns) === k));
      });
      if (full) groups.splice(g, 2, [...line, ...next]);
    }
    for (const group of groups) {
      const line = group[0]!;
      const placed = group.flatMap((l) => l.runs).map((run) => ({ run, k: bodyColumn(run, columns) }));
      const wraps =
        last !== undefined &&
        group.length === 1 &&
        !anchoredLine(line) &&
        !line.runs.some((r) => BODY.test(r.text)) &&
        last.y - line.y <= line.size * 1.6 &&
        placed.every(({ run, k }) => {
          const above = last!.cells[k]!;
          const char = run.text.length > 0 ? (run.x1 - run.x0) / run.text.length : run.size;
          return above.text !== "" && above.right - above.end < char + run.size * 0.6;
        });
      if (wraps) {
        for (const { run, k } of placed) last!.cells[k] = { ...last!.cells[k]!, text: joinWrapped(last!.cells[k]!.text, run.text), end: run.x1 };
        continue;
      }
      const cells: RuledCell[] = columns.map((c) => ({ text: "", right: c.x1, end: -Infinity, size: line.size }));
      // Top to bottom, left to right: the lines of a wrapped cell in order.
      placed.sort((p, q) => q.run.y - p.run.y || p.run.x0 - q.run.x0);
      const lineOf = columns.map(() => Infinity);
      for (const { run, k } of placed) {
        const cell = cells[k]!;
        // On a lower line: the cell's text wrapped; on the same line: two pieces of one cell.
        const text = cell.text === "" ? run.text : run.y < lineOf[k]! - run.size * 0.35 ? joinWrapped(cell.text, run.text) : `${cell.text} ${run.text}`;
        cells[k] = { ...cell, text, end: run.x1 };
        lineOf[k] = run.y;
      }
      last = { y: anchorY(group), cells };
      out.push(last);
    }
    for (const line of region) for (const run of line.runs) for (const piece of run.pieces) used.add(piece);
    const filled = out.filter((r) => r.cells.some((c) => c.text !== ""));
    const head = filled[0]?.cells.map((c) => c.text).join("\t") ?? "";
    // Edges that are the same on every page the table is printed on: where its text is aligned.
    const edges = columns.map((c) => c.at);
    for (const r of filled) rows.push({ y: r.y, text: r.cells.map((c) => c.text).join("\t"), first: r === filled[0], cells: r.cells, edges, head });
    model = { columns, head };
  }
  return { rows, used, ...(model ? { model } : {}) };
}

function anchoredLine(line: Line<TextPiece>): boolean {
  return line.runs.some((r) => FIGURE.test(r.text) || /^[0-9]{3,}/.test(r.text));
}

function anchorY(group: readonly Line<TextPiece>[]): number {
  return (group.find(anchoredLine) ?? group[0]!).y;
}

/**
 * The body's lines in rows: a line without figures or codes that lies less than a font size from a
 * line with them (closer than two rows can be) is part of that row: the lines of a label wrapped in
 * its cell and centred on the row's figures. Each row's lines top to bottom.
 *
 * A line half a row between two others, beside their text, whose line above is not full (so not a cell
 * wrapped onto the line below), is a cell merged over several rows and centred on them (a form's 产出指标
 * over its 二级指标): it goes on the top row of the rows it is centred on, as text puts a merged cell.
 */
function rowGroups<T extends TextPiece>(lines: readonly Line<T>[], columns: readonly Column[]): Line<T>[][] {
  const spaced = spacedRows(lines, columns);
  if (spaced) return spaced;
  const apart = (a: Line<T>, b: Line<T>) => a.runs.every((r) => b.runs.every((q) => r.x1 <= q.x0 || r.x0 >= q.x1));
  const full = (run: Run<T>) => {
    const char = (run.x1 - run.x0) / Math.max(1, run.text.length);
    return columns[bodyColumn(run, columns)]!.x1 - run.x1 < char + run.size * 0.6;
  };
  const between: boolean[] = [];
  lines.forEach((line, i) => {
    const [above, below] = [lines[i - 1], lines[i + 1]];
    const [up, down] = [(above?.y ?? Infinity) - line.y, line.y - (below?.y ?? -Infinity)];
    between[i] =
      !!above && !!below && !between[i - 1] && !anchoredLine(line) && up < line.size * 0.85 && down < line.size * 0.85 && Math.abs(up - down) <= line.size * 0.3 &&
      apart(above, line) && apart(line, below) && !above.runs.some(full);
  });
  const rows = lines.flatMap((_, i) => (between[i] ? [] : [i]));
  const columnOf = (run: Run<T>) => bodyColumn(run, columns);
  /** The top row of the widest run of rows around rows[a]..rows[b] centred on `y` that `free` allows. */
  const spanTop = (a: number, b: number, y: number, size: number, free: (j: number) => boolean) => {
    while (a > 0 && b + 1 < rows.length && free(rows[a - 1]!) && free(rows[b + 1]!) && Math.abs((lines[rows[a - 1]!]!.y + lines[rows[b + 1]!]!.y) / 2 - y) <= size * 0.35) [a, b] = [a - 1, b + 1];
    return rows[a]!;
  };
  const owner = lines.map((line, i) => {
    if (between[i]) {
      // The widest run of rows centred on the line with nothing in its columns.
      const taken = new Set(line.runs.map(columnOf));
      return spanTop(rows.indexOf(i - 1), rows.indexOf(i + 1), line.y, line.size, (j) => !lines[j]!.runs.some((r) => taken.has(columnOf(r))));
    }
    if (anchoredLine(line)) return i;
    let best = i;
    let distance = line.size;
    lines.forEach((other, j) => {
      const d = Math.abs(other.y - line.y);
      if (j !== i && anchoredLine(other) && d <= distance) [best, distance] = [j, d];
    });
    if (best !== i) return best;
    // Without figures (a form): a line half a line from the one above it, beside its text, is a wrapped cell centred on it.
    const above = lines[i - 1];
    return above && !between[i - 1] && above.y - line.y < line.size * 0.85 && apart(above, line) ? i - 1 : i;
  });
  // A cell merged over an odd number of rows is printed on the middle one: in rows without figures, a
  // cell with its column blank in the rows around it, centred on them, and beside each of them a cell of
  // the next column (the rows it groups), goes to the top one.
  const moved: { run: Run<T>; from: number; to: number }[] = [];
  rows.forEach((i, p) => {
    const line = lines[i]!;
    if (anchoredLine(line) || line.runs.length < 2) return;
    const before = moved.length;
    for (const run of line.runs) {
      const k = columnOf(run);
      const grouped = (j: number) => lines.some((l) => Math.abs(l.y - lines[j]!.y) < l.size * 0.85 && l.runs.some((r) => columnOf(r) === k + 1));
      const free = (j: number) => !anchoredLine(lines[j]!) && !lines[j]!.runs.some((r) => columnOf(r) === k) && grouped(j);
      const top = grouped(i) ? spanTop(p, p, line.y, run.size, free) : i;
      if (top !== i) moved.push({ run, from: i, to: top });
    }
    // A line all of whose cells would go up is a row of its own.
    if (moved.length - before === line.runs.length) moved.length = before;
  });
  for (let i = 0; i < owner.length; i += 1) owner[i] = owner[owner[i]!]!;
  const groups = new Map<number, Line<T>[]>();
  lines.forEach((line, i) => {
    const out = moved.filter((m) => m.from === i).map((m) => m.run);
    const kept = out.length === 0 ? line : { ...line, runs: line.runs.filter((r) => !out.includes(r)) };
    groups.set(owner[i]!, [...(groups.get(owner[i]!) ?? []), kept]);
  });
  for (const { run, to } of moved) groups.get(owner[to]!)!.push({ y: run.y, size: run.size, runs: [run] });
  return [...groups.values()].sort((p, q) => q[0]!.y - p[0]!.y);
}

/**
 * The rows of a table whose rows are set apart by space (more than `ROW_SPACE` font sizes from the last
 * line of one to the first of the next, between every two rows with figures, or between most lines of a
 * table without them): each row the lines between two such spaces. Undefined for rows set close.
 */
function spacedRows<T extends TextPiece>(lines: readonly Line<T>[], columns?: readonly Column[]): Line<T>[][] | undefined {
  const apart = (a: Line<T>, b: Line<T>) => a.y - b.y > Math.max(a.size, b.size) * ROW_SPACE;
  const anchored = lines.filter(anchoredLine);
  const gaps = lines.slice(1).map((line, i) => apart(lines[i]!, line));
  // From the first line with figures (a header's lines are closer): no space between a wrapped cell's
  // line and a row's distance, and two such spaces or more (one between two rows with figures).
  const from = anchored.length > 0 ? lines.indexOf(anchored[0]!) : 0;
  const between = lines.slice(from + 1).some((line, i) => !gaps[from + i] && lines[from + i]!.y - line.y > Math.max(line.size, lines[from + i]!.size) * 1.6);
  const wide = gaps.slice(from).filter(Boolean).length;
  const spaced = !between && wide >= (anchored.length >= 2 ? 1 : 2) && anchored.slice(1).every((line, i) => apart(anchored[i]!, line));
  if (!spaced) return undefined;
  // A cell merged over several rows is centred on them: a line halfway between two rows, beside their text.
  const disjoint = (a: Line<T>, b: Line<T>) => a.runs.every((r) => b.runs.every((q) => r.x1 <= q.x0 || r.x0 >= q.x1));
  const merged = lines.map((line, i) => {
    const [a, b] = [lines[i - 1], lines[i + 1]];
    return !!columns && !!a && !!b && !anchoredLine(line) && apart(a, b) && Math.abs(a.y - line.y - (line.y - b.y)) <= line.size * 0.3 && disjoint(a, line) && disjoint(line, b);
  });
  const rows: Line<T>[][] = [];
  let last: Line<T> | undefined;
  lines.forEach((line, i) => {
    if (merged[i]) return;
    if (!last || apart(last, line)) rows.push([line]);
    else rows[rows.length - 1]!.push(line);
    last = line;
  });
  const middle = (row: readonly Line<T>[]) => (row[0]!.y + row[row.length - 1]!.y) / 2;
  const at = (line: Line<T> | undefined) => rows.findIndex((row) => row.includes(line!));
  lines.forEach((line, i) => {
    if (!merged[i] || !columns) return;
    // The top of the widest run of rows centred on it with nothing in its columns.
    const taken = new Set(line.runs.map((r) => bodyColumn(r, columns)));
    const free = (row: readonly Line<T>[]) => !row.some((l) => l.runs.some((r) => taken.has(bodyColumn(r, columns))));
    let [a, b] = [at(lines[i - 1]), at(lines[i + 1])];
    while (a > 0 && b + 1 < rows.length && free(rows[a - 1]!) && free(rows[b + 1]!) && Math.abs((middle(rows[a - 1]!) + middle(rows[b + 1]!)) / 2 - line.y) <= line.size * 0.35) [a, b] = [a - 1, b + 1];
    rows[a]!.push(line);
  });
  return rows;
}

/** A run lines up with one of `columns`: at its aligned edge, or within a centred column. */
function aligns(run: Run<TextPiece>, columns: readonly Column[]): boolean {
  const tolerance = run.size * 0.3;
  return columns.some((c) =>
    c.align === "right" ? AMOUNT.test(run.text) && Math.abs(run.x1 - c.at) <= tolerance : c.align === "left" ? Math.abs(run.x0 - c.at) <= tolerance : run.x0 >= c.x0 && run.x1 <= c.x1,
  );
}
