/**
 * The published PDF: Chinese text comes back out through pdftotext (the embedded font's ToUnicode map
 * works, no tofu), the cover, bookmarks per part and per table, a long table's header repeated on every
 * page, columns that fit, page numbers, the certificate last, and `gongkai render --format pdf`.
 * Pages are also rendered to PNG (pdftoppm) for looking at by eye; the paths are printed.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import type { CheckCertificate } from "../../src/model/certificate.ts";
import type { Disclosure } from "../../src/model/disclosure.ts";
import { tableGrid } from "../../src/renderers/pdf/published-grid.ts";
import { placeTable, renderPublishedPdf, textWidth } from "../../src/renderers/pdf/render-published-pdf.ts";
import { runCli } from "../cli/run-cli.ts";
import { pdfPagesToPng } from "../support/libreoffice.ts";
import { fontList, outlineTitles, pageTexts, seedWithLongTable6, seedWithNarrative } from "./pdf-docx-support.ts";

const CERTIFICATE: CheckCertificate = {
  tool: "Gongkai",
  version: "0.1.0",
  catalogYear: 2023,
  ruleSet: { count: 42, hash: "sha256:0123456789abcdef" },
  findings: { error: 0, warning: 2, info: 1 },
};

const dir = mkdtempSync(join(tmpdir(), "gongkai-pdf-"));

async function write(name: string, disclosure: Disclosure): Promise<{ path: string; bytes: Buffer }> {
  const bytes = await renderPublishedPdf(disclosure, { certificate: CERTIFICATE });
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return { path, bytes };
}

describe("published PDF of the seed", () => {
  let pdf: { path: string; bytes: Buffer };
  let pages: string[];
  before(async () => {
    pdf = await write("seed.pdf", seedWithNarrative());
    pages = pageTexts(pdf.path);
  });

  it("embeds Noto Sans SC (regular and bold) as subsets with a Unicode map", () => {
    const fonts = fontList(pdf.path);
    assert.match(fonts, /NotoSansSC-Regular\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
    assert.match(fonts, /NotoSansSC-Bold\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
  });

  it("gives back the Chinese text and the amounts through pdftotext", () => {
    const all = pages.join("\n");
    assert.ok(all.includes("汉中市政务服务中心"));
    assert.ok(all.includes("2,259,811.00"));
    assert.ok(all.includes("部门综合预算一般公共预算支出明细表（按支出经济分类科目）"));
    assert.ok(all.includes("本单位当年财政拨款收入 225.98 万元"), "the narrative is printed");
    assert.ok(!all.includes("\uFFFD"));
  });

  it("has a cover with the unit, the year, the title and the two status lines", () => {
    const cover = pages[0]!;
    for (const text of ["汉中市政务服务中心", "2023年", "部门（单位）预算公开", "保密审查情况：已审查", "主要负责人审签情况：已审签"]) assert.ok(cover.includes(text), text);
    assert.doesNotMatch(cover, /第 1 页/, "no page number on the cover");
  });

  it("has a 目录 with page numbers, and page numbers in the footer", () => {
    assert.match(pages[1]!, /目录/);
    assert.match(pages[1]!, /第一部分 单位概况\s+\d+/);
    assert.match(pages[2] ?? pages[1]!, /第 \d+ 页 \/ 共 \d+ 页/);
    assert.match(pages.at(-1)!, new RegExp(`第 ${pages.length} 页 / 共 ${pages.length} 页`));
  });

  it("has bookmarks for each part, section and table", () => {
    const titles = outlineTitles(pdf.bytes);
    for (const title of ["目录", "第一部分 单位概况", "第二部分 收支情况", "第三部分 其他情况", "第四部分 公开报表", "表1 部门综合预算收支总表", "表13-2 部门专项业务经费绩效目标表", "表15 专项资金总体绩效目标表", "校验证书"]) {
      assert.ok(titles.includes(title), `bookmark ${title} in ${titles.join(" | ")}`);
    }
    assert.equal(titles.filter((t) => /^表\d/.test(t)).length, 17);
  });

  it("prints the certificate on the last page", () => {
    const last = pages.at(-1)!;
    assert.match(last, /校验证书/);
    assert.match(last, /生成工具：Gongkai 0\.1\.0/);
    assert.match(last, /科目目录：2023 年/);
    assert.match(last, /0 个错误、2 个警告、1 个提示/);
  });

  it("puts each table on a page of its own, 表1's blocks on a landscape page", () => {
    const table1 = pages.findIndex((p) => /^\s*表1 部门综合预算收支总表\s*$/m.test(p) && p.includes("单位：元"));
    assert.ok(table1 > 1);
    assert.ok(pages[table1]!.includes("支出功能分类科目"));
    const landscape = seedWithNarrative().tables.find((t) => t.number === 1)!;
    assert.equal(placeTable(landscape, tableGrid(landscape)).orientation, "landscape");
  });

  it("renders its pages to PNG", () => {
    const pngs = pdfPagesToPng(pdf.path, dir, 1, pages.length, "seed");
    assert.equal(pngs.length, pages.length);
    console.log(`PDF pages as PNG: ${dir}/seed-*.png`);
  });
});

describe("column widths", () => {
  it("fit the page and every amount fits its column, for every table of the seed and a 300-line 表6", () => {
    for (const disclosure of [seedWithNarrative(), seedWithLongTable6()]) {
      for (const table of disclosure.tables) {
        const grid = tableGrid(table);
        const place = placeTable(table, grid);
        const page = place.orientation === "portrait" ? 595.28 - 84 : 841.89 - 84;
        const total = place.widths.reduce((a, b) => a + b, 0);
        assert.ok(total <= page, `表${table.number}: ${total} > ${page}`);
        for (const row of grid.rows) {
          row.forEach((cell, c) => {
            if (cell?.kind !== "amount" || (cell.colSpan ?? 1) > 1) return;
            assert.ok(textWidth(cell.text, place.size) + 6 <= place.widths[c]!, `表${table.number}: ${cell.text} in ${place.widths[c]}`);
          });
        }
      }
    }
  });
});

describe("a table that runs over several pages", () => {
  it("repeats its header rows on every page", async () => {
    const pdf = await write("long.pdf", seedWithLongTable6());
    const pages = pageTexts(pdf.path);
    const table6 = pages.map((p, i) => ({ p, i })).filter(({ p }) => p.includes("合成经济科目第"));
    assert.ok(table6.length >= 2, `表6 spans ${table6.length} pages`);
    for (const { p, i } of table6) {
      assert.match(p, /部门经济科目名称/, `header on page ${i + 1}`);
      assert.match(p, /人员经费支出/, `header on page ${i + 1}`);
    }
    // The 300th line is there, and the pages after 表6 carry on.
    assert.ok(pages.some((p) => /\b30399\b/.test(p)), "the last line is printed");
    const pngs = pdfPagesToPng(pdf.path, dir, table6[0]!.i + 1, table6[1]!.i + 1, "long");
    assert.equal(pngs.length, 2);
  });
});

describe("gongkai render --format pdf", () => {
  it("writes the PDF with the certificate of a real check", async () => {
    const out = join(dir, "公开.pdf");
    const result = await runCli("render", "examples/hanzhong-zwfwzx-2023.budget.json", "--format", "pdf", "--out", out);
    assert.equal(result.code, 0, result.err);
    const bytes = readFileSync(out);
    assert.equal(bytes.subarray(0, 5).toString("latin1"), "%PDF-");
    const last = pageTexts(out).at(-1)!;
    assert.match(last, /校验结果：0 个错误/);
    assert.match(last, /科目目录：2023 年/);
  });
});
