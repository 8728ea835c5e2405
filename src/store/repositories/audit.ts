/**
 * The append-only audit log. Each entry's hash is SHA-256 over the previous entry's hash and the
 * entry itself, in a canonical form (keys sorted, so jsonb's own key order does not matter); changing,
 * removing or reordering any entry breaks every hash after it, which `verifyAudit` reports.
 */
import { createHash } from "node:crypto";
import type { Sql } from "../sql.ts";

export interface AuditEntry {
  readonly seq: number;
  readonly at: Date;
  readonly actorId: number | null;
  readonly action: string;
  readonly subject: string;
  readonly detail: unknown;
  readonly prevHash: string;
  readonly hash: string;
}

export const GENESIS_HASH = "0".repeat(64);

/** JSON with object keys sorted at every level: the form the hash is computed over. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

export function auditHash(entry: Omit<AuditEntry, "hash">): string {
  const body = canonicalJson({
    seq: entry.seq,
    at: entry.at.toISOString(),
    actorId: entry.actorId,
    action: entry.action,
    subject: entry.subject,
    detail: entry.detail,
  });
  return createHash("sha256").update(entry.prevHash).update("\n").update(body).digest("hex");
}

/** Appends one entry. Call inside the transaction of the change it records, so both land or neither. */
export async function appendAudit(
  sql: Sql,
  entry: { actorId: number | null; action: string; subject: string; detail?: unknown },
  now: Date = new Date(),
): Promise<AuditEntry> {
  return sql.transaction(async (tx) => {
    // One writer at a time, so sequence numbers and hashes form a single chain.
    await tx.query(`LOCK TABLE audit_log IN SHARE ROW EXCLUSIVE MODE`);
    const [last] = await tx.query<{ seq: number; hash: string }>(`SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1`);
    const at = new Date(Math.floor(now.getTime()));
    const partial = {
      seq: (last?.seq ?? 0) + 1,
      at,
      actorId: entry.actorId,
      action: entry.action,
      subject: entry.subject,
      detail: entry.detail ?? {},
      prevHash: last?.hash ?? GENESIS_HASH,
    };
    const full: AuditEntry = { ...partial, hash: auditHash(partial) };
    await tx.query(
      `INSERT INTO audit_log (seq, at, actor_id, action, subject, detail, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8)`,
      [full.seq, full.at, full.actorId, full.action, full.subject, canonicalJson(full.detail), full.prevHash, full.hash],
    );
    return full;
  });
}

export type AuditVerification =
  | { readonly ok: true; readonly entries: number; readonly lastHash: string }
  | { readonly ok: false; readonly entries: number; readonly seq: number; readonly problem: string };

/** Walks the whole log in order and recomputes every hash. */
export async function verifyAudit(sql: Sql, batch = 5000): Promise<AuditVerification> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  for (;;) {
    const rows = await sql.query<AuditEntry>(
      `SELECT seq, at, actor_id AS "actorId", action, subject, detail, prev_hash AS "prevHash", hash
       FROM audit_log WHERE seq >= $1 ORDER BY seq LIMIT $2`,
      [expectedSeq, batch],
    );
    for (const row of rows) {
      if (row.seq !== expectedSeq) return { ok: false, entries: count, seq: expectedSeq, problem: `缺少第 ${expectedSeq} 条记录` };
      if (row.prevHash !== prevHash) return { ok: false, entries: count, seq: row.seq, problem: `第 ${row.seq} 条记录的“上一条哈希”与第 ${row.seq - 1} 条不符` };
      if (auditHash(row) !== row.hash) return { ok: false, entries: count, seq: row.seq, problem: `第 ${row.seq} 条记录的内容与其哈希不符（记录被改动过）` };
      prevHash = row.hash;
      expectedSeq += 1;
      count += 1;
    }
    if (rows.length < batch) break;
  }
  const [{ n } = { n: 0 }] = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log`);
  if (n !== count) return { ok: false, entries: count, seq: expectedSeq, problem: `记录编号不连续：共有 ${n} 条，但连续可验证的只有 ${count} 条` };
  return { ok: true, entries: count, lastHash: prevHash };
}

export async function listAudit(sql: Sql, subject?: string, limit = 200): Promise<AuditEntry[]> {
  return sql.query<AuditEntry>(
    `SELECT seq, at, actor_id AS "actorId", action, subject, detail, prev_hash AS "prevHash", hash FROM audit_log
     ${subject ? "WHERE subject = $2" : ""} ORDER BY seq DESC LIMIT $1`,
    subject ? [limit, subject] : [limit],
  );
}
