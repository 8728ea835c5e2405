/**
 * Disclosures for rule tests: the corrected seed built from examples/hanzhong-zwfwzx-2023.budget.json,
 * and small pure edits that put one of the seed's mistakes (or another defect) back into it.
 */
import { fileURLToPath } from "node:url";
import type { Catalog } from "../../src/catalog/catalog.ts";
import type { Disclosure, TocEntry } from "../../src/model/disclosure.ts";
import { type Fen, yuan } from "../../src/model/money.ts";
import type { CellValue, Row, Table } from "../../src/model/table.ts";
import type { TableNumber } from "../../src/model/vocabulary.ts";
import { buildDisclosure } from "../../src/pipeline/build-disclosure.ts";
import { prepareDocument } from "../../src/pipeline/prepare.ts";

const EXAMPLE = fileURLToPath(new URL("../../examples/hanzhong-zwfwzx-2023.budget.json", import.meta.url));

let cached: { disclosure: Disclosure; catalog: Catalog } | undefined;

function seed(): { disclosure: Disclosure; catalog: Catalog } {
  if (!cached) {
    const prepared = prepareDocument(EXAMPLE);
    if (!prepared.ok) throw new Error(prepared.problems.map((p) => p.message).join("\n"));
    cached = { disclosure: buildDisclosure(prepared.doc, prepared.catalog, "build:examples/hanzhong-zwfwzx-2023.budget.json"), catalog: prepared.catalog };
  }
  return cached;
}

/** The corrected seed as a built Disclosure (zero findings expected). */
export function seedDisclosure(): Disclosure {
  return seed().disclosure;
}

/** The 2023 catalog the seed was built with. */
export function seedCatalog(): Catalog {
  return seed().catalog;
}

/** The seed as if read from a published document (cover statements included). */
export function publishedSeed(): Disclosure {
  return { ...seedDisclosure(), originKind: "published", cover: { 保密审查情况: "已审查", "部门（单位）主要负责人审签情况": "已审签" } };
}

export interface RowSelector {
  readonly code?: string;
  readonly label?: string;
  /** Text the row's block name contains. */
  readonly group?: string;
  /** Which of several matching rows (0-based), e.g. the second “(2)商品和服务支出” of 表1. */
  readonly nth?: number;
}

const matches = (row: Row, s: RowSelector) =>
  (s.code === undefined || row.code === s.code) &&
  (s.label === undefined || row.label === s.label || row.label.replace(/^[0-9]+、|^\([0-9]+\)/, "") === s.label) &&
  (s.group === undefined || (row.group ?? "").includes(s.group));

/** A copy of the disclosure with table `number` (every instance, or one) replaced by `edit(table)`. */
export function editTable(d: Disclosure, number: TableNumber, edit: (t: Table) => Table, instance?: number): Disclosure {
  return {
    ...d,
    tables: d.tables.map((t) => (t.number === number && (instance === undefined || t.instance === instance) ? edit(t) : t)),
  };
}

/** Edits the rows matching `selector` in table `number`. */
export function editRows(d: Disclosure, number: TableNumber, selector: RowSelector, edit: (r: Row, t: Table) => Row): Disclosure {
  let hit = false;
  const out = editTable(d, number, (t) => {
    let seen = 0;
    return {
      ...t,
      rows: t.rows.map((r) => {
        if (!matches(r, selector)) return r;
        seen += 1;
        if (selector.nth !== undefined && seen - 1 !== selector.nth) return r;
        hit = true;
        return edit(r, t);
      }),
    };
  });
  if (!hit) throw new Error(`表${number} 没有行 ${JSON.stringify(selector)}`);
  return out;
}

/** Sets one cell (column by label; a blocks table's single column by default) to a value in 元 or null. */
export function setCell(d: Disclosure, number: TableNumber, selector: RowSelector, column: string | undefined, yuanValue: number | null | string): Disclosure {
  return editRows(d, number, selector, (r, t) => {
    const index = column === undefined ? 0 : t.columns.findIndex((c) => c.label === column);
    if (index < 0) throw new Error(`表${number} 没有列 ${column}`);
    const value: CellValue = typeof yuanValue === "number" ? yuan(yuanValue) : yuanValue;
    return { ...r, values: r.values.map((v, i) => (i === index ? value : v)) };
  });
}

/** Renames the rows matching `selector`. */
export function renameRow(d: Disclosure, number: TableNumber, selector: RowSelector, label: string): Disclosure {
  return editRows(d, number, selector, (r) => ({ ...r, label }));
}

/** Removes table `number` from the body (the 目录 still lists it). */
export function withoutTable(d: Disclosure, number: TableNumber): Disclosure {
  return { ...d, tables: d.tables.filter((t) => t.number !== number) };
}

/** Edits the 目录 entry of table `number`. */
export function editToc(d: Disclosure, number: TableNumber, edit: (e: TocEntry) => TocEntry): Disclosure {
  return { ...d, toc: d.toc.map((e) => (e.number === number ? edit(e) : e)) };
}

/** 元 → fen, for expected values. */
export const fenOf = (value: number): Fen => yuan(value);
