import type { Command } from "commander";
import pkg from "../../../package.json" with { type: "json" };
import { SEVERITIES, type Severity } from "../../model/finding.ts";
import { checkFileAsync, collectFiles } from "../../pipeline/check.ts";
import { renderSarif } from "../../renderers/findings/render-sarif.ts";
import { type FileResult, renderFindingsText, summaryLine } from "../../renderers/findings/render-text.ts";
import { RULES } from "../../rules/index.ts";
import { EXIT_BAD_INPUT, EXIT_FINDINGS, EXIT_OK, type Io } from "../output.ts";
import { parseChoice } from "./options.ts";

interface CheckOptions {
  format: "text" | "json" | "sarif";
  minSeverity: Severity;
}

export function registerCheck(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command("check")
    .description("检查预算公开文件（文本、Markdown、HTML、Excel 工作簿或预算数据），可指定多个文件或目录")
    .argument("<paths...>", "文件或目录（递归）")
    .option("-f, --format <format>", "输出格式：text、json 或 sarif", parseChoice(["text", "json", "sarif"]), "text")
    .option("--min-severity <level>", "只报告此级别及以上：error、warning 或 info", parseChoice(SEVERITIES), "info")
    .action(async (paths: string[], options: CheckOptions) => {
      const { files, missing } = collectFiles(paths);
      const keep = SEVERITIES.slice(0, SEVERITIES.indexOf(options.minSeverity) + 1);
      const results: FileResult[] = missing.map((file) => ({ file, findings: [], unreadable: "找不到文件或目录" }));
      const progress = progressBar(files.length);
      for (const [i, file] of files.entries()) {
        const result = await checkFileAsync(file);
        results.push({ ...result, findings: result.findings.filter((f) => keep.includes(f.severity)) });
        progress(i + 1);
      }
      progress.done();
      if (options.format === "json") {
        io.out(JSON.stringify({ tool: "gongkai", version: pkg.version, files: results, summary: summaryLine(results) }, null, 2));
      } else if (options.format === "sarif") {
        io.out(renderSarif(results, RULES.map((r) => ({ id: r.meta.id, description: r.meta.description })), pkg.version));
      } else {
        io.out(renderFindingsText(results));
      }
      const unreadable = results.some((r) => r.unreadable);
      const errors = results.some((r) => r.findings.some((f) => f.severity === "error"));
      setExit(unreadable ? EXIT_BAD_INPUT : errors ? EXIT_FINDINGS : EXIT_OK);
    });
}

/** A progress bar on stderr, only when stderr is a terminal and there is more than a handful of files. */
function progressBar(total: number): ((n: number) => void) & { done(): void } {
  const active = Boolean(process.stderr.isTTY) && total > 5;
  let last = 0;
  const update = (n: number) => {
    const now = Date.now();
    if (!active || (now - last < 100 && n < total)) return;
    last = now;
    const width = 30;
    const filled = Math.round((n / total) * width);
    process.stderr.write(`\r检查中 [${"█".repeat(filled)}${" ".repeat(width - filled)}] ${n}/${total}`);
  };
  return Object.assign(update, {
    done: () => {
      if (active) process.stderr.write("\r\x1b[K");
    },
  });
}
