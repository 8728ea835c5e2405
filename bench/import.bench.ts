/**
 * 模板导入基准 / Template import benchmark.
 *
 * One valid single-unit document with 2,000 expenditure lines (a synthetic document's lines repeated,
 * revenue rebalanced) is written into the authoring workbook by the program (not timed). Then the
 * workbook's bytes are imported — exceljs load, reading every sheet, schema, validateDocument, mapping
 * problems back to cells — several times; the figures are the median and the fastest run. `--units`
 * does not apply: the size is the line count.
 */
import { loadCatalog } from "../src/catalog/load.ts";
import type { BudgetDocument, Revenue } from "../src/model/budget-document.ts";
import { sumFen } from "../src/model/money.ts";
import { REVENUE_SOURCES } from "../src/model/vocabulary.ts";
import { importTemplate, templateCatalogLists } from "../src/pipeline/xlsx-template.ts";
import { readTemplateWorkbook } from "../src/importers/xlsx-template/read-template.ts";
import { writeTemplate } from "../src/renderers/xlsx-template/write-template.ts";
import { emptyTableReasons, syntheticBudgetDocument } from "../test/support/arbitrary-budget.ts";
import { type Benchmark, collectGarbage, MB, maxRssBytes } from "./harness.ts";

const YEAR = 2023;
const LINES = 2_000;
const RUNS = 5;

/** A valid document with exactly `count` expenditure lines. */
export function documentWithLines(count: number): BudgetDocument {
  const catalog = loadCatalog(YEAR);
  const base = syntheticBudgetDocument(42, catalog);
  const expenditure = Array.from({ length: count }, (_, i) => base.expenditure[i % base.expenditure.length]!);
  const revenue: Revenue[] = REVENUE_SOURCES.flatMap((source) => {
    const funded = expenditure.filter((l) => l.fundSource === source);
    return funded.length > 0 ? [{ source, amount: sumFen(funded.map((l) => l.amount)) }] : [];
  });
  const doc: BudgetDocument = { ...base, expenditure, revenue, overallTargets: undefined, emptyTables: {} } as BudgetDocument;
  delete (doc as { overallTargets?: unknown }).overallTargets;
  return { ...doc, emptyTables: emptyTableReasons(doc) };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export const importBenchmark: Benchmark = {
  name: "import",
  title: `模板导入 Template import: ${LINES.toLocaleString("en-US")} 条支出明细 / expenditure lines`,
  async run() {
    const doc = documentWithLines(LINES);
    const catalog = loadCatalog(YEAR);
    const writeStart = performance.now();
    const bytes = await writeTemplate({ year: YEAR, unitKind: doc.unit.kind, lists: templateCatalogLists(catalog, doc.unit.kind), doc });
    const writeMs = performance.now() - writeStart;

    const check = await importTemplate(bytes);
    if (!check.ok) throw new Error(`基准文档导入失败：${JSON.stringify(check.problems.slice(0, 3))}`);
    if (check.doc.expenditure.length !== LINES) throw new Error("导入的行数不对");

    const totals: number[] = [];
    const reads: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      collectGarbage();
      let start = performance.now();
      await readTemplateWorkbook(bytes);
      reads.push(performance.now() - start);
      collectGarbage();
      start = performance.now();
      const result = await importTemplate(bytes);
      totals.push(performance.now() - start);
      if (!result.ok) throw new Error("import failed");
    }
    const total = median(totals);
    return {
      figures: [
        { zh: "支出明细行数", en: "Expenditure lines", value: LINES },
        { zh: "工作簿大小", en: "Workbook size", value: bytes.length / MB, unit: "MiB", digits: 2 },
        { zh: "生成已填模板（不计入）", en: "Write filled template (untimed)", value: writeMs, unit: "ms" },
        { zh: "导入耗时（中位数）", en: "Import time (median)", value: total, unit: "ms" },
        { zh: "导入耗时（最快）", en: "Import time (fastest)", value: Math.min(...totals), unit: "ms" },
        { zh: "　其中读取工作簿（中位数）", en: "  of which reading the workbook (median)", value: median(reads), unit: "ms" },
        { zh: "　其中校验与定位（差额）", en: "  of which schema + validation + mapping (difference)", value: total - median(reads), unit: "ms" },
        { zh: "每行耗时", en: "Time per line", value: (total / LINES) * 1000, unit: "µs" },
        { zh: "进程常驻内存峰值 maxRSS", en: "Process peak RSS (maxRSS)", value: maxRssBytes() / MB, unit: "MiB", digits: 1 },
      ],
      notes: [
        `${YEAR} 年目录；${RUNS} 次计时，每次前做垃圾回收；导入含 exceljs 解析、读表、schema、validateDocument（含 15 张表的空表检查）与单元格定位 / catalog ${YEAR}; ${RUNS} timed runs, GC before each; import = exceljs load, sheet reading, schema, validateDocument (incl. building the 15 tables for the empty-table check) and cell mapping`,
      ],
    };
  },
};
