/**
 * Headless LibreOffice and poppler for tests that look at real documents. Both are installed by
 * scripts/setup.sh; when either is missing the calling test fails saying so, it never skips.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, extname, join } from "node:path";

function requireCommand(command: string, pkg: string): void {
  const found = spawnSync("sh", ["-c", `command -v ${command}`]).status === 0;
  assert.ok(found, `找不到 ${command}：请先运行 scripts/setup.sh（安装 ${pkg}） / ${command} not installed: run scripts/setup.sh`);
}

/** Converts `file` with `soffice --headless --convert-to <filter>` into `outDir`; returns the new file. */
export function sofficeConvert(file: string, filter: string, outDir: string): string {
  requireCommand("soffice", "libreoffice-calc-nogui");
  const profile = mkdtempSync(join(tmpdir(), "gongkai-lo-profile-"));
  const result = spawnSync(
    "soffice",
    [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", filter, "--outdir", outDir, file],
    { encoding: "utf8", timeout: 120_000, env: { ...process.env, HOME: profile } },
  );
  const extension = filter.split(":")[0]!;
  const out = join(outDir, `${basename(file, extname(file))}.${extension}`);
  assert.ok(existsSync(out), `soffice made no ${extension} (status ${result.status}): ${result.stderr}${result.stdout}`);
  return out;
}

/** Renders pages `first`–`last` of a PDF to PNG files in `outDir`; returns their paths in page order. */
export function pdfPagesToPng(pdf: string, outDir: string, first: number, last: number, prefix = "page"): string[] {
  requireCommand("pdftoppm", "poppler-utils");
  const result = spawnSync("pdftoppm", ["-png", "-r", "80", "-f", String(first), "-l", String(last), pdf, join(outDir, prefix)], {
    encoding: "utf8",
    timeout: 60_000,
  });
  assert.equal(result.status, 0, result.stderr);
  return readdirSync(outDir)
    .filter((f) => new RegExp(`^${prefix}-\\d+\\.png$`).test(f))
    .sort()
    .map((f) => join(outDir, f));
}
