/**
 * The public portal's queries, shared by the portal pages (src/server/routes/portal*.ts) and the open
 * data API (src/server/routes/api.ts): search, the browse tree, aggregates by classification, the
 * scorecard, comparisons, and a published disclosure's details (tables, line items, findings).
 *
 * Everything here reads the portal's read model (portal_entries, portal_lines, portal_search; migration
 * 0002) and the publications: never a draft. Amounts are integer fen (`number`); 科目 names come from
 * the catalog of the row's year (src/catalog/load.ts).
 *
 * @example
 * const result = await searchPortal(ctx.db, { q: "政务服务", years: [2023] });
 * const rows = await aggregate(ctx.db, { by: "function", level: "类", years: [2022, 2023] });
 */
import type { Catalog, Classification, Level } from "../catalog/catalog.ts";
import { CatalogNotFoundError, loadCatalog } from "../catalog/load.ts";
import type { BudgetDocument } from "../model/budget-document.ts";
import type { CellRef } from "../model/finding.ts";
import type { Table } from "../model/table.ts";
import { versionOf } from "../store/repositories/disclosures.ts";
import { listPortalEntries, type PortalEntry, portalEntry, type PortalFilter, type PortalLine, portalLines } from "../store/repositories/portal.ts";
import {
  countDepartmentUnits,
  countPortalEntries,
  type LineColumn,
  MATCH_RANK,
  type MatchKind,
  matchedItems,
  matchingDisclosures,
  projectNames,
  publishedUnitCodes,
  publishedUnitYears,
  readModelVersion,
  sumLinesByCode,
  sumLinesOf,
  unitStandings,
} from "../store/repositories/portal-queries.ts";
import { listPublications } from "../store/repositories/publications.ts";
import type { Sql } from "../store/sql.ts";
import type { AppContext } from "./context.ts";
import { evaluateFor } from "./disclosures.ts";
import type { Issue } from "./evaluate.ts";

export type { PortalEntry, PortalFilter, PortalLine };

// ---------------------------------------------------------------------------------------------
// Search
// ---------------------------------------------------------------------------------------------

export interface SearchQuery {
  /** What the reader typed: a Chinese substring, a 科目 code (or its prefix), a project name. */
  readonly q: string;
  readonly years?: readonly number[];
  readonly regions?: readonly string[];
  /** Disclosures per page (default 20, at most 200). */
  readonly limit?: number;
  readonly offset?: number;
}

/** One thing of a disclosure that matched: its unit name, a project, or a 科目 it uses. */
export interface SearchMatch {
  /** The unit's name, its 主管部门's name, a project's name, a 支出功能分类 or an economic 科目. */
  readonly kind: MatchKind;
  /** Unit code, department code, project id, or 科目 code. */
  readonly code: string;
  readonly text: string;
}

export interface SearchHit {
  readonly entry: PortalEntry;
  /** Unit-name matches first, then department, projects, then 科目 by code. */
  readonly matches: readonly SearchMatch[];
}

export interface FacetCount<T> {
  readonly value: T;
  readonly count: number;
}

export interface SearchResult {
  readonly q: string;
  /** Disclosures matching the query and both filters. */
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
  /** This page of them: best match first (unit name, department, project, 科目), then region, department, unit, newest year. */
  readonly hits: readonly SearchHit[];
  /**
   * Counts of matching disclosures per year (with the region filter applied, not the year filter) and per
   * region (with the year filter applied, not the region filter), so a reader can widen a filter.
   */
  readonly facets: { readonly years: readonly FacetCount<number>[]; readonly regions: readonly FacetCount<string>[] };
}

/**
 * Searches the published disclosures. `q` is matched as a substring of unit names, 主管部门 names,
 * project names and 科目 names (case-insensitive for Latin letters; full-width letters and digits are
 * read as half-width), and as a prefix of 科目, unit and department codes when it is all digits
 * (2010350 finds every unit using 2010350; 20103 every unit using one of its 项). An empty `q` finds nothing.
 */
