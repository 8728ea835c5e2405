/**
 * The preparer's app: the dashboard of the unit's years, the editor of a disclosure (web forms by
 * section, template upload, findings next to their fields and cells, required reasons, preview,
 * submit), and the live check the editor calls while the preparer types.
 */
import type { Context, Hono } from "hono";
import { html } from "hono/html";
import type { AppContext } from "../../app/context.ts";
import { AppError } from "../../app/context.ts";
import {
  evaluateFor,
  gateOf,
  openDisclosure,
  publishedPage,
  reopen,
  saveVersion,
  type StoredVersion,
  submit,
} from "../../app/disclosures.ts";
import { type Evaluation, evaluateValue, type Issue } from "../../app/evaluate.ts";
import { canEdit, canReopen } from "../../app/policy.ts";
import { templateWorkbook, uploadWorkbook } from "../../app/uploads.ts";
import { loadCatalog } from "../../catalog/load.ts";
import type { BudgetDocument } from "../../model/budget-document.ts";
import { THREE_PUBLIC_ITEMS } from "../../model/measure-key.ts";
import { formatYuan } from "../../model/money.ts";
import type { Problem } from "../../pipeline/problem.ts";
import { type DisclosureRecord, latestAcknowledgements, listDisclosures, StaleVersionError, versionOf } from "../../store/repositories/disclosures.ts";
import { listPublications } from "../../store/repositories/publications.ts";
import { listComments, listTransitions } from "../../store/repositories/reviews.ts";
import { listUnits, type UnitRecord, unitById } from "../../store/repositories/units.ts";
import type { UserRecord } from "../../store/repositories/users.ts";
import { stepFrom } from "../../workflow/chain.ts";
import { describeGate } from "../../workflow/gate.ts";
import { deny } from "../app.ts";
import type { Deps, ServerEnv } from "../env.ts";
import { redirectWith, takeFlash } from "../flash.ts";
import {
  applySection,
  datalists,
  type FieldProblem,
  fieldOfProblem,
  formValues,
  type FormValues,
  type Pickers,
  renderSection,
  valuesFromBody,
} from "../forms/form-engine.ts";
import { SECTIONS, sectionById, type SectionSpec } from "../forms/sections.ts";
import { defineRoute } from "../route-table.ts";
import { renderGrid } from "../views/grid.ts";
import { issueList, marksFor, whereOf } from "../views/issues.ts";
import { csrfField, formatTime, type Markup, page } from "../views/layout.ts";
import { describeAnchor } from "../views/review.ts";

const idParam = (c: Context<ServerEnv>, name = "id"): number => {
  const value = Number(c.req.param(name));
  if (!Number.isSafeInteger(value) || value <= 0) throw new AppError("地址有误", 404);
  return value;
};

const STATE_CLASS = (state: string, ctx: AppContext) => (state === ctx.chain.draft ? "draft" : state === ctx.chain.published ? "published" : "review");
export const stateBadge = (state: string, ctx: AppContext) => html`<span class="state ${STATE_CLASS(state, ctx)}">${state}</span>`;

async function headOf(ctx: AppContext, record: DisclosureRecord): Promise<StoredVersion | undefined> {
  return record.head > 0 ? ((await versionOf(ctx.db, record.id, record.head)) as StoredVersion | undefined) : undefined;
}

function pickers(doc: BudgetDocument, ctx: AppContext): Pickers {
  const catalog = loadCatalog(doc.year, ctx.catalogRoot);
  const list = (classification: "function" | "deptEconomic" | "govEconomic", level: "项" | "款") =>
    catalog.entries(classification, level).map((e) => ({ value: e.code, label: `${e.code} ${e.name}` }));
  const keys = new Set([...Object.keys(doc.prior), ...THREE_PUBLIC_ITEMS.map((i) => `threePublic:${i}`), "generalBudgetExpenditure", "basicExpenditure", "projectExpenditure"]);
  return {
    function: list("function", "项"),
    deptEconomic: list("deptEconomic", "款"),
    govEconomic: list("govEconomic", "款"),
    projects: doc.projects.map((p) => ({ value: p.id, label: `${p.id} ${p.name}` })),
    measureKeys: [...keys].map((k) => ({ value: k, label: k })),
  };
}

