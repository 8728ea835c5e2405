/**
 * Reads a table printed as side-by-side blocks (表1 收支总表, 表4 财政拨款收支总表, 表9 政府性基金收支表):
 * eight columns, a label and a 预算数 for each of 收入 | 支出功能 | 部门经济 | 政府经济. Each pair of
 * columns becomes one block of rows, in print order, as the builder lays them out.
 */
import type { Fen } from "../../model/money.ts";
import type { Column, Row } from "../../model/table.ts";
import { BLOCK_AMOUNT_COLUMN, BLOCK_AMOUNT_HEADER, BLOCK_GROUPS } from "./canonical.ts";
import { compact, looksLikeAmount, readAmount } from "./cells.ts";
import { columnPaths, gridWidth, isColumnNumberRow, printedHeaderRows } from "./header.ts";
import type { GridPiece, GridRow, Unread } from "./pieces.ts";
import type { ReadResult, TableStart } from "./row-table.ts";

interface Block {
  readonly group: string;
  readonly labelColumn: number;
  /** The figure columns of the block: the first is the table's figure, the others extra columns. */
  readonly amountColumns: readonly number[];
}

const AMOUNT_HEADER_CELL = /^(?:本年)?(?:预算数|决算数|预算金额|金额)|^(?:年初|全年|调整)?预算数$|^决算数$/;
const LINE_NUMBER = /(?:^|\/)(?:行次|栏次)$/;

/**
 * Header rows end with the row that names the amount columns (预算数), or with a row below it that only
 * splits those columns (`预算数` over `合计 | 一般公共预算 | 政府性基金预算`, as merged cells print it).
 */
function blocksHeaderDepth(rows: readonly GridRow[]): number {
  let depth = 0;
  rows.slice(0, 4).forEach((r, i) => {
    if (r.cells.some((c) => AMOUNT_HEADER_CELL.test(compact(c)))) depth = i + 1;
  });
  while (depth > 0 && depth < rows.length && splitsAmountColumns(rows[depth]!, rows[depth - 1]!)) depth += 1;
  return depth;
}

/** Every filled cell of `row` stands under an amount heading of `above` (or its merged span), none is a figure. */
function splitsAmountColumns(row: GridRow, above: GridRow): boolean {
  const filled = row.cells.flatMap((c, i) => (c.trim() === "" ? [] : [i]));
  if (filled.length === 0) return false;
  return filled.every((i) => {
    if (looksLikeAmount(row.cells[i]!)) return false;
    let j = i;
    while (j > 0 && (above.cells[j] ?? "").trim() === "") j -= 1;
    return AMOUNT_HEADER_CELL.test(compact(above.cells[j] ?? ""));
  });
}

/**
 * The block a label column belongs to, by its header: 政府…经济, then 经济, 功能, 收入; a block headed
 * only 支出 (the central and Shanghai 收支总表) lists the 功能 类, as those tables do.
 */
function groupOf(path: string): string | undefined {
  const g = (name: string) => BLOCK_GROUPS.find((b) => b.group.startsWith(name))?.group;
  if (/政府.*经济/.test(path)) return g("政府预算");
  if (/经济/.test(path)) return g("部门预算");
  if (/功能/.test(path)) return g("支出功能");
  if (/收入/.test(path)) return g("收入");
  if (/支出/.test(path)) return g("支出功能");
  if (/项目/.test(path)) return g("收入");
  return undefined;
}

/**
 * Each block is a label column, perhaps a 行次 column, and one or more figure columns. In a 决算 table
 * the 决算数 column is the block's figure and a 年初预算数 beside it is kept as an extra column.
 */
