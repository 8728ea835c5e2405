/**
 * Reads of the portal's read model that only the public pages need: which published units use a
 * 科目 (its explanation page), and every searchable item (the static export's offline search index).
 */
import type { Sql } from "../sql.ts";

export interface SubjectUse {
  readonly unitCode: string;
  readonly unitName: string;
  readonly departmentCode: string;
  readonly departmentName: string;
  readonly region: string;
  readonly year: number;
  /** Fen: the unit's lines under the code (or under its children). */
  readonly amount: number;
}

export type SubjectColumn = "function_code" | "dept_economic_code" | "gov_economic_code";

/** The published units with lines under `code` (a prefix of the column's code), by year (newest first), then amount. */
export async function subjectUses(sql: Sql, column: SubjectColumn, code: string): Promise<SubjectUse[]> {
  return sql.query<SubjectUse>(
    `SELECT e.unit_code AS "unitCode", e.unit_name AS "unitName", e.department_code AS "departmentCode",
            e.department_name AS "departmentName", e.region, e.year, sum(l.amount)::bigint AS amount
     FROM portal_lines l JOIN portal_entries e ON e.disclosure_id = l.disclosure_id
     WHERE substr(l.${column}, 1, length($1)) = $1
     GROUP BY e.unit_code, e.unit_name, e.department_code, e.department_name, e.region, e.year
     ORDER BY e.year DESC, amount DESC, e.unit_code`,
    [code],
  );
}

/** The codes (full length) of the column that published lines use: to know which 科目 pages have content. */
export async function usedCodes(sql: Sql, column: SubjectColumn): Promise<string[]> {
  const rows = await sql.query<{ code: string }>(`SELECT DISTINCT ${column} AS code FROM portal_lines ORDER BY code`);
  return rows.map((r) => r.code);
}

export interface SearchItemRow {
  readonly disclosureId: number;
  readonly kind: "unit" | "project" | "function" | "economic";
  readonly code: string;
  readonly text: string;
}

/** Every searchable item of every published disclosure. */
export async function allSearchItems(sql: Sql): Promise<SearchItemRow[]> {
  return sql.query<SearchItemRow>(`SELECT disclosure_id AS "disclosureId", kind, code, text FROM portal_search ORDER BY disclosure_id, kind, code`);
}

export interface RecentEntry {
  readonly unitCode: string;
  readonly unitName: string;
  readonly departmentName: string;
  readonly region: string;
  readonly year: number;
  readonly sequence: number;
  readonly publishedAt: Date;
}

/** The most recently published (or corrected) disclosures, newest first. */
export async function recentEntries(sql: Sql, limit: number): Promise<RecentEntry[]> {
  return sql.query<RecentEntry>(
    `SELECT unit_code AS "unitCode", unit_name AS "unitName", department_name AS "departmentName", region, year, sequence,
            published_at AS "publishedAt"
     FROM portal_entries ORDER BY published_at DESC, unit_code LIMIT $1`,
    [limit],
  );
}

/** The regions with a published disclosure, in code-point order. */
export async function publishedRegions(sql: Sql): Promise<string[]> {
  const rows = await sql.query<{ region: string }>(`SELECT DISTINCT region FROM portal_entries ORDER BY region`);
  return rows.map((r) => r.region);
}
