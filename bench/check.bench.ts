/**
 * 检查基准 / Checker benchmark.
 *
 * N synthetic units are built and printed as published text disclosures (the seed's layout), one
 * file each in a temporary folder (not timed). Then, over the folder:
 *   (a) read every file and split it into lines — the floor any checker pays;
 *   (b) `checkFile` on every file, as `gongkai check` does: read, parse the disclosure, run all rules.
 * Memory must stay flat as the folder grows: the heap is sampled over the first tenth of the files and
 * over all of them, and the heap that survives a garbage collection is read after the first tenth and at
 * the end: flat memory means those two are close.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadCatalog } from "../src/catalog/load.ts";
import { buildDisclosure } from "../src/pipeline/build-disclosure.ts";
import { checkFile, collectFiles } from "../src/pipeline/check.ts";
import { renderPublishedText } from "../src/renderers/text/render-published-text.ts";
import { syntheticBudgetDocument } from "../test/support/arbitrary-budget.ts";
import { type Benchmark, collectGarbage, HeapSampler, MB, maxRssBytes, timeMs } from "./harness.ts";

const YEAR = 2024;
const SAMPLE_EVERY = 25;
const COVER = { 保密审查情况: "已审查", "部门（单位）主要负责人审签情况": "已审签" };

export const checkBenchmark: Benchmark = {
  name: "check",
  title: "检查 Checking a folder of published disclosures: read → parse → all rules",
  async run({ units }) {
    const catalog = loadCatalog(YEAR);
    const dir = mkdtempSync(join(tmpdir(), "gongkai-bench-check-"));
    try {
      let bytes = 0;
      const generatedMs = timeMs(() => {
        for (let i = 0; i < units; i += 1) {
          const doc = syntheticBudgetDocument(2_000_000 + i, catalog);
          const text = renderPublishedText({ ...buildDisclosure(doc, catalog, "bench"), cover: COVER });
          bytes += Buffer.byteLength(text);
          writeFileSync(join(dir, `unit-${String(i).padStart(6, "0")}.txt`), text);
        }
      });
      const { files } = collectFiles([dir]);
      let sink = 0;
      let errors = 0;
      const heap = new HeapSampler();
      const firstTenth = Math.max(1, Math.floor(files.length / 10));

      collectGarbage();
      const readMs = timeMs(() => {
        for (const file of files) sink += readFileSync(file, "utf8").split("\n").length;
      });

      collectGarbage();
      const baseline = process.memoryUsage().heapUsed;
      heap.reset();
      let earlyPeak = 0;
      let earlyRetained = 0;
      const checkMs = timeMs(() => {
        files.forEach((file, i) => {
          const result = checkFile(file);
          errors += result.findings.filter((f) => f.severity === "error").length + (result.unreadable ? 1 : 0);
          if (i % SAMPLE_EVERY === 0) heap.sample();
          if (i + 1 === firstTenth) {
            earlyPeak = heap.peak;
            collectGarbage();
            earlyRetained = process.memoryUsage().heapUsed;
          }
        });
      });
      collectGarbage();
      const finalRetained = process.memoryUsage().heapUsed;
      if (sink === 0) throw new Error("nothing was read");
      const perSecond = (ms: number) => files.length / (ms / 1000);
      return {
        figures: [
          { zh: "文件数", en: "Files", value: files.length },
          { zh: "文件总大小", en: "Total size", value: bytes / MB, unit: "MiB", digits: 1 },
          { zh: "生成与写盘耗时（不计时）", en: "Generate + write (untimed)", value: generatedMs / 1000, unit: "s", digits: 1 },
          { zh: "(a) 读文件并分行：耗时", en: "(a) read + split lines: time", value: readMs / 1000, unit: "s", digits: 3 },
          { zh: "(a) 读文件并分行：吞吐", en: "(a) read + split lines: throughput", value: perSecond(readMs), unit: "files/s" },
          { zh: "(b) 检查：耗时", en: "(b) check: time", value: checkMs / 1000, unit: "s", digits: 2 },
          { zh: "(b) 检查：吞吐", en: "(b) check: throughput", value: perSecond(checkMs), unit: "files/s" },
          { zh: "耗时比 (b)/(a)", en: "Time ratio (b)/(a)", value: checkMs / readMs, unit: "×", digits: 1 },
          { zh: "检查开始时堆", en: "Heap at start of (b)", value: baseline / MB, unit: "MiB", digits: 1 },
          { zh: "前 1/10 文件的堆峰值", en: "Peak heap, first tenth of files", value: earlyPeak / MB, unit: "MiB", digits: 1 },
          { zh: "全部文件的堆峰值", en: "Peak heap, all files", value: heap.peak / MB, unit: "MiB", digits: 1 },
          { zh: "前 1/10 文件后存活堆（GC 后）", en: "Retained heap after first tenth (after GC)", value: earlyRetained / MB, unit: "MiB", digits: 1 },
          { zh: "全部文件后存活堆（GC 后）", en: "Retained heap after all files (after GC)", value: finalRetained / MB, unit: "MiB", digits: 1 },
          { zh: "进程常驻内存峰值 maxRSS", en: "Process peak RSS (maxRSS)", value: maxRssBytes() / MB, unit: "MiB", digits: 1 },
          { zh: "错误发现数（应为 0）", en: "Error findings (should be 0)", value: errors },
        ],
        notes: [
          `${YEAR} 年目录；文件为由合成预算生成的公开文本（说明、目录与表格） / catalog ${YEAR}; files are published text built from synthetic budgets (narrative, 目录 and tables)`,
          "内存平稳：全部文件的堆峰值应接近前 1/10 的堆峰值 / flat memory: the peak over all files should be close to the peak over the first tenth",
        ],
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
