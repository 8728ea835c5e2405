/**
 * All tables as one tidy CSV: a line per cell, so every table shares the same columns
 * (表号, 实例, 分组, 编码, 名称, 列, 值). Amounts are 元 with two decimals.
 */
import { stringify } from "csv-stringify/sync";
import { formatYuan } from "../../model/money.ts";
import type { Table } from "../../model/table.ts";

export const CSV_HEADER = ["表号", "实例", "分组", "编码", "名称", "列", "值"];

/** A spreadsheet would run a cell starting with = + - @ as a formula; a leading ' keeps it text. */
export function inertCsvText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function renderTablesCsv(tables: readonly Table[]): string {
  const records: string[][] = [CSV_HEADER];
  for (const table of tables) {
    for (const row of table.rows) {
      table.columns.forEach((column, i) => {
        const value = row.values[i] ?? null;
        const text =
          value === null ? "" : typeof value === "number" ? formatYuan(value, { separators: false }) : inertCsvText(value);
        records.push([
          String(table.number),
          String(table.instance ?? ""),
          inertCsvText(row.group ?? ""),
          row.code ?? "",
          inertCsvText(row.label),
          column.label,
          text,
        ]);
      });
    }
  }
  return stringify(records, { bom: false, record_delimiter: "unix" });
}
