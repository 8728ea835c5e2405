/**
 * Tables with drawn cell borders. Most published tables are printed with a rule around every cell; the
 * rules say exactly where each cell is, which text positions alone can only guess: a label wrapped onto
 * three lines is one cell because no rule crosses it, a header cell over several columns or rows is one
 * cell because the rules between them are missing, and a blank cell is a box with nothing in it.
 *
 * `pageRules` takes the rules of a page from pdf.js's operator list (stroked lines and rectangles, and
 * filled rectangles thin enough to be lines), in the same coordinates as the text. `ruledTables` joins
 * the rules that touch into grids and lays the text of each grid out as rows of cells: one row per band
 * between horizontal rules, a tab between every column, a merged cell's text in the first row and column
 * it covers (as a table copied out as text has it), and the text items it used.
 *
 * @example
 * const rules = pageRules(await page.getOperatorList(), OPS);
 * const { rows, used } = ruledTables(items, rules);
 */

/** A horizontal (`y` fixed) or vertical (`x` fixed) rule, in PDF units with y growing upwards. */
export interface Rule {
  readonly horizontal: boolean;
  /** The fixed coordinate: y of a horizontal rule, x of a vertical one. */
  readonly at: number;
  /** The extent along the rule: x0…x1 or y0…y1. */
  readonly from: number;
  readonly to: number;
}

/** A piece of text on the page, as `read-pdf.ts` has it. */
export interface TextPiece {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly size: number;
}

/** A cell of a ruled row: its text, its right edge and where its last line of text ends. */
export interface RuledCell {
  readonly text: string;
  readonly right: number;
  readonly end: number;
  readonly size: number;
}

/** A row of a ruled table as a line of text: its cells joined by tabs, at the height of its band. */
export interface RuledRow {
  readonly y: number;
  readonly text: string;
  /** The first row of its grid. */
  readonly first: boolean;
  /** The cells of every column (blank under a merged cell). */
  readonly cells: readonly RuledCell[];
  /** The column edges of its grid, left to right. */
  readonly edges: readonly number[];
  /** The text of its grid's first row (a header row, when the table has one). */
  readonly head: string;
}

/** Two rows of the same table, on two pages: their grids have the same columns. */
export function sameColumns(a: RuledRow, b: RuledRow): boolean {
  return a.edges.length === b.edges.length && a.edges.every((x, i) => Math.abs(x - b.edges[i]!) <= 2);
}

