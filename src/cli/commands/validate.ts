import type { Command } from "commander";
import { prepareDocument } from "../../pipeline/prepare.ts";
import { EXIT_BAD_INPUT, EXIT_OK, type Io, reportProblems } from "../output.ts";

export function registerValidate(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command("validate")
    .description("按数据结构和当年科目目录检查预算数据文件")
    .argument("<file>", "预算数据文件")
    .action((file: string) => {
      const prepared = prepareDocument(file);
      if (!prepared.ok) {
        reportProblems(io, file, prepared.problems);
        const errors = prepared.problems.filter((p) => p.severity === "error").length;
        io.err(`${file}：发现 ${errors} 个错误`);
        setExit(EXIT_BAD_INPUT);
        return;
      }
      reportProblems(io, file, prepared.warnings);
      io.out(
        `${file}：有效（${prepared.doc.year} 年，${prepared.doc.unit.name}，${prepared.doc.expenditure.length} 条支出明细${
          prepared.warnings.length ? `，${prepared.warnings.length} 个警告` : ""
        }）`,
      );
      setExit(EXIT_OK);
    });
}
