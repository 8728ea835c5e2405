/**
 * A Disclosure as one self-contained HTML page (`gongkai render --format html`): inline CSS, inline
 * SVG charts, no script and no URL, so it opens offline and prints on A4.
 *
 * Layout, top to bottom: a skip link and a page nav; the title and the cover lines; the narrative (说明)
 * with headings in order (h2 for a part, one level deeper per numbering level, never skipping one); the
 * two charts with their data tables; the tables' 目录 (a table linking to each table); each standard
 * table as a `<table>` with its 表号, title and 单位 in the `<caption>`, header rows from `Table.header`
 * with colspan/rowspan and `scope`, row labels as `<th scope="row">`, amounts right-aligned in the
 * table's unit (元 with two decimals; 万元 with every decimal the fen amount has, at least two); 表1/4/9
 * as side-by-side blocks and 表13–15 as forms, as the template prints them (and the published workbook
 * lays them out); last, the check certificate.
 *
 * Every text from the document is HTML-escaped. The page reads back through the published-document
 * reader (src/importers/published) as the same tables: the caption gives the title and 单位 lines, the
 * 目录 table the 目录.
 */
import { type CheckCertificate, certificateLines } from "../../model/certificate.ts";
import type { Disclosure, NarrativeSection } from "../../model/disclosure.ts";
import { type Fen, formatYuan, sumFen } from "../../model/money.ts";
import type { CellValue, Field, HeaderCell, MeasureUnit, Row, Table } from "../../model/table.ts";
import { barChartSvg, chartSpecs, type ChartSpec, formatShare, sharePerMille, type YearOverYearSpec, yearOverYearSvg } from "./charts.ts";
import { PAGE_CSS } from "./style.ts";

export interface HtmlOptions {
  /** The check certificate, printed at the end of the page (and in a `<meta>` of the head). */
  readonly certificate?: CheckCertificate;
}

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** Escaped, with line breaks kept as `<br>`. */
function escapeLines(text: string): string {
  return text.split(/\r?\n/).map(escapeHtml).join("<br>");
}

const DECIMALS: Record<MeasureUnit, number> = { 元: 2, 千元: 5, 万元: 6 };

/**
 * An amount as printed: 元 with separators and two decimals (`2,259,811.00`); 万元 / 千元 with every
 * decimal the fen amount has, at least two (`225.9811`, `25.00`), so reading it back gives the same fen.
 */
export function formatAmount(amount: Fen, unit: MeasureUnit): string {
  if (unit === "元") return formatYuan(amount);
  const decimals = DECIMALS[unit];
  const negative = amount < 0;
  const digits = String(Math.abs(amount)).padStart(decimals + 1, "0");
  const whole = digits.slice(0, digits.length - decimals).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const fraction = digits.slice(digits.length - decimals).replace(/0+$/, "").padEnd(2, "0");
  return `${negative ? "-" : ""}${whole}.${fraction}`;
}

/** A zero amount prints blank, as the template (and the published workbook) leaves it: an empty table stays empty. */
function cellText(value: CellValue, unit: MeasureUnit): string {
  if (value === null || value === 0) return "";
  return typeof value === "number" ? formatAmount(value as Fen, unit) : escapeLines(value);
}

function valueCell(value: CellValue, unit: MeasureUnit, attributes = ""): string {
  const numeric = typeof value === "number" && value !== 0;
  return `<td${numeric ? ' class="num"' : ""}${attributes}>${cellText(value, unit)}</td>`;
}

/** The anchor of a table: `t5`, or `t13-2` for the second 表13. */
export function tableId(table: Pick<Table, "number" | "instance">): string {
  return `t${table.number}${table.instance ? `-${table.instance}` : ""}`;
}

function rowClass(row: Row): string {
  const classes = [`lv${Math.min(4, Math.max(0, row.level))}`];
  if (row.kind !== "item") classes.push(row.kind);
  return classes.join(" ");
}

// ---------------------------------------------------------------------------------------------------
// Header rows

interface PlacedHeader {
  readonly cell: HeaderCell;
  readonly row: number;
  readonly column: number;
  readonly id: string;
}

