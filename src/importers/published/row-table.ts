/**
 * Reads a row table (表2, 表3, 表5–表8, 表10–表12) onto the builder's columns: the code and label
 * columns become each row's `code` and `label`, every other printed column is mapped by its header
 * onto a standard column, and what maps nowhere is reported.
 */
import type { CellValue, MeasureUnit, Row, Table } from "../../model/table.ts";
import type { TableNumber } from "../../model/vocabulary.ts";
import type { RowTableSpec } from "./canonical.ts";
import { compact, readAmount, readCode, splitCodedLabel } from "./cells.ts";
import { columnPaths, gridWidth, headerDepth, isPlaceholderRow, printedHeaderRows } from "./header.ts";
import type { GridPiece, GridRow, Unread } from "./pieces.ts";

export interface TableStart {
  readonly number: TableNumber;
  readonly title: string;
  readonly unit: MeasureUnit;
  readonly line: number;
}

export interface ReadResult {
  readonly tables: readonly Table[];
  readonly unread: readonly Unread[];
}

/** Where each standard column and the code and label are printed; -1 when not printed. */
interface ColumnMap {
  readonly code: number;
  readonly label: number;
  readonly values: readonly number[];
}

const TOTAL_LABEL = /^(?:合计|总计|本年(?:收入|支出)?合计|.*[合总]计)$/;

export function readRowTable(start: TableStart, grid: GridPiece, spec: RowTableSpec): ReadResult {
  const depth = headerDepth(grid.rows);
  const header = grid.rows.slice(0, depth);
  const paths = columnPaths(header, gridWidth(grid.rows));
  const unread: Unread[] = [];
  const map = mapColumns(paths, spec, (path) =>
    unread.push({ text: path, source: { line: header[0]?.line ?? grid.line }, why: `表${start.number}的表头“${path}”对不上标准列` }),
  );
  if (map.label < 0) {
    return {
      tables: [],
      unread: [...unread, { text: start.title, source: { line: start.line }, why: `表${start.number}找不到名称列，整张表未读` }],
    };
  }
  const rows: Row[] = [];
  const width = gridWidth(grid.rows);
  for (const gridRow of grid.rows.slice(depth)) {
    const row = readRow(grid.spaceSeparated ? withBlankCode(gridRow, map, width) : gridRow, map, spec, start, unread);
    if (!row) continue;
    const previous = rows.at(-1);
    if (previous && isWrappedLabel(row, previous)) rows[rows.length - 1] = { ...previous, label: previous.label + row.label };
    else rows.push(row);
  }
  return {
    tables: [
      {
        number: start.number,
        title: start.title,
        unit: start.unit,
        empty: !rows.some((r) => r.kind !== "total" || r.values.some((v) => v !== null)),
        layout: "rows",
        header: printedHeaderRows(header),
        columns: spec.columns.map((c) => c.column),
        rows: withLevels(rows),
        source: { line: start.line },
      },
    ],
    unread,
  };
}

function mapColumns(paths: readonly string[], spec: RowTableSpec, unmapped: (path: string) => void): ColumnMap {
  const values = spec.columns.map(() => -1);
  let code = -1;
  let label = -1;
  paths.forEach((path, index) => {
    if (path === "") return;
    const standard = spec.columns.findIndex((c, i) => values[i] === -1 && c.header.test(path));
    if (standard >= 0 && (spec.columns[standard]!.column.kind === "text" || !isLabelHeader(path, spec))) {
      values[standard] = index;
    } else if (code < 0 && spec.codeHeader.test(path)) {
      code = index;
    } else if (label < 0 && spec.labelHeader.test(path)) {
      label = index;
    } else if (standard >= 0) {
      values[standard] = index;
    } else {
      unmapped(path);
    }
  });
  return { code, label, values };
}

/** A code or name header (科目编码, 项目名称) is never an amount column, whatever words it shares. */
function isLabelHeader(path: string, spec: RowTableSpec): boolean {
  return /编码|代码|名称/.test(path) && (spec.codeHeader.test(path) || spec.labelHeader.test(path));
}

function readRow(gridRow: GridRow, map: ColumnMap, spec: RowTableSpec, start: TableStart, unread: Unread[]): Row | null {
  const cell = (index: number) => (index < 0 ? "" : (gridRow.cells[index] ?? "").trim());
  const source = { line: gridRow.line };
  if (gridRow.cells.every((c) => c.trim() === "")) return null;
  if (isPlaceholderRow(gridRow)) {
    return { label: "合计", level: 0, kind: "total", values: spec.columns.map(() => null), source };
  }
  const { code, label } = codeAndLabel(cell(map.code), cell(map.label));
  const values: CellValue[] = spec.columns.map((c, i) => {
    const text = cell(map.values[i]!);
    if (c.column.kind === "text") return text === "" ? null : text;
    const amount = readAmount(text, start.unit);
    if (!amount.ok) unread.push({ text, source, why: `表${start.number}“${label}”的${c.column.label}不是金额` });
    return amount.ok ? amount.value : null;
  });
  const kind = code === undefined && TOTAL_LABEL.test(compact(label)) ? "total" : "item";
  return { ...(code ? { code } : {}), label, level: kind === "total" ? 0 : 1, kind, values, source };
}

/**
 * Text split on spaces loses blank cells: a short row whose first cell is no code (a 合计 row, a wrapped
 * label) has lost its blank code cell, so it gets it back.
 */
function withBlankCode(row: GridRow, map: ColumnMap, width: number): GridRow {
  const short = row.cells.length < width;
  if (!short || map.code !== 0 || map.label !== 1 || readCode(row.cells[0] ?? "") !== null) return row;
  if (splitCodedLabel(row.cells[0] ?? "").code !== undefined) return row;
  return { ...row, cells: ["", ...row.cells] };
}

/** The code from its own column, else glued to or spaced before the label; a 合计 spanning both columns is a label. */
function codeAndLabel(codeCell: string, labelCell: string): { code?: string; label: string } {
  const code = readCode(codeCell);
  if (code) return { code, label: labelCell };
  if (labelCell === "") return codeCell === "" ? { label: "" } : splitCodedLabel(codeCell);
  return splitCodedLabel(labelCell);
}

/** A label wrapped onto the next printed row: no code, no figures, under a row that has a code. */
function isWrappedLabel(row: Row, previous: Row): boolean {
  return (
    row.kind === "item" &&
    row.code === undefined &&
    row.label !== "" &&
    row.values.every((v) => v === null) &&
    previous.kind === "item" &&
    previous.code !== undefined
  );
}

/** Levels by code length: the shortest code printed is level 1 (类 above 款 above 项), totals 0. */
function withLevels(rows: readonly Row[]): Row[] {
  const lengths = [...new Set(rows.flatMap((r) => (r.code ? [r.code.length] : [])))].sort((a, b) => a - b);
  return rows.map((r) => (r.code && lengths.length > 1 ? { ...r, level: lengths.indexOf(r.code.length) + 1 } : r));
}
