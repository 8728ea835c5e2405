/** The review trail: moves along the chain (and returns), and comments anchored to tables, cells and sections. */
import type { Sql } from "../sql.ts";

export interface TransitionRecord {
  readonly id: number;
  readonly disclosureId: number;
  readonly versionNumber: number;
  readonly fromState: string;
  readonly toState: string;
  readonly action: string;
  readonly actorId: number | null;
  readonly actorName: string | null;
  readonly comment: string;
  readonly createdAt: Date;
}

export async function recordTransition(
  sql: Sql,
  t: Omit<TransitionRecord, "id" | "actorName" | "createdAt">,
): Promise<void> {
  await sql.query(
    `INSERT INTO transitions (disclosure_id, version_number, from_state, to_state, action, actor_id, comment) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [t.disclosureId, t.versionNumber, t.fromState, t.toState, t.action, t.actorId, t.comment],
  );
}

export async function listTransitions(sql: Sql, disclosureId: number): Promise<TransitionRecord[]> {
  return sql.query<TransitionRecord>(
    `SELECT t.id, t.disclosure_id AS "disclosureId", t.version_number AS "versionNumber", t.from_state AS "fromState", t.to_state AS "toState",
            t.action, t.actor_id AS "actorId", usr.display_name AS "actorName", t.comment, t.created_at AS "createdAt"
     FROM transitions t LEFT JOIN users usr ON usr.id = t.actor_id WHERE t.disclosure_id = $1 ORDER BY t.id`,
    [disclosureId],
  );
}

/** Where a comment points: a table, a cell of it, or a narrative section. */
export type CommentAnchor =
  | { readonly kind: "table"; readonly table: string }
  | { readonly kind: "cell"; readonly table: string; readonly row: string; readonly column: string }
  | { readonly kind: "section"; readonly section: string };

export interface CommentRecord {
  readonly id: number;
  readonly disclosureId: number;
  readonly versionNumber: number;
  readonly authorId: number | null;
  readonly authorName: string | null;
  readonly anchor: CommentAnchor;
  readonly body: string;
  readonly createdAt: Date;
}

export async function addComment(sql: Sql, c: Omit<CommentRecord, "id" | "authorName" | "createdAt">): Promise<number> {
  const [row] = await sql.query<{ id: number }>(
    `INSERT INTO comments (disclosure_id, version_number, author_id, anchor, body) VALUES ($1, $2, $3, $4::jsonb, $5) RETURNING id`,
    [c.disclosureId, c.versionNumber, c.authorId, JSON.stringify(c.anchor), c.body],
  );
  return row!.id;
}

export async function listComments(sql: Sql, disclosureId: number): Promise<CommentRecord[]> {
  return sql.query<CommentRecord>(
    `SELECT c.id, c.disclosure_id AS "disclosureId", c.version_number AS "versionNumber", c.author_id AS "authorId",
            usr.display_name AS "authorName", c.anchor, c.body, c.created_at AS "createdAt"
     FROM comments c LEFT JOIN users usr ON usr.id = c.author_id WHERE c.disclosure_id = $1 ORDER BY c.id`,
    [disclosureId],
  );
}