/** Places header cells on the grid as HTML does (spans from above push cells right). */
function placeHeader(header: readonly (readonly HeaderCell[])[], prefix: string): PlacedHeader[] {
  const taken = header.map(() => new Set<number>());
  const placed: PlacedHeader[] = [];
  header.forEach((cells, r) => {
    let column = 0;
    cells.forEach((cell, i) => {
      while (taken[r]!.has(column)) column += 1;
      const colSpan = cell.colSpan ?? 1;
      const rowSpan = cell.rowSpan ?? 1;
      for (let dr = 0; dr < rowSpan; dr += 1) for (let dc = 0; dc < colSpan; dc += 1) taken[r + dr]?.add(column + dc);
      placed.push({ cell, row: r, column, id: `${prefix}-h${r}-${i}` });
      column += colSpan;
    });
  });
  return placed;
}

function headerWidth(header: readonly (readonly HeaderCell[])[]): number {
  return (header[0] ?? []).reduce((n, c) => n + (c.colSpan ?? 1), 0);
}

/**
 * `<colgroup>`s after the first header row's cells (so `scope="colgroup"` has its groups), then the
 * `<thead>`: a cell spanning columns in the first row is `scope="colgroup"`, every other `scope="col"`.
 */
function headerHtml(header: readonly (readonly HeaderCell[])[], prefix: string, withIds: boolean): string {
  const placed = placeHeader(header, prefix);
  const groups = (header[0] ?? []).map((c) => `<colgroup${(c.colSpan ?? 1) > 1 ? ` span="${c.colSpan}"` : ""}></colgroup>`).join("");
  const rows = header.map((_, r) => {
    const cells = placed
      .filter((p) => p.row === r)
      .map(({ cell, id }) => {
        const colSpan = cell.colSpan ?? 1;
        const rowSpan = cell.rowSpan ?? 1;
        const scope = r === 0 && colSpan > 1 ? "colgroup" : "col";
        const spans = `${colSpan > 1 ? ` colspan="${colSpan}"` : ""}${rowSpan > 1 ? ` rowspan="${rowSpan}"` : ""}`;
        return `<th scope="${scope}"${spans}${withIds ? ` id="${id}"` : ""}>${escapeLines(cell.text)}</th>`;
      });
    return `<tr>${cells.join("")}</tr>`;
  });
  return `${groups}<thead>${rows.join("")}</thead>`;
}

/** The ids of the header cells above column `c`, top to bottom. */
function headersOver(placed: readonly PlacedHeader[], c: number): string[] {
  return placed.filter((p) => p.column <= c && c < p.column + (p.cell.colSpan ?? 1)).map((p) => p.id);
}

function caption(table: Table): string {
  const id = tableId(table);
  return `<caption id="${id}-caption"><div class="title">表${table.number} ${escapeHtml(table.title)}</div><div class="unit">单位：${table.unit}</div></caption>`;
}

function notes(table: Table): string {
  const lines = [...(table.notes ?? [])];
  if (table.empty) lines.push(`注：本表为空表。${table.emptyReason ?? ""}`);
  return lines.map((n) => `<p class="note">${escapeHtml(n)}</p>`).join("\n");
}

function tableOpen(table: Table, kind: string): string {
  return `<table id="${tableId(table)}" class="std ${kind}">${caption(table)}`;
}

// ---------------------------------------------------------------------------------------------------
// Row tables (表2/3/5–8/10–12)

/** Options for a table's markup: where a row's 科目 code links to (the portal's 科目 pages); none by default. */
export interface TableHtmlOptions {
  /** The href a row's name (科目名称) links to, for a row of a row table with a code; undefined for no link. */
  readonly rowLink?: (table: Table, row: Row) => string | undefined;
  /** Make the table's section focusable (`tabindex="0"`), for a page that lets it scroll sideways on a narrow screen. */
  readonly focusable?: boolean;
}

function rowTable(table: Table, options: TableHtmlOptions): string {
  const header: readonly (readonly HeaderCell[])[] =
    table.header.length > 0 ? table.header : [[{ text: "编码" }, { text: "名称" }, ...table.columns.map((c) => ({ text: c.label }))]];
  const width = Math.max(headerWidth(header), 2 + table.columns.length);
  const body = table.rows.map((row) => {
    const link = row.code ? options.rowLink?.(table, row) : undefined;
    const label = escapeLines(row.label);
    const cells = [
      `<td class="code">${escapeHtml(row.code ?? "")}</td>`,
      `<th scope="row" class="label">${link ? `<a href="${escapeHtml(link)}">${label}</a>` : label}</th>`,
      ...table.columns.map((column, i) => valueCell(row.values[i] ?? null, column.unit ?? table.unit)),
    ];
    for (let c = cells.length; c < width; c += 1) cells.push("<td></td>");
    return `<tr class="${rowClass(row)}">${cells.join("")}</tr>`;
  });
  return `${tableOpen(table, "rows")}${headerHtml(header, tableId(table), false)}<tbody>${body.join("\n")}</tbody></table>`;
}

