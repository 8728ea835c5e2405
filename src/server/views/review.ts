/**
 * The reviewer's pages: the queue of disclosures in review, and one disclosure under review with its
 * findings, grids, narrative, comments, history, the preparer's reasons, the diffs against an earlier
 * version and against last year, and the forms to approve, return and comment.
 */
import { html } from "hono/html";
import type { Evaluation } from "../../app/evaluate.ts";
import type { StoredVersion } from "../../app/disclosures.ts";
import type { Fen } from "../../model/money.ts";
import { formatYuan } from "../../model/money.ts";
import type { Disclosure } from "../../model/disclosure.ts";
import type { Acknowledgement, DisclosureRecord, DisclosureSummary } from "../../store/repositories/disclosures.ts";
import type { CommentAnchor, CommentRecord, TransitionRecord } from "../../store/repositories/reviews.ts";
import type { UnitRecord } from "../../store/repositories/units.ts";
import type { Chain, Step } from "../../workflow/chain.ts";
import type { TableDiff } from "../../workflow/diff.ts";
import { renderNarrativeDiff, renderTableDiff } from "./diff.ts";
import { renderGrid, rowKey, tableKey } from "./grid.ts";
import { issueList, marksFor } from "./issues.ts";
import { csrfField, formatTime, type Markup } from "./layout.ts";

// ---------------------------------------------------------------------------------------------------
// The queue

export interface QueueEntry {
  readonly summary: DisclosureSummary;
  /** The step this reviewer may take now, if any. */
  readonly myStep?: Step;
  readonly nextStep?: Step;
}

function queueTable(entries: readonly QueueEntry[], caption: string): Markup {
  return html`<div class="grid-scroll"><table class="list queue">
<caption>${caption}</caption>
<thead><tr><th scope="col">单位</th><th scope="col">年度</th><th scope="col">状态</th><th scope="col">下一步</th><th scope="col">版本</th><th scope="col">错误</th><th scope="col">警告</th><th scope="col">更新时间</th><th scope="col"><span class="visually-hidden">操作</span></th></tr></thead>
<tbody>${entries.map(
    ({ summary: d, nextStep }) => html`<tr data-disclosure="${d.id}">
<td>${d.unitName} <small>${d.unitCode}</small></td><td>${d.year}</td><td><span class="state">${d.state}</span></td><td>${nextStep?.action ?? ""}</td>
<td>第 ${d.head} 版</td><td class="num${d.errors > 0 ? " has-error" : ""}">${d.errors}</td><td class="num${d.warnings > 0 ? " has-warning" : ""}">${d.warnings}</td>
<td>${formatTime(d.updatedAt)}</td><td><a href="/disclosures/${d.id}/review">审核</a></td></tr>`,
  )}</tbody></table></div>`;
}

export function renderQueue(entries: readonly QueueEntry[], hasDepartments: boolean): Markup {
  if (!hasDepartments) return html`<p class="note">您的账号还没有分配主管部门，队列为空。请联系财政局管理员。</p>`;
  const mine = entries.filter((e) => e.myStep);
  const others = entries.filter((e) => !e.myStep);
  return html`<section class="review-queue" id="mine">
<h2>待我处理 <small>${mine.length} 份</small></h2>
${mine.length === 0 ? html`<p class="ok">目前没有等待您处理的公开文本。</p>` : queueTable(mine, "等待您这一审核环节处理的公开文本，最早提交的在前")}
</section>
<section class="review-queue" id="others">
<h2>其他审核中的文本 <small>${others.length} 份，由其他审核环节处理</small></h2>
${others.length === 0 ? html`<p>没有。</p>` : queueTable(others, "本部门处于其他审核环节的公开文本（可查看、批注或退回）")}
</section>`;
}

// ---------------------------------------------------------------------------------------------------
// One disclosure under review

export interface DiffResult {
  readonly tables: readonly TableDiff[];
  readonly narrative: readonly { path: string; before: string; after: string }[];
}

export interface Comparison {
  /** What the head is compared with, e.g. “第 2 版” or “2022 年已公开的第 1 次发布（第 5 版）”. */
  readonly label: string;
  readonly diff?: DiffResult;
  /** Why there is no diff (the other version has errors that keep its tables from being built). */
  readonly problem?: string;
}

