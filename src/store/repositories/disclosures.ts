/**
 * Disclosures and their versions. Every save appends a version; `head` names the latest, and a save
 * that names an older head is refused (StaleVersionError) so two editors never overwrite each other.
 */
import type { Sql } from "../sql.ts";

export interface DisclosureRecord {
  readonly id: number;
  readonly unitId: number;
  readonly year: number;
  readonly state: string;
  readonly head: number;
  readonly updatedAt: Date;
}

export interface VersionRecord<Document = unknown, Finding = unknown> {
  readonly disclosureId: number;
  readonly number: number;
  readonly document: Document;
  readonly findings: readonly Finding[];
  readonly errors: number;
  readonly warnings: number;
  /** 表单 (web form), 模板 (uploaded workbook), 导入 (a document file). */
  readonly source: string;
  readonly authorId: number | null;
  readonly authorName: string | null;
  readonly createdAt: Date;
}

/** The editor's copy is older than the stored one: someone saved in between. */
export class StaleVersionError extends Error {
  constructor(
    readonly expected: number,
    readonly actual: number,
    readonly by: string | null,
    readonly at: Date | null,
  ) {
    super(
      `保存未成功：您编辑的是第 ${expected} 版，但${by ? `“${by}”` : "其他人"}${at ? `于 ${at.toLocaleString("zh-CN", { hour12: false })}` : ""}` +
        `已保存了第 ${actual} 版。为避免覆盖对方的修改，请重新打开最新版本，再把您的改动填入。`,
    );
    this.name = "StaleVersionError";
  }
}

const DISCLOSURE_COLUMNS = `id, unit_id AS "unitId", year, state, head, updated_at AS "updatedAt"`;

export async function findDisclosure(sql: Sql, unitId: number, year: number): Promise<DisclosureRecord | undefined> {
  const [row] = await sql.query<DisclosureRecord>(`SELECT ${DISCLOSURE_COLUMNS} FROM disclosures WHERE unit_id = $1 AND year = $2`, [unitId, year]);
  return row;
}

export async function disclosureById(sql: Sql, id: number): Promise<DisclosureRecord | undefined> {
  const [row] = await sql.query<DisclosureRecord>(`SELECT ${DISCLOSURE_COLUMNS} FROM disclosures WHERE id = $1`, [id]);
  return row;
}

/** The disclosure of a unit and year, created in `initialState` when it does not exist yet. */
export async function ensureDisclosure(sql: Sql, unitId: number, year: number, initialState: string): Promise<DisclosureRecord> {
  await sql.query(`INSERT INTO disclosures (unit_id, year, state) VALUES ($1, $2, $3) ON CONFLICT (unit_id, year) DO NOTHING`, [
    unitId,
    year,
    initialState,
  ]);
  return (await findDisclosure(sql, unitId, year))!;
}

export interface DisclosureSummary extends DisclosureRecord {
  readonly unitCode: string;
  readonly unitName: string;
  readonly departmentId: number;
  readonly departmentName: string;
  readonly errors: number;
  readonly warnings: number;
}

/** Disclosures with their unit and the latest version's counts, filtered by units, departments, years or states. */
export async function listDisclosures(
  sql: Sql,
  filter: { unitIds?: readonly number[]; departmentIds?: readonly number[]; states?: readonly string[]; year?: number } = {},
): Promise<DisclosureSummary[]> {
  const where: string[] = [];
  const params: (string | number)[] = [];
  const add = (clause: (n: number) => string, value: string | number) => {
    params.push(value);
    where.push(clause(params.length));
  };
  if (filter.unitIds) add((n) => `d.unit_id IN (SELECT jsonb_array_elements_text($${n}::jsonb)::bigint)`, JSON.stringify(filter.unitIds));
  if (filter.departmentIds)
    add((n) => `u.department_id IN (SELECT jsonb_array_elements_text($${n}::jsonb)::bigint)`, JSON.stringify(filter.departmentIds));
  if (filter.states) add((n) => `d.state IN (SELECT jsonb_array_elements_text($${n}::jsonb))`, JSON.stringify(filter.states));
  if (filter.year !== undefined) add((n) => `d.year = $${n}`, filter.year);
  return sql.query<DisclosureSummary>(
    `SELECT d.id, d.unit_id AS "unitId", d.year, d.state, d.head, d.updated_at AS "updatedAt",
            u.code AS "unitCode", u.name AS "unitName", u.department_id AS "departmentId", dep.name AS "departmentName",
            coalesce(v.errors, 0) AS errors, coalesce(v.warnings, 0) AS warnings
     FROM disclosures d
     JOIN units u ON u.id = d.unit_id
     JOIN departments dep ON dep.id = u.department_id
     LEFT JOIN versions v ON v.disclosure_id = d.id AND v.number = d.head
     ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
     ORDER BY d.year DESC, dep.code, u.code`,
    params,
  );
}

