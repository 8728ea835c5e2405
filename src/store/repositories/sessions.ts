/** Server-side sessions. Only the SHA-256 of the cookie's token is stored, so a copy of the database logs nobody in. */
import type { Sql } from "../sql.ts";

export interface SessionRecord {
  readonly userId: number;
  readonly csrfToken: string;
  readonly expiresAt: Date;
}

export async function createSession(sql: Sql, tokenHash: string, session: SessionRecord): Promise<void> {
  await sql.query(`INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at) VALUES ($1, $2, $3, $4)`, [
    tokenHash,
    session.userId,
    session.csrfToken,
    session.expiresAt,
  ]);
}

/** The live session with this token hash; expired ones are never returned. */
export async function findSession(sql: Sql, tokenHash: string, now: Date): Promise<SessionRecord | undefined> {
  const [row] = await sql.query<SessionRecord>(
    `SELECT user_id AS "userId", csrf_token AS "csrfToken", expires_at AS "expiresAt" FROM sessions WHERE token_hash = $1 AND expires_at > $2`,
    [tokenHash, now],
  );
  return row;
}

export async function deleteSession(sql: Sql, tokenHash: string): Promise<void> {
  await sql.query(`DELETE FROM sessions WHERE token_hash = $1`, [tokenHash]);
}

/** Logs an account out everywhere (after a password reset). */
export async function deleteUserSessions(sql: Sql, userId: number): Promise<void> {
  await sql.query(`DELETE FROM sessions WHERE user_id = $1`, [userId]);
}