export interface ReviewView {
  readonly csrf: string | undefined;
  readonly record: DisclosureRecord;
  readonly unit: UnitRecord;
  readonly chain: Chain;
  readonly head: StoredVersion;
  readonly evaluation: Evaluation;
  readonly versions: readonly { number: number; source: string; authorName: string | null; createdAt: Date; errors: number; warnings: number }[];
  readonly comments: readonly CommentRecord[];
  readonly transitions: readonly TransitionRecord[];
  readonly acknowledgements: readonly Acknowledgement[];
  readonly against?: Comparison & { readonly number: number };
  readonly lastYear?: Comparison & { readonly disclosureId: number };
  /** The step this user may take now (not the preparer's submission). */
  readonly advanceStep?: Step;
  readonly canReturn: boolean;
  readonly canComment: boolean;
}

/** Where a comment points, in words: 表5 … · 2010350 事业运行 · 本年预算. */
export function describeAnchor(anchor: CommentAnchor, disclosure: Disclosure | undefined): string {
  if (anchor.kind === "section") {
    const section = disclosure?.narrative.find((s) => s.path.join(" ") === anchor.section);
    return `说明 ${section?.heading ?? anchor.section}`;
  }
  const table = disclosure?.tables.find((t) => tableKey(t) === anchor.table);
  const tableName = table ? `表${table.number}${table.instance ? `（${table.instance}）` : ""} ${table.title}` : `表${anchor.table}`;
  if (anchor.kind === "table") return tableName;
  const row = table?.rows.find((r) => rowKey(r) === anchor.row);
  const column = table?.columns.find((c) => c.key === anchor.column);
  return `${tableName} · ${row ? [row.code, row.label.trim()].filter(Boolean).join(" ") : anchor.row} · ${column?.label ?? anchor.column}`;
}

const anchorHref = (anchor: CommentAnchor, disclosure: Disclosure | undefined) => {
  if (anchor.kind !== "section") return `#grid-${anchor.table}`;
  const index = disclosure?.narrative.findIndex((s) => s.path.join(" ") === anchor.section) ?? -1;
  return index >= 0 ? `#section-${index}` : "#narrative";
};

function commentList(comments: readonly CommentRecord[], disclosure: Disclosure | undefined): Markup {
  if (comments.length === 0) return html`<p>还没有批注。</p>`;
  return html`<ol class="comment-list">${comments.map(
    (c) => html`<li data-comment="${c.id}" data-anchor-kind="${c.anchor.kind}">
<p class="comment-meta"><strong>${c.authorName ?? "（已删除的账号）"}</strong> · ${formatTime(c.createdAt)} · 第 ${c.versionNumber} 版 · <a href="${anchorHref(c.anchor, disclosure)}">${describeAnchor(c.anchor, disclosure)}</a></p>
<p class="comment-body">${c.body}</p></li>`,
  )}</ol>`;
}

function history(transitions: readonly TransitionRecord[]): Markup {
  if (transitions.length === 0) return html`<p>还没有提交或审核记录。</p>`;
  return html`<ol class="history-list">${transitions.map(
    (t) => html`<li${t.action === "退回" ? html` class="returned"` : ""}><p class="comment-meta">${formatTime(t.createdAt)} · ${t.actorName ?? ""}</p>
<p><strong>${t.action}</strong>（${t.fromState} → ${t.toState}，第 ${t.versionNumber} 版）</p>${t.comment ? html`<p class="comment-body">${t.comment}</p>` : ""}</li>`,
  )}</ol>`;
}

