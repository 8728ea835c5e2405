/**
 * The frame of every portal page: language zh-CN, a skip link, the site header with its navigation
 * (the current section marked), breadcrumbs, one `<main>` with the page's only h1, a footer. Every
 * link is relative to the page's own path (links.ts), so the page works as a static file too.
 */
import { readFileSync } from "node:fs";
import { PAGE_CSS } from "../../renderers/html/style.ts";
import { type Content, type Html, html } from "./markup.ts";
import { type Linker, linker, portalPaths } from "./links.ts";

export type Section = "home" | "search" | "browse" | "compare" | "scorecard";

export interface Crumb {
  readonly text: string;
  readonly path: string;
}

export interface PortalPageOptions {
  /** The page's own absolute path (`/portal/units/117002/2023/`): every link is made relative to it. */
  readonly path: string;
  readonly title: string;
  readonly section?: Section;
  /** The way here, from the home page; the page itself is added as the last, unlinked crumb. */
  readonly crumbs?: readonly Crumb[];
  /** A line under the h1. */
  readonly lead?: Content;
}

/** The published page's CSS (tables, charts, certificate) followed by the portal's own. */
export const PORTAL_CSS = `${PAGE_CSS}\n${readFileSync(new URL("./static/portal.css", import.meta.url), "utf8")}`;
export const PORTAL_JS = readFileSync(new URL("./static/portal.js", import.meta.url), "utf8");

const SECTIONS: readonly [Section, string, string][] = [
  ["home", "首页", portalPaths.home()],
  ["search", "搜索", portalPaths.search()],
  ["compare", "比较", portalPaths.compare()],
  ["scorecard", "公开情况", portalPaths.scorecard()],
];

export const SITE_NAME = "预算公开平台";

/** A whole portal page. `body(link)` gets the page's link maker. */
export function portalPage(options: PortalPageOptions, body: (link: Linker) => Content): string {
  const link = linker(options.path);
  const crumbs = options.crumbs ?? [];
  const nav = SECTIONS.map(
    ([section, text, path]) => html`<li><a href="${link(path)}"${options.section === section ? html` aria-current="page"` : ""}>${text}</a></li>`,
  );
  const trail =
    crumbs.length > 0
      ? html`<nav class="breadcrumbs" aria-label="当前位置"><ol>${crumbs.map((c) => html`<li><a href="${link(c.path)}">${c.text}</a></li>`)}<li aria-current="page">${options.title}</li></ol></nav>`
      : "";
  const page: Html = html`<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title} · ${SITE_NAME}</title>
<link rel="stylesheet" href="${link(portalPaths.asset("portal.css"))}">
<script src="${link(portalPaths.asset("portal.js"))}" defer></script>
</head>
<body class="portal">
<a class="skip-link" href="#main">跳到正文</a>
<header class="site-header">
<a class="brand" href="${link(portalPaths.home())}">${SITE_NAME}</a>
<nav class="site-nav" aria-label="网站导航"><ul>${nav}</ul></nav>
</header>
<div class="page">
${trail}
<main id="main" tabindex="-1">
<h1>${options.title}</h1>
${options.lead ? html`<p class="lead">${options.lead}</p>` : ""}
${body(link)}
</main>
</div>
<footer class="site-footer">
<p>本平台展示经审核后公开的部门（单位）预算；已公开的文本不会被修改，每次更正都作为新的一次发布并附更正说明。金额单位除注明外为元。</p>
</footer>
</body>
</html>
`;
  return page.value;
}


/** The portal's "not found" page, at the path that was asked for. */
export function notFoundPage(path: string, message: string): string {
  return portalPage({ path, title: "找不到页面", crumbs: [{ text: "首页", path: portalPaths.home() }] }, (link) =>
    html`<p role="alert">${message}</p><p><a href="${link(portalPaths.home())}">返回首页</a>，或<a href="${link(portalPaths.search())}">搜索</a>。</p>`,
  );
}
