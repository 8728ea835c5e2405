/**
 * 表格生成基准 / Table-building benchmark.
 *
 * N synthetic single-unit documents are generated and serialized to JSON strings in memory (not
 * timed). Then, for all N strings:
 *   (a) JSON.parse only — the floor any pipeline pays;
 *   (b) JSON.parse + schema parse (parseBudgetDocument) + buildTables for all 15 tables;
 * and, to split (b), JSON.parse + schema parse alone.
 * Each phase is warmed up first on a few hundred other documents, and garbage is collected before it.
 */
import { loadCatalog } from "../src/catalog/load.ts";
import { parseBudgetDocument } from "../src/pipeline/load-document.ts";
import { buildTables } from "../src/tables/index.ts";
import { syntheticBudgetDocument } from "../test/support/arbitrary-budget.ts";
import { type Benchmark, collectGarbage, HeapSampler, MB, maxRssBytes, timeMs } from "./harness.ts";

const YEAR = 2024;
/** Seeds of the measured documents start here; warm-up documents use seeds below it. */
const FIRST_SEED = 1_000_000;
const WARM_UP_UNITS = 300;
/** Sample the heap every this many units. */
const SAMPLE_EVERY = 50;

export const tablesBenchmark: Benchmark = {
  name: "tables",
  title: "表格生成 Table building: JSON.parse → schema → 15 tables",
  async run({ units }) {
    const catalog = loadCatalog(YEAR);
    let lines = 0;
    const serialize = (count: number, firstSeed: number) =>
      Array.from({ length: count }, (_, i) => {
        const doc = syntheticBudgetDocument(firstSeed + i, catalog);
        lines += doc.expenditure.length;
        return JSON.stringify(doc);
      });
    let texts: string[] = [];
    let warmUp: string[] = [];
    const generatedMs = timeMs(() => {
      warmUp = serialize(Math.min(WARM_UP_UNITS, units), 0);
      lines = 0;
      texts = serialize(units, FIRST_SEED);
    });
    const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);

    let sink = 0;
    const heap = new HeapSampler();

    /** (a) JSON.parse only. */
    const parseOnly = (list: readonly string[]) => {
      for (let i = 0; i < list.length; i += 1) {
        const value = JSON.parse(list[i]!) as { expenditure: unknown[] };
        sink += value.expenditure.length;
        if (i % SAMPLE_EVERY === 0) heap.sample();
      }
    };
    /** JSON.parse + schema only: splits (b) into its schema and table-building parts. */
    const parseAndValidate = (list: readonly string[]) => {
      for (let i = 0; i < list.length; i += 1) {
        const loaded = parseBudgetDocument(JSON.parse(list[i]!));
        if (loaded.ok) sink += loaded.doc.expenditure.length;
        if (i % SAMPLE_EVERY === 0) heap.sample();
      }
    };
    /** (b) JSON.parse + schema + all 15 tables. */
    const parseAndBuild = (list: readonly string[]) => {
      for (let i = 0; i < list.length; i += 1) {
        const loaded = parseBudgetDocument(JSON.parse(list[i]!));
        if (!loaded.ok) throw new Error(`合成文档未通过 schema：${JSON.stringify(loaded.problems.slice(0, 3))}`);
        sink += buildTables(loaded.doc, { catalog }).length;
        if (i % SAMPLE_EVERY === 0) heap.sample();
      }
    };

    parseOnly(warmUp);
    parseAndValidate(warmUp);
    parseAndBuild(warmUp);

    collectGarbage();
    const baselineHeap = process.memoryUsage().heapUsed;
    heap.reset();
    const parseMs = timeMs(() => parseOnly(texts));
    const parsePeak = heap.peak;

    collectGarbage();
    const schemaMs = timeMs(() => parseAndValidate(texts));

    collectGarbage();
    heap.reset();
    const buildMs = timeMs(() => parseAndBuild(texts));
    const buildPeak = heap.peak;
    if (sink === 0) throw new Error("nothing was computed");

    const perSecond = (ms: number) => units / (ms / 1000);
    return {
      figures: [
        { zh: "单位数（文档数）", en: "Units (documents)", value: units },
        { zh: "平均支出明细行数", en: "Mean expenditure lines per document", value: lines / units, digits: 1 },
        { zh: "JSON 总大小", en: "Total JSON size", value: bytes / MB, unit: "MiB", digits: 1 },
        { zh: "生成与序列化耗时（不计时）", en: "Generate + serialize (untimed)", value: generatedMs / 1000, unit: "s", digits: 2 },
        { zh: "(a) 仅 JSON.parse：耗时", en: "(a) JSON.parse only: time", value: parseMs / 1000, unit: "s", digits: 3 },
        { zh: "(a) 仅 JSON.parse：吞吐", en: "(a) JSON.parse only: throughput", value: perSecond(parseMs), unit: "units/s" },
        { zh: "(b) 解析+校验+15 张表：耗时", en: "(b) parse + schema + 15 tables: time", value: buildMs / 1000, unit: "s", digits: 3 },
        { zh: "(b) 解析+校验+15 张表：吞吐", en: "(b) parse + schema + 15 tables: throughput", value: perSecond(buildMs), unit: "units/s" },
        { zh: "(b) 每单位耗时", en: "(b) time per unit", value: buildMs / units, unit: "ms", digits: 3 },
        { zh: "　其中 JSON.parse+schema", en: "  of which JSON.parse + schema", value: schemaMs / units, unit: "ms", digits: 3 },
        { zh: "　其中 15 张表（差额）", en: "  of which 15 tables (difference)", value: (buildMs - schemaMs) / units, unit: "ms", digits: 3 },
        { zh: "耗时比 (b)/(a)", en: "Time ratio (b)/(a)", value: buildMs / parseMs, unit: "×", digits: 1 },
        { zh: "堆基线（字符串已在内存）", en: "Heap baseline (strings in memory)", value: baselineHeap / MB, unit: "MiB", digits: 1 },
        { zh: "(a) 堆使用峰值（采样）", en: "(a) peak heap used (sampled)", value: parsePeak / MB, unit: "MiB", digits: 1 },
        { zh: "(b) 堆使用峰值（采样）", en: "(b) peak heap used (sampled)", value: buildPeak / MB, unit: "MiB", digits: 1 },
        { zh: "进程常驻内存峰值 maxRSS", en: "Process peak RSS (maxRSS)", value: maxRssBytes() / MB, unit: "MiB", digits: 1 },
      ],
      notes: [
        `${YEAR} 年目录；每阶段先用 ${Math.min(WARM_UP_UNITS, units)} 份其他文档预热，计时前做一次垃圾回收 / catalog ${YEAR}; each phase warmed up on ${Math.min(WARM_UP_UNITS, units)} other documents, GC before timing`,
        `堆峰值每 ${SAMPLE_EVERY} 个单位采样一次；maxRSS 含生成阶段 / heap sampled every ${SAMPLE_EVERY} units; maxRSS includes generation`,
      ],
    };
  },
};
