/**
 * The operations on a disclosure: save a version, submit, move along the chain, return, comment,
 * publish, reopen for correction. Each runs in one transaction with its audit entry, so a crash leaves
 * either all of it or none; each checks the user's rights first (policy.ts).
 */
import { createHash } from "node:crypto";
import type { Catalog } from "../catalog/catalog.ts";
import type { BudgetDocument } from "../model/budget-document.ts";
import type { Disclosure } from "../model/disclosure.ts";
import { certify } from "../pipeline/certificate.ts";
import { renderHtml } from "../renderers/html/render-html.ts";
import { appendAudit } from "../store/repositories/audit.ts";
import {
  acknowledge,
  acknowledgements,
  appendVersion,
  disclosureById,
  type DisclosureRecord,
  ensureDisclosure,
  setState,
  versionOf,
  type VersionRecord,
} from "../store/repositories/disclosures.ts";
import { addPublication, listPublications, type PublicationRecord } from "../store/repositories/publications.ts";
import { addComment, type CommentAnchor, recordTransition } from "../store/repositories/reviews.ts";
import { getSetting } from "../store/repositories/settings.ts";
import { departmentById, unitById, type UnitRecord } from "../store/repositories/units.ts";
import type { UserRecord } from "../store/repositories/users.ts";
import type { Sql } from "../store/sql.ts";
import { stepFrom } from "../workflow/chain.ts";
import { describeGate, type Gate, submissionGate } from "../workflow/gate.ts";
import { AppError, type AppContext, DEFAULT_YOY_THRESHOLD, YOY_THRESHOLD_KEY } from "./context.ts";
import { type Evaluation, evaluateDocument, type Issue } from "./evaluate.ts";
import { canAdvance, canComment, canEdit, canReopen, canReturn, canView } from "./policy.ts";
import { indexPublication } from "./portal-index.ts";

export type StoredVersion = VersionRecord<BudgetDocument, Issue>;

export async function yoyThreshold(sql: Sql): Promise<number> {
  return getSetting(sql, YOY_THRESHOLD_KEY, DEFAULT_YOY_THRESHOLD);
}

async function unitOf(sql: Sql, unitId: number): Promise<UnitRecord> {
  const unit = await unitById(sql, unitId);
  if (!unit) throw new AppError("没有这个单位", 404);
  return unit;
}

/** The disclosure with its unit, if the user may see it; 404 otherwise (no hint that it exists). */
export async function openDisclosure(ctx: AppContext, user: UserRecord, disclosureId: number): Promise<{ record: DisclosureRecord; unit: UnitRecord }> {
  const record = await disclosureById(ctx.db, disclosureId);
  const unit = record && (await unitById(ctx.db, record.unitId));
  if (!record || !unit || !canView(user, unit)) throw new AppError("没有这份公开文本，或您无权查看", 404);
  return { record, unit };
}

/**
 * Evaluations of recent documents by content: the editor and review pages are opened far more often
 * than documents change, and building and checking a disclosure costs ~10 ms where hashing it costs
 * well under one. Evaluations are never mutated, so sharing them is safe.
 */
const EVALUATIONS = new Map<string, Evaluation>();
const EVALUATIONS_KEPT = 64;

export async function evaluateFor(ctx: AppContext, doc: BudgetDocument, sql: Sql = ctx.db): Promise<Evaluation> {
  const threshold = await yoyThreshold(sql);
  const key = createHash("sha256").update(`${threshold}|${ctx.catalogRoot ?? ""}|`).update(JSON.stringify(doc)).digest("base64");
  const cached = EVALUATIONS.get(key);
  if (cached) {
    EVALUATIONS.delete(key);
    EVALUATIONS.set(key, cached);
    return cached;
  }
  const evaluation = evaluateDocument(doc, `${doc.unit.name} ${doc.year}`, ctx.catalogRoot, threshold);
  EVALUATIONS.set(key, evaluation);
  if (EVALUATIONS.size > EVALUATIONS_KEPT) EVALUATIONS.delete(EVALUATIONS.keys().next().value!);
  return evaluation;
}

/**
 * Saves `doc` as the next version of the unit's disclosure of `doc.year`, on top of `baseHead` (the
 * version the editor started from; 0 for a new disclosure). A save of a document for another unit, or
 * while the disclosure is with its reviewers, is refused.
 */
