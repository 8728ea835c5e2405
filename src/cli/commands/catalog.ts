import type { Command } from "commander";
import { CLASSIFICATION_NAMES, type Classification } from "../../catalog/catalog.ts";
import { CatalogNotFoundError, importedCatalogRoot, loadCatalog } from "../../catalog/load.ts";
import { importCatalogWorkbook } from "../../importers/catalog-xlsx/import-catalog.ts";
import { EXIT_BAD_INPUT, EXIT_OK, type Io } from "../output.ts";
import { parseChoice, parseYear } from "./options.ts";

export function registerCatalog(program: Command, io: Io, setExit: (code: number) => void): void {
  const catalog = program.command("catalog").description("政府收支分类科目目录：导入、查询");

  catalog
    .command("import")
    .description("导入财政部发布的当年科目目录工作簿（.xlsx）")
    .argument("<file>", "目录工作簿")
    .requiredOption("-y, --year <year>", "目录适用的预算年度", parseYear)
    .option("--name <name>", "目录名称")
    .option("--incomplete", "目录不完整（未知科目只作警告）")
    .action(async (file: string, options: { year: number; name?: string; incomplete?: boolean }) => {
      let result;
      try {
        result = await importCatalogWorkbook(file, options.year, importedCatalogRoot(), {
          ...(options.name ? { name: options.name } : {}),
          complete: !options.incomplete,
        });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        io.err(code === "ENOENT" ? `找不到文件 ${file}` : `${file}：无法作为 Excel 工作簿读取（${(error as Error).message}）`);
        setExit(EXIT_BAD_INPUT);
        return;
      }
      for (const p of result.problems) io.err(`${file}：${p.sheet ? `${p.sheet}!第 ${p.row} 行：` : ""}${p.message}`);
      if (!result.ok) {
        io.err(`未导入：发现 ${result.problems.length} 个问题，原有目录未改动`);
        setExit(EXIT_BAD_INPUT);
        return;
      }
      for (const [c, counts] of Object.entries(result.counts)) {
        const parts = Object.entries(counts).map(([level, n]) => `${level} ${n}`);
        io.out(`${CLASSIFICATION_NAMES[c as Classification]}：${parts.join("，")}`);
      }
      io.out(`已导入 ${options.year} 年目录到 ${result.directory}`);
      setExit(EXIT_OK);
    });

  catalog
    .command("show")
    .description("查询某年目录中的科目")
    .requiredOption("-y, --year <year>", "预算年度", parseYear)
    .option("-c, --classification <c>", "function、deptEconomic 或 govEconomic", parseChoice(["function", "deptEconomic", "govEconomic"]), "function")
    .option("--code <code>", "只显示此编码及其下级")
    .action((options: { year: number; classification: Classification; code?: string }) => {
      try {
        const cat = loadCatalog(options.year);
        const entries = cat.entries(options.classification).filter((e) => !options.code || e.code.startsWith(options.code));
        for (const e of entries) io.out(`${e.code}\t${e.level}\t${e.name}`);
        io.out(`${cat.name}（${options.year} 年）${CLASSIFICATION_NAMES[options.classification]}：${entries.length} 个科目`);
        setExit(EXIT_OK);
      } catch (error) {
        if (!(error instanceof CatalogNotFoundError)) throw error;
        io.err(error.message);
        setExit(EXIT_BAD_INPUT);
      }
    });
}
