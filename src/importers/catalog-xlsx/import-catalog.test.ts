import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import ExcelJS from "exceljs";
import { loadCatalog } from "../../catalog/load.ts";
import { runCli } from "../../../test/cli/run-cli.ts";

/** Writes a workbook shaped like the Ministry of Finance's catalog XLS: a title, a header, then rows. */
async function workbook(path: string, sheets: Record<string, (string | { text: string; indent: number })[][]>) {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = wb.addWorksheet(name);
    sheet.addRow(["2024年政府收支分类科目"]);
    for (const row of rows) {
      const added = sheet.addRow(row.map((c) => (typeof c === "string" ? c : c.text)));
      row.forEach((c, i) => {
        if (typeof c !== "string") added.getCell(i + 1).alignment = { indent: c.indent };
      });
    }
  }
  await wb.xlsx.writeFile(path);
}

describe("gongkai catalog import", () => {
  const dir = mkdtempSync(join(tmpdir(), "gongkai-catalog-"));
  process.env.GONGKAI_CATALOG_DIR = join(dir, "catalogs");

  it("imports the three usual layouts and answers lookups for that year", async () => {
    const file = join(dir, "2024.xlsx");
    await workbook(file, {
      // full codes: level by length
      支出功能分类科目: [
        ["科目编码", "科目名称", "说明"],
        ["201", "一般公共服务支出", ""],
        ["20103", "政府办公厅（室）及相关机构事务", ""],
        ["2010350", "事业运行", ""],
        ["210", "卫生健康支出", ""],
        ["21011", "行政事业单位医疗", ""],
        ["2101102", "事业单位医疗", ""],
      ],
      // separate 类/款 columns
      部门预算支出经济分类科目: [
        ["类", "款", "科目名称"],
        ["301", "", "工资福利支出"],
        ["", "01", "基本工资"],
        ["", "02", "津贴补贴"],
      ],
      // short codes with the name's indentation giving the level
      政府预算支出经济分类科目: [
        ["科目编码", "科目名称"],
        ["505", "对事业单位经常性补助"],
        [{ text: "01", indent: 1 }, { text: "工资福利支出", indent: 1 }],
        [{ text: "02", indent: 1 }, { text: "商品和服务支出", indent: 1 }],
      ],
    });
    const { code, out, err } = await runCli("catalog", "import", file, "--year", "2024");
    assert.equal(code, 0, err);
    assert.match(out, /支出功能分类：类 2，款 2，项 2/);
    assert.match(out, /部门预算支出经济分类：类 1，款 2/);
    assert.match(out, /政府预算支出经济分类：类 1，款 2/);

    const catalog = loadCatalog(2024);
    assert.equal(catalog.lookup("function", "2010350")?.name, "事业运行");
    assert.equal(catalog.lookup("deptEconomic", "30102")?.name, "津贴补贴");
    assert.equal(catalog.lookup("govEconomic", "50502")?.name, "商品和服务支出");
    assert.equal(catalog.lookup("function", "2080505"), undefined, "the imported year replaces the built-in rows");
    assert.ok(catalog.isComplete("function", "项"), "an official catalog is complete unless told otherwise");
    assert.equal(loadCatalog(2023).lookup("function", "2080505")?.name, "机关事业单位基本养老保险缴费支出", "other years untouched");
  });

  it("reports every problem with its sheet and row, and leaves the previous catalog as it was", async () => {
    const manifest = join(process.env.GONGKAI_CATALOG_DIR!, "2024", "catalog.json");
    const before = readFileSync(manifest, "utf8");
    const file = join(dir, "bad.xlsx");
    await workbook(file, {
      支出功能分类科目: [
        ["科目编码", "科目名称"],
        ["201", "一般公共服务支出"],
        ["2010", "四位编码"],
        ["20103", ""],
        ["201", "重复"],
        ["abc", "字母"],
      ],
    });
    const { code, err } = await runCli("catalog", "import", file, "--year", "2024");
    assert.equal(code, 2);
    assert.match(err, /支出功能分类科目!第 4 行：科目编码“2010”的位数不对/);
    assert.match(err, /第 5 行：科目 20103 没有名称/);
    assert.match(err, /第 6 行：科目 201 重复出现/);
    assert.match(err, /第 7 行：科目编码“abc”不是数字/);
    assert.match(err, /未导入：发现 4 个问题，原有目录未改动/);
    assert.equal(readFileSync(manifest, "utf8"), before);
  });

  it("says plainly when the file is not a workbook", async () => {
    const file = join(dir, "not.xlsx");
    writeFileSync(file, "this is text");
    const { code, err } = await runCli("catalog", "import", file, "--year", "2025");
    assert.equal(code, 2);
    assert.match(err, /无法作为 Excel 工作簿读取/);
    assert.ok(!existsSync(join(process.env.GONGKAI_CATALOG_DIR!, "2025")));
  });
});
