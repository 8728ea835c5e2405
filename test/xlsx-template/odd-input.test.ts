/** What people do to a workbook: each case is handled (with a warning where something was assumed) or reported plainly. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type ExcelJS from "exceljs";
import { TEMPLATE_SHEETS as S } from "../../src/model/authoring-template.ts";
import { canonical, importEdited, seedDocument, sheet } from "./support.ts";

const seed = seedDocument();

async function importsAsSeed(edit: (workbook: ExcelJS.Workbook) => void) {
  const result = await importEdited(edit);
  assert.ok(result.ok, JSON.stringify(!result.ok && result.problems));
  assert.deepEqual(canonical(result.doc), canonical(seed));
  return result.warnings;
}

describe("odd input in a filled template", () => {
  it("reads amounts typed as text, with thousands separators, full-width digits or a 元 sign", async () => {
    const warnings = await importsAsSeed((wb) => {
      const lines = sheet(wb, S.expenditure);
      lines.getCell("I2").value = "583,103.00";
      lines.getCell("I3").value = "５１，１００";
      lines.getCell("I4").value = " 683065元 ";
      lines.getCell("I5").value = "￥11,425";
      sheet(wb, S.revenue).getCell("C2").value = "2,259,811.00";
    });
    assert.deepEqual(warnings, []);
  });

  it("converts a column whose header says 万元, and says so", async () => {
    const warnings = await importsAsSeed((wb) => {
      const lines = sheet(wb, S.expenditure);
      lines.getCell("I1").value = "金额（万元）";
      seed.expenditure.forEach((line, i) => {
        lines.getCell(`I${i + 2}`).value = line.amount / 1_000_000;
      });
    });
    assert.equal(warnings.length, 1);
    assert.equal(warnings[0]!.path, `${S.expenditure}!I1`);
    assert.match(warnings[0]!.message, /万元.*换算/);
  });

  it("takes a vertically merged code for every row it covers", async () => {
    await importsAsSeed((wb) => {
      sheet(wb, S.expenditure).mergeCells("C2:C5");
    });
  });

  it("reports merged amount cells and cells merged across columns", async () => {
    const result = await importEdited((wb) => {
      const lines = sheet(wb, S.expenditure);
      lines.mergeCells("I6:I7");
      lines.mergeCells("F9:G9");
    });
    assert.ok(!result.ok);
    const at = (cell: string) => result.problems.filter((p) => p.path === `${S.expenditure}!${cell}`);
    assert.match(at("I7")[0]?.message ?? "", /纵向合并/);
    assert.match(at("G9")[0]?.message ?? "", /横向合并/);
  });

  it("skips blank rows", async () => {
    await importsAsSeed((wb) => {
      sheet(wb, S.expenditure).spliceRows(5, 0, [], [], []);
      sheet(wb, S.revenue).spliceRows(2, 0, []);
      sheet(wb, S.indicators).spliceRows(4, 0, [], []);
    });
  });

  it("ignores columns a user added, with a warning naming them", async () => {
    const warnings = await importsAsSeed((wb) => {
      const lines = sheet(wb, S.expenditure);
      lines.getCell("L1").value = "备注";
      lines.getCell("L2").value = "经办人：张三";
      lines.getCell("L3").value = 12345;
    });
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!.message, /多出的列已忽略.*L1“备注”/);
  });

  it("finds columns a user moved", async () => {
    await importsAsSeed((wb) => {
      const lines = sheet(wb, S.expenditure);
      lines.spliceColumns(2, 0, []);
    });
  });

  it("reports a formula without a cached value plainly, and uses a cached one", async () => {
    const failed = await importEdited((wb) => {
      sheet(wb, S.expenditure).getCell("I2").value = { formula: "500000+83103" } as ExcelJS.CellFormulaValue;
    });
    assert.ok(!failed.ok);
    assert.deepEqual(
      failed.problems.filter((p) => p.severity === "error"),
      [{ severity: "error", path: `${S.expenditure}!I2`, message: "公式没有计算结果，请在 Excel 中保存后再导入" }],
    );
    await importsAsSeed((wb) => {
      sheet(wb, S.expenditure).getCell("I2").value = { formula: "500000+83103", result: 583103 } as ExcelJS.CellFormulaValue;
    });
  });

  it("takes codes typed as numbers, and the code of “2010350 事业运行”", async () => {
    await importsAsSeed((wb) => {
      const lines = sheet(wb, S.expenditure);
      lines.getCell("C2").value = 2010350;
      lines.getCell("D2").value = 30101;
      lines.getCell("E2").value = "５０５０１";
    });
    const result = await importEdited((wb) => {
      sheet(wb, S.expenditure).getCell("C3").value = "2010350 事业运行";
    });
    assert.ok(result.ok, JSON.stringify(!result.ok && result.problems));
    assert.equal(result.doc.expenditure[1]!.functionCode, "2010350");
    assert.equal(result.doc.expenditure[1]!.functionName, "事业运行");
  });

  it("reports every missing required cell of a row, not only the first", async () => {
    const result = await importEdited((wb) => {
      const lines = sheet(wb, S.expenditure);
      lines.getCell("C4").value = null;
      lines.getCell("F4").value = null;
      lines.getCell("I4").value = null;
    });
    assert.ok(!result.ok);
    assert.deepEqual(
      result.problems.filter((p) => p.severity === "error").map((p) => p.path),
      ["C4", "F4", "I4"].map((c) => `${S.expenditure}!${c}`),
    );
  });
});