export async function saveVersion(
  ctx: AppContext,
  user: UserRecord,
  unitId: number,
  doc: BudgetDocument,
  baseHead: number,
  source: "表单" | "模板" | "导入",
): Promise<{ disclosure: DisclosureRecord; version: number; evaluation: Evaluation }> {
  const unit = await unitOf(ctx.db, unitId);
  if (doc.unit.code !== unit.code) throw new AppError(`文档中的单位编码 ${doc.unit.code} 与单位“${unit.name}”（${unit.code}）不符`, 422);
  const evaluation = await evaluateFor(ctx, doc);
  return ctx.db.transaction(async (tx) => {
    const record = await ensureDisclosure(tx, unit.id, doc.year, ctx.chain.draft);
    if (!canEdit(user, unit, record.state, ctx.chain)) {
      throw new AppError(record.state === ctx.chain.draft || !canView(user, unit) ? "您无权修改这个单位的公开文本" : `公开文本处于“${record.state}”状态，不能修改；需要修改时请审核人退回`, 403);
    }
    const version = await appendVersion(tx, record.id, baseHead, {
      document: doc,
      findings: evaluation.issues,
      errors: evaluation.errors,
      warnings: evaluation.warnings,
      source,
      authorId: user.id,
    });
    await appendAudit(tx, { actorId: user.id, action: "保存", subject: `disclosure:${record.id}`, detail: { version, source, errors: evaluation.errors, warnings: evaluation.warnings } }, ctx.now());
    return { disclosure: { ...record, head: version }, version, evaluation };
  });
}

/** The gate of the latest version: what still blocks submission. */
export async function gateOf(
  ctx: AppContext,
  record: DisclosureRecord,
  version: StoredVersion,
  sql: Sql = ctx.db,
): Promise<{ gate: Gate; evaluation: Evaluation }> {
  const evaluation = await evaluateFor(ctx, version.document, sql);
  const acks = new Set((await acknowledgements(sql, record.id, version.number)).map((a) => a.findingKey));
  const findings = evaluation.issues.flatMap((i) => (i.kind === "finding" ? [i.finding] : []));
  const gate = submissionGate(findings, acks, evaluation.required);
  // Problems of the document itself block like errors do.
  const problems = evaluation.issues.filter((i) => i.kind === "problem" && i.severity === "error").length;
  return { gate: problems > 0 ? { ...gate, open: false } : gate, evaluation };
}

async function headVersion(sql: Sql, record: DisclosureRecord): Promise<StoredVersion> {
  const version = await versionOf<BudgetDocument, Issue>(sql, record.id, record.head);
  if (!version) throw new AppError("这份公开文本还没有保存过任何版本", 409);
  return version as StoredVersion;
}

/** Submits the latest version: errors block, warnings need their acknowledgement reasons (given here). */
export async function submit(
  ctx: AppContext,
  user: UserRecord,
  disclosureId: number,
  expectedHead: number,
  acks: readonly { findingKey: string; reason: string }[],
): Promise<void> {
  const { record, unit } = await openDisclosure(ctx, user, disclosureId);
  if (!canEdit(user, unit, record.state, ctx.chain)) throw new AppError(`公开文本处于“${record.state}”状态，不能提交`, 403);
  if (record.head !== expectedHead) throw new AppError(`提交未成功：页面显示的是第 ${expectedHead} 版，但已有第 ${record.head} 版，请刷新后再提交`, 409);
  const version = await headVersion(ctx.db, record);
  const reasons = acks.filter((a) => a.reason.trim() !== "");
  await ctx.db.transaction(async (tx) => {
    await acknowledge(tx, record.id, version.number, reasons.map((a) => ({ findingKey: a.findingKey, reason: a.reason.trim() })), user.id);
    const { gate } = await gateOf(ctx, record, version, tx);
    if (!gate.open) throw new AppError(`不能提交：${describeGate(gate).join("；") || "文档还有错误"}`, 422);
    await move(ctx, tx, user, record, version.number, "");
  });
}

