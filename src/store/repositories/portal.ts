/**
 * The portal's read model (migration 0002): one entry per published disclosure (its latest
 * publication), its expenditure lines and its searchable names. Written by the publish step in its
 * own transaction; read by the public pages and the open data API.
 */
import type { Sql } from "../sql.ts";

export interface PortalEntry {
  readonly disclosureId: number;
  readonly publicationId: number;
  readonly sequence: number;
  readonly unitId: number;
  readonly unitCode: string;
  readonly unitName: string;
  readonly unitKind: string;
  readonly departmentId: number;
  readonly departmentCode: string;
  readonly departmentName: string;
  readonly region: string;
  readonly year: number;
  readonly publishedAt: Date;
  /** `YYYY-MM-DD`, or null when the document does not give its 批复日期. */
  readonly approvedOn: string | null;
  /** Fen. */
  readonly expenditureTotal: number;
  readonly errors: number;
  readonly warnings: number;
  readonly complete: boolean;
}

export interface PortalLine {
  readonly functionCode: string;
  readonly deptEconomicCode: string;
  readonly govEconomicCode: string;
  readonly fundSource: string;
  readonly nature: string;
  readonly project: string | null;
  /** Fen. */
  readonly amount: number;
}

export interface PortalSearchItem {
  readonly kind: "unit" | "project" | "function" | "economic";
  readonly code: string;
  readonly text: string;
}

const ENTRY_COLUMNS = `disclosure_id AS "disclosureId", publication_id AS "publicationId", sequence, unit_id AS "unitId", unit_code AS "unitCode",
  unit_name AS "unitName", unit_kind AS "unitKind", department_id AS "departmentId", department_code AS "departmentCode",
  department_name AS "departmentName", region, year, published_at AS "publishedAt", approved_on AS "approvedOn",
  expenditure_total AS "expenditureTotal", errors, warnings, complete`;

/** Replaces the disclosure's entry, lines and search items with those of its newest publication. */
export async function writePortalEntry(sql: Sql, entry: PortalEntry, lines: readonly PortalLine[], search: readonly PortalSearchItem[]): Promise<void> {
  await sql.query(`DELETE FROM portal_lines WHERE disclosure_id = $1`, [entry.disclosureId]);
  await sql.query(`DELETE FROM portal_search WHERE disclosure_id = $1`, [entry.disclosureId]);
  await sql.query(
    `INSERT INTO portal_entries (disclosure_id, publication_id, sequence, unit_id, unit_code, unit_name, unit_kind, department_id, department_code,
       department_name, region, year, published_at, approved_on, expenditure_total, errors, warnings, complete)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
     ON CONFLICT (disclosure_id) DO UPDATE SET publication_id = EXCLUDED.publication_id, sequence = EXCLUDED.sequence,
       unit_id = EXCLUDED.unit_id, unit_code = EXCLUDED.unit_code, unit_name = EXCLUDED.unit_name, unit_kind = EXCLUDED.unit_kind,
       department_id = EXCLUDED.department_id, department_code = EXCLUDED.department_code, department_name = EXCLUDED.department_name,
       region = EXCLUDED.region, year = EXCLUDED.year, published_at = EXCLUDED.published_at, approved_on = EXCLUDED.approved_on,
       expenditure_total = EXCLUDED.expenditure_total, errors = EXCLUDED.errors, warnings = EXCLUDED.warnings, complete = EXCLUDED.complete`,
    [
      entry.disclosureId, entry.publicationId, entry.sequence, entry.unitId, entry.unitCode, entry.unitName, entry.unitKind, entry.departmentId,
      entry.departmentCode, entry.departmentName, entry.region, entry.year, entry.publishedAt, entry.approvedOn, entry.expenditureTotal,
      entry.errors, entry.warnings, entry.complete,
    ],
  );
  // One multi-row statement per table: a unit has tens to hundreds of lines.
  for (let i = 0; i < lines.length; i += 500) {
    const chunk = lines.slice(i, i + 500);
    await sql.query(
      `INSERT INTO portal_lines (disclosure_id, year, function_code, dept_economic_code, gov_economic_code, fund_source, nature, project, amount)
       SELECT $1, $2, l."functionCode", l."deptEconomicCode", l."govEconomicCode", l."fundSource", l.nature, l.project, l.amount
       FROM jsonb_to_recordset($3::jsonb) AS l("functionCode" text, "deptEconomicCode" text, "govEconomicCode" text, "fundSource" text, nature text, project text, amount bigint)`,
      [entry.disclosureId, entry.year, JSON.stringify(chunk)],
    );
  }
  if (search.length > 0) {
    await sql.query(
      `INSERT INTO portal_search (disclosure_id, kind, code, text)
       SELECT $1, s.kind, s.code, s.text FROM jsonb_to_recordset($2::jsonb) AS s(kind text, code text, text text)`,
      [entry.disclosureId, JSON.stringify(search)],
    );
  }
}

