/** Login, logout, and changing one's own password. */
import { randomBytes } from "node:crypto";
import type { Hono } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { html } from "hono/html";
import { changeOwnPassword, login, logout, SESSION_HOURS } from "../../app/accounts.ts";
import { AppError } from "../../app/context.ts";
import { deny, SESSION_COOKIE } from "../app.ts";
import type { Deps, ServerEnv } from "../env.ts";
import { redirectWith, takeFlash } from "../flash.ts";
import { defineRoute } from "../route-table.ts";
import { csrfField, page } from "../views/layout.ts";

const LOGIN_CSRF = "gk_login";

/** Only same-site paths are followed after login, never another host. */
const safeNext = (next: string | undefined) => (next && /^\/(?!\/)[\w\-/.%]*$/.test(next) ? next : "/");

export function registerAuthRoutes(app: Hono<ServerEnv>, { ctx, options }: Deps): void {
  defineRoute(app, { method: "GET", path: "/login", access: "public", description: "登录页" }, (c) => {
    if (c.get("user")) return c.redirect("/", 303);
    const token = randomBytes(24).toString("base64url");
    setCookie(c, LOGIN_CSRF, token, { httpOnly: true, sameSite: "Strict", path: "/login", secure: options.secureCookies ?? false, maxAge: 3600 });
    const flash = takeFlash(c);
    return c.html(
      page(
        { title: "登录", ...(flash ? { flash } : {}) },
        html`<form method="post" action="/login" class="card narrow">
  <input type="hidden" name="_login" value="${token}">
  <input type="hidden" name="next" value="${safeNext(c.req.query("next"))}">
  <label>账号<input name="username" autocomplete="username" required autofocus></label>
  <label>密码<input name="password" type="password" autocomplete="current-password" required></label>
  <button type="submit">登录</button>
</form>`,
      ),
    );
  }, deny);

  defineRoute(app, { method: "POST", path: "/login", access: "public", description: "登录" }, async (c) => {
    const body = await c.req.parseBody();
    const expected = getCookie(c, LOGIN_CSRF);
    if (!expected || body["_login"] !== expected) return redirectWith(c, "/login", "error", "登录页已过期，请重新输入");
    const username = String(body["username"] ?? "").trim();
    const password = String(body["password"] ?? "");
    const address = c.req.header("x-forwarded-for")?.split(",")[0]?.trim() || (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket?.remoteAddress || "local";
    try {
      const { session, user } = await login(ctx, username, password, address);
      deleteCookie(c, LOGIN_CSRF, { path: "/login" });
      setCookie(c, SESSION_COOKIE, session.token, {
        httpOnly: true,
        sameSite: "Lax",
        path: "/",
        secure: options.secureCookies ?? false,
        maxAge: SESSION_HOURS * 3600,
      });
      return c.redirect(user.mustChangePassword ? "/account/password" : safeNext(String(body["next"] ?? "")), 303);
    } catch (error) {
      if (error instanceof AppError) return redirectWith(c, "/login", "error", error.message);
      throw error;
    }
  }, deny);

  defineRoute(app, { method: "POST", path: "/logout", access: "signed-in", description: "退出" }, async (c) => {
    const token = c.get("sessionToken");
    if (token) await logout(ctx, token);
    deleteCookie(c, SESSION_COOKIE, { path: "/" });
    return redirectWith(c, "/login", "notice", "已退出");
  }, deny);

  defineRoute(app, { method: "GET", path: "/account/password", access: "signed-in", description: "修改密码页" }, (c) => {
    const user = c.get("user")!;
    const flash = takeFlash(c);
    return c.html(
      page(
        { title: "修改密码", user, csrf: c.get("csrf"), ...(flash ? { flash } : {}) },
        html`${user.mustChangePassword ? html`<p class="note">这是首次登录（或密码已被重置）：请先设置您自己的密码。</p>` : ""}
<form method="post" action="/account/password" class="card narrow">
  ${csrfField(c.get("csrf"))}
  <label>当前密码<input name="current" type="password" autocomplete="current-password" required></label>
  <label>新密码（至少 10 个字符）<input name="next" type="password" autocomplete="new-password" minlength="10" required></label>
  <label>再输入一次新密码<input name="again" type="password" autocomplete="new-password" minlength="10" required></label>
  <button type="submit">保存新密码</button>
</form>`,
      ),
    );
  }, deny);

  defineRoute(app, { method: "POST", path: "/account/password", access: "signed-in", description: "修改密码" }, async (c) => {
    const body = await c.req.parseBody();
    const next = String(body["next"] ?? "");
    if (next !== String(body["again"] ?? "")) return redirectWith(c, "/account/password", "error", "两次输入的新密码不一致");
    try {
      await changeOwnPassword(ctx, c.get("user")!, String(body["current"] ?? ""), next);
    } catch (error) {
      if (error instanceof AppError) return redirectWith(c, "/account/password", "error", error.message);
      throw error;
    }
    return redirectWith(c, "/", "notice", "密码已修改");
  }, deny);
}
