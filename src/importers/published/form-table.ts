/**
 * Reads the form-like 绩效目标 tables (表13 per project, 表14 部门整体, 表15 专项资金): labelled fields
 * above the grid (项目名称, 资金金额, 总体目标 …), 表14's task rows, and one row per 绩效指标 with its
 * 一级/二级指标 carried down from the merged cells above. The template's placeholders (`指标2：`,
 * `.....`) are not indicators and are left out.
 */
import type { CellValue, Field, Row } from "../../model/table.ts";
import { ALL_INDICATOR_LEVEL2, INDICATOR_LEVEL1 } from "../../model/vocabulary.ts";
import { INDICATOR_COLUMNS, INDICATOR_GROUP, TASK_COLUMNS, TASK_GROUP } from "./canonical.ts";
import { compact, readAmount } from "./cells.ts";
import type { GridPiece, GridRow, Unread } from "./pieces.ts";
import type { ReadResult, TableStart } from "./row-table.ts";

const LEVEL1 = new Set<string>(INDICATOR_LEVEL1);
/** 可持续发展指标 is the seed's wording of the template's 可持续影响指标. */
const LEVEL2 = new Set<string>([...ALL_INDICATOR_LEVEL2, "可持续发展指标"]);

const FIELD_LABELS = [
  "项目名称", "主管部门", "实施期限", "实施期资金总额", "年度资金总额", "其中：财政拨款", "其他资金",
  "总体目标", "实施期总目标", "年度目标", "部门（单位）名称", "年度总体目标",
];
const AMOUNT_FIELD = /资金总额|财政拨款|其他资金/;
/** Cells that only group fields (资金金额（万元）) or are the row header of a block. */
const GROUP_CELL = /^(?:资金金额|年度主要任务|年度绩效指标|绩效指标)/;

/** `指标1：`, `.....`: the template's empty slots. */
function isPlaceholder(text: string): boolean {
  return compact(text).replace(/指标\d+[：:]/g, "").replace(/[.…。]+/g, "") === "";
}

function fieldLabel(cell: string): string | undefined {
  const text = compact(cell).replace(/[：:]$/, "").replace(/:/g, "：").replace(/\(/g, "（").replace(/\)/g, "）");
  return FIELD_LABELS.includes(text) ? text : undefined;
}

function filledCells(row: GridRow): string[] {
  return row.cells.map((c) => c.trim()).filter((c) => c !== "");
}

export function readFormTable(start: TableStart, grid: GridPiece): ReadResult {
  const unread: Unread[] = [];
  const indicatorStart = grid.rows.findIndex((r) => r.cells.some((c) => compact(c) === "一级指标"));
  const above = indicatorStart < 0 ? grid.rows : grid.rows.slice(0, indicatorStart);
  const isOverall = start.number === 14;
  const pad = isOverall ? TASK_COLUMNS.length : 0;
  const tasks = isOverall ? taskRows(above, start, unread) : { rows: [], used: new Set<GridRow>() };
  const fields = readFields(above.filter((r) => !tasks.used.has(r)), start, unread);
  const indicators = indicatorStart < 0 ? [] : indicatorRows(grid.rows.slice(indicatorStart), pad, isOverall ? INDICATOR_GROUP : undefined);
  const rows = [...tasks.rows, ...indicators];
  const hasContent = rows.length > 0 || fields.some((f) => f.value !== null && f.value !== "");
  return {
    tables: [
      {
        number: start.number,
        title: start.title,
        unit: start.unit,
        empty: !hasContent,
        layout: "form",
        ...(isOverall ? { groups: [TASK_GROUP, INDICATOR_GROUP] } : {}),
        header: [],
        columns: isOverall ? [...TASK_COLUMNS, ...INDICATOR_COLUMNS] : INDICATOR_COLUMNS,
        fields,
        rows,
        source: { line: start.line },
      },
    ],
    unread,
  };
}

/**
 * Fields: in each row, a known label followed by its value. When one row names two parents
 * (实施期资金总额 | 年度资金总额, as 表15 prints them), the 其中 lines below are prefixed with their parent.
 */
