/**
 * `gongkai render FILE.budget.json --format xlsx --out OUT.xlsx`: the published disclosure in a
 * publishing format. Today: the published workbook (xlsx). HTML, PDF, DOCX and the data package come
 * later; asking for them says so plainly.
 */
import { writeFileSync } from "node:fs";
import type { Command } from "commander";
import { buildDisclosure } from "../../pipeline/build-disclosure.ts";
import { prepareDocument } from "../../pipeline/prepare.ts";
import { renderPublishedXlsx } from "../../renderers/xlsx/render-published-xlsx.ts";
import { EXIT_BAD_INPUT, EXIT_OK, type Io, reportProblems } from "../output.ts";
import { parseChoice } from "./options.ts";

const AVAILABLE = ["xlsx"] as const;
const LATER = ["html", "pdf", "docx", "datapackage"] as const;
type Format = (typeof AVAILABLE)[number] | (typeof LATER)[number];

interface RenderOptions {
  format: Format;
  out?: string;
}

export function registerRender(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command("render")
    .description("由预算数据生成公开文件：xlsx（公开报表工作簿：目录 + 表1…表15）")
    .argument("<file>", "预算数据文件（*.budget.json / *.budget.yaml）")
    .option("-f, --format <format>", "输出格式：xlsx（html、pdf、docx、datapackage 尚未提供）", parseChoice<Format>([...AVAILABLE, ...LATER]), "xlsx")
    .option("-o, --out <path>", "输出文件，如 公开报表.xlsx")
    .action(async (file: string, options: RenderOptions) => {
      if ((LATER as readonly string[]).includes(options.format)) {
        io.err(`gongkai：${options.format} 格式尚未提供，目前只能生成 xlsx（--format xlsx）`);
        setExit(EXIT_BAD_INPUT);
        return;
      }
      if (!options.out) {
        io.err("gongkai：缺少输出文件：请用 --out 指定，如 --out 公开报表.xlsx");
        setExit(EXIT_BAD_INPUT);
        return;
      }
      const prepared = prepareDocument(file);
      if (!prepared.ok) {
        reportProblems(io, file, prepared.problems);
        setExit(EXIT_BAD_INPUT);
        return;
      }
      reportProblems(io, file, prepared.warnings);
      const disclosure = buildDisclosure(prepared.doc, prepared.catalog, file);
      const data = await renderPublishedXlsx(disclosure);
      try {
        writeFileSync(options.out, data);
      } catch (error) {
        io.err(`gongkai：无法写入 ${options.out}（${(error as NodeJS.ErrnoException).code ?? "未知错误"}）`);
        setExit(EXIT_BAD_INPUT);
        return;
      }
      io.err(`已生成 ${options.out}：目录和 ${disclosure.tables.length} 张表`);
      setExit(EXIT_OK);
    });
}
