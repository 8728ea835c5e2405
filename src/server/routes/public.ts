/**
 * What anyone may read without an account: the published disclosures, each publication exactly as it
 * was stored when published (the preview shows the same bytes), their history with correction notes,
 * and the checker's rule pages.
 */
import { readFileSync } from "node:fs";
import type { Context, Hono } from "hono";
import { html } from "hono/html";
import { AppError } from "../../app/context.ts";
import { RULES } from "../../rules/index.ts";
import { disclosureById } from "../../store/repositories/disclosures.ts";
import { listPublications, listPublished, type PublishedEntry } from "../../store/repositories/publications.ts";
import { unitById } from "../../store/repositories/units.ts";
import { deny } from "../app.ts";
import type { Deps, ServerEnv } from "../env.ts";
import { takeFlash } from "../flash.ts";
import { cachedPage } from "../portal-cache.ts";
import { defineRoute } from "../route-table.ts";
import { formatTime, page } from "../views/layout.ts";
import { pathId } from "./reviewer.ts";

type C = Context<ServerEnv>;

const RULE_DOCS = new URL("../../../docs/rules/", import.meta.url);
/** A published page may be cached by anyone: it never changes (a correction is a new sequence). */
const PUBLIC_CACHE = "public, max-age=3600";

const frame = (c: C, title: string) => {
  const flash = takeFlash(c);
  return { title, user: c.get("user"), csrf: c.get("csrf"), ...(flash ? { flash } : {}) };
};

const notPublished = () => new AppError("没有这份已公开的文本", 404);

function publishedList(entries: readonly PublishedEntry[]): ReturnType<typeof html> {
  if (entries.length === 0) return html`<p>还没有已公开的预算。</p>`;
  const byYear = [...new Set(entries.map((e) => e.year))].sort((a, b) => b - a);
  return html`${byYear.map(
    (year) => html`<section class="published-year"><h2>${year} 年</h2>
<div class="grid-scroll"><table class="list published">
<thead><tr><th scope="col">主管部门</th><th scope="col">单位</th><th scope="col">公开时间</th><th scope="col">发布次数</th><th scope="col"><span class="visually-hidden">历史</span></th></tr></thead>
<tbody>${entries
      .filter((e) => e.year === year)
      .sort((a, b) => a.departmentName.localeCompare(b.departmentName, "zh-CN") || a.unitCode.localeCompare(b.unitCode))
      .map(
        (e) => html`<tr data-disclosure="${e.disclosureId}"><td>${e.departmentName}</td><td><a href="/published/${e.disclosureId}/${e.sequence}">${e.unitName} ${year} 年预算公开</a></td><td>${formatTime(e.publishedAt)}</td>
<td>${e.sequence > 1 ? `${e.sequence} 次（含更正）` : "1 次"}</td><td><a href="/published/${e.disclosureId}/history">发布历史</a></td></tr>`,
      )}</tbody></table></div></section>`,
  )}`;
}

export function registerPublicRoutes(app: Hono<ServerEnv>, { ctx, portalCache }: Deps): void {
  defineRoute(app, { method: "GET", path: "/published", access: "public", description: "已公开的预算" }, async (c) => {
    const entries = await listPublished(ctx.db);
    return c.html(page(frame(c, "已公开的部门（单位）预算"), publishedList(entries)));
  }, deny);

  // Registered before /:sequence, so that “history” is never read as a sequence number.
  defineRoute(app, { method: "GET", path: "/published/:disclosureId/history", access: "public", description: "一份公开文本的发布历史" }, async (c) => {
    const id = pathId(c.req.param("disclosureId"));
    const publications = await listPublications(ctx.db, id);
    if (publications.length === 0) throw notPublished();
    const record = await disclosureById(ctx.db, id);
    const unit = record && (await unitById(ctx.db, record.unitId));
    const title = `${unit?.name ?? ""} ${record?.year ?? ""} 年预算公开：发布历史`;
    return c.html(
      page(
        frame(c, title),
        html`<p class="note">已公开的文本不会被修改：每次更正都作为新的一次发布，并附更正说明；历次发布均可查看。</p>
<ol class="publication-history" reversed>${publications.map(
          (p, i) => html`<li data-sequence="${p.sequence}"><a href="/published/${id}/${p.sequence}">第 ${p.sequence} 次发布</a>${i === 0 ? html` <span class="state">现行</span>` : ""} · ${formatTime(p.publishedAt)} · 第 ${p.versionNumber} 版
${p.note ? html`<p class="correction-note">更正说明：${p.note}</p>` : p.sequence === 1 ? "" : html`<p class="correction-note">（未填写更正说明）</p>`}</li>`,
        )}</ol>
<p><a href="/published">全部已公开的预算</a></p>`,
      ),
    );
  }, deny);

  defineRoute(app, { method: "GET", path: "/published/:disclosureId", access: "public", description: "一份公开文本的现行发布" }, async (c) => {
    const id = pathId(c.req.param("disclosureId"));
    const [latest] = await listPublications(ctx.db, id);
    if (!latest) throw notPublished();
    return c.redirect(`/published/${id}/${latest.sequence}`, 302);
  }, deny);

  // A publication never changes: once read, its page is served from memory (portal-cache.ts).
  defineRoute(app, { method: "GET", path: "/published/:disclosureId/:sequence", access: "public", description: "一次发布的公开页面（原样）" }, cachedPage(portalCache, async (c) => {
    const id = pathId(c.req.param("disclosureId"));
    const sequence = pathId(c.req.param("sequence"));
    const publication = (await listPublications(ctx.db, id, true)).find((p) => p.sequence === sequence);
    if (!publication) throw notPublished();
    // Exactly the stored page, no wrapper: it is what the reviewers approved and the preview showed.
    return c.body(publication.html, 200, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": PUBLIC_CACHE });
  }, { immutable: true, cacheControl: PUBLIC_CACHE }), deny);

  defineRoute(app, { method: "GET", path: "/rules/:id", access: "public", description: "校验规则说明" }, (c) => {
    // Only ids in the registry reach the file system, so no path can be made up here.
    const rule = RULES.find((r) => r.meta.id === c.req.param("id"));
    if (!rule) throw new AppError("没有这条校验规则", 404);
    let doc: string;
    try {
      doc = readFileSync(new URL(`${rule.meta.id}.md`, RULE_DOCS), "utf8");
    } catch {
      doc = "（这条规则的说明文档缺失）";
    }
    return c.html(page(frame(c, `校验规则 ${rule.meta.id}`), html`<p class="summary">${rule.meta.description}</p><pre class="rule-doc">${doc}</pre>`));
  }, deny);
}