type Matrix = [number, number, number, number, number, number];

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** `m` applied first, then `ctm` (PDF's `cm` operator). */
function concat(ctm: Matrix, m: readonly number[]): Matrix {
  const [a, b, c, d, e, f] = m as Matrix;
  return [
    a * ctm[0] + b * ctm[2],
    a * ctm[1] + b * ctm[3],
    c * ctm[0] + d * ctm[2],
    c * ctm[1] + d * ctm[3],
    e * ctm[0] + f * ctm[2] + ctm[4],
    e * ctm[1] + f * ctm[3] + ctm[5],
  ];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** pdf.js's operator ids this module reads (`OPS` from pdfjs-dist). */
export interface OperatorIds {
  readonly save: number;
  readonly restore: number;
  readonly transform: number;
  readonly constructPath: number;
  readonly paintFormXObjectBegin: number;
  readonly paintFormXObjectEnd: number;
  readonly stroke: number;
  readonly closeStroke: number;
  readonly fill: number;
  readonly eoFill: number;
  readonly fillStroke: number;
  readonly eoFillStroke: number;
  readonly closeFillStroke: number;
  readonly closeEOFillStroke: number;
}

/** The widest a filled rectangle may be and still be a line drawn as a rectangle. */
const THIN = 2.5;
/** Shorter rules are not cell borders (tick marks, underlines of a character). */
const SHORT = 3;

/**
 * The rules drawn on a page: axis-aligned segments of stroked paths, and filled rectangles thin enough
 * to be lines. Curves, clipping paths and large filled areas (cell shading) are not rules.
 */
export function pageRules(list: { readonly fnArray: readonly number[]; readonly argsArray: readonly unknown[] }, ops: OperatorIds): Rule[] {
  const rules: Rule[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = IDENTITY;
  const strokes = new Set([ops.stroke, ops.closeStroke, ops.fillStroke, ops.eoFillStroke, ops.closeFillStroke, ops.closeEOFillStroke]);
  const fills = new Set([ops.fill, ops.eoFill]);
  const segment = (x0: number, y0: number, x1: number, y1: number) => {
    if (Math.abs(y0 - y1) <= 0.5 && Math.abs(x1 - x0) >= SHORT) rules.push({ horizontal: true, at: (y0 + y1) / 2, from: Math.min(x0, x1), to: Math.max(x0, x1) });
    else if (Math.abs(x0 - x1) <= 0.5 && Math.abs(y1 - y0) >= SHORT) rules.push({ horizontal: false, at: (x0 + x1) / 2, from: Math.min(y0, y1), to: Math.max(y0, y1) });
  };
  for (let i = 0; i < list.fnArray.length; i += 1) {
    const fn = list.fnArray[i];
    const args = list.argsArray[i] as unknown[] | null;
    if (fn === ops.save) stack.push(ctm);
    else if (fn === ops.restore) ctm = stack.pop() ?? IDENTITY;
    else if (fn === ops.transform) ctm = concat(ctm, args as number[]);
    else if (fn === ops.paintFormXObjectBegin) {
      stack.push(ctm);
      const matrix = args?.[0] as number[] | null | undefined;
      if (matrix && matrix.length === 6) ctm = concat(ctm, matrix);
    } else if (fn === ops.paintFormXObjectEnd) ctm = stack.pop() ?? IDENTITY;
    else if (fn === ops.constructPath && args) {
      const paint = args[0] as number;
      const stroked = strokes.has(paint);
      if (!stroked && !fills.has(paint)) continue;
      const data = (args[1] as ArrayLike<number>[] | undefined)?.[0];
      if (!data) continue;
      for (const shape of subpaths(data)) {
        const points = shape.points.map(([x, y]) => apply(ctm, x, y));
        if (stroked) {
          for (let k = 1; k < points.length; k += 1) segment(...points[k - 1]!, ...points[k]!);
          if (shape.closed && points.length > 2) segment(...points[points.length - 1]!, ...points[0]!);
        } else if (points.length >= 4 && points.length <= 5) {
          const xs = points.map((p) => p[0]);
          const ys = points.map((p) => p[1]);
          const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
          if (y1 - y0 <= THIN) segment(x0, (y0 + y1) / 2, x1, (y0 + y1) / 2);
          else if (x1 - x0 <= THIN) segment((x0 + x1) / 2, y0, (x0 + x1) / 2, y1);
        }
      }
    }
  }
  return rules;
}

/** The straight subpaths of a pdf.js path (DrawOPS: 0 moveTo, 1 lineTo, 2 curveTo, 3 quadraticCurveTo, 4 closePath). */
function subpaths(data: ArrayLike<number>): { points: [number, number][]; closed: boolean }[] {
  const out: { points: [number, number][]; closed: boolean; curved: boolean }[] = [];
  let current: { points: [number, number][]; closed: boolean; curved: boolean } | undefined;
  for (let i = 0; i < data.length; ) {
    const op = data[i++];
    if (op === 0) {
      current = { points: [[data[i]!, data[i + 1]!]], closed: false, curved: false };
      out.push(current);
      i += 2;
    } else if (op === 1) {
      current?.points.push([data[i]!, data[i + 1]!]);
      i += 2;
    } else if (op === 2) {
      if (current) current.curved = true;
      i += 6;
    } else if (op === 3) {
      if (current) current.curved = true;
      i += 4;
    } else if (op === 4) {
      if (current) current.closed = true;
    } else break;
  }
  return out.filter((s) => !s.curved);
}

// ---------------------------------------------------------------------------------------------------
// Grids

/** How far apart two rules may be and still be one (a border drawn twice, by each of two cells). */
const SAME = 1.2;
/** How far a rule may stop short of the rule it meets. */
const REACH = 2;

/** Rules on one line that touch or overlap, merged. */
function mergeRules(rules: readonly Rule[]): Rule[] {
  const sorted = [...rules].sort((p, q) => Number(p.horizontal) - Number(q.horizontal) || p.at - q.at || p.from - q.from);
  const out: Rule[] = [];
  for (const rule of sorted) {
    // The last merged rule on this line (same direction, within SAME) that this one reaches.
    let k = out.length - 1;
    while (k >= 0 && out[k]!.horizontal === rule.horizontal && rule.at - out[k]!.at <= SAME && out[k]!.to < rule.from - REACH) k -= 1;
    const last = out[k];
    if (last && last.horizontal === rule.horizontal && rule.at - last.at <= SAME && rule.from <= last.to + REACH) {
      out[k] = { ...last, to: Math.max(last.to, rule.to) };
    } else out.push(rule);
  }
  return out;
}

function touches(h: Rule, v: Rule): boolean {
  return v.at >= h.from - REACH && v.at <= h.to + REACH && h.at >= v.from - REACH && h.at <= v.to + REACH;
}

/** Positions within SAME of each other, as one (their mean), sorted. */
function clusters(values: readonly number[]): number[] {
  const sorted = [...values].sort((p, q) => p - q);
  const out: number[][] = [];
  for (const v of sorted) {
    const last = out[out.length - 1];
    if (last && v - last[last.length - 1]! <= SAME) last.push(v);
    else out.push([v]);
  }
  return out.map((c) => c.reduce((s, v) => s + v, 0) / c.length);
}

interface Grid {
  /** Column edges, left to right. */
  readonly xs: number[];
  /** Row edges, top to bottom (y decreasing). */
  readonly ys: number[];
  readonly horizontal: Rule[];
  readonly vertical: Rule[];
}

/** The grids of a page: rules that touch, joined; a grid has two rules each way or more. */
function gridsOf(rules: readonly Rule[]): Grid[] {
  const merged = mergeRules(rules);
  const parent = merged.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  merged.forEach((h, i) => {
    if (!h.horizontal) return;
    merged.forEach((v, j) => {
      if (!v.horizontal && touches(h, v)) parent[find(i)] = find(j);
    });
  });
  const groups = new Map<number, Rule[]>();
  merged.forEach((r, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), r]);
  });
  const grids: Grid[] = [];
  for (const group of groups.values()) {
    const horizontal = group.filter((r) => r.horizontal);
    const vertical = group.filter((r) => !r.horizontal);
    const xs = clusters(vertical.map((r) => r.at));
    const ys = clusters(horizontal.map((r) => r.at)).reverse();
    // A box around one cell (a framed paragraph) is not a table.
    if (xs.length < 2 || ys.length < 2 || (xs.length === 2 && ys.length === 2)) continue;
    grids.push({ xs, ys, horizontal, vertical });
  }
  return grids;
}

