/**
 * The reviewer's app: the queue, one disclosure under review (findings, grids, narrative, reasons,
 * diffs, comments, history) with approve / return / comment, and the batch view of departments.
 * Administrators may read the review page and the batch view; only reviewers act.
 */
import type { Context, Hono } from "hono";
import { html } from "hono/html";
import { AppError, type AppContext } from "../../app/context.ts";
import { advance, comment, evaluateFor, openDisclosure, returnToPreparer, type StoredVersion } from "../../app/disclosures.ts";
import type { Evaluation } from "../../app/evaluate.ts";
import { canAdvance, canComment, canReturn, canView } from "../../app/policy.ts";
import type { BudgetDocument } from "../../model/budget-document.ts";
import type { Disclosure } from "../../model/disclosure.ts";
import { acknowledgements, type DisclosureRecord, findDisclosure, listDisclosures, listVersions, versionOf } from "../../store/repositories/disclosures.ts";
import { listPublications } from "../../store/repositories/publications.ts";
import { type CommentAnchor, listComments, listTransitions } from "../../store/repositories/reviews.ts";
import { departmentById, listDepartments, listUnits, type UnitRecord } from "../../store/repositories/units.ts";
import type { UserRecord } from "../../store/repositories/users.ts";
import { inReview, states, stepFrom } from "../../workflow/chain.ts";
import { diffNarrative, diffTables } from "../../workflow/diff.ts";
import { deny } from "../app.ts";
import type { Deps, ServerEnv } from "../env.ts";
import { redirectWith, takeFlash } from "../flash.ts";
import { defineRoute } from "../route-table.ts";
import { type DepartmentView, renderDepartment, yearLinks } from "../views/departments.ts";
import { rowKey, tableKey } from "../views/grid.ts";
import { page } from "../views/layout.ts";
import { type Comparison, type QueueEntry, renderQueue, renderReview } from "../views/review.ts";

type C = Context<ServerEnv>;

/** A numeric id from the path; anything else is a page that does not exist. */
export function pathId(text: string | undefined): number {
  if (!text || !/^[1-9]\d{0,14}$/.test(text)) throw new AppError("找不到这个页面", 404);
  return Number(text);
}

const frame = (c: C, title: string, options: { wide?: boolean } = {}) => {
  const flash = takeFlash(c);
  return { title, user: c.get("user"), csrf: c.get("csrf"), ...(flash ? { flash } : {}), ...options };
};

/** Runs an action and redirects back with its outcome; a refusal the user should read is shown as an error. */
async function act(c: C, back: string, work: () => Promise<string>): Promise<Response> {
  try {
    return redirectWith(c, back, "notice", await work());
  } catch (error) {
    if (error instanceof AppError && error.status !== 404) return redirectWith(c, back, "error", error.message);
    throw error;
  }
}

const text = (value: unknown) => (typeof value === "string" ? value : "");

/** The comment's anchor from the form, checked against the tables and sections of the version under review. */
export function anchorFrom(form: Record<string, unknown>, disclosure: Disclosure | undefined): CommentAnchor {
  const kind = text(form["anchor_kind"]);
  if (!disclosure) throw new AppError("这一版无法生成报表和说明，批注无处定位", 422);
  if (kind === "section") {
    const section = text(form["section"]);
    if (!disclosure.narrative.some((s) => s.path.join(" ") === section)) throw new AppError("所选的说明章节不存在，请刷新页面后重新选择", 400);
    return { kind: "section", section };
  }
  const table = disclosure.tables.find((t) => tableKey(t) === text(form["table"]));
  if (!table) throw new AppError("所选的报表不存在，请刷新页面后重新选择", 400);
  if (kind === "table") return { kind: "table", table: tableKey(table) };
  if (kind !== "cell") throw new AppError("请选择批注的位置：单元格、整张表或说明章节", 400);
  const row = table.rows.find((r) => rowKey(r) === text(form["row"]));
  const column = table.columns.find((col) => col.key === text(form["column"]));
  if (!row || !column) throw new AppError("所选的单元格不存在，请刷新页面后重新选择", 400);
  return { kind: "cell", table: tableKey(table), row: rowKey(row), column: column.key };
}

async function versionOfDisclosure(ctx: AppContext, record: DisclosureRecord, number: number): Promise<StoredVersion | undefined> {
  return (await versionOf<BudgetDocument, never>(ctx.db, record.id, number)) as StoredVersion | undefined;
}

/** The diff of `head` against another version's document, or why there is none. */
async function compare(ctx: AppContext, head: Evaluation, other: StoredVersion, label: string): Promise<Comparison> {
  const before = await evaluateFor(ctx, other.document);
  if (!before.disclosure) return { label, problem: "比较对象有错误，无法生成报表，不能逐格比较。" };
  if (!head.disclosure) return { label, problem: "当前版本有错误，无法生成报表，不能逐格比较。" };
  return { label, diff: { tables: diffTables(before.disclosure, head.disclosure), narrative: diffNarrative(before.disclosure, head.disclosure) } };
}

