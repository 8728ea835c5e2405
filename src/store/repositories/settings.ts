/** Deployment settings as JSON values under a key, with the default when unset. */
import type { Sql } from "../sql.ts";

export async function getSetting<T>(sql: Sql, key: string, fallback: T): Promise<T> {
  const [row] = await sql.query<{ value: T }>(`SELECT value FROM settings WHERE key = $1`, [key]);
  return row ? row.value : fallback;
}

export async function putSetting(sql: Sql, key: string, value: unknown): Promise<void> {
  await sql.query(`INSERT INTO settings (key, value) VALUES ($1, $2::jsonb) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`, [
    key,
    JSON.stringify(value),
  ]);
}