export async function searchPortal(db: Sql, query: SearchQuery): Promise<SearchResult> {
  const limit = Math.min(Math.max(query.limit ?? DEFAULT_SEARCH_LIMIT, 0), MAX_SEARCH_LIMIT);
  const offset = Math.max(query.offset ?? 0, 0);
  const text = normalizeQuery(query.q);
  const empty: SearchResult = { q: query.q, total: 0, limit, offset, hits: [], facets: { years: [], regions: [] } };
  if (text === "") return empty;
  const codePrefix = /^\d+$/.test(text) ? text : null;
  const all = await memoized(db, `search|${text}`, () => matchingDisclosures(db, text, codePrefix));
  const inYears = (year: number) => !query.years || query.years.includes(year);
  const inRegions = (region: string) => !query.regions || query.regions.includes(region);
  const facet = <T extends string | number>(values: T[]): FacetCount<T>[] => {
    const counts = new Map<T, number>();
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
    return [...counts].map(([value, count]) => ({ value, count }));
  };
  const years = facet(all.filter((m) => inRegions(m.region)).map((m) => m.year)).sort((a, b) => b.value - a.value);
  const regions = facet(all.filter((m) => inYears(m.year)).map((m) => m.region)).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value, "zh-CN"));
  const selected = all
    .filter((m) => inYears(m.year) && inRegions(m.region))
    .sort((a, b) => a.rank - b.rank || cmp(a.region, b.region) || cmp(a.departmentCode, b.departmentCode) || cmp(a.unitCode, b.unitCode) || b.year - a.year);
  const page = selected.slice(offset, offset + limit);
  const ids = page.map((m) => m.disclosureId);
  const entries = ids.length > 0 ? await entriesById(db, ids) : new Map<number, PortalEntry>();
  const items = await matchedItems(db, ids, text, codePrefix);
  const hits = page.map((m) => ({
    entry: entries.get(m.disclosureId)!,
    matches: items
      .filter((i) => i.disclosureId === m.disclosureId)
      .sort((a, b) => MATCH_RANK[a.kind] - MATCH_RANK[b.kind] || cmp(a.kind, b.kind) || cmp(a.code, b.code) || cmp(a.text, b.text))
      .map(({ kind, code, text }) => ({ kind, code, text })),
  }));
  return { ...empty, total: selected.length, hits, facets: { years, regions } };
}

export const DEFAULT_SEARCH_LIMIT = 20;
export const MAX_SEARCH_LIMIT = 200;

/** The query as matched: NFKC (full-width → half-width), trimmed, lower case. */
export function normalizeQuery(q: string): string {
  return q.normalize("NFKC").trim().toLowerCase();
}

/** Plain code-point order, the same on every machine (codes and region names sort as stored). */
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

async function entriesById(db: Sql, ids: readonly number[]): Promise<Map<number, PortalEntry>> {
  const rows = await listPortalEntries(db, { disclosureIds: ids });
  return new Map(rows.map((e) => [e.disclosureId, e]));
}

// ---------------------------------------------------------------------------------------------
// Browse tree
// ---------------------------------------------------------------------------------------------

export interface BrowseUnit {
  readonly code: string;
  readonly name: string;
  readonly kind: string;
  /** Every year the unit has a published disclosure, newest first. */
  readonly years: readonly number[];
}

export interface BrowseDepartment {
  readonly code: string;
  readonly name: string;
  readonly units: readonly BrowseUnit[];
}

export interface BrowseRegion {
  readonly region: string;
  readonly departments: readonly BrowseDepartment[];
}

/**
 * Regions → 主管部门 → units that have published, in code order. With `year`, only the units that
 * published that year (each still listing all its published years).
 */
export async function browseTree(db: Sql, year?: number): Promise<BrowseRegion[]> {
  return memoized(db, `browse|${year ?? ""}`, () => buildBrowseTree(db, year));
}

async function buildBrowseTree(db: Sql, year?: number): Promise<BrowseRegion[]> {
  const regions: { region: string; departments: { code: string; name: string; units: { code: string; name: string; kind: string; years: number[] }[] }[] }[] = [];
  for (const row of await publishedUnitYears(db, year)) {
    let region = regions.at(-1);
    if (region?.region !== row.region) regions.push((region = { region: row.region, departments: [] }));
    let department = region.departments.at(-1);
    if (department?.code !== row.departmentCode) region.departments.push((department = { code: row.departmentCode, name: row.departmentName, units: [] }));
    let unit = department.units.at(-1);
    if (unit?.code !== row.unitCode) department.units.push((unit = { code: row.unitCode, name: row.unitName, kind: row.unitKind, years: [] }));
    unit.years.push(row.year);
  }
  return regions;
}

// ---------------------------------------------------------------------------------------------
// Aggregates
// ---------------------------------------------------------------------------------------------

