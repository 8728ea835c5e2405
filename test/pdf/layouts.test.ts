/**
 * PDFs made in the test run, read back and compared with the same disclosure read from text
 * (test/pdf/support/unit-layout.ts lays one disclosure out as text, as a workbook and as HTML):
 *
 * - Gongkai's own PDF (pdfmake) of the example, and of synthetic units: exactly the findings of the
 *   text;
 * - the seed with its mistakes, laid out by Gongkai's renderer: exactly the text's errors;
 * - tables with borders printed by headless LibreOffice, each exactly the findings of the text: a
 *   workbook (元, 表6 split over two pages with its header repeated, 表1/4/9 landscape), a workbook in
 *   万元 (表6 split without its header repeated, empty tables with a note under them) and an HTML
 *   document printed by Writer (万元, rows broken over a page, figures wider than their cells);
 * - tables without borders printed by LibreOffice Calc (元 with 表6's header repeated; 万元 without it,
 *   notes under empty tables): the text's rows of 表1–13 and 15 (the 绩效目标 forms: labels merged over
 *   several rows and centred on them, the empty 表15 read as empty), its 目录 and exactly its findings;
 * - an HTML document without borders printed by Writer (万元, padded cells, wrapped headers and labels,
 *   rows broken over a page): the text's rows of 表1–6, 8–12 and 15, its 目录 and exactly its findings;
 * - a one-digit change in a figure gives a new error naming the page the figure is printed on;
 * - an encrypted PDF gets its message.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import pdfmake from "pdfmake";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { readPublished } from "../../src/importers/published/read-published.ts";
import { readPdf } from "../../src/importers/published-pdf/read-pdf.ts";
import type { Disclosure } from "../../src/model/disclosure.ts";
import { type Fen, fen } from "../../src/model/money.ts";
import type { Table } from "../../src/model/table.ts";
import { buildDisclosure } from "../../src/pipeline/build-disclosure.ts";
import { prepareDocument } from "../../src/pipeline/prepare.ts";
import { formatAmount } from "../../src/renderers/pdf/published-grid.ts";
import { renderPublishedPdf } from "../../src/renderers/pdf/render-published-pdf.ts";
import { checkFindings, findingKey, findingKeys } from "./support/findings.ts";
import { convertToPdf } from "./support/soffice-batch.ts";
import { layout, layoutHtml, layoutText, layoutXlsx } from "./support/unit-layout.ts";
import { loadCatalog } from "../../src/catalog/load.ts";
import { syntheticBudgetDocument } from "../support/arbitrary-budget.ts";

const EXAMPLE = "examples/hanzhong-zwfwzx-2023.budget.json";
const SEED = new URL("../../../shared/seed/hanzhong-zwfwzx-2023-budget.txt", import.meta.url);
const dir = mkdtempSync(join(tmpdir(), "gongkai-pdf-layouts-"));

let built: Disclosure;

before(() => {
  const prepared = prepareDocument(EXAMPLE);
  assert.ok(prepared.ok);
  built = buildDisclosure(prepared.doc, prepared.catalog, EXAMPLE);
});

async function read(bytes: Uint8Array, origin = "x.pdf"): Promise<Disclosure> {
  const result = await readPdf(bytes, { origin });
  assert.ok(!("unreadable" in result), "unreadable" in result ? result.unreadable : "");
  return result;
}

function fromText(text: string): Disclosure {
  return readPublished(text, { origin: "x.txt", format: "text" });
}

/** The pages (1-based) whose text contains `needle`, found with pdf.js directly, not with the reader. */
async function pagesWith(bytes: Uint8Array, needle: string): Promise<number[]> {
  const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false }).promise;
  const pages: number[] = [];
  for (let n = 1; n <= doc.numPages; n += 1) {
    const content = await (await doc.getPage(n)).getTextContent();
    if (content.items.some((i) => "str" in i && i.str.includes(needle))) pages.push(n);
  }
  await doc.destroy();
  return pages;
}