/**
 * Whether a rule at `at` (within SAME) covers the point `along` of the other axis (the middle of a row
 * or column, which a rule ending at the row's edge does not reach: rows of a table shrunk to fit a page
 * are only a few points high).
 */
function ruled(rules: readonly Rule[], at: number, along: number): boolean {
  return rules.some((r) => Math.abs(r.at - at) <= SAME && r.from - 0.5 <= along && along <= r.to + 0.5);
}

/** A cell of a grid: the elementary cells it covers (merged where no rule separates them). */
interface GridCell {
  readonly row: number;
  readonly col: number;
  readonly pieces: TextPiece[];
}

const CJK = /[\u3000-\u9fff\uff00-\uffef]/;

/**
 * A cell's text: its pieces in lines top to bottom, joined with a space only between Latin words or
 * figures; and where its last line ends.
 */
function cellText(pieces: readonly TextPiece[]): { text: string; end: number; size: number } {
  if (pieces.length === 0) return { text: "", end: -Infinity, size: 0 };
  const sorted = [...pieces].sort((p, q) => q.y - p.y || p.x - q.x);
  const lines: TextPiece[][] = [];
  for (const piece of sorted) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(line[0]!.y - piece.y) <= Math.min(line[0]!.size, piece.size) * 0.35) line.push(piece);
    else lines.push([piece]);
  }
  let text = "";
  let last = { end: -Infinity, size: 0 };
  for (const line of lines) {
    line.sort((p, q) => p.x - q.x);
    let end = -Infinity;
    let lineText = "";
    for (const piece of line) {
      const t = piece.text.trim();
      if (t === "") continue;
      if (lineText !== "" && piece.x - end > piece.size * 0.15 && !(CJK.test(lineText.slice(-1)) && CJK.test(t[0]!))) lineText += " ";
      lineText += t;
      end = Math.max(end, piece.x + piece.width);
    }
    if (lineText === "") continue;
    // A wrapped line continues the one above: a space only where both sides are Latin letters or digits.
    text = joinWrapped(text, lineText);
    last = { end, size: line[0]!.size };
  }
  return { text, ...last };
}