async function move(ctx: AppContext, tx: Sql, user: UserRecord, record: DisclosureRecord, versionNumber: number, comment: string): Promise<string> {
  const step = stepFrom(ctx.chain, record.state)!;
  const [locked] = await tx.query<{ state: string }>(`SELECT state FROM disclosures WHERE id = $1 FOR UPDATE`, [record.id]);
  if (locked?.state !== record.state) throw new AppError(`状态已变为“${locked?.state}”，请刷新页面`, 409);
  await setState(tx, record.id, step.to);
  await recordTransition(tx, { disclosureId: record.id, versionNumber, fromState: record.state, toState: step.to, action: step.action, actorId: user.id, comment });
  await appendAudit(tx, { actorId: user.id, action: step.action, subject: `disclosure:${record.id}`, detail: { from: record.state, to: step.to, version: versionNumber, comment } }, ctx.now());
  return step.to;
}

/** Takes the next step of the chain (approve; publish when the step reaches the published state). */
export async function advance(ctx: AppContext, user: UserRecord, disclosureId: number, comment = ""): Promise<string> {
  const { record, unit } = await openDisclosure(ctx, user, disclosureId);
  const step = stepFrom(ctx.chain, record.state);
  if (step?.role === "preparer") throw new AppError("提交请在填报页面进行", 400);
  if (!step || !canAdvance(user, unit, record.state, ctx.chain)) throw new AppError(`您不能对处于“${record.state}”状态的公开文本执行这一步`, 403);
  const version = await headVersion(ctx.db, record);
  const publishing = step.to === ctx.chain.published;
  const page = publishing ? await publishedPage(ctx, version) : undefined;
  return ctx.db.transaction(async (tx) => {
    const to = await move(ctx, tx, user, record, version.number, comment);
    if (page) {
      const note = await correctionNote(tx, record.id);
      const publication = await addPublication(tx, { disclosureId: record.id, versionNumber: version.number, note, html: page.html, certificate: page.certificate, publishedBy: user.id });
      await indexPublished(tx, unit, record.year, version, page, publication);
      await appendAudit(tx, { actorId: user.id, action: "发布", subject: `disclosure:${record.id}`, detail: { sequence: publication.sequence, version: version.number, note } }, ctx.now());
    }
    return to;
  });
}

/** A correction's note: the reason given when the published disclosure was reopened ("" for the first publication). */
async function correctionNote(sql: Sql, disclosureId: number): Promise<string> {
  const [row] = await sql.query<{ comment: string }>(
    `SELECT t.comment FROM transitions t WHERE t.disclosure_id = $1 AND t.action = '发起更正'
       AND EXISTS (SELECT 1 FROM publications p WHERE p.disclosure_id = $1)
     ORDER BY t.id DESC LIMIT 1`,
    [disclosureId],
  );
  return row?.comment ?? "";
}

/** The page the public will see, from the version's document, with the review steps on its cover. */
export async function publishedPage(
  ctx: AppContext,
  version: StoredVersion,
): Promise<{ html: string; certificate: unknown; disclosure: Disclosure; catalog: Catalog | undefined; evaluation: Evaluation }> {
  const evaluation = await evaluateFor(ctx, version.document);
  if (!evaluation.disclosure) throw new AppError("文档有错误，不能生成公开页面", 422);
  const disclosure: Disclosure = { ...evaluation.disclosure, cover: { 保密审查情况: "已审查", "部门（单位）主要负责人审签情况": "已审签" } };
  const { certificate } = certify(disclosure, evaluation.catalog);
  return { html: renderHtml(disclosure, { certificate }), certificate, disclosure, catalog: evaluation.catalog, evaluation };
}

/** Returns a disclosure under review to its preparer, with an optional comment. */
export async function returnToPreparer(ctx: AppContext, user: UserRecord, disclosureId: number, comment: string): Promise<void> {
  const { record, unit } = await openDisclosure(ctx, user, disclosureId);
  if (!canReturn(user, unit, record.state, ctx.chain)) throw new AppError(`您不能退回处于“${record.state}”状态的公开文本`, 403);
  await ctx.db.transaction(async (tx) => {
    const [locked] = await tx.query<{ state: string }>(`SELECT state FROM disclosures WHERE id = $1 FOR UPDATE`, [record.id]);
    if (locked?.state !== record.state) throw new AppError(`状态已变为“${locked?.state}”，请刷新页面`, 409);
    await setState(tx, record.id, ctx.chain.returnTo);
    await recordTransition(tx, { disclosureId: record.id, versionNumber: record.head, fromState: record.state, toState: ctx.chain.returnTo, action: "退回", actorId: user.id, comment });
    await appendAudit(tx, { actorId: user.id, action: "退回", subject: `disclosure:${record.id}`, detail: { from: record.state, version: record.head, comment } }, ctx.now());
  });
}

