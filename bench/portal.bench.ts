/**
 * 门户基准 / Portal benchmark (issue 7): a store of 10,000 synthetic units published in bulk
 * (src/app/bulk-publish.ts: each unit's real published page, certificate and portal index; the review
 * chain is skipped), the portal (`gongkai serve`) in a child process, and Debian's nginx serving the
 * same disclosure pages as static files, both loaded with wrk on loopback in the same run, one after
 * the other, with the same threads, connections and duration.
 *
 * Figures: the load time; requests per second and p99 latency of the disclosure page
 * `/portal/units/<code>/<year>/` for one unit and for a random mix of many units (a wrk Lua script),
 * for the portal and for nginx, and their ratio (the issue aims at ≥ 0.5); the same page compressed
 * (portal's gzip copy vs nginx's gzip_static), and the portal's RSS after start and after the runs.
 * Uncompressed is the main figure: neither side compresses (wrk sends no Accept-Encoding).
 * `--units N` scales the store. nginx and wrk are installed by scripts/setup-bench.sh when missing.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { loadavg, tmpdir, userInfo } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { bulkPublish, type BulkPublished } from "../src/app/bulk-publish.ts";
import type { AppContext } from "../src/app/context.ts";
import { SECURITY_HEADERS } from "../src/server/app.ts";
import { PAGE_CACHE_CONTROL } from "../src/server/portal-cache.ts";
import { openDatabase } from "../src/store/open.ts";
import { DEFAULT_CHAIN } from "../src/workflow/chain.ts";
import { syntheticUnits } from "../test/support/synthetic-units.ts";
import { type Benchmark, type Figure, MB } from "./harness.ts";

const YEAR = 2023;
/** The mix: this many distinct units (their pages all fit the portal's page cache, as nginx's in the OS page cache). */
const MIX_UNITS = 1000;
const THREADS = 2;
const CONNECTIONS = 50;
const SECONDS = 10;
const WORKERS = 2;
const ROUNDS = 2;
const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BIN = join(ROOT, "bin/gongkai.js");

interface Load {
  readonly rps: number;
  /** Milliseconds. */
  readonly p99: number;
  readonly errors: number;
}

const has = (tool: string) => spawnSync("sh", ["-c", `command -v ${tool}`]).status === 0;
const nginxBinary = () => (has("nginx") ? "nginx" : "/usr/sbin/nginx");

function ensureTools(): void {
  if (has("wrk") && (has("nginx") || has("/usr/sbin/nginx"))) return;
  console.error("安装 nginx 和 wrk（scripts/setup-bench.sh）…");
  const setup = spawnSync("bash", [join(ROOT, "scripts/setup-bench.sh")], { stdio: "inherit" });
  if (setup.status !== 0 || !has("wrk")) throw new Error("没有 nginx 或 wrk，且 scripts/setup-bench.sh 未能安装它们");
}

/** A free TCP port on loopback (for nginx, which cannot report the one it was given). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The resident set size of a process, from /proc (bytes). */
function rssOf(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return match ? Number(match[1]) * 1024 : NaN;
}

interface Child {
  readonly url: string;
  readonly pid: number;
  stop(): Promise<void>;
}

/** Starts `gongkai serve` on the store in a child process and resolves once it listens. */
function startPortal(dataDir: string): Promise<Child> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, "serve", "--port", "0", "--no-demo", "--data", dataDir], { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /已启动：(http:\/\/[\w.:[\]]+)/.exec(output);
      if (m)
        resolve({
          url: m[1]!,
          pid: child.pid!,
          stop: () => new Promise((done) => (child.exitCode !== null ? done() : (child.once("exit", () => done()), child.kill("SIGTERM")))),
        });
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.once("exit", (code) => reject(new Error(`gongkai serve 退出（${code}）：${output}`)));
  });
}

