/**
 * A cell-level diff of two disclosures' tables: for each table, the rows added, removed and the cells
 * changed. Rows are matched by block, code and label (a code alone recurs across blocks of 表1), columns
 * by key, so a reviewer sees “表5 2010350 本年预算 120,000.00 → 125,000.00”, not a whole new table.
 */
import type { Disclosure } from "../model/disclosure.ts";
import type { CellValue, Row, Table } from "../model/table.ts";

export interface CellChange {
  readonly column: string;
  readonly columnLabel: string;
  readonly before: CellValue;
  readonly after: CellValue;
}

export interface RowDiff {
  readonly key: string;
  readonly code?: string;
  readonly label: string;
  readonly group?: string;
  readonly change: "added" | "removed" | "changed";
  readonly cells: readonly CellChange[];
}

export interface TableDiff {
  readonly id: string;
  readonly number: number;
  readonly instance?: number;
  readonly title: string;
  readonly unit: Table["unit"];
  readonly change: "added" | "removed" | "changed";
  readonly rows: readonly RowDiff[];
  readonly fields: readonly CellChange[];
}

const tableKey = (t: Table) => (t.instance ? `${t.number}-${t.instance}` : String(t.number));
const rowKey = (r: Row) => `${r.group ?? ""}|${r.code ?? ""}|${r.label.trim()}`;

function keyed<T>(items: readonly T[], key: (item: T) => string): Map<string, T> {
  const out = new Map<string, T>();
  const counts = new Map<string, number>();
  for (const item of items) {
    const base = key(item);
    const n = (counts.get(base) ?? 0) + 1;
    counts.set(base, n);
    out.set(n === 1 ? base : `${base}#${n}`, item);
  }
  return out;
}

function rowCells(row: Row | undefined, table: Table): Map<string, { label: string; value: CellValue }> {
  const out = new Map<string, { label: string; value: CellValue }>();
  table.columns.forEach((c, i) => out.set(c.key, { label: c.label, value: row?.values[i] ?? null }));
  return out;
}

function diffRow(key: string, before: Row | undefined, beforeTable: Table | undefined, after: Row | undefined, afterTable: Table | undefined): RowDiff | undefined {
  const a = before && beforeTable ? rowCells(before, beforeTable) : new Map();
  const b = after && afterTable ? rowCells(after, afterTable) : new Map();
  const cells: CellChange[] = [];
  for (const column of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(column);
    const y = b.get(column);
    const v1 = x?.value ?? null;
    const v2 = y?.value ?? null;
    if (v1 !== v2) cells.push({ column, columnLabel: (y ?? x)!.label, before: v1, after: v2 });
  }
  const row = (after ?? before)!;
  const change = before === undefined ? "added" : after === undefined ? "removed" : "changed";
  if (change === "changed" && cells.length === 0) return undefined;
  return { key, ...(row.code ? { code: row.code } : {}), label: row.label, ...(row.group ? { group: row.group } : {}), change, cells };
}

export function diffTables(before: Disclosure, after: Disclosure): TableDiff[] {
  const bt = keyed(before.tables, tableKey);
  const at = keyed(after.tables, tableKey);
  const out: TableDiff[] = [];
  for (const id of new Set([...at.keys(), ...bt.keys()])) {
    const t1 = bt.get(id);
    const t2 = at.get(id);
    const rows1 = keyed(t1?.rows ?? [], rowKey);
    const rows2 = keyed(t2?.rows ?? [], rowKey);
    const rows: RowDiff[] = [];
    for (const key of new Set([...rows2.keys(), ...rows1.keys()])) {
      const d = diffRow(key, rows1.get(key), t1, rows2.get(key), t2);
      if (d) rows.push(d);
    }
    const fields: CellChange[] = [];
    const f1 = new Map((t1?.fields ?? []).map((f) => [f.label, f.value]));
    for (const f of t2?.fields ?? []) {
      const v1 = f1.get(f.label) ?? null;
      if (v1 !== f.value) fields.push({ column: f.label, columnLabel: f.label, before: v1, after: f.value });
    }
    const table = (t2 ?? t1)!;
    const change = t1 === undefined ? "added" : t2 === undefined ? "removed" : "changed";
    if (change === "changed" && rows.length === 0 && fields.length === 0) continue;
    out.push({ id, number: table.number, ...(table.instance ? { instance: table.instance } : {}), title: table.title, unit: table.unit, change, rows, fields });
  }
  return out.sort((x, y) => x.number - y.number || (x.instance ?? 0) - (y.instance ?? 0));
}

/** Narrative sections whose text changed, by heading path. */
export function diffNarrative(before: Disclosure, after: Disclosure): { path: string; before: string; after: string }[] {
  const a = new Map(before.narrative.map((s) => [s.path.join(" "), s.text]));
  const out: { path: string; before: string; after: string }[] = [];
  for (const s of after.narrative) {
    const path = s.path.join(" ");
    const old = a.get(path) ?? "";
    if (old !== s.text) out.push({ path, before: old, after: s.text });
  }
  return out;
}
