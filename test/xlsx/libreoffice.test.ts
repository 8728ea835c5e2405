/**
 * The published workbook opens in LibreOffice: headless soffice converts it to PDF (one page per printed
 * page of every sheet), and pdftoppm renders page 1 to PNG. LibreOffice and poppler are installed by
 * scripts/setup.sh; when they are missing this test fails, saying so — it does not skip.
 * The files are kept in a temporary folder (printed as a diagnostic) for a person to look at.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { renderPublishedXlsx } from "../../src/renderers/xlsx/render-published-xlsx.ts";
import { publishedSeed } from "../support/disclosure-fixtures.ts";

function which(command: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${command}`], { encoding: "utf8" }).status === 0;
}

describe("the published workbook in LibreOffice", () => {
  it("converts to PDF with headless soffice, and page 1 renders to PNG", async (t) => {
    for (const [command, pkg] of [["soffice", "libreoffice-calc-nogui"], ["pdftoppm", "poppler-utils"]] as const) {
      assert.ok(which(command), `找不到 ${command}：请先运行 scripts/setup.sh（安装 ${pkg}） / ${command} not installed: run scripts/setup.sh`);
    }
    const dir = mkdtempSync(join(tmpdir(), "gongkai-xlsx-lo-"));
    const workbook = join(dir, "published.xlsx");
    writeFileSync(workbook, await renderPublishedXlsx(publishedSeed()));
    const profile = mkdtempSync(join(tmpdir(), "gongkai-lo-profile-"));
    const converted = spawnSync(
      "soffice",
      [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", dir, workbook],
      { encoding: "utf8", timeout: 120_000, env: { ...process.env, HOME: profile } },
    );
    const pdf = join(dir, "published.pdf");
    assert.ok(existsSync(pdf), `soffice made no PDF (status ${converted.status}): ${converted.stderr}${converted.stdout}`);
    assert.ok(statSync(pdf).size > 20_000, `PDF is ${statSync(pdf).size} bytes`);
    const rendered = spawnSync("pdftoppm", ["-png", "-r", "80", "-f", "1", "-l", "2", pdf, join(dir, "page")], { encoding: "utf8", timeout: 60_000 });
    assert.equal(rendered.status, 0, rendered.stderr);
    const pages = readdirSync(dir).filter((f) => /^page-\d+\.png$/.test(f)).sort();
    assert.equal(pages.length, 2, `two pages rendered: ${pages.join(", ")}`);
    for (const page of pages) assert.ok(statSync(join(dir, page)).size > 10_000, `${page} is ${statSync(join(dir, page)).size} bytes`);
    t.diagnostic(`PDF and PNG in ${dir}`);
  });
});