/** Last year's disclosure of the same unit: its latest publication when it was published, else its latest version. */
async function lastYearComparison(ctx: AppContext, unit: UnitRecord, record: DisclosureRecord, head: Evaluation): Promise<(Comparison & { disclosureId: number }) | undefined> {
  const previous = await findDisclosure(ctx.db, unit.id, record.year - 1);
  if (!previous || previous.head === 0) return undefined;
  const [publication] = await listPublications(ctx.db, previous.id);
  const number = publication?.versionNumber ?? previous.head;
  const version = await versionOfDisclosure(ctx, previous, number);
  if (!version) return undefined;
  const label = publication
    ? `${previous.year} 年已公开的文本（第 ${publication.sequence} 次发布，第 ${number} 版）`
    : `${previous.year} 年的第 ${number} 版（状态：${previous.state}，尚未公开）`;
  return { ...(await compare(ctx, head, version, label)), disclosureId: previous.id };
}

/** Departments the user may see in the batch view. */
async function visibleDepartments(ctx: AppContext, user: UserRecord) {
  const all = await listDepartments(ctx.db);
  return user.role === "admin" ? all : all.filter((d) => user.departmentIds.includes(d.id));
}

function chosenYear(c: C, years: readonly number[]): number {
  const asked = c.req.query("year");
  if (asked && /^\d{4}$/.test(asked)) return Number(asked);
  if (years.length > 0) return Math.max(...years);
  return Number(new Date().toLocaleString("en-CA", { timeZone: "Asia/Shanghai", year: "numeric" }));
}