// ---------------------------------------------------------------------------------------------------
// 表1/4/9: blocks side by side

function blocksTable(table: Table): string {
  const id = tableId(table);
  const groups = table.groups ?? [];
  const placed = placeHeader(table.header, id);
  const blocks = groups.map((g) => table.rows.filter((r) => r.group === g));
  const height = Math.max(0, ...blocks.map((b) => b.length));
  const body: string[] = [];
  for (let i = 0; i < height; i += 1) {
    const cells = blocks.flatMap((block, b) => {
      const row: Row | undefined = block[i];
      if (!row) return ["<td></td>", "<td></td>"];
      const labelId = `${id}-r${i}-b${b}`;
      // A row header belongs to its block only: the amount names its label and its column headers.
      const headers = [...headersOver(placed, 2 * b + 1), labelId].join(" ");
      return [
        `<th scope="row" id="${labelId}" class="label ${rowClass(row)}">${escapeLines(row.label)}</th>`,
        valueCell(row.values[0] ?? null, table.unit, ` headers="${headers}"`).replace("<td", `<td data-kind="${row.kind}"`),
      ];
    });
    body.push(`<tr>${cells.join("")}</tr>`);
  }
  return `${tableOpen(table, "blocks")}${headerHtml(table.header, id, true)}<tbody>${body.join("\n")}</tbody></table>`;
}

// ---------------------------------------------------------------------------------------------------
// 表13–15: forms (six columns, as the published workbook lays them out)

const FORM_WIDTH = 6;

function fieldCell(field: Field | undefined, table: Table): string {
  if (!field) return "<td></td>";
  return valueCell(field.value, field.unit ?? table.unit);
}

function textFieldRow(field: Field, table: Table): string {
  return `<tr><th scope="row">${escapeHtml(field.label)}</th><td colspan="${FORM_WIDTH - 1}" class="text">${cellText(field.value, field.unit ?? table.unit)}</td></tr>`;
}

/**
 * The fields: text fields on rows of their own (label, value across the rest), the amounts grouped
 * under 资金金额（万元） — a parent and its 其中 lines below it, two parents side by side when the form
 * has two (表15) — and the goals after the amounts.
 */
function formFields(table: Table, fields: readonly Field[]): string[] {
  const amounts = fields.filter((f) => f.unit !== undefined || typeof f.value === "number");
  const texts = fields.filter((f) => !amounts.includes(f));
  const goals = texts.filter((f) => /目标/.test(f.label));
  const out = texts.filter((f) => !goals.includes(f)).map((f) => textFieldRow(f, table));
  if (amounts.length > 0) {
    const parents = amounts.filter((f) => !f.label.includes("/") && /总额$/.test(f.label));
    const columns = parents.length > 1 ? parents.map((p) => [p, ...amounts.filter((f) => f.label.startsWith(`${p.label}/`))]) : [amounts];
    const height = Math.max(...columns.map((c) => c.length));
    for (let i = 0; i < height; i += 1) {
      const cells: string[] = [];
      if (i === 0) cells.push(`<th scope="rowgroup" rowspan="${height}">资金金额（${table.unit}）</th>`);
      columns.forEach((column) => {
        const field = column[i];
        const label = field ? field.label.slice(field.label.indexOf("/") + 1) : "";
        cells.push(`<th scope="row" class="sub">${escapeHtml(label && i === 0 ? `${label}：` : label)}</th>`, fieldCell(field, table));
      });
      const rest = FORM_WIDTH - 1 - 2 * columns.length;
      if (rest > 0) cells.push(`<td${rest > 1 ? ` colspan="${rest}"` : ""}></td>`);
      out.push(`<tr>${cells.join("")}</tr>`);
    }
  }
  out.push(...goals.map((f) => textFieldRow(f, table)));
  return out;
}

