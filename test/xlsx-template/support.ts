/** Shared by the authoring-workbook tests: a template filled from a document, edited with exceljs, imported. */
import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { loadCatalog } from "../../src/catalog/load.ts";
import type { BudgetDocument } from "../../src/model/budget-document.ts";
import { parseBudgetDocument } from "../../src/pipeline/load-document.ts";
import { importTemplate, templateCatalogLists } from "../../src/pipeline/xlsx-template.ts";
import { writeTemplate } from "../../src/renderers/xlsx-template/write-template.ts";

export const SEED_PATH = "examples/hanzhong-zwfwzx-2023.budget.json";

export function seedDocument(): BudgetDocument {
  const loaded = parseBudgetDocument(JSON.parse(readFileSync(SEED_PATH, "utf8")));
  if (!loaded.ok) throw new Error("seed example does not parse");
  return loaded.doc;
}

/** The document as its JSON file would say it (no $schema, defaults applied): what import must give back. */
export function canonical(doc: BudgetDocument): unknown {
  const { $schema: _ignored, ...rest } = doc;
  return JSON.parse(JSON.stringify(rest));
}

export async function templateFor(doc: BudgetDocument, spareRows = 20): Promise<Buffer> {
  const catalog = loadCatalog(doc.year);
  return writeTemplate({ year: doc.year, unitKind: doc.unit.kind, lists: templateCatalogLists(catalog, doc.unit.kind), doc, spareRows });
}

export async function loadWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

export async function bytesOf(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The seed template, changed by `edit`, then imported. */
export async function importEdited(edit: (workbook: ExcelJS.Workbook) => void, doc: BudgetDocument = seedDocument()) {
  const workbook = await loadWorkbook(await templateFor(doc));
  edit(workbook);
  return importTemplate(await bytesOf(workbook));
}

export function sheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const found = workbook.getWorksheet(name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}
