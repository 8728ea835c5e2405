/**
 * What the PDF and DOCX renderers share: a standard table laid out as a printed grid (header rows with
 * their merged cells, then body rows; 表1/4/9's blocks side by side; 表13–15 as forms, the way the
 * published workbook lays them out), the amounts as printed text, the cover lines and the check
 * certificate's lines. Each renderer turns a `Grid` into its own table markup.
 */
import { type CheckCertificate, certificateLines } from "../../model/certificate.ts";
import type { Disclosure } from "../../model/disclosure.ts";
import { type Fen, fen, formatYuan } from "../../model/money.ts";
import type { CellValue, Field, HeaderCell, MeasureUnit, Row, Table } from "../../model/table.ts";

export interface PublishOptions {
  /** The check certificate (src/pipeline/certificate.ts), printed last. */
  readonly certificate?: CheckCertificate;
}

/** How a cell reads: header (bold, centred), text (left, wraps), code (left), amount (right, no wrap). */
export type CellKind = "header" | "text" | "code" | "amount";

export interface GridCell {
  readonly text: string;
  readonly kind: CellKind;
  readonly bold?: boolean;
  /** Indent steps (one per level below the top). */
  readonly indent?: number;
  readonly colSpan?: number;
  readonly rowSpan?: number;
}

/** A printed table: `rows[r][c]` is a cell, or null where a merged cell above or to the left covers it. */
export interface Grid {
  readonly width: number;
  /** The first `headerRows` rows repeat at the top of every page. */
  readonly headerRows: number;
  readonly rows: readonly (readonly (GridCell | null)[])[];
  /** What each column mostly holds, for sizing it. */
  readonly columns: readonly ("code" | "label" | "text" | "amount")[];
}

const SCALE: Record<MeasureUnit, number> = { 元: 1, 千元: 1_000, 万元: 10_000 };

/** An amount with two decimals in `unit` (`2,259,811.00` 元, `225.98` 万元), rounded half away from zero. Zero prints blank, as the template leaves it. */
export function formatAmount(amount: Fen, unit: MeasureUnit): string {
  if (amount === 0) return "";
  const scale = SCALE[unit];
  const abs = Math.abs(amount);
  const hundredths = Math.floor((abs + scale / 2) / scale);
  return formatYuan(fen(amount < 0 ? -hundredths : hundredths));
}

function valueText(value: CellValue, unit: MeasureUnit): string {
  if (value === null) return "";
  return typeof value === "number" ? formatAmount(value as Fen, unit) : value;
}

function valueCell(value: CellValue, unit: MeasureUnit, bold = false): GridCell {
  return { text: valueText(value, unit), kind: typeof value === "number" ? "amount" : "text", bold };
}

/** The title a rendering prints: 汉中市政务服务中心2023年部门（单位）预算公开. */
export function documentTitle(disclosure: Disclosure): string {
  return `${disclosure.unitName ?? ""}${disclosure.year ? `${disclosure.year}年` : ""}部门（单位）${disclosure.phase ?? "预算"}公开`;
}

/** The cover's status lines: 保密审查情况 and 主要负责人审签情况, （未填写） when the cover does not say. */
export function coverLines(disclosure: Disclosure): { label: string; value: string }[] {
  const find = (pattern: RegExp) => Object.entries(disclosure.cover).find(([k]) => pattern.test(k))?.[1]?.trim();
  return [
    { label: "部门（单位）名称", value: disclosure.unitName?.trim() || "（未填写）" },
    { label: "保密审查情况", value: find(/保密审查/) || "（未填写）" },
    { label: "部门（单位）主要负责人审签情况", value: find(/审签/) || "（未填写）" },
  ];
}

/** The certificate's lines (the same words in every format), or a line saying there is none. */
export function certificateText(certificate: CheckCertificate | undefined): string[] {
  if (!certificate) return ["本文件生成时未附校验证书（未运行 gongkai check）。"];
  return [...certificateLines(certificate), "任何人可对公开的数据重新运行 gongkai check，应得到相同的结果。"];
}

/** The label of a table: 表6, or 表13-2 for the second 表13. */
export function tableLabel(table: Pick<Table, "number" | "instance">): string {
  return `表${table.number}${table.instance ? `-${table.instance}` : ""}`;
}