/** 表14's 年度主要任务: 任务名称 | 主要内容 | 预算金额 总额 / 财政拨款 / 其他资金, then 金额合计. */
function formTasks(table: Table, rows: readonly Row[]): string[] {
  const out = [
    `<tr><th scope="rowgroup" rowspan="${rows.length + 2}">年度主要任务</th><th scope="col" rowspan="2">任务名称</th><th scope="col" rowspan="2">主要内容</th><th scope="col" colspan="3">预算金额（${table.unit}）</th></tr>`,
    `<tr><th scope="col">总额</th><th scope="col">财政拨款</th><th scope="col">其他资金</th></tr>`,
  ];
  for (const row of rows) {
    const amounts = [1, 2, 3].map((i) => valueCell(row.values[i] ?? null, table.unit)).join("");
    out.push(`<tr class="${rowClass(row)}"><th scope="row">${escapeLines(row.label)}</th>${valueCell(row.values[0] ?? null, table.unit)}${amounts}</tr>`);
  }
  return out;
}

/** Lengths of the runs of equal keys: [3, 0, 0, 2, 0] — a run's first row carries its length. */
function runLengths<T>(items: readonly T[], key: (item: T) => string): number[] {
  const out = items.map(() => 0);
  let start = 0;
  items.forEach((item, i) => {
    const next = items[i + 1];
    if (next !== undefined && key(next) === key(item)) return;
    out[start] = i - start + 1;
    start = i + 1;
  });
  return out;
}

/** The 绩效指标 grid: 一级指标 and 二级指标 merged down over their indicators, as the template prints them. */
function formIndicators(table: Table, rows: readonly Row[], offset: number, label: string): string[] {
  const text = (row: Row, i: number) => String(row.values[offset + i] ?? "");
  const level1Runs = runLengths(rows, (r) => text(r, 0));
  const level2Runs = runLengths(rows, (r) => `${text(r, 0)}/${text(r, 1)}`);
  const out = [
    `<tr><th scope="rowgroup" rowspan="${rows.length + 1}">${label}</th><th scope="col">一级指标</th><th scope="col">二级指标</th><th scope="col">指标内容</th><th scope="col">指标值</th><th scope="col">备注</th></tr>`,
  ];
  rows.forEach((row, i) => {
    const cells: string[] = [];
    const span = (n: number) => (n > 1 ? ` rowspan="${n}"` : "");
    if (level1Runs[i]! > 0) cells.push(`<td${span(level1Runs[i]!)}>${cellText(row.values[offset] ?? null, table.unit)}</td>`);
    if (level2Runs[i]! > 0) cells.push(`<td${span(level2Runs[i]!)}>${cellText(row.values[offset + 1] ?? null, table.unit)}</td>`);
    cells.push(`<td>${escapeLines(row.label)}</td>`, valueCell(row.values[offset + 2] ?? null, table.unit), valueCell(row.values[offset + 3] ?? null, table.unit));
    out.push(`<tr>${cells.join("")}</tr>`);
  });
  return out;
}

function formTable(table: Table): string {
  const overall = table.number === 14;
  const taskGroup = overall ? table.groups?.[0] : undefined;
  const tasks = taskGroup ? table.rows.filter((r) => r.group === taskGroup) : [];
  const indicators = table.rows.filter((r) => !tasks.includes(r));
  const fields = table.fields ?? [];
  const rows: string[] = [];
  if (overall) {
    const name = fields.filter((f) => !/目标/.test(f.label));
    rows.push(...formFields(table, name), ...formTasks(table, tasks), ...formFields(table, fields.filter((f) => !name.includes(f))));
  } else {
    rows.push(...formFields(table, fields));
  }
  rows.push(...formIndicators(table, indicators, overall ? 4 : 0, table.number === 15 ? "绩效指标" : "年度绩效指标"));
  const cols = `<colgroup><col class="form-head"><col span="${FORM_WIDTH - 1}"></colgroup>`;
  return `${tableOpen(table, "form")}${cols}<tbody>${rows.join("\n")}</tbody></table>`;
}

// ---------------------------------------------------------------------------------------------------
// Page parts

export function renderTableHtml(table: Table, options: TableHtmlOptions = {}): string {
  const grid = table.layout === "blocks" ? blocksTable(table) : table.layout === "form" ? formTable(table) : rowTable(table, options);
  const wide = table.layout === "blocks" || table.columns.length >= 7;
  return `<section class="table-section${wide ? " wide" : ""}" aria-labelledby="${tableId(table)}-caption"${options.focusable ? ' tabindex="0"' : ""}>\n${grid}\n${notes(table)}\n</section>`;
}

