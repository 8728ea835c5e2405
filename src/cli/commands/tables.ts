import type { Command } from "commander";
import { renderTablesCsv } from "../../renderers/csv/render-tables-csv.ts";
import { renderTableText } from "../../renderers/text/render-table.ts";
import { buildTables } from "../../tables/index.ts";
import { EXIT_OK, type Io, preparedOrReport } from "../output.ts";
import { parseChoice, parseTableNumber } from "./options.ts";

export function registerTables(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command("tables")
    .description("由预算数据（*.budget.json / *.budget.yaml）生成公开报表")
    .argument("<file>", "预算数据文件")
    .option("-t, --table <n>", "只输出第 n 张表（1–15）", parseTableNumber)
    .option("-f, --format <format>", "输出格式：text、json 或 csv", parseChoice(["text", "json", "csv"]), "text")
    .action((file: string, options: { table?: number; format: "text" | "json" | "csv" }) => {
      const prepared = preparedOrReport(io, file, setExit);
      if (!prepared) return;
      const tables = buildTables(prepared.doc, { catalog: prepared.catalog }, options.table ? [options.table] : undefined);
      if (options.format === "json") io.out(JSON.stringify({ year: prepared.doc.year, unit: prepared.doc.unit.name, tables }, null, 2));
      else if (options.format === "csv") io.out(renderTablesCsv(tables));
      else io.out(tables.map(renderTableText).join("\n\n"));
      setExit(EXIT_OK);
    });
}