/** nginx as the current user, from `dir`: the pages under dir/www, the same headers as the portal's pages. */
async function startNginx(dir: string): Promise<Child> {
  const port = await freePort();
  const headers = [...SECURITY_HEADERS, ["Cache-Control", PAGE_CACHE_CONTROL] as const].map(([name, value]) => `      add_header ${name} "${value}" always;`).join("\n");
  mkdirSync(join(dir, "tmp"), { recursive: true });
  const conf = `# Written by bench/portal.bench.ts: static files, as a plain tuned static host would serve them.
${process.getuid?.() === 0 ? `user ${userInfo().username};\n` : ""}daemon off;
worker_processes auto;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  # No tcp_nopush: with it, a page whose headers end near a segment boundary waits for the peer's
  # delayed ACK now and then, and nginx's p99 becomes ~41 ms for the same requests per second.
  keepalive_requests 1000000;
  open_file_cache max=20000 inactive=60s;
  types { }
  default_type text/html;
  charset utf-8;
  client_body_temp_path ${dir}/tmp/body;
  proxy_temp_path ${dir}/tmp/proxy;
  fastcgi_temp_path ${dir}/tmp/fastcgi;
  uwsgi_temp_path ${dir}/tmp/uwsgi;
  scgi_temp_path ${dir}/tmp/scgi;
  server {
    listen 127.0.0.1:${port};
    root ${dir}/www;
    location / {
      index index.html;
      # Compressed figure only: the .gz copy written next to each page (nginx compresses nothing itself).
      gzip_static on;
${headers}
    }
  }
}
`;
  writeFileSync(join(dir, "nginx.conf"), conf);
  const child = spawn(nginxBinary(), ["-c", join(dir, "nginx.conf"), "-p", dir], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`nginx 退出（${child.exitCode}）：${output}`);
    try {
      await fetch(`${url}/`);
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return {
    url,
    pid: child.pid!,
    stop: () => new Promise((done) => (child.exitCode !== null ? done() : (child.once("exit", () => done()), child.kill("SIGQUIT")))),
  };
}

/** wrk's latency ("850.00us", "3.77ms", "1.02s", "2.00m") in milliseconds. */
function milliseconds(text: string): number {
  const m = /^([\d.]+)(us|ms|s|m)$/.exec(text);
  if (!m) return NaN;
  const value = Number(m[1]);
  return m[2] === "us" ? value / 1000 : m[2] === "ms" ? value : m[2] === "s" ? value * 1000 : value * 60_000;
}

/** Runs wrk against `url` (with `script`, a Lua file, when given) and reads its figures. */
function wrk(url: string, options: { script?: string; headers?: readonly string[] } = {}): Load {
  const args = [`-t${THREADS}`, `-c${CONNECTIONS}`, `-d${SECONDS}s`, "--latency", ...(options.script ? ["-s", options.script] : []), ...(options.headers ?? []).flatMap((h) => ["-H", h]), url];
  const run = spawnSync("wrk", args, { encoding: "utf8" });
  if (run.status !== 0) throw new Error(`wrk 失败：${run.stderr || run.stdout}`);
  const out = run.stdout;
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]);
  const p99 = milliseconds(/\n\s+99%\s+(\S+)/.exec(out)?.[1] ?? "");
  const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(out)?.[1] ?? 0);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  const errors = non2xx + (socket ? socket.slice(1).reduce((n, x) => n + Number(x), 0) : 0);
  if (!Number.isFinite(rps) || !Number.isFinite(p99)) throw new Error(`读不出 wrk 的结果：${out}`);
  return { rps, p99, errors };
}

/** A wrk script requesting the paths at random (each thread with its own seed). */
function mixScript(paths: readonly string[]): string {
  return `-- Written by bench/portal.bench.ts: each request a random one of ${paths.length} disclosure pages.
local paths = { ${paths.map((p) => JSON.stringify(p)).join(", ")} }
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("seed", threads)
end
function init(args)
  math.randomseed(seed * 7919)
end
function request()
  return wrk.format("GET", paths[math.random(#paths)])
end
`;
}

/** The units of the mix: a deterministic spread over the whole store. */
function mixOf(published: readonly BulkPublished[], count: number): BulkPublished[] {
  if (published.length <= count) return [...published];
  const step = published.length / count;
  return Array.from({ length: count }, (_, i) => published[Math.floor(i * step + (i * 7) % step)]!);
}

const load = () => loadavg().map((l) => l.toFixed(2)).join(" / ");

