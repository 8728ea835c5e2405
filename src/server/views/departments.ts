/**
 * The batch view of departments (主管部门): each unit with its disclosure of the chosen year (state,
 * version, error and warning counts), the units that have none yet, and its other years.
 */
import { html } from "hono/html";
import type { DisclosureSummary } from "../../store/repositories/disclosures.ts";
import type { Department, UnitRecord } from "../../store/repositories/units.ts";
import { formatTime, type Markup } from "./layout.ts";

export interface DepartmentView {
  readonly department: Department;
  readonly units: readonly UnitRecord[];
  readonly disclosures: readonly DisclosureSummary[];
}

export const NOT_STARTED = "未填报";

/** Years to offer: those with disclosures, and the chosen one. */
export function yearLinks(base: string, years: readonly number[], chosen: number): Markup {
  const all = [...new Set([...years, chosen])].sort((a, b) => b - a);
  return html`<nav class="year-links" aria-label="年度">年度：${all.map((y) =>
    y === chosen ? html`<strong aria-current="page">${y}</strong>` : html`<a href="${base}?year=${y}">${y}</a>`,
  )}</nav>`;
}

export function renderDepartment(view: DepartmentView, year: number, chainStates: readonly string[], options: { heading?: boolean } = {}): Markup {
  const { department, units, disclosures } = view;
  const ofYear = new Map(disclosures.filter((d) => d.year === year).map((d) => [d.unitId, d]));
  const counts = new Map<string, number>();
  for (const unit of units) {
    const state = ofYear.get(unit.id)?.state ?? NOT_STARTED;
    counts.set(state, (counts.get(state) ?? 0) + 1);
  }
  const summary = [...chainStates, NOT_STARTED].filter((s) => counts.get(s)).map((s) => `${s} ${counts.get(s)}`);
  const missing = units.filter((u) => !ofYear.has(u.id));
  return html`<section class="department" id="department-${department.id}" data-department="${department.id}">
${options.heading === false ? "" : html`<h2><a href="/departments/${department.id}?year=${year}">${department.name}</a> <small>${department.code}${department.region ? ` · ${department.region}` : ""}</small></h2>`}
<p class="dept-summary">${year} 年：共 ${units.length} 个单位${summary.length ? `，${summary.join("，")}` : ""}。</p>
${units.length === 0
  ? html`<p>这个部门还没有单位。</p>`
  : html`<div class="grid-scroll"><table class="list batch">
<thead><tr><th scope="col">单位编码</th><th scope="col">单位名称</th><th scope="col">${year} 年状态</th><th scope="col">版本</th><th scope="col">错误</th><th scope="col">警告</th><th scope="col">更新时间</th><th scope="col">其他年度</th></tr></thead>
<tbody>${units.map((unit) => {
      const d = ofYear.get(unit.id);
      const others = disclosures.filter((o) => o.unitId === unit.id && o.year !== year).sort((a, b) => b.year - a.year);
      return html`<tr data-unit="${unit.id}"${d ? "" : html` class="not-started"`}>
<td>${unit.code}</td><td>${unit.name}</td>
${d
  ? html`<td><a href="/disclosures/${d.id}/review"><span class="state">${d.state}</span></a></td><td>第 ${d.head} 版</td><td class="num${d.errors > 0 ? " has-error" : ""}">${d.errors}</td><td class="num${d.warnings > 0 ? " has-warning" : ""}">${d.warnings}</td><td>${formatTime(d.updatedAt)}</td>`
  : html`<td><span class="state none">${NOT_STARTED}</span></td><td></td><td></td><td></td><td></td>`}
<td>${others.map((o) => html`<a href="/disclosures/${o.id}/review">${o.year} ${o.state}</a> `)}</td></tr>`;
    })}</tbody></table></div>`}
${missing.length > 0 ? html`<p class="note">尚未填报 ${year} 年的单位：${missing.map((u) => u.name).join("、")}</p>` : ""}
</section>`;
}
