/**
 * `gongkai catalog import`: reads an official catalog workbook with exceljs and stores its rows as the
 * catalog of one year. Writes into a temporary folder and renames it into place, so a failed import
 * leaves the previous catalog untouched.
 */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import type { CatalogRow, Classification } from "../../catalog/catalog.ts";
import { CLASSIFICATION_NAMES } from "../../catalog/catalog.ts";
import { FILE_NAMES, MANIFEST_FILE, type Manifest } from "../../catalog/load.ts";
import { classificationOfSheet, parseCatalogSheet, type SheetCell, type SheetProblem } from "./parse-catalog-sheet.ts";

export interface ImportResult {
  readonly ok: boolean;
  readonly counts: Partial<Record<Classification, Record<string, number>>>;
  readonly problems: readonly (SheetProblem & { sheet: string })[];
  readonly directory: string;
}

function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return "";
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("result" in value) return String(value.result ?? "");
    if ("text" in value) return String(value.text);
  }
  return String(value);
}

function sheetCells(sheet: ExcelJS.Worksheet): SheetCell[][] {
  const rows: SheetCell[][] = [];
  for (let r = 1; r <= sheet.rowCount; r += 1) {
    const row = sheet.getRow(r);
    const cells: SheetCell[] = [];
    for (let c = 1; c <= Math.max(sheet.columnCount, row.cellCount); c += 1) {
      const cell = row.getCell(c);
      const text = cellText(cell);
      const leading = /^[ \u3000]*/.exec(text)![0].length;
      cells.push({ text, indent: Math.max(cell.alignment?.indent ?? 0, Math.floor(leading / 2)) });
    }
    rows.push(cells);
  }
  return rows;
}

export async function importCatalogWorkbook(
  file: string,
  year: number,
  root: string,
  options: { name?: string; complete?: boolean } = {},
): Promise<ImportResult> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const directory = join(root, String(year));
  const found: Partial<Record<Classification, CatalogRow[]>> = {};
  const problems: (SheetProblem & { sheet: string })[] = [];
  const source = `导入：${basename(file)}`;
  for (const sheet of workbook.worksheets) {
    const classification = classificationOfSheet(sheet.name);
    if (!classification) continue;
    const parsed = parseCatalogSheet(sheetCells(sheet), classification, year, source);
    problems.push(...parsed.problems.map((p) => ({ ...p, sheet: sheet.name })));
    found[classification] = [...(found[classification] ?? []), ...parsed.rows];
  }
  if (Object.keys(found).length === 0) {
    problems.push({
      sheet: "",
      row: 0,
      message: `工作簿中没有可识别的工作表：工作表名称应含“${Object.values(CLASSIFICATION_NAMES).join("”“")}”之一`,
    });
  }
  const counts: ImportResult["counts"] = {};
  for (const [c, rows] of Object.entries(found) as [Classification, CatalogRow[]][]) {
    counts[c] = {};
    for (const row of rows) counts[c]![row.level] = (counts[c]![row.level] ?? 0) + 1;
  }
  if (problems.length > 0) return { ok: false, counts, problems, directory };

  const complete = options.complete ?? true;
  const manifest: Manifest = {
    name: options.name ?? `${year} 年政府收支分类科目（导入自 ${basename(file)}）`,
    years: [year, year],
    complete: {
      function: found.function ? { 类: complete, 款: complete, 项: complete } : {},
      deptEconomic: found.deptEconomic ? { 类: complete, 款: complete } : {},
      govEconomic: found.govEconomic ? { 类: complete, 款: complete } : {},
    },
  };
  const staging = `${directory}.importing-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  for (const [c, rows] of Object.entries(found) as [Classification, CatalogRow[]][]) {
    writeFileSync(
      join(staging, FILE_NAMES[c]),
      stringify(
        rows.map((r) => [r.code, r.name, r.level, r.from, r.to ?? "", r.source]),
        { header: true, columns: ["code", "name", "level", "from", "to", "source"] },
      ),
    );
  }
  writeFileSync(join(staging, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  const previous = `${directory}.previous-${process.pid}`;
  if (existsSync(directory)) renameSync(directory, previous);
  renameSync(staging, directory);
  rmSync(previous, { recursive: true, force: true });
  return { ok: true, counts, problems: [], directory };
}
