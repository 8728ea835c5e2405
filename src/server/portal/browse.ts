/**
 * Home and browse pages: the home page (search box, regions → 主管部门, recently published, the
 * scorecard), a region's departments and units, a department's units and its consolidated years,
 * and a unit's published years.
 */
import type { BrowseDepartment, BrowseRegion } from "../../app/portal.ts";
import type { PortalEntry } from "../../store/repositories/portal.ts";
import type { RecentEntry } from "../../store/repositories/portal-pages.ts";
import { disclosureTitle } from "./disclosure.ts";
import { formatDate, yuan } from "./format.ts";
import { portalPage } from "./layout.ts";
import { type Linker, portalPaths } from "./links.ts";
import { type Content, html } from "./markup.ts";

const regionName = (region: string) => region || "未注明地区";

/** The search form: a labelled search field, and the year and region filters when given. */
export function searchForm(
  link: Linker,
  options: { q?: string; year?: number; region?: string; years?: readonly number[]; regions?: readonly string[]; id?: string } = {},
): Content {
  const id = options.id ?? "search-form";
  return html`<form id="${id}" class="search-form" role="search" method="get" action="${link(portalPaths.search())}" aria-label="搜索已公开的预算">
<div class="field"><label for="${id}-q">搜索单位名称、项目名称或科目（名称或编码）</label>
<input type="search" id="${id}-q" name="q" value="${options.q ?? ""}" placeholder="如：政务服务、2010350" autocomplete="off"></div>
${options.years && options.years.length > 0
  ? html`<div class="field small"><label for="${id}-year">年度</label><select id="${id}-year" name="year"><option value="">全部年度</option>${options.years.map((y) => html`<option value="${y}"${options.year === y ? " selected" : ""}>${y} 年</option>`)}</select></div>`
  : ""}
${options.regions && options.regions.length > 0
  ? html`<div class="field small"><label for="${id}-region">地区</label><select id="${id}-region" name="region"><option value="">全部地区</option>${options.regions.map((r) => html`<option value="${r}"${options.region === r ? " selected" : ""}>${regionName(r)}</option>`)}</select></div>`
  : ""}
<button type="submit">搜索</button>
</form>`;
}

function unitCount(departments: readonly BrowseDepartment[]): number {
  return departments.reduce((n, d) => n + d.units.length, 0);
}

export interface HomeInput {
  readonly tree: readonly BrowseRegion[];
  readonly recent: readonly RecentEntry[];
  readonly years: readonly number[];
  readonly published: number;
}

export function homePage(input: HomeInput): string {
  const regions = input.tree.map((r) => r.region);
  return portalPage(
    { path: portalPaths.home(), title: "部门（单位）预算公开", section: "home", lead: "查阅各部门、各单位经审核公开的预算：说明、报表、图表与历次更正，可下载 PDF、Excel、Word 与开放数据。" },
    (link) => html`${searchForm(link, { years: input.years, regions })}
<section aria-labelledby="browse-title">
<h2 id="browse-title">按地区浏览</h2>
${input.tree.length === 0
  ? html`<p>还没有已公开的预算。</p>`
  : html`<ul class="cards" data-testid="regions">${input.tree.map(
      (r) => html`<li><h3><a href="${link(portalPaths.region(r.region))}">${regionName(r.region)}</a></h3>
<p class="muted">${r.departments.length} 个主管部门，${unitCount(r.departments)} 个单位</p>
<ul>${r.departments.map((d) => html`<li><a href="${link(portalPaths.department(d.code))}">${d.name}</a>（${d.units.length} 个单位）</li>`)}</ul></li>`,
    )}</ul>`}
</section>
<section aria-labelledby="recent-title">
<h2 id="recent-title">最近公开</h2>
${input.recent.length === 0
  ? html`<p>还没有已公开的预算。</p>`
  : html`<ol class="recent" data-testid="recent">${input.recent.map(
      (e) => html`<li><a href="${link(portalPaths.disclosure(e.unitCode, e.year))}">${disclosureTitle(e)}</a> <span class="muted">· ${e.departmentName} · ${formatDate(e.publishedAt)}${e.sequence > 1 ? ` · 第 ${e.sequence} 次发布（含更正）` : ""}</span></li>`,
    )}</ol>`}
</section>
<section aria-labelledby="more-title">
<h2 id="more-title">公开情况与比较</h2>
<p>共 ${input.published} 份已公开的预算${input.years.length > 0 ? `，覆盖 ${input.years.join("、")} 年` : ""}。</p>
<ul>
<li><a href="${link(portalPaths.scorecard())}">公开情况：各地区、各部门的公开数、按时公开数、完整数与有错误的单位</a></li>
<li><a href="${link(portalPaths.compare())}">比较：同一单位的两个年度，或同一年度的两个单位</a></li>
</ul>
</section>`,
  );
}

