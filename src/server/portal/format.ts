/** Small formatting helpers of the portal pages: dates in Beijing time, amounts, changes. */
import type { HtmlEscapedString } from "hono/utils/html";
import { type Fen, formatYuan } from "../../model/money.ts";
import { type Html, raw } from "./markup.ts";

/** `2024/1/20 10:30:00`, Beijing time. */
export function formatDateTime(date: Date | string): string {
  return new Date(date).toLocaleString("zh-CN", { hour12: false, timeZone: "Asia/Shanghai" });
}

/** `2024年1月20日`, Beijing time. */
export function formatDate(date: Date | string): string {
  return new Date(date).toLocaleDateString("zh-CN", { timeZone: "Asia/Shanghai", year: "numeric", month: "long", day: "numeric" });
}

/** 元 with separators and two decimals, from fen. */
export function yuan(amount: number): string {
  return formatYuan(amount as Fen);
}

/** A signed change in 元: `+1,000.00`, `-1,000.00`, `0.00`. */
export function signedYuan(amount: number): string {
  return `${amount > 0 ? "+" : ""}${formatYuan(amount as Fen)}`;
}

/** A percentage change with its sign, or — when there is no base. */
export function signedPercent(percent: number | null): string {
  if (percent === null) return "—";
  return `${percent > 0 ? "+" : ""}${percent.toFixed(2)}%`;
}

/** Markup made by a view of the staff app (hono's `html`), which is synchronous when nothing in it is a promise. */
export function hono(markup: HtmlEscapedString | Promise<HtmlEscapedString>): Html {
  if (markup instanceof Promise) throw new Error("视图返回了异步内容");
  return raw(String(markup));
}