export function registerReviewerRoutes(app: Hono<ServerEnv>, { ctx }: Deps): void {
  const reviewStates = states(ctx.chain).filter((s) => inReview(ctx.chain, s));

  defineRoute(app, { method: "GET", path: "/review", access: ["reviewer"], description: "审核队列" }, async (c) => {
    const user = c.get("user")!;
    const summaries = await listDisclosures(ctx.db, { departmentIds: user.departmentIds, states: reviewStates });
    const entries: QueueEntry[] = summaries
      .filter((d) => canView(user, { id: d.unitId, departmentId: d.departmentId }))
      .map((d) => {
        const nextStep = stepFrom(ctx.chain, d.state);
        const mine = nextStep && canAdvance(user, { id: d.unitId, departmentId: d.departmentId }, d.state, ctx.chain);
        return { summary: d, ...(nextStep ? { nextStep } : {}), ...(mine ? { myStep: nextStep } : {}) };
      })
      .sort((a, b) => Number(!a.myStep) - Number(!b.myStep) || new Date(a.summary.updatedAt).getTime() - new Date(b.summary.updatedAt).getTime());
    return c.html(page(frame(c, "审核队列"), renderQueue(entries, user.departmentIds.length > 0)));
  }, deny);

  defineRoute(app, { method: "GET", path: "/disclosures/:id/review", access: ["reviewer", "admin"], description: "审核公开文本" }, async (c) => {
    const user = c.get("user")!;
    const { record, unit } = await openDisclosure(ctx, user, pathId(c.req.param("id")));
    const title = `审核：${unit.name} ${record.year} 年预算公开`;
    const head = record.head > 0 ? await versionOfDisclosure(ctx, record, record.head) : undefined;
    if (!head) return c.html(page(frame(c, title), html`<p>这份公开文本还没有保存过任何版本。</p>`));
    const evaluation = await evaluateFor(ctx, head.document);
    const [versions, comments, transitions, acks] = await Promise.all([
      listVersions(ctx.db, record.id),
      listComments(ctx.db, record.id),
      listTransitions(ctx.db, record.id),
      acknowledgements(ctx.db, record.id, head.number),
    ]);
    const asked = c.req.query("against");
    const againstNumber = asked && /^\d{1,9}$/.test(asked) && Number(asked) >= 1 && Number(asked) < head.number ? Number(asked) : head.number - 1;
    const againstVersion = againstNumber >= 1 ? await versionOfDisclosure(ctx, record, againstNumber) : undefined;
    const against = againstVersion ? { ...(await compare(ctx, evaluation, againstVersion, `第 ${againstNumber} 版`)), number: againstNumber } : undefined;
    const lastYear = await lastYearComparison(ctx, unit, record, evaluation);
    const step = stepFrom(ctx.chain, record.state);
    const advanceStep = step && step.role !== "preparer" && canAdvance(user, unit, record.state, ctx.chain) ? step : undefined;
    const reviewer = user.role === "reviewer";
    return c.html(
      page(
        frame(c, title, { wide: true }),
        renderReview({
          csrf: c.get("csrf"),
          record,
          unit,
          chain: ctx.chain,
          head,
          evaluation,
          versions,
          comments,
          transitions,
          acknowledgements: acks,
          ...(against ? { against } : {}),
          ...(lastYear ? { lastYear } : {}),
          ...(advanceStep ? { advanceStep } : {}),
          canReturn: canReturn(user, unit, record.state, ctx.chain),
          canComment: reviewer && canComment(user, unit),
        }),
      ),
    );
  }, deny);

  defineRoute(app, { method: "POST", path: "/disclosures/:id/advance", access: ["reviewer"], description: "审核通过（推进到下一步，最后一步为公开）" }, async (c) => {
    const user = c.get("user")!;
    const id = pathId(c.req.param("id"));
    const { record } = await openDisclosure(ctx, user, id);
    const form = await c.req.parseBody();
    const back = `/disclosures/${id}/review`;
    return act(c, back, async () => {
      if (text(form["state"]) !== record.state) throw new AppError(`这份公开文本的状态已变为“${record.state}”，请查看最新情况后再操作`, 409);
      const step = stepFrom(ctx.chain, record.state);
      const to = await advance(ctx, user, id, text(form["comment"]).trim().slice(0, 5000));
      return to === ctx.chain.published ? `已公开。公众可在“/published/${id}”查看。` : `已完成“${step?.action ?? "审核"}”，公开文本现处于“${to}”状态。`;
    });
  }, deny);

  defineRoute(app, { method: "POST", path: "/disclosures/:id/return", access: ["reviewer"], description: "退回填报单位修改" }, async (c) => {
    const user = c.get("user")!;
    const id = pathId(c.req.param("id"));
    const { record } = await openDisclosure(ctx, user, id);
    const form = await c.req.parseBody();
    return act(c, `/disclosures/${id}/review`, async () => {
      if (text(form["state"]) !== record.state) throw new AppError(`这份公开文本的状态已变为“${record.state}”，请查看最新情况后再操作`, 409);
      const reason = text(form["comment"]).trim();
      if (reason === "") throw new AppError("请填写退回意见，说明需要修改什么", 400);
      if (reason.length > 5000) throw new AppError("退回意见过长（最多 5000 字）", 400);
      await returnToPreparer(ctx, user, id, reason);
      return "已退回填报单位修改。";
    });
  }, deny);

  defineRoute(app, { method: "POST", path: "/disclosures/:id/comments", access: ["reviewer"], description: "添加批注" }, async (c) => {
    const user = c.get("user")!;
    const id = pathId(c.req.param("id"));
    const { record } = await openDisclosure(ctx, user, id);
    const form = await c.req.parseBody();
    return act(c, `/disclosures/${id}/review#comments`, async () => {
      const head = await versionOfDisclosure(ctx, record, record.head);
      if (!head) throw new AppError("这份公开文本还没有保存过任何版本", 409);
      const anchor = anchorFrom(form, (await evaluateFor(ctx, head.document)).disclosure);
      await comment(ctx, user, id, anchor, text(form["body"]));
      return "批注已添加。";
    });
  }, deny);

  defineRoute(app, { method: "GET", path: "/departments", access: ["reviewer", "admin"], description: "部门汇总（各单位的状态和错误数）" }, async (c) => {
    const user = c.get("user")!;
    const departments = await visibleDepartments(ctx, user);
    const ids = departments.map((d) => d.id);
    const [units, disclosures] = await Promise.all([listUnits(ctx.db, { departmentIds: ids }), listDisclosures(ctx.db, { departmentIds: ids })]);
    const year = chosenYear(c, disclosures.map((d) => d.year));
    const views: DepartmentView[] = departments.map((department) => ({
      department,
      units: units.filter((u) => u.departmentId === department.id),
      disclosures: disclosures.filter((d) => d.departmentId === department.id),
    }));
    return c.html(
      page(
        frame(c, "部门汇总", { wide: true }),
        html`${yearLinks("/departments", [...new Set(disclosures.map((d) => d.year))], year)}
${views.length === 0 ? html`<p class="note">您的账号还没有分配主管部门。请联系财政局管理员。</p>` : views.map((v) => renderDepartment(v, year, states(ctx.chain)))}`,
      ),
    );
  }, deny);

  defineRoute(app, { method: "GET", path: "/departments/:id", access: ["reviewer", "admin"], description: "一个部门的单位汇总" }, async (c) => {
    const user = c.get("user")!;
    const id = pathId(c.req.param("id"));
    const department = await departmentById(ctx.db, id);
    if (!department || (user.role !== "admin" && !user.departmentIds.includes(id))) throw new AppError("没有这个部门，或您无权查看", 404);
    const [units, disclosures] = await Promise.all([listUnits(ctx.db, { departmentIds: [id] }), listDisclosures(ctx.db, { departmentIds: [id] })]);
    const year = chosenYear(c, disclosures.map((d) => d.year));
    return c.html(
      page(
        frame(c, `${department.name}：各单位情况`, { wide: true }),
        html`<p><a href="/departments?year=${year}">← 全部部门</a></p>
${yearLinks(`/departments/${id}`, [...new Set(disclosures.map((d) => d.year))], year)}
${renderDepartment({ department, units, disclosures }, year, states(ctx.chain), { heading: false })}`,
      ),
    );
  }, deny);
}
