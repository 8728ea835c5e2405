/**
 * The classification catalog (政府收支分类科目) of one budget year, as pure lookups over rows.
 * Loading from files lives in `load.ts`; this file does no I/O.
 */
import type { EconomicMappingKind } from "../model/vocabulary.ts";

export const CLASSIFICATIONS = ["function", "deptEconomic", "govEconomic"] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

export const CLASSIFICATION_NAMES: Record<Classification, string> = {
  function: "支出功能分类",
  deptEconomic: "部门预算支出经济分类",
  govEconomic: "政府预算支出经济分类",
};

export type Level = "类" | "款" | "项";

/** The level a code of a classification has, by its length; null when the length fits no level. */
export function levelOfCode(classification: Classification, code: string): Level | null {
  if (!/^\d+$/.test(code)) return null;
  if (code.length === 3) return "类";
  if (code.length === 5) return "款";
  if (code.length === 7 && classification === "function") return "项";
  return null;
}

export interface CatalogRow {
  readonly code: string;
  readonly name: string;
  readonly level: Level;
  /** First and last budget year the row is valid; `to` null while still valid. */
  readonly from: number;
  readonly to: number | null;
  readonly source: string;
}

export interface MappingRow {
  readonly deptCode: string;
  readonly unitKind: EconomicMappingKind;
  readonly govCode: string;
  readonly from: number;
  readonly to: number | null;
  readonly source: string;
}

/** Which levels of each classification the catalog claims to hold in full. */
export type Completeness = Record<Classification, Partial<Record<Level, boolean>>>;

export interface CatalogData {
  readonly name: string;
  readonly rows: Record<Classification, readonly CatalogRow[]>;
  readonly mapping: readonly MappingRow[];
  readonly complete: Completeness;
}

export interface CatalogEntry {
  readonly code: string;
  readonly name: string;
  readonly level: Level;
  readonly source: string;
}

/** The catalog of one year: every lookup answers for that year only. */
export class Catalog {
  readonly year: number;
  readonly name: string;
  readonly complete: Completeness;
  readonly #entries: Record<Classification, Map<string, CatalogEntry>>;
  readonly #mapping: Map<string, string>;
  readonly #namesByCode: Record<Classification, Map<string, Set<string>>>;
  /** `entries()` results, computed once: rules ask for the same lists for every file. */
  readonly #lists = new Map<string, readonly CatalogEntry[]>();

  constructor(data: CatalogData, year: number) {
    this.year = year;
    this.name = data.name;
    this.complete = data.complete;
    const valid = (r: { from: number; to: number | null }) => r.from <= year && (r.to === null || year <= r.to);
    this.#entries = {} as Record<Classification, Map<string, CatalogEntry>>;
    this.#namesByCode = {} as Record<Classification, Map<string, Set<string>>>;
    for (const c of CLASSIFICATIONS) {
      const entries = new Map<string, CatalogEntry>();
      const names = new Map<string, Set<string>>();
      for (const row of data.rows[c]) {
        if (!names.has(row.code)) names.set(row.code, new Set());
        names.get(row.code)!.add(row.name);
        if (valid(row)) entries.set(row.code, { code: row.code, name: row.name, level: row.level, source: row.source });
      }
      this.#entries[c] = entries;
      this.#namesByCode[c] = names;
    }
    this.#mapping = new Map(
      data.mapping.filter(valid).map((m) => [`${m.unitKind}:${m.deptCode}`, m.govCode] as const),
    );
  }

  /** The entry for a code in this year, or undefined when this year's catalog does not know it. */
  lookup(classification: Classification, code: string): CatalogEntry | undefined {
    return this.#entries[classification].get(code);
  }

  /** Every entry of a classification (optionally one level), in code order. */
  entries(classification: Classification, level?: Level): readonly CatalogEntry[] {
    const key = `${classification}:${level ?? ""}`;
    let list = this.#lists.get(key);
    if (!list) {
      list = [...this.#entries[classification].values()]
        .filter((e) => level === undefined || e.level === level)
        .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
      this.#lists.set(key, list);
    }
    return list;
  }

  /** Whether the catalog claims to hold every code of this level, so an unknown code is an error. */
  isComplete(classification: Classification, level: Level): boolean {
    return this.complete[classification][level] === true;
  }

  /** Names the code had in other years of the catalog (to explain a renamed 科目). */
  namesInOtherYears(classification: Classification, code: string): string[] {
    const current = this.lookup(classification, code)?.name;
    return [...(this.#namesByCode[classification].get(code) ?? [])].filter((n) => n !== current);
  }

  /** The 政府经济分类 款 a 部门经济分类 款 maps to for this kind of unit (对照表), if known. */
  govEconomicFor(deptCode: string, kind: EconomicMappingKind): string | undefined {
    return this.#mapping.get(`${kind}:${deptCode}`);
  }

  /** The parent codes of a code, from 类 down: `2010350` → [`201`, `20103`]. */
  static ancestors(code: string): string[] {
    const out: string[] = [];
    for (let n = 3; n < code.length; n += 2) out.push(code.slice(0, n));
    return out;
  }
}

/**
 * Compares two 科目 names the way a reader would: full- and half-width brackets and spaces do not
 * count, everything else does (a dropped 支出 or 缴费 is a different name).
 */
export function sameCatalogName(a: string, b: string): boolean {
  return a === b || comparableName(a) === comparableName(b);
}

const comparable = new Map<string, string>();
function comparableName(name: string): string {
  let result = comparable.get(name);
  if (result === undefined) {
    result = name.replace(/\s+/g, "").replace(/\(/g, "（").replace(/\)/g, "）");
    if (comparable.size > 20_000) comparable.clear();
    comparable.set(name, result);
  }
  return result;
}
