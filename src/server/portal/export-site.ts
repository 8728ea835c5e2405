/**
 * The static export (`gongkai export-site --out DIR`): the whole portal as files that work from any
 * static host and from file:// offline. It asks the portal itself for every page (the app's own
 * routes, without a socket), starting from the home page and following every link, so the export is
 * exactly what the server shows. Each page `/portal/a/b/` is written as `portal/a/b/index.html`,
 * downloads and the CSS and script beside them, plus:
 *
 * - links to folders point at their `index.html` (file:// shows a folder listing otherwise), and the
 *   page is marked `data-export="static"` for portal.js;
 * - the search page loads `assets/search-index.js`, with which portal.js searches offline;
 * - `index.html` at the top leads to `portal/index.html`; the open data API's documents that take no
 *   parameter are saved under `api/v1/` as a snapshot.
 *
 * Written into a temporary folder beside DIR and renamed into place at the end, so DIR holds either
 * the previous export or the new one, never half of one.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import type { AppContext } from "../../app/context.ts";
import { createServer } from "../app.ts";
import { ROUTE_TABLE } from "../route-table.ts";
import { DOWNLOAD_FILES, portalPaths } from "./links.ts";

/** The file that marks a folder as an export, so a later export may replace it. */
export const EXPORT_MARKER = ".gongkai-export";

export interface ExportProgress {
  /** Pages and files written so far. */
  readonly done: number;
  /** Found so far (written or waiting). */
  readonly found: number;
  readonly path: string;
}

export interface ExportOptions {
  readonly out: string;
  readonly onProgress?: (progress: ExportProgress) => void;
  /** Requests in flight at once (default 2). */
  readonly concurrency?: number;
  /**
   * Include each publication's PDF, XLSX, DOCX and data package (default true). Without them a large
   * store exports many times faster; each page then says where to download them instead.
   */
  readonly downloads?: boolean;
}

export interface ExportResult {
  readonly pages: number;
  readonly files: number;
  readonly bytes: number;
  readonly out: string;
}

/** A refusal or failure of the export, said in Chinese. */
export class ExportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ExportError";
  }
}

/** The file a portal path is saved as, relative to the export's root: `/portal/a/b/` → `portal/a/b/index.html`. */
export function exportFileOf(path: string): string {
  const segments = path.split("/").filter((s) => s !== "").map((s) => decodeURIComponent(s));
  for (const s of segments) if (s === "." || s === ".." || s.includes("/") || s.includes("\\") || s.includes("\0")) throw new ExportError(`不安全的路径：${path}`);
  return path.endsWith("/") ? [...segments, "index.html"].join("/") : segments.join("/");
}

const LINK = /\b(href|src|action)="([^"]*)"/g;

/** The site's own links of a page, as absolute paths without query or hash. */
export function linksOf(html: string, pagePath: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(LINK)) {
    const value = m[2]!.replace(/&amp;/g, "&");
    if (value === "" || value.startsWith("#") || /^[a-z][a-z0-9+.-]*:/i.test(value)) continue;
    const url = new URL(value, `http://export.invalid${pagePath}`);
    out.push(url.pathname);
  }
  return out;
}

/**
 * A page as saved: relative links to folders go to their `index.html`, the root element says it is
 * the static export, and the search page loads the offline index before portal.js.
 */