/** A wrapped line joined to the text before it: with a space only where both sides are Latin letters or digits. */
function joinWrapped(text: string, next: string): string {
  if (text === "" || next === "") return text + next;
  return /[A-Za-z0-9]$/.test(text) && /^[A-Za-z0-9]/.test(next) ? `${text} ${next}` : text + next;
}

/** A cell's first line as a table row opens: a code, a figure or a numbered label (一、 1、 (1)). */
const ROW_START = /^(?:[0-9]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十0-9]+[）)]|其中)/;

/**
 * A table row broken over a page (word processors let a tall row continue on the next page): `next`,
 * the first row on a page, continues `last`, the last row on the page before, when it holds no code or
 * figure, its cells are under cells of `last` that have text, and each of those was full (its last line
 * reached the cell's right edge: the next character did not fit). The two are joined into one row.
 */
export function continuedRow(last: RuledRow, next: RuledRow): RuledRow | undefined {
  if (last.cells.length !== next.cells.length) return undefined;
  const filled = next.cells.flatMap((c, k) => (c.text === "" ? [] : [k]));
  if (filled.length === 0) return undefined;
  for (const k of filled) {
    const [above, below] = [last.cells[k]!, next.cells[k]!];
    if (above.text === "" || ROW_START.test(below.text)) return undefined;
    const char = /^[A-Za-z0-9]/.test(below.text) ? below.size * 0.6 : below.size;
    if (above.right - above.end > char + above.size * 0.6) return undefined;
  }
  const cells = last.cells.map((c, k) => ({ ...c, text: joinWrapped(c.text, next.cells[k]!.text) }));
  return { ...last, cells, text: cells.map((c) => c.text).join("\t") };
}

/** Index of the band `v` falls in between `edges` (increasing or decreasing), or -1. */
function band(edges: readonly number[], v: number): number {
  for (let i = 0; i + 1 < edges.length; i += 1) {
    const [a, b] = [edges[i]!, edges[i + 1]!];
    if ((v - a) * (v - b) <= 0) return i;
  }
  return -1;
}

interface TextLine<T extends TextPiece> {
  readonly pieces: T[];
  readonly y: number;
  readonly size: number;
  readonly x0: number;
  readonly x1: number;
}

/** The relative width of a character: a Chinese one is square, a digit or Latin letter about half as wide. */
function charWeight(c: string): number {
  return CJK.test(c) ? 1 : /\s/.test(c) ? 0.3 : 0.55;
}

/**
 * A piece of text that runs over a vertical rule, split at its spaces: pdf.js joins text drawn in one
 * go into one piece (two figures in neighbouring cells, with a space between them). Where each word
 * starts is estimated from the widths of its characters.
 */
function splitAtRules(piece: TextPiece, xs: readonly number[]): TextPiece[] {
  const x1 = piece.x + piece.width;
  if (!/\S\s+\S/.test(piece.text.trim()) || !xs.some((x) => x > piece.x + 1 && x < x1 - 1)) return [piece];
  const chars = [...piece.text];
  const scale = piece.width / chars.reduce((sum, c) => sum + charWeight(c), 0);
  const parts: TextPiece[] = [];
  let at = piece.x;
  for (const word of piece.text.split(/(\s+)/)) {
    const width = [...word].reduce((sum, c) => sum + charWeight(c), 0) * scale;
    if (word.trim() !== "") parts.push({ text: word, x: at, y: piece.y, width, size: piece.size });
    at += width;
  }
  return parts;
}

