/**
 * The static export (`gongkai export-site`): the demonstration's store with two published years,
 * exported into a folder. Every internal link of every exported page resolves to an exported file
 * (links to folders point at their index.html, so file:// works), nothing links outside the export or
 * to an address with a scheme, the search page loads the offline index, the downloads are there;
 * exporting again replaces the folder whole, and a folder that holds other files is refused untouched.
 */
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve, sep } from "node:path";
import { after, before, describe, it } from "node:test";
import { main } from "../../src/cli/main.ts";
import { EXPORT_MARKER, ExportError, exportSite, staticPage } from "../../src/server/portal/export-site.ts";
import { type AppFixture, makeApp } from "../support/app-fixture.ts";

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile());
}

/** Checks every link of every page of an export; returns how many it checked. */
function checkLinks(out: string): number {
  const pages = filesUnder(out).filter((file) => file.endsWith(".html"));
  assert.ok(pages.length > 30);
  let checked = 0;
  for (const page of pages) {
    const html = readFileSync(page, "utf8");
    assert.match(html, /<html lang="zh-CN" data-export="static">/, page);
    for (const [, value] of html.matchAll(/\b(?:href|src|action)="([^"]*)"/g)) {
      const link = value!.replace(/&amp;/g, "&");
      if (link.startsWith("#")) continue;
      const where = `${relative(out, page)} → ${link}`;
      assert.ok(!/^[a-z][a-z0-9+.-]*:/i.test(link) && !link.startsWith("/"), `${where}: not relative`);
      const path = link.replace(/[?#].*$/, "");
      assert.ok(path !== "" && !path.endsWith("/"), `${where}: a folder link (file:// would list the folder)`);
      const target = resolve(dirname(page), decodeURIComponent(path));
      assert.ok(target.startsWith(out + sep), `${where}: outside the export`);
      assert.ok(existsSync(target) && statSync(target).isFile(), `${where}: no such file`);
      checked += 1;
    }
  }
  return checked;
}

describe("static export", () => {
  let f: AppFixture;
  let root: string;
  let out: string;
  let progress = 0;

  before(async () => {
    f = await makeApp({ publishLastYear: true });
    await f.advanceTo(f.demo.disclosureId, "已公开");
    root = mkdtempSync(join(tmpdir(), "gongkai-export-"));
    out = join(root, "site");
    const result = await exportSite(f.ctx, { out, onProgress: () => (progress += 1) });
    assert.ok(result.pages > 30, `${result.pages} pages`);
  });
  after(async () => {
    await f.close();
    rmSync(root, { recursive: true, force: true });
  });

  it("writes every page as index.html, the downloads, the assets and a way in", () => {
    assert.ok(progress > 30, "progress was reported");
    for (const file of [
      "index.html",
      EXPORT_MARKER,
      "portal/index.html",
      "portal/search/index.html",
      "portal/compare/index.html",
      "portal/scorecard/index.html",
      "portal/assets/portal.css",
      "portal/assets/portal.js",
      "portal/assets/search-index.js",
      "portal/units/117002/index.html",
      "portal/units/117002/2022/index.html",
      "portal/units/117002/2023/index.html",
      "portal/units/117002/2023/history/index.html",
      "portal/units/117002/2023/1/index.html",
      "portal/compare/years/117002/2022/2023/index.html",
      "portal/departments/117/2023/index.html",
      "portal/regions/陕西省汉中市/index.html",
      "portal/subjects/function/2010350/index.html",
    ])
      assert.ok(existsSync(join(out, file)), file);
    for (const [file, magic] of [
      ["disclosure.pdf", "%PDF"],
      ["disclosure.xlsx", "PK"],
      ["disclosure.docx", "PK"],
      ["datapackage.zip", "PK"],
    ] as const) {
      const body = readFileSync(join(out, "portal/units/117002/2023/1", file));
      assert.equal(body.subarray(0, magic.length).toString("latin1"), magic, file);
    }
    assert.match(readFileSync(join(out, "index.html"), "utf8"), /url=portal\/index\.html/);
  });

  it("every internal link of every exported page resolves to an exported file inside the export", () => {
    assert.ok(checkLinks(out) > 500);
  });

  it("without downloads, pages say where to download and still link only to exported files", async () => {
    const lean = join(root, "lean");
    await exportSite(f.ctx, { out: lean, downloads: false });
    assert.equal(filesUnder(lean).filter((file) => /\.(pdf|xlsx|docx|zip)$/.test(file)).length, 0);
    assert.match(readFileSync(join(lean, "portal/units/117002/2023/index.html"), "utf8"), /这份静态导出未包含下载文件/);
    assert.ok(checkLinks(lean) > 300);
    rmSync(lean, { recursive: true, force: true });
  });


  it("the search page loads the offline index before portal.js", () => {
    const html = readFileSync(join(out, "portal/search/index.html"), "utf8");
    assert.match(html, /<script src="\.\.\/assets\/search-index\.js" defer><\/script>\n<script src="\.\.\/assets\/portal\.js" defer><\/script>/);
    const index = readFileSync(join(out, "portal/assets/search-index.js"), "utf8");
    assert.match(index, /^window\.GONGKAI_SEARCH_INDEX = \{/);
    assert.ok(index.includes('"unitName":"汉中市政务服务中心"'));
    assert.ok(index.includes('"path":"units/117002/2023/"'));
  });

  it("rewrites folder links to index.html and leaves anchors, files and queries as they are", () => {
    const page = '<html lang="zh-CN"><a href="./">a</a><a href="../x/">b</a><a href="#t1">c</a><a href="2/disclosure.pdf">d</a><a href="./?q=1&amp;year=2">e</a><a href="../2/#t5">f</a>';
    assert.equal(
      staticPage(page, "/portal/units/1/2023/"),
      '<html lang="zh-CN" data-export="static"><a href="./index.html">a</a><a href="../x/index.html">b</a><a href="#t1">c</a><a href="2/disclosure.pdf">d</a><a href="./index.html?q=1&amp;year=2">e</a><a href="../2/index.html#t5">f</a>',
    );
  });

  it("exporting again replaces the folder whole; a folder with other files is refused and left as it was", async () => {
    writeFileSync(join(out, "portal/stale.html"), "old");
    await exportSite(f.ctx, { out });
    assert.ok(!existsSync(join(out, "portal/stale.html")), "the old export is gone");
    assert.ok(existsSync(join(out, "portal/index.html")));
    assert.deepEqual(readdirSync(root).sort(), ["site"], "no temporary folder left beside it");

    const foreign = join(root, "mine");
    mkdirSync(foreign);
    writeFileSync(join(foreign, "notes.txt"), "keep me");
    await assert.rejects(exportSite(f.ctx, { out: foreign }), (error: unknown) => error instanceof ExportError && /不是空文件夹/.test(error.message));
    assert.deepEqual(readdirSync(foreign), ["notes.txt"]);
    assert.deepEqual(readdirSync(root).sort(), ["mine", "site"]);
  });

  it("the command is registered, with its options in Chinese", async () => {
    const lines: string[] = [];
    const code = await main(["node", "gongkai", "export-site", "--help"], { out: (s) => lines.push(s), err: (s) => lines.push(s) });
    assert.equal(code, 0);
    assert.match(lines.join(""), /--out <dir>\s+输出文件夹/);
  });
});
