/**
 * A throwaway PostgreSQL server for tests, started from the machine's binaries
 * (/usr/lib/postgresql/<newest>/bin, installed by scripts/setup.sh; GONGKAI_PG_BIN overrides): initdb into
 * a temporary directory, trust authentication, 127.0.0.1 on a free port, fsync off. Run as the `postgres`
 * OS user when the tests run as root. One server per test process, stopped when the process exits —
 * also when it is killed: a small watchdog shell stops the server once our pid is gone.
 *
 * @example
 * const { url } = await testPostgres();          // postgres://postgres@127.0.0.1:PORT/postgres
 */
import { execFile, execFileSync, spawn } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export interface TestPostgres {
  /** The `postgres` database as superuser `postgres`, no password. */
  readonly url: string;
  readonly port: number;
  /** PostgreSQL's major version, e.g. 15. */
  readonly version: number;
  /** `url` with another database name. */
  urlFor(database: string): string;
  stop(): Promise<void>;
}

let server: Promise<TestPostgres> | undefined;

/** The test process's PostgreSQL server, started on first use. */
export function testPostgres(): Promise<TestPostgres> {
  server ??= start().catch((error: unknown) => {
    server = undefined;
    throw error;
  });
  return server;
}

function binaries(): { bin: string; version: number } {
  const fromEnv = process.env.GONGKAI_PG_BIN;
  if (fromEnv) return { bin: fromEnv, version: Number(/\/(\d+)\/bin\/?$/.exec(fromEnv)?.[1] ?? 0) };
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((name) => /^\d+$/.test(name) && existsSync(join(root, name, "bin", "initdb")) && existsSync(join(root, name, "bin", "pg_ctl")))
        .map(Number)
        .sort((a, b) => b - a)
    : [];
  if (versions.length === 0) {
    throw new Error("找不到 PostgreSQL 服务器程序（/usr/lib/postgresql/*/bin/initdb 与 pg_ctl）：请先运行 bash scripts/setup.sh 安装 Debian 的 postgresql 软件包");
  }
  return { bin: join(root, String(versions[0]), "bin"), version: versions[0]! };
}

async function start(): Promise<TestPostgres> {
  const { bin, version } = binaries();
  const asRoot = process.getuid?.() === 0;
  const prefix = asRoot ? ["runuser", "-u", "postgres", "--"] : [];
  const as = (command: string, args: string[]) => (asRoot ? run("runuser", [...prefix.slice(1), command, ...args]) : run(command, args));
  const dir = mkdtempSync(join(tmpdir(), "gongkai-pg-"));
  if (asRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, "data");
  const pgCtl = join(bin, "pg_ctl");
  // Stop the server and remove its files once this process is gone, however it ends.
  const stopCommand = `${prefix.join(" ")} ${pgCtl} -D ${data} -m immediate stop >/dev/null 2>&1; rm -rf ${dir}`;
  spawn("sh", ["-c", `while kill -0 ${process.pid} 2>/dev/null; do sleep 0.5; done; ${stopCommand}`], { detached: true, stdio: "ignore" }).unref();

  // Same collation and character type as PGlite (C, C.UTF-8), so text sorts alike on both engines.
  await as(join(bin, "initdb"), ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C", "--lc-ctype=C.UTF-8", "--no-sync", "--no-instructions"]);
  let port = 0;
  for (let attempt = 1; ; attempt++) {
    port = await freePort();
    const settings = [
      `-p ${port}`,
      `-k ${dir}`,
      "-c listen_addresses=127.0.0.1",
      "-c fsync=off",
      "-c synchronous_commit=off",
      "-c full_page_writes=off",
      "-c max_connections=200",
    ].join(" ");
    try {
      await as(pgCtl, ["-D", data, "-l", join(dir, "server.log"), "-w", "-t", "60", "-o", settings, "start"]);
      break;
    } catch (error) {
      // Another process may have taken the port in between: try another.
      if (attempt >= 3) {
        const log = existsSync(join(dir, "server.log")) ? readFileSync(join(dir, "server.log"), "utf8") : "";
        throw new Error(`测试用 PostgreSQL 启动失败：${(error as Error).message}\n${log}`);
      }
    }
  }
  const postmasterPid = Number(readFileSync(join(data, "postmaster.pid"), "utf8").split("\n")[0]);
  const onExit = () => {
    try {
      process.kill(postmasterPid, "SIGQUIT"); // immediate shutdown; the watchdog removes the files
    } catch {
      // Already stopped.
    }
  };
  process.on("exit", onExit);
  const urlFor = (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;
  let stopped = false;
  return {
    url: urlFor("postgres"),
    port,
    version,
    urlFor,
    async stop() {
      if (stopped) return;
      stopped = true;
      process.removeListener("exit", onExit);
      server = undefined;
      await as(pgCtl, ["-D", data, "-m", "immediate", "stop"]).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}
