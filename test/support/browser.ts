/**
 * Debian's Chromium driven by playwright-core, for the browser tests (see ../shared/STACK-NOTES.md §5):
 * headless, no sandbox, no GPU, no background traffic, a fresh profile. Chinese text needs a CJK font
 * (fonts-noto-cjk, installed by scripts/setup.sh) or the screenshots show boxes.
 *
 * ```ts
 * const browser = await launchBrowser();
 * const page = await browser.newPage();                // a context of its own: its own cookies
 * await login(page, server.url, "danwei", LIVE_PASSWORD);
 * await screenshot(page, "dashboard");                 // out/screenshots/dashboard.png
 * await browser.close();
 * ```
 *
 * One browser process; each `newPage()` opens a new context (like a separate private window), so the
 * preparer, each reviewer and an anonymous visitor do not share cookies. Playwright gives the launched
 * browser a new temporary profile directory (`--user-data-dir`) and removes it on close.
 */
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
] as const;

/** Where screenshots go (the repository's out/, which git ignores). */
export const SCREENSHOT_DIR = new URL("../../out/screenshots/", import.meta.url).pathname;

export interface TestBrowser {
  readonly browser: Browser;
  /** A page in a new context (its own cookies), 1280 px wide, Chinese locale. */
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<TestBrowser> {
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} 不存在：请安装 Debian 的 chromium（apt-get install chromium fonts-noto-cjk）`);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...CHROMIUM_ARGS] });
  const contexts: BrowserContext[] = [];
  return {
    browser,
    newPage: async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
      context.setDefaultTimeout(15_000);
      contexts.push(context);
      return context.newPage();
    },
    close: async () => {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close();
    },
  };
}

/** Logs in through the login form at `baseUrl` and waits for the page after it (the dashboard unless `next`). */
export async function login(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel("账号").fill(username);
  await page.getByLabel("密码").fill(password);
  await Promise.all([page.waitForURL((url) => url.pathname !== "/login"), page.getByRole("button", { name: "登录" }).click()]);
}

/**
 * Saves a PNG as out/screenshots/NAME.png and returns its path: what the window shows (a page), the
 * whole page (`fullPage`), or one element (a locator).
 */
export async function screenshot(target: Page | Locator, name: string, options: { fullPage?: boolean } = {}): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  if ("goto" in target) await target.screenshot({ path, fullPage: options.fullPage ?? false });
  else await target.screenshot({ path });
  return path;
}

/** The two viewports of the portal's browser tests: a desktop window and a phone (touch, mobile layout). */
export const VIEWPORTS = {
  desktop: { viewport: { width: 1280, height: 900 } },
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
} as const;

export type ViewportName = keyof typeof VIEWPORTS;

/** The WCAG 2.0/2.1 A and AA rules of axe-core. */
export const WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] as const;

export interface AxeViolation {
  readonly id: string;
  readonly impact: "minor" | "moderate" | "serious" | "critical" | null;
  readonly help: string;
  readonly nodes: readonly { readonly target: readonly string[]; readonly failureSummary?: string }[];
}

let axeSource: string | undefined;

/**
 * Runs axe-core (node_modules/axe-core) on the page as it is and returns the violations of the given
 * rule tags. The script is added to the page as a script element, which the app's Content-Security-Policy
 * forbids: open the page in a context made with `bypassCSP: true`.
 */
export async function runAxe(page: Page, tags: readonly string[] = WCAG_21_AA): Promise<AxeViolation[]> {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async (values) => {
    const axe = (window as unknown as { axe: { run(context: Document, options: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values }, resultTypes: ["violations"] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, ...(n.failureSummary ? { failureSummary: n.failureSummary } : {}) })) }));
  }, [...tags]);
}
