/**
 * The disclosure page of a unit and year (`/portal/units/<code>/<year>/`, or one publication of it at
 * `…/<sequence>/`), and its version history with the redline of each correction (`…/history/`).
 *
 * The published content is the published page's own pieces (src/renderers/html): the narrative, the
 * 目录, every table (each 科目 name linking to its explanation page), the charts with their data-table
 * twins and text alternatives, the check certificate. Around them: the downloads, the year-over-year
 * chart when the unit published an earlier year, the publications, links to the other years and to
 * comparisons. Each page is a pure function of its input, so it can be cached by publication id.
 */
import type { Disclosure } from "../../model/disclosure.ts";
import type { Row, Table } from "../../model/table.ts";
import { chartSpecs, yearOverYearSpec } from "../../renderers/html/charts.ts";
import { certificateHtml, chartHtml, narrativeHtml, renderTableHtml, tocHtml, yearOverYearChartHtml } from "../../renderers/html/render-html.ts";
import type { PortalEntry } from "../../store/repositories/portal.ts";
import type { PublicationRecord } from "../../store/repositories/publications.ts";
import { diffNarrative, diffTables } from "../../workflow/diff.ts";
import { renderNarrativeDiff, renderTableDiff } from "../views/diff.ts";
import type { PublishedVersion } from "./data.ts";
import { portalPage } from "./layout.ts";
import { DOWNLOAD_FILES, type DownloadFile, type Linker, portalPaths, subjectKindOf } from "./links.ts";
import { type Content, html, raw } from "./markup.ts";
import { formatDateTime, hono } from "./format.ts";

export interface DisclosurePageInput {
  /** The disclosure's entry (its newest publication). */
  readonly entry: PortalEntry;
  /** Every publication, newest first. */
  readonly publications: readonly PublicationRecord[];
  /** The publication shown, with what it published. */
  readonly shown: PublishedVersion;
  /** Whether the page is the publication's own address (`…/<sequence>/`) rather than the unit and year's. */
  readonly bySequence: boolean;
  /** The unit's nearest earlier published year, for the year-over-year chart. */
  readonly previous?: { readonly year: number; readonly disclosure: Disclosure };
  /** Every year the unit published, newest first. */
  readonly years: readonly number[];
  /** Other units of the 主管部门 that published the same year (code order). */
  readonly siblings: readonly { readonly code: string; readonly name: string }[];
}

