/**
 * The working view of a table in the app (not the published layout): one grid row per table row, each
 * cell addressable as table / row / column, so findings and review comments sit on the cell they
 * concern, and a reviewer can pick a cell to comment on.
 */
import { html, raw } from "hono/html";
import type { CellRef } from "../../model/finding.ts";
import { formatYuan } from "../../model/money.ts";
import type { CellValue, Row, Table } from "../../model/table.ts";
import type { Markup } from "./layout.ts";

export const tableKey = (t: Pick<Table, "number" | "instance">) => (t.instance ? `${t.number}-${t.instance}` : String(t.number));
export const rowKey = (r: Pick<Row, "group" | "code" | "label">) => `${r.group ?? ""}|${r.code ?? r.label.trim()}`;

/** A mark on a cell (or a whole row, column ""): a finding or a comment. */
export interface CellMark {
  readonly table: string;
  readonly row: string;
  readonly column: string;
  readonly severity: "error" | "warning" | "info" | "comment";
  readonly text: string;
}

/** Where a finding's cell is in the grid, matched by code (or label) and column label. */
export function markOfCell(tables: readonly Table[], cell: CellRef): { table: string; row: string; column: string } | undefined {
  const table = tables.find((t) => t.number === cell.table && (t.instance ?? 1) === (cell.instance ?? 1));
  if (!table) return undefined;
  const row = table.rows.find(
    (r) => (cell.group === undefined || r.group === cell.group) && ((cell.rowCode !== undefined && r.code === cell.rowCode) || (cell.rowCode === undefined && cell.rowLabel !== undefined && r.label.trim() === cell.rowLabel.trim())),
  );
  const column = cell.column === undefined ? undefined : table.columns.find((c) => c.label === cell.column || c.key === cell.column);
  return { table: tableKey(table), row: row ? rowKey(row) : "", column: column?.key ?? "" };
}

const SEVERITY_NAMES = { error: "错误", warning: "警告", info: "提示", comment: "批注" } as const;

function cellText(value: CellValue): string {
  if (value === null) return "";
  if (typeof value === "number") return formatYuan(value as never);
  return value;
}

export interface GridOptions {
  /** Cells become buttons that fill the comment form's anchor (reviewers). */
  readonly commentable?: boolean;
}

export function renderGrid(table: Table, marks: readonly CellMark[], options: GridOptions = {}): Markup {
  const key = tableKey(table);
  const mine = marks.filter((m) => m.table === key);
  const at = (row: string, column: string) => mine.filter((m) => m.row === row && m.column === column);
  const badge = (list: readonly CellMark[]) =>
    list.length === 0
      ? ""
      : html`<span class="marks">${list.map((m) => html`<span class="mark ${m.severity}" role="note">${SEVERITY_NAMES[m.severity]}：${m.text}</span>`)}</span>`;
  const worst = (list: readonly CellMark[]) => (["error", "warning", "comment", "info"] as const).find((s) => list.some((m) => m.severity === s));
  const tableMarks = at("", "");
  const showCode = table.rows.some((r) => r.code);
  return html`<section class="grid-section" id="grid-${key}" data-table="${key}">
<h3>表${table.number}${table.instance ? `（${table.instance}）` : ""} ${table.title}<small>单位：${table.unit === "元" ? "元" : table.unit}</small></h3>
${badge(tableMarks)}
${table.empty ? html`<p class="empty-table">空表${table.emptyReason ? html`：${table.emptyReason}` : ""}</p>` : ""}
${table.fields?.length ? html`<dl class="fields">${table.fields.map((f) => html`<dt>${f.label}</dt><dd>${cellText(f.value)}</dd>`)}</dl>` : ""}
${table.rows.length === 0 ? "" : html`<div class="grid-scroll"><table class="grid">
<thead><tr>${table.layout === "blocks" ? html`<th scope="col">栏目</th>` : ""}${showCode ? html`<th scope="col">编码</th>` : ""}<th scope="col">项目</th>${table.columns.map((c) => html`<th scope="col">${c.label}</th>`)}</tr></thead>
<tbody>
${table.rows.map((row) => {
  const rk = rowKey(row);
  const rowMarks = at(rk, "");
  return html`<tr class="${row.kind}${worst(rowMarks) ? ` has-${worst(rowMarks)}` : ""}" data-row="${rk}">
${table.layout === "blocks" ? html`<td class="group">${row.group ?? ""}</td>` : ""}${showCode ? html`<td class="code">${row.code ?? ""}</td>` : ""}<th scope="row" class="lv${Math.min(row.level, 4)}">${row.label}${badge(rowMarks)}</th>
${table.columns.map((column, i) => {
  const list = at(rk, column.key);
  const text = cellText(row.values[i] ?? null);
  const cls = `${column.kind === "amount" ? "num" : ""}${worst(list) ? ` has-${worst(list)}` : ""}`;
  const content = options.commentable
    ? html`<button type="button" class="cell-pick" data-table="${key}" data-row="${rk}" data-column="${column.key}" data-label="表${table.number} ${row.code ?? ""} ${row.label.trim()} · ${column.label}" aria-label="批注 表${table.number} ${row.label.trim()} ${column.label}">${text || raw("&nbsp;")}</button>`
    : html`${text}`;
  return html`<td class="${cls}" data-column="${column.key}">${content}${badge(list)}</td>`;
})}
</tr>`;
})}
</tbody></table></div>`}
</section>`;
}
