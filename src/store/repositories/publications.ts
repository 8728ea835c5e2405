/** What the public sees. Publications are append-only (a trigger refuses updates and deletes). */
import type { Sql } from "../sql.ts";

export interface PublicationRecord {
  readonly id: number;
  readonly disclosureId: number;
  readonly sequence: number;
  readonly versionNumber: number;
  readonly note: string;
  readonly html: string;
  readonly certificate: unknown;
  readonly publishedBy: number | null;
  readonly publishedAt: Date;
}

export async function addPublication(
  sql: Sql,
  p: Omit<PublicationRecord, "id" | "sequence" | "publishedAt">,
): Promise<PublicationRecord> {
  const [row] = await sql.query<PublicationRecord>(
    `INSERT INTO publications (disclosure_id, sequence, version_number, note, html, certificate, published_by)
     VALUES ($1, (SELECT coalesce(max(sequence), 0) + 1 FROM publications WHERE disclosure_id = $1), $2, $3, $4, $5::jsonb, $6)
     RETURNING id, disclosure_id AS "disclosureId", sequence, version_number AS "versionNumber", note, html, certificate,
               published_by AS "publishedBy", published_at AS "publishedAt"`,
    [p.disclosureId, p.versionNumber, p.note, p.html, JSON.stringify(p.certificate), p.publishedBy],
  );
  return row!;
}

/**
 * How many publications the store holds. Publications are never changed or deleted, so this grows with
 * every committed publication: the version of everything the public sees (src/server/portal-cache.ts).
 */
export async function publicationCount(sql: Sql): Promise<number> {
  const [row] = await sql.query<{ count: number }>(`SELECT count(*) AS count FROM publications`);
  return row!.count;
}

/** Every publication of a disclosure, newest first; `withHtml` false leaves the pages out. */
export async function listPublications(sql: Sql, disclosureId: number, withHtml = false): Promise<PublicationRecord[]> {
  return sql.query<PublicationRecord>(
    `SELECT id, disclosure_id AS "disclosureId", sequence, version_number AS "versionNumber", note, ${withHtml ? "html" : "'' AS html"},
            certificate, published_by AS "publishedBy", published_at AS "publishedAt"
     FROM publications WHERE disclosure_id = $1 ORDER BY sequence DESC`,
    [disclosureId],
  );
}

export interface PublishedEntry {
  readonly disclosureId: number;
  readonly unitCode: string;
  readonly unitName: string;
  readonly departmentName: string;
  readonly region: string;
  readonly year: number;
  readonly sequence: number;
  readonly publishedAt: Date;
}

/** The latest publication of every published disclosure. */
export async function listPublished(sql: Sql): Promise<PublishedEntry[]> {
  return sql.query<PublishedEntry>(
    `SELECT DISTINCT ON (p.disclosure_id) p.disclosure_id AS "disclosureId", u.code AS "unitCode", u.name AS "unitName",
            dep.name AS "departmentName", dep.region, d.year, p.sequence, p.published_at AS "publishedAt"
     FROM publications p JOIN disclosures d ON d.id = p.disclosure_id JOIN units u ON u.id = d.unit_id JOIN departments dep ON dep.id = u.department_id
     ORDER BY p.disclosure_id, p.sequence DESC`,
  );
}
