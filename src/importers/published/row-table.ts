/**
 * Reads a row table (表2, 表3, 表5–表8, 表10–表12, and the row-printed 表9 of other templates) onto the
 * builder's columns: the code and label columns become each row's `code` and `label`; every other
 * printed column is mapped by its header onto a standard column, or kept as an extra column under its
 * printed label. Standard columns the table does not print are left out, not filled with blanks.
 *
 * Columns under a 决算数 header are the figures of a 决算 table; the 预算数 columns beside them are kept
 * as extra columns. A code printed in 类 / 款 / 项 columns is joined (a blank 类 carries down).
 * Rows copied from a PDF with their blank cells gone are placed by the table's arithmetic
 * (`place-figures.ts`); rows that stay ambiguous are reported, not guessed.
 */
import type { CellValue, Column, MeasureUnit, Row, Table } from "../../model/table.ts";
import type { TableNumber } from "../../model/vocabulary.ts";
import type { RowTableSpec } from "./canonical.ts";
import { compact, looksLikeAmount, readAmount, readCode, splitCodedLabel } from "./cells.ts";
import { columnPaths, gridWidth, headerDepth, isColumnNumberRow, isPlaceholderRow, printedHeaderRows } from "./header.ts";
import type { GridPiece, GridRow, Unread } from "./pieces.ts";
import { placeFigures, type PlacedColumn } from "./place-figures.ts";

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

/** A printed value column: where it is printed and the column it is read as. */
interface MappedColumn {
  readonly index: number;
  readonly column: Column;
}

/** Where the code (or its 类/款/项 parts) and the label are printed, and the value columns. */
interface ColumnMap {
  readonly code: number;
  readonly codeParts: readonly number[];
  readonly label: number;
  readonly values: readonly MappedColumn[];
  /** A second code or name column: two tables printed side by side (人员经费 | 公用经费). */
  readonly pairedCodes: boolean;
}

const TOTAL_LABEL = /^(?:合计|总计|本年(?:收入|支出)?合计|.*[合总]计)$/;
/** A header group holding the 决算 figures, and the budget groups printed beside it in a 决算 table. */
const FINAL_GROUP = /^(?:本年)?决算(?:数)?$/;
const BUDGET_GROUP = /^(?:年初|全年|调整|本年)?预算(?:数)?$/;
const LINE_NUMBER = /(?:^|\/)(?:行次|栏次)$/;
const CODE_PART = /^(?:.*(?:编码|代码)\/)?[类款项]$/;

export function readRowTable(start: TableStart, grid: GridPiece, spec: RowTableSpec): ReadResult {
  const rows0 = grid.rows.filter((r) => !isColumnNumberRow(r));
  const depth = headerDepth(rows0);
  const header = rows0.slice(0, depth);
  const width = gridWidth(grid.spaceSeparated ? header : rows0);
  const paths = columnPaths(header, width);
  const data = withoutRepeatedHeaders(rows0.slice(depth), header);
  const map = mapColumns(paths, spec, data);
  const unread: Unread[] = [];
  if (map.pairedCodes) {
    return {
      tables: [],
      unread: [{ text: start.title, source: { line: start.line }, why: `表${start.number}并排印了两组科目编码和名称（如人员经费、公用经费各一组），此版式未读` }],
    };
  }
  if (map.label < 0 && !figuresOnly(data, map)) {
    return {
      tables: [],
      unread: [{ text: start.title, source: { line: start.line }, why: `表${start.number}找不到名称列，整张表未读` }],
    };
  }
  const columns = map.values.map((v) => v.column);
  const rows: Row[] = [];
  const loose: { row: Row; figures: string[]; texts: string[] }[] = [];
  let carried = "";
  for (const gridRow of data) {
    if (gridRow.cells.every((c) => c.trim() === "")) continue;
    const short = grid.spaceSeparated === true && gridRow.cells.length < width;
    const read: { row: Row; figures?: string[]; texts?: string[] } | null = short
      ? readLooseRow(gridRow, map, start)
      : readRow(gridRow, map, start, unread, carried);
    if (!read) continue;
    const { row } = read;
    if (row.code && map.codeParts.length > 0) carried = row.code;
    const previous = rows.at(-1);
    if (previous && isWrappedLabel(row, previous, (read.figures?.length ?? 0) > 0)) {
      const joined = { ...previous, label: previous.label + row.label };
      rows[rows.length - 1] = joined;
      const entry = loose.find((l) => l.row === previous);
      if (entry) entry.row = joined;
      continue;
    }
    rows.push(row);
    if (read.figures) loose.push({ row, figures: read.figures, texts: read.texts ?? [] });
  }
  const placed = loose.length > 0 ? placeLooseRows(rows, loose, map, start, unread) : rows;
  return {
    tables: [
      {
        number: start.number,
        title: start.title,
        unit: start.unit,
        empty: !placed.some((r) => r.kind !== "total" || r.values.some((v) => v !== null)),
        layout: "rows",
        header: printedHeaderRows(header),
        columns,
        rows: withLevels(withGroupHeadings(placed, columns)),
        source: { line: start.line },
      },
    ],
    unread,
  };
}

