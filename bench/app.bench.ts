/**
 * 应用基准 / Application benchmark (issue 6): a store with 2,000 units (20 departments × 100), each
 * with its disclosure saved through the app (validated, built, checked), on the embedded database
 * (PGlite) and on PostgreSQL (a throwaway server from the machine's binaries, when present).
 *
 * Figures: time to save one disclosure with its check (median and p95 over 100 saves, and the check's
 * share of it), then the app's pages per second and p99 latency under 20 concurrent users (autocannon,
 * 20 connections on loopback, each with its own preparer's session), against the server running in a
 * child process (`gongkai serve`), for the dashboard and the editor page. `--units N` scales the store
 * down (for a quick run).
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { hashPassword } from "../src/app/passwords.ts";
import type { AppContext } from "../src/app/context.ts";
import { saveVersion } from "../src/app/disclosures.ts";
import { evaluateDocument } from "../src/app/evaluate.ts";
import { loadCatalog } from "../src/catalog/load.ts";
import type { BudgetDocument } from "../src/model/budget-document.ts";
import { openDatabase } from "../src/store/open.ts";
import { findDisclosure } from "../src/store/repositories/disclosures.ts";
import { upsertDepartment, upsertUnit } from "../src/store/repositories/units.ts";
import { createUser, type UserRecord } from "../src/store/repositories/users.ts";
import type { Database } from "../src/store/sql.ts";
import { DEFAULT_CHAIN } from "../src/workflow/chain.ts";
import { syntheticBudgetDocument } from "../test/support/arbitrary-budget.ts";
import { type Benchmark, type Figure } from "./harness.ts";

const UNITS = 2000;
const DEPARTMENTS = 20;
const SAVES = 100;
const CONNECTIONS = 20;
const SECONDS = 10;
const PASSWORD = "bench-password-1";
const BIN = fileURLToPath(new URL("../bin/gongkai.js", import.meta.url));

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))]!;

interface Populated {
  readonly unitIds: number[];
  readonly preparers: UserRecord[];
  readonly docs: BudgetDocument[];
  readonly seconds: number;
}

async function populate(ctx: AppContext, units: number): Promise<Populated> {
  const start = performance.now();
  const catalog = loadCatalog(2023);
  const hash = await hashPassword(PASSWORD);
  const unitIds: number[] = [];
  const preparers: UserRecord[] = [];
  const docs: BudgetDocument[] = [];
  const perDepartment = Math.ceil(units / DEPARTMENTS);
  for (let d = 0; d < DEPARTMENTS && unitIds.length < units; d++) {
    const department = await upsertDepartment(ctx.db, { code: `D${String(d).padStart(3, "0")}`, name: `基准部门${d + 1}`, region: "基准市" });
    await createUser(ctx.db, { username: `reviewer${d}`, displayName: `审核员${d}`, role: "reviewer", duties: ["主管部门审核"], passwordHash: hash, departmentIds: [department.id] });
    for (let u = 0; u < perDepartment && unitIds.length < units; u++) {
      const n = unitIds.length;
      const base = syntheticBudgetDocument(n + 1, catalog);
      const code = `9${String(n).padStart(5, "0")}`;
      const doc: BudgetDocument = { ...base, year: 2023, unit: { ...base.unit, code, name: `基准单位${n + 1}`, department: department.name } };
      const unit = await upsertUnit(ctx.db, { code, name: doc.unit.name, kind: doc.unit.kind, departmentId: department.id });
      const preparer = await createUser(ctx.db, { username: `preparer${n}`, displayName: `填报员${n}`, role: "preparer", passwordHash: hash, unitIds: [unit.id] });
      await saveVersion(ctx, preparer, unit.id, doc, 0, "导入");
      unitIds.push(unit.id);
      preparers.push(preparer);
      docs.push(doc);
    }
  }
  return { unitIds, preparers, docs, seconds: (performance.now() - start) / 1000 };
}

async function measureSaves(ctx: AppContext, p: Populated): Promise<{ save: number[]; check: number[] }> {
  const save: number[] = [];
  const check: number[] = [];
  for (let i = 0; i < SAVES; i++) {
    const k = (i * 7919) % p.unitIds.length;
    const doc = p.docs[k]!;
    const record = (await findDisclosure(ctx.db, p.unitIds[k]!, doc.year))!;
    let t = performance.now();
    evaluateDocument(doc, "bench");
    check.push(performance.now() - t);
    t = performance.now();
    await saveVersion(ctx, p.preparers[k]!, p.unitIds[k]!, doc, record.head, "表单");
    save.push(performance.now() - t);
  }
  return { save, check };
}

/** Starts `gongkai serve` in a child process and resolves with its address once it listens. */
function startServer(env: NodeJS.ProcessEnv, dataDir: string): Promise<{ url: string; stop: () => Promise<void> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, "serve", "--port", "0", "--no-demo", "--data", dataDir], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /已启动：(http:\/\/[\w.:[\]]+)/.exec(output);
      if (m) resolve({ url: m[1]!.replace(/\/$/, ""), stop: () => new Promise((done) => { child.once("exit", () => done()); child.kill("SIGTERM"); }) });
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.once("exit", (code) => reject(new Error(`服务器退出（${code}）：${output}`)));
  });
}

