/** 主管部门 and their units. */
import type { Sql } from "../sql.ts";

export interface Department {
  readonly id: number;
  readonly code: string;
  readonly name: string;
  readonly region: string;
}

export interface UnitRecord {
  readonly id: number;
  readonly code: string;
  readonly name: string;
  readonly kind: string;
  readonly departmentId: number;
  readonly departmentName: string;
  readonly region: string;
}

const UNIT_COLUMNS = `u.id, u.code, u.name, u.kind, u.department_id AS "departmentId", d.name AS "departmentName", d.region`;

/** The department with this code, created (or renamed) as given. */
export async function upsertDepartment(sql: Sql, d: Omit<Department, "id">): Promise<Department> {
  const [row] = await sql.query<Department>(
    `INSERT INTO departments (code, name, region) VALUES ($1, $2, $3)
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, region = EXCLUDED.region
     RETURNING id, code, name, region`,
    [d.code, d.name, d.region],
  );
  return row!;
}

/** The unit with this code, created (or updated) as given. */
export async function upsertUnit(
  sql: Sql,
  u: { code: string; name: string; kind: string; departmentId: number },
): Promise<UnitRecord> {
  const [row] = await sql.query<{ id: number }>(
    `INSERT INTO units (code, name, kind, department_id) VALUES ($1, $2, $3, $4)
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind, department_id = EXCLUDED.department_id
     RETURNING id`,
    [u.code, u.name, u.kind, u.departmentId],
  );
  return (await unitById(sql, row!.id))!;
}

export async function unitById(sql: Sql, id: number): Promise<UnitRecord | undefined> {
  const [row] = await sql.query<UnitRecord>(`SELECT ${UNIT_COLUMNS} FROM units u JOIN departments d ON d.id = u.department_id WHERE u.id = $1`, [id]);
  return row;
}

export async function unitByCode(sql: Sql, code: string): Promise<UnitRecord | undefined> {
  const [row] = await sql.query<UnitRecord>(`SELECT ${UNIT_COLUMNS} FROM units u JOIN departments d ON d.id = u.department_id WHERE u.code = $1`, [code]);
  return row;
}

export async function listUnits(sql: Sql, filter: { departmentIds?: readonly number[]; unitIds?: readonly number[] } = {}): Promise<UnitRecord[]> {
  const where: string[] = [];
  const params: string[] = [];
  if (filter.departmentIds) {
    params.push(JSON.stringify(filter.departmentIds));
    where.push(`u.department_id IN (SELECT jsonb_array_elements_text($${params.length}::jsonb)::bigint)`);
  }
  if (filter.unitIds) {
    params.push(JSON.stringify(filter.unitIds));
    where.push(`u.id IN (SELECT jsonb_array_elements_text($${params.length}::jsonb)::bigint)`);
  }
  return sql.query<UnitRecord>(
    `SELECT ${UNIT_COLUMNS} FROM units u JOIN departments d ON d.id = u.department_id
     ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY d.code, u.code`,
    params,
  );
}

export async function listDepartments(sql: Sql): Promise<Department[]> {
  return sql.query<Department>(`SELECT id, code, name, region FROM departments ORDER BY code`);
}

export async function departmentById(sql: Sql, id: number): Promise<Department | undefined> {
  const [row] = await sql.query<Department>(`SELECT id, code, name, region FROM departments WHERE id = $1`, [id]);
  return row;
}
