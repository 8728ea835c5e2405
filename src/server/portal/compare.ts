/**
 * Comparisons: two years of one unit, two units of one year (side by side, with the difference of
 * each 科目 line), the compare page with its forms, and a department's units consolidated.
 */
import type { AmountRow, CompareRow, Comparison, DepartmentConsolidation } from "../../app/portal.ts";
import type { PortalEntry } from "../../store/repositories/portal.ts";
import { disclosureTitle } from "./disclosure.ts";
import { signedPercent, signedYuan, yuan } from "./format.ts";
import { portalPage } from "./layout.ts";
import { type Linker, portalPaths, subjectKindOf } from "./links.ts";
import { type Content, html } from "./markup.ts";

function subjectName(link: Linker, code: string, name: string): Content {
  const kind = subjectKindOf(code);
  const text = name || "（目录中没有这个科目）";
  return kind ? html`<a href="${link(portalPaths.subject(kind, code))}">${text}</a>` : text;
}

function changeClass(difference: number): string {
  return difference > 0 ? "num up" : difference < 0 ? "num down" : "num";
}

function compareTable(link: Linker, id: string, caption: string, rows: readonly CompareRow[], left: string, right: string): Content {
  if (rows.length === 0) return html`<p>两边都没有这一分类的支出。</p>`;
  return html`<div class="scroll" role="region" tabindex="0" aria-labelledby="${id}-caption"><table class="list compare" id="${id}">
<caption id="${id}-caption">${caption}（单位：元）</caption>
<thead><tr><th scope="col">科目编码</th><th scope="col">科目名称</th><th scope="col" class="num">${left}</th><th scope="col" class="num">${right}</th><th scope="col" class="num">增减</th><th scope="col" class="num">增减率</th></tr></thead>
<tbody>${rows.map(
    (r) => html`<tr class="lv-${r.level}" data-code="${r.code}"><td>${r.code}</td><th scope="row">${subjectName(link, r.code, r.name)}</th><td class="num">${yuan(r.left)}</td><td class="num">${yuan(r.right)}</td><td class="${changeClass(r.difference)}">${signedYuan(r.difference)}</td><td class="num">${signedPercent(r.percent)}</td></tr>`,
  )}</tbody></table></div>`;
}

function sideLabel(c: Comparison, side: "left" | "right", byYear: boolean): string {
  const s = c[side];
  return byYear ? `${s.year} 年` : s.unitName;
}

/** A comparison page: two years of one unit (`byYear`), or two units of one year. */
export function comparisonPage(c: Comparison, byYear: boolean): string {
  const path = byYear ? portalPaths.compareYears(c.left.unitCode, c.left.year, c.right.year) : portalPaths.compareUnits(c.left.year, c.left.unitCode, c.right.unitCode);
  const title = byYear ? `${c.left.unitName}：${c.left.year} 年与 ${c.right.year} 年比较` : `${c.left.year} 年：${c.left.unitName}与${c.right.unitName}比较`;
  const left = sideLabel(c, "left", byYear);
  const right = sideLabel(c, "right", byYear);
  const t = c.total;
  return portalPage(
    {
      path,
      title,
      section: "compare",
      crumbs: [
        { text: "首页", path: portalPaths.home() },
        { text: "比较", path: portalPaths.compare() },
      ],
      lead: `左为${left}，右为${right}；增减 = 右 − 左，增减率以左为基数。`,
    },
    (link) => html`<ul class="sides">
<li>左：<a href="${link(portalPaths.disclosure(c.left.unitCode, c.left.year))}">${disclosureTitle(c.left.entry)}</a></li>
<li>右：<a href="${link(portalPaths.disclosure(c.right.unitCode, c.right.year))}">${disclosureTitle(c.right.entry)}</a></li>
</ul>
<section aria-labelledby="total-title">
<h2 id="total-title">支出合计</h2>
<div class="scroll" role="region" tabindex="0" aria-labelledby="total-caption"><table class="list compare" id="compare-total">
<caption id="total-caption">支出合计（单位：元）</caption>
<thead><tr><th scope="col">项目</th><th scope="col" class="num">${left}</th><th scope="col" class="num">${right}</th><th scope="col" class="num">增减</th><th scope="col" class="num">增减率</th></tr></thead>
<tbody><tr><th scope="row">支出合计</th><td class="num">${yuan(t.left)}</td><td class="num">${yuan(t.right)}</td><td class="${changeClass(t.difference)}">${signedYuan(t.difference)}</td><td class="num">${signedPercent(t.percent)}</td></tr></tbody>
</table></div>
</section>
<section aria-labelledby="function-title">
<h2 id="function-title">按支出功能分类</h2>
${compareTable(link, "compare-function", "支出功能分类（类、款、项）", c.byFunction, left, right)}
</section>
<section aria-labelledby="economic-title">
<h2 id="economic-title">按部门预算支出经济分类</h2>
${compareTable(link, "compare-economic", "部门预算支出经济分类（类、款）", c.byEconomic, left, right)}
</section>`,
  );
}