// --- dashboard ---------------------------------------------------------------------------------

async function dashboard(c: Context<ServerEnv>, ctx: AppContext): Promise<Response> {
  const user = c.get("user")!;
  const flash = takeFlash(c);
  const units: UnitRecord[] =
    user.role === "admin" ? await listUnits(ctx.db) : user.role === "reviewer" ? await listUnits(ctx.db, { departmentIds: user.departmentIds }) : await listUnits(ctx.db, { unitIds: user.unitIds });
  const disclosures = await listDisclosures(ctx.db, { unitIds: units.map((u) => u.id) });
  const openLink = (id: number) => (user.role === "preparer" ? `/disclosures/${id}` : `/disclosures/${id}/review`);
  const body = html`
${user.role === "reviewer" ? html`<p><a class="button" href="/review">打开审核队列</a></p>` : ""}
${units.length === 0 ? html`<p>您的账号还没有绑定单位，请联系财政局管理员。</p>` : ""}
${units.map((unit) => {
  const mine = disclosures.filter((d) => d.unitId === unit.id);
  return html`<section class="card unit-card">
<h2>${unit.name} <small>${unit.code} · ${unit.departmentName}</small></h2>
${mine.length === 0 ? html`<p>还没有公开文本。</p>` : html`<table class="list">
<thead><tr><th scope="col">年度</th><th scope="col">状态</th><th scope="col">版本</th><th scope="col">错误</th><th scope="col">警告</th><th scope="col">更新时间</th><th scope="col"></th></tr></thead>
<tbody>${mine.map((d) => html`<tr><td>${d.year}</td><td>${stateBadge(d.state, ctx)}</td><td>第 ${d.head} 版</td><td class="num${d.errors ? " bad" : ""}">${d.errors}</td><td class="num">${d.warnings}</td><td>${formatTime(d.updatedAt)}</td><td><a href="${openLink(d.id)}">打开 ${d.year} 年</a></td></tr>`)}</tbody></table>`}
${user.role === "preparer"
  ? html`<details class="new-year"><summary>新建年度：上传填报模板</summary>
<form method="post" action="/units/${unit.id}/upload" enctype="multipart/form-data">
${csrfField(c.get("csrf"))}
<label>填好的模板（.xlsx）<input type="file" name="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" required></label>
<button type="submit">上传并校验</button>
</form>
<form method="get" action="/units/${unit.id}/template.xlsx" class="inline"><label>空白模板年度 <input name="year" value="${new Date().getFullYear() + 1}" inputmode="numeric" class="short"></label> <button type="submit">下载空白模板</button></form>
</details>`
  : ""}
</section>`;
})}`;
  return c.html(page({ title: "工作台", user, csrf: c.get("csrf"), ...(flash ? { flash } : {}) }, body));
}

// --- the editor --------------------------------------------------------------------------------

interface EditorState {
  readonly section: SectionSpec;
  /** Values as typed, when a submission had problems and is shown again. */
  readonly values?: FormValues;
  readonly fieldProblems?: readonly FieldProblem[];
  readonly uploadProblems?: readonly Problem[];
  /** Another editor saved first: this message, and the values typed here kept in the form. */
  readonly conflict?: string;
}

function sectionProblems(section: SectionSpec, issues: readonly Issue[]): FieldProblem[] {
  return issues.flatMap((i) => {
    if (i.kind !== "problem") return [];
    const field = fieldOfProblem(section, i.path);
    return field ? [{ field, message: i.message }] : [];
  });
}