function findBlocks(paths: readonly string[]): Block[] | null {
  const blocks: { group: string; labelColumn: number; amounts: number[] }[] = [];
  paths.forEach((path, c) => {
    if (path === "" || LINE_NUMBER.test(path)) return;
    const leaf = path.slice(path.lastIndexOf("/") + 1);
    const isLabel = /项目|科目|名称/.test(leaf) || (/收入|支出/.test(leaf) && !BLOCK_AMOUNT_HEADER.test(leaf));
    if (!isLabel && blocks.length > 0) {
      blocks.at(-1)!.amounts.push(c);
      return;
    }
    const group = groupOf(path);
    if (group) blocks.push({ group, labelColumn: c, amounts: [] });
  });
  if (blocks.length === 0 || blocks.some((b) => b.amounts.length === 0)) return null;
  const groups = blocks.map((b) => b.group);
  if (new Set(groups).size !== groups.length) return null;
  return blocks.map((b) => {
    const final = b.amounts.find((c) => /决算/.test(paths[c]!));
    const first = final ?? b.amounts[0]!;
    return { group: b.group, labelColumn: b.labelColumn, amountColumns: [first, ...b.amounts.filter((c) => c !== first)] };
  });
}

/** An expenditure block's label: the 支出 side of a 收支总表 never holds a 收入 row. */
const EXPENDITURE_LABEL = /支出$|支出合计|支出总计|结转下年|年终结转/;

/**
 * A row copied with spaces, its blank cells gone: each label opens the next block (skipping the 收入
 * block for a label only an expenditure block has), each figure goes to the current block's figure.
 */
function realigned(row: GridRow, blocks: readonly Block[], width: number): GridRow {
  const cells: string[] = Array.from({ length: width }, () => "");
  let b = -1;
  for (const cell of row.cells.map((c) => c.trim()).filter((c) => c !== "")) {
    if (looksLikeAmount(cell) && b >= 0) {
      const column = blocks[b]!.amountColumns[0]!;
      if (cells[column] === "") cells[column] = cell;
      continue;
    }
    b += 1;
    if (b === 0 && blocks.length > 1 && blocks[0]!.group === "收入" && EXPENDITURE_LABEL.test(compact(cell))) b = 1;
    if (b >= blocks.length) break;
    cells[blocks[b]!.labelColumn] = cell;
  }
  return { ...row, cells };
}

const leafOf = (path: string) => path.slice(path.lastIndexOf("/") + 1);

export function readBlocksTable(start: TableStart, grid: GridPiece): ReadResult {
  const all = grid.rows.filter((r) => !isColumnNumberRow(r));
  const depth = blocksHeaderDepth(all);
  const header = all.slice(0, depth);
  const paths = depth > 0 ? columnPaths(header, gridWidth(all)) : [];
  const blocks = depth > 0 ? findBlocks(paths) : null;
  if (!blocks) {
    const printed = header.map((r) => r.cells.join(" | ")).join(" / ") || start.title;
    return { tables: [], unread: [{ text: printed, source: { line: start.line }, why: `表${start.number}的表头分不出收入、支出各栏` }] };
  }
  const final = blocks.some((b) => /决算/.test(paths[b.amountColumns[0]!]!));
  const main: Column = final ? { ...BLOCK_AMOUNT_COLUMN, label: "决算数" } : BLOCK_AMOUNT_COLUMN;
  const extraLabels = [...new Set(blocks.flatMap((b) => b.amountColumns.slice(1).map((c) => leafOf(paths[c]!))))];
  const columns: Column[] = [main, ...extraLabels.map((label): Column => ({ key: `extra:${label}`, label, kind: "amount" }))];
  const unread: Unread[] = [];
  const printedHeader = new Set(header.map((r) => compact(r.cells.join(""))));
  const width = gridWidth(header);
  const data = all
    .slice(depth)
    .filter((r) => !printedHeader.has(compact(r.cells.join(""))))
    .map((r) => (grid.spaceSeparated && r.cells.length < width ? realigned(r, blocks, width) : r));
  const rows = blocks.flatMap((block) => withKindsAndLevels(blockRows(block, paths, extraLabels, data, start, unread)));
  return {
    tables: [
      {
        number: start.number,
        title: start.title,
        unit: start.unit,
        empty: !rows.some((r) => r.values.some((v) => v !== null)),
        layout: "blocks",
        groups: BLOCK_GROUPS.map((g) => g.group).filter((g) => blocks.some((b) => b.group === g)),
        header: printedHeaderRows(header),
        columns,
        rows,
        source: { line: start.line },
      },
    ],
    unread,
  };
}