function reasons(view: ReviewView): Markup {
  const { evaluation, acknowledgements: acks } = view;
  const byKey = new Map(evaluation.issues.map((i) => [i.key, i]));
  const required = evaluation.required;
  const percent = (p: number | undefined) => (p === undefined ? "上年为零" : `${p > 0 ? "+" : ""}${p}%`);
  return html`<section id="reasons"><h2>填报人的说明</h2>
<h3>警告的确认理由 <small>第 ${view.head.number} 版</small></h3>
${acks.length === 0
  ? html`<p>没有需要确认的警告，或填报人尚未提交确认理由。</p>`
  : html`<ul class="ack-list">${acks.map((a) => {
      const issue = byKey.get(a.findingKey);
      return html`<li data-key="${a.findingKey}"><span class="what">${issue ? issue.message : "（该警告在当前版本中已不再出现）"}</span><span class="reason">理由：${a.reason}</span></li>`;
    })}</ul>`}
<h3>较上年增减变动的原因</h3>
${required.length === 0
  ? html`<p>没有达到阈值、需要说明原因的增减变动。</p>`
  : html`<div class="grid-scroll"><table class="list reasons">
<thead><tr><th scope="col">项目</th><th scope="col">上年（元）</th><th scope="col">本年（元）</th><th scope="col">增减</th><th scope="col">原因</th></tr></thead>
<tbody>${required.map(
      (r) => html`<tr data-key="${r.key}"${r.reason === "" ? html` class="has-error"` : ""}><th scope="row">${r.label}</th><td class="num">${formatYuan(r.prior as Fen)}</td><td class="num">${formatYuan(r.amount as Fen)}</td><td class="num">${percent(r.percent)}</td><td>${r.reason || "（未填写）"}</td></tr>`,
    )}</tbody></table></div>`}
</section>`;
}

function comparison(id: string, title: string, headNumber: number, c: Comparison | undefined, none: string, extra: Markup | string = ""): Markup {
  return html`<section class="comparison" id="${id}"><h2>${title}</h2>
${extra}
${!c
  ? html`<p>${none}</p>`
  : c.problem
    ? html`<p class="note">比较对象：${c.label}。${c.problem}</p>`
    : html`<p class="note">比较对象：${c.label}；“原值”为比较对象的值，“新值”为当前第 ${headNumber} 版的值。</p>
<h3>报表</h3>${renderTableDiff(c.diff?.tables ?? [], "报表数据没有变化。")}
<h3>说明</h3>${renderNarrativeDiff(c.diff?.narrative ?? [])}`}
</section>`;
}

function againstPicker(view: ReviewView): Markup | string {
  const earlier = view.versions.filter((v) => v.number < view.head.number);
  if (earlier.length === 0) return "";
  return html`<form method="get" action="/disclosures/${view.record.id}/review#against" class="inline against-picker">
<label>与 <select name="against">${earlier.map(
    (v) => html`<option value="${v.number}"${v.number === view.against?.number ? html` selected` : ""}>第 ${v.number} 版（${v.source}，${v.authorName ?? ""}，${formatTime(v.createdAt)}）</option>`,
  )}</select> 比较</label> <button type="submit">比较</button></form>`;
}

function actions(view: ReviewView): Markup {
  const { record, chain, advanceStep } = view;
  const publishing = advanceStep?.to === chain.published;
  return html`<section class="review-actions" id="actions"><h2>审核操作</h2>
${advanceStep
  ? html`<form method="post" action="/disclosures/${record.id}/advance" class="card">
${csrfField(view.csrf)}<input type="hidden" name="state" value="${record.state}">
<label>审核意见（可选）<textarea name="comment" rows="2" maxlength="5000"></textarea></label>
${publishing ? html`<p class="note">公开后，第 ${view.head.number} 版将作为公开页面对外发布，发布后不能修改（更正须重新发布并附说明）。</p>` : ""}
<button type="submit" class="primary" name="action" value="advance">${advanceStep.action}</button>
</form>`
  : html`<p>${record.state === chain.published ? "已公开。" : record.state === chain.draft ? "填报单位尚未提交（或已被退回修改）。" : "当前环节不由您处理；您可以批注，或退回给填报单位。"}</p>`}
${view.canReturn
  ? html`<form method="post" action="/disclosures/${record.id}/return" class="card">
${csrfField(view.csrf)}<input type="hidden" name="state" value="${record.state}">
<label>退回意见（必填，填报单位会看到）<textarea name="comment" rows="3" required maxlength="5000"></textarea></label>
<button type="submit" class="danger">退回修改</button>
</form>`
  : ""}
</section>`;
}