export interface NewVersion {
  readonly document: unknown;
  readonly findings: readonly unknown[];
  readonly errors: number;
  readonly warnings: number;
  readonly source: string;
  readonly authorId: number | null;
}

/**
 * Appends a version on top of `baseHead` (the version the editor started from). Must run inside a
 * transaction: the row lock on the disclosure serialises concurrent saves.
 */
export async function appendVersion(sql: Sql, disclosureId: number, baseHead: number, version: NewVersion): Promise<number> {
  const [current] = await sql.query<{ head: number }>(`SELECT head FROM disclosures WHERE id = $1 FOR UPDATE`, [disclosureId]);
  if (!current) throw new Error(`没有编号为 ${disclosureId} 的公开记录`);
  if (current.head !== baseHead) {
    const latest = await versionOf(sql, disclosureId, current.head);
    throw new StaleVersionError(baseHead, current.head, latest?.authorName ?? null, latest?.createdAt ?? null);
  }
  const number = current.head + 1;
  await sql.query(
    `INSERT INTO versions (disclosure_id, number, document, findings, errors, warnings, source, author_id)
     VALUES ($1, $2, $3::jsonb, $4::jsonb, $5, $6, $7, $8)`,
    [disclosureId, number, JSON.stringify(version.document), JSON.stringify(version.findings), version.errors, version.warnings, version.source, version.authorId],
  );
  await sql.query(`UPDATE disclosures SET head = $2, updated_at = now() WHERE id = $1`, [disclosureId, number]);
  return number;
}

const VERSION_COLUMNS = `v.disclosure_id AS "disclosureId", v.number, v.document, v.findings, v.errors, v.warnings, v.source,
  v.author_id AS "authorId", usr.display_name AS "authorName", v.created_at AS "createdAt"`;

export async function versionOf<D = unknown, F = unknown>(sql: Sql, disclosureId: number, number: number): Promise<VersionRecord<D, F> | undefined> {
  const [row] = await sql.query<VersionRecord<D, F>>(
    `SELECT ${VERSION_COLUMNS} FROM versions v LEFT JOIN users usr ON usr.id = v.author_id WHERE v.disclosure_id = $1 AND v.number = $2`,
    [disclosureId, number],
  );
  return row;
}

/** Every version's number, source, author and counts, newest first (without the documents). */
export async function listVersions(sql: Sql, disclosureId: number): Promise<Omit<VersionRecord, "document" | "findings">[]> {
  return sql.query(
    `SELECT v.disclosure_id AS "disclosureId", v.number, v.errors, v.warnings, v.source, v.author_id AS "authorId",
            usr.display_name AS "authorName", v.created_at AS "createdAt"
     FROM versions v LEFT JOIN users usr ON usr.id = v.author_id WHERE v.disclosure_id = $1 ORDER BY v.number DESC`,
    [disclosureId],
  );
}

export async function setState(sql: Sql, disclosureId: number, state: string): Promise<void> {
  await sql.query(`UPDATE disclosures SET state = $2, updated_at = now() WHERE id = $1`, [disclosureId, state]);
}

// --- acknowledgements of warnings -------------------------------------------------------------------

export interface Acknowledgement {
  readonly findingKey: string;
  readonly reason: string;
}

export async function acknowledge(sql: Sql, disclosureId: number, versionNumber: number, acks: readonly Acknowledgement[], userId: number | null): Promise<void> {
  for (const ack of acks) {
    await sql.query(
      `INSERT INTO acknowledgements (disclosure_id, version_number, finding_key, reason, user_id) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (disclosure_id, version_number, finding_key) DO UPDATE SET reason = EXCLUDED.reason, user_id = EXCLUDED.user_id`,
      [disclosureId, versionNumber, ack.findingKey, ack.reason, userId],
    );
  }
}

export async function acknowledgements(sql: Sql, disclosureId: number, versionNumber: number): Promise<Acknowledgement[]> {
  return sql.query<Acknowledgement>(
    `SELECT finding_key AS "findingKey", reason FROM acknowledgements WHERE disclosure_id = $1 AND version_number = $2 ORDER BY finding_key`,
    [disclosureId, versionNumber],
  );
}

/** The latest reason given for each finding key on any version of the disclosure: offered again after a return. */
export async function latestAcknowledgements(sql: Sql, disclosureId: number): Promise<Acknowledgement[]> {
  return sql.query<Acknowledgement>(
    `SELECT DISTINCT ON (finding_key) finding_key AS "findingKey", reason FROM acknowledgements
     WHERE disclosure_id = $1 ORDER BY finding_key, version_number DESC`,
    [disclosureId],
  );
}
