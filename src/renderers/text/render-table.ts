/**
 * Renders a Table as aligned plain text for a terminal, where a Chinese character takes two columns.
 */
import stringWidth from "string-width";
import { formatWanYuan, formatYuan } from "../../model/money.ts";
import type { CellValue, Column, Row, Table } from "../../model/table.ts";

const pad = (text: string, width: number, align: "left" | "right") => {
  const fill = " ".repeat(Math.max(0, width - stringWidth(text)));
  return align === "left" ? text + fill : fill + text;
};

/** A zero amount prints blank, as the published tables leave it. */
function cellText(value: CellValue, column: Column): string {
  if (value === null) return "";
  if (column.kind === "amount" && typeof value === "number") {
    if (value === 0) return "";
    return column.unit === "万元" ? formatWanYuan(value) : formatYuan(value);
  }
  return String(value).replace(/\s*\n\s*/g, " ");
}

function grid(headers: string[], rows: string[][], amountColumns: Set<number>): string {
  const widths = headers.map((h, i) => Math.max(stringWidth(h), ...rows.map((r) => stringWidth(r[i] ?? ""))));
  const line = (cells: string[], header = false) =>
    cells
      .map((c, i) => pad(c, widths[i]!, !header && amountColumns.has(i) ? "right" : "left"))
      .join("  ")
      .trimEnd();
  return [line(headers, true), widths.map((w) => "─".repeat(w)).join("  "), ...rows.map((r) => line(r))].join("\n");
}

const labelOf = (row: Row) => `${"  ".repeat(Math.max(0, row.level - 1))}${row.label}`;

export function renderTableText(table: Table): string {
  const title = `表${table.number}${table.instance ? `-${table.instance}` : ""} ${table.title}`;
  const lines = [title, `单位：${table.unit}${table.empty ? `\u3000（空表：${table.emptyReason ?? "未说明理由"}）` : ""}`];
  for (const field of table.fields ?? []) {
    const value =
      typeof field.value === "number" ? (field.unit === "万元" ? formatWanYuan(field.value) : formatYuan(field.value)) : (field.value ?? "");
    lines.push(`${field.label}：${String(value).replace(/\n/g, " ")}`);
  }
  if (table.layout === "blocks") {
    for (const group of table.groups ?? []) {
      const rows = table.rows.filter((r) => r.group === group);
      lines.push("", grid([group, table.columns[0]!.label], rows.map((r) => [labelOf(r), cellText(r.values[0] ?? null, table.columns[0]!)]), new Set([1])));
    }
  } else {
    const hasCode = table.rows.some((r) => r.code);
    const headers = [...(hasCode ? ["编码"] : []), "名称", ...table.columns.map((c) => c.label)];
    const offset = hasCode ? 2 : 1;
    const amountColumns = new Set(table.columns.flatMap((c, i) => (c.kind === "amount" ? [i + offset] : [])));
    const body = table.rows.map((r) => [
      ...(hasCode ? [r.code ?? ""] : []),
      labelOf(r),
      ...table.columns.map((c, i) => cellText(r.values[i] ?? null, c)),
    ]);
    lines.push("", grid(headers, body, amountColumns));
  }
  return lines.join("\n");
}
