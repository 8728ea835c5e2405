/**
 * The web application: preparers, reviewers and administrators, on one Hono app. Middleware, in order:
 * security headers, body size limit, the session (cookie → user), CSRF on every POST; then the routes,
 * each declared with its access in route-table.ts.
 */
import { readFileSync } from "node:fs";
import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { getCookie } from "hono/cookie";
import { html } from "hono/html";
import { sessionUser } from "../app/accounts.ts";
import { AppError } from "../app/context.ts";
import type { AppContext } from "../app/context.ts";
import { StaleVersionError } from "../store/repositories/disclosures.ts";
import { publicationCount } from "../store/repositories/publications.ts";
import type { Deps, ServerEnv, ServerOptions } from "./env.ts";
import { takeFlash } from "./flash.ts";
import { PortalCache } from "./portal-cache.ts";
import { registerAdminRoutes } from "./routes/admin.ts";
import { registerApiRoutes } from "./routes/api.ts";
import { registerAuthRoutes } from "./routes/auth.ts";
import { registerPortalRoutes } from "./routes/portal.ts";
import { registerPreparerRoutes } from "./routes/preparer.ts";
import { registerPublicRoutes } from "./routes/public.ts";
import { registerReviewerRoutes } from "./routes/reviewer.ts";
import { page } from "./views/layout.ts";

export const SESSION_COOKIE = "gk_session";

/** The headers every answer carries (also those the page cache gives before the app, portal-cache.ts). */
export const SECURITY_HEADERS: readonly (readonly [string, string])[] = [
  ["X-Content-Type-Options", "nosniff"],
  ["Referrer-Policy", "same-origin"],
  ["X-Frame-Options", "DENY"],
  // The published pages carry their own inline <style>; no page runs inline script.
  ["Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'"],
];
export const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;

const STATIC: Record<string, { type: string; body: string }> = {
  "app.css": { type: "text/css; charset=utf-8", body: readFileSync(new URL("./static/app.css", import.meta.url), "utf8") },
  "app.js": { type: "text/javascript; charset=utf-8", body: readFileSync(new URL("./static/app.js", import.meta.url), "utf8") },
};

/** A page that says what went wrong (or JSON, for the app's own fetch calls). */
export function errorResponse(c: Context<ServerEnv>, status: number, message: string): Response | Promise<Response> {
  if (c.req.header("accept")?.includes("application/json")) return c.json({ error: message }, status as 400);
  return c.html(page({ title: status === 404 ? "找不到页面" : status === 403 ? "无权访问" : "操作未完成", user: c.get("user"), csrf: c.get("csrf") }, html`<p class="error-text" role="alert">${message}</p><p><a href="/">返回工作台</a></p>`), status as 400);
}

export function createServer(ctx: AppContext, options: ServerOptions = {}): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();
  const deps: Deps = { ctx, options, portalCache: options.portalCache ?? newPortalCache(ctx) };

  app.use("*", async (c, next) => {
    await next();
    // Set on the answer's own headers: c.header() here would copy the answer, turning a body held in
    // memory into a stream, which makes sending a page several times slower.
    const headers = c.res.headers;
    for (const [name, value] of SECURITY_HEADERS) headers.set(name, value);
    // Pages for a signed-in user are private; a page that declared itself public (a publication, the
    // static files) is the same for everyone and stays cacheable.
    if (c.get("user") && !headers.get("Cache-Control")?.startsWith("public")) headers.set("Cache-Control", "no-store");
  });

  app.use(
    "*",
    bodyLimit({
      maxSize: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
      onError: (c) => errorResponse(c as never, 413, `上传的内容过大（上限 ${Math.round((options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES) / 1024 / 1024)} MB），未保存任何内容`) as Response,
    }),
  );

  app.use("*", async (c, next) => {
    // The public carries no session cookie: no cookie parsing, no database query.
    const token = c.req.header("cookie")?.includes(`${SESSION_COOKIE}=`) ? getCookie(c, SESSION_COOKIE) : undefined;
    const found = token === undefined ? undefined : await sessionUser(ctx, token);
    c.set("user", found?.user);
    c.set("csrf", found?.csrfToken);
    c.set("sessionToken", found ? token : undefined);
    await next();
  });

  // CSRF: every POST must carry the session's token (a form field or a header), and a browser's Origin,
  // when sent, must be this site. Login has its own token (routes/auth.ts), as there is no session yet.
  app.use("*", async (c, next) => {
    if (c.req.method !== "POST") return next();
    const origin = c.req.header("origin");
    if (origin && origin !== new URL(c.req.url).origin) return errorResponse(c, 403, "请求来源与本站不符，已拒绝（CSRF 防护）");
    if (c.req.path === "/login") return next();
    const expected = c.get("csrf");
    if (!expected) return next(); // no session: the route's access check answers
    let given = c.req.header("x-csrf-token");
    if (!given) {
      const type = c.req.header("content-type") ?? "";
      if (type.includes("form")) {
        const body = await c.req.parseBody();
        given = typeof body["_csrf"] === "string" ? body["_csrf"] : undefined;
      }
    }
    if (given !== expected) return errorResponse(c, 403, "页面已过期或请求无效（CSRF 校验未通过），请刷新页面后重试");
    return next();
  });

  app.get("/static/:name", (c) => {
    const file = STATIC[c.req.param("name")];
    if (!file) return c.notFound();
    c.header("Cache-Control", "public, max-age=300");
    return c.body(file.body, 200, { "Content-Type": file.type });
  });
  app.get("/healthz", (c) => c.text("ok"));

  registerAuthRoutes(app, deps);
  registerPreparerRoutes(app, deps);
  registerReviewerRoutes(app, deps);
  registerAdminRoutes(app, deps);
  registerPublicRoutes(app, deps);
  registerPortalRoutes(app, deps);
  registerApiRoutes(app, deps);

  app.notFound((c) => errorResponse(c, 404, "找不到这个页面"));
  app.onError((error, c) => {
    if (error instanceof AppError) return errorResponse(c, error.status, error.message);
    if (error instanceof StaleVersionError) return errorResponse(c, 409, error.message);
    console.error(error);
    return errorResponse(c, 500, "服务器内部错误，操作未完成；已保存的数据不受影响。请稍后重试或联系管理员。");
  });
  return app;
}

/**
 * The cache of published pages for a server on `ctx`: with PostgreSQL other processes may publish,
 * so the store's version it remembers is trusted for 5 seconds only.
 */
export function newPortalCache(ctx: AppContext): PortalCache {
  return new PortalCache({ version: () => publicationCount(ctx.db), headers: SECURITY_HEADERS, ...(ctx.db.engine === "postgres" ? { versionTtlMs: 5_000 } : {}) });
}

/** What a route answers to someone its access list leaves out: the login page, or 403 for the signed in. */
export function deny(c: Context<ServerEnv>, signedIn: boolean): Response | Promise<Response> {
  if (!signedIn) {
    if (c.req.method === "GET" && !c.req.header("accept")?.includes("application/json"))
      return c.redirect(`/login?next=${encodeURIComponent(c.req.path)}`, 303);
    return errorResponse(c, 401, "请先登录");
  }
  return errorResponse(c, 403, "您的账号无权访问这个页面");
}

export { takeFlash };
