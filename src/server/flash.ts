/**
 * One-shot messages carried across a redirect in a short-lived cookie (post/redirect/get), so a
 * refresh after an action does not repeat it.
 */
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { ServerEnv } from "./env.ts";

const NAME = "gk_flash";

export function setFlash(c: Context<ServerEnv>, kind: "notice" | "error", text: string): void {
  setCookie(c, NAME, encodeURIComponent(JSON.stringify({ kind, text })), { httpOnly: true, sameSite: "Lax", path: "/", maxAge: 60 });
}

export function takeFlash(c: Context<ServerEnv>): { kind: "notice" | "error"; text: string } | undefined {
  const value = getCookie(c, NAME);
  if (!value) return undefined;
  deleteCookie(c, NAME, { path: "/" });
  try {
    const parsed = JSON.parse(decodeURIComponent(value)) as { kind: string; text: string };
    return { kind: parsed.kind === "error" ? "error" : "notice", text: String(parsed.text).slice(0, 2000) };
  } catch {
    return undefined;
  }
}

/** Redirects back with a message. */
export function redirectWith(c: Context<ServerEnv>, to: string, kind: "notice" | "error", text: string): Response {
  setFlash(c, kind, text);
  return c.redirect(to, 303);
}