describe("Gongkai's own PDF of the example", () => {
  let pdf: Buffer;
  before(async () => {
    pdf = await renderPublishedPdf(built);
  });

  it("gives the findings of the same disclosure read from text, and no more", async () => {
    const text = findingKeys(fromText(layoutText(layout(built, { borders: true }))));
    const fromPdf = await read(pdf);
    assert.equal(fromPdf.year, 2023, "the year of a cover title set on three lines");
    assert.deepEqual(
      fromPdf.tables.filter((t) => t.number === 13).map((t) => t.title),
      ["部门专项业务经费绩效目标表", "部门专项业务经费绩效目标表", "部门专项业务经费绩效目标表"],
      "表13-1 is 表13, not a title “-1 …”",
    );
    assert.deepEqual(findingKeys(fromPdf), text);
  });

  it("a one-digit change in a figure gives a new error naming the figure's page", async () => {
    const baseline = new Set(checkFindings(await read(pdf)).map(findingKey));
    // One figure in each of three tables: 表3 (a row table of one unit), 表6 (economic detail), 表8 (basic).
    const targets: { table: number; code: string | undefined; label?: string }[] = [
      { table: 3, code: "117002" },
      { table: 6, code: "30226" },
      { table: 8, code: "30101" },
    ];
    for (const target of targets) {
      let printed = "";
      const changed: Disclosure = {
        ...built,
        tables: built.tables.map((t): Table => {
          if (t.number !== target.table) return t;
          return {
            ...t,
            rows: t.rows.map((r) => {
              if (r.code !== target.code) return r;
              const at = r.values.findIndex((v) => typeof v === "number" && v !== 0);
              const old = r.values[at] as Fen;
              // The first digit of the figure goes up by one (9 becomes 1).
              const digits = String(old / 100);
              const value = fen(Number(`${(Number(digits[0]) % 9) + 1}${digits.slice(1)}`) * 100);
              printed = formatAmount(value, t.unit);
              return { ...r, values: r.values.map((v, i) => (i === at ? value : v)) };
            }),
          };
        }),
      };
      const bytes = await renderPublishedPdf(changed);
      const pages = await pagesWith(bytes, printed);
      assert.equal(pages.length, 1, `${printed} printed once`);
      const errors = checkFindings(await read(bytes)).filter((f) => f.severity === "error" && !baseline.has(findingKey(f)));
      assert.ok(errors.length > 0, `表${target.table} ${target.code}: no new error`);
      assert.ok(
        errors.some((f) => f.cells.some((c) => c.table === target.table && c.source?.page === pages[0])),
        `表${target.table} ${target.code}: no error names page ${pages[0]}: ${errors.map((f) => f.message).join("；")}`,
      );
    }
  });
});

describe("the seed, with its mistakes, laid out as a PDF by Gongkai's renderer", () => {
  it("finds exactly the seed's errors as the text reading does", async () => {
    const text = fromText(readFileSync(SEED, "utf8"));
    const errors = (d: Disclosure) => findingKeys(d).filter((k) => k.startsWith("error"));
    const pdf = await read(await renderPublishedPdf(text), "seed.pdf");
    assert.equal(errors(text).length, 27);
    assert.deepEqual(errors(pdf), errors(text));
  });
});

describe("synthetic units rendered by Gongkai's renderer", () => {
  it("each gives exactly the findings of its text", async () => {
    const catalog = loadCatalog(2024);
    const cover = { 保密审查情况: "已审查", "部门（单位）主要负责人审签情况": "已审签" };
    for (const seed of [3_000_000, 3_000_001, 3_000_004, 17]) {
      const disclosure = { ...buildDisclosure(syntheticBudgetDocument(seed, catalog), catalog, "synthetic"), cover };
      const text = findingKeys(fromText(layoutText(layout(disclosure, { borders: true }))));
      assert.deepEqual(findingKeys(await read(await renderPublishedPdf(disclosure))), text, `seed ${seed}`);
    }
  });
});

describe("tables with borders printed to PDF by LibreOffice", () => {
  const notes = { 9: "注：本单位当年没有政府性基金收支，此表为空表。", 11: "注：本单位当年没有政府采购预算，此表为空表。" };
  const read: Record<string, { text: Disclosure; pdf: Disclosure }> = {};
  before(async () => {
    const layouts = {
      workbook: layout(built, { borders: true, landscape: [1, 4, 9], split: { table: 6, after: 8, repeatHeader: true } }),
      "workbook-wan": layout(built, { borders: true, unit: "万元", landscape: [1, 4], split: { table: 6, after: 8, repeatHeader: false }, notes }),
      writer: layout(built, { borders: true, unit: "万元", notes }),
    };
    writeFileSync(join(dir, "workbook.xlsx"), await layoutXlsx(layouts.workbook));
    writeFileSync(join(dir, "workbook-wan.xlsx"), await layoutXlsx(layouts["workbook-wan"]));
    writeFileSync(join(dir, "writer.html"), layoutHtml(layouts.writer));
    const files = convertToPdf(["workbook.xlsx", "workbook-wan.xlsx", "writer.html"].map((f) => join(dir, f)), dir);
    for (const [i, [name, l]] of Object.entries(layouts).entries()) {
      read[name] = { text: fromText(layoutText(l)), pdf: await readPdfFile(files[i]!, name) };
    }
  });

  async function readPdfFile(file: string, origin: string): Promise<Disclosure> {
    const result = await readPdf(readFileSync(file), { origin: `${origin}.pdf` });
    assert.ok(!("unreadable" in result), "unreadable" in result ? result.unreadable : "");
    return result;
  }

  it("a workbook (元, 表1/4/9 landscape, 表6 over two pages with its header repeated): the text's rows and findings", () => {
    const { text, pdf } = read.workbook!;
    const rows = (d: Disclosure, n: number) => {
      const t = d.tables.find((x) => x.number === n);
      assert.ok(t, `表${n}`);
      return { columns: t.columns.map((c) => c.key), rows: t.rows.map((r) => [r.code ?? "", r.label, ...r.values.map(String)].join("|")) };
    };
    // Not 表14: its 年度总体目标 cell holds line breaks, and read from text the rows after it are lost.
    for (const n of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 13, 15]) assert.deepEqual(rows(pdf, n), rows(text, n), `表${n}`);
    const t6 = pdf.tables.find((t) => t.number === 6)!;
    assert.ok(new Set(t6.rows.map((r) => r.source?.page)).size === 2, "表6 runs over two pages");
    assert.deepEqual(pdf.toc, text.toc.map((e, i) => ({ ...e, source: pdf.toc[i]!.source })), "the 目录 with its 是否空表 and 理由 columns");
    assert.deepEqual(findingKeys(pdf), findingKeys(text));
  });

  it("a workbook in 万元 (表6 over two pages without its header repeated, notes under empty tables): the text's findings", () => {
    const { text, pdf } = read["workbook-wan"]!;
    assert.deepEqual(findingKeys(pdf), findingKeys(text));
  });

  it("an HTML document printed by Writer (万元, rows broken over a page): the text's findings", () => {
    const { text, pdf } = read.writer!;
    assert.deepEqual(findingKeys(pdf), findingKeys(text));
  });
});

