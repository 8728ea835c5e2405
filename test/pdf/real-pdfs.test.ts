/**
 * Real 决算 PDFs made with WPS (/work/shared/real-pdfs, see its README), read as they are published.
 * Their 收入决算表, 支出决算表 and 一般公共预算财政拨款支出决算表 print 类/款/项 at the top of the 合计
 * row's cells, under a code header printed over two rows (支出功能分类 | 科目编码): they are read as
 * tables, so the 目录's tables are found where the disclosure has them.
 *
 * Not yet read: the 基本支出决算表, which prints 人员经费 and 公用经费 side by side, each with its own
 * codes and names (a layout the text reader declines), and the 三公 table.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { readPdf } from "../../src/importers/published-pdf/read-pdf.ts";
import type { Disclosure } from "../../src/model/disclosure.ts";
import { checkFindings } from "./support/findings.ts";

const REAL = new URL("../../../shared/real-pdfs/", import.meta.url);

async function read(name: string): Promise<Disclosure> {
  const result = await readPdf(readFileSync(new URL(name, REAL)), { origin: name });
  assert.ok(!("unreadable" in result), "unreadable" in result ? result.unreadable : "");
  return result;
}

/** The tables the 目录 lists that the tables-present rule says are missing. */
const missing = (d: Disclosure) =>
  checkFindings(d)
    .filter((f) => f.ruleId === "tables-present")
    .flatMap((f) => f.cells.map((c) => c.table))
    .sort((a, b) => a - b);

describe("real 决算 PDFs made with WPS", () => {
  it("上海市普陀区财政局: 收入决算表, 支出决算表 and 表5 are read, with their 类/款/项 codes", async () => {
    const d = await read("putuo-finance-2024-final.pdf");
    for (const n of [2, 3, 5]) {
      const t = d.tables.find((x) => x.number === n);
      assert.ok(t && t.rows.length > 0, `表${n}`);
      assert.ok(t.rows.some((r) => r.code === "2010601"), `表${n}: 2010601 行政运行, its code joined from 类/款/项`);
    }
    assert.deepEqual(missing(d), [7, 12], "only the side-by-side 基本支出 table and the 三公 table are still not read");
  });

  it("规划和自然资源局 and 社会工作部: every table the 目录 lists is found", async () => {
    for (const name of ["putuo-planning-2024-final.pdf", "putuo-social-work-2024-final.pdf"]) {
      assert.deepEqual(missing(await read(name)), [], name);
    }
  });
});