async function loginCookie(url: string, username: string): Promise<string> {
  const page = await fetch(`${url}/login`);
  const loginCookie = page.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const token = /name="_login" value="([^"]+)"/.exec(await page.text())![1]!;
  const response = await fetch(`${url}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: loginCookie },
    body: new URLSearchParams({ _login: token, username, password: PASSWORD, next: "/" }),
  });
  const session = response.headers.getSetCookie().find((c) => c.startsWith("gk_session="));
  if (!session) throw new Error(`登录失败：${username}`);
  return session.split(";")[0]!;
}

async function load(url: string, cookies: string[], path: (i: number) => string): Promise<{ rps: number; p99: number; errors: number }> {
  let client = 0;
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: [{ method: "GET", path: path(0) }],
    setupClient: (c: { setHeaders: (h: Record<string, string>) => void; setRequests?: unknown }) => {
      const i = client++;
      c.setHeaders({ cookie: cookies[i % cookies.length]! });
      (c as unknown as { setRequests: (r: { method: string; path: string }[]) => void }).setRequests([{ method: "GET", path: path(i) }]);
    },
  } as never);
  const r = result as unknown as { requests: { average: number }; latency: { p99: number }; non2xx: number; errors: number };
  return { rps: r.requests.average, p99: r.latency.p99, errors: r.non2xx + r.errors };
}

async function benchEngine(engine: "pglite" | "postgres", units: number, databaseUrl?: string): Promise<Figure[]> {
  const dataDir = mkdtempSync(join(tmpdir(), "gongkai-bench-app-"));
  const db: Database = await openDatabase({ ...(databaseUrl ? { databaseUrl } : {}), dataDir });
  const ctx: AppContext = { db, chain: DEFAULT_CHAIN, now: () => new Date() };
  const populated = await populate(ctx, units);
  const { save, check } = await measureSaves(ctx, populated);
  await db.close();
  const server = await startServer(databaseUrl ? { DATABASE_URL: databaseUrl } : {}, dataDir);
  try {
    const users = populated.preparers.slice(0, CONNECTIONS);
    const cookies = await Promise.all(users.map((u) => loginCookie(server.url, u.username)));
    const ids = await Promise.all(users.map(async (u) => {
      const html = await (await fetch(`${server.url}/`, { headers: { cookie: cookies[users.indexOf(u)]! } })).text();
      return /href="\/disclosures\/(\d+)"/.exec(html)![1]!;
    }));
    const dashboard = await load(server.url, cookies, () => "/");
    const editor = await load(server.url, cookies, (i) => `/disclosures/${ids[i % ids.length]}?section=expenditure`);
    const label = engine === "pglite" ? "内置 PGlite" : "PostgreSQL";
    return [
      { zh: `${label}：载入 ${populated.unitIds.length} 个单位（每个单位经校验保存）`, en: `${engine}: populate ${populated.unitIds.length} units`, value: populated.seconds, unit: "s", digits: 1 },
      { zh: `${label}：保存一份公开文本（含校验），中位数`, en: `${engine}: save one disclosure with its check, median`, value: percentile(save, 0.5), unit: "ms", digits: 1 },
      { zh: `${label}：保存（含校验），p95`, en: `${engine}: save with check, p95`, value: percentile(save, 0.95), unit: "ms", digits: 1 },
      { zh: `${label}：其中校验（生成报表、29 条规则、说明），中位数`, en: `${engine}: of which the check, median`, value: percentile(check, 0.5), unit: "ms", digits: 1 },
      { zh: `${label}：工作台页面，20 个并发用户`, en: `${engine}: dashboard, 20 concurrent users`, value: dashboard.rps, unit: "页/s", digits: 0 },
      { zh: `${label}：工作台页面 p99 延迟`, en: `${engine}: dashboard p99 latency`, value: dashboard.p99, unit: "ms", digits: 0 },
      { zh: `${label}：填报页（支出明细），20 个并发用户`, en: `${engine}: editor page, 20 concurrent users`, value: editor.rps, unit: "页/s", digits: 0 },
      { zh: `${label}：填报页 p99 延迟`, en: `${engine}: editor page p99 latency`, value: editor.p99, unit: "ms", digits: 0 },
      { zh: `${label}：非 2xx 应答或错误`, en: `${engine}: non-2xx or errors`, value: dashboard.errors + editor.errors },
    ];
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export const appBenchmark: Benchmark = {
  name: "app",
  title: "应用：保存与页面吞吐 / Application: save and pages per second",
  async run({ units }) {
    const n = Math.min(units, UNITS);
    const figures = await benchEngine("pglite", n);
    const notes: string[] = [];
    try {
      const { testPostgres } = await import("../test/support/postgres.ts");
      const pg = await testPostgres();
      figures.push(...(await benchEngine("postgres", n, pg.url)));
      await pg.stop();
    } catch (error) {
      notes.push(`PostgreSQL 未测：${(error as Error).message}`);
    }
    notes.push(`负载工具 autocannon，${CONNECTIONS} 个连接各用一个填报员的会话，每页 ${SECONDS} 秒；服务器在子进程中运行（gongkai serve）。`);
    return { figures, notes };
  },
};
