/**
 * The web application on a real, migrated database, with the demonstration loaded, for tests that drive
 * it through HTTP (`app.request`, no socket). Every account has the same known password, and `loginAs`
 * logs in through the real login form, giving a small browser: it keeps cookies (session, flash) and
 * sends the session's CSRF token with every POST.
 *
 * ```ts
 * import { forEachEngine } from "../support/engines.ts";
 * import { makeApp, type AppFixture } from "../support/app-fixture.ts";
 *
 * forEachEngine("review pages", (open) => {
 *   let f: AppFixture;
 *   before(async () => { f = await makeApp({ db: await open() }); });
 *   after(() => f.close());
 *   it("shows the queue", async () => {
 *     const zhuguan = await f.loginAs("zhuguan");
 *     const res = await zhuguan.get("/review");
 *     assert.equal(res.status, 200);
 *   });
 * });
 * ```
 *
 * Accounts (seedDemo, plus the administrator): admin (财政局管理员), danwei (填报人 of the demo unit),
 * zhuguan (主管部门审核), baomi (保密审查), fuzeren (负责人审签 and 公开); password DEMO_PASSWORD.
 */
import assert from "node:assert/strict";
import type { Hono } from "hono";
import { addUser, ensureAdministrator, sessionUser } from "../../src/app/accounts.ts";
import { advance, gateOf, submit } from "../../src/app/disclosures.ts";
import type { AppContext } from "../../src/app/context.ts";
import { type DemoAccount, readDemoDocument, seedDemo } from "../../src/app/demo.ts";
import type { BudgetDocument } from "../../src/model/budget-document.ts";
import { createServer, SESSION_COOKIE } from "../../src/server/app.ts";
import type { ServerEnv, ServerOptions } from "../../src/server/env.ts";
import { disclosureById, listDisclosures, versionOf } from "../../src/store/repositories/disclosures.ts";
import { listUnits, upsertDepartment, upsertUnit } from "../../src/store/repositories/units.ts";
import { listUsers, userByName, type UserRecord } from "../../src/store/repositories/users.ts";
import type { Database } from "../../src/store/sql.ts";
import { DEFAULT_CHAIN, duties, mayTake, stepFrom } from "../../src/workflow/chain.ts";
import { findingKey } from "../../src/workflow/finding-key.ts";
import { type EngineName, openTestDatabase } from "./engines.ts";

/** The password of every account the fixture makes. */
export const DEMO_PASSWORD = "gongkai-test-password";

export type FormValues = Record<string, string | number | readonly (string | number)[]>;

/** A client of the app with its own cookies, like one browser. */
export interface Browser {
  /** The account's name, or undefined when not signed in. */
  readonly username: string | undefined;
  /** The session's CSRF token ("" when not signed in). */
  readonly csrf: string;
  /** The Cookie header this browser sends. */
  cookieHeader(): string;
  get(path: string, headers?: Record<string, string>): Promise<Response>;
  /** A form POST (urlencoded; repeated values for arrays), with `_csrf` added unless `csrf: false`. */
  post(path: string, form?: FormValues, options?: { csrf?: boolean; headers?: Record<string, string> }): Promise<Response>;
  /** Any request, with this browser's cookies. */
  request(path: string, init?: RequestInit): Promise<Response>;
  /** GETs the redirect target of `res` (which must be a redirect). */
  follow(res: Response): Promise<Response>;
}

export interface AppFixture {
  readonly app: Hono<ServerEnv>;
  readonly ctx: AppContext;
  readonly db: Database;
  /** The demonstration's accounts and the administrator, all with DEMO_PASSWORD. */
  readonly accounts: readonly DemoAccount[];
  /** The demonstration's unit, its department and its 2023 disclosure (a draft, version 1). */
  readonly demo: { readonly unitId: number; readonly departmentId: number; readonly disclosureId: number };
  user(username: string): Promise<UserRecord>;
  /** Logs in through the login form; throws when the login does not succeed. */
  loginAs(username: string, password?: string): Promise<Browser>;
  /** A browser that is not signed in. */
  anonymous(): Browser;
  /**
   * Moves a disclosure along the review chain until it reaches `state`, through the app's own functions:
   * the preparer submits (acknowledging every warning with `reason`), then for each step an account
   * holding the step's duty advances it. Reaching the published state publishes it.
   */
  advanceTo(disclosureId: number, state: string, reason?: string): Promise<void>;
  /**
   * Another department (code 999) with one unit and its own preparer `waibu` and reviewer `qita` (every
   * duty), password DEMO_PASSWORD: accounts that must not see the demonstration's disclosure.
   */
  addOtherDepartment(): Promise<{ departmentId: number; unitId: number; preparer: string; reviewer: string }>;
  /** Closes the database when the fixture opened it. */
  close(): Promise<void>;
}