export type AggregateBy = Classification;

export interface AggregateQuery {
  readonly by: AggregateBy;
  /** 项 only for `function`; the economic classifications have 类 and 款. */
  readonly level: Level;
  /** Unit codes. Every filter given must hold; an empty list matches nothing. */
  readonly units?: readonly string[];
  /** 主管部门 codes. */
  readonly departments?: readonly string[];
  readonly regions?: readonly string[];
  readonly years?: readonly number[];
}

export interface AggregateRow {
  readonly code: string;
  /** From the catalog of `year`; "" when the catalog does not know the code. */
  readonly name: string;
  readonly year: number;
  /** Fen. */
  readonly amount: number;
  /** How many units have lines under this code in this year. */
  readonly units: number;
}

/** Thrown for a query that cannot be answered as asked; the message is for the reader. */
export class PortalQueryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PortalQueryError";
  }
}

/**
 * Sums of the published expenditure lines by year and by the classification's code at `level`, over
 * the disclosures the filters select; in year then code order. Computed in SQL over portal_lines.
 * Throws PortalQueryError for 项 of an economic classification.
 */
export async function aggregate(db: Sql, query: AggregateQuery, catalogRoot?: string): Promise<AggregateRow[]> {
  if (query.by !== "function" && query.level === "项") throw new PortalQueryError("经济分类只有类、款两级，没有“项”");
  const { by, level, years, regions, departments, units } = query;
  return memoized(db, `aggregate|${catalogRoot ?? ""}|${JSON.stringify({ by, level, years, regions, departments, units })}`, () => computeAggregate(db, query, catalogRoot));
}

async function computeAggregate(db: Sql, query: AggregateQuery, catalogRoot?: string): Promise<AggregateRow[]> {
  const length = LEVEL_LENGTH[query.level];
  const sums = await sumLinesByCode(db, COLUMN[query.by], length, {
    ...(query.years ? { years: query.years } : {}),
    ...(query.regions ? { regions: query.regions } : {}),
    ...(query.departments ? { departmentCodes: query.departments } : {}),
    ...(query.units ? { unitCodes: query.units } : {}),
  });
  const catalog = catalogsByYear(catalogRoot);
  return sums.map((s) => ({ code: s.code, name: catalog(s.year)?.lookup(query.by, s.code)?.name ?? "", year: s.year, amount: s.amount, units: s.units }));
}

/** Digits of a code at each level (the economic classifications stop at 款). */
export const LEVEL_LENGTH: Record<Level, number> = { 类: 3, 款: 5, 项: 7 };

const COLUMN: Record<Classification, LineColumn> = { function: "function_code", deptEconomic: "dept_economic_code", govEconomic: "gov_economic_code" };

// ---------------------------------------------------------------------------------------------
// Scorecard
// ---------------------------------------------------------------------------------------------

/** Days after the 批复日期 within which publishing is on time. */
export const ON_TIME_DAYS = 20;

export interface ScorecardQuery {
  readonly year: number;
  readonly region?: string;
  /** A 主管部门 code. */
  readonly department?: string;
}

export interface UnitStanding {
  readonly unitCode: string;
  readonly unitName: string;
  readonly departmentCode: string;
  readonly departmentName: string;
  readonly region: string;
  readonly published: boolean;
  /** The newest publication's time; null when unpublished. */
  readonly publishedAt: Date | null;
  /** The first publication's time, which decides onTime (a correction does not make a late disclosure on time, nor an on-time one late). */
  readonly firstPublishedAt: Date | null;
  /** The newest publication's sequence (1 unless corrected); null when unpublished. */
  readonly sequence: number | null;
  /** The document's 批复日期 (`YYYY-MM-DD`), when it gives one. */
  readonly approvedOn: string | null;
  /** First published within ON_TIME_DAYS days of approvedOn (Beijing dates); null when unpublished or approvedOn unknown. */
  readonly onTime: boolean | null;
  /** Every standard table present; null when unpublished. */
  readonly complete: boolean | null;
  /** Of the published version; null when unpublished. */
  readonly errors: number | null;
  readonly warnings: number | null;
}

export interface ScoreCounts {
  /** Every unit in the store for the scope, published or not. */
  readonly units: number;
  readonly published: number;
  readonly onTime: number;
  /** Published, but the document gives no 批复日期: whether it was on time is unknown. */
  readonly onTimeUnknown: number;
  readonly complete: number;
  /** Published with errors > 0. */
  readonly withErrors: number;
}

