/**
 * The scorecard: for each year, how many units of each region and 主管部门 published, how many on time
 * (within 20 days of the budget's approval), how many complete, how many with errors; and on a
 * department's own page, each unit's standing.
 */
import { ON_TIME_DAYS, type Scorecard, type ScoreCounts, type UnitStanding } from "../../app/portal.ts";
import { formatDate } from "./format.ts";
import { portalPage } from "./layout.ts";
import { type Linker, portalPaths } from "./links.ts";
import { type Content, html } from "./markup.ts";

const COUNT_HEADERS = html`<th scope="col" class="num">单位数</th><th scope="col" class="num">已公开</th><th scope="col" class="num">按时公开</th><th scope="col" class="num">批复日期未知</th><th scope="col" class="num">报表完整</th><th scope="col" class="num">有错误</th>`;

function countCells(c: ScoreCounts): Content {
  return html`<td class="num">${c.units}</td><td class="num">${c.published}</td><td class="num">${c.onTime}</td><td class="num">${c.onTimeUnknown}</td><td class="num">${c.complete}</td><td class="num">${c.withErrors}</td>`;
}

function stats(c: ScoreCounts): Content {
  return html`<ul class="stats">
<li><strong>${c.published}</strong>已公开（共 ${c.units} 个单位）</li>
<li><strong>${c.onTime}</strong>按时公开${c.onTimeUnknown > 0 ? `（另有 ${c.onTimeUnknown} 个批复日期未知）` : ""}</li>
<li><strong>${c.complete}</strong>报表完整</li>
<li><strong>${c.withErrors}</strong>有错误</li>
</ul>`;
}

const EXPLAIN = `按时：批复后 ${ON_TIME_DAYS} 日内首次公开（以北京时间的日期计）；批复日期未知的，不计入按时。完整：15 张标准报表都已公开，或注明了空表理由。有错误：公开的版本经校验仍有错误。`;

function yearSection(link: Linker, card: Scorecard): Content {
  const y = card.year;
  return html`<section aria-labelledby="y${y}-title" data-year="${y}">
<h2 id="y${y}-title">${y} 年</h2>
${stats(card.totals)}
<div class="scroll" role="region" tabindex="0" aria-labelledby="y${y}-regions"><table class="list scorecard-regions">
<caption id="y${y}-regions">${y} 年各地区</caption>
<thead><tr><th scope="col">地区</th>${COUNT_HEADERS}</tr></thead>
<tbody>${card.regions.map((r) => html`<tr><th scope="row"><a href="${link(portalPaths.region(r.region))}">${r.region || "未注明地区"}</a></th>${countCells(r)}</tr>`)}</tbody>
</table></div>
<div class="scroll" role="region" tabindex="0" aria-labelledby="y${y}-departments"><table class="list scorecard-departments">
<caption id="y${y}-departments">${y} 年各主管部门</caption>
<thead><tr><th scope="col">主管部门</th><th scope="col">地区</th>${COUNT_HEADERS}</tr></thead>
<tbody>${card.departments.map(
    (d) => html`<tr data-department="${d.code}"><th scope="row"><a href="${link(portalPaths.scorecardDepartment(d.code))}">${d.name}</a></th><td>${d.region || "未注明"}</td>${countCells(d)}</tr>`,
  )}</tbody>
</table></div>
</section>`;
}

export function scorecardPage(cards: readonly Scorecard[]): string {
  return portalPage(
    { path: portalPaths.scorecard(), title: "公开情况", section: "scorecard", crumbs: [{ text: "首页", path: portalPaths.home() }], lead: EXPLAIN },
    (link) => html`${cards.length === 0 ? html`<p>还没有已公开的预算。</p>` : cards.map((c) => yearSection(link, c))}`,
  );
}

function badge(value: boolean | null, yes: string, no: string, unknown: string): Content {
  if (value === null) return html`<span class="badge unknown">${unknown}</span>`;
  return value ? html`<span class="badge ok">${yes}</span>` : html`<span class="badge bad">${no}</span>`;
}

function standingRow(link: Linker, year: number, u: UnitStanding): Content {
  return html`<tr data-unit="${u.unitCode}">
<th scope="row">${u.published ? html`<a href="${link(portalPaths.disclosure(u.unitCode, year))}">${u.unitName}</a>` : u.unitName}</th>
<td>${u.published ? html`<span class="badge ok">已公开</span>` : html`<span class="badge bad">未公开</span>`}</td>
<td>${u.firstPublishedAt ? formatDate(u.firstPublishedAt) : "—"}</td>
<td>${u.approvedOn ?? "—"}</td>
<td>${u.published ? badge(u.onTime, "按时", "逾期", "批复日期未知") : "—"}</td>
<td>${u.published ? badge(u.complete, "完整", "不完整", "—") : "—"}</td>
<td class="num">${u.published ? `${u.errors ?? 0} / ${u.warnings ?? 0}` : "—"}</td>
<td>${u.sequence && u.sequence > 1 ? html`<a href="${link(portalPaths.history(u.unitCode, year))}">${u.sequence - 1} 次</a>` : u.published ? "0 次" : "—"}</td>
</tr>`;
}

export function departmentScorecardPage(code: string, name: string, cards: readonly Scorecard[]): string {
  return portalPage(
    {
      path: portalPaths.scorecardDepartment(code),
      title: `${name}：公开情况`,
      section: "scorecard",
      crumbs: [
        { text: "首页", path: portalPaths.home() },
        { text: "公开情况", path: portalPaths.scorecard() },
      ],
      lead: EXPLAIN,
    },
    (link) => html`<p><a href="${link(portalPaths.department(code))}">${name}的已公开单位</a></p>
${cards.map(
  (card) => html`<section aria-labelledby="y${card.year}-title" data-year="${card.year}">
<h2 id="y${card.year}-title">${card.year} 年</h2>
${stats(card.totals)}
<div class="scroll" role="region" tabindex="0" aria-labelledby="y${card.year}-units"><table class="list scorecard-units">
<caption id="y${card.year}-units">${card.year} 年各单位</caption>
<thead><tr><th scope="col">单位</th><th scope="col">公开</th><th scope="col">首次公开</th><th scope="col">批复日期</th><th scope="col">按时</th><th scope="col">完整</th><th scope="col" class="num">错误 / 提示</th><th scope="col">更正</th></tr></thead>
<tbody>${card.units.map((u) => standingRow(link, card.year, u))}</tbody>
</table></div>
</section>`,
)}`,
  );
}
