/**
 * The published workbook (src/renderers/xlsx) and reading published workbooks (src/importers/published-xlsx):
 * - the seed example's workbook, read back, raises no error; with one figure changed (表5 2010350 合计),
 *   the finding points at that cell: table, row code, column and the sheet row;
 * - a workbook laid out as units publish (title rows, 编制单位 / 单位 line, merged two-row header, 万元,
 *   codes typed as numbers, a formula total with float noise, a 注 line) reads to the expected fen;
 * - text that starts with = + - @ is written as text, never as a formula;
 * - the layout: sheet names, merges, number format, frozen header rows, print setup.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import ExcelJS from "exceljs";
import { readPublishedWorkbook, numberText } from "../../src/importers/published-xlsx/read-workbook.ts";
import type { Disclosure } from "../../src/model/disclosure.ts";
import { parseWanYuan, yuan } from "../../src/model/money.ts";
import { checkDisclosure } from "../../src/pipeline/check.ts";
import { AMOUNT_FORMAT, amountNumber, renderPublishedXlsx } from "../../src/renderers/xlsx/render-published-xlsx.ts";
import { editTable, publishedSeed, seedCatalog } from "../support/disclosure-fixtures.ts";

async function load(data: Buffer | ArrayBuffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as ArrayBuffer);
  return workbook;
}

async function bytes(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

/** The sheet row whose column A holds `code`. */
function rowWithCode(sheet: ExcelJS.Worksheet, code: string): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  sheet.eachRow((row) => {
    if (row.getCell(1).value === code) found = row;
  });
  assert.ok(found, `${sheet.name} has a row coded ${code}`);
  return found;
}

const errors = (d: Disclosure) => checkDisclosure(d, seedCatalog()).filter((f) => f.severity === "error");