/**
 * Pieces of text on one baseline that touch, with no rule between them (a word or figure printed in
 * several pieces), left to right.
 */
function textRuns<T extends TextPiece>(pieces: readonly T[], xs: readonly number[]): T[][] {
  const sorted = [...pieces].sort((p, q) => q.y - p.y || p.x - q.x);
  const lines: T[][] = [];
  for (const piece of sorted) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(line[0]!.y - piece.y) <= Math.min(line[0]!.size, piece.size) * 0.35) line.push(piece);
    else lines.push([piece]);
  }
  const runs: T[][] = [];
  for (const line of lines) {
    line.sort((p, q) => p.x - q.x);
    let run: T[] = [];
    for (const piece of line) {
      const last = run[run.length - 1];
      const gap = [last ? last.x + last.width : 0, piece.x];
      if (last && (gap[1]! - gap[0]! > piece.size * 0.3 || xs.some((x) => x > gap[0]! - 0.5 && x < gap[1]! + 0.5))) {
        runs.push(run);
        run = [];
      }
      run.push(piece);
    }
    runs.push(run);
  }
  return runs;
}

/**
 * The column a run of text is in: where its middle is; or, for text wider than its cell that spills over
 * a rule (a figure too wide for its column), the cell it is aligned in: the one whose right edge its
 * right end is near (right-aligned text spills to the left) or whose left edge its left end is near.
 */
function runColumn(run: readonly TextPiece[], xs: readonly number[]): number {
  const x0 = run[0]!.x;
  const x1 = Math.max(...run.map((p) => p.x + p.width));
  const [c0, c1] = [band(xs, x0 + 0.5), band(xs, x1 - 0.5)];
  if (c0 < 0 || c1 < 0 || c0 === c1) return band(xs, (x0 + x1) / 2);
  return xs[c1 + 1]! - x1 < x0 - xs[c0]! ? c1 : c0;
}

/**
 * The text of a grid in blocks, each in the elementary cell (row and column) it belongs to. A line of
 * text belongs where its middle is. But a cell whose row is too low for its wrapped text (a workbook
 * printed without its rows grown to fit) spills its lines over the rules above and below it: a line
 * that crosses a rule is joined to the line just above or below it in the column (one line-pitch away,
 * aligned with it), and the block goes to the row its middle is in.
 */
function textBlocks<T extends TextPiece>(pieces: readonly T[], xs: readonly number[], ys: readonly number[]): { row: number; col: number; pieces: T[] }[] {
  const columns = new Map<number, T[]>();
  for (const run of textRuns(pieces.filter((p) => band(ys, p.y + p.size * 0.35) >= 0), xs)) {
    const c = runColumn(run, xs);
    if (c >= 0) columns.set(c, [...(columns.get(c) ?? []), ...run]);
  }
  const top = (l: TextLine<T>) => l.y + l.size * 0.75;
  const bottom = (l: TextLine<T>) => l.y - l.size * 0.1;
  const crosses = (l: TextLine<T>) => ys.some((y) => y < top(l) - 0.3 && y > bottom(l) + 0.3);
  const aligned = (a: TextLine<T>, b: TextLine<T>) => Math.abs(a.x0 - b.x0) <= 1.5 || Math.abs(a.x1 - b.x1) <= 1.5 || Math.abs(a.x0 + a.x1 - b.x0 - b.x1) <= 3;
  const out: { row: number; col: number; pieces: T[] }[] = [];
  for (const [col, inColumn] of columns) {
    const sorted = [...inColumn].sort((p, q) => q.y - p.y || p.x - q.x);
    const lines: TextLine<T>[] = [];
    for (const piece of sorted) {
      const line = lines[lines.length - 1];
      if (line && Math.abs(line.y - piece.y) <= Math.min(line.size, piece.size) * 0.35) {
        lines[lines.length - 1] = { ...line, pieces: [...line.pieces, piece], x0: Math.min(line.x0, piece.x), x1: Math.max(line.x1, piece.x + piece.width) };
      } else lines.push({ pieces: [piece], y: piece.y, size: piece.size, x0: piece.x, x1: piece.x + piece.width });
    }
    let block: TextLine<T>[] = [];
    const flush = () => {
      if (block.length === 0) return;
      const middle = block.length === 1 ? block[0]!.y + block[0]!.size * 0.35 : (top(block[0]!) + bottom(block[block.length - 1]!)) / 2;
      const row = band(ys, middle);
      out.push({ row: row < 0 ? band(ys, block[0]!.y + block[0]!.size * 0.35) : row, col, pieces: block.flatMap((l) => l.pieces) });
      block = [];
    };
    for (const line of lines) {
      const last = block[block.length - 1];
      const pitch = last ? (last.y - line.y) / line.size : 0;
      if (last && !(pitch >= 1.1 && pitch <= 1.9 && aligned(last, line) && (crosses(last) || crosses(line)))) flush();
      block.push(line);
    }
    flush();
  }
  return out;
}

