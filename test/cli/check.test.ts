import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { CheckReportSchema } from "../../src/model/check-report.ts";
import { runCli } from "./run-cli.ts";

const SEED = new URL("../../../shared/seed/hanzhong-zwfwzx-2023-budget.txt", import.meta.url).pathname;

describe("gongkai check", () => {
  it("exits 0 on the corrected seed example and 1 on the published seed, with a summary line", async () => {
    const clean = await runCli("check", "examples/hanzhong-zwfwzx-2023.budget.json");
    assert.equal(clean.code, 0, clean.out);
    assert.match(clean.out, /检查了 1 个文件：0 个错误，0 个警告，0 个提示/);
    const seed = await runCli("check", SEED, "--min-severity", "error");
    assert.equal(seed.code, 1);
    assert.match(seed.out, /错误 {2}“部门预算支出经济分类科目（按大类）”栏“商品和服务支出”：表1 为 375,000\.00，表4 为 376,000\.00/);
    assert.doesNotMatch(seed.out, /^ {2}(提示|警告)/m, "--min-severity error leaves out warnings and hints");
  });

  it("walks folders, keeps going past an unreadable file, and exits 2", async () => {
    const dir = mkdtempSync(join(tmpdir(), "gongkai-check-"));
    mkdirSync(join(dir, "sub"));
    copyFileSync(SEED, join(dir, "sub", "seed.txt"));
    writeFileSync(join(dir, "broken.budget.json"), "{");
    writeFileSync(join(dir, "notes.pdfx"), "ignored: not a checkable extension");
    const { code, out } = await runCli("check", dir, join(dir, "missing.txt"), "--format", "json");
    assert.equal(code, 2);
    const report = JSON.parse(out);
    const parsed = CheckReportSchema.safeParse(report);
    assert.ok(parsed.success, "the JSON output follows schema/check-report.schema.json");
    const byFile = Object.fromEntries(report.files.map((f: any) => [f.file.replace(`${dir}/`, ""), f]));
    assert.deepEqual(Object.keys(byFile).sort(), ["broken.budget.json", "missing.txt", "sub/seed.txt"].map((f) => f).sort().map((f) => f));
    assert.match(byFile["broken.budget.json"].unreadable, /预算数据有误/);
    assert.match(byFile["missing.txt"].unreadable, /找不到/);
    assert.ok(byFile["sub/seed.txt"].findings.some((f: any) => f.ruleId === "summary-vs-fiscal"));
  });

  it("writes SARIF 2.1.0 with a line for each finding", async () => {
    const { out } = await runCli("check", SEED, "--format", "sarif");
    const sarif = JSON.parse(out);
    assert.equal(sarif.version, "2.1.0");
    const results = sarif.runs[0].results;
    assert.ok(results.length > 0);
    assert.ok(results.every((r: any) => r.ruleId && r.locations[0].physicalLocation.region.startLine > 0));
    assert.ok(sarif.runs[0].tool.driver.rules.some((r: any) => r.id === "block-total"));
  });
});
