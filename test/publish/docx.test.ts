/**
 * The published Word document: word/document.xml holds the Chinese and uses named styles (Heading1–3,
 * the table style, the cell styles) rather than direct run formatting; styles.xml names an east-Asian
 * font; header rows are marked to repeat. Headless LibreOffice converts it to PDF, which pdftotext
 * reads back (header repeated on each page of a long table) and pdftoppm renders to PNG for looking at.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import type { CheckCertificate } from "../../src/model/certificate.ts";
import type { Disclosure } from "../../src/model/disclosure.ts";
import { renderPublishedDocx } from "../../src/renderers/docx/render-published-docx.ts";
import { runCli } from "../cli/run-cli.ts";
import { pdfPagesToPng, sofficeConvert } from "../support/libreoffice.ts";
import { pageTexts, seedWithLongTable6, seedWithNarrative } from "./pdf-docx-support.ts";

const CERTIFICATE: CheckCertificate = {
  tool: "Gongkai",
  version: "0.1.0",
  catalogYear: 2023,
  ruleSet: { count: 42, hash: "sha256:0123456789abcdef" },
  findings: { error: 0, warning: 0, info: 0 },
};

const dir = mkdtempSync(join(tmpdir(), "gongkai-docx-"));

async function write(name: string, disclosure: Disclosure): Promise<string> {
  const path = join(dir, name);
  writeFileSync(path, await renderPublishedDocx(disclosure, { certificate: CERTIFICATE }));
  return path;
}

/** One part of the .docx (a zip), by `unzip -p`. */
function part(docx: string, name: string): string {
  const result = spawnSync("unzip", ["-p", docx, name], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  assert.equal(result.status, 0, `unzip ${name}: ${result.stderr}`);
  return result.stdout;
}

describe("published DOCX of the seed", () => {
  let docx: string;
  let documentXml: string;
  let stylesXml: string;
  before(async () => {
    docx = await write("seed.docx", seedWithNarrative());
    documentXml = part(docx, "word/document.xml");
    stylesXml = part(docx, "word/styles.xml");
  });

  it("holds the Chinese text, the amounts and the certificate", () => {
    for (const text of ["汉中市政务服务中心", "部门（单位）预算公开", "保密审查情况：已审查", "2,259,811.00", "第一部分 单位概况", "校验结果：0 个错误、0 个警告、0 个提示"]) {
      assert.ok(documentXml.includes(text), text);
    }
  });

  it("uses named styles: headings, body text, the table style and cell styles", () => {
    for (const style of ["Heading1", "Heading2", "Heading3", "BodyText", "Title", "TableTitle"]) assert.match(documentXml, new RegExp(`<w:pStyle w:val="${style}"/>`), style);
    assert.match(documentXml, /<w:tblStyle w:val="GongkaiTable"\/>/);
    assert.match(documentXml, /<w:pStyle w:val="GkAmount\d+"\/>/);
    assert.match(documentXml, /<w:tblHeader\/>/, "header rows repeat on each page");
    assert.match(stylesXml, /w:styleId="GongkaiTable"/);
    assert.match(stylesXml, /w:styleId="Heading1"/);
    assert.match(stylesXml, /w:eastAsia="SimSun"/);
  });

  it("puts no direct formatting on runs: no run properties in the body", () => {
    assert.doesNotMatch(documentXml, /<w:r><w:rPr>/);
    assert.doesNotMatch(documentXml, /<w:rFonts /);
  });

  it("has page numbers in the footer and a landscape section for 表1", () => {
    const footers = spawnSync("unzip", ["-Z1", docx], { encoding: "utf8" }).stdout.split("\n").filter((n) => /^word\/footer\d+\.xml$/.test(n));
    assert.ok(footers.length > 0);
    assert.match(part(docx, footers[0]!), /PAGE/);
    assert.match(documentXml, /w:orient="landscape"/);
  });

  it("converts to PDF with LibreOffice, reads back, and renders to PNG", () => {
    const pdf = sofficeConvert(docx, "pdf", dir);
    const pages = pageTexts(pdf);
    const all = pages.join("\n");
    assert.ok(all.includes("汉中市政务服务中心"));
    assert.ok(all.includes("2,259,811.00"));
    assert.ok(all.includes("部门综合预算收支总表"));
    const pngs = pdfPagesToPng(pdf, dir, 1, pages.length, "seed");
    assert.equal(pngs.length, pages.length);
    console.log(`DOCX pages (via LibreOffice) as PNG: ${dir}/seed-*.png`);
  });
});

describe("a DOCX table that runs over several pages", () => {
  it("repeats its header rows on every page (LibreOffice layout)", async () => {
    const docx = await write("long.docx", seedWithLongTable6());
    const pdf = sofficeConvert(docx, "pdf", dir);
    const pages = pageTexts(pdf);
    const table6 = pages.map((p, i) => ({ p, i })).filter(({ p }) => p.includes("合成经济科目"));
    assert.ok(table6.length >= 2, `表6 spans ${table6.length} pages`);
    for (const { p, i } of table6) assert.match(p, /人员经费支出/, `header on page ${i + 1}`);
    const pngs = pdfPagesToPng(pdf, dir, table6[0]!.i + 1, table6[1]!.i + 1, "long");
    assert.equal(pngs.length, 2);
  });
});

describe("gongkai render --format docx", () => {
  it("writes the Word document with the certificate of a real check", async () => {
    const out = join(dir, "公开.docx");
    const result = await runCli("render", "examples/hanzhong-zwfwzx-2023.budget.json", "--format", "docx", "--out", out);
    assert.equal(result.code, 0, result.err);
    assert.match(part(out, "word/document.xml"), /校验结果：0 个错误/);
  });
});
