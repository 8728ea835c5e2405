/**
 * Disclosures and tools for the PDF and DOCX tests: the seed with the seed's narrative (read from the
 * corrected published text, so the headings and paragraphs are real ones), a seed whose 表6 has 300
 * lines (so it runs over several pages), poppler's pdftotext per page, and the outline (bookmark)
 * titles of a PDF.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { readPublished } from "../../src/importers/published/read-published.ts";
import type { Disclosure } from "../../src/model/disclosure.ts";
import { fen } from "../../src/model/money.ts";
import type { Row } from "../../src/model/table.ts";
import { publishedSeed } from "../support/disclosure-fixtures.ts";

const SEED_TEXT = fileURLToPath(new URL("../fixtures/published/hanzhong-corrected.txt", import.meta.url));

/** The seed, built, with the seed's narrative and cover statements. */
export function seedWithNarrative(): Disclosure {
  const narrative = readPublished(readFileSync(SEED_TEXT, "utf8"), { origin: "seed" }).narrative;
  return { ...publishedSeed(), originKind: "built", narrative };
}

/** The seed with a 表6 of `lines` lines (synthetic codes and amounts; the other tables as they are). */
export function seedWithLongTable6(lines = 300): Disclosure {
  const seed = seedWithNarrative();
  const tables = seed.tables.map((table) => {
    if (table.number !== 6) return table;
    const rows: Row[] = [table.rows[0]!];
    for (let i = 0; i < lines; i += 1) {
      const amount = fen(1_000_000 + i * 12_345);
      rows.push({
        code: `30${String(100 + i)}`,
        label: `合成经济科目第${i + 1}款`,
        level: 2,
        kind: "item",
        values: [`5${String(100 + i)}`, `政府经济科目${i + 1}`, amount, amount, null, null, null],
      });
    }
    return { ...table, rows };
  });
  return { ...seed, tables };
}

function run(command: string, args: readonly string[]): string {
  const result = spawnSync(command, args, { encoding: "utf8", timeout: 60_000 });
  assert.equal(result.error, undefined, `${command}: ${String(result.error)}（请先运行 scripts/setup.sh）`);
  assert.equal(result.status, 0, result.stderr);
  return result.stdout;
}

export function pageCount(pdf: string): number {
  const match = /^Pages:\s+(\d+)/m.exec(run("pdfinfo", [pdf]));
  assert.ok(match, "pdfinfo printed no page count");
  return Number(match[1]);
}

/** The text of each page, by poppler's pdftotext (index 0 is page 1). */
export function pageTexts(pdf: string): string[] {
  return run("pdftotext", ["-layout", pdf, "-"]).split("\f").slice(0, pageCount(pdf));
}

export function fontList(pdf: string): string {
  return run("pdffonts", [pdf]);
}

/** Decodes a PDF literal string's bytes (escapes resolved) as PDFDocEncoding or UTF-16BE with a BOM. */
function decodePdfString(bytes: number[]): string {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    let text = "";
    for (let i = 2; i + 1 < bytes.length; i += 2) text += String.fromCharCode((bytes[i]! << 8) | bytes[i + 1]!);
    return text;
  }
  return String.fromCharCode(...bytes);
}

/**
 * The titles of the outline items (bookmarks) of a PDF as pdfkit writes them: uncompressed objects
 * with `/Title (…)` and `/Parent`. Literal strings only, which is what pdfkit writes.
 */
export function outlineTitles(pdf: Buffer): string[] {
  const text = pdf.toString("latin1");
  const titles: string[] = [];
  const pattern = /<<[^<>]*?\/Title \(/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const bytes: number[] = [];
    let i = match.index + match[0].length;
    let depth = 0;
    for (; i < text.length; i += 1) {
      const c = text.charCodeAt(i);
      if (c === 0x5c) {
        i += 1;
        const next = text[i]!;
        const escapes: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12 };
        if (/[0-7]/.test(next)) {
          const octal = /^[0-7]{1,3}/.exec(text.slice(i))![0];
          bytes.push(parseInt(octal, 8));
          i += octal.length - 1;
        } else bytes.push(escapes[next] ?? next.charCodeAt(0));
        continue;
      }
      if (c === 0x28) depth += 1;
      if (c === 0x29) {
        if (depth === 0) break;
        depth -= 1;
      }
      bytes.push(c);
    }
    const object = text.slice(match.index, text.indexOf(">>", i));
    if (object.includes("/Parent")) titles.push(decodePdfString(bytes));
  }
  return titles;
}
