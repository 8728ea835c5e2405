/**
 * Reads a table printed as side-by-side blocks (表1 收支总表, 表4 财政拨款收支总表, 表9 政府性基金收支表):
 * eight columns, a label and a 预算数 for each of 收入 | 支出功能 | 部门经济 | 政府经济. Each pair of
 * columns becomes one block of rows, in print order, as the builder lays them out.
 */
import type { Row } from "../../model/table.ts";
import { BLOCK_AMOUNT_COLUMN, BLOCK_AMOUNT_HEADER, BLOCK_GROUPS } from "./canonical.ts";
import { compact, readAmount } from "./cells.ts";
import { columnPaths, gridWidth, printedHeaderRows } from "./header.ts";
import type { GridPiece, GridRow, Unread } from "./pieces.ts";
import type { ReadResult, TableStart } from "./row-table.ts";

interface Block {
  readonly group: string;
  readonly labelColumn: number;
  readonly amountColumn: number;
}

const AMOUNT_HEADER_CELL = /^(?:本年)?(?:预算数|决算数|预算金额|金额)/;

/** Header rows end with the row that names the amount columns (预算数). */
function blocksHeaderDepth(rows: readonly GridRow[]): number {
  let depth = 0;
  rows.slice(0, 4).forEach((r, i) => {
    if (r.cells.some((c) => AMOUNT_HEADER_CELL.test(compact(c)))) depth = i + 1;
  });
  return depth;
}

function findBlocks(paths: readonly string[]): Block[] | null {
  const blocks: Block[] = [];
  for (let c = 0; c + 1 < paths.length; c += 2) {
    const group = BLOCK_GROUPS.find((g) => g.header.test(paths[c]!));
    if (!group || !BLOCK_AMOUNT_HEADER.test(paths[c + 1]!)) return null;
    blocks.push({ group: group.group, labelColumn: c, amountColumn: c + 1 });
  }
  const groups = blocks.map((b) => b.group);
  return new Set(groups).size === groups.length && groups.length > 0 ? blocks : null;
}

export function readBlocksTable(start: TableStart, grid: GridPiece): ReadResult {
  const depth = blocksHeaderDepth(grid.rows);
  const header = grid.rows.slice(0, depth);
  const blocks = depth > 0 ? findBlocks(columnPaths(header, gridWidth(grid.rows))) : null;
  if (!blocks) {
    const printed = header.map((r) => r.cells.join(" | ")).join(" / ") || start.title;
    return { tables: [], unread: [{ text: printed, source: { line: start.line }, why: `表${start.number}的表头分不出收入、支出各栏` }] };
  }
  const unread: Unread[] = [];
  const data = grid.rows.slice(depth);
  const rows = blocks.flatMap((block) => withKindsAndLevels(blockRows(block, data, start, unread)));
  return {
    tables: [
      {
        number: start.number,
        title: start.title,
        unit: start.unit,
        empty: !rows.some((r) => r.values[0] !== null),
        layout: "blocks",
        groups: BLOCK_GROUPS.map((g) => g.group),
        header: printedHeaderRows(header),
        columns: [BLOCK_AMOUNT_COLUMN],
        rows,
        source: { line: start.line },
      },
    ],
    unread,
  };
}

function blockRows(block: Block, data: readonly GridRow[], start: TableStart, unread: Unread[]): Row[] {
  const rows: Row[] = [];
  for (const gridRow of data) {
    const label = (gridRow.cells[block.labelColumn] ?? "").trim();
    const text = gridRow.cells[block.amountColumn] ?? "";
    const amount = readAmount(text, start.unit);
    const source = { line: gridRow.line };
    if (!amount.ok) unread.push({ text, source, why: `表${start.number}“${label}”的预算数不是金额` });
    const value = amount.ok ? amount.value : null;
    if (label === "" && value === null) continue;
    if (label === "") unread.push({ text, source, why: `表${start.number}${block.group}栏有金额而没有项目名称` });
    rows.push({ label, level: 0, kind: "item", group: block.group, values: [value], source });
  }
  return rows;
}

const CHINESE_NUMBERED = /^[一二三四五六七八九十]+、/;
const ARABIC_NUMBERED = /^\d+[、.．]/;
const BRACKET_NUMBERED = /^[（(]\d+[)）]/;
const TOTAL = /合计|总计/;

/**
 * Kinds and levels as the template has them: 合计/总计 rows are totals; a 一、 row followed by 1、 rows
 * is a heading (一、部门预算); 一、 is level 0, 1、 level 1, (1) level 2; 其中 and unnumbered rows sit one
 * below the last numbered row, except after a total (用事业基金弥补收支差额, 上年结转), where they are 0.
 */
function withKindsAndLevels(rows: readonly Row[]): Row[] {
  let numberedLevel = -1;
  let afterTotal = false;
  return rows.map((row, i) => {
    const label = compact(row.label);
    const next = compact(rows[i + 1]?.label ?? "");
    const kind = TOTAL.test(label) ? "total" : CHINESE_NUMBERED.test(label) && ARABIC_NUMBERED.test(next) ? "heading" : "item";
    const numbered = numberedLevelOf(label);
    if (kind === "total") afterTotal = true;
    else if (numbered !== undefined) numberedLevel = numbered;
    const level = kind === "total" || afterTotal ? 0 : (numbered ?? numberedLevel + 1);
    return { ...row, kind, level };
  });
}

function numberedLevelOf(label: string): number | undefined {
  if (CHINESE_NUMBERED.test(label)) return 0;
  if (ARABIC_NUMBERED.test(label)) return 1;
  if (BRACKET_NUMBERED.test(label)) return 2;
  return undefined;
}
