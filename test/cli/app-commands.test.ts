// The application's commands on a real embedded database: `user add|reset|list` print one-time
// passwords that log in, `audit verify` proves the log untouched and finds a changed entry, and a
// database held by another opener is refused with a clear message, losing nothing.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, it } from "node:test";
import { login } from "../../src/app/accounts.ts";
import { seedDemo } from "../../src/app/demo.ts";
import { openPglite } from "../../src/store/engines/pglite.ts";
import { openDatabase } from "../../src/store/open.ts";
import { DEFAULT_CHAIN } from "../../src/workflow/chain.ts";
import { pgliteTemplate } from "../support/engines.ts";
import { runCli } from "./run-cli.ts";

const dir = mkdtempSync(join(tmpdir(), "gongkai-cli-app-"));
const data = join(dir, "data");
after(() => rmSync(dir, { recursive: true, force: true }));

before(async () => {
  // A migrated database from the test template, with the demonstration loaded.
  await (await openPglite(data, { loadDataDir: await pgliteTemplate() })).close();
  const db = await openDatabase({ dataDir: data });
  await seedDemo({ db, chain: DEFAULT_CHAIN, now: () => new Date() }, "demo-password-1");
  await db.close();
});

const withDb = async <T>(work: (ctx: { db: Awaited<ReturnType<typeof openDatabase>>; chain: typeof DEFAULT_CHAIN; now: () => Date }) => Promise<T>) => {
  const db = await openDatabase({ dataDir: data });
  try {
    return await work({ db, chain: DEFAULT_CHAIN, now: () => new Date() });
  } finally {
    await db.close();
  }
};

it("adds a preparer bound to a unit and prints a one-time password that logs in", async () => {
  const { code, out, err } = await runCli("user", "add", "xiaowang", "--role", "preparer", "--unit", "117002", "--name", "小王", "--data", data);
  assert.equal(code, 0, err);
  const password = /一次性密码：(\S+)/.exec(out)?.[1];
  assert.ok(password && password.length === 16, out);
  const user = await withDb(async (ctx) => (await login(ctx, "xiaowang", password!, "cli-test")).user);
  assert.equal(user.mustChangePassword, true);
  assert.equal(user.unitIds.length, 1);
});

it("refuses bad accounts with the reason: unknown unit, unknown duty, unbound preparer, duplicate", async () => {
  const cases: [string[], RegExp][] = [
    [["user", "add", "a1", "--role", "preparer", "--unit", "999999"], /没有编码为 999999 的单位/],
    [["user", "add", "a2", "--role", "reviewer", "--department", "117", "--duty", "盖章"], /审核流程中没有“盖章”这一步/],
    [["user", "add", "a3", "--role", "preparer"], /填报人须用 --unit 绑定至少一个单位/],
    [["user", "add", "danwei", "--role", "preparer", "--unit", "117002"], /账号“danwei”已存在/],
    [["user", "add", "a4", "--role", "boss"], /角色必须是/],
  ];
  for (const [args, message] of cases) {
    const { code, err } = await runCli(...args, "--data", data);
    assert.equal(code, 2, args.join(" "));
    assert.match(err, message);
  }
  const { out } = await runCli("user", "list", "--data", data);
  assert.doesNotMatch(out, /^a[1-4]\t/m);
  assert.match(out, /^danwei\t填报人/m);
});

it("resets a password: the old one stops working, the printed one logs in", async () => {
  const { code, out } = await runCli("user", "reset", "danwei", "--data", data);
  assert.equal(code, 0);
  const password = /一次性密码：(\S+)/.exec(out)![1]!;
  await withDb(async (ctx) => {
    await assert.rejects(login(ctx, "danwei", "demo-password-1", "cli-test"), /账号或密码不正确/);
    assert.equal((await login(ctx, "danwei", password, "cli-test")).user.username, "danwei");
  });
  const missing = await runCli("user", "reset", "nobody", "--data", data);
  assert.equal(missing.code, 2);
  assert.match(missing.err, /没有账号“nobody”/);
});

it("verifies the audit log, and reports the entry changed behind its back", async () => {
  const ok = await runCli("audit", "verify", "--data", data);
  assert.equal(ok.code, 0, ok.err);
  assert.match(ok.out, /审计日志完好：共 \d+ 条，哈希链连续/);
  await withDb(async ({ db }) => {
    await db.query(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`);
    await db.query(`UPDATE audit_log SET actor_id = NULL, detail = '{"username": "mallory"}'::jsonb WHERE seq = 2`);
    await db.query(`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`);
  });
  const broken = await runCli("audit", "verify", "--data", data);
  assert.equal(broken.code, 1);
  assert.match(broken.err, /审计日志已被改动：第 2 条记录的内容与其哈希不符/);
});

it("refuses to open the embedded database while another process holds it, and loses nothing", async () => {
  // Another process (as `gongkai serve` would) holds the database open.
  const holder = spawn(process.execPath, ["--import", "tsx", "-e", `
    const { openDatabase } = await import(${JSON.stringify(new URL("../../src/store/open.ts", import.meta.url).href)});
    await openDatabase({ dataDir: ${JSON.stringify(data)} });
    console.log("held");
    setInterval(() => {}, 1000);`], { stdio: ["ignore", "pipe", "inherit"] });
  await new Promise<void>((resolve) => holder.stdout.on("data", (b: Buffer) => b.toString().includes("held") && resolve()));
  try {
    const { code, err } = await runCli("user", "add", "locked", "--role", "admin", "--data", data);
    assert.equal(code, 2);
    assert.match(err, /正由另一个进程（进程号 \d+）使用/);
  } finally {
    holder.kill("SIGTERM");
    await new Promise((resolve) => holder.once("exit", resolve));
  }
  const { out } = await runCli("user", "list", "--data", data);
  assert.doesNotMatch(out, /^locked\t/m, "the refused command wrote nothing");
  assert.match(out, /^xiaowang\t填报人/m, "earlier writes are all there");
});
