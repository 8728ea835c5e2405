import { writeFileSync } from "node:fs";
import type { Command } from "commander";
import { CatalogNotFoundError, loadCatalog } from "../../catalog/load.ts";
import type { BudgetDocument } from "../../model/budget-document.ts";
import { UNIT_KINDS, type UnitKind } from "../../model/vocabulary.ts";
import { prepareDocument } from "../../pipeline/prepare.ts";
import { templateCatalogLists } from "../../pipeline/xlsx-template.ts";
import { writeTemplate } from "../../renderers/xlsx-template/write-template.ts";
import { EXIT_BAD_INPUT, EXIT_OK, type Io, reportProblems } from "../output.ts";
import { parseChoice, parseYear } from "./options.ts";

export function registerTemplate(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command("template")
    .description("生成预算填报模板（Excel 工作簿）；--from 可用已有的预算数据填好")
    .option("-y, --year <year>", "预算年度（用 --from 时可省略）", parseYear)
    .option("--unit-kind <kind>", `单位性质：${UNIT_KINDS.join("、")}（决定下拉列表中的政府经济科目）`, parseChoice(UNIT_KINDS))
    .option("--from <file>", "用这份预算数据（.budget.json/.yaml）填写模板")
    .requiredOption("-o, --out <file>", "输出的 .xlsx 文件")
    .action(async (options: { year?: number; unitKind?: UnitKind; from?: string; out: string }) => {
      let doc: BudgetDocument | undefined;
      if (options.from) {
        const prepared = prepareDocument(options.from);
        if (!prepared.ok) {
          reportProblems(io, options.from, prepared.problems);
          io.err(`${options.from}：有错误，未生成模板`);
          setExit(EXIT_BAD_INPUT);
          return;
        }
        doc = prepared.doc;
        if (options.year !== undefined && options.year !== doc.year) {
          io.err(`--year ${options.year} 与 ${options.from} 的年度 ${doc.year} 不一致`);
          setExit(EXIT_BAD_INPUT);
          return;
        }
      }
      const year = doc?.year ?? options.year;
      if (year === undefined) {
        io.err("请用 --year 指定预算年度（或用 --from 给出预算数据）");
        setExit(EXIT_BAD_INPUT);
        return;
      }
      let catalog;
      try {
        catalog = loadCatalog(year);
      } catch (error) {
        if (!(error instanceof CatalogNotFoundError)) throw error;
        io.err(error.message);
        setExit(EXIT_BAD_INPUT);
        return;
      }
      const unitKind = doc?.unit.kind ?? options.unitKind;
      const bytes = await writeTemplate({
        year,
        ...(unitKind ? { unitKind } : {}),
        lists: templateCatalogLists(catalog, doc?.scope === "部门" ? undefined : unitKind),
        ...(doc ? { doc } : {}),
      });
      writeFileSync(options.out, bytes);
      io.out(`已生成 ${options.out}（${year} 年填报模板${doc ? `，已填入 ${doc.unit.name} 的 ${doc.expenditure.length} 条支出明细` : ""}）`);
      setExit(EXIT_OK);
    });
}
