/** The authoring workbook itself: sheets, drop-downs from the catalog, marked and unlocked input cells, formulas; and the two commands. */
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { loadCatalog } from "../../src/catalog/load.ts";
import { LIST_SHEETS, TEMPLATE_SHEETS as S } from "../../src/model/authoring-template.ts";
import { templateCatalogLists } from "../../src/pipeline/xlsx-template.ts";
import { writeTemplate } from "../../src/renderers/xlsx-template/write-template.ts";
import { runCli } from "../cli/run-cli.ts";
import { bytesOf, canonical, loadWorkbook, SEED_PATH, seedDocument, sheet, templateFor } from "./support.ts";

const dir = mkdtempSync(join(tmpdir(), "gongkai-template-"));
after(() => rmSync(dir, { recursive: true, force: true }));

describe("the authoring workbook", async () => {
  const catalog = loadCatalog(2023);
  const blank = await loadWorkbook(await writeTemplate({ year: 2023, unitKind: "事业单位", lists: templateCatalogLists(catalog, "事业单位") }));

  it("has the sheets in order, and hidden catalog lists of “code 名称”", () => {
    const visible = blank.worksheets.filter((w) => w.state === "visible").map((w) => w.name);
    assert.deepEqual(visible, Object.values(S));
    for (const name of Object.values(LIST_SHEETS)) assert.equal(sheet(blank, name).state, "hidden");
    assert.equal(sheet(blank, LIST_SHEETS.function).getCell("A1").value, `${catalog.entries("function", "项")[0]!.code} ${catalog.entries("function", "项")[0]!.name}`);
    // For a 事业单位 only the 政府经济科目 its 对照表 uses are offered.
    const offered = new Set<string>();
    sheet(blank, LIST_SHEETS.govEconomic).eachRow((row) => offered.add(String(row.getCell(1).value).slice(0, 3)));
    assert.ok(!offered.has("501"), [...offered].join(","));
  });

  it("offers drop-downs on code and vocabulary columns, and marks input cells (unlocked, filled) apart from locked labels", () => {
    const lines = sheet(blank, S.expenditure);
    const validations = (lines as any).dataValidations.model as Record<string, { type: string; formulae: string[] }>;
    assert.match(validations.C2!.formulae[0]!, /_功能科目/);
    assert.match(validations.E2!.formulae[0]!, /_政府经济科目/);
    assert.match(validations.F2!.formulae[0]!, /_词表/);
    assert.notEqual(lines.getCell("C1").protection?.locked, false, "labels stay locked (the default)");
    assert.equal(lines.getCell("C2").protection?.locked, false);
    assert.equal((lines.getCell("C2").fill as any)?.fgColor?.argb, "FFFFF2CC");
    const protection = (lines as any).sheetProtection as Record<string, unknown> | undefined;
    assert.ok(protection?.sheet, "sheet is protected");
    assert.ok(!("hashValue" in (protection ?? {})), "without a password");
    assert.match(String((lines.getCell("K2").value as any).formula), /VLOOKUP.*_对照表/);
    assert.equal(sheet(blank, S.unit).getCell("B7").value, "事业单位");
  });

  it("computes totals and the balance on 校验 with formulas (cached results when filled from a document)", async () => {
    const check = sheet(blank, S.check);
    assert.match(String((check.getCell("B2").value as any).formula), /^SUM\('收入'!C:C\)$/);
    assert.match(String((check.getCell("B8").value as any).formula), /相等/);
    const filled = await loadWorkbook(await templateFor(seedDocument()));
    assert.equal((sheet(filled, S.check).getCell("B2").value as any).result, 2259811);
    assert.equal((sheet(filled, S.check).getCell("B8").value as any).result, "相等");
  });

  it("gongkai template and gongkai import round-trip the seed example; errors write nothing and exit 2", async () => {
    const xlsx = join(dir, "seed.xlsx");
    const made = await runCli("template", "--from", SEED_PATH, "--out", xlsx);
    assert.equal(made.code, 0, made.err);
    const out = join(dir, "seed.budget.json");
    const imported = await runCli("import", xlsx, "--out", out);
    assert.equal(imported.code, 0, imported.err);
    assert.deepEqual(canonical(JSON.parse(readFileSync(out, "utf8"))), canonical(seedDocument()));

    const workbook = await loadWorkbook(readFileSync(xlsx));
    sheet(workbook, S.expenditure).getCell("C12").value = "2010351x";
    const bad = join(dir, "bad.xlsx");
    await import("node:fs").then((fs) => bytesOf(workbook).then((b) => fs.writeFileSync(bad, b)));
    const badOut = join(dir, "bad.budget.json");
    const failed = await runCli("import", bad, "--out", badOut);
    assert.equal(failed.code, 2);
    assert.match(failed.err, /支出明细!C12：错误：功能科目应为 7 位/);
    assert.ok(!existsSync(badOut));

    const empty = await runCli("template", "--year", "2023", "--unit-kind", "行政单位", "--out", join(dir, "blank.xlsx"));
    assert.equal(empty.code, 0, empty.err);
    assert.equal((await runCli("template", "--out", join(dir, "x.xlsx"))).code, 2);
  });
});
