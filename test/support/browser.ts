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
import { existsSync, mkdirSync } from "node:fs";
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