function commentForm(view: ReviewView): Markup | string {
  if (!view.canComment) return "";
  const disclosure = view.evaluation.disclosure;
  const tables = disclosure?.tables ?? [];
  const sections = disclosure?.narrative ?? [];
  return html`<form method="post" action="/disclosures/${view.record.id}/comments" class="card comment-form" id="comment-form">
${csrfField(view.csrf)}
<fieldset><legend>批注位置</legend>
<label class="choice"><input type="radio" name="anchor_kind" value="cell" disabled> 所选单元格：<span class="picked-cell" aria-live="polite">点击上方报表中的单元格选择</span></label>
<input type="hidden" name="row" value=""><input type="hidden" name="column" value="">
<label class="choice"><input type="radio" name="anchor_kind" value="table" checked> 整张表
<select name="table">${tables.map((t) => html`<option value="${tableKey(t)}">表${t.number}${t.instance ? `（${t.instance}）` : ""} ${t.title}</option>`)}</select></label>
${sections.length
  ? html`<label class="choice"><input type="radio" name="anchor_kind" value="section"> 说明章节
<select name="section">${sections.map((s) => html`<option value="${s.path.join(" ")}">${s.heading}</option>`)}</select></label>`
  : ""}
</fieldset>
<label>批注内容<textarea name="body" rows="3" required maxlength="5000"></textarea></label>
<button type="submit">添加批注</button>
</form>`;
}

export function renderReview(view: ReviewView): Markup {
  const { record, unit, head, evaluation } = view;
  const disclosure = evaluation.disclosure;
  const marks = disclosure ? marksFor(disclosure.tables, evaluation.issues, view.comments) : [];
  const sectionComments = (path: string) => view.comments.filter((c) => c.anchor.kind === "section" && c.anchor.section === path);
  return html`<p class="summary">${unit.departmentName} · ${unit.name}（${unit.code}） · ${record.year} 年 · 状态 <span class="state">${record.state}</span> · 第 ${head.number} 版（${head.source}，${head.authorName ?? ""}，${formatTime(head.createdAt)}）</p>
<nav class="page-links" aria-label="本页">
<a href="/disclosures/${record.id}/preview">预览公开页面</a>
<a href="#issues">校验结果</a><a href="#tables">报表</a><a href="#narrative">说明</a><a href="#reasons">填报人的说明</a>
<a href="#against">与历史版本比较</a><a href="#last-year">与上年比较</a><a href="#comments">批注</a><a href="#history">审核记录</a><a href="#actions">审核操作</a>
</nav>
<div class="review-layout">
<div class="review-main">
${issueList(evaluation.issues, { empty: "校验未发现问题。" })}
${reasons(view)}
<section id="tables"><h2>报表 ${view.canComment && disclosure ? html`<small>点击单元格可对其批注</small>` : ""}</h2>
${disclosure ? disclosure.tables.map((t) => renderGrid(t, marks, { commentable: view.canComment })) : html`<p class="error-text">这一版有错误，无法生成报表，请查看上面的校验结果。</p>`}
</section>
<section id="narrative"><h2>说明</h2>
${disclosure
  ? disclosure.narrative.map(
      (s, i) => html`<section class="narrative-section" id="section-${i}" data-section="${s.path.join(" ")}">
<h3 class="lv${Math.min(s.path.length, 4)}">${s.heading}</h3>${s.text ? s.text.split("\n").map((p) => html`<p>${p}</p>`) : ""}
${sectionComments(s.path.join(" ")).map((c) => html`<p class="mark comment" role="note">批注（${c.authorName ?? ""}）：${c.body}</p>`)}
</section>`,
    )
  : html`<p>无法生成说明。</p>`}
</section>
${comparison("against", "与历史版本比较", head.number, view.against, "这是第一个版本，没有可比较的历史版本。", againstPicker(view))}
${comparison("last-year", "与上年比较", head.number, view.lastYear, `没有本单位 ${record.year - 1} 年的公开文本。`, view.lastYear ? html`<p><a href="/disclosures/${view.lastYear.disclosureId}/review">查看上年的公开文本</a></p>` : "")}
</div>
<aside class="review-side">
${actions(view)}
<section id="comments"><h2>批注 <small>${view.comments.length} 条</small></h2>
${commentForm(view)}
${commentList(view.comments, disclosure)}
</section>
<section id="history"><h2>审核记录</h2>${history(view.transitions)}</section>
</aside>
</div>`;
}
