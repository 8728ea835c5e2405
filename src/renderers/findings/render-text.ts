/** Findings as text for a terminal: grouped by file, then a summary line. */
import { formatYuan } from "../../model/money.ts";
import type { Finding, FindingValue } from "../../model/finding.ts";
import { describeWhere } from "./cell-text.ts";

const SEVERITY = { error: "错误", warning: "警告", info: "提示" } as const;

const show = (v: FindingValue | undefined) => (typeof v === "number" ? formatYuan(v) : (v ?? ""));

export interface FileResult {
  readonly file: string;
  readonly findings: readonly Finding[];
  /** Set when the file could not be read at all. */
  readonly unreadable?: string;
}

export function renderFindingsText(results: readonly FileResult[]): string {
  const lines: string[] = [];
  for (const result of results) {
    if (result.unreadable) {
      lines.push(`${result.file}`, `  无法读取：${result.unreadable}`, "");
      continue;
    }
    if (result.findings.length === 0) continue;
    lines.push(result.file);
    for (const f of result.findings) {
      lines.push(`  ${SEVERITY[f.severity]}  ${f.message}  [${f.ruleId}]`);
      const where = describeWhere(f);
      if (where) lines.push(`        位置：${where}`);
      if (f.expected !== undefined || f.actual !== undefined) {
        lines.push(`        应为：${show(f.expected)}\u3000实为：${show(f.actual)}${f.difference ? `\u3000差额：${formatYuan(f.difference)}` : ""}`);
      }
      if (f.fix) lines.push(`        建议：${f.fix.description}`);
    }
    lines.push("");
  }
  lines.push(summaryLine(results));
  return lines.join("\n");
}

export function summaryLine(results: readonly FileResult[]): string {
  const count = (s: Finding["severity"]) => results.reduce((n, r) => n + r.findings.filter((f) => f.severity === s).length, 0);
  const unreadable = results.filter((r) => r.unreadable).length;
  return `检查了 ${results.length} 个文件：${count("error")} 个错误，${count("warning")} 个警告，${count("info")} 个提示${
    unreadable ? `，${unreadable} 个文件无法读取` : ""
  }`;
}