describe("the seed example's published workbook", async () => {
  const seed = publishedSeed();
  const data = await renderPublishedXlsx(seed);
  const workbook = await load(data);

  it("has a 目录 sheet, then 表1…表15 with 表13-1…表13-3", () => {
    assert.deepEqual(
      workbook.worksheets.map((s) => s.name),
      ["目录", "表1", "表2", "表3", "表4", "表5", "表6", "表7", "表8", "表9", "表10", "表11", "表12", "表13-1", "表13-2", "表13-3", "表14", "表15"],
    );
    const contents = workbook.getWorksheet("目录")!;
    const texts: string[] = [];
    // Read cell by cell: exceljs repeats a merged cell's value in every cell of the merge.
    contents.eachRow((row) => texts.push([1, 2, 3, 4].map((c) => row.getCell(c)).filter((c) => c.master === c && c.value != null).map((c) => String(c.value)).join("|")));
    assert.ok(texts.includes("保密审查情况：已审查"));
    assert.ok(texts.includes("表号|报表名称|是否空表|公开空表理由"));
    assert.ok(texts.includes("表9|部门综合预算政府性基金收支表|是|当年无政府性基金收支预算"));
  });

  it("lays 表2 out as the template: title, 单位 line, merged two-row header, frozen, A4 landscape with the header repeated", () => {
    const sheet = workbook.getWorksheet("表2")!;
    assert.equal(sheet.getCell("A1").value, "部门综合预算收入总表");
    assert.equal(sheet.getCell("A2").value, "单位：元");
    const merges = (sheet.model as unknown as { merges: string[] }).merges;
    for (const range of ["A1:P1", "A3:A4", "B3:B4", "D3:G3", "I3:J3"]) assert.ok(merges.includes(range), `${range} in ${merges.join(",")}`);
    assert.equal(sheet.getCell("D4").value, "小计");
    assert.deepEqual(sheet.views[0], { ...sheet.views[0], state: "frozen", ySplit: 4, xSplit: 2 });
    assert.equal(sheet.pageSetup.orientation, "landscape");
    assert.equal(sheet.pageSetup.paperSize, 9);
    assert.equal(sheet.pageSetup.printTitlesRow, "3:4");
    const total = sheet.getCell("C6");
    assert.equal(total.value, 2_259_811);
    assert.equal(total.numFmt, AMOUNT_FORMAT);
    assert.equal(sheet.getCell("A6").value, "117002");
  });

  it("puts 表1's four blocks side by side", () => {
    const sheet = workbook.getWorksheet("表1")!;
    assert.deepEqual([1, 3, 5, 7].map((c) => sheet.getCell(4, c).value), ["项 目", "支出功能分类科目（按大类）", "部门预算支出经济分类科目（按大类）", "政府预算支出经济分类科目（按大类）"]);
    assert.equal(sheet.getCell("A6").value, "1、财政拨款");
    assert.equal(sheet.getCell("B6").value, 2_259_811);
  });

  it("writes the 绩效目标 forms in 万元 with the exact figure (225.9811 shown as 225.98)", () => {
    const sheet = workbook.getWorksheet("表14")!;
    let total: ExcelJS.Row | undefined;
    sheet.eachRow((row) => {
      if (row.getCell(2).value === "金额合计") total = row;
    });
    assert.equal(total?.getCell(4).value, 225.9811);
    assert.equal(total?.getCell(4).numFmt, AMOUNT_FORMAT);
  });

  it("reads back as the built tables, with no error and nothing unread", async () => {
    const back = await readPublishedWorkbook(data, { origin: "seed.xlsx" });
    assert.deepEqual(back.unread, []);
    assert.equal(back.year, 2023);
    assert.equal(back.unitName, "汉中市政务服务中心");
    assert.deepEqual(back.cover, seed.cover);
    assert.deepEqual(back.tables.map((t) => t.number), seed.tables.map((t) => t.number));
    for (const number of [1, 2, 3, 4, 5, 6, 7, 8, 10, 12] as const) {
      const built = seed.tables.find((t) => t.number === number)!;
      const read = back.tables.find((t) => t.number === number)!;
      assert.deepEqual(read.columns, built.columns, `表${number} columns`);
      const figures = (t: typeof built) => t.rows.map((r) => [r.group ?? null, r.label, ...r.values.map((v) => (v === 0 ? null : v))]);
      assert.deepEqual(figures(read), figures(built), `表${number} rows`);
    }
    assert.deepEqual(errors(back), []);
  });

  it("with 表5 2010350 合计 changed, the finding points at that cell", async () => {
    const edited = await load(data);
    const sheet = edited.getWorksheet("表5")!;
    const row = rowWithCode(sheet, "2010350");
    assert.equal(sheet.getCell(3, 3).value, "合计");
    row.getCell(3).value = 1_369_693; // printed 1,368,693.00: 1,000 元 more
    const back = await readPublishedWorkbook(await bytes(edited), { origin: "edited.xlsx" });
    const found = errors(back);
    assert.ok(found.length > 0);
    const pointing = found.filter((f) => f.cells.some((c) => c.table === 5 && c.rowCode === "2010350" && c.column === "合计" && c.source?.line === row.number));
    assert.ok(pointing.length > 0, found.map((f) => `${f.ruleId}: ${JSON.stringify(f.cells)}`).join("\n"));
    assert.equal(pointing[0]!.actual, yuan(1_369_693));
  });
});