export interface Scorecard {
  readonly year: number;
  readonly totals: ScoreCounts;
  readonly regions: readonly (ScoreCounts & { readonly region: string })[];
  readonly departments: readonly (ScoreCounts & { readonly code: string; readonly name: string; readonly region: string })[];
  /** Each unit's standing, by region, department, unit code. */
  readonly units: readonly UnitStanding[];
}

/** How the units of a year (optionally of one region or department) stand: published, on time, complete, errors. */
export async function scorecard(db: Sql, query: ScorecardQuery): Promise<Scorecard> {
  // Not memoized: it reads the units and departments too (renamed, moved), which the read model's version does not follow.
  const units: UnitStanding[] = await unitStandings(db, query.year, ON_TIME_DAYS, { ...(query.region !== undefined ? { region: query.region } : {}), ...(query.department !== undefined ? { department: query.department } : {}) });
  const count = (list: readonly UnitStanding[]): ScoreCounts => ({
    units: list.length,
    published: list.filter((u) => u.published).length,
    onTime: list.filter((u) => u.onTime === true).length,
    onTimeUnknown: list.filter((u) => u.published && u.onTime === null).length,
    complete: list.filter((u) => u.complete === true).length,
    withErrors: list.filter((u) => (u.errors ?? 0) > 0).length,
  });
  const groups = <K>(key: (u: UnitStanding) => K): Map<K, UnitStanding[]> => {
    const map = new Map<K, UnitStanding[]>();
    for (const u of units) map.set(key(u), [...(map.get(key(u)) ?? []), u]);
    return map;
  };
  return {
    year: query.year,
    totals: count(units),
    regions: [...groups((u) => u.region)].map(([region, list]) => ({ region, ...count(list) })),
    departments: [...groups((u) => u.departmentCode)].map(([code, list]) => ({ code, name: list[0]!.departmentName, region: list[0]!.region, ...count(list) })),
    units,
  };
}

// ---------------------------------------------------------------------------------------------
// Compare
// ---------------------------------------------------------------------------------------------

/** One side of a comparison: a unit's published disclosure of a year. */
export interface CompareSide {
  readonly unitCode: string;
  readonly unitName: string;
  readonly year: number;
  readonly entry: PortalEntry;
}

export interface CompareRow {
  readonly code: string;
  readonly name: string;
  readonly level: Level;
  /** Fen; 0 when that side has no line under the code. */
  readonly left: number;
  readonly right: number;
  /** right − left, fen. */
  readonly difference: number;
  /** difference / left × 100, rounded to 2 decimals; null when left is 0. */
  readonly percent: number | null;
}

export interface Comparison {
  readonly left: CompareSide;
  readonly right: CompareSide;
  /** Total expenditure. */
  readonly total: Omit<CompareRow, "code" | "name" | "level">;
  /** 支出功能分类 rows at 类, 款 and 项 in code order (each 类 followed by its 款, each 款 by its 项). */
  readonly byFunction: readonly CompareRow[];
  /** 部门预算支出经济分类 rows at 类 and 款 in code order. */
  readonly byEconomic: readonly CompareRow[];
}

/** Two years of one unit (left = `years[0]`); undefined when either year is not published. */
export async function compareYears(db: Sql, unitCode: string, years: readonly [number, number], catalogRoot?: string): Promise<Comparison | undefined> {
  const [left, right] = await Promise.all(years.map((year) => portalEntry(db, unitCode, year)));
  return left && right ? compareEntries(db, left, right, catalogRoot) : undefined;
}

/** Two units of one year (left = `unitCodes[0]`); undefined when either is not published that year. */
export async function compareUnits(db: Sql, unitCodes: readonly [string, string], year: number, catalogRoot?: string): Promise<Comparison | undefined> {
  const [left, right] = await Promise.all(unitCodes.map((code) => portalEntry(db, code, year)));
  return left && right ? compareEntries(db, left, right, catalogRoot) : undefined;
}

