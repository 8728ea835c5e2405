/**
 * Reads a `*.budget.json` / `*.budget.yaml` file into a BudgetDocument. Syntax and schema problems come
 * back as located Problems, never as exceptions, so the CLI can list them all.
 */
import { readFileSync } from "node:fs";
import { parseDocument } from "yaml";
import { z } from "zod";
import { type BudgetDocument, BudgetDocumentSchema } from "../model/budget-document.ts";
import { jsonPath, type Problem } from "./problem.ts";

// Messages zod writes itself (rare: most fields carry their own) come out in Chinese too.
z.config(z.locales.zhCN());

export type Loaded = { ok: true; doc: BudgetDocument } | { ok: false; problems: Problem[] };

export function readBudgetFile(path: string): Loaded {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message =
      code === "ENOENT" ? `找不到文件 ${path}` : code === "EISDIR" ? `${path} 是目录，不是文件` : `无法读取文件 ${path}（${code ?? "未知错误"}）`;
    return { ok: false, problems: [{ severity: "error", path: "$", message }] };
  }
  const parsed = /\.ya?ml$/i.test(path) ? parseYaml(text) : parseJson(text);
  if (!parsed.ok) return parsed;
  return parseBudgetDocument(parsed.value);
}

type Parsed = { ok: true; value: unknown } | { ok: false; problems: Problem[] };

function parseJson(text: string): Parsed {
  try {
    return { ok: true, value: JSON.parse(text.replace(/^\uFEFF/, "")) };
  } catch (error) {
    const message = (error as Error).message;
    const at = /position (\d+)/.exec(message);
    const where = at ? positionOf(text, Number(at[1])) : "文件";
    return { ok: false, problems: [{ severity: "error", path: where, message: `不是有效的 JSON：${message}` }] };
  }
}

function parseYaml(text: string): Parsed {
  const document = parseDocument(text);
  if (document.errors.length > 0) {
    return {
      ok: false,
      problems: document.errors.map((e) => ({
        severity: "error" as const,
        path: e.linePos ? `第 ${e.linePos[0].line} 行第 ${e.linePos[0].col} 列` : "文件",
        message: `不是有效的 YAML：${e.message.split("\n")[0]}`,
      })),
    };
  }
  return { ok: true, value: document.toJS() };
}

function positionOf(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  const col = offset - before.lastIndexOf("\n");
  return `第 ${line} 行第 ${col} 列`;
}

/** Validates a parsed value against the schema; every issue becomes a Problem at its JSON path. */
export function parseBudgetDocument(value: unknown): Loaded {
  const result = BudgetDocumentSchema.safeParse(value, { reportInput: true });
  if (result.success) return { ok: true, doc: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => ({
      severity: "error" as const,
      path: jsonPath(issue.path),
      message: describeIssue(issue),
    })),
  };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === "unrecognized_keys") return `不认识的字段：${issue.keys.join("、")}`;
  if (issue.code === "invalid_type" && issue.input === undefined) return "缺少必填字段";
  if (issue.code === "invalid_type" && !/[\u4e00-\u9fff]/.test(issue.message)) {
    return `类型不对：应为${TYPE_NAMES[issue.expected] ?? issue.expected}`;
  }
  return issue.message;
}

const TYPE_NAMES: Record<string, string> = {
  string: "文字",
  number: "数字",
  object: "对象",
  array: "列表",
  boolean: "是/否（true/false）",
};