export function staticPage(html: string, pagePath: string, options: { downloads?: boolean } = {}): string {
  let out = html;
  if (options.downloads === false)
    out = out.replace(
      /<section id="downloads" class="downloads"[\s\S]*?<\/section>/,
      '<section id="downloads" class="downloads" aria-labelledby="downloads-title">\n<h2 id="downloads-title">下载</h2>\n<p>这份静态导出未包含下载文件；PDF、Excel、Word 与开放数据包请到公开平台网站下载。</p>\n</section>',
    );
  out = out.replace(LINK, (whole, attribute: string, value: string) => {
    if (value.startsWith("#") || /^[a-z][a-z0-9+.-]*:/i.test(value) || value.startsWith("/")) return whole;
    const cut = value.search(/[?#]/);
    const path = cut === -1 ? value : value.slice(0, cut);
    const rest = cut === -1 ? "" : value.slice(cut);
    if (path !== "" && !path.endsWith("/")) return whole;
    return `${attribute}="${path === "" ? "./" : path}index.html${rest}"`;
  });
  out = out.replace(/<html lang="zh-CN">/, '<html lang="zh-CN" data-export="static">');
  if (pagePath === portalPaths.search()) {
    out = out.replace(/(<script src="([^"]*)portal\.js" defer><\/script>)/, '<script src="$2search-index.js" defer></script>\n$1');
  }
  return out;
}

function prepareTarget(out: string): { target: string; temp: string } {
  const target = resolve(out);
  if (existsSync(target)) {
    if (!statSync(target).isDirectory()) throw new ExportError(`${out} 已存在且不是文件夹，未导出`);
    const entries = readdirSync(target);
    if (entries.length > 0 && !entries.includes(EXPORT_MARKER))
      throw new ExportError(`${out} 不是空文件夹，也不是之前导出的网站：为免覆盖其中的文件，未导出。请换一个文件夹，或先清空它`);
  }
  const parent = dirname(target);
  try {
    mkdirSync(parent, { recursive: true });
  } catch (error) {
    throw new ExportError(`无法创建文件夹 ${parent}（${(error as NodeJS.ErrnoException).code ?? "未知错误"}）`);
  }
  const temp = join(parent, `.${basename(target)}.tmp-${process.pid}-${Date.now()}`);
  return { target, temp };
}

/** Exports the portal of the store `ctx` into `options.out`. */
export async function exportSite(ctx: AppContext, options: ExportOptions): Promise<ExportResult> {
  const { target, temp } = prepareTarget(options.out);
  const app = createServer(ctx);
  const queue: string[] = [];
  const seen = new Set<string>();
  const add = (path: string) => {
    if (!path.startsWith(portalPaths.root) || seen.has(path)) return;
    seen.add(path);
    queue.push(path);
  };
  for (const path of [portalPaths.home(), portalPaths.search(), portalPaths.compare(), portalPaths.scorecard(), portalPaths.asset("search-index.js")]) add(path);

  let pages = 0;
  let files = 0;
  let bytes = 0;
  let done = 0;
  const broken: string[] = [];
  const write = (file: string, body: Buffer | string) => {
    const full = join(temp, file);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, body);
    bytes += typeof body === "string" ? Buffer.byteLength(body) : body.length;
  };

  const fetchOne = async (path: string) => {
    const res = await app.request(path);
    if (res.status !== 200) {
      broken.push(`${path}（${res.status}）`);
      await res.arrayBuffer();
      return;
    }
    const type = res.headers.get("content-type") ?? "";
    if (type.startsWith("text/html")) {
      const html = await res.text();
      for (const link of linksOf(html, path)) if (options.downloads !== false || !DOWNLOAD_FILES.some((file) => link.endsWith(`/${file}`))) add(link);
      write(exportFileOf(path), staticPage(html, path, { downloads: options.downloads !== false }));
      pages += 1;
    } else {
      write(exportFileOf(path), Buffer.from(await res.arrayBuffer()));
      files += 1;
    }
  };

  const running = new Set<Promise<void>>();
  try {
    mkdirSync(temp, { recursive: true });
    const concurrency = Math.max(1, options.concurrency ?? 2);
    while (queue.length > 0 || running.size > 0) {
      while (queue.length > 0 && running.size < concurrency) {
        const path = queue.shift()!;
        const task: Promise<void> = fetchOne(path)
          .then(() => {
            done += 1;
            options.onProgress?.({ done, found: seen.size, path });
          })
          .finally(() => running.delete(task));
        running.add(task);
      }
      if (running.size > 0) await Promise.race(running);
    }
    if (broken.length > 0)
      throw new ExportError(`有 ${broken.length} 个页面链接到的地址无法生成，未导出：${broken.slice(0, 5).join("、")}${broken.length > 5 ? " 等" : ""}`);

    // The open data API's parameterless documents, as a snapshot.
    for (const route of ROUTE_TABLE) {
      if (route.method !== "GET" || !route.path.startsWith("/api/v1/") || route.path.includes(":")) continue;
      const res = await app.request(route.path);
      if (res.status !== 200) continue;
      const file = route.path.endsWith("/") ? `${route.path}index.json` : /\.[a-z]+$/.test(route.path) ? route.path : `${route.path}.json`;
      write(exportFileOf(file), Buffer.from(await res.arrayBuffer()));
      files += 1;
    }
    write(
      "index.html",
      `<!DOCTYPE html>
<html lang="zh-CN" data-export="static">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="0; url=portal/index.html">
<title>预算公开平台</title>
</head>
<body>
<main><h1>预算公开平台</h1><p><a href="portal/index.html">进入预算公开平台</a></p></main>
</body>
</html>
`,
    );
    write(EXPORT_MARKER, `gongkai export-site\n${new Date().toISOString()}\n`);
    // Into place: the old export (if any) moves aside first, then the new one takes its name.
    const old = existsSync(target) ? `${temp}-old` : undefined;
    if (old) renameSync(target, old);
    renameSync(temp, target);
    if (old) rmSync(old, { recursive: true, force: true });
  } catch (error) {
    await Promise.allSettled(running);
    rmSync(temp, { recursive: true, force: true });
    if (error instanceof ExportError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code) throw new ExportError(`写入 ${options.out} 时出错（${code}），未导出；原有内容保持不变`);
    throw error;
  }
  return { pages, files, bytes, out: target };
}