/**
 * The ruled tables of a page as rows of text, and the pieces of text they hold (the rest of the page
 * is read as lines). A piece belongs to the cell its middle lies in.
 */
export function ruledTables<T extends TextPiece>(pieces: readonly T[], rules: readonly Rule[]): { rows: RuledRow[]; used: Set<T> } {
  const rows: RuledRow[] = [];
  const used = new Set<T>();
  for (const grid of gridsOf(rules)) {
    const { xs, ys, horizontal, vertical } = grid;
    const width = xs.length - 1;
    const height = ys.length - 1;
    // Elementary cells joined where no rule separates them.
    const parent = Array.from({ length: width * height }, (_, i) => i);
    const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
    const join = (a: number, b: number) => {
      const [ra, rb] = [find(a), find(b)];
      // The top-left cell is the root, so a merged cell is found at its first row and column.
      if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
    };
    for (let r = 0; r < height; r += 1) {
      const mid = (ys[r]! + ys[r + 1]!) / 2;
      for (let c = 0; c + 1 < width; c += 1) if (!ruled(vertical, xs[c + 1]!, mid)) join(r * width + c, r * width + c + 1);
    }
    for (let c = 0; c < width; c += 1) {
      const mid = (xs[c]! + xs[c + 1]!) / 2;
      for (let r = 0; r + 1 < height; r += 1) if (!ruled(horizontal, ys[r + 1]!, mid)) join(r * width + c, (r + 1) * width + c);
    }
    const cells = new Map<number, GridCell>();
    const cellAt = (root: number) => {
      let cell = cells.get(root);
      if (!cell) cells.set(root, (cell = { row: Math.floor(root / width), col: root % width, pieces: [] }));
      return cell;
    };
    let held = 0;
    const whole = new Map<TextPiece, T>();
    const parts = pieces.filter((p) => !used.has(p)).flatMap((p) => splitAtRules(p, xs).map((part) => (whole.set(part, p), part)));
    for (const block of textBlocks(parts, xs, ys)) {
      cellAt(find(block.row * width + block.col)).pieces.push(...block.pieces);
      for (const piece of block.pieces) used.add(whole.get(piece)!);
      held += block.pieces.length;
    }
    if (held === 0) continue;
    const blank: RuledCell = { text: "", right: 0, end: -Infinity, size: 0 };
    const texts = Array.from({ length: height }, () => new Array<RuledCell>(width).fill(blank));
    const right = new Map<number, number>();
    for (let i = 0; i < width * height; i += 1) {
      const root = find(i);
      if (root === i) cellAt(i);
      right.set(root, Math.max(right.get(root) ?? 0, xs[(i % width) + 1]!));
    }
    for (const [root, cell] of cells) texts[cell.row]![cell.col] = { ...cellText(cell.pieces), right: right.get(root)! };
    const filled = texts.filter((cells) => cells.some((c) => c.text !== ""));
    const head = filled[0]?.map((c) => c.text).join("\t") ?? "";
    texts.forEach((cells, r) => {
      if (cells.every((c) => c.text === "")) return;
      rows.push({ y: (ys[r]! + ys[r + 1]!) / 2, text: cells.map((c) => c.text).join("\t"), first: cells === filled[0], cells, edges: xs, head });
    });
  }
  return { rows, used };
}
