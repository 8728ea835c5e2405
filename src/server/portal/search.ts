/**
 * The search page (`/portal/search/?q=&year=&region=`): the form, the facets (year and region, with
 * counts, each widening its own filter) and the matching disclosures with what matched in each. In
 * the static export the same page answers offline: portal.js searches the exported index.
 */
import type { SearchMatch, SearchResult } from "../../app/portal.ts";
import { searchForm } from "./browse.ts";
import { disclosureTitle } from "./disclosure.ts";
import { portalPage } from "./layout.ts";
import { type Linker, portalPaths } from "./links.ts";
import { type Content, html } from "./markup.ts";

export interface SearchPageInput {
  readonly q: string;
  readonly year?: number;
  readonly region?: string;
  readonly page: number;
  readonly result: SearchResult;
  /** Every published year and region, for the form's filters. */
  readonly years: readonly number[];
  readonly regions: readonly string[];
}

const KIND_NAMES: Record<SearchMatch["kind"], string> = { unit: "单位", department: "主管部门", project: "项目", function: "支出功能分类科目", economic: "经济分类科目" };

function matchText(m: SearchMatch): string {
  return `${KIND_NAMES[m.kind]}：${m.kind === "function" || m.kind === "economic" ? `${m.code} ` : ""}${m.text}`;
}

function facets(link: Linker, input: SearchPageInput): Content {
  const { q, year, region, result } = input;
  const to = (next: { year?: number | undefined; region?: string | undefined }) =>
    link(portalPaths.search({ q, ...(next.year !== undefined ? { year: next.year } : {}), ...(next.region !== undefined ? { region: next.region } : {}) }));
  return html`<nav class="facets" aria-label="筛选">
<h2>年度</h2>
<ul>${year !== undefined ? html`<li><a href="${to({ region })}">不限</a></li>` : ""}${result.facets.years.map(
    (f) => html`<li><a href="${to({ year: f.value, region })}"${f.value === year ? html` aria-current="true"` : ""}>${f.value} 年</a>（${f.count}）</li>`,
  )}</ul>
<h2>地区</h2>
<ul>${region !== undefined ? html`<li><a href="${to({ year })}">不限</a></li>` : ""}${result.facets.regions.map(
    (f) => html`<li><a href="${to({ year, region: f.value })}"${f.value === region ? html` aria-current="true"` : ""}>${f.value || "未注明地区"}</a>（${f.count}）</li>`,
  )}</ul>
</nav>`;
}

export function searchPage(input: SearchPageInput): string {
  const { q, result } = input;
  const pages = Math.ceil(result.total / Math.max(1, result.limit));
  return portalPage(
    { path: portalPaths.search(), title: "搜索", section: "search", crumbs: [{ text: "首页", path: portalPaths.home() }] },
    (link) => {
      const pageLink = (n: number) =>
        link(portalPaths.search({ q, ...(input.year !== undefined ? { year: input.year } : {}), ...(input.region !== undefined ? { region: input.region } : {}) })) + `&page=${n}`;
      return html`${searchForm(link, { q, ...(input.year !== undefined ? { year: input.year } : {}), ...(input.region !== undefined ? { region: input.region } : {}), years: input.years, regions: input.regions })}
<div id="search-results" aria-live="polite">
${q.trim() === ""
  ? html`<p id="search-summary">请输入关键词：单位名称（如“政务服务”）、项目名称，或科目名称与编码（如“2010350”）。</p>`
  : html`<p id="search-summary" role="status">“${q}”共找到 ${result.total} 份已公开的预算${pages > 1 ? `，这是第 ${input.page} 页，共 ${pages} 页` : ""}。</p>
<div class="search-layout">
${facets(link, input)}
<div>
${result.hits.length === 0
  ? html`<p>没有找到匹配的已公开预算。可以换一个关键词，或去掉年度、地区的筛选。</p>`
  : html`<ol class="cards" id="search-hits" start="${result.offset + 1}">${result.hits.map(
      (h) => html`<li><h3><a href="${link(portalPaths.disclosure(h.entry.unitCode, h.entry.year))}">${disclosureTitle(h.entry)}</a></h3>
<p>${h.entry.region || "未注明地区"} · ${h.entry.departmentName}</p>
<p class="matches">匹配：${h.matches.slice(0, 5).map(matchText).join("；")}${h.matches.length > 5 ? ` 等 ${h.matches.length} 项` : ""}</p></li>`,
    )}</ol>`}
${pages > 1
  ? html`<nav aria-label="分页"><ul class="pager">${input.page > 1 ? html`<li><a href="${pageLink(input.page - 1)}" rel="prev">上一页</a></li>` : ""}${input.page < pages ? html`<li><a href="${pageLink(input.page + 1)}" rel="next">下一页</a></li>` : ""}</ul></nav>`
  : ""}
</div>
</div>`}
</div>`;
    },
  );
}