/** A table continued after a page break prints its header again: those rows are not data. */
function withoutRepeatedHeaders(rows: readonly GridRow[], header: readonly GridRow[]): GridRow[] {
  const printed = new Set(header.map((r) => compact(r.cells.join(""))));
  return rows.filter((r) => !printed.has(compact(r.cells.join(""))));
}

/** Header paths with a 决算数 group lose the group's name; the budget groups beside it become extras. */
function effectivePaths(paths: readonly string[]): { path: string; extra: boolean }[] {
  const group = (p: string) => (p.includes("/") ? p.slice(0, p.indexOf("/")) : p);
  const hasFinal = paths.some((p) => p.includes("/") && FINAL_GROUP.test(group(p)));
  return paths.map((p) => {
    if (!hasFinal || !p.includes("/")) return { path: p, extra: hasFinal && BUDGET_GROUP.test(p) };
    if (FINAL_GROUP.test(group(p))) return { path: p.slice(p.indexOf("/") + 1), extra: false };
    return { path: p, extra: BUDGET_GROUP.test(group(p)) };
  });
}

function mapColumns(paths: readonly string[], spec: RowTableSpec, data: readonly GridRow[]): ColumnMap {
  const taken = spec.columns.map(() => false);
  const values: MappedColumn[] = [];
  const codeParts: number[] = [];
  let code = -1;
  let label = -1;
  let pairedCodes = false;
  effectivePaths(paths).forEach(({ path, extra }, index) => {
    if (path === "" || LINE_NUMBER.test(path)) return;
    if (CODE_PART.test(path)) {
      codeParts.push(index);
      return;
    }
    const standard = extra ? -1 : spec.columns.findIndex((c, i) => !taken[i] && c.header.test(path));
    const take = () => {
      taken[standard] = true;
      values.push({ index, column: spec.columns[standard]!.column });
    };
    if (standard >= 0 && (spec.columns[standard]!.column.kind === "text" || !isLabelHeader(path, spec))) take();
    else if (code < 0 && !extra && spec.codeHeader.test(path)) code = index;
    else if (label < 0 && !extra && spec.labelHeader.test(path)) label = index;
    else if (/编码|代码|名称/.test(path) && (spec.codeHeader.test(path) || spec.labelHeader.test(path))) pairedCodes = true;
    else if (standard >= 0) take();
    else values.push({ index, column: extraColumn(paths[index]!, index, data, extra) });
  });
  return { code, codeParts, label, values, pairedCodes };
}

/**
 * A header group that only says the columns are this year's figures (`2025年预算数`, `2025年基本支出`,
 * `本年政府性基金预算支出`): an extra column under it is named by its own header.
 */
const FIGURES_GROUP = /^\d{4}年度?(?:预算数?|预算金额|金额|基本支出|[^/]*预算支出)?$|^(?:本年)?(?:基本支出|[^/]*预算支出)$/;

/** A column no standard column matches, kept under its printed header: amounts when its cells are. */
function extraColumn(path: string, index: number, data: readonly GridRow[], comparison: boolean): Column {
  const slash = path.indexOf("/");
  // A 预算数 column beside the 决算数 keeps its group: it is a comparison figure, not this year's.
  const printed = !comparison && slash > 0 && FIGURES_GROUP.test(path.slice(0, slash)) ? path.slice(slash + 1) : path;
  const cells = data.map((r) => (r.cells[index] ?? "").trim()).filter((c) => c !== "" && !/^\*+$/.test(c));
  const amounts = cells.every((c) => readAmount(c, "元").ok);
  return { key: `extra:${printed}`, label: printed, kind: amounts ? "amount" : "text" };
}

/** A code or name header (科目编码, 项目名称) is never an amount column, whatever words it shares. */
function isLabelHeader(path: string, spec: RowTableSpec): boolean {
  return /编码|代码|名称/.test(path) && (spec.codeHeader.test(path) || spec.labelHeader.test(path));
}

