import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { runCli } from "./run-cli.ts";

const EXAMPLE = "examples/hanzhong-zwfwzx-2023.budget.json";
const dir = mkdtempSync(join(tmpdir(), "gongkai-cli-"));

/** The example with one change made to its parsed JSON, written to a temporary file. */
function variant(name: string, change: (doc: Record<string, any>) => void, ext = ".json"): string {
  const doc = JSON.parse(readFileSync(EXAMPLE, "utf8"));
  change(doc);
  const path = join(dir, `${name}${ext}`);
  writeFileSync(path, JSON.stringify(doc));
  return path;
}

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** Every bad input: exit 2, a located Chinese message per problem, and no stack trace. */
async function expectBadInput(path: string, ...expected: RegExp[]) {
  const { code, out, err } = await runCli("validate", path);
  assert.equal(code, 2, `exit status for ${path}: ${err}`);
  assert.equal(out, "");
  for (const pattern of expected) assert.match(err, pattern);
  assert.doesNotMatch(err, /\bat .+:\d+:\d+/, "no stack trace");
  return err;
}

describe("gongkai validate on bad input", () => {
  it("accepts the example", async () => {
    const { code, out } = await runCli("validate", EXAMPLE);
    assert.equal(code, 0);
    assert.match(out, /有效（2023 年，汉中市政务服务中心/);
  });

  it("a missing file", async () => {
    await expectBadInput(join(dir, "nope.budget.json"), /找不到文件/);
  });

  it("invalid JSON, with its line and column", async () => {
    await expectBadInput(file("broken.budget.json", '{\n  "year": 2023,\n  "unit": {,\n}'), /第 3 行第 \d+ 列.*不是有效的 JSON/);
  });

  it("invalid YAML, with its line", async () => {
    await expectBadInput(file("broken.budget.yaml", "year: 2023\nunit:\n  name: [unclosed\n"), /第 \d+ 行第 \d+ 列.*不是有效的 YAML/);
  });

  it("accepts the same document as YAML", async () => {
    const { stringify } = await import("yaml");
    const path = file("example.budget.yaml", stringify(JSON.parse(readFileSync(EXAMPLE, "utf8"))));
    const { code } = await runCli("validate", path);
    assert.equal(code, 0);
  });

  it("an amount that is not an integer number of fen, and a negative one", async () => {
    const err = await expectBadInput(
      variant("float", (d) => {
        d.expenditure[0].amount = 1.5;
        d.expenditure[1].amount = -100;
      }),
      /\$\.expenditure\[0\]\.amount：错误：金额必须是以分为单位的整数/,
      /\$\.expenditure\[1\]\.amount：错误：金额不能为负数/,
    );
    assert.equal(err.split("\n").filter((l) => l.includes("：错误：")).length, 2, "one line per problem");
  });

  it("an unknown economic code (that classification is complete, so it is an error)", async () => {
    await expectBadInput(
      variant("unknown-econ", (d) => {
        d.expenditure[0].deptEconomicCode = "30198";
      }),
      /\$\.expenditure\[0\]\.deptEconomicCode：错误：部门预算支出经济分类科目 30198 不是 2023 年的有效科目/,
    );
  });

  it("a name that does not match its code", async () => {
    await expectBadInput(
      variant("wrong-name", (d) => {
        d.expenditure[0].functionName = "其他政府办公厅及相关机构事务支出";
      }),
      /\$\.expenditure\[0\]\.functionName：错误：支出功能分类科目 \d{7} 的名称应为“.+”，不是“其他政府办公厅及相关机构事务支出”/,
    );
  });

  it("a government economic code that does not fit the unit's kind", async () => {
    await expectBadInput(
      variant("wrong-mapping", (d) => {
        const line = d.expenditure.find((l: { deptEconomicCode: string }) => l.deptEconomicCode === "30101");
        line.govEconomicCode = "50101";
      }),
      /事业单位的部门经济科目 30101 应对应政府经济科目 50501/,
    );
  });

  it("a year with no catalog", async () => {
    await expectBadInput(
      variant("year", (d) => {
        d.year = 2012;
      }),
      /\$\.year：错误：没有 2012 年的科目目录/,
    );
  });

  it("unbalanced revenue and expenditure", async () => {
    await expectBadInput(
      variant("unbalanced", (d) => {
        d.revenue[0].amount += 100;
      }),
      /收入总计 2,259,812\.00 元不等于支出总计 2,259,811\.00 元.*相差 1\.00 元/,
    );
  });

  it("an empty table without its reason", async () => {
    await expectBadInput(
      variant("no-reason", (d) => {
        delete d.emptyTables["9"];
      }),
      /\$\.emptyTables\["9"\]：错误：表9“部门综合预算政府性基金收支表”没有内容：公开空表必须在目录中说明理由/,
    );
  });

  it("a field the schema does not know, and a missing one", async () => {
    await expectBadInput(
      variant("fields", (d) => {
        d.unit.nmae = "x";
        delete d.unit.kind;
      }),
      /\$\.unit：错误：不认识的字段：nmae/,
      /\$\.unit\.kind：错误：/,
    );
  });

  it("an unknown function 项 is only a warning (that level of the catalog is incomplete)", async () => {
    const path = variant("unknown-item", (d) => {
      for (const l of d.expenditure) if (l.functionCode === "2010399") l.functionCode = "2010398";
    });
    const { code, err } = await runCli("validate", path);
    assert.equal(code, 0);
    assert.match(err, /警告：支出功能分类科目 2010398 不在已载入的 2023 年目录中/);
  });
});

describe("the gongkai binary", () => {
  it("prints Chinese help, and a Chinese error without a stack trace for an unknown option", () => {
    const help = spawnSync(process.execPath, ["bin/gongkai.js", "--help"], { encoding: "utf8" });
    assert.equal(help.status, 0);
    assert.match(help.stdout, /tables.*生成公开报表/);
    const bad = spawnSync(process.execPath, ["bin/gongkai.js", "tables", EXAMPLE, "--tabel", "3"], { encoding: "utf8" });
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /未知选项 --tabel/);
    const wrongTable = spawnSync(process.execPath, ["bin/gongkai.js", "tables", EXAMPLE, "--table", "16"], { encoding: "utf8" });
    assert.equal(wrongTable.status, 2);
    assert.match(wrongTable.stderr, /表号应为 1–15 的整数/);
  });
});