/** Any two published disclosures side by side (names from the right-hand year's catalog, else the left's). */
export async function compareEntries(db: Sql, left: PortalEntry, right: PortalEntry, catalogRoot?: string): Promise<Comparison> {
  const side = (entry: PortalEntry): CompareSide => ({ unitCode: entry.unitCode, unitName: entry.unitName, year: entry.year, entry });
  const catalogs = [catalogOf(right.year, catalogRoot), catalogOf(left.year, catalogRoot)];
  const rows = async (classification: "function" | "deptEconomic", levels: readonly Level[]): Promise<CompareRow[]> => {
    const [l, r] = await Promise.all([left, right].map(async (e) => rollUp(await sumLinesOf(db, [e.disclosureId], COLUMN[classification]), levels)));
    const codes = [...new Set([...l!.keys(), ...r!.keys()])].sort(cmp);
    return codes.map((code) => ({
      code,
      name: nameOf(catalogs, classification, code),
      level: levelOf(code),
      ...difference(l!.get(code) ?? 0, r!.get(code) ?? 0),
    }));
  };
  const [byFunction, byEconomic] = await Promise.all([rows("function", ["类", "款", "项"]), rows("deptEconomic", ["类", "款"])]);
  return { left: side(left), right: side(right), total: difference(left.expenditureTotal, right.expenditureTotal), byFunction, byEconomic };
}

/** right − left in fen, and as a percentage of left (2 decimals; null when left is 0). */
export function difference(left: number, right: number): { left: number; right: number; difference: number; percent: number | null } {
  const diff = right - left;
  return { left, right, difference: diff, percent: left === 0 ? null : Math.round((diff / left) * 10_000) / 100 };
}

/** Sums by code at each of the levels (codes sort parent-first, so code order is tree order). */
function rollUp(sums: readonly { code: string; amount: number }[], levels: readonly Level[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const { code, amount } of sums) {
    for (const level of levels) {
      const key = code.slice(0, LEVEL_LENGTH[level]);
      if (key.length === LEVEL_LENGTH[level]) out.set(key, (out.get(key) ?? 0) + amount);
    }
  }
  return out;
}

const levelOf = (code: string): Level => (code.length <= 3 ? "类" : code.length <= 5 ? "款" : "项");

const nameOf = (catalogs: readonly (Catalog | undefined)[], classification: Classification, code: string): string =>
  catalogs.map((c) => c?.lookup(classification, code)?.name).find((n) => n !== undefined) ?? "";

export interface AmountRow {
  readonly code: string;
  readonly name: string;
  readonly level: Level;
  /** Fen. */
  readonly amount: number;
}

export interface DepartmentConsolidation {
  readonly department: { readonly code: string; readonly name: string; readonly region: string };
  readonly year: number;
  /** The department's units published that year, with their totals (fen). */
  readonly units: readonly { readonly code: string; readonly name: string; readonly total: number; readonly entry: PortalEntry }[];
  /** Every unit of the department in the store, published that year or not. */
  readonly unitsInStore: number;
  /** Fen. */
  readonly total: number;
  /** 支出功能分类 rows at 类, 款 and 项, summed over the units. */
  readonly byFunction: readonly AmountRow[];
  /** 部门预算支出经济分类 rows at 类 and 款, summed over the units. */
  readonly byEconomic: readonly AmountRow[];
}

/** A 主管部门's published units of a year, consolidated (the sum of their lines); undefined when none published. */
export async function departmentConsolidated(db: Sql, departmentCode: string, year: number, catalogRoot?: string): Promise<DepartmentConsolidation | undefined> {
  const entries = await listPortalEntries(db, { departmentCodes: [departmentCode], years: [year] });
  const first = entries[0];
  if (!first) return undefined;
  const unitsInStore = await countDepartmentUnits(db, departmentCode);
  const ids = entries.map((e) => e.disclosureId);
  const catalogs = [catalogOf(year, catalogRoot)];
  const rows = async (classification: "function" | "deptEconomic", levels: readonly Level[]): Promise<AmountRow[]> =>
    [...rollUp(await sumLinesOf(db, ids, COLUMN[classification]), levels)]
      .sort(([a], [b]) => cmp(a, b))
      .map(([code, amount]) => ({ code, name: nameOf(catalogs, classification, code), level: levelOf(code), amount }));
  const [byFunction, byEconomic] = await Promise.all([rows("function", ["类", "款", "项"]), rows("deptEconomic", ["类", "款"])]);
  return {
    department: { code: first.departmentCode, name: first.departmentName, region: first.region },
    year,
    units: entries.map((entry) => ({ code: entry.unitCode, name: entry.unitName, total: entry.expenditureTotal, entry })),
    unitsInStore,
    total: entries.reduce((sum, e) => sum + e.expenditureTotal, 0),
    byFunction,
    byEconomic,
  };
}

