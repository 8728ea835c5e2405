/**
 * The authoring workbook in LibreOffice: it opens and prints (PDF → PNG, for a person to look at), and
 * LibreOffice itself recalculates the 校验 sheet's totals — here after an amount is changed and every
 * cached formula result removed, so only a real recalculation can give the expected figures.
 */
import assert from "node:assert/strict";
import { mkdtempSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import ExcelJS from "exceljs";
import { loadCatalog } from "../../src/catalog/load.ts";
import { prepareDocument } from "../../src/pipeline/prepare.ts";
import { templateCatalogLists } from "../../src/pipeline/xlsx-template.ts";
import { writeTemplate } from "../../src/renderers/xlsx-template/write-template.ts";
import { pdfPagesToPng, sofficeConvert } from "../support/libreoffice.ts";

async function filledSeedTemplate(): Promise<ExcelJS.Workbook> {
  const prepared = prepareDocument("examples/hanzhong-zwfwzx-2023.budget.json");
  assert.ok(prepared.ok);
  const bytes = await writeTemplate({
    year: 2023,
    unitKind: prepared.doc.unit.kind,
    lists: templateCatalogLists(loadCatalog(2023), prepared.doc.unit.kind),
    doc: prepared.doc,
  });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

/** The value of a 校验 row, by its label in column A: a formula's (recalculated) result, or the value. */
function checkValue(workbook: ExcelJS.Workbook, label: string): unknown {
  const sheet = workbook.getWorksheet("校验")!;
  for (let r = 1; r <= sheet.rowCount; r += 1) {
    if (sheet.getCell(r, 1).text === label) {
      const value = sheet.getCell(r, 2).value;
      return value !== null && typeof value === "object" && "formula" in value ? (value.result ?? 0) : value;
    }
  }
  assert.fail(`校验 has no row “${label}”`);
}

describe("the authoring workbook in LibreOffice", () => {
  const dir = mkdtempSync(join(tmpdir(), "gongkai-template-lo-"));

  it("recalculates the 校验 totals itself", async () => {
    const workbook = await filledSeedTemplate();
    const lines = workbook.getWorksheet("支出明细")!;
    const amountColumn = lines.getRow(1).values as unknown[];
    const column = amountColumn.findIndex((v) => typeof v === "string" && v.startsWith("金额"));
    assert.ok(column > 0, "支出明细 has an amount column");
    const first = lines.getCell(2, column);
    first.value = Number(first.value) + 100;
    for (const sheet of workbook.worksheets) {
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          const value = cell.value;
          if (value !== null && typeof value === "object" && "formula" in value && value.formula) cell.value = { formula: value.formula };
        }),
      );
    }
    const changed = join(dir, "changed.xlsx");
    await workbook.xlsx.writeFile(changed);
    const recalculated = new ExcelJS.Workbook();
    await recalculated.xlsx.readFile(sofficeConvert(changed, "xlsx:Calc MS Excel 2007 XML", join(dir, "out")));
    assert.equal(checkValue(recalculated, "收入合计"), 2259811);
    assert.equal(checkValue(recalculated, "支出明细合计"), 2259911);
    assert.equal(checkValue(recalculated, "差额（收入 − 支出）"), -100);
    assert.equal(checkValue(recalculated, "收入与支出是否相等"), "不相等");
  });

  it("prints to PDF, and its first pages render to PNG", async () => {
    const workbook = await filledSeedTemplate();
    const file = join(dir, "template.xlsx");
    writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()));
    const pdf = sofficeConvert(file, "pdf", dir);
    assert.ok(statSync(pdf).size > 20_000, `PDF is ${statSync(pdf).size} bytes`);
    const pages = pdfPagesToPng(pdf, dir, 1, 3, "template");
    assert.equal(pages.length, 3);
    for (const page of pages) assert.ok(statSync(page).size > 5_000, `${page} is ${statSync(page).size} bytes`);
  });
});
