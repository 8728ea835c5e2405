/** Failed logins per key (an account name or a client address), for throttling. */
import type { Sql } from "../sql.ts";

export interface LoginFailures {
  readonly failures: number;
  readonly firstAt: Date;
  readonly lockedUntil: Date | null;
}

export async function loginFailures(sql: Sql, key: string): Promise<LoginFailures | undefined> {
  const [row] = await sql.query<LoginFailures>(
    `SELECT failures, first_at AS "firstAt", locked_until AS "lockedUntil" FROM login_failures WHERE key = $1`,
    [key],
  );
  return row;
}

export async function saveLoginFailures(sql: Sql, key: string, value: LoginFailures): Promise<void> {
  await sql.query(
    `INSERT INTO login_failures (key, failures, first_at, locked_until) VALUES ($1, $2, $3, $4)
     ON CONFLICT (key) DO UPDATE SET failures = EXCLUDED.failures, first_at = EXCLUDED.first_at, locked_until = EXCLUDED.locked_until`,
    [key, value.failures, value.firstAt, value.lockedUntil],
  );
}

export async function clearLoginFailures(sql: Sql, key: string): Promise<void> {
  await sql.query(`DELETE FROM login_failures WHERE key = $1`, [key]);
}
