/** `gongkai render`: xlsx is written and checks clean; a missing --out is refused in Chinese. */
import assert from "node:assert/strict";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { runCli } from "../cli/run-cli.ts";

const EXAMPLE = "examples/hanzhong-zwfwzx-2023.budget.json";

describe("gongkai render", () => {
  it("writes the published workbook, which `check` reads with no error", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "gongkai-render-")), "公开报表.xlsx");
    const rendered = await runCli("render", EXAMPLE, "--format", "xlsx", "--out", out);
    assert.equal(rendered.code, 0, rendered.err);
    assert.ok(existsSync(out));
    const checked = await runCli("check", out);
    assert.equal(checked.code, 0, checked.out);
    assert.match(checked.out, /0 个错误/);
  });

  it("asks for --out", async () => {
    const result = await runCli("render", EXAMPLE);
    assert.equal(result.code, 2);
    assert.match(result.err, /--out/);
  });
});