/** A comment on a table, a cell or a narrative section of the latest version. */
export async function comment(ctx: AppContext, user: UserRecord, disclosureId: number, anchor: CommentAnchor, body: string): Promise<number> {
  const { record, unit } = await openDisclosure(ctx, user, disclosureId);
  if (!canComment(user, unit)) throw new AppError("您无权在这份公开文本上批注", 403);
  const text = body.trim();
  if (text === "") throw new AppError("批注内容不能为空", 400);
  if (text.length > 5000) throw new AppError("批注过长（最多 5000 字）", 413);
  return ctx.db.transaction(async (tx) => {
    const id = await addComment(tx, { disclosureId: record.id, versionNumber: record.head, authorId: user.id, anchor, body: text });
    await appendAudit(tx, { actorId: user.id, action: "批注", subject: `disclosure:${record.id}`, detail: { comment: id, anchor } }, ctx.now());
    return id;
  });
}

/** Starts a correction of a published disclosure: back to draft; the publications stay as they are. */
export async function reopen(ctx: AppContext, user: UserRecord, disclosureId: number, reason: string): Promise<void> {
  const { record, unit } = await openDisclosure(ctx, user, disclosureId);
  if (!canReopen(user, unit, record.state, ctx.chain)) throw new AppError("只有已公开的文本可以由填报单位发起更正", 403);
  if (reason.trim() === "") throw new AppError("请填写更正原因", 400);
  await ctx.db.transaction(async (tx) => {
    await setState(tx, record.id, ctx.chain.draft);
    await recordTransition(tx, { disclosureId: record.id, versionNumber: record.head, fromState: record.state, toState: ctx.chain.draft, action: "发起更正", actorId: user.id, comment: reason.trim() });
    await appendAudit(tx, { actorId: user.id, action: "发起更正", subject: `disclosure:${record.id}`, detail: { reason: reason.trim() } }, ctx.now());
  });
}

export type { PublicationRecord };

/** Writes a publication into the portal's read model, from the page publishing made of its version. */
async function indexPublished(
  tx: Sql,
  unit: UnitRecord,
  year: number,
  version: StoredVersion,
  page: Awaited<ReturnType<typeof publishedPage>>,
  publication: PublicationRecord,
): Promise<void> {
  await indexPublication(tx, {
    unit,
    department: (await departmentById(tx, unit.departmentId))!,
    year,
    document: version.document,
    disclosure: page.disclosure,
    catalog: page.catalog,
    publication,
    errors: page.evaluation.errors,
    warnings: page.evaluation.warnings,
  });
}

/**
 * Fills the portal's read model for publications it does not hold yet (a store published before the
 * portal existed, or restored from a backup): each disclosure's newest publication. Cheap when none is missing.
 */
export async function reindexPortal(ctx: AppContext): Promise<number> {
  const missing = await ctx.db.query<{ disclosureId: number; sequence: number }>(
    `SELECT p.disclosure_id AS "disclosureId", max(p.sequence)::int AS sequence FROM publications p
     LEFT JOIN portal_entries e ON e.disclosure_id = p.disclosure_id
     GROUP BY p.disclosure_id HAVING max(p.sequence) IS DISTINCT FROM max(e.sequence)`,
  );
  for (const { disclosureId, sequence } of missing) {
    const [publication] = (await listPublications(ctx.db, disclosureId)).filter((p) => p.sequence === sequence);
    const record = await disclosureById(ctx.db, disclosureId);
    const unit = record && (await unitById(ctx.db, record.unitId));
    const version = publication && (await versionOf<BudgetDocument, Issue>(ctx.db, disclosureId, publication.versionNumber));
    if (!publication || !record || !unit || !version) continue;
    const page = await publishedPage(ctx, version as StoredVersion);
    await ctx.db.transaction((tx) => indexPublished(tx, unit, record.year, version as StoredVersion, page, publication));
  }
  return missing.length;
}