export interface FixtureOptions {
  /** A migrated database to use (e.g. from forEachEngine's open()); the caller closes it. */
  readonly db?: Database;
  /** Without `db`: the engine of the fresh database the fixture opens (pglite by default). */
  readonly engine?: EngineName;
  /** Load the demonstration (default true); the administrator is always made. */
  readonly seed?: boolean;
  /**
   * Also publish the demonstration's 2022 disclosure, as `npm start` does (default false: the staff
   * app's tests start from a store where nothing is published).
   */
  readonly publishLastYear?: boolean;
  readonly now?: () => Date;
  readonly server?: ServerOptions;
}

/** Cookies by name, updated from Set-Cookie headers (a Max-Age of 0 or a past Expires removes one). */
class CookieJar {
  readonly #cookies = new Map<string, string>();

  take(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";").map((s) => s.trim());
      const eq = pair.indexOf("=");
      if (eq <= 0) continue;
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      const gone = attributes.some((a) => /^max-age=(0|-\d+)$/i.test(a) || (/^expires=/i.test(a) && new Date(a.slice(8)).getTime() <= Date.now()));
      if (gone || value === "") this.#cookies.delete(name);
      else this.#cookies.set(name, value);
    }
  }

  get(name: string): string | undefined {
    return this.#cookies.get(name);
  }

  header(): string {
    return [...this.#cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

function encodeForm(form: FormValues): string {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(form)) {
    if (Array.isArray(value)) for (const v of value) body.append(key, String(v));
    else body.append(key, String(value));
  }
  return body.toString();
}

function browser(app: Hono<ServerEnv>, jar: CookieJar, username: string | undefined, csrf: string): Browser {
  const request = async (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    const cookies = jar.header();
    if (cookies) headers.set("cookie", cookies);
    const res = await app.request(path, { ...init, headers });
    jar.take(res);
    return res;
  };
  return {
    username,
    csrf,
    cookieHeader: () => jar.header(),
    request,
    get: (path, headers = {}) => request(path, { method: "GET", headers }),
    post: (path, form = {}, options = {}) =>
      request(path, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", ...options.headers },
        body: encodeForm(options.csrf === false ? form : { ...form, _csrf: csrf }),
      }),
    follow: (res) => {
      const location = res.headers.get("location");
      if (res.status < 300 || res.status >= 400 || !location) throw new Error(`不是重定向：${res.status}`);
      const url = new URL(location, "http://localhost");
      return request(url.pathname + url.search, { method: "GET" });
    },
  };
}

/** The hidden login token of the login page. */
function loginToken(page: string): string {
  const match = /name="_login" value="([^"]+)"/.exec(page);
  if (!match) throw new Error("登录页没有 _login 字段");
  return match[1]!;
}

