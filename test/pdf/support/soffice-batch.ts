/**
 * Converts several documents to PDF with one headless LibreOffice run (starting soffice costs more than
 * converting a file). Fails saying what is missing when soffice is not installed; never skips.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, extname, join } from "node:path";

/** The PDFs of `files` (written to `outDir`, same base names), in the same order. */
export function convertToPdf(files: readonly string[], outDir: string, options: { infilter?: string } = {}): string[] {
  const found = spawnSync("sh", ["-c", "command -v soffice"]).status === 0;
  assert.ok(found, "找不到 soffice：请先运行 scripts/setup.sh（安装 libreoffice-calc-nogui、libreoffice-writer-nogui） / soffice not installed: run scripts/setup.sh");
  const profile = mkdtempSync(join(tmpdir(), "gongkai-lo-profile-"));
  const args = [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore"];
  if (options.infilter) args.push(`--infilter=${options.infilter}`);
  const result = spawnSync("soffice", [...args, "--convert-to", "pdf", "--outdir", outDir, ...files], {
    encoding: "utf8",
    timeout: 300_000,
    env: { ...process.env, HOME: profile },
  });
  rmSync(profile, { recursive: true, force: true });
  return files.map((file) => {
    const out = join(outDir, `${basename(file, extname(file))}.pdf`);
    assert.ok(existsSync(out), `soffice made no PDF of ${basename(file)} (status ${result.status}): ${result.stderr}${result.stdout}`);
    return out;
  });
}