/** Places header cells on a grid of `width` columns, as HTML places colspan/rowspan. */
function headerGrid(header: readonly (readonly HeaderCell[])[], width: number): (GridCell | null)[][] {
  const rows: (GridCell | null | undefined)[][] = header.map(() => Array.from({ length: width }, () => undefined));
  header.forEach((cells, r) => {
    let column = 0;
    for (const cell of cells) {
      while (rows[r]![column] !== undefined && column < width) column += 1;
      const colSpan = Math.min(cell.colSpan ?? 1, width - column);
      const rowSpan = Math.min(cell.rowSpan ?? 1, header.length - r);
      if (colSpan < 1) break;
      for (let dr = 0; dr < rowSpan; dr += 1) for (let dc = 0; dc < colSpan; dc += 1) rows[r + dr]![column + dc] = null;
      rows[r]![column] = { text: cell.text, kind: "header", bold: true, ...(colSpan > 1 ? { colSpan } : {}), ...(rowSpan > 1 ? { rowSpan } : {}) };
      column += colSpan;
    }
  });
  return rows.map((row) => row.map((c) => (c === undefined ? { text: "", kind: "header" } : c)));
}

function headerWidth(header: readonly (readonly HeaderCell[])[]): number {
  return header[0]?.reduce((n, c) => n + (c.colSpan ?? 1), 0) ?? 0;
}

function rowsGrid(table: Table): Grid {
  const width = Math.max(headerWidth(table.header), 2 + table.columns.length);
  const head = headerGrid(table.header, width);
  const body = table.rows.map((row): (GridCell | null)[] => {
    const bold = row.kind !== "item";
    const cells: GridCell[] = [
      { text: row.code ?? "", kind: "code", bold },
      { text: row.label, kind: "text", bold, indent: Math.max(0, row.level - 1) },
      ...table.columns.map((column, i): GridCell => {
        const value = row.values[i] ?? null;
        return column.kind === "amount" ? { text: valueText(value, column.unit ?? table.unit), kind: "amount", bold } : { text: valueText(value, table.unit), kind: "text", bold };
      }),
    ];
    while (cells.length < width) cells.push({ text: "", kind: "text" });
    return cells;
  });
  const columns = Array.from({ length: width }, (_, c) => (c === 0 ? "code" : c === 1 ? "label" : table.columns[c - 2]?.kind === "amount" ? "amount" : "text") as Grid["columns"][number]);
  return { width, headerRows: head.length, rows: [...head, ...body], columns };
}

function blocksGrid(table: Table): Grid {
  const groups = table.groups ?? [];
  const width = Math.max(headerWidth(table.header), groups.length * 2);
  const head = headerGrid(table.header, width);
  const blocks = groups.map((g) => table.rows.filter((r) => r.group === g));
  const height = Math.max(0, ...blocks.map((b) => b.length));
  const body = Array.from({ length: height }, (_, i): GridCell[] => {
    const cells = blocks.flatMap((block): GridCell[] => {
      const row: Row | undefined = block[i];
      const bold = row !== undefined && row.kind !== "item";
      return [
        { text: row?.label ?? "", kind: "text", bold, indent: row ? Math.max(0, row.level) : 0 },
        { text: row ? valueText(row.values[0] ?? null, table.unit) : "", kind: "amount", bold },
      ];
    });
    while (cells.length < width) cells.push({ text: "", kind: "text" });
    return cells;
  });
  const columns = Array.from({ length: width }, (_, c) => (c % 2 === 0 ? "label" : "amount") as Grid["columns"][number]);
  return { width, headerRows: head.length, rows: [...head, ...body], columns };
}

// 表13–表15 as forms, six columns wide, laid out as the published workbook lays them out.
const FORM_WIDTH = 6;

class FormBuilder {
  readonly rows: (GridCell | null)[][] = [];

  add(cells: (GridCell | null)[]): void {
    while (cells.length < FORM_WIDTH) cells.push({ text: "", kind: "text" });
    this.rows.push(cells);
  }

  /** Merges the cells of column `column` from row `top` to `bottom` (inclusive) into the top one. */
  mergeDown(column: number, top: number, bottom: number): void {
    if (bottom <= top) return;
    const cell = this.rows[top]![column];
    if (!cell) return;
    this.rows[top]![column] = { ...cell, rowSpan: bottom - top + 1 };
    for (let r = top + 1; r <= bottom; r += 1) this.rows[r]![column] = null;
  }
}

const head = (text: string, extra: Partial<GridCell> = {}): GridCell => ({ text, kind: "header", bold: true, ...extra });
const text = (value: string, extra: Partial<GridCell> = {}): GridCell => ({ text: value, kind: "text", ...extra });

