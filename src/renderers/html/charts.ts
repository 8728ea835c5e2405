/**
 * The two charts of the published page — expenditure by function class and by economic class — as
 * inline SVG made server-side by ECharts (`renderer: "svg", ssr: true`), with no script in the page.
 * Each chart's data comes from 表1's blocks, so it agrees with the tables by construction, and each
 * is printed beside a data table with the exact figures.
 *
 * The SVG's own text holds only the category names and bare 万元 figures (no unit word, no
 * percentage), so a reader that takes the page's text for narrative finds no claim in it.
 */
import { createRequire } from "node:module";
import type * as Echarts from "echarts";
import type { Disclosure } from "../../model/disclosure.ts";
import { type Fen, formatWanYuan, sumFen } from "../../model/money.ts";
import type { Row, Table } from "../../model/table.ts";

// echarts' single-file CommonJS build loads in ~0.1 s; its ES modules take ~1.5 s through the loader,
// which every CLI run and every worker process would pay.
const echarts = createRequire(import.meta.url)("echarts") as typeof Echarts;

export interface ChartDatum {
  readonly name: string;
  readonly amount: Fen;
}

export interface ChartSpec {
  readonly id: string;
  readonly title: string;
  readonly data: readonly ChartDatum[];
}

const FONT = "Noto Sans CJK SC, Source Han Sans SC, PingFang SC, Microsoft YaHei, SimHei, sans-serif";
const FUNCTION_GROUP = /^支出功能/;
const DEPT_ECONOMIC_GROUP = /^部门预算支出经济/;

/** `1、一般公共服务支出` → `一般公共服务支出`; `(2)商品和服务支出` → `商品和服务支出`. */
export function withoutNumbering(label: string): string {
  return label.replace(/^\s*(?:[一二三四五六七八九十\d]+[、.．]|[（(][一二三四五六七八九十\d]+[)）])\s*/, "").trim();
}

function blockRows(table: Table | undefined, group: RegExp): Row[] {
  if (!table) return [];
  const name = table.groups?.find((g) => group.test(g));
  return name === undefined ? [] : table.rows.filter((r) => r.group === name);
}

/** Function classes (类): the item rows of 表1's 支出功能分类 block with an amount. */
function functionData(table: Table | undefined): ChartDatum[] {
  return blockRows(table, FUNCTION_GROUP)
    .filter((r) => r.kind === "item" && typeof r.values[0] === "number" && r.values[0] > 0)
    .map((r) => ({ name: withoutNumbering(r.label), amount: r.values[0] as Fen }));
}

/**
 * Economic classes (部门预算支出经济分类 类): the leaf item rows of 表1's 部门经济 block — 工资福利支出,
 * 商品和服务支出 … under 人员经费和公用经费 and under 专项业务经费 — summed by name.
 */
function economicData(table: Table | undefined): ChartDatum[] {
  const rows = blockRows(table, DEPT_ECONOMIC_GROUP);
  const sums = new Map<string, Fen[]>();
  rows.forEach((row, i) => {
    const next = rows[i + 1];
    const leaf = row.kind === "item" && !(next && next.kind === "item" && next.level > row.level);
    if (!leaf || typeof row.values[0] !== "number") return;
    const name = withoutNumbering(row.label);
    sums.set(name, [...(sums.get(name) ?? []), row.values[0] as Fen]);
  });
  return [...sums].map(([name, amounts]) => ({ name, amount: sumFen(amounts) })).filter((d) => d.amount > 0);
}

/** The charts the page shows: those with data. */
export function chartSpecs(disclosure: Disclosure): ChartSpec[] {
  const table1 = disclosure.tables.find((t) => t.number === 1);
  const specs: ChartSpec[] = [
    { id: "chart-function", title: "支出功能分类（按大类）", data: functionData(table1) },
    { id: "chart-economic", title: "部门预算支出经济分类（按大类）", data: economicData(table1) },
  ];
  return specs.filter((s) => s.data.length > 0);
}

/** The share of `part` in `total` in tenths of a percent, rounded half up, in integers. */
export function sharePerMille(part: Fen, total: Fen): number {
  if (total <= 0) return 0;
  return Number((BigInt(part) * 2000n + BigInt(total)) / (2n * BigInt(total)));
}

export function formatShare(perMille: number): string {
  return `${Math.floor(perMille / 10)}.${perMille % 10}%`;
}

/**
 * A horizontal bar chart as an SVG string, with `role="img"` and `label` as its text alternative.
 * ECharts' namespace attributes (not needed inline in HTML), hover styles and zrender class names
 * are dropped, so the SVG is the same every time and the page names no URL.
 */
