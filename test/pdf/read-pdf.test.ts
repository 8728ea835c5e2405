/**
 * Reading a published PDF (issue 8, first step): the seed example rendered to PDF by Gongkai's own
 * renderer is read back with readPdf; its tables and figures come back, every rule gives no error, and
 * findings name the page. A truncated file, a file that is not a PDF and a PDF without text get their
 * messages, and `gongkai check` reads .pdf files beside the others.
 */
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import pdfmake from "pdfmake";
import { garbledPages, readPdf } from "../../src/importers/published-pdf/read-pdf.ts";
import type { Disclosure } from "../../src/model/disclosure.ts";
import { fen } from "../../src/model/money.ts";
import { buildDisclosure } from "../../src/pipeline/build-disclosure.ts";
import { certify } from "../../src/pipeline/certificate.ts";
import { checkFileAsync, isCheckable } from "../../src/pipeline/check.ts";
import { prepareDocument } from "../../src/pipeline/prepare.ts";
import { renderPublishedPdf } from "../../src/renderers/pdf/render-published-pdf.ts";
import { RULES } from "../../src/rules/index.ts";
import { runRules } from "../../src/rules/run.ts";

const EXAMPLE = "examples/hanzhong-zwfwzx-2023.budget.json";
const dir = mkdtempSync(join(tmpdir(), "gongkai-read-pdf-"));

let pdf: Buffer;
let built: ReturnType<typeof buildDisclosure>;
let catalog: NonNullable<Parameters<typeof certify>[1]>;

before(async () => {
  const prepared = prepareDocument(EXAMPLE);
  assert.ok(prepared.ok);
  catalog = prepared.catalog;
  built = buildDisclosure(prepared.doc, prepared.catalog, EXAMPLE);
  pdf = await renderPublishedPdf(built, { certificate: certify(built, prepared.catalog).certificate });
});

async function read(bytes: Uint8Array): Promise<Disclosure> {
  const result = await readPdf(bytes, { origin: "seed.pdf" });
  assert.ok(!("unreadable" in result), "unreadable" in result ? result.unreadable : "");
  return result;
}

describe("readPdf on the seed rendered by Gongkai", () => {
  let disclosure: Disclosure;
  before(async () => {
    disclosure = await read(pdf);
  });

  it("finds the tables of the example, with their figures", () => {
    // The empty 表15 too, a form of label cells with blank values: its drawn cells make it a table.
    assert.deepEqual(
      disclosure.tables.map((t) => t.number),
      built.tables.map((t) => t.number),
    );
    const t5 = disclosure.tables.find((t) => t.number === 5)!;
    const total = t5.rows.find((r) => r.kind === "total")!;
    assert.equal(total.values[t5.columns.findIndex((c) => c.label === "合计")], fen(225981100));
    const run = t5.rows.find((r) => r.code === "2010350")!;
    assert.equal(run.label, "事业运行");
    assert.deepEqual(run.values.slice(0, 4), [fen(136869300), fen(132869300), fen(4000000), null]);
    const t2 = disclosure.tables.find((t) => t.number === 2)!;
    assert.equal(t2.rows.length, 2);
    const t1 = disclosure.tables.find((t) => t.number === 1)!;
    // 表1 runs over three pages: its rows are read as one table.
    assert.ok(t1.rows.some((r) => r.label === "支出总计"));
    assert.equal(t1.source?.page, 9);
    assert.equal(disclosure.toc.length, 15);
  });

  it("raises no error with all rules", () => {
    const errors = runRules(RULES, disclosure, { catalog })
      .filter((f) => f.severity === "error")
      .map((f) => `${f.ruleId} ${f.message}`);
    assert.deepEqual(errors, []);
  });

  it("gives every table row its page, and no line numbers", () => {
    for (const table of disclosure.tables) {
      assert.ok(table.source?.page, `表${table.number}`);
      for (const row of table.rows) {
        assert.ok(row.source?.page && row.source.line === undefined, `表${table.number} ${row.label}`);
      }
    }
  });

  it("names the page of a finding on a changed figure", async () => {
    // 1,368,693.00 (表5 事业运行, page 16) → 1,368,694.00 in the content stream is not a simple
    // edit (the text is hex glyph ids), so the figure is changed in the disclosure and rendered again.
    const changed: Disclosure = {
      ...built,
      tables: built.tables.map((t) =>
        t.number !== 5 ? t : { ...t, rows: t.rows.map((r) => (r.code === "2010350" ? { ...r, values: r.values.map((v, i) => (i === 0 ? fen(136869400) : v)) } : r)) },
      ),
    };
    const again = await read(await renderPublishedPdf(changed, { certificate: certify(built, catalog).certificate }));
    const errors = runRules(RULES, again, { catalog }).filter((f) => f.severity === "error");
    assert.ok(errors.length > 0);
    assert.ok(errors.every((f) => f.cells.some((c) => c.source?.page !== undefined)));
    assert.ok(errors.some((f) => f.cells.some((c) => c.table === 5 && c.source?.page === 16)));
  });
});