function blockRows(
  block: Block,
  paths: readonly string[],
  extraLabels: readonly string[],
  data: readonly GridRow[],
  start: TableStart,
  unread: Unread[],
): Row[] {
  const rows: Row[] = [];
  const [first, ...others] = block.amountColumns;
  const extraColumns = extraLabels.map((l) => others.find((c) => leafOf(paths[c]!) === l));
  for (const gridRow of data) {
    const label = (gridRow.cells[block.labelColumn] ?? "").trim();
    const source = { line: gridRow.line };
    const values = [blockAmount(gridRow, first!, label, source, paths, start, unread)];
    for (const column of extraColumns) values.push(column === undefined ? null : blockAmount(gridRow, column, label, source, paths, start, unread));
    if (label === "" && values.every((v) => v === null)) continue;
    if (label === "") unread.push({ text: gridRow.cells[first!] ?? "", source, why: `表${start.number}${block.group}栏有金额而没有项目名称` });
    rows.push({ label, level: 0, kind: "item", group: block.group, values, source });
  }
  return rows;
}

function blockAmount(
  gridRow: GridRow,
  column: number,
  label: string,
  source: { line: number },
  paths: readonly string[],
  start: TableStart,
  unread: Unread[],
): Fen | null {
  const text = gridRow.cells[column] ?? "";
  const amount = readAmount(text, start.unit);
  if (!amount.ok) unread.push({ text, source, why: `表${start.number}“${label}”的${leafOf(paths[column]!)}不是金额` });
  return amount.ok ? amount.value : null;
}

const CHINESE_NUMBERED = /^[一二三四五六七八九十]+、/;
const ARABIC_NUMBERED = /^\d+[、.．]/;
const BRACKET_NUMBERED = /^[（(]\d+[)）]/;
/** `（一）` under `一、本年收入`, as other provinces number the items of 表4. */
const BRACKET_CHINESE = /^[（(][一二三四五六七八九十]+[)）]/;
const TOTAL = /合计|总计/;

/**
 * Kinds and levels as the template has them: 合计/总计 rows are totals; a 一、 row followed by 1、 (or
 * （一）) rows is a heading (一、部门预算, 一、本年支出); 一、 is level 0, 1、 and （一） level 1, (1) level 2; 其中 and unnumbered rows sit one
 * below the last numbered row, except after a total (用事业基金弥补收支差额, 上年结转), where they are 0.
 */
function withKindsAndLevels(rows: readonly Row[]): Row[] {
  let numberedLevel = -1;
  let afterTotal = false;
  return rows.map((row, i) => {
    const label = compact(row.label);
    const next = compact(rows[i + 1]?.label ?? "");
    const kind = TOTAL.test(label) ? "total" : CHINESE_NUMBERED.test(label) && (ARABIC_NUMBERED.test(next) || BRACKET_CHINESE.test(next)) ? "heading" : "item";
    const numbered = numberedLevelOf(label);
    if (kind === "total") afterTotal = true;
    else if (numbered !== undefined) numberedLevel = numbered;
    const level = kind === "total" || afterTotal ? 0 : (numbered ?? numberedLevel + 1);
    return { ...row, kind, level };
  });
}

function numberedLevelOf(label: string): number | undefined {
  if (CHINESE_NUMBERED.test(label)) return 0;
  if (ARABIC_NUMBERED.test(label) || BRACKET_CHINESE.test(label)) return 1;
  if (BRACKET_NUMBERED.test(label)) return 2;
  return undefined;
}
