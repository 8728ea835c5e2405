import { writeFileSync } from "node:fs";
import type { Command } from "commander";
import { importTemplate } from "../../pipeline/xlsx-template.ts";
import { EXIT_BAD_INPUT, EXIT_OK, type Io, reportProblems } from "../output.ts";

export function registerImport(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command("import")
    .description("把填好的预算填报模板（.xlsx）转换为预算数据文件；问题逐个指明工作表和单元格")
    .argument("<file>", "填好的模板 .xlsx")
    .requiredOption("-o, --out <file>", "输出的 .budget.json 文件（有错误时不写）")
    .action(async (file: string, options: { out: string }) => {
      const result = await importTemplate(file);
      if (!result.ok) {
        reportProblems(io, file, result.problems);
        const errors = result.problems.filter((p) => p.severity === "error").length;
        io.err(`${file}：发现 ${errors} 个错误，未写入 ${options.out}`);
        setExit(EXIT_BAD_INPUT);
        return;
      }
      reportProblems(io, file, result.warnings);
      writeFileSync(options.out, `${JSON.stringify(result.doc, null, 2)}\n`);
      io.out(
        `已写入 ${options.out}（${result.doc.year} 年，${result.doc.unit.name}，${result.doc.expenditure.length} 条支出明细${
          result.warnings.length ? `，${result.warnings.length} 个警告` : ""
        }）`,
      );
      setExit(EXIT_OK);
    });
}