function readFields(rows: readonly GridRow[], start: TableStart, unread: Unread[]): Field[] {
  const fields: Field[] = [];
  let parents: string[] = [];
  for (const row of rows) {
    const cells = filledCells(row).filter((c) => !GROUP_CELL.test(compact(c)));
    const labelsInRow: string[] = [];
    for (let i = 0; i < cells.length; i += 1) {
      const label = fieldLabel(cells[i]!);
      if (!label) continue;
      const valueText = cells[i + 1] !== undefined && !fieldLabel(cells[i + 1]!) ? cells[i + 1]! : "";
      if (valueText) i += 1;
      const column = labelsInRow.length;
      labelsInRow.push(label);
      const parent = parents.length > 1 && /^(其中|其他)/.test(label) ? parents[column] : undefined;
      fields.push(field(parent ? `${parent}/${label}` : label, valueText, start, row, unread));
    }
    const rowParents = labelsInRow.filter((l) => /资金总额$/.test(l));
    if (rowParents.length > 0) parents = rowParents;
  }
  return fields;
}

function field(label: string, text: string, start: TableStart, row: GridRow, unread: Unread[]): Field {
  if (!AMOUNT_FIELD.test(label)) return { label, value: text === "" || isPlaceholder(text) ? null : text };
  const amount = readAmount(text, "万元");
  if (!amount.ok) unread.push({ text, source: { line: row.line }, why: `表${start.number}“${label}”不是金额` });
  return { label, value: amount.ok ? amount.value : null, unit: "万元" };
}

/** 表14's 年度主要任务: rows below the 任务名称 header, up to and including 金额合计. */
function taskRows(rows: readonly GridRow[], start: TableStart, unread: Unread[]): { rows: Row[]; used: Set<GridRow> } {
  const headerIndex = rows.findIndex((r) => r.cells.some((c) => compact(c) === "任务名称"));
  const used = new Set<GridRow>();
  if (headerIndex < 0) return { rows: [], used };
  const nameColumn = rows[headerIndex]!.cells.findIndex((c) => compact(c) === "任务名称");
  const out: Row[] = [];
  for (const row of rows.slice(headerIndex)) {
    used.add(row);
    const name = compact(row.cells.slice(0, nameColumn + 1).join(""));
    if (name === "" || isPlaceholder(name) || GROUP_CELL.test(name)) continue;
    const total = /合计/.test(name);
    const content = (row.cells[nameColumn + 1] ?? "").trim();
    const amounts = [2, 3, 4].map((offset) => {
      const text = row.cells[nameColumn + offset] ?? "";
      const amount = readAmount(text, "万元");
      if (!amount.ok) unread.push({ text, source: { line: row.line }, why: `表${start.number}“${name}”的金额读不出` });
      return amount.ok ? amount.value : null;
    });
    const values: CellValue[] = [content === "" ? null : content, ...amounts, null, null, null, null];
    out.push({ label: name, level: total ? 0 : 1, kind: total ? "total" : "item", group: TASK_GROUP, values, source: { line: row.line } });
    if (total) break;
  }
  return { rows: out, used };
}

/** One row per indicator; 一级/二级指标 carry down from the rows above (merged cells print once). */
function indicatorRows(rows: readonly GridRow[], pad: number, group: string | undefined): Row[] {
  let level1: string | null = null;
  let level2: string | null = null;
  const out: Row[] = [];
  rows.forEach((row, index) => {
    const cells = filledCells(row).map((c) => c.trim());
    let rest = cells;
    cells.forEach((cell, i) => {
      const text = compact(cell);
      if (LEVEL1.has(text)) {
        level1 = text;
        level2 = null;
        rest = cells.slice(i + 1);
      } else if (LEVEL2.has(text)) {
        level2 = text;
        rest = cells.slice(i + 1);
      }
    });
    if (index === 0) return;
    if (rest.length > 0 && /^指标\d+[：:]$/.test(compact(rest[0]!))) rest = rest.slice(1);
    const content = (rest[0] ?? "").replace(/^指标\d+[：:]\s*/, "");
    if (content === "" || isPlaceholder(content)) return;
    const values: CellValue[] = [...Array.from({ length: pad }, () => null), level1, level2, rest[1] ?? null, rest[2] ?? null];
    out.push({ label: content, level: 2, kind: "item", ...(group ? { group } : {}), values, source: { line: row.line } });
  });
  return out;
}