/** The trimmed text of a printed cell; "" for a column not printed (index −1). */
function cellText(gridRow: GridRow, index: number): string {
  return index < 0 ? "" : (gridRow.cells[index] ?? "").trim();
}

function readRow(gridRow: GridRow, map: ColumnMap, start: TableStart, unread: Unread[], carried: string): { row: Row } | null {
  const source = { line: gridRow.line };
  if (isPlaceholderRow(gridRow)) {
    return { row: { label: "合计", level: 0, kind: "total", values: map.values.map(() => null), source } };
  }
  const partsCode = map.codeParts.length > 0 ? joinedCode(map.codeParts.map((i) => cellText(gridRow, i)), carried) : undefined;
  const { code, label } =
    map.label < 0
      ? { code: undefined, label: "合计" }
      : partsCode
        ? { code: partsCode, label: cellText(gridRow, map.label) }
        : codeAndLabel(cellText(gridRow, map.code), cellText(gridRow, map.label));
  const values: CellValue[] = [];
  for (const { index, column } of map.values) {
    const text = cellText(gridRow, index);
    if (column.kind === "text") {
      values.push(text === "" ? null : text);
      continue;
    }
    const amount = readAmount(text, start.unit);
    if (!amount.ok) unread.push({ text, source, why: `表${start.number}“${label}”的${column.label}不是金额` });
    values.push(amount.ok ? amount.value : null);
  }
  return { row: makeRow(code, label, values, source) };
}

function makeRow(code: string | undefined, label: string, values: CellValue[], source: { line: number }): Row {
  if (code) return { code, label, level: 1, kind: "item", values, source };
  const total = code === undefined && TOTAL_LABEL.test(compact(label));
  return { label, level: total ? 0 : 1, kind: total ? "total" : "item", values, source };
}

/**
 * The code printed in 类 / 款 / 项 columns: `201 | 03 | 50`, or only the lower parts under a 类 printed
 * on an earlier row (`| 03 |`), which carries down.
 */
function joinedCode(parts: readonly string[], carried: string): string | undefined {
  const digits = parts.map((p) => p.replace(/\s+/g, ""));
  if (!digits.some((d) => /^\d+$/.test(d))) return undefined;
  if (!digits.every((d) => d === "" || /^\d+$/.test(d))) return undefined;
  const first = digits.findIndex((d) => d !== "");
  const last = digits.length - 1 - [...digits].reverse().findIndex((d) => d !== "");
  const prefix = first === 0 ? "" : carried.slice(0, 3 + 2 * (first - 1));
  if (first > 0 && prefix.length !== 3 + 2 * (first - 1)) return undefined;
  return prefix + digits.slice(first, last + 1).join("");
}

/**
 * A row copied with spaces, its blank cells gone: the code and label from the front, the figures and
 * text cells that follow, to be placed by `placeLooseRows`.
 */
function readLooseRow(gridRow: GridRow, map: ColumnMap, start: TableStart): { row: Row; figures: string[]; texts: string[] } | null {
  const cells = gridRow.cells.map((c) => c.trim()).filter((c) => c !== "");
  if (cells.length === 0) return null;
  const source = { line: gridRow.line };
  if (isPlaceholderRow(gridRow)) return { row: makeRow(undefined, "合计", map.values.map(() => null), source), figures: [], texts: [] };
  let rest = cells;
  let code: string | undefined;
  let label = "";
  const first = readCode(rest[0]!);
  if (first && rest.length > 1 && !looksLikeAmount(rest[1]!)) {
    code = first;
    label = rest[1]!;
    rest = rest.slice(2);
  } else if (!looksLikeAmount(rest[0]!) || first === null) {
    const split = splitCodedLabel(rest[0]!);
    code = split.code;
    label = split.label;
    rest = rest.slice(1);
  }
  const figures = rest.filter((c) => readAmount(c, start.unit).ok && /[0-9０-９]/.test(c));
  const texts = rest.filter((c) => !figures.includes(c));
  return { row: makeRow(code, label, map.values.map(() => null), source), figures, texts };
}

