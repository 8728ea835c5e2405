/**
 * `gongkai render FILE.budget.json --format xlsx --out OUT.xlsx`: the published disclosure in a
 * publishing format: the published workbook (xlsx), the PDF and the Word document (docx), the last two
 * with the check certificate; the HTML page (one self-contained file) and the data package (a folder:
 * datapackage.json, CSVs, the certificate and a SHA-256 manifest), also with the certificate.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Command } from "commander";
import { buildDisclosure } from "../../pipeline/build-disclosure.ts";
import { certify } from "../../pipeline/certificate.ts";
import { classificationNames } from "../../pipeline/publish.ts";
import { renderDataPackage } from "../../renderers/data-package/render-data-package.ts";
import { renderHtml } from "../../renderers/html/render-html.ts";
import { renderPublishedDocx } from "../../renderers/docx/render-published-docx.ts";
import { renderPublishedPdf } from "../../renderers/pdf/render-published-pdf.ts";
import { renderPublishedXlsx } from "../../renderers/xlsx/render-published-xlsx.ts";
import { EXIT_BAD_INPUT, EXIT_OK, type Io, preparedOrReport } from "../output.ts";
import { parseChoice } from "./options.ts";

const AVAILABLE = ["xlsx", "pdf", "docx", "html", "datapackage"] as const;
const LATER = [] as const;
type Format = (typeof AVAILABLE)[number] | (typeof LATER)[number];

interface RenderOptions {
  format: Format;
  out?: string;
}

export function registerRender(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command("render")
    .description("由预算数据生成公开文件：xlsx（公开报表工作簿：目录 + 表1…表15）、pdf（封面、说明、表格、书签）、docx（可编辑的 Word 文档）、html（自包含网页）、datapackage（开放数据包文件夹）")
    .argument("<file>", "预算数据文件（*.budget.json / *.budget.yaml）")
    .option("-f, --format <format>", "输出格式：xlsx、pdf、docx、html、datapackage", parseChoice<Format>([...AVAILABLE, ...LATER]), "xlsx")
    .option("-o, --out <path>", "输出文件，如 公开报表.xlsx（datapackage 为输出文件夹）")
    .action(async (file: string, options: RenderOptions) => {
      if ((LATER as readonly string[]).includes(options.format)) {
        io.err(`gongkai：${options.format} 格式尚未提供，目前可生成 xlsx、pdf、docx`);
        setExit(EXIT_BAD_INPUT);
        return;
      }
      if (!options.out) {
        io.err("gongkai：缺少输出文件：请用 --out 指定，如 --out 公开报表.xlsx");
        setExit(EXIT_BAD_INPUT);
        return;
      }
      const prepared = preparedOrReport(io, file, setExit);
      if (!prepared) return;
      const disclosure = buildDisclosure(prepared.doc, prepared.catalog, file);
      if (options.format === "datapackage") {
        // A folder: datapackage.json, the CSVs, the check certificate and SHA256SUMS.
        const { certificate } = certify(disclosure, prepared.catalog);
        const files = renderDataPackage({ disclosure, document: prepared.doc, names: classificationNames(prepared.doc, prepared.catalog), certificate });
        try {
          for (const f of files) {
            mkdirSync(dirname(join(options.out, f.path)), { recursive: true });
            writeFileSync(join(options.out, f.path), f.data);
          }
        } catch (error) {
          io.err(`gongkai：无法写入 ${options.out}（${(error as NodeJS.ErrnoException).code ?? "未知错误"}）`);
          setExit(EXIT_BAD_INPUT);
          return;
        }
        io.err(`已生成数据包 ${options.out}：${files.length} 个文件（datapackage.json、CSV、校验证明、SHA256SUMS）`);
        setExit(EXIT_OK);
        return;
      }
      const render = async (): Promise<Buffer> => {
        if (options.format === "xlsx") return renderPublishedXlsx(disclosure);
        if (options.format === "html") return Buffer.from(renderHtml(disclosure, { certificate: certify(disclosure, prepared.catalog).certificate }), "utf8");
        // PDF and DOCX print the check certificate on their last page.
        const { certificate } = certify(disclosure, prepared.catalog);
        return options.format === "pdf" ? renderPublishedPdf(disclosure, { certificate }) : renderPublishedDocx(disclosure, { certificate });
      };
      const data = await render();
      try {
        writeFileSync(options.out, data);
      } catch (error) {
        io.err(`gongkai：无法写入 ${options.out}（${(error as NodeJS.ErrnoException).code ?? "未知错误"}）`);
        setExit(EXIT_BAD_INPUT);
        return;
      }
      io.err(`已生成 ${options.out}：${options.format === "xlsx" ? "目录" : "封面、说明、目录"}和 ${disclosure.tables.length} 张表`);
      setExit(EXIT_OK);
    });
}