function requiredReasonsForm(c: Context<ServerEnv>, record: DisclosureRecord, evaluation: Evaluation, editable: boolean): Markup {
  if (evaluation.required.length === 0) return html``;
  return html`<section class="card" id="reasons">
<h2>需要说明的增减变化 <small>较上年变动达到部署设定的比例，须填写原因</small></h2>
<form method="post" action="/disclosures/${record.id}/reasons">
${csrfField(c.get("csrf"))}<input type="hidden" name="_head" value="${record.head}">
<table class="list"><thead><tr><th scope="col">项目</th><th scope="col">上年（元）</th><th scope="col">本年（元）</th><th scope="col">变动</th><th scope="col">增减原因</th></tr></thead>
<tbody>${evaluation.required.map(
    (r) => html`<tr class="${r.reason ? "" : "missing"}"><th scope="row">${r.label}</th><td class="num">${formatYuan(r.prior)}</td><td class="num">${formatYuan(r.amount)}</td><td class="num">${r.percent === undefined ? "新增" : `${r.percent > 0 ? "+" : ""}${r.percent.toFixed(1)}%`}</td>
<td><textarea name="reason.${r.key}" rows="2" aria-label="${r.label}的增减原因"${editable ? "" : " readonly"}${r.reason ? "" : html` aria-invalid="true"`}>${r.reason}</textarea></td></tr>`,
  )}</tbody></table>
${editable ? html`<button type="submit">保存增减原因</button>` : ""}
</form></section>`;
}

function submitForm(c: Context<ServerEnv>, ctx: AppContext, record: DisclosureRecord, issues: readonly Issue[], gateText: readonly string[], acked: ReadonlyMap<string, string>): Markup {
  const warnings = issues.filter((i) => i.kind === "finding" && i.severity === "warning");
  const errors = issues.filter((i) => i.severity === "error").length;
  const step = stepFrom(ctx.chain, record.state);
  return html`<section class="card" id="submit">
<h2>提交审核</h2>
${gateText.length ? html`<ul class="blockers">${gateText.map((t) => html`<li>${t}</li>`)}</ul>` : html`<p class="ok">可以提交。</p>`}
<form method="post" action="/disclosures/${record.id}/submit">
${csrfField(c.get("csrf"))}<input type="hidden" name="_head" value="${record.head}">
${warnings.length
  ? html`<fieldset><legend>确认警告（每个警告须说明理由）</legend>${warnings.map(
      (w) => html`<label class="ack"><span>${whereOf(w)} ${w.message}</span><input name="ack.${w.key}" value="${acked.get(w.key) ?? ""}" placeholder="理由，如：指标值待年中确定" aria-label="确认理由：${w.message}"></label>`,
    )}</fieldset>`
  : ""}
<button type="submit"${errors > 0 ? html` disabled title="有错误，改正后才能提交"` : ""}>${step?.action ?? "提交"}</button>
</form></section>`;
}