export async function portalEntry(sql: Sql, unitCode: string, year: number): Promise<PortalEntry | undefined> {
  const [row] = await sql.query<PortalEntry>(`SELECT ${ENTRY_COLUMNS} FROM portal_entries WHERE unit_code = $1 AND year = $2`, [unitCode, year]);
  return row;
}

export async function portalEntryById(sql: Sql, disclosureId: number): Promise<PortalEntry | undefined> {
  const [row] = await sql.query<PortalEntry>(`SELECT ${ENTRY_COLUMNS} FROM portal_entries WHERE disclosure_id = $1`, [disclosureId]);
  return row;
}

export interface PortalFilter {
  readonly years?: readonly number[];
  readonly regions?: readonly string[];
  readonly departmentCodes?: readonly string[];
  readonly unitCodes?: readonly string[];
  readonly disclosureIds?: readonly number[];
}

/** Entries matching every given filter, by region, department and unit. */
export async function listPortalEntries(sql: Sql, filter: PortalFilter = {}, limit = 100_000, offset = 0): Promise<PortalEntry[]> {
  const { where, params } = filterClause(filter);
  params.push(limit, offset);
  return sql.query<PortalEntry>(
    `SELECT ${ENTRY_COLUMNS} FROM portal_entries ${where} ORDER BY region, department_code, unit_code, year DESC LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  );
}

/** The WHERE clause of a filter over portal_entries (alias-free), with its parameters. */
export function filterClause(filter: PortalFilter, column = (name: string) => name): { where: string; params: (string | number)[] } {
  const clauses: string[] = [];
  const params: (string | number)[] = [];
  const list = (name: string, values: readonly (string | number)[] | undefined, cast: string) => {
    if (!values) return;
    params.push(JSON.stringify(values));
    // ANY(ARRAY(…)): the list is evaluated once and the indexes can serve it (IN (SELECT …) plans a semi-join over the whole table).
    clauses.push(`${column(name)} = ANY(ARRAY(SELECT jsonb_array_elements_text($${params.length}::jsonb)::${cast}))`);
  };
  list("year", filter.years, "int");
  list("region", filter.regions, "text");
  list("department_code", filter.departmentCodes, "text");
  list("unit_code", filter.unitCodes, "text");
  list("disclosure_id", filter.disclosureIds, "bigint");
  return { where: clauses.length ? `WHERE ${clauses.join(" AND ")}` : "", params };
}

export async function portalLines(sql: Sql, disclosureId: number): Promise<PortalLine[]> {
  return sql.query<PortalLine>(
    `SELECT function_code AS "functionCode", dept_economic_code AS "deptEconomicCode", gov_economic_code AS "govEconomicCode",
            fund_source AS "fundSource", nature, project, amount
     FROM portal_lines WHERE disclosure_id = $1
     ORDER BY function_code, dept_economic_code, gov_economic_code, fund_source, nature, project NULLS FIRST, amount`,
    [disclosureId],
  );
}
