/**
 * Runs the benchmarks and prints their figures: `npm run bench [-- --units N] [-- --only name]`.
 * A benchmark is a file `bench/*.bench.ts` exporting a `Benchmark`; list it in BENCHMARKS to run it.
 */
import { parseArgs } from "node:util";
import { type Benchmark, formatFigures } from "./harness.ts";
import { appBenchmark } from "./app.bench.ts";
import { checkBenchmark } from "./check.bench.ts";
import { importBenchmark } from "./import.bench.ts";
import { pdfBenchmark } from "./pdf.bench.ts";
import { portalBenchmark } from "./portal.bench.ts";
import { publishBenchmark } from "./publish.bench.ts";
import { tablesBenchmark } from "./tables.bench.ts";
import { xlsxBenchmark } from "./xlsx.bench.ts";

const BENCHMARKS: readonly Benchmark[] = [tablesBenchmark, checkBenchmark, xlsxBenchmark, importBenchmark, publishBenchmark, pdfBenchmark, appBenchmark, portalBenchmark];

const DEFAULT_UNITS = 10_000;

const { values } = parseArgs({
  options: {
    units: { type: "string" },
    only: { type: "string", multiple: true },
  },
});

const units = values.units === undefined ? DEFAULT_UNITS : Number(values.units);
if (!Number.isSafeInteger(units) || units < 1) {
  console.error(`--units 应为正整数 / must be a positive integer, got “${values.units}”`);
  process.exit(2);
}
const selected = values.only ? BENCHMARKS.filter((b) => values.only!.includes(b.name)) : BENCHMARKS;
if (selected.length === 0) {
  console.error(`没有这样的基准 / no such benchmark: ${values.only?.join(", ")}（可用 / available: ${BENCHMARKS.map((b) => b.name).join(", ")}）`);
  process.exit(2);
}

console.log(`Gongkai 基准测试 / benchmarks — Node ${process.version}, ${process.platform}-${process.arch}, --units ${units}\n`);
for (const benchmark of selected) {
  const result = await benchmark.run({ units });
  console.log(formatFigures(benchmark.title, result));
  console.log();
}
