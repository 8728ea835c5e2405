/**
 * A 科目's explanation page (`/portal/subjects/<function|economic>/<code>/`): its name and level in the
 * catalog, its parents and children (children used by a published unit link to their own page),
 * names it had in other years, and which published units use it, with their amounts.
 */
import type { CatalogEntry, Classification } from "../../catalog/catalog.ts";
import { CLASSIFICATION_NAMES } from "../../catalog/catalog.ts";
import type { SubjectUse } from "../../store/repositories/portal-pages.ts";
import { yuan } from "./format.ts";
import { portalPage } from "./layout.ts";
import { portalPaths, type SubjectKind } from "./links.ts";
import { html } from "./markup.ts";

export interface SubjectPageInput {
  readonly kind: SubjectKind;
  readonly classification: Classification;
  readonly code: string;
  /** The entry in the newest catalog that knows it; undefined when no catalog does. */
  readonly entry?: CatalogEntry;
  /** The catalog year the names come from. */
  readonly catalogYear?: number;
  readonly parents: readonly { readonly code: string; readonly name: string }[];
  readonly children: readonly { readonly code: string; readonly name: string; readonly used: boolean }[];
  readonly otherNames: readonly string[];
  readonly uses: readonly SubjectUse[];
}

const LEVEL_TEXT = { 类: "类级科目", 款: "款级科目", 项: "项级科目" } as const;

/** Where a catalog row comes from (src/catalog/data/README.md, the `source` column), said for the public. */
const SOURCE_TEXT: Record<string, string> = {
  seed: "示例单位（汉中市政务服务中心）2023年公开报表中使用的科目名称",
  published: "已公开的部门预算中使用的科目名称",
  "ishare-excerpt": "《政府预算和部门预算支出经济分类科目对照表》（摘录）",
  recalled: "按财政部政府收支分类科目整理，尚未与官方科目表逐项核对",
};

export function subjectPage(input: SubjectPageInput): string {
  const { kind, code, entry } = input;
  const name = entry?.name ?? "（科目目录中没有这个编码）";
  const years = [...new Set(input.uses.map((u) => u.year))].sort((a, b) => b - a);
  return portalPage(
    {
      path: portalPaths.subject(kind, code),
      title: `${code} ${name}`,
      section: "browse",
      crumbs: [{ text: "首页", path: portalPaths.home() }, ...input.parents.map((p) => ({ text: `${p.code} ${p.name}`, path: portalPaths.subject(kind, p.code) }))],
      lead: `${CLASSIFICATION_NAMES[input.classification]}${entry ? ` · ${LEVEL_TEXT[entry.level]}` : ""}${input.catalogYear ? ` · 名称依 ${input.catalogYear} 年政府收支分类科目` : ""}`,
    },
    (link) => html`<section aria-labelledby="catalog-title">
<h2 id="catalog-title">科目说明</h2>
<dl class="subject-facts">
<dt>编码</dt><dd>${code}</dd>
<dt>名称</dt><dd>${name}</dd>
<dt>所属分类</dt><dd>${CLASSIFICATION_NAMES[input.classification]}</dd>
${input.parents.length > 0 ? html`<dt>上级科目</dt><dd>${input.parents.map((p, i) => html`${i > 0 ? " › " : ""}<a href="${link(portalPaths.subject(kind, p.code))}">${p.code} ${p.name}</a>`)}</dd>` : ""}
${input.otherNames.length > 0 ? html`<dt>其他年度的名称</dt><dd>${input.otherNames.join("；")}</dd>` : ""}
${entry?.source ? html`<dt>出处</dt><dd>${SOURCE_TEXT[entry.source] ?? entry.source}</dd>` : ""}
</dl>
${input.children.length > 0
  ? html`<h3>下级科目</h3><ul class="subject-children">${input.children.map(
      (c) => html`<li>${c.used ? html`<a href="${link(portalPaths.subject(kind, c.code))}">${c.code} ${c.name}</a>` : html`${c.code} ${c.name} <span class="muted">（没有已公开的单位使用）</span>`}</li>`,
    )}</ul>`
  : ""}
</section>
<section aria-labelledby="uses-title">
<h2 id="uses-title">使用这个科目的已公开单位</h2>
${input.uses.length === 0
  ? html`<p>还没有已公开的单位在这个科目下安排支出。</p>`
  : years.map((year) => {
      const uses = input.uses.filter((u) => u.year === year);
      const total = uses.reduce((n, u) => n + u.amount, 0);
      return html`<div class="scroll" role="region" tabindex="0" aria-labelledby="uses-${year}"><table class="list subject-uses" data-year="${year}">
<caption id="uses-${year}">${year} 年（单位：元）</caption>
<thead><tr><th scope="col">单位</th><th scope="col">主管部门</th><th scope="col" class="num">金额</th></tr></thead>
<tbody>${uses.map(
        (u) => html`<tr><th scope="row"><a href="${link(portalPaths.disclosure(u.unitCode, u.year))}">${u.unitName}</a></th><td>${u.departmentName}</td><td class="num">${yuan(u.amount)}</td></tr>`,
      )}
<tr class="total"><th scope="row">合计</th><td></td><td class="num">${yuan(total)}</td></tr></tbody>
</table></div>`;
    })}
</section>`,
  );
}