describe("readPdf on files it cannot read", () => {
  it("a truncated PDF is not a valid PDF", async () => {
    const result = await readPdf(pdf.subarray(0, Math.floor(pdf.length / 3)), { origin: "cut.pdf" });
    assert.deepEqual(result, { unreadable: "不是有效的 PDF 文件" });
  });

  it("a file that is not a PDF", async () => {
    const result = await readPdf(Buffer.from("表1 部门收支总表\n单位：元\n", "utf8"), { origin: "x.pdf" });
    assert.deepEqual(result, { unreadable: "不是有效的 PDF 文件" });
  });

  it("a PDF without text (as a scan is) names its pages", async () => {
    // renderPublishedPdf (run above) registered the font; two pages holding only drawings.
    const rect = { canvas: [{ type: "rect", x: 0, y: 0, w: 200, h: 100 }] };
    const bytes = await pdfmake.createPdf({ content: [rect, { ...rect, pageBreak: "before" }], defaultStyle: { font: "NotoSansSC" } }).getBuffer();
    const result = await readPdf(bytes, { origin: "scan.pdf" });
    assert.deepEqual(result, { unreadable: "扫描件（图片），没有可读取的文字：第 1–2 页" });
  });
});

describe("gongkai check on PDFs", () => {
  it("checks a .pdf, and reports a broken one without stopping", async () => {
    assert.ok(isCheckable("公开/预算.PDF"));
    const good = join(dir, "seed.pdf");
    const bad = join(dir, "broken.pdf");
    writeFileSync(good, pdf);
    writeFileSync(bad, "not a pdf");
    const [ok, broken] = [await checkFileAsync(good), await checkFileAsync(bad)];
    assert.equal(ok.unreadable, undefined);
    assert.deepEqual(
      ok.findings.filter((f) => f.severity === "error"),
      [],
    );
    assert.equal(broken.unreadable, "不是有效的 PDF 文件");
  });
});

describe("text that comes out as symbols (a font mapping its glyphs oddly)", () => {
  const item = (text: string, y: number) => ({ text, x: 50, y, width: text.length * 9, size: 9 });
  it("a page whose characters are mostly private-use or symbol code points is garbled; a Chinese page is not", () => {
    const chinese = [item("部门综合预算收支总表", 700), item("一般公共服务支出 1,754,693.00", 680)];
    const symbols = [item("\ue001\ue002\ue003\ue004\ue005\ue006", 700), item("\ue010\ue011 1,754,693.00 \u2460", 680)];
    assert.deepEqual(garbledPages([chinese, symbols, []]), [2]);
  });

  it("a PDF whose text is all symbols is reported, not checked", async () => {
    // Noto Sans SC has no glyphs at U+E000…: the text layer still carries those code points.
    const odd = "\ue000\ue001\ue002\ue003\ue004\ue005\ue006\ue007\ue008\ue009 1,368,693.00";
    const bytes = await pdfmake.createPdf({ content: [odd, odd], defaultStyle: { font: "NotoSansSC" } }).getBuffer();
    assert.deepEqual(await readPdf(bytes, { origin: "odd.pdf" }), { unreadable: "字体编码异常，文字读出来是符号而不是汉字（第 1 页），未检查" });
  });
});
