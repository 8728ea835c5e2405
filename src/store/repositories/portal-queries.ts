/**
 * The portal's read queries over its read model (migration 0002): search, the browse list, sums of
 * lines by classification code, the scorecard's standings. Only SQL lives here; naming, rolling up and
 * shaping for readers is src/app/portal.ts.
 */
import type { Sql } from "../sql.ts";
import { filterClause, type PortalFilter } from "./portal.ts";

// ---------------------------------------------------------------------------------------------
// Search
// ---------------------------------------------------------------------------------------------

/** What a search item or an entry matched as; the rank orders hits (lower is better). */
export type MatchKind = "unit" | "department" | "project" | "function" | "economic";

export const MATCH_RANK: Record<MatchKind, number> = { unit: 0, department: 1, project: 2, function: 3, economic: 3 };

export interface MatchedDisclosure {
  readonly disclosureId: number;
  readonly year: number;
  readonly region: string;
  readonly departmentCode: string;
  readonly unitCode: string;
  readonly rank: number;
}

export interface MatchedItem {
  readonly disclosureId: number;
  readonly kind: MatchKind;
  readonly code: string;
  readonly text: string;
}

/**
 * The match condition of a search: `$1` is the lowered text (a substring of names), `$2` a digit string
 * matched as a code prefix (null when the text is not all digits). Project ids are not codes. Names are
 * lowered only when the text has letters with case (Chinese has none, and lower() on every row costs).
 */
const itemMatch = (text: string) =>
  `(strpos(${hasCase(text) ? "lower(s.text)" : "s.text"}, $1) > 0 OR ($2::text IS NOT NULL AND s.kind <> 'project' AND s.code LIKE $2 || '%'))`;
const departmentMatch = (text: string) =>
  `(strpos(${hasCase(text) ? "lower(e.department_name)" : "e.department_name"}, $1) > 0 OR ($2::text IS NOT NULL AND e.department_code LIKE $2 || '%'))`;

/** Whether the text has a letter that has an upper and a lower case. */
const hasCase = (text: string) => text.toUpperCase() !== text.toLowerCase();

/** Every published disclosure something of which matches, with its best rank (unfiltered: facets need all). */
export async function matchingDisclosures(sql: Sql, text: string, codePrefix: string | null): Promise<MatchedDisclosure[]> {
  return sql.query<MatchedDisclosure>(
    `SELECT e.disclosure_id AS "disclosureId", e.year, e.region, e.department_code AS "departmentCode", e.unit_code AS "unitCode",
            min(m.rank)::int AS rank
     FROM (
       SELECT s.disclosure_id, CASE s.kind WHEN 'unit' THEN 0 WHEN 'project' THEN 2 ELSE 3 END AS rank
       FROM portal_search s WHERE ${itemMatch(text)}
       UNION ALL
       SELECT e.disclosure_id, 1 FROM portal_entries e WHERE ${departmentMatch(text)}
     ) m JOIN portal_entries e ON e.disclosure_id = m.disclosure_id
     GROUP BY e.disclosure_id, e.year, e.region, e.department_code, e.unit_code`,
    [text, codePrefix],
  );
}

/** What matched in each of these disclosures (the same conditions as matchingDisclosures). */
export async function matchedItems(sql: Sql, disclosureIds: readonly number[], text: string, codePrefix: string | null): Promise<MatchedItem[]> {
  if (disclosureIds.length === 0) return [];
  return sql.query<MatchedItem>(
    `SELECT DISTINCT s.disclosure_id AS "disclosureId", s.kind, s.code, s.text FROM portal_search s
     WHERE s.disclosure_id = ANY(ARRAY(SELECT jsonb_array_elements_text($3::jsonb)::bigint)) AND ${itemMatch(text)}
     UNION
     SELECT e.disclosure_id, 'department', e.department_code, e.department_name FROM portal_entries e
     WHERE e.disclosure_id = ANY(ARRAY(SELECT jsonb_array_elements_text($3::jsonb)::bigint)) AND ${departmentMatch(text)}`,
    [text, codePrefix, JSON.stringify(disclosureIds)],
  );
}

// ---------------------------------------------------------------------------------------------
// Browse
// ---------------------------------------------------------------------------------------------