function formFields(f: FormBuilder, table: Table, fields: readonly Field[]): void {
  const amounts = fields.filter((x) => x.unit !== undefined || typeof x.value === "number");
  const texts = fields.filter((x) => !amounts.includes(x));
  const textRow = (x: Field) => f.add([text(x.label, { bold: true }), { ...valueCell(x.value, x.unit ?? table.unit), colSpan: FORM_WIDTH - 1 }, null, null, null, null]);
  const goals = texts.filter((x) => /目标/.test(x.label));
  texts.filter((x) => !goals.includes(x)).forEach(textRow);
  if (amounts.length > 0) {
    const parents = amounts.filter((x) => !x.label.includes("/") && /总额$/.test(x.label));
    const columns = parents.length > 1 ? parents.map((p) => [p, ...amounts.filter((x) => x.label.startsWith(`${p.label}/`))]) : [amounts];
    const height = Math.max(...columns.map((c) => c.length));
    const top = f.rows.length;
    for (let i = 0; i < height; i += 1) {
      const cells: (GridCell | null)[] = [text(i === 0 ? `资金金额（${table.unit}）` : "", { bold: true })];
      for (const column of columns) {
        const field = column[i];
        const label = field ? field.label.slice(field.label.indexOf("/") + 1) : "";
        cells.push(text(label && i === 0 ? `${label}：` : label));
        cells.push(field ? valueCell(field.value, field.unit ?? table.unit) : text(""));
      }
      f.add(cells);
    }
    f.mergeDown(0, top, f.rows.length - 1);
  }
  goals.forEach(textRow);
}

function formTasks(f: FormBuilder, table: Table, rows: readonly Row[]): void {
  const top = f.rows.length;
  f.add([head("年度主要任务"), head("任务名称", { rowSpan: 2 }), head("主要内容", { rowSpan: 2 }), head(`预算金额（${table.unit}）`, { colSpan: 3 }), null, null]);
  f.add([head(""), null, null, head("总额"), head("财政拨款"), head("其他资金")]);
  for (const row of rows) {
    const bold = row.kind === "total";
    f.add([head(""), text(row.label, { bold }), { ...valueCell(row.values[0] ?? null, table.unit, bold), kind: "text" }, ...[1, 2, 3].map((i) => valueCell(row.values[i] ?? null, table.unit, bold))]);
  }
  f.mergeDown(0, top, f.rows.length - 1);
}

function formIndicators(f: FormBuilder, table: Table, rows: readonly Row[], offset: number, label: string): void {
  const top = f.rows.length;
  f.add([head(label), ...["一级指标", "二级指标", "指标内容", "指标值", "备注"].map((t) => head(t))]);
  for (const row of rows) {
    const v = (i: number) => valueCell(row.values[offset + i] ?? null, table.unit);
    f.add([head(""), v(0), v(1), text(row.label), v(2), v(3)]);
  }
  const mergeRuns = (column: number, key: (r: Row) => string) => {
    let start = 0;
    rows.forEach((row, i) => {
      const next = rows[i + 1];
      if (next && key(next) === key(row)) return;
      f.mergeDown(column, top + 1 + start, top + 1 + i);
      start = i + 1;
    });
  };
  mergeRuns(1, (r) => String(r.values[offset] ?? ""));
  mergeRuns(2, (r) => `${String(r.values[offset] ?? "")}/${String(r.values[offset + 1] ?? "")}`);
  f.mergeDown(0, top, f.rows.length - 1);
}

function formGrid(table: Table): Grid {
  const f = new FormBuilder();
  const overall = table.number === 14;
  const taskGroup = overall ? table.groups?.[0] : undefined;
  const tasks = taskGroup ? table.rows.filter((r) => r.group === taskGroup) : [];
  const indicators = table.rows.filter((r) => !tasks.includes(r));
  const fields = table.fields ?? [];
  if (overall) {
    const name = fields.filter((x) => !/目标/.test(x.label));
    formFields(f, table, name);
    formTasks(f, table, tasks);
    formFields(f, table, fields.filter((x) => !name.includes(x)));
  } else {
    formFields(f, table, fields);
  }
  formIndicators(f, table, indicators, overall ? 4 : 0, table.number === 15 ? "绩效指标" : "年度绩效指标");
  return { width: FORM_WIDTH, headerRows: 0, rows: f.rows, columns: ["label", "text", "text", "label", "text", "text"] };
}

/** A standard table as a printed grid. */
export function tableGrid(table: Table): Grid {
  if (table.layout === "blocks") return blocksGrid(table);
  if (table.layout === "form") return formGrid(table);
  return rowsGrid(table);
}

/** The narrative's paragraphs: its text split at line breaks, blank lines dropped. */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\n+/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

/** Where the tables go: under the narrative's 第四部分 (公开报表) when it has one, else under a part of their own. */
export function tablesPart(disclosure: Disclosure): { index: number; heading: string } {
  const index = disclosure.narrative.findIndex((s) => s.path.length === 1 && (s.path[0] === "第四部分" || /公开报表|预算表|报表$/.test(s.heading)));
  return index >= 0 ? { index, heading: disclosure.narrative[index]!.heading } : { index: -1, heading: "第四部分 公开报表" };
}
