/** Accounts, what they are bound to, and failed-login counts. Passwords arrive here already hashed. */
import type { Sql } from "../sql.ts";

export const ROLES = ["admin", "reviewer", "preparer"] as const;
export type Role = (typeof ROLES)[number];

export interface UserRecord {
  readonly id: number;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  /** The review steps (by their names in the workflow chain) this account may act on. */
  readonly duties: readonly string[];
  readonly passwordHash: string;
  readonly mustChangePassword: boolean;
  readonly disabled: boolean;
  /** Units (preparers) and departments (reviewers) the account is bound to. */
  readonly unitIds: readonly number[];
  readonly departmentIds: readonly number[];
}

const SELECT_USER = `
  SELECT u.id, u.username, u.display_name AS "displayName", u.role, u.duties, u.password_hash AS "passwordHash",
         u.must_change_password AS "mustChangePassword", u.disabled,
         coalesce((SELECT json_agg(s.unit_id ORDER BY s.unit_id) FROM user_scopes s WHERE s.user_id = u.id AND s.unit_id IS NOT NULL), '[]') AS "unitIds",
         coalesce((SELECT json_agg(s.department_id ORDER BY s.department_id) FROM user_scopes s WHERE s.user_id = u.id AND s.department_id IS NOT NULL), '[]') AS "departmentIds"
  FROM users u`;

type UserRow = Omit<UserRecord, "unitIds" | "departmentIds"> & { unitIds: unknown[]; departmentIds: unknown[] };
const toUser = (row: UserRow): UserRecord => ({
  ...row,
  duties: row.duties ?? [],
  unitIds: row.unitIds.map(Number),
  departmentIds: row.departmentIds.map(Number),
});

export class DuplicateUsernameError extends Error {
  constructor(readonly username: string) {
    super(`账号“${username}”已存在`);
    this.name = "DuplicateUsernameError";
  }
}

export interface NewUser {
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly duties?: readonly string[];
  readonly passwordHash: string;
  readonly mustChangePassword?: boolean;
  readonly unitIds?: readonly number[];
  readonly departmentIds?: readonly number[];
}

export async function createUser(sql: Sql, user: NewUser): Promise<UserRecord> {
  return sql.transaction(async (tx) => {
    const existing = await tx.query(`SELECT 1 FROM users WHERE username = $1`, [user.username]);
    if (existing.length > 0) throw new DuplicateUsernameError(user.username);
    const [row] = await tx.query<{ id: number }>(
      `INSERT INTO users (username, display_name, role, duties, password_hash, must_change_password)
       VALUES ($1, $2, $3, $4::jsonb, $5, $6) RETURNING id`,
      [user.username, user.displayName, user.role, JSON.stringify(user.duties ?? []), user.passwordHash, user.mustChangePassword ?? false],
    );
    for (const unitId of user.unitIds ?? []) await tx.query(`INSERT INTO user_scopes (user_id, unit_id) VALUES ($1, $2)`, [row!.id, unitId]);
    for (const departmentId of user.departmentIds ?? [])
      await tx.query(`INSERT INTO user_scopes (user_id, department_id) VALUES ($1, $2)`, [row!.id, departmentId]);
    return (await userById(tx, row!.id))!;
  });
}

export async function userById(sql: Sql, id: number): Promise<UserRecord | undefined> {
  const [row] = await sql.query<UserRow>(`${SELECT_USER} WHERE u.id = $1`, [id]);
  return row && toUser(row);
}

export async function userByName(sql: Sql, username: string): Promise<UserRecord | undefined> {
  const [row] = await sql.query<UserRow>(`${SELECT_USER} WHERE u.username = $1`, [username]);
  return row && toUser(row);
}

export async function listUsers(sql: Sql): Promise<UserRecord[]> {
  return (await sql.query<UserRow>(`${SELECT_USER} ORDER BY u.role, u.username`)).map(toUser);
}

export async function countUsers(sql: Sql, role?: Role): Promise<number> {
  const [row] = await sql.query<{ n: number }>(
    role ? `SELECT count(*)::int AS n FROM users WHERE role = $1` : `SELECT count(*)::int AS n FROM users`,
    role ? [role] : [],
  );
  return row!.n;
}

export async function setPassword(sql: Sql, userId: number, passwordHash: string, mustChange: boolean): Promise<void> {
  await sql.query(`UPDATE users SET password_hash = $2, must_change_password = $3 WHERE id = $1`, [userId, passwordHash, mustChange]);
}