async function editor(c: Context<ServerEnv>, ctx: AppContext, disclosureId: number, state?: Partial<EditorState>, status: 200 | 409 | 422 = 200): Promise<Response> {
  const user = c.get("user")!;
  const { record, unit } = await openDisclosure(ctx, user, disclosureId);
  const version = await headOf(ctx, record);
  if (!version) throw new AppError("这份公开文本还没有保存过任何版本", 404);
  const section = state?.section ?? sectionById(c.req.query("section") ?? "") ?? SECTIONS[0]!;
  const { gate, evaluation } = await gateOf(ctx, record, version);
  const editable = canEdit(user, unit, record.state, ctx.chain);
  const comments = await listComments(ctx.db, record.id);
  const transitions = await listTransitions(ctx.db, record.id);
  const lastReturn = [...transitions].reverse().find((t) => t.action === "退回");
  // The comments on the version that was returned are what the preparer has to answer.
  const openComments = lastReturn ? comments.filter((cm) => cm.versionNumber === lastReturn.versionNumber) : [];
  // Reasons given for the same warnings before a return are offered again, not retyped.
  const acked = new Map((await latestAcknowledgements(ctx.db, record.id)).map((a) => [a.findingKey, a.reason] as const));
  const values = state?.values ?? formValues(section, version.document);
  const fieldProblems = state?.fieldProblems ?? sectionProblems(section, evaluation.issues);
  const tables = evaluation.disclosure?.tables ?? [];
  const lists = pickers(version.document, ctx);
  const marks = marksFor(tables, evaluation.issues, openComments);
  const publications = await listPublications(ctx.db, record.id);
  const flash = takeFlash(c);
  const body = html`
<p class="meta">${unit.name}（${unit.code}）· ${record.year} 年 · ${stateBadge(record.state, ctx)} · 第 ${record.head} 版，${version.authorName ?? "系统"}于 ${formatTime(version.createdAt)} 保存（${version.source}）
· <a href="/disclosures/${record.id}/preview" target="_blank" rel="noopener">预览公开页面</a>
· <a href="/disclosures/${record.id}/template.xlsx">下载填报模板（含当前数据）</a>
${publications.length ? html` · <a href="/published/${record.id}">已公开的页面（${publications.length} 次）</a>` : ""}</p>
${!editable && record.state !== ctx.chain.published ? html`<p class="note">公开文本正在审核中（${record.state}），暂不能修改。</p>` : ""}
${canReopen(user, unit, record.state, ctx.chain)
  ? html`<form method="post" action="/disclosures/${record.id}/reopen" class="card">${csrfField(c.get("csrf"))}<label>更正原因（将与更正后的版本一同公开）<input name="reason" required></label><button type="submit">发起更正</button></form>`
  : ""}
${lastReturn && record.state === ctx.chain.draft
  ? html`<section class="card returned" role="alert"><h2>审核意见：已退回修改</h2><p>${lastReturn.actorName ?? ""}于 ${formatTime(lastReturn.createdAt)} 退回${lastReturn.comment ? html`：${lastReturn.comment}` : ""}</p>
${openComments.length ? html`<ul class="comments">${openComments.map((cm) => html`<li><span class="where">${describeAnchor(cm.anchor, evaluation.disclosure)}</span> ${cm.authorName ?? ""}：${cm.body}</li>`)}</ul>` : ""}</section>`
  : ""}
${state?.conflict ? html`<section class="card conflict" role="alert"><h2>保存冲突</h2><p>${state.conflict}</p><p>下面的表单保留了您刚才填写的内容，核对后可再次保存（将基于最新版本）。</p></section>` : ""}
${state?.uploadProblems
  ? html`<section class="card upload-problems" role="alert"><h2>上传的模板有问题，未保存</h2><p>请在 Excel 中改正下列单元格后重新上传：</p>
<ul class="issue-list">${state.uploadProblems.map((p) => html`<li class="${p.severity}"><span class="where">${p.path}</span> ${p.message}</li>`)}</ul></section>`
  : ""}
<div class="editor">
<div class="editor-main">
${editable
  ? html`<section class="card"><h2>上传填报模板</h2>
<form method="post" action="/disclosures/${record.id}/upload" enctype="multipart/form-data">
${csrfField(c.get("csrf"))}<input type="hidden" name="_head" value="${record.head}">
<label>填好的模板（.xlsx）<input type="file" name="file" accept=".xlsx" required></label> <button type="submit">上传并校验</button>
</form></section>`
  : ""}
<nav class="tabs" aria-label="填报栏目">${SECTIONS.map((s) => html`<a href="/disclosures/${record.id}?section=${s.id}#form"${s.id === section.id ? html` aria-current="page"` : ""}>${s.title}</a>`)}</nav>
<section class="card" id="form">
<h2>${section.title}</h2>
${section.help ? html`<p class="hint">${section.help}</p>` : ""}
<form method="post" action="/disclosures/${record.id}/sections/${section.id}" class="section-form" data-check="/disclosures/${record.id}/sections/${section.id}/check">
${csrfField(c.get("csrf"))}<input type="hidden" name="_head" value="${record.head}">
<fieldset${editable ? "" : " disabled"}>
${renderSection(section, values, fieldProblems, lists)}
</fieldset>
${editable ? html`<button type="submit">保存${section.title}</button>` : ""}
</form>
${datalists(lists)}
</section>
${requiredReasonsForm(c, record, evaluation, editable)}
${editable ? submitForm(c, ctx, record, evaluation.issues, describeGate(gate), acked) : ""}
</div>
<aside class="editor-side">
${issueList(evaluation.issues)}
</aside>
</div>
<section class="tables" aria-label="生成的报表">
<h2>生成的报表 <small>发现问题的单元格已标出</small></h2>
${tables.length === 0 ? html`<p>文档有错误，改正后才能生成报表。</p>` : tables.map((t) => renderGrid(t, marks))}
</section>`;
  return c.html(page({ title: `${unit.name} ${record.year} 年预算公开`, user, csrf: c.get("csrf"), wide: true, ...(flash ? { flash } : {}) }, body), status);
}