// ---------------------------------------------------------------------------------------------
// Lists
// ---------------------------------------------------------------------------------------------

export interface PublishedUnit {
  readonly code: string;
  /** Name, kind, department and region as of the unit's newest published year. */
  readonly name: string;
  readonly kind: string;
  readonly departmentCode: string;
  readonly departmentName: string;
  readonly region: string;
  /** Every published year, newest first (not only those the filter selected). */
  readonly years: readonly number[];
  /** The entries of those years, newest first. */
  readonly entries: readonly PortalEntry[];
}

/** Units with a published disclosure matching the filter (any year matching), in unit code order, one page of them. */
export async function listPublishedUnits(db: Sql, filter: PortalFilter, limit: number, offset: number): Promise<{ total: number; units: PublishedUnit[] }> {
  const { codes, total } = await publishedUnitCodes(db, filter, limit, offset);
  if (codes.length === 0) return { total, units: [] };
  const entries = await listPortalEntries(db, { unitCodes: codes });
  const units = codes.flatMap((code): PublishedUnit[] => {
    const own = entries.filter((e) => e.unitCode === code).sort((a, b) => b.year - a.year);
    const newest = own[0];
    if (!newest) return [];
    return [
      {
        code,
        name: newest.unitName,
        kind: newest.unitKind,
        departmentCode: newest.departmentCode,
        departmentName: newest.departmentName,
        region: newest.region,
        years: own.map((e) => e.year),
        entries: own,
      },
    ];
  });
  return { total, units };
}

/** Published disclosures matching the filter (by region, department, unit, newest year first), one page of them. */
export async function listPublishedDisclosures(db: Sql, filter: PortalFilter, limit: number, offset: number): Promise<{ total: number; entries: PortalEntry[] }> {
  const [total, entries] = await Promise.all([countPortalEntries(db, filter), listPortalEntries(db, filter, limit, offset)]);
  return { total, entries };
}

// ---------------------------------------------------------------------------------------------
// A published disclosure
// ---------------------------------------------------------------------------------------------

export interface LineItem {
  readonly functionCode: string;
  readonly functionName: string;
  readonly deptEconomicCode: string;
  readonly deptEconomicName: string;
  readonly govEconomicCode: string;
  readonly govEconomicName: string;
  readonly fundSource: string;
  readonly nature: string;
  readonly projectId: string | null;
  readonly projectName: string | null;
  /** Fen. */
  readonly amount: number;
}

/** The expenditure lines of a unit's newest publication of a year, with 科目 and project names; undefined when not published. */
export async function publishedLineItems(db: Sql, unitCode: string, year: number, catalogRoot?: string): Promise<{ entry: PortalEntry; lines: readonly LineItem[] } | undefined> {
  const entry = await portalEntry(db, unitCode, year);
  if (!entry) return undefined;
  const [lines, projects] = await Promise.all([portalLines(db, entry.disclosureId), projectNames(db, entry.disclosureId)]);
  const catalog = catalogOf(year, catalogRoot);
  const name = (classification: Classification, code: string) => catalog?.lookup(classification, code)?.name ?? "";
  return {
    entry,
    lines: lines.map((l) => ({
      functionCode: l.functionCode,
      functionName: name("function", l.functionCode),
      deptEconomicCode: l.deptEconomicCode,
      deptEconomicName: name("deptEconomic", l.deptEconomicCode),
      govEconomicCode: l.govEconomicCode,
      govEconomicName: name("govEconomic", l.govEconomicCode),
      fundSource: l.fundSource,
      nature: l.nature,
      projectId: l.project,
      projectName: l.project === null ? null : (projects.get(l.project) ?? null),
      amount: l.amount,
    })),
  };
}

export interface PublicationSummary {
  readonly sequence: number;
  readonly versionNumber: number;
  readonly publishedAt: Date;
  /** The correction note ("" for the first publication). */
  readonly note: string;
}

export interface PublishedDisclosure {
  readonly entry: PortalEntry;
  /** Newest first. */
  readonly publications: readonly PublicationSummary[];
}

/** A unit's published disclosure of a year, with every publication; undefined when not published. */
export async function publishedDisclosure(db: Sql, unitCode: string, year: number): Promise<PublishedDisclosure | undefined> {
  const entry = await portalEntry(db, unitCode, year);
  if (!entry) return undefined;
  const publications = (await listPublications(db, entry.disclosureId)).map((p) => ({ sequence: p.sequence, versionNumber: p.versionNumber, publishedAt: p.publishedAt, note: p.note }));
  return { entry, publications };
}