export async function makeApp(options: FixtureOptions = {}): Promise<AppFixture> {
  const db = options.db ?? (await openTestDatabase(options.engine ?? "pglite"));
  const owned = options.db === undefined;
  try {
    const ctx: AppContext = { db, chain: DEFAULT_CHAIN, now: options.now ?? (() => new Date()) };
    const admin = await ensureAdministrator(ctx, DEMO_PASSWORD);
    const demoAccounts = options.seed === false ? [] : await seedDemo(ctx, DEMO_PASSWORD, { publishLastYear: options.publishLastYear ?? false });
    const accounts: DemoAccount[] = [
      ...(admin ? [{ username: admin.username, displayName: "财政局管理员", password: admin.password, what: "财政局管理员" }] : []),
      ...demoAccounts,
    ];
    const [unit] = await listUnits(db);
    const [disclosure] = unit ? await listDisclosures(db, { unitIds: [unit.id], year: readDemoDocument().year }) : [];
    const app = createServer(ctx, options.server);

    const loginAs = async (username: string, password = DEMO_PASSWORD): Promise<Browser> => {
      const jar = new CookieJar();
      const anon = browser(app, jar, undefined, "");
      const form = await anon.get("/login");
      const res = await anon.post("/login", { _login: loginToken(await form.text()), username, password, next: "/" }, { csrf: false });
      const token = jar.get(SESSION_COOKIE);
      const session = await sessionUser(ctx, token);
      if (res.status !== 303 || !session) throw new Error(`以 ${username} 登录失败：${res.status} ${res.headers.get("location") ?? ""}`);
      return browser(app, jar, username, session.csrfToken);
    };

    return {
      app,
      ctx,
      db,
      accounts,
      demo: { unitId: unit?.id ?? 0, departmentId: unit?.departmentId ?? 0, disclosureId: disclosure?.id ?? 0 },
      user: async (username) => {
        const user = await userByName(db, username);
        if (!user) throw new Error(`没有账号 ${username}`);
        return user;
      },
      loginAs,
      anonymous: () => browser(app, new CookieJar(), undefined, ""),
      advanceTo: async (disclosureId, state, reason = "已核实，情况属实") => {
        for (let guard = 0; guard < 50; guard++) {
          const record = await disclosureById(db, disclosureId);
          if (!record) throw new Error(`没有公开文本 ${disclosureId}`);
          if (record.state === state) return;
          const step = stepFrom(ctx.chain, record.state);
          if (!step) throw new Error(`“${record.state}”之后没有下一步，到不了“${state}”`);
          const actor = (await listUsers(db)).find((u) => mayTake(step, u) && (u.role !== "preparer" || u.unitIds.includes(record.unitId)));
          if (!actor) throw new Error(`没有能执行“${step.action}”的账号`);
          if (step.role === "preparer") {
            const version = await versionOf(db, disclosureId, record.head);
            const { gate } = await gateOf(ctx, record, version as never);
            await submit(ctx, actor, disclosureId, record.head, gate.unacknowledged.map((f) => ({ findingKey: findingKey(f), reason })));
          } else {
            await advance(ctx, actor, disclosureId);
          }
        }
        throw new Error(`到不了“${state}”`);
      },
      addOtherDepartment: async () => {
        const department = await upsertDepartment(db, { code: "999", name: "其他测试局", region: "测试市" });
        const unit = await upsertUnit(db, { code: "999001", name: "其他测试单位", kind: "行政单位", departmentId: department.id });
        for (const spec of [
          { username: "waibu", displayName: "其他单位填报员", role: "preparer" as const, unitIds: [unit.id] },
          { username: "qita", displayName: "其他部门审核员", role: "reviewer" as const, departmentIds: [department.id], duties: duties(ctx.chain) },
        ]) {
          if (!(await userByName(db, spec.username))) await addUser(ctx, null, { ...spec, password: DEMO_PASSWORD });
        }
        return { departmentId: department.id, unitId: unit.id, preparer: "waibu", reviewer: "qita" };
      },
      close: async () => {
        if (owned) await db.close();
      },
    };
  } catch (error) {
    if (owned) await db.close();
    throw error;
  }
}

/** The demonstration document with its first expenditure line changed by `fen` (and the revenue too, when `balanced`). */
export function changedDemo(fen: number, options: { year?: number; balanced?: boolean } = {}): BudgetDocument {
  const copy = structuredClone(readDemoDocument()) as any;
  if (options.year !== undefined) copy.year = options.year;
  copy.expenditure[0].amount += fen;
  if (options.balanced !== false) copy.revenue[0].amount += fen;
  return copy as BudgetDocument;
}

/** The flash message shown after the redirect `res`. */
export async function flashAfter(browser: Browser, res: Response): Promise<{ kind: string; text: string }> {
  assert.equal(res.status, 303, `expected a redirect, got ${res.status}`);
  const page = await (await browser.follow(res)).text();
  const match = /<p class="flash (notice|error)"[^>]*>([^<]*)<\/p>/.exec(page);
  assert.ok(match, "the page after the redirect shows no message");
  return { kind: match[1]!, text: match[2]! };
}
