/**
 * The frame of every page of the app: header with the account and its role, navigation by role, the
 * flash message, then the page. Text goes through hono's `html` template, which escapes every
 * interpolated value; `raw` is used only for markup this code made itself.
 */
import { html } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import type { UserRecord } from "../../store/repositories/users.ts";

export type Markup = HtmlEscapedString | Promise<HtmlEscapedString>;

export const ROLE_NAMES = { admin: "财政局管理员", reviewer: "审核人", preparer: "填报人" } as const;

export interface PageOptions {
  readonly title: string;
  readonly user?: UserRecord;
  readonly csrf?: string;
  /** A message after a redirect: notice (done) or error. */
  readonly flash?: { readonly kind: "notice" | "error"; readonly text: string };
  readonly wide?: boolean;
}

function nav(user: UserRecord | undefined, csrf: string | undefined): Markup {
  if (!user) return html`<nav aria-label="主导航"><a href="/login">登录</a></nav>`;
  const links: [string, string][] = [["/", "工作台"]];
  if (user.role === "reviewer") links.push(["/review", "审核队列"]);
  if (user.role === "reviewer" || user.role === "admin") links.push(["/departments", "部门汇总"]);
  if (user.role === "admin") links.push(["/admin/users", "账号管理"], ["/admin/units", "部门与单位"], ["/admin/settings", "设置"], ["/admin/audit", "审计日志"]);
  links.push(["/published", "已公开"]);
  return html`<nav aria-label="主导航">
    ${links.map(([href, text]) => html`<a href="${href}">${text}</a>`)}
    <span class="who">${user.displayName}（${ROLE_NAMES[user.role]}）</span>
    <a href="/account/password">修改密码</a>
    <form method="post" action="/logout" class="inline"><input type="hidden" name="_csrf" value="${csrf ?? ""}"><button type="submit" class="link">退出</button></form>
  </nav>`;
}

export function page(options: PageOptions, body: Markup): Markup {
  return html`<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title} · 公开 Gongkai</title>
<link rel="stylesheet" href="/static/app.css">
<script src="/static/app.js" defer></script>
</head>
<body${options.wide ? html` class="wide"` : ""}>
<a class="skip" href="#main">跳到正文</a>
<header class="top"><a class="brand" href="/">公开 · 预算公开编制与审核</a>${nav(options.user, options.csrf)}</header>
<main id="main">
${options.flash ? html`<p class="flash ${options.flash.kind}" role="${options.flash.kind === "error" ? "alert" : "status"}">${options.flash.text}</p>` : ""}
<h1>${options.title}</h1>
${body}
</main>
</body>
</html>`;
}

/** A hidden field with the session's CSRF token, for every form that changes something. */
export const csrfField = (csrf: string | undefined) => html`<input type="hidden" name="_csrf" value="${csrf ?? ""}">`;

export function formatTime(date: Date | string): string {
  return new Date(date).toLocaleString("zh-CN", { hour12: false, timeZone: "Asia/Shanghai" });
}