const headOfBody = (body: Record<string, unknown>) => {
  const head = Number(body["_head"]);
  if (!Number.isSafeInteger(head) || head < 0) throw new AppError("表单缺少版本号，请刷新页面", 400);
  return head;
};

// --- routes ------------------------------------------------------------------------------------

export function registerPreparerRoutes(app: Hono<ServerEnv>, { ctx }: Deps): void {
  defineRoute(app, { method: "GET", path: "/", access: "signed-in", description: "工作台" }, (c) => dashboard(c, ctx), deny);

  defineRoute(app, { method: "GET", path: "/disclosures/:id", access: ["preparer", "reviewer", "admin"], description: "填报页" }, async (c) => {
    const id = idParam(c);
    if (c.get("user")!.role !== "preparer") return c.redirect(`/disclosures/${id}/review`, 303);
    return editor(c, ctx, id);
  }, deny);

  defineRoute(app, { method: "POST", path: "/disclosures/:id/sections/:section", access: ["preparer"], description: "保存一个栏目" }, async (c) => {
    const id = idParam(c);
    const section = sectionById(c.req.param("section") ?? "");
    if (!section) throw new AppError("没有这个栏目", 404);
    const user = c.get("user")!;
    const { record } = await openDisclosure(ctx, user, id);
    const body = await c.req.parseBody();
    const head = headOfBody(body);
    const version = await headOf(ctx, record);
    if (!version) throw new AppError("这份公开文本还没有保存过任何版本", 404);
    const values = valuesFromBody(body);
    const applied = applySection(section, version.document, values);
    if (applied.problems.length > 0) return editor(c, ctx, id, { section, values, fieldProblems: applied.problems }, 422);
    const evaluated = evaluateValue(applied.value, "表单", ctx.catalogRoot);
    if (!evaluated.doc) {
      const problems = evaluated.issues.flatMap((i) => (i.kind === "problem" ? [{ field: fieldOfProblem(section, i.path) ?? "", message: i.message }] : []));
      return editor(c, ctx, id, { section, values, fieldProblems: problems.filter((p) => p.field) }, 422);
    }
    try {
      await saveVersion(ctx, user, record.unitId, evaluated.doc, head, "表单");
    } catch (error) {
      // Someone saved in between: show their version's page with this editor's values kept, and say so.
      if (error instanceof StaleVersionError) return editor(c, ctx, id, { section, values, fieldProblems: [], conflict: error.message }, 409);
      throw error;
    }
    return redirectWith(c, `/disclosures/${id}?section=${section.id}#form`, "notice", `已保存${section.title}（第 ${head + 1} 版）`);
  }, deny);

  defineRoute(app, { method: "POST", path: "/disclosures/:id/sections/:section/check", access: ["preparer"], description: "边填边校验" }, async (c) => {
    const id = idParam(c);
    const section = sectionById(c.req.param("section") ?? "");
    if (!section) throw new AppError("没有这个栏目", 404);
    const { record } = await openDisclosure(ctx, c.get("user")!, id);
    const version = await headOf(ctx, record);
    if (!version) throw new AppError("这份公开文本还没有保存过任何版本", 404);
    const body = await c.req.parseBody();
    const applied = applySection(section, version.document, valuesFromBody(body));
    const evaluated = applied.problems.length ? undefined : evaluateValue(applied.value, "表单", ctx.catalogRoot);
    const issues = evaluated?.issues ?? [];
    const fields = [
      ...applied.problems,
      ...issues.flatMap((i) => {
        if (i.kind !== "problem") return [];
        const field = fieldOfProblem(section, i.path);
        return field ? [{ field, message: i.message }] : [];
      }),
    ];
    // Findings about a row of 表5–表8 by its code: the editor marks every form row with that code.
    const codes = issues.flatMap((i) => (i.kind === "finding" ? i.finding.cells.flatMap((cell) => (cell.rowCode ? [{ code: cell.rowCode, severity: i.severity, message: i.message }] : [])) : []));
    return c.json({ fields, codes, panel: String(await issueList(issues, { empty: applied.problems.length ? "请先改正表单中标出的格子。" : "未发现问题。" })) });
  }, deny);

  defineRoute(app, { method: "POST", path: "/disclosures/:id/reasons", access: ["preparer"], description: "保存增减原因" }, async (c) => {
    const id = idParam(c);
    const user = c.get("user")!;
    const { record } = await openDisclosure(ctx, user, id);
    const body = await c.req.parseBody();
    const head = headOfBody(body);
    const version = await headOf(ctx, record);
    if (!version) throw new AppError("这份公开文本还没有保存过任何版本", 404);
    const reasons = { ...version.document.reasons };
    for (const [name, value] of Object.entries(body)) {
      if (!name.startsWith("reason.") || typeof value !== "string") continue;
      const key = name.slice("reason.".length);
      if (value.trim() === "") delete reasons[key];
      else reasons[key] = value.trim().slice(0, 2000);
    }
    await saveVersion(ctx, user, record.unitId, { ...version.document, reasons }, head, "表单");
    return redirectWith(c, `/disclosures/${id}#reasons`, "notice", "已保存增减原因");
  }, deny);

  defineRoute(app, { method: "POST", path: "/disclosures/:id/submit", access: ["preparer"], description: "提交审核" }, async (c) => {
    const id = idParam(c);
    await openDisclosure(ctx, c.get("user")!, id);
    const body = await c.req.parseBody();
    const acks = Object.entries(body).flatMap(([name, value]) => (name.startsWith("ack.") && typeof value === "string" ? [{ findingKey: name.slice(4), reason: value.slice(0, 2000) }] : []));
    try {
      await submit(ctx, c.get("user")!, id, headOfBody(body), acks);
    } catch (error) {
      if (error instanceof AppError && error.status !== 404) return redirectWith(c, `/disclosures/${id}#submit`, "error", error.message);
      throw error;
    }
    return redirectWith(c, `/disclosures/${id}`, "notice", "已提交审核");
  }, deny);

  defineRoute(app, { method: "POST", path: "/disclosures/:id/reopen", access: ["preparer"], description: "发起更正" }, async (c) => {
    const id = idParam(c);
    const body = await c.req.parseBody();
    await reopen(ctx, c.get("user")!, id, String(body["reason"] ?? ""));
    return redirectWith(c, `/disclosures/${id}`, "notice", "已发起更正：修改后重新提交审核，公开时将附上更正说明");
  }, deny);

  defineRoute(app, { method: "POST", path: "/disclosures/:id/upload", access: ["preparer"], description: "上传模板（已有年度）" }, async (c) => {
    const id = idParam(c);
    const user = c.get("user")!;
    const { record } = await openDisclosure(ctx, user, id);
    const body = await c.req.parseBody();
    const head = headOfBody(body);
    const file = body["file"];
    if (!(file instanceof File)) throw new AppError("请选择要上传的 .xlsx 文件", 400);
    const result = await uploadWorkbook(ctx, user, record.unitId, new Uint8Array(await file.arrayBuffer()), file.name, { disclosureId: id, head });
    if (!result.ok) return editor(c, ctx, id, { uploadProblems: result.problems }, 422);
    return redirectWith(c, `/disclosures/${id}`, "notice", `已读入 ${file.name}，保存为第 ${result.version} 版：${result.evaluation.errors} 个错误，${result.evaluation.warnings} 个警告`);
  }, deny);

  defineRoute(app, { method: "POST", path: "/units/:unitId/upload", access: ["preparer"], description: "上传模板（新年度）" }, async (c) => {
    const unitId = idParam(c, "unitId");
    const user = c.get("user")!;
    const body = await c.req.parseBody();
    const file = body["file"];
    if (!(file instanceof File)) throw new AppError("请选择要上传的 .xlsx 文件", 400);
    const result = await uploadWorkbook(ctx, user, unitId, new Uint8Array(await file.arrayBuffer()), file.name);
    if (!result.ok) {
      const flash = { kind: "error" as const, text: "上传的模板有问题，未保存任何内容" };
      return c.html(
        page({ title: "上传的模板有问题", user, csrf: c.get("csrf"), flash }, html`<ul class="issue-list">${result.problems.map((p) => html`<li class="${p.severity}"><span class="where">${p.path}</span> ${p.message}</li>`)}</ul><p><a href="/">返回工作台</a></p>`),
        422,
      );
    }
    return redirectWith(c, `/disclosures/${result.disclosureId}`, "notice", `已读入 ${file.name}：${result.evaluation.errors} 个错误，${result.evaluation.warnings} 个警告`);
  }, deny);

  defineRoute(app, { method: "GET", path: "/units/:unitId/template.xlsx", access: ["preparer"], description: "下载空白模板" }, async (c) => {
    const unit = await unitById(ctx.db, idParam(c, "unitId"));
    const user = c.get("user")!;
    if (!unit || !user.unitIds.includes(unit.id)) throw new AppError("没有这个单位，或您无权访问", 404);
    const year = Number(c.req.query("year"));
    if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new AppError("年度有误", 400);
    const bytes = await templateWorkbook(ctx, year, unit.kind as never);
    return workbookResponse(c, bytes, `${unit.name}-${year}-填报模板.xlsx`);
  }, deny);

  defineRoute(app, { method: "GET", path: "/disclosures/:id/template.xlsx", access: ["preparer", "reviewer", "admin"], description: "下载含数据的模板" }, async (c) => {
    const { record, unit } = await openDisclosure(ctx, c.get("user")!, idParam(c));
    const version = await headOf(ctx, record);
    if (!version) throw new AppError("这份公开文本还没有保存过任何版本", 404);
    const bytes = await templateWorkbook(ctx, record.year, version.document.unit.kind, version.document);
    return workbookResponse(c, bytes, `${unit.name}-${record.year}-第${record.head}版.xlsx`);
  }, deny);

  defineRoute(app, { method: "GET", path: "/disclosures/:id/preview", access: ["preparer", "reviewer", "admin"], description: "预览公开页面" }, async (c) => {
    const { record } = await openDisclosure(ctx, c.get("user")!, idParam(c));
    const version = await headOf(ctx, record);
    if (!version) throw new AppError("这份公开文本还没有保存过任何版本", 404);
    const evaluation = await evaluateFor(ctx, version.document);
    if (!evaluation.disclosure) throw new AppError("文档还有错误，改正后才能预览", 422);
    return c.html((await publishedPage(ctx, version)).html);
  }, deny);
}

function workbookResponse(c: Context<ServerEnv>, bytes: Buffer, name: string): Response {
  return c.body(new Uint8Array(bytes), 200, {
    "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "Content-Disposition": `attachment; filename="template.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
  });
}

export type { UserRecord };
