/**
 * What every benchmark shares: its shape (a named async function returning labelled figures),
 * timing, a sampled peak of the V8 heap, garbage collection between phases, and printing the
 * figures as a Chinese + English table.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

export interface BenchOptions {
  /** How many documents (units) to process. */
  readonly units: number;
}

/** One printed figure: a Chinese and an English label, the value, and its unit. */
export interface Figure {
  readonly zh: string;
  readonly en: string;
  readonly value: number | string;
  readonly unit?: string;
  /** Decimal places for a number (default 0). */
  readonly digits?: number;
}

export interface BenchResult {
  readonly figures: readonly Figure[];
  readonly notes?: readonly string[];
}

export interface Benchmark {
  /** Short name used on the command line (`--only tables`). */
  readonly name: string;
  readonly title: string;
  run(options: BenchOptions): Promise<BenchResult>;
}

/** Runs `work` and returns its wall time in milliseconds. */
export function timeMs(work: () => void): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}

/**
 * The largest `heapUsed` seen. Benchmarks call `sample()` every so often inside their loops (a
 * timer cannot fire during synchronous work); `process.memoryUsage()` costs a few microseconds, so
 * sample every few dozen units, not every one.
 */
export class HeapSampler {
  #peak = 0;
  sample(): void {
    const used = process.memoryUsage().heapUsed;
    if (used > this.#peak) this.#peak = used;
  }
  get peak(): number {
    return this.#peak;
  }
  reset(): void {
    this.#peak = 0;
  }
}

let gcFunction: (() => void) | undefined;

/**
 * Collects garbage before a timed phase, so one phase's garbage is not charged to the next. Plain
 * `node` does not expose `gc()`; turning the flag on at run time and taking `gc` from a fresh context
 * is the standard way around that (no effect if it fails).
 */
export function collectGarbage(): void {
  if (!gcFunction) {
    const exposed = (globalThis as { gc?: () => void }).gc;
    if (exposed) gcFunction = exposed;
    else {
      try {
        setFlagsFromString("--expose-gc");
        gcFunction = runInNewContext("gc") as () => void;
      } catch {
        gcFunction = () => {};
      }
    }
  }
  gcFunction();
}

export const MB = 1024 * 1024;

/** Peak resident set size of the process so far, in bytes (`maxRSS` is reported in KiB). */
export function maxRssBytes(): number {
  return process.resourceUsage().maxRSS * 1024;
}

// ---------------------------------------------------------------------------------------------
// Printing
// ---------------------------------------------------------------------------------------------

/** Terminal columns a string takes: CJK and full-width characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    const wide =
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6);
    width += wide ? 2 : 1;
  }
  return width;
}

const padEnd = (text: string, width: number) => text + " ".repeat(Math.max(0, width - displayWidth(text)));
const padStart = (text: string, width: number) => " ".repeat(Math.max(0, width - displayWidth(text))) + text;

export function formatValue(figure: Figure): string {
  if (typeof figure.value === "string") return figure.value;
  return figure.value.toLocaleString("en-US", {
    minimumFractionDigits: figure.digits ?? 0,
    maximumFractionDigits: figure.digits ?? 0,
  });
}

/** The figures as an aligned four-column table: 指标 | Metric | 数值 Value | 单位 Unit. */
export function formatFigures(title: string, result: BenchResult): string {
  const header = ["指标", "Metric", "数值 Value", "单位 Unit"];
  const rows = result.figures.map((f) => [f.zh, f.en, formatValue(f), f.unit ?? ""]);
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i]!))));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 2 ? padStart(c, widths[i]!) : padEnd(c, widths[i]!))).join("  ").trimEnd();
  const rule = widths.map((w) => "─".repeat(w)).join("  ");
  return [
    title,
    rule,
    line(header),
    rule,
    ...rows.map(line),
    rule,
    ...(result.notes ?? []).map((n) => `· ${n}`),
  ].join("\n");
}