/** Places the loose rows' figures by the arithmetic of the whole table; reports what stays ambiguous. */
function placeLooseRows(
  rows: readonly Row[],
  loose: readonly { row: Row; figures: string[]; texts: string[] }[],
  map: ColumnMap,
  start: TableStart,
  unread: Unread[],
): Row[] {
  const columns: PlacedColumn[] = map.values.map((v) => ({ label: v.column.label, key: v.column.key, kind: v.column.kind }));
  const byRow = new Map(loose.map((l) => [l.row, l]));
  const result = placeFigures(
    rows.map((r) => {
      const entry = byRow.get(r);
      const fixed = r.values.map((v) => (typeof v === "number" ? v : null));
      if (!entry) return { ...(r.code ? { code: r.code } : {}), total: r.kind === "total", fixed };
      const figures = entry.figures.flatMap((f) => {
        const amount = readAmount(f, start.unit);
        return amount.ok && amount.value !== null ? [amount.value] : [];
      });
      return { ...(r.code ? { code: r.code } : {}), total: r.kind === "total", figures };
    }),
    columns,
  );
  return rows.map((row, i) => {
    const entry = byRow.get(row);
    if (!entry) return row;
    const placed = result[i];
    const values: CellValue[] = map.values.map(() => null);
    const textColumns = map.values.flatMap((v, j) => (v.column.kind === "text" ? [j] : []));
    entry.texts.forEach((t, k) => {
      const j = textColumns[k];
      if (j !== undefined) values[j] = t;
      else unread.push({ text: t, source: row.source!, why: `表${start.number}“${row.label}”多出一个格子，放不进任何列` });
    });
    if (placed === undefined || placed === "ambiguous" || placed === "impossible") {
      if (entry.figures.length > 0) {
        const why =
          placed === "impossible"
            ? `表${start.number}“${row.label}”的 ${entry.figures.length} 个数字按表内勾稽放不进任何列`
            : `表${start.number}“${row.label}”的数字（${entry.figures.join("、")}）可放入不止一种列，表头和其他行也定不下来，未读`;
        unread.push({ text: entry.figures.join(" "), source: row.source!, why });
      }
      return { ...row, values };
    }
    placed.forEach((value, j) => {
      if (value !== null) values[j] = value;
    });
    return { ...row, values };
  });
}

/** The code from its own column, else glued to or spaced before the label; a 合计 spanning both columns is a label. */
function codeAndLabel(codeCell: string, labelCell: string): { code?: string; label: string } {
  const code = readCode(codeCell);
  if (code) return { code, label: labelCell };
  if (labelCell === "") return codeCell === "" ? { label: "" } : splitCodedLabel(codeCell);
  return splitCodedLabel(labelCell);
}

/** A label wrapped onto the next printed row: no code, no figures, under a row that has a code. */
function isWrappedLabel(row: Row, previous: Row, hasFigures: boolean): boolean {
  return (
    row.kind === "item" &&
    row.code === undefined &&
    row.label !== "" &&
    !hasFigures &&
    row.values.every((v) => v === null) &&
    previous.kind === "item" &&
    previous.code !== undefined
  );
}

/**
 * A coded row followed by uncoded rows that add up to it in every amount column is their heading (表10
 * prints each unit's code and total above its projects), not one more item to add into 合计.
 */
function withGroupHeadings(rows: readonly Row[], columns: readonly Column[]): Row[] {
  const amounts = columns.flatMap((c, i) => (c.kind === "amount" ? [i] : []));
  const value = (row: Row, i: number) => (typeof row.values[i] === "number" ? (row.values[i] as number) : 0);
  return rows.map((row, at) => {
    if (row.kind !== "item" || row.code === undefined) return row;
    const children: Row[] = [];
    for (const next of rows.slice(at + 1)) {
      if (next.kind !== "item" || next.code !== undefined) break;
      children.push(next);
    }
    if (children.length === 0 || amounts.length === 0) return row;
    const sums = amounts.every((i) => children.reduce((total, child) => total + value(child, i), 0) === value(row, i));
    return sums && amounts.some((i) => value(row, i) !== 0) ? { ...row, kind: "heading" } : row;
  });
}

/** Levels by code length: the shortest code printed is level 1 (类 above 款 above 项), totals 0. */
function withLevels(rows: readonly Row[]): Row[] {
  const lengths = [...new Set(rows.flatMap((r) => (r.code ? [r.code.length] : [])))].sort((a, b) => a - b);
  return rows.map((r) => (r.code && lengths.length > 1 ? { ...r, level: lengths.indexOf(r.code.length) + 1 } : r));
}

/**
 * A table with no name column whose rows are only figures (the 三公 决算表 prints one row of figures
 * under its header): each row is the unit's 合计.
 */
function figuresOnly(data: readonly GridRow[], map: ColumnMap): boolean {
  return (
    map.values.length > 0 &&
    data.length > 0 &&
    data.every((r) => r.cells.every((c) => c.trim() === "" || readAmount(c, "元").ok))
  );
}