export interface PublishedUnitYear {
  readonly region: string;
  readonly departmentCode: string;
  readonly departmentName: string;
  readonly unitCode: string;
  readonly unitName: string;
  readonly unitKind: string;
  readonly year: number;
}

/** Every (unit, year) published, by region, department, unit, newest year; with `year`, only the units that published that year. */
export async function publishedUnitYears(sql: Sql, year?: number): Promise<PublishedUnitYear[]> {
  return sql.query<PublishedUnitYear>(
    `SELECT region, department_code AS "departmentCode", department_name AS "departmentName", unit_code AS "unitCode",
            unit_name AS "unitName", unit_kind AS "unitKind", year
     FROM portal_entries
     ${year === undefined ? "" : "WHERE unit_id IN (SELECT unit_id FROM portal_entries WHERE year = $1)"}
     ORDER BY region, department_code, unit_code, year DESC`,
    year === undefined ? [] : [year],
  );
}

// ---------------------------------------------------------------------------------------------
// Sums of lines
// ---------------------------------------------------------------------------------------------

export type LineColumn = "function_code" | "dept_economic_code" | "gov_economic_code";

export interface CodeSum {
  readonly year: number;
  readonly code: string;
  /** Fen. */
  readonly amount: number;
  /** Distinct units with lines under the code in the year. */
  readonly units: number;
}

/**
 * Sums of the lines of the selected disclosures by year and by the first `length` digits of `column`,
 * in year then code order.
 */
export async function sumLinesByCode(sql: Sql, column: LineColumn, length: number, filter: PortalFilter): Promise<CodeSum[]> {
  const { years, ...others } = filter;
  const clauses: string[] = [];
  const params: (string | number)[] = [];
  if (Object.values(others).some((v) => v !== undefined)) {
    // The selected disclosures first, then their lines by the disclosure index: joined in one statement,
    // the planner scans every line of the store even for one unit.
    const { where, params: entryParams } = filterClause(filter);
    const ids = await sql.query<{ id: number }>(`SELECT disclosure_id AS id FROM portal_entries ${where}`, entryParams);
    if (ids.length === 0) return [];
    params.push(JSON.stringify(ids.map((r) => r.id)));
    clauses.push(`l.disclosure_id = ANY(ARRAY(SELECT jsonb_array_elements_text($${params.length}::jsonb)::bigint))`);
  } else if (years) {
    params.push(JSON.stringify(years));
    clauses.push(`l.year = ANY(ARRAY(SELECT jsonb_array_elements_text($${params.length}::jsonb)::int))`);
  }
  params.push(length);
  const code = `substr(l.${column}, 1, $${params.length})`;
  // A unit has one disclosure a year, so within a year distinct disclosures are distinct units.
  return sql.query<CodeSum>(
    `SELECT l.year, ${code} AS code, sum(l.amount)::bigint AS amount, count(DISTINCT l.disclosure_id)::int AS units
     FROM portal_lines l
     ${clauses.length ? `WHERE ${clauses.join(" AND ")}` : ""}
     GROUP BY l.year, ${code}
     ORDER BY l.year, code`,
    params,
  );
}

/** Sums of the lines of the given disclosures by the full code of `column` (fen). */
export async function sumLinesOf(sql: Sql, disclosureIds: readonly number[], column: LineColumn): Promise<{ code: string; amount: number }[]> {
  return sql.query<{ code: string; amount: number }>(
    `SELECT ${column} AS code, sum(amount)::bigint AS amount FROM portal_lines
     WHERE disclosure_id = ANY(ARRAY(SELECT jsonb_array_elements_text($1::jsonb)::bigint))
     GROUP BY ${column} ORDER BY ${column}`,
    [JSON.stringify(disclosureIds)],
  );
}

// ---------------------------------------------------------------------------------------------
// Scorecard
// ---------------------------------------------------------------------------------------------

export interface StandingRow {
  readonly unitCode: string;
  readonly unitName: string;
  readonly departmentCode: string;
  readonly departmentName: string;
  readonly region: string;
  readonly published: boolean;
  readonly publishedAt: Date | null;
  readonly firstPublishedAt: Date | null;
  readonly sequence: number | null;
  readonly approvedOn: string | null;
  readonly onTime: boolean | null;
  readonly complete: boolean | null;
  readonly errors: number | null;
  readonly warnings: number | null;
}