/** Heading levels in order: h2 for a part, one deeper per numbering level, never more than one deeper than the last. */
export function narrativeHtml(sections: readonly NarrativeSection[]): string {
  let previous = 1;
  return sections
    .map((section, i) => {
      const parts: string[] = [];
      if (section.heading.trim() !== "") {
        const wanted = section.path.length === 0 ? 2 : section.path.length + 1;
        const level = Math.max(2, Math.min(6, wanted, previous + 1));
        previous = level;
        parts.push(`<h${level} id="s${i + 1}">${escapeHtml(section.heading)}</h${level}>`);
      }
      for (const paragraph of section.text.split(/\r?\n/)) if (paragraph.trim() !== "") parts.push(`<p>${escapeHtml(paragraph)}</p>`);
      return parts.join("\n");
    })
    .join("\n");
}

export function chartHtml(spec: ChartSpec, index: number): string {
  const total = spec.data.reduce((n, d) => n + d.amount, 0) as Fen;
  const described = spec.data.map((d) => `${d.name} ${formatYuan(d.amount)} 元，占 ${formatShare(sharePerMille(d.amount, total))}`).join("；");
  const label = escapeHtml(`条形图：${spec.title}，单位万元。${described}。`);
  const rows = spec.data
    .map((d) => `<tr><th scope="row">${escapeHtml(d.name)}</th><td class="num">${formatYuan(d.amount)}</td><td class="num">${formatShare(sharePerMille(d.amount, total))}</td></tr>`)
    .join("\n");
  const figure = `图${index + 1} ${escapeHtml(spec.title)}`;
  return `<figure id="${spec.id}" class="chart-figure">
<figcaption>${figure}（图中单位：万元）</figcaption>
<div class="chart-pair">
${barChartSvg(spec, label)}
<table class="chart-data"><caption>${figure}数据</caption><thead><tr><th scope="col">科目</th><th scope="col">预算数（元）</th><th scope="col">占比</th></tr></thead>
<tbody>${rows}
<tr class="total"><th scope="row">合计</th><td class="num">${formatYuan(total)}</td><td class="num">100.0%</td></tr></tbody></table>
</div>
</figure>`;
}

/** A change as printed in a data table: `+12,345.00` / `-12,345.00` / `0.00`. */
function signedYuan(amount: Fen): string {
  return `${amount > 0 ? "+" : ""}${formatYuan(amount)}`;
}

/** The change from `before` to `after` in tenths of a percent of `before`, rounded half away from zero; undefined when `before` is 0. */
function changePerMille(before: Fen, after: Fen): number | undefined {
  if (before === 0) return undefined;
  const d = BigInt(after - before) * 2000n;
  const q = (d + (d >= 0n ? BigInt(before) : -BigInt(before))) / (2n * BigInt(before));
  return Number(q);
}

function formatChange(perMille: number | undefined): string {
  if (perMille === undefined) return "—";
  const sign = perMille > 0 ? "+" : perMille < 0 ? "-" : "";
  const n = Math.abs(perMille);
  return `${sign}${Math.floor(n / 10)}.${n % 10}%`;
}

/** A year-over-year chart as a figure: the SVG with its text alternative, beside its data table (上年, 本年, 增减, 增减率). */
export function yearOverYearChartHtml(spec: YearOverYearSpec, index: number): string {
  const [y1, y2] = spec.years;
  const described = spec.data
    .map((d) => `${d.name} ${y1}年 ${formatYuan(d.before)} 元，${y2}年 ${formatYuan(d.after)} 元，增减 ${signedYuan((d.after - d.before) as Fen)} 元`)
    .join("；");
  const label = escapeHtml(`条形图：${spec.title}，单位万元。${described}。`);
  const rows = spec.data
    .map(
      (d) =>
        `<tr><th scope="row">${escapeHtml(d.name)}</th><td class="num">${formatYuan(d.before)}</td><td class="num">${formatYuan(d.after)}</td><td class="num">${signedYuan((d.after - d.before) as Fen)}</td><td class="num">${formatChange(changePerMille(d.before, d.after))}</td></tr>`,
    )
    .join("\n");
  const before = sumFen(spec.data.map((d) => d.before));
  const after = sumFen(spec.data.map((d) => d.after));
  const figure = `图${index + 1} ${escapeHtml(spec.title)}`;
  return `<figure id="${spec.id}" class="chart-figure">
<figcaption>${figure}（图中单位：万元）</figcaption>
<div class="chart-pair">
${yearOverYearSvg(spec, label)}
<table class="chart-data"><caption>${figure}数据</caption><thead><tr><th scope="col">科目</th><th scope="col">${y1}年（元）</th><th scope="col">${y2}年（元）</th><th scope="col">增减（元）</th><th scope="col">增减率</th></tr></thead>
<tbody>${rows}
<tr class="total"><th scope="row">合计</th><td class="num">${formatYuan(before)}</td><td class="num">${formatYuan(after)}</td><td class="num">${signedYuan((after - before) as Fen)}</td><td class="num">${formatChange(changePerMille(before, after))}</td></tr></tbody></table>
</div>
</figure>`;
}