export const DOWNLOAD_NAMES: Record<DownloadFile, { readonly name: string; readonly type: string }> = {
  "disclosure.pdf": { name: "PDF 文件（打印版）", type: "application/pdf" },
  "disclosure.xlsx": { name: "Excel 工作簿（目录与全部报表）", type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
  "disclosure.docx": { name: "Word 文档（可编辑）", type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
  "datapackage.zip": { name: "开放数据包（ZIP：CSV 与 datapackage.json）", type: "application/zip" },
};

/** The page title of a unit's disclosure, as the published page names it. */
export function disclosureTitle(entry: Pick<PortalEntry, "unitName" | "year">): string {
  return `${entry.unitName}${entry.year}年单位预算公开`;
}

/** The 科目 page of a row of a row table, when its code is a 科目 code (not in a table by unit, whose codes are 单位编码). */
function subjectLink(link: Linker): (table: Table, row: Row) => string | undefined {
  return (table, row) => {
    if ((table.header[0]?.[0]?.text ?? "").includes("单位")) return undefined;
    const kind = row.code ? subjectKindOf(row.code) : undefined;
    return kind && row.code ? link(portalPaths.subject(kind, row.code)) : undefined;
  };
}

/** A table whose section scrolls sideways on a narrow screen (focusable, so keyboards can scroll it). */
function scrollingTable(table: Table, link: Linker): Content {
  return raw(renderTableHtml(table, { rowLink: subjectLink(link), focusable: true }));
}

/**
 * A chart figure whose chart-and-data-table pair scrolls sideways on a narrow screen (the
 * year-over-year table is wider than a phone): the pair is focusable, so keyboards can scroll it too.
 */
function scrollingChart(figure: string): Content {
  const pair = '<div class="chart-pair">';
  if (!figure.includes(pair)) throw new Error("图表的 HTML 中没有 chart-pair");
  return raw(figure.replace(pair, '<div class="chart-pair" tabindex="0">'));
}

function downloadsSection(entry: PortalEntry, sequence: number, link: Linker): Content {
  return html`<section id="downloads" class="downloads" aria-labelledby="downloads-title">
<h2 id="downloads-title">下载</h2>
<p>以下文件均由第 ${sequence} 次发布的版本生成，内容与本页一致。</p>
<ul>${DOWNLOAD_FILES.map((file) => html`<li><a href="${link(portalPaths.download(entry.unitCode, entry.year, sequence, file))}" download data-format="${file.split(".")[1]!}">${DOWNLOAD_NAMES[file].name}</a></li>`)}</ul>
</section>`;
}

function publicationsSection(input: DisclosurePageInput, link: Linker): Content {
  const { entry, publications, shown } = input;
  return html`<section id="versions" aria-labelledby="versions-title">
<h2 id="versions-title">发布与更正</h2>
<ol class="publication-list" reversed>${publications.map(
    (p) => html`<li data-sequence="${p.sequence}">${p.id === shown.publication.id ? html`<strong>第 ${p.sequence} 次发布（本页）</strong>` : html`<a href="${link(portalPaths.publication(entry.unitCode, entry.year, p.sequence))}">第 ${p.sequence} 次发布</a>`}${p.sequence === entry.sequence ? "（现行）" : ""} · ${formatDateTime(p.publishedAt)}
${p.note ? html`<p class="version-note">更正说明：${p.note}</p>` : ""}</li>`,
  )}</ol>
<p><a href="${link(portalPaths.history(entry.unitCode, entry.year))}">查看版本历史与每次更正的逐项对照</a></p>
</section>`;
}

function relatedSection(input: DisclosurePageInput, link: Linker): Content {
  const { entry, years, siblings } = input;
  const otherYears = years.filter((y) => y !== entry.year);
  const earlier = otherYears.filter((y) => y < entry.year)[0];
  const later = [...otherYears].reverse().find((y) => y > entry.year);
  const compares = [earlier, later].filter((y): y is number => y !== undefined);
  return html`<section id="related" aria-labelledby="related-title">
<h2 id="related-title">其他年度与比较</h2>
${otherYears.length > 0
  ? html`<p>本单位其他年度：${otherYears.map((y, i) => html`${i > 0 ? "、" : ""}<a href="${link(portalPaths.disclosure(entry.unitCode, y))}">${y} 年</a>`)}</p>`
  : html`<p>本单位暂无其他年度的公开预算。</p>`}
<ul>
${compares.map((y) => {
  const [a, b] = y < entry.year ? [y, entry.year] : [entry.year, y];
  return html`<li><a href="${link(portalPaths.compareYears(entry.unitCode, a, b))}">比较 ${a} 年与 ${b} 年</a></li>`;
})}
${siblings.slice(0, 10).map((s) => {
  const [a, b] = s.code < entry.unitCode ? [s.code, entry.unitCode] : [entry.unitCode, s.code];
  return html`<li><a href="${link(portalPaths.compareUnits(entry.year, a, b))}">与${s.name}比较（${entry.year} 年）</a></li>`;
})}
<li><a href="${link(portalPaths.departmentYear(entry.departmentCode, entry.year))}">${entry.departmentName} ${entry.year} 年汇总</a></li>
</ul>
</section>`;
}

/** The disclosure page. */
export function disclosurePage(input: DisclosurePageInput): string {
  const { entry, shown } = input;
  const { disclosure, publication } = shown;
  const path = input.bySequence ? portalPaths.publication(entry.unitCode, entry.year, publication.sequence) : portalPaths.disclosure(entry.unitCode, entry.year);
  const current = publication.sequence === entry.sequence;
  const charts = chartSpecs(disclosure);
  const yoy = input.previous ? yearOverYearSpec(input.previous.disclosure, disclosure) : undefined;
  const title = disclosureTitle(entry);
  return portalPage(
    {
      path,
      title,
      section: "browse",
      crumbs: [
        { text: "首页", path: portalPaths.home() },
        { text: entry.region || "未注明地区", path: portalPaths.region(entry.region) },
        { text: entry.departmentName, path: portalPaths.department(entry.departmentCode) },
        { text: entry.unitName, path: portalPaths.unit(entry.unitCode) },
      ],
      lead: html`主管部门：${entry.departmentName} · 地区：${entry.region || "未注明"} · 第 ${publication.sequence} 次发布，${formatDateTime(publication.publishedAt)}`,
    },
    (link) => html`${current
      ? ""
      : html`<p class="version-note" role="note">这是第 ${publication.sequence} 次发布的内容，已被更正；<a href="${link(portalPaths.disclosure(entry.unitCode, entry.year))}">查看现行的第 ${entry.sequence} 次发布</a>。</p>`}
${Object.entries(disclosure.cover).map(([label, value]) => html`<p class="muted">${label}：${value}</p>`)}
<nav class="page-nav" aria-label="本页目录"><ul>
${disclosure.narrative.length > 0 ? html`<li><a href="#narrative">预算公开说明</a></li>` : ""}
${charts.length > 0 || yoy ? html`<li><a href="#charts">支出结构图</a></li>` : ""}
<li><a href="#tables">公开报表</a></li>
<li><a href="#downloads">下载</a></li>
<li><a href="#versions">发布与更正</a></li>
<li><a href="#certificate">校验证明</a></li>
</ul></nav>
${downloadsSection(entry, publication.sequence, link)}
${disclosure.narrative.length > 0 ? html`<section id="narrative" class="narrative" aria-label="预算公开说明">\n${raw(narrativeHtml(disclosure.narrative))}\n</section>` : ""}
${charts.length > 0 || yoy
  ? html`<section id="charts" class="charts" aria-labelledby="charts-title">
<h2 id="charts-title">支出结构图</h2>
${charts.map((chart, i) => scrollingChart(chartHtml(chart, i)))}
${yoy ? scrollingChart(yearOverYearChartHtml(yoy, charts.length)) : ""}
</section>`
  : ""}
<section id="tables" class="tables" aria-labelledby="tables-title">
<h2 id="tables-title">${entry.year}年部门（单位）综合预算公开报表</h2>
${raw(tocHtml(disclosure))}
${disclosure.tables.map((t) => scrollingTable(t, link))}
</section>
${publicationsSection(input, link)}
${relatedSection(input, link)}
${raw(certificateHtml(shown.certificate))}`,
  );
}

export interface HistoryPageInput {
  readonly entry: PortalEntry;
  /** Every publication with what it published, newest first. */
  readonly versions: readonly PublishedVersion[];
}

/** The version history: each publication, its note, and the cell-level redline against the one before it. */
export function historyPage(input: HistoryPageInput): string {
  const { entry, versions } = input;
  return portalPage(
    {
      path: portalPaths.history(entry.unitCode, entry.year),
      title: `${disclosureTitle(entry)}：版本历史`,
      section: "browse",
      crumbs: [
        { text: "首页", path: portalPaths.home() },
        { text: entry.unitName, path: portalPaths.unit(entry.unitCode) },
        { text: `${entry.year} 年`, path: portalPaths.disclosure(entry.unitCode, entry.year) },
      ],
      lead: "已公开的文本不会被修改：每次更正都作为新的一次发布，并附更正说明；下面逐项列出每次更正改动的单元格（原值、新值与增减）和说明文字。",
    },
    (link) =>
      html`${versions.map((v, i) => {
        const p = v.publication;
        const before = versions[i + 1];
        const tableHref = (t: { id: string }) => link(`${portalPaths.publication(entry.unitCode, entry.year, p.sequence)}#t${t.id}`);
        return html`<section class="publication" id="p${p.sequence}" data-sequence="${p.sequence}" aria-labelledby="p${p.sequence}-title">
<h2 id="p${p.sequence}-title">第 ${p.sequence} 次发布${p.sequence === entry.sequence ? "（现行）" : ""}</h2>
<p>发布时间：${formatDateTime(p.publishedAt)} · <a href="${link(portalPaths.publication(entry.unitCode, entry.year, p.sequence))}">查看这次发布的全文</a></p>
${p.note ? html`<p class="version-note correction-note">更正说明：${p.note}</p>` : p.sequence > 1 ? html`<p class="version-note correction-note">（未填写更正说明）</p>` : ""}
${before
  ? html`<h3>与第 ${before.publication.sequence} 次发布相比：报表</h3>
${hono(renderTableDiff(diffTables(before.disclosure, v.disclosure), "报表数据没有变化。", tableHref))}
<h3>与第 ${before.publication.sequence} 次发布相比：说明</h3>
${hono(renderNarrativeDiff(diffNarrative(before.disclosure, v.disclosure)))}`
  : html`<p>首次发布。</p>`}
</section>`;
      })}`,
  );
}