describe("tables without borders printed to PDF by LibreOffice Calc and Writer", () => {
  const notes = { 9: "注：本单位当年没有政府性基金收支，此表为空表。", 11: "注：本单位当年没有政府采购预算，此表为空表。" };
  const read: Record<string, { text: Disclosure; pdf: Disclosure }> = {};
  before(async () => {
    const layouts = {
      plain: layout(built, { borders: false, landscape: [1, 4, 9], split: { table: 6, after: 8, repeatHeader: true } }),
      "plain-wan": layout(built, { borders: false, unit: "万元", landscape: [1, 4], split: { table: 6, after: 8, repeatHeader: false }, notes }),
      "writer-plain": layout(built, { borders: false, unit: "万元", notes }),
    };
    writeFileSync(join(dir, "plain.xlsx"), await layoutXlsx(layouts.plain));
    writeFileSync(join(dir, "plain-wan.xlsx"), await layoutXlsx(layouts["plain-wan"]));
    writeFileSync(join(dir, "writer-plain.html"), layoutHtml(layouts["writer-plain"]));
    const files = convertToPdf(["plain.xlsx", "plain-wan.xlsx", "writer-plain.html"].map((f) => join(dir, f)), dir);
    for (const [i, [name, l]] of Object.entries(layouts).entries()) {
      const result = await readPdf(readFileSync(files[i]!), { origin: `${name}.pdf` });
      assert.ok(!("unreadable" in result), "unreadable" in result ? result.unreadable : "");
      read[name] = { text: fromText(layoutText(l)), pdf: result };
    }
  });

  const rows = (d: Disclosure, n: number) => {
    const t = d.tables.find((x) => x.number === n);
    assert.ok(t, `表${n}`);
    return { columns: t.columns.map((c) => c.key), rows: t.rows.map((r) => [r.code ?? "", r.label, ...r.values.map(String)].join("|")) };
  };

  for (const name of ["plain", "plain-wan"]) {
    it(`${name === "plain" ? "元, 表6 over two pages with its header repeated" : "万元, 表6 over two pages without its header, notes under empty tables"}: the text's rows of 表1–13 and 15 and its findings`, () => {
      const { text, pdf } = read[name]!;
      for (const n of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]) assert.deepEqual(rows(pdf, n), rows(text, n), `表${n}`);
      // The 绩效目标 forms: 一级/二级指标 merged over several rows, centred on them, without figures to anchor the rows.
      const forms = (d: Disclosure) => d.tables.filter((t) => t.number === 13 || t.number === 15).map((t) => [t.number, t.instance, t.empty, ...t.rows.map((r) => [r.label, ...r.values.map(String)].join("|"))]);
      assert.deepEqual(forms(pdf), forms(text), "表13 and 表15");
      assert.deepEqual(pdf.toc, text.toc.map((e, i) => ({ ...e, source: pdf.toc[i]!.source })), "the 目录 with its 是否空表 and 理由 columns");
      assert.deepEqual(findingKeys(pdf), findingKeys(text));
    });
  }

  it("an HTML document printed by Writer (万元, cells padded and wrapped, rows broken over a page): the text's rows of 表1–6, 8–12 and 15 and its findings", () => {
    const { text, pdf } = read["writer-plain"]!;
    // Not 表7 (its empty 备注 column is lost) nor the forms 表13/14 (their fields and indicators are not all read).
    for (const n of [1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 15]) assert.deepEqual(rows(pdf, n), rows(text, n), `表${n}`);
    assert.deepEqual(pdf.toc, text.toc.map((e, i) => ({ ...e, source: pdf.toc[i]!.source })), "the 目录 with its 是否空表 and 理由 columns");
    assert.deepEqual(findingKeys(pdf), findingKeys(text));
  });
});

describe("an encrypted PDF", () => {
  it("gets its message", async () => {
    await renderPublishedPdf(built); // registers the fonts with pdfmake
    const bytes = await pdfmake.createPdf({ content: ["表1 部门综合预算收支总表"], defaultStyle: { font: "NotoSansSC" }, userPassword: "gongkai" }).getBuffer();
    assert.deepEqual(await readPdf(bytes, { origin: "locked.pdf" }), { unreadable: "PDF 已加密，无法读取" });
  });
});