export function tocHtml(disclosure: Disclosure): string {
  const rows = disclosure.toc.map((entry) => {
    const first = disclosure.tables.find((t) => t.number === entry.number);
    const title = first ? `<a href="#${tableId(first)}">${escapeHtml(entry.title)}</a>` : escapeHtml(entry.title);
    return `<tr><th scope="row">表${entry.number}</th><td>${title}</td><td class="center">${entry.empty ? "是" : "否"}</td><td>${escapeHtml(entry.emptyReason ?? "")}</td></tr>`;
  });
  return `<h3 id="toc">目录</h3>
<table class="toc" aria-labelledby="toc"><thead><tr><th scope="col">报表</th><th scope="col">报表名称</th><th scope="col">是否空表</th><th scope="col">公开空表理由</th></tr></thead>
<tbody>${rows.join("\n")}</tbody></table>`;
}

export function certificateHtml(certificate: CheckCertificate): string {
  const items = certificateLines(certificate).map((line) => `<li>${escapeHtml(line)}</li>`);
  return `<section id="certificate" class="certificate" aria-labelledby="certificate-title">
<h2 id="certificate-title">校验证明</h2>
<ul>${items.join("")}</ul>
<p>任何人都可以用同一版本的 Gongkai 对本页运行 gongkai check，复核上述校验结果。</p>
</section>`;
}

export function renderHtml(disclosure: Disclosure, options: HtmlOptions = {}): string {
  const phase = disclosure.phase ?? "预算";
  const year = disclosure.year ? `${disclosure.year}年` : "";
  const name = disclosure.unitName ?? "";
  const title = `${name}${year}单位${phase}公开`;
  const cover = [
    ...(name ? [`部门（单位）名称：${name}`] : []),
    ...Object.entries(disclosure.cover).map(([label, value]) => `${label}：${value}`),
  ];
  const charts = chartSpecs(disclosure);
  const certificate = options.certificate;
  const nav = [
    disclosure.narrative.length > 0 ? `<li><a href="#narrative">${year}单位${phase}公开说明</a></li>` : "",
    charts.length > 0 ? `<li><a href="#charts">支出结构图</a></li>` : "",
    `<li><a href="#toc">公开报表目录</a></li>`,
    certificate ? `<li><a href="#certificate">校验证明</a></li>` : "",
  ].filter((l) => l !== "");
  const meta = certificate
    ? `\n<meta name="generator" content="${escapeHtml(`${certificate.tool} ${certificate.version}`)}">\n<meta name="gongkai-certificate" content="${escapeHtml(JSON.stringify(certificate))}">`
    : "";
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">${meta}
<title>${escapeHtml(title)}</title>
<style>
${PAGE_CSS}
</style>
</head>
<body>
<a class="skip-link" href="#main">跳到正文</a>
<header class="cover">
<h1>${escapeHtml(title)}</h1>
${cover.map((line) => `<p>${escapeHtml(line)}</p>`).join("\n")}
<nav class="page-nav" aria-label="页内导航"><ul>${nav.join("")}</ul></nav>
</header>
<main id="main" tabindex="-1">
${disclosure.narrative.length > 0 ? `<section id="narrative" class="narrative">\n${narrativeHtml(disclosure.narrative)}\n</section>` : ""}
${charts.length > 0 ? `<section id="charts" class="charts" aria-labelledby="charts-title">\n<h2 id="charts-title">支出结构图</h2>\n${charts.map(chartHtml).join("\n")}\n</section>` : ""}
<section id="tables" class="tables" aria-labelledby="tables-title">
<h2 id="tables-title">${escapeHtml(`${year}部门（单位）综合${phase}公开报表`)}</h2>
${tocHtml(disclosure)}
${disclosure.tables.map((t) => renderTableHtml(t)).join("\n")}
</section>
${certificate ? certificateHtml(certificate) : ""}
</main>
</body>
</html>
`;
}