describe("a workbook laid out as units publish it", async () => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Sheet3");
  sheet.mergeCells("A1:F1");
  sheet.getCell("A1").value = "XX局2023年一般公共预算支出功能分类预算表";
  sheet.getCell("A2").value = "编制单位：XX局";
  sheet.getCell("F2").value = "单位：万元";
  sheet.mergeCells("A3:A4");
  sheet.mergeCells("B3:B4");
  sheet.mergeCells("C3:C4");
  sheet.mergeCells("D3:E3");
  sheet.mergeCells("F3:F4");
  sheet.getCell("A3").value = "科目编码";
  sheet.getCell("B3").value = "科目名称";
  sheet.getCell("C3").value = "合计";
  sheet.getCell("D3").value = "基本支出";
  sheet.getCell("D4").value = "人员经费";
  sheet.getCell("E4").value = "公用经费";
  sheet.getCell("F3").value = "项目支出";
  sheet.addRow(["", "合计", { formula: "C6+C7", result: 0.1 + 0.2 + 150 }, 100.1, 0.2, 50]);
  sheet.mergeCells("A5:B5");
  sheet.getCell("A5").value = "合计";
  sheet.addRow([2010350, "事业运行", 100.3, 100.1, 0.2, null]);
  sheet.addRow([2010399, "  其他政府办公厅（室）及相关机构事务支出", 50, null, null, { richText: [{ text: "5" }, { text: "0" }] }]);
  sheet.addRow(["注：本表为一般公共预算拨款。"]);
  const noResult = workbook.addWorksheet("表12");
  noResult.getCell("A1").value = "一般公共预算“三公”经费支出表";
  noResult.getCell("A2").value = "单位：元";
  noResult.addRow(["单位名称", "“三公”经费合计", "公务接待费"]);
  noResult.addRow(["XX局", { formula: "SUM(C4)" }, 2000]);

  it("reads the title, the 万元 unit, the merged header and the figures", async () => {
    const d = await readPublishedWorkbook(await bytes(workbook), { origin: "unit.xlsx" });
    const t5 = d.tables.find((t) => t.number === 5)!;
    assert.ok(t5, JSON.stringify(d.unread));
    assert.equal(t5.unit, "万元");
    assert.deepEqual(t5.columns.map((c) => c.key), ["total", "人员经费", "公用经费", "专项业务经费"]);
    assert.deepEqual(t5.header.map((r) => r.map((c) => c.text)), [["科目编码", "科目名称", "合计", "基本支出", "", "项目支出"], ["", "", "", "人员经费", "公用经费", ""]]);
    const wan = (s: string) => parseWanYuan(s);
    assert.deepEqual(
      t5.rows.map((r) => [r.code ?? null, r.label, r.kind, ...r.values, r.source?.line]),
      [
        [null, "合计", "total", wan("150.3"), wan("100.1"), wan("0.2"), wan("50"), 5],
        ["2010350", "事业运行", "item", wan("100.3"), wan("100.1"), wan("0.2"), null, 6],
        ["2010399", "其他政府办公厅（室）及相关机构事务支出", "item", wan("50"), null, null, wan("50"), 7],
      ],
    );
    assert.deepEqual(t5.notes, ["注：本表为一般公共预算拨款。"]);
    assert.equal(d.year, 2023);
  });

  it("reports a formula without a cached result by sheet and cell", async () => {
    const d = await readPublishedWorkbook(await bytes(workbook), { origin: "unit.xlsx" });
    const entry = d.unread.find((u) => u.why.includes("表12!B4"));
    assert.ok(entry, JSON.stringify(d.unread));
    assert.equal(entry.text, "=SUM(C4)");
    assert.equal(entry.source?.line, 4);
  });

  it("turns numbers into decimal text exactly, cutting float noise at a fen of 万元", () => {
    assert.equal(numberText(0.1 + 0.2), "0.3");
    assert.equal(numberText(2_259_811), "2259811");
    assert.equal(numberText(225.9811), "225.9811");
    assert.equal(numberText(amountNumber(yuan(1_368_693.07), "元")), "1368693.07");
    assert.equal(numberText(1234.5678912), "1234.5678912");
  });
});

describe("text that a spreadsheet would take for a formula", () => {
  it("is written as a string, never a formula, and reads back as typed", async () => {
    const risky = ["=1+2", "+86 0916", "-负数说明", "@SUM(A1:A2)", '=HYPERLINK("http://example.com","点击")'];
    const seed = editTable(publishedSeed(), 10, (t) => ({
      ...t,
      rows: t.rows.map((r, i) => (i >= 2 ? { ...r, label: risky[i - 2]!, values: [r.values[0]!, risky[i]!] } : r)),
    }));
    const data = await renderPublishedXlsx(seed);
    const sheet = (await load(data)).getWorksheet("表10")!;
    const seen: string[] = [];
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        if (typeof cell.value === "string" && /^[=+\-@]/.test(cell.value)) {
          assert.equal(cell.type, ExcelJS.ValueType.String, `${cell.address} is a string cell`);
          assert.equal(cell.formula, undefined);
          seen.push(cell.value);
        }
      });
    });
    assert.deepEqual(new Set(seen), new Set(risky));
    const back = await readPublishedWorkbook(data, { origin: "risky.xlsx" });
    const labels = back.tables.find((t) => t.number === 10)!.rows.map((r) => r.label);
    for (const text of risky.slice(0, 3)) assert.ok(labels.includes(text), text);
  });
});