export interface ComparePageInput {
  /** Every published entry, for the forms' choices and the list of year pairs. */
  readonly entries: readonly PortalEntry[];
  /** What the form asked for and could not be shown, said at the top. */
  readonly problem?: string;
}

/** At most this many choices go in a select; beyond, the form asks for the unit code. */
const MAX_OPTIONS = 400;

function unitField(id: string, name: string, label: string, units: readonly { code: string; name: string }[]): Content {
  if (units.length > MAX_OPTIONS)
    return html`<label for="${id}">${label}（单位编码）<input type="text" id="${id}" name="${name}" inputmode="numeric" required></label>`;
  return html`<label for="${id}">${label}<select id="${id}" name="${name}" required>${units.map((u) => html`<option value="${u.code}">${u.name}（${u.code}）</option>`)}</select></label>`;
}

function yearField(id: string, name: string, label: string, years: readonly number[], selected?: number): Content {
  return html`<label for="${id}">${label}<select id="${id}" name="${name}" required>${years.map((y) => html`<option value="${y}"${y === selected ? " selected" : ""}>${y} 年</option>`)}</select></label>`;
}

export function compareIndexPage(input: ComparePageInput): string {
  const byUnit = new Map<string, PortalEntry[]>();
  for (const e of input.entries) byUnit.set(e.unitCode, [...(byUnit.get(e.unitCode) ?? []), e]);
  const units = [...byUnit.values()].map((list) => ({ code: list[0]!.unitCode, name: list[0]!.unitName, years: list.map((e) => e.year).sort((a, b) => a - b) }));
  units.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const multiYear = units.filter((u) => u.years.length > 1);
  const years = [...new Set(input.entries.map((e) => e.year))].sort((a, b) => b - a);
  const pairs = multiYear.flatMap((u) => u.years.slice(1).map((y, i) => ({ unit: u, from: u.years[i]!, to: y })));
  return portalPage(
    { path: portalPaths.compare(), title: "比较", section: "compare", crumbs: [{ text: "首页", path: portalPaths.home() }], lead: "把同一单位的两个年度，或同一年度的两个单位并排比较，逐个科目列出增减。" },
    (link) => html`${input.problem ? html`<p class="version-note" role="alert">${input.problem}</p>` : ""}
<form class="compare-form" method="get" action="./" data-compare="years" aria-labelledby="compare-years-title">
<fieldset><legend id="compare-years-title">同一单位的两个年度</legend>
<input type="hidden" name="kind" value="years">
${multiYear.length === 0 ? html`<p>目前还没有单位公开了两个以上年度的预算。</p>` : html`${unitField("cy-unit", "unit", "单位", multiYear)}
${yearField("cy-year", "year", "左：年度", years, years[1])}
${yearField("cy-other", "otherYear", "右：年度", years, years[0])}
<button type="submit">比较年度</button>`}
</fieldset></form>
<form class="compare-form" method="get" action="./" data-compare="units" aria-labelledby="compare-units-title">
<fieldset><legend id="compare-units-title">同一年度的两个单位</legend>
<input type="hidden" name="kind" value="units">
${units.length < 2 ? html`<p>至少需要两个单位公开了预算才能比较。</p>` : html`${yearField("cu-year", "year", "年度", years, years[0])}
${unitField("cu-unit", "unit", "左：单位", units)}
${unitField("cu-other", "otherUnit", "右：单位", units)}
<button type="submit">比较单位</button>`}
</fieldset></form>
${pairs.length > 0
  ? html`<section aria-labelledby="pairs-title"><h2 id="pairs-title">可比较的年度</h2>
<ul>${pairs.slice(0, 200).map((p) => html`<li><a href="${link(portalPaths.compareYears(p.unit.code, p.from, p.to))}">${p.unit.name}：${p.from} 年与 ${p.to} 年</a></li>`)}</ul>
${pairs.length > 200 ? html`<p class="muted">共 ${pairs.length} 组，这里列出前 200 组；其余请用上面的表单。</p>` : ""}</section>`
  : ""}`,
  );
}