export const portalBenchmark: Benchmark = {
  name: "portal",
  title: "门户：公开页面吞吐（与 nginx 静态文件对比）/ Portal: disclosure page vs nginx",
  async run({ units }) {
    ensureTools();
    const notes: string[] = [`开始时负载 / load average at start (1/5/15 min): ${load()}`];
    const dataDir = mkdtempSync(join(tmpdir(), "gongkai-bench-portal-"));
    const nginxDir = mkdtempSync(join(tmpdir(), "gongkai-bench-nginx-"));
    const children: Child[] = [];
    try {
      // 1. The store: every unit published in bulk, its pages rendered on worker threads.
      const start = performance.now();
      const db = await openDatabase({ dataDir });
      const ctx: AppContext = { db, chain: DEFAULT_CHAIN, now: () => new Date() };
      let reported = 0;
      const published = await bulkPublish(ctx, syntheticUnits(units, { year: YEAR }), {
        workers: WORKERS,
        batchSize: 100,
        onProgress: (done) => {
          if (done - reported >= 1000 || done === units) {
            reported = done;
            console.error(`  已发布 ${done} / ${units} 个单位（${((performance.now() - start) / 1000).toFixed(0)} s）`);
          }
        },
      });
      await db.close();
      const loadSeconds = (performance.now() - start) / 1000;

      // 2. The portal on the store, and the pages nginx will serve: the portal's own, saved as files.
      const portal = await startPortal(dataDir);
      children.push(portal);
      const rssStart = rssOf(portal.pid);
      const path = (p: BulkPublished) => `/portal/units/${p.unitCode}/${p.year}/`;
      const probe = await fetch(portal.url + path(published[0]!), { headers: { "accept-encoding": "identity" } });
      const portalPage = probe.status === 200;
      if (!portalPage && probe.status !== 404) throw new Error(`${path(published[0]!)}：${probe.status}`);
      await probe.arrayBuffer();
      const pathOf = portalPage ? path : (p: BulkPublished) => `/published/${p.disclosureId}/${p.sequence}`;
      if (!portalPage) notes.push(`门户的公开页面 ${path(published[0]!)} 应答 ${probe.status}：测的是存档的发布页 /published/<id>/<次序>`);
      const mix = mixOf(published, MIX_UNITS);
      const single = mix[0]!;
      let pageBytes = 0;
      const mixStart = performance.now();
      for (const p of mix) {
        // The first request renders the page and fills the cache; what it answers is what nginx serves.
        const res = await fetch(portal.url + pathOf(p), { headers: { "accept-encoding": "identity" } });
        if (res.status !== 200) throw new Error(`${pathOf(p)}：${res.status}`);
        const body = Buffer.from(await res.arrayBuffer());
        if (p === single) pageBytes = body.length;
        const file = join(nginxDir, "www", pathOf(p).endsWith("/") ? `${pathOf(p)}index.html` : pathOf(p));
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, body);
        writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
      }
      const warmSeconds = (performance.now() - mixStart) / 1000;
      // The compressed copy of the single page, made once by the portal before it is measured.
      await (await fetch(portal.url + pathOf(single), { headers: { "accept-encoding": "gzip" } })).arrayBuffer();
      const nginx = await startNginx(nginxDir);
      children.push(nginx);
      const check = await fetch(nginx.url + pathOf(single), { headers: { "accept-encoding": "identity" } });
      if (check.status !== 200 || Buffer.from(await check.arrayBuffer()).length !== pageBytes) throw new Error(`nginx 没有给出同一页面（${check.status}）`);
      const script = join(nginxDir, "mix.lua");
      writeFileSync(script, mixScript(mix.map(pathOf)));

      // 3. The load: portal then nginx for each case, back to back.
      const loadDuring = load();
      const gzip = ["Accept-Encoding: gzip"];
      const cases = [
        { zh: `同一单位的${portalPage ? "公开页面" : "存档发布页"}`, en: "one unit's page", run: (url: string) => wrk(url + pathOf(single)) },
        { zh: `${mix.length} 个单位随机`, en: `random mix of ${mix.length} units`, run: (url: string) => wrk(url, { script }) },
        { zh: "同一页面，gzip 压缩", en: "one page, gzip", run: (url: string) => wrk(url + pathOf(single), { headers: gzip }) },
      ];
      // Each case ROUNDS times, portal and nginx back to back, so that a change of the machine's load hits both.
      const results = cases.map(() => ({ portal: [] as Load[], nginx: [] as Load[] }));
      for (let round = 0; round < ROUNDS; round++) {
        for (const [i, c] of cases.entries()) {
          results[i]!.portal.push(c.run(portal.url));
          results[i]!.nginx.push(c.run(nginx.url));
        }
      }
      const rssAfter = rssOf(portal.pid);
      notes.push(`测量时负载 / load average while measuring: ${loadDuring} → ${load()}（${process.env.GONGKAI_BENCH_NOTE ?? "2 核机器，与他人共用"}）`);

      const label = portalPage ? "公开页面" : "存档发布页";
      /** One value per round: "14,417 / 13,210". */
      const rounds = (values: number[], digits: number) => values.map((v) => v.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits })).join(" / ");
      const pair = (zh: string, en: string, p: Load[], n: Load[]): Figure[] => [
        { zh: `门户：${zh}`, en: `portal: ${en}`, value: rounds(p.map((l) => l.rps), 0), unit: "次/s" },
        { zh: `门户：${zh} p99 延迟`, en: `portal: ${en} p99`, value: rounds(p.map((l) => l.p99), 2), unit: "ms" },
        { zh: `nginx：${zh}`, en: `nginx: ${en}`, value: rounds(n.map((l) => l.rps), 0), unit: "次/s" },
        { zh: `nginx：${zh} p99 延迟`, en: `nginx: ${en} p99`, value: rounds(n.map((l) => l.p99), 2), unit: "ms" },
        { zh: `门户/nginx：${zh}（目标 ≥ 0.5）`, en: `portal/nginx: ${en} (aim ≥ 0.5)`, value: rounds(p.map((l, i) => l.rps / n[i]!.rps), 2) },
      ];
      const figures: Figure[] = [
        { zh: `载入 ${published.length} 个单位（批量发布，${WORKERS} 个渲染线程）`, en: `load ${published.length} units (bulk publish)`, value: loadSeconds, unit: "s", digits: 1 },
        { zh: "每个单位", en: "per unit", value: (loadSeconds * 1000) / published.length, unit: "ms", digits: 1 },
        { zh: `${label}大小（未压缩）`, en: "page size (uncompressed)", value: pageBytes / 1024, unit: "KiB", digits: 1 },
        { zh: `首次渲染并缓存 ${mix.length} 个页面`, en: `first render of ${mix.length} pages`, value: (warmSeconds * 1000) / mix.length, unit: "ms/页", digits: 1 },
        ...cases.flatMap((c, i) => pair(c.zh, c.en, results[i]!.portal, results[i]!.nginx)),
        { zh: "门户进程 RSS：启动后（已载入全部单位）", en: "portal RSS after start", value: rssStart / MB, unit: "MB", digits: 0 },
        { zh: `门户进程 RSS：测量后（缓存 ${mix.length} 个页面）`, en: "portal RSS after the runs", value: rssAfter / MB, unit: "MB", digits: 0 },
        { zh: "非 2xx/3xx 应答或套接字错误", en: "non-2xx/3xx or socket errors", value: results.flatMap((r) => [...r.portal, ...r.nginx]).reduce((n, l) => n + l.errors, 0) },
      ];
      notes.push(
        `wrk -t${THREADS} -c${CONNECTIONS} -d${SECONDS}s --latency，回环地址；每项测 ${ROUNDS} 轮（“第 1 轮 / 第 2 轮”），每轮门户与 nginx 紧接着测；门户为一个进程（gongkai serve，内置 PGlite），nginx worker_processes auto（sendfile、open_file_cache）。`,
        `未压缩为主要对比：wrk 不发送 Accept-Encoding，双方都不压缩；gzip 一行中门户发送预先压缩的副本，nginx 用 gzip_static 发送预先写好的 .gz 文件，都不在请求时压缩。`,
        `nginx 提供的是门户首次应答的同一页面（逐字节相同），响应头相同（安全头、Cache-Control），另有 nginx 自己的 ETag/Last-Modified。`,
      );
      return { figures, notes };
    } finally {
      for (const child of children.reverse()) await child.stop();
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(nginxDir, { recursive: true, force: true });
    }
  },
};
