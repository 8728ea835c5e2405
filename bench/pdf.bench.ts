/**
 * PDF 读取基准 / PDF reading benchmark.
 *
 * A folder of published PDFs (at most 1,000; `--units N` makes it smaller) is read as `gongkai check`
 * reads it: each file read from disk, its text and positions taken by pdf.js, lines and columns
 * rebuilt, the disclosure parsed and all rules run. The PDFs are made once, untimed, by Gongkai's own
 * renderer from a few synthetic units and copied to fill the folder (rendering is not what is
 * measured). Figures: pages per second, and memory after the first tenth of the folder and at the end —
 * flat memory means the two are close.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { loadCatalog } from "../src/catalog/load.ts";
import { buildDisclosure } from "../src/pipeline/build-disclosure.ts";
import { checkFileAsync, collectFiles } from "../src/pipeline/check.ts";
import { renderPublishedPdf } from "../src/renderers/pdf/render-published-pdf.ts";
import { syntheticBudgetDocument } from "../test/support/arbitrary-budget.ts";
import { type Benchmark, collectGarbage, HeapSampler, MB, maxRssBytes } from "./harness.ts";

const YEAR = 2024;
const MAX_FILES = 1_000;
/** Distinct PDFs rendered; the folder holds copies of them. */
const DISTINCT = 8;
const SAMPLE_EVERY = 10;
const COVER = { 保密审查情况: "已审查", "部门（单位）主要负责人审签情况": "已审签" };

async function pageCount(bytes: Uint8Array): Promise<number> {
  const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false }).promise;
  const n = doc.numPages;
  await doc.destroy();
  return n;
}

export const pdfBenchmark: Benchmark = {
  name: "pdf",
  title: "PDF 读取 Reading a folder of published PDFs: pdf.js text → rows and columns → parse → all rules",
  async run({ units }) {
    const count = Math.min(units, MAX_FILES);
    const catalog = loadCatalog(YEAR);
    const dir = mkdtempSync(join(tmpdir(), "gongkai-bench-pdf-"));
    try {
      const started = performance.now();
      const pages: number[] = [];
      for (let i = 0; i < Math.min(DISTINCT, count); i += 1) {
        const doc = syntheticBudgetDocument(3_000_000 + i, catalog);
        const bytes = await renderPublishedPdf({ ...buildDisclosure(doc, catalog, "bench"), cover: COVER });
        pages.push(await pageCount(bytes));
        writeFileSync(join(dir, `unit-${String(i).padStart(6, "0")}.pdf`), bytes);
      }
      for (let i = pages.length; i < count; i += 1) {
        copyFileSync(join(dir, `unit-${String(i % DISTINCT).padStart(6, "0")}.pdf`), join(dir, `unit-${String(i).padStart(6, "0")}.pdf`));
      }
      const generatedMs = performance.now() - started;
      const { files } = collectFiles([dir]);
      const totalPages = files.reduce((n, _, i) => n + pages[i % pages.length]!, 0);
      const firstTenth = Math.max(1, Math.floor(files.length / 10));
      const heap = new HeapSampler();
      let errors = 0;
      let unreadable = 0;
      let early = { peak: 0, retained: 0, rss: 0 };

      collectGarbage();
      const baseline = process.memoryUsage().heapUsed;
      heap.reset();
      const start = performance.now();
      for (const [i, file] of files.entries()) {
        const result = await checkFileAsync(file);
        errors += result.findings.filter((f) => f.severity === "error").length;
        if (result.unreadable) unreadable += 1;
        if (i % SAMPLE_EVERY === 0) heap.sample();
        if (i + 1 === firstTenth) {
          collectGarbage();
          early = { peak: heap.peak, retained: process.memoryUsage().heapUsed, rss: maxRssBytes() };
        }
      }
      const readMs = performance.now() - start;
      collectGarbage();
      const retained = process.memoryUsage().heapUsed;
      return {
        figures: [
          { zh: "文件数", en: "Files", value: files.length },
          { zh: "每个文件页数", en: "Pages per file", value: `${Math.min(...pages)}–${Math.max(...pages)}` },
          { zh: "总页数", en: "Total pages", value: totalPages },
          { zh: "生成 PDF（不计时）", en: "Render PDFs (untimed)", value: generatedMs / 1000, unit: "s", digits: 1 },
          { zh: "读取并检查：耗时", en: "Read + check: time", value: readMs / 1000, unit: "s", digits: 1 },
          { zh: "读取并检查：每秒页数", en: "Read + check: pages per second", value: totalPages / (readMs / 1000), unit: "pages/s", digits: 1 },
          { zh: "读取并检查：每秒文件数", en: "Read + check: files per second", value: files.length / (readMs / 1000), unit: "files/s", digits: 2 },
          { zh: "开始时堆", en: "Heap at start", value: baseline / MB, unit: "MiB", digits: 1 },
          { zh: "前 1/10 文件的堆峰值", en: "Peak heap, first tenth of files", value: early.peak / MB, unit: "MiB", digits: 1 },
          { zh: "全部文件的堆峰值", en: "Peak heap, all files", value: heap.peak / MB, unit: "MiB", digits: 1 },
          { zh: "前 1/10 文件后存活堆（GC 后）", en: "Retained heap after first tenth (after GC)", value: early.retained / MB, unit: "MiB", digits: 1 },
          { zh: "全部文件后存活堆（GC 后）", en: "Retained heap after all files (after GC)", value: retained / MB, unit: "MiB", digits: 1 },
          { zh: "前 1/10 文件后进程内存峰值 maxRSS", en: "Process peak RSS after first tenth", value: early.rss / MB, unit: "MiB", digits: 1 },
          { zh: "全部文件后进程内存峰值 maxRSS", en: "Process peak RSS after all files", value: maxRssBytes() / MB, unit: "MiB", digits: 1 },
          { zh: "无法读取的文件（应为 0）", en: "Unreadable files (should be 0)", value: unreadable },
          { zh: "错误发现数", en: "Error findings", value: errors },
        ],
        notes: [
          `${YEAR} 年目录；${Math.min(DISTINCT, count)} 个合成单位由 Gongkai 的 PDF 渲染器生成，复制到 ${files.length} 个文件 / catalog ${YEAR}; ${Math.min(DISTINCT, count)} synthetic units rendered by Gongkai's PDF renderer, copied to ${files.length} files`,
          "内存平稳：全部文件后的 maxRSS 与存活堆应接近前 1/10 的值 / flat memory: maxRSS and retained heap after all files should be close to those after the first tenth",
          "错误发现与同一单位按文本读取时相同（test/pdf/layouts.test.ts 核对）：表14 按万元取整后任务之和与合计差 0.01 / error findings are those of the same units read from text (pinned in test/pdf/layouts.test.ts): 表14's tasks, rounded to 万元, miss its total by 0.01",
        ],
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