export function barChartSvg(spec: ChartSpec, label: string): string {
  const width = 640;
  const height = 50 + 34 * spec.data.length;
  const longest = Math.max(...spec.data.map((d) => d.name.length));
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width, height });
  try {
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: FONT, color: "#222222" },
      grid: { left: Math.min(260, 14 * longest + 16), right: 70, top: 10, bottom: 30 },
      xAxis: { type: "value", axisLabel: { color: "#333333" }, splitLine: { lineStyle: { color: "#d0d4da" } } },
      yAxis: {
        type: "category",
        inverse: true,
        data: spec.data.map((d) => d.name),
        axisLabel: { color: "#222222", fontSize: 13 },
        axisLine: { lineStyle: { color: "#555555" } },
      },
      series: [
        {
          type: "bar",
          data: spec.data.map((d) => Number(formatWanYuan(d.amount))),
          itemStyle: { color: "#2f5597" },
          barMaxWidth: 22,
          label: { show: true, position: "right", color: "#222222", fontSize: 12 },
        },
      ],
    });
    const svg = chart.renderToSVGString();
    return svg
      .replace(/<style\b[\s\S]*?<\/style>/g, "")
      .replace(/\s(?:class|ecmeta_[a-z_]+)="[^"]*"/g, "")
      .replace(/^<svg\b[^>]*>/, `<svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${label}" focusable="false" class="chart">`)
      .replace(/\n+/g, "\n");
  } finally {
    chart.dispose();
  }
}

export interface YearOverYearDatum {
  readonly name: string;
  readonly before: Fen;
  readonly after: Fen;
}

export interface YearOverYearSpec {
  readonly id: string;
  readonly title: string;
  readonly years: readonly [number, number];
  readonly data: readonly YearOverYearDatum[];
}

/**
 * Expenditure by function class (类) of two years of one unit, side by side: the classes of either
 * year, in the later year's order and then the earlier year's; undefined when neither has any.
 */
export function yearOverYearSpec(before: Disclosure, after: Disclosure): YearOverYearSpec | undefined {
  const a = functionData(before.tables.find((t) => t.number === 1));
  const b = functionData(after.tables.find((t) => t.number === 1));
  const names = [...new Set([...b.map((d) => d.name), ...a.map((d) => d.name)])];
  if (names.length === 0) return undefined;
  const amount = (list: readonly ChartDatum[], name: string) => sumFen(list.filter((d) => d.name === name).map((d) => d.amount));
  return {
    id: "chart-yoy",
    title: "支出功能分类（按大类）上年与本年对比",
    years: [before.year ?? 0, after.year ?? 0],
    data: names.map((name) => ({ name, before: amount(a, name), after: amount(b, name) })),
  };
}

/** Two bars per class (the earlier year light, the later dark), as an SVG string like barChartSvg's. */
export function yearOverYearSvg(spec: YearOverYearSpec, label: string): string {
  const width = 640;
  const height = 80 + 52 * spec.data.length;
  const longest = Math.max(...spec.data.map((d) => d.name.length));
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width, height });
  try {
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: FONT, color: "#222222" },
      legend: { top: 0, textStyle: { color: "#222222", fontSize: 13 } },
      grid: { left: Math.min(260, 14 * longest + 16), right: 80, top: 36, bottom: 30 },
      xAxis: { type: "value", axisLabel: { color: "#333333" }, splitLine: { lineStyle: { color: "#d0d4da" } } },
      yAxis: {
        type: "category",
        inverse: true,
        data: spec.data.map((d) => d.name),
        axisLabel: { color: "#222222", fontSize: 13 },
        axisLine: { lineStyle: { color: "#555555" } },
      },
      series: [
        { name: `${spec.years[0]}年`, key: "before" as const, color: "#8fa9d6" },
        { name: `${spec.years[1]}年`, key: "after" as const, color: "#2f5597" },
      ].map((s) => ({
        type: "bar",
        name: s.name,
        data: spec.data.map((d) => Number(formatWanYuan(d[s.key]))),
        itemStyle: { color: s.color },
        barMaxWidth: 18,
        label: { show: true, position: "right", color: "#222222", fontSize: 12 },
      })),
    });
    const svg = chart.renderToSVGString();
    return svg
      .replace(/<style\b[\s\S]*?<\/style>/g, "")
      .replace(/\s(?:class|ecmeta_[a-z_]+)="[^"]*"/g, "")
      .replace(/^<svg\b[^>]*>/, `<svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${label}" focusable="false" class="chart">`)
      .replace(/\n+/g, "\n");
  } finally {
    chart.dispose();
  }
}
