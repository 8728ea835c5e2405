/**
 * A Disclosure as the plain text units publish: title lines, the cover statements, the 目录 grid, and
 * each table with its 表号, title, 单位 line, header rows and tab-separated rows (the seed's layout).
 * Used to publish text and to make test and benchmark corpora the reader can read back.
 */
import type { Disclosure } from "../../model/disclosure.ts";
import { formatYuan } from "../../model/money.ts";
import type { CellValue, HeaderCell, Table } from "../../model/table.ts";

/**
 * The header rows as tab-separated lines: a merged cell prints once, in its top-left position, and the
 * positions it covers (to the right, and below for a row span) print blank, as copied text shows them.
 */
function headerLines(rows: readonly (readonly HeaderCell[])[]): string[] {
  const grid: string[][] = rows.map(() => []);
  rows.forEach((cells, r) => {
    let column = 0;
    for (const cell of cells) {
      while (grid[r]![column] !== undefined) column += 1;
      for (let dr = 0; dr < (cell.rowSpan ?? 1); dr += 1) {
        for (let dc = 0; dc < (cell.colSpan ?? 1); dc += 1) {
          if (grid[r + dr]) grid[r + dr]![column + dc] = dr === 0 && dc === 0 ? cell.text : "";
        }
      }
      column += cell.colSpan ?? 1;
    }
  });
  return grid.map((line) => Array.from(line, (c) => c ?? "").join("\t"));
}

function printed(value: CellValue, separators: boolean): string {
  if (value === null) return "";
  return typeof value === "number" ? formatYuan(value, { separators }) : value.replace(/\s*\n\s*/g, " ");
}

/** 表1/表4/表9: the blocks side by side, one label/amount pair each. */
function blockLines(table: Table): string[] {
  const blocks = (table.groups ?? []).map((g) => table.rows.filter((r) => r.group === g));
  const height = Math.max(...blocks.map((b) => b.length));
  return Array.from({ length: height }, (_, i) =>
    blocks.flatMap((b) => [b[i]?.label ?? "", printed(b[i]?.values[0] ?? null, true)]).join("\t"),
  );
}

function rowLines(table: Table): string[] {
  return table.rows.map((r) => [r.code ?? "", r.label, ...r.values.map((v) => printed(v, false))].join("\t"));
}

export function renderTableText(table: Table): string {
  const body = table.layout === "blocks" ? blockLines(table) : rowLines(table);
  return [`表${table.number}`, "", table.title, "", `单位：${table.unit}`, "", ...headerLines(table.header), ...body, ""].join("\n");
}

export function renderPublishedText(disclosure: Disclosure, options: { tables?: readonly number[] } = {}): string {
  const tables = disclosure.tables.filter((t) => !options.tables || options.tables.includes(t.number));
  const toc = [
    "报表\t报表名称\t是否空表\t公开空表理由",
    ...disclosure.toc.map((e) => `表${e.number}\t${e.title}\t${e.empty ? "是" : ""}\t${e.emptyReason ?? ""}`),
  ];
  const cover = Object.entries(disclosure.cover).map(([k, v]) => `${k}：${v}`);
  return [
    disclosure.unitName ?? "",
    "",
    `${disclosure.year ?? ""}年单位${disclosure.phase ?? "预算"}公开说明`,
    "",
    ...disclosure.narrative.flatMap((s) => [s.heading, "", s.text, ""]),
    `部门（单位）名称：${disclosure.unitName ?? ""}`,
    ...cover,
    "",
    "目录",
    "",
    ...toc,
    "",
    ...tables.map(renderTableText),
  ].join("\n");
}
