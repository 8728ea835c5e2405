/**
 * 工作簿基准 / Published-workbook benchmark.
 *
 * Two documents: the seed example (汉中市政务服务中心 2023), and a synthetic unit of at least 300
 * expenditure lines (the lines, projects and revenue of several synthetic units merged into one, so its
 * tables are long: 表5/表6 rows, 表10 projects, one 表13 sheet per project). For each, timed separately
 * and repeated: build the Disclosure (BudgetDocument → 15 tables), render the published workbook to .xlsx
 * bytes, read the bytes back into a Disclosure, and run all rules on what was read.
 * `--units` sets the number of repetitions (at most 20; the figures are medians).
 */
import { fileURLToPath } from "node:url";
import type { Catalog } from "../src/catalog/catalog.ts";
import { loadCatalog } from "../src/catalog/load.ts";
import { readPublishedWorkbook } from "../src/importers/published-xlsx/read-workbook.ts";
import type { BudgetDocument, Revenue } from "../src/model/budget-document.ts";
import { sumFen } from "../src/model/money.ts";
import { buildDisclosure } from "../src/pipeline/build-disclosure.ts";
import { checkDisclosure } from "../src/pipeline/check.ts";
import { prepareDocument } from "../src/pipeline/prepare.ts";
import { renderPublishedXlsx } from "../src/renderers/xlsx/render-published-xlsx.ts";
import { syntheticBudgetDocument } from "../test/support/arbitrary-budget.ts";
import { type Benchmark, collectGarbage, type Figure, MB, maxRssBytes } from "./harness.ts";

const EXAMPLE = fileURLToPath(new URL("../examples/hanzhong-zwfwzx-2023.budget.json", import.meta.url));
const LINES = 300;
const MAX_REPEATS = 20;

/** Synthetic units merged into one until it has `lines` expenditure lines. */
export function largeUnit(catalog: Catalog, lines: number): BudgetDocument {
  const first = syntheticBudgetDocument(3_000_000, catalog);
  let doc: BudgetDocument = first;
  for (let seed = 3_000_001; doc.expenditure.length < lines; seed += 1) {
    const next = syntheticBudgetDocument(seed, catalog);
    const id = (p: string) => `U${seed}${p}`;
    const revenue = new Map<string, Revenue>();
    for (const r of [...doc.revenue, ...next.revenue]) {
      const before = revenue.get(r.source);
      revenue.set(r.source, before ? { ...before, amount: sumFen([before.amount, r.amount]) } : r);
    }
    doc = {
      ...doc,
      expenditure: [...doc.expenditure, ...next.expenditure.map((l) => (l.project ? { ...l, project: id(l.project) } : l))],
      projects: [...doc.projects, ...next.projects.map((p) => ({ ...p, id: id(p.id), name: `${p.name}（${seed}）` }))],
      revenue: [...revenue.values()],
    };
  }
  return doc;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function measure(label: string, en: string, doc: BudgetDocument, catalog: Catalog, repeats: number): Promise<Figure[]> {
  const build: number[] = [];
  const render: number[] = [];
  const read: number[] = [];
  const check: number[] = [];
  let size = 0;
  let errors = 0;
  let sheets = 0;
  for (let i = 0; i <= repeats; i += 1) {
    collectGarbage();
    let t = performance.now();
    const disclosure = buildDisclosure(doc, catalog, "bench");
    const built = performance.now() - t;
    t = performance.now();
    const data = await renderPublishedXlsx({ ...disclosure, cover: { 保密审查情况: "已审查", "部门（单位）主要负责人审签情况": "已审签" } });
    const rendered = performance.now() - t;
    t = performance.now();
    const back = await readPublishedWorkbook(data, { origin: "bench.xlsx" });
    const readMs = performance.now() - t;
    t = performance.now();
    const findings = checkDisclosure(back, catalog);
    const checked = performance.now() - t;
    // The first run warms up and is not counted.
    if (i === 0) continue;
    build.push(built);
    render.push(rendered);
    read.push(readMs);
    check.push(checked);
    size = data.length;
    sheets = disclosure.tables.length + 1;
    errors = findings.filter((f) => f.severity === "error").length;
  }
  return [
    { zh: `${label}：支出明细行数`, en: `${en}: expenditure lines`, value: doc.expenditure.length },
    { zh: `${label}：工作表数`, en: `${en}: sheets`, value: sheets },
    { zh: `${label}：生成 15 张表`, en: `${en}: build tables`, value: median(build), unit: "ms", digits: 1 },
    { zh: `${label}：写出工作簿`, en: `${en}: render workbook`, value: median(render), unit: "ms", digits: 1 },
    { zh: `${label}：工作簿大小`, en: `${en}: workbook size`, value: size / 1024, unit: "KiB", digits: 1 },
    { zh: `${label}：读回工作簿`, en: `${en}: read back`, value: median(read), unit: "ms", digits: 1 },
    { zh: `${label}：读回后全部规则`, en: `${en}: all rules on read-back`, value: median(check), unit: "ms", digits: 1 },
    { zh: `${label}：读回后错误数（应为 0）`, en: `${en}: errors after read-back (should be 0)`, value: errors },
  ];
}

export const xlsxBenchmark: Benchmark = {
  name: "xlsx",
  title: "工作簿 Published workbook: render → read back → rules",
  async run({ units }) {
    const repeats = Math.max(1, Math.min(MAX_REPEATS, units));
    const prepared = prepareDocument(EXAMPLE);
    if (!prepared.ok) throw new Error(prepared.problems.map((p) => p.message).join("\n"));
    const catalog = loadCatalog(2024);
    const figures = [
      ...(await measure("示例", "Seed example", prepared.doc, prepared.catalog, repeats)),
      ...(await measure(`合成单位（≥${LINES} 行）`, `Synthetic unit (≥${LINES} lines)`, largeUnit(catalog, LINES), catalog, repeats)),
      { zh: "进程常驻内存峰值 maxRSS", en: "Process peak RSS (maxRSS)", value: maxRssBytes() / MB, unit: "MiB", digits: 1 },
    ];
    return {
      figures,
      notes: [
        `中位数，重复 ${repeats} 次（首次预热不计） / medians of ${repeats} runs after one warm-up run`,
        "合成单位由若干合成单位的支出明细、项目与收入合并而成 / the synthetic unit merges the lines, projects and revenue of several synthetic units",
      ],
    };
  },
};