function unitsList(link: Linker, department: BrowseDepartment): Content {
  return html`<ul class="unit-list">${department.units.map(
    (u) => html`<li><a href="${link(portalPaths.unit(u.code))}">${u.name}</a> <span class="muted">（${u.kind}）</span>：${u.years.map(
      (y, i) => html`${i > 0 ? "、" : ""}<a href="${link(portalPaths.disclosure(u.code, y))}">${y} 年</a>`,
    )}</li>`,
  )}</ul>`;
}

export function regionPage(region: BrowseRegion): string {
  return portalPage(
    {
      path: portalPaths.region(region.region),
      title: regionName(region.region),
      section: "browse",
      crumbs: [{ text: "首页", path: portalPaths.home() }],
      lead: `${region.departments.length} 个主管部门，${unitCount(region.departments)} 个单位已公开预算。`,
    },
    (link) => html`${region.departments.map(
      (d) => html`<section aria-labelledby="d-${d.code}">
<h2 id="d-${d.code}"><a href="${link(portalPaths.department(d.code))}">${d.name}</a></h2>
${unitsList(link, d)}
</section>`,
    )}
<p><a href="${link(portalPaths.scorecard())}">查看各部门的公开情况</a></p>`,
  );
}

export interface DepartmentInput {
  readonly region: string;
  readonly department: BrowseDepartment;
  /** Years in which any of its units published, newest first. */
  readonly years: readonly number[];
}

export function departmentPage(input: DepartmentInput): string {
  const { department: d } = input;
  return portalPage(
    {
      path: portalPaths.department(d.code),
      title: d.name,
      section: "browse",
      crumbs: [
        { text: "首页", path: portalPaths.home() },
        { text: regionName(input.region), path: portalPaths.region(input.region) },
      ],
      lead: `主管部门编码 ${d.code} · ${d.units.length} 个单位已公开预算`,
    },
    (link) => html`<section aria-labelledby="units-title">
<h2 id="units-title">所属单位</h2>
${unitsList(link, d)}
</section>
<section aria-labelledby="consolidated-title">
<h2 id="consolidated-title">部门汇总</h2>
<ul>${input.years.map((y) => html`<li><a href="${link(portalPaths.departmentYear(d.code, y))}">${d.name} ${y} 年（所属单位合计）</a></li>`)}</ul>
<p><a href="${link(portalPaths.scorecardDepartment(d.code))}">${d.name}各单位的公开情况</a></p>
</section>`,
  );
}

export function unitPage(entries: readonly PortalEntry[]): string {
  const first = entries[0]!;
  const years = entries.map((e) => e.year).sort((a, b) => b - a);
  return portalPage(
    {
      path: portalPaths.unit(first.unitCode),
      title: first.unitName,
      section: "browse",
      crumbs: [
        { text: "首页", path: portalPaths.home() },
        { text: regionName(first.region), path: portalPaths.region(first.region) },
        { text: first.departmentName, path: portalPaths.department(first.departmentCode) },
      ],
      lead: `单位编码 ${first.unitCode} · ${first.unitKind} · 主管部门：${first.departmentName}`,
    },
    (link) => html`<div class="scroll" role="region" tabindex="0" aria-labelledby="years-caption"><table class="list years-table">
<caption id="years-caption">已公开的年度</caption>
<thead><tr><th scope="col">年度</th><th scope="col" class="num">支出合计（元）</th><th scope="col">发布</th><th scope="col">发布时间</th></tr></thead>
<tbody>${[...entries].sort((a, b) => b.year - a.year).map(
      (e) => html`<tr><th scope="row"><a href="${link(portalPaths.disclosure(e.unitCode, e.year))}">${e.year} 年预算公开</a></th><td class="num">${yuan(e.expenditureTotal)}</td>
<td>${e.sequence > 1 ? html`第 ${e.sequence} 次（<a href="${link(portalPaths.history(e.unitCode, e.year))}">含更正</a>）` : "第 1 次"}</td><td>${formatDate(e.publishedAt)}</td></tr>`,
    )}</tbody></table></div>
${years.length > 1
  ? html`<h2>比较年度</h2><ul>${years.slice(1).map((y, i) => html`<li><a href="${link(portalPaths.compareYears(first.unitCode, y, years[i]!))}">比较 ${y} 年与 ${years[i]!} 年</a></li>`)}</ul>`
  : ""}`,
  );
}