/**
 * Every unit in the store (of the region or department when given) with its published disclosure of
 * `year`, if any. On time: first published on or before the 批复日期 plus `onTimeDays`, comparing Beijing
 * (UTC+8) dates; null when unpublished or the 批复日期 is not given.
 */
export async function unitStandings(sql: Sql, year: number, onTimeDays: number, scope: { region?: string; department?: string }): Promise<StandingRow[]> {
  return sql.query<StandingRow>(
    `SELECT u.code AS "unitCode", u.name AS "unitName", d.code AS "departmentCode", d.name AS "departmentName", d.region,
            e.disclosure_id IS NOT NULL AS published, e.published_at AS "publishedAt", f.first_at AS "firstPublishedAt",
            e.sequence, e.approved_on AS "approvedOn",
            CASE WHEN e.disclosure_id IS NULL OR e.approved_on IS NULL THEN NULL
                 ELSE (f.first_at + interval '8 hours')::date <= e.approved_on + $2::int END AS "onTime",
            e.complete, e.errors, e.warnings
     FROM units u JOIN departments d ON d.id = u.department_id
     LEFT JOIN portal_entries e ON e.unit_id = u.id AND e.year = $1
     LEFT JOIN LATERAL (SELECT min(p.published_at) AS first_at FROM publications p WHERE p.disclosure_id = e.disclosure_id) f ON true
     WHERE ($3::text IS NULL OR d.region = $3) AND ($4::text IS NULL OR d.code = $4)
     ORDER BY d.region, d.code, u.code`,
    [year, onTimeDays, scope.region ?? null, scope.department ?? null],
  );
}

/**
 * A value that changes whenever the read model changes: a publication indexed adds an entry or moves
 * one to a newer (larger) publication id. Cheap (one pass over the entries), and right across processes.
 */
export async function readModelVersion(sql: Sql): Promise<string> {
  const [row] = await sql.query<{ n: number; s: number }>(`SELECT count(*)::int AS n, coalesce(sum(publication_id), 0)::bigint AS s FROM portal_entries`);
  return `${row?.n ?? 0}:${row?.s ?? 0}`;
}

/** The years that have at least one published disclosure, newest first. */
export async function publishedYears(sql: Sql): Promise<number[]> {
  const rows = await sql.query<{ year: number }>(`SELECT DISTINCT year FROM portal_entries ORDER BY year DESC`);
  return rows.map((r) => r.year);
}

// ---------------------------------------------------------------------------------------------
// Lists
// ---------------------------------------------------------------------------------------------

/** How many entries match the filter. */
export async function countPortalEntries(sql: Sql, filter: PortalFilter): Promise<number> {
  const { where, params } = filterClause(filter);
  const [row] = await sql.query<{ count: number }>(`SELECT count(*)::int AS count FROM portal_entries ${where}`, params);
  return row?.count ?? 0;
}

/** The codes of the units with an entry matching the filter, in code order, one page of them, and how many there are. */
export async function publishedUnitCodes(sql: Sql, filter: PortalFilter, limit: number, offset: number): Promise<{ codes: string[]; total: number }> {
  const { where, params } = filterClause(filter);
  const [counted] = await sql.query<{ count: number }>(`SELECT count(DISTINCT unit_code)::int AS count FROM portal_entries ${where}`, params);
  const rows = await sql.query<{ code: string }>(
    `SELECT DISTINCT unit_code AS code FROM portal_entries ${where} ORDER BY unit_code LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, limit, offset],
  );
  return { codes: rows.map((r) => r.code), total: counted?.count ?? 0 };
}

/** The names of the projects of a published disclosure, by project id. */
export async function projectNames(sql: Sql, disclosureId: number): Promise<Map<string, string>> {
  const rows = await sql.query<{ code: string; text: string }>(`SELECT code, text FROM portal_search WHERE disclosure_id = $1 AND kind = 'project'`, [disclosureId]);
  return new Map(rows.map((r) => [r.code, r.text]));
}

/** Every unit of the department in the store, published or not. */
export async function countDepartmentUnits(sql: Sql, departmentCode: string): Promise<number> {
  const [row] = await sql.query<{ count: number }>(`SELECT count(*)::int AS count FROM units u JOIN departments d ON d.id = u.department_id WHERE d.code = $1`, [departmentCode]);
  return row?.count ?? 0;
}
