/**
 * `check`: one file in, findings out. A BudgetDocument is built into a Disclosure; a published
 * document (text, Markdown, HTML) is read into one; then the same rules run on either.
 * A file that cannot be read is reported as such and never stops the others.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { extname, join } from "node:path";
import type { Catalog } from "../catalog/catalog.ts";
import { loadCatalog } from "../catalog/load.ts";
import { readPublished } from "../importers/published/read-published.ts";
import { readPdf } from "../importers/published-pdf/read-pdf.ts";
import { readPublishedWorkbook } from "../importers/published-xlsx/read-workbook.ts";
import type { Disclosure } from "../model/disclosure.ts";
import type { Finding } from "../model/finding.ts";
import type { FileResult } from "../renderers/findings/render-text.ts";
import { RULES } from "../rules/index.ts";
import { runRules } from "../rules/run.ts";
import { buildDisclosure } from "./build-disclosure.ts";
import { prepareDocument } from "./prepare.ts";

const BUDGET = /\.budget\.(json|ya?ml)$/i;
const PUBLISHED: Record<string, "text" | "markdown" | "html"> = {
  ".txt": "text",
  ".text": "text",
  ".md": "markdown",
  ".markdown": "markdown",
  ".html": "html",
  ".htm": "html",
};

/** Published workbooks: read asynchronously (exceljs), so only by `checkFileAsync`. */
const WORKBOOK = /\.xlsx$/i;
/** Published PDFs: read asynchronously (pdf.js), so only by `checkFileAsync`. */
const PDF = /\.pdf$/i;

export function isCheckable(path: string): boolean {
  return BUDGET.test(path) || WORKBOOK.test(path) || PDF.test(path) || extname(path).toLowerCase() in PUBLISHED;
}

/**
 * The files to check, in a stable order: named files as given, folders walked recursively for
 * checkable files. Missing paths come back in `missing`.
 */
export function collectFiles(paths: readonly string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      // `~$x.xlsx` is the lock file Excel and WPS leave beside an open workbook.
      if (name.startsWith(".") || name.startsWith("~$") || name === "node_modules") continue;
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (isCheckable(path)) files.push(path);
    }
  };
  for (const path of paths) {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      missing.push(path);
      continue;
    }
    if (stat.isDirectory()) walk(path);
    else files.push(path);
  }
  return { files, missing };
}

const catalogs = new Map<number, Catalog | undefined>();
function catalogFor(year: number | undefined): Catalog | undefined {
  if (year === undefined) return undefined;
  if (!catalogs.has(year)) {
    try {
      catalogs.set(year, loadCatalog(year));
    } catch {
      catalogs.set(year, undefined);
    }
  }
  return catalogs.get(year);
}

export function checkDisclosure(disclosure: Disclosure, catalog?: Catalog): Finding[] {
  return runRules(RULES, disclosure, catalog ? { catalog } : {});
}

export function checkFile(file: string): FileResult {
  if (BUDGET.test(file)) {
    const prepared = prepareDocument(file);
    if (!prepared.ok) {
      const first = prepared.problems.find((p) => p.severity === "error") ?? prepared.problems[0]!;
      return { file, findings: [], unreadable: `预算数据有误（${first.path}：${first.message}），共 ${prepared.problems.length} 个问题；请先运行 gongkai validate` };
    }
    return { file, findings: checkDisclosure(buildDisclosure(prepared.doc, prepared.catalog, file), prepared.catalog) };
  }
  if (WORKBOOK.test(file)) return { file, findings: [], unreadable: "Excel 工作簿只能异步读取（checkFileAsync）" };
  if (PDF.test(file)) return { file, findings: [], unreadable: "PDF 文件只能异步读取（checkFileAsync）" };
  const format = PUBLISHED[extname(file).toLowerCase()];
  if (!format) return { file, findings: [], unreadable: `不支持的文件类型 ${extname(file) || "（无扩展名）"}` };
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    return { file, findings: [], unreadable: `无法读取文件（${(error as NodeJS.ErrnoException).code ?? "未知错误"}）` };
  }
  if (text.includes("\uFFFD")) {
    return { file, findings: [], unreadable: "文件不是 UTF-8 编码（可能是 GBK）；请先转换为 UTF-8" };
  }
  const disclosure = readPublished(text, { origin: file, format });
  return { file, findings: checkDisclosure(disclosure, catalogFor(disclosure.year)) };
}

/**
 * `checkFile` for every kind of file, published workbooks (.xlsx) and PDFs included: a workbook is
 * read with exceljs and a PDF with pdf.js, which work only asynchronously.
 */
export async function checkFileAsync(file: string): Promise<FileResult> {
  if (PDF.test(file)) return checkPdf(file);
  if (!WORKBOOK.test(file)) return checkFile(file);
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch (error) {
    return { file, findings: [], unreadable: `无法读取文件（${(error as NodeJS.ErrnoException).code ?? "未知错误"}）` };
  }
  let disclosure: Disclosure;
  try {
    disclosure = await readPublishedWorkbook(data, { origin: file });
  } catch (error) {
    return { file, findings: [], unreadable: `不是有效的 Excel 工作簿（.xlsx）：${(error as Error).message}` };
  }
  return { file, findings: checkDisclosure(disclosure, catalogFor(disclosure.year)) };
}

async function checkPdf(file: string): Promise<FileResult> {
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch (error) {
    return { file, findings: [], unreadable: `无法读取文件（${(error as NodeJS.ErrnoException).code ?? "未知错误"}）` };
  }
  const read = await readPdf(data, { origin: file });
  if ("unreadable" in read) return { file, findings: [], unreadable: read.unreadable };
  return { file, findings: checkDisclosure(read, catalogFor(read.year)) };
}