/** The version the entry's (newest) publication published. */
async function publishedVersion(db: Sql, entry: PortalEntry) {
  const publication = (await listPublications(db, entry.disclosureId)).find((p) => p.sequence === entry.sequence);
  return publication && versionOf<BudgetDocument, Issue>(db, entry.disclosureId, publication.versionNumber);
}

/**
 * The standard tables built from the newest publication's version (as its page shows them); amounts
 * in fen. Undefined when not published.
 */
export async function publishedTables(ctx: AppContext, unitCode: string, year: number): Promise<{ entry: PortalEntry; tables: readonly Table[] } | undefined> {
  const entry = await portalEntry(ctx.db, unitCode, year);
  const version = entry && (await publishedVersion(ctx.db, entry));
  if (!entry || !version) return undefined;
  // The same build the publication's page was rendered from (cached by content in evaluateFor).
  const evaluation = await evaluateFor(ctx, version.document);
  return { entry, tables: evaluation.disclosure?.tables ?? [] };
}

/** What the checker reported on the newest publication's version (findings and document problems). */
export interface PublishedFinding {
  readonly severity: "error" | "warning" | "info";
  /** The rule's id for a finding of the checker; undefined for a problem of the document itself. */
  readonly ruleId?: string;
  readonly message: string;
  /** The table cells a finding points at. */
  readonly cells: readonly CellRef[];
  /** The JSON path of a document problem. */
  readonly path?: string;
}

export async function publishedFindings(db: Sql, unitCode: string, year: number): Promise<{ entry: PortalEntry; findings: readonly PublishedFinding[] } | undefined> {
  const entry = await portalEntry(db, unitCode, year);
  const version = entry && (await publishedVersion(db, entry));
  if (!entry || !version) return undefined;
  const findings = version.findings.map((issue): PublishedFinding =>
    issue.kind === "finding"
      ? { severity: issue.severity, ruleId: issue.finding.ruleId, message: issue.message, cells: issue.finding.cells }
      : { severity: issue.severity, message: issue.message, cells: [], path: issue.path },
  );
  return { entry, findings };
}

// ---------------------------------------------------------------------------------------------
// Memo
// ---------------------------------------------------------------------------------------------

/**
 * Answers remembered per database until the read model changes (readModelVersion, checked on every call:
 * right also when another process publishes). Whole-store aggregates and searches scan every line or
 * name (~0.5 s over 4 000 disclosures on PGlite); asked again, they cost one cheap version query.
 * The answers are shared: callers must not mutate them (their types are readonly). 科目 names come from
 * the catalog when first computed: a catalog imported while the server runs shows after the next publication.
 */
const MEMO = new WeakMap<Sql, Map<string, { version: string; value: Promise<unknown> }>>();
const MEMO_KEPT = 128;

async function memoized<T>(db: Sql, key: string, compute: () => Promise<T>): Promise<T> {
  const version = await readModelVersion(db);
  let memo = MEMO.get(db);
  if (!memo) MEMO.set(db, (memo = new Map()));
  const hit = memo.get(key);
  if (hit && hit.version === version) {
    memo.delete(key);
    memo.set(key, hit);
    return hit.value as Promise<T>;
  }
  const value = compute();
  memo.set(key, { version, value });
  value.catch(() => {
    if (memo.get(key)?.value === value) memo.delete(key);
  });
  if (memo.size > MEMO_KEPT) memo.delete(memo.keys().next().value!);
  return value;
}

/** The read model's version: it changes whenever a publication is indexed. For callers' own caches and ETags. */
export { readModelVersion };

/** The catalog of a year (an imported one when the deployment has it); undefined when there is none for the year. */
export function catalogOf(year: number, catalogRoot?: string): Catalog | undefined {
  try {
    return loadCatalog(year, catalogRoot);
  } catch (error) {
    if (error instanceof CatalogNotFoundError) return undefined;
    throw error;
  }
}

/** catalogOf, asked once per year for the rows of one answer. */
function catalogsByYear(catalogRoot: string | undefined): (year: number) => Catalog | undefined {
  const seen = new Map<number, Catalog | undefined>();
  return (year) => {
    if (!seen.has(year)) seen.set(year, catalogOf(year, catalogRoot));
    return seen.get(year);
  };
}
