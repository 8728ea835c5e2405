import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { runCli } from "../cli/run-cli.ts";

const EXAMPLE = "examples/hanzhong-zwfwzx-2023.budget.json";

describe("gongkai narrative", () => {
  it("prints the 说明 of the example, headings and figures, with no warning", async () => {
    const { code, out, err } = await runCli("narrative", EXAMPLE);
    assert.equal(code, 0);
    assert.equal(err, "");
    assert.match(out, /^汉中市政务服务中心\n2023 年单位预算公开说明\n\n第一部分 单位概况\n/);
    assert.match(out, /\n（3）机关事业单位基本养老保险缴费支出（2080505）20\.26 万元，较上年增加 13\.25 万元/);
    assert.match(out, /\n十、专业名词解释\n/);
  });

  it("warns on stderr about a change without a reason, and still prints the text", async () => {
    const doc = JSON.parse(readFileSync(EXAMPLE, "utf8"));
    delete doc.reasons["nature:公用经费"];
    delete doc.$schema;
    const file = join(mkdtempSync(join(tmpdir(), "gongkai-")), "unit.budget.json");
    writeFileSync(file, JSON.stringify(doc));
    const { code, out, err } = await runCli("narrative", file);
    assert.equal(code, 0);
    assert.match(err, /\$\.reasons\["nature:公用经费"\]：警告：.*公用经费.*较上年增加 1\.7 万元，但没有填写增减原因/);
    assert.match(out, /本单位当年公用经费预算安排 4 万元，较上年增加 1\.7 万元。/);
  });

  it("refuses a missing file with exit status 2", async () => {
    const { code } = await runCli("narrative", "no-such.budget.json");
    assert.equal(code, 2);
  });
});