function amountTable(link: Linker, id: string, caption: string, rows: readonly AmountRow[]): Content {
  return html`<div class="scroll" role="region" tabindex="0" aria-labelledby="${id}-caption"><table class="list" id="${id}">
<caption id="${id}-caption">${caption}（单位：元）</caption>
<thead><tr><th scope="col">科目编码</th><th scope="col">科目名称</th><th scope="col" class="num">金额</th></tr></thead>
<tbody>${rows.map((r) => html`<tr class="lv-${r.level}" data-code="${r.code}"><td>${r.code}</td><th scope="row">${subjectName(link, r.code, r.name)}</th><td class="num">${yuan(r.amount)}</td></tr>`)}</tbody>
</table></div>`;
}

/** A 主管部门's published units of a year, consolidated. */
export function departmentYearPage(d: DepartmentConsolidation): string {
  return portalPage(
    {
      path: portalPaths.departmentYear(d.department.code, d.year),
      title: `${d.department.name} ${d.year} 年汇总`,
      section: "browse",
      crumbs: [
        { text: "首页", path: portalPaths.home() },
        { text: d.department.region || "未注明地区", path: portalPaths.region(d.department.region) },
        { text: d.department.name, path: portalPaths.department(d.department.code) },
      ],
      lead: `所属 ${d.unitsInStore} 个单位中，${d.units.length} 个已公开 ${d.year} 年预算；下列金额为已公开单位的合计（元）。`,
    },
    (link) => html`<section aria-labelledby="units-title">
<h2 id="units-title">所属单位</h2>
<div class="scroll" role="region" tabindex="0" aria-labelledby="units-caption"><table class="list" id="department-units">
<caption id="units-caption">${d.year} 年已公开的单位（单位：元）</caption>
<thead><tr><th scope="col">单位</th><th scope="col" class="num">支出合计</th><th scope="col" class="num">占部门合计</th></tr></thead>
<tbody>${d.units.map(
      (u) => html`<tr><th scope="row"><a href="${link(portalPaths.disclosure(u.code, d.year))}">${u.name}</a></th><td class="num">${yuan(u.total)}</td><td class="num">${d.total > 0 ? `${((u.total / d.total) * 100).toFixed(1)}%` : "—"}</td></tr>`,
    )}
<tr class="total"><th scope="row">合计</th><td class="num">${yuan(d.total)}</td><td class="num">100.0%</td></tr></tbody>
</table></div>
</section>
<section aria-labelledby="function-title">
<h2 id="function-title">按支出功能分类</h2>
${amountTable(link, "department-function", "支出功能分类（类、款、项）", d.byFunction)}
</section>
<section aria-labelledby="economic-title">
<h2 id="economic-title">按部门预算支出经济分类</h2>
${amountTable(link, "department-economic", "部门预算支出经济分类（类、款）", d.byEconomic)}
</section>`,
  );
}
