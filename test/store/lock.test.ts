// The embedded database's lock: one process at a time, across processes and within one; a lock left by a
// killed process is taken over once, with a note; a takeover race has exactly one winner.
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { LOCK_FILE, lockDirectory } from "../../src/store/engines/lock.ts";
import { openPglite } from "../../src/store/engines/pglite.ts";
import { DatabaseLockedError } from "../../src/store/sql.ts";
import { pgliteTemplate } from "../support/engines.ts";
import { MARK } from "../support/kill.ts";
import * as ledger from "./fixtures/kill-ledger.ts";

const FIXTURES = fileURLToPath(new URL("./fixtures/migrations/", import.meta.url));
const LEDGER = fileURLToPath(new URL("./fixtures/kill-ledger.ts", import.meta.url));
const LOCK_CHILD = fileURLToPath(new URL("./fixtures/lock-child.ts", import.meta.url));
const KILL_CHILD = fileURLToPath(new URL("../support/kill-child.ts", import.meta.url));
const root = mkdtempSync(join(tmpdir(), "gongkai-lock-"));
let dirs = 0;
const children: ChildProcess[] = [];
after(() => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  rmSync(root, { recursive: true, force: true });
});

const freshDir = () => {
  const dir = join(root, `d${++dirs}`);
  mkdirSync(dir);
  return dir;
};

/** A process that has exited: its pid is free (until reused). */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""]);
  await new Promise((resolve) => child.on("exit", resolve));
  return child.pid!;
}

/** Runs a child to its end; resolves with its exit code and output. */
function finish(child: ChildProcess): Promise<{ code: number | null; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr })));
}

/** Starts a kill-child and waits until it reports `event`. */
function killChild(dataDir: string, mode: "hold" | "work", until: (event: string, value: unknown) => boolean): Promise<{ child: ChildProcess; events: unknown[] }> {
  const child = spawn(process.execPath, ["--import", "tsx", KILL_CHILD, JSON.stringify({ dataDir, migrations: FIXTURES }), LEDGER, mode], { stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  const events: unknown[] = [];
  let buffer = "";
  let stderr = "";
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on("close", (code) => reject(new Error(`kill-child exited with ${code}: ${stderr}`)));
    child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
      buffer += chunk;
      for (let i; (i = buffer.indexOf("\n")) >= 0; buffer = buffer.slice(i + 1)) {
        const { event, value } = JSON.parse(buffer.slice(MARK.length, i)) as { event: string; value: unknown };
        if (event === "progress") events.push(value);
        if (until(event, value)) resolve({ child, events });
      }
    });
  });
}

describe("directory lock", () => {
  it("is exclusive within a process and released on release()", () => {
    const dir = freshDir();
    const lock = lockDirectory(dir);
    assert.equal(readFileSync(join(dir, LOCK_FILE), "utf8").split("\n")[0], String(process.pid));
    assert.throws(() => lockDirectory(dir), (error: DatabaseLockedError) => {
      assert.ok(error instanceof DatabaseLockedError);
      assert.equal(error.holderPid, process.pid);
      assert.match(error.message, new RegExp(`数据库 .* 正由另一个进程（进程号 ${process.pid}）使用。内置数据库只能由一个进程打开`));
      return true;
    });
    lock.release();
    lock.release();
    assert.ok(!existsSync(join(dir, LOCK_FILE)));
    lockDirectory(dir).release();
  });

  it("takes over a lock whose process is gone, saying so once", async () => {
    const dir = freshDir();
    const pid = await deadPid();
    writeFileSync(join(dir, LOCK_FILE), `${pid}\n123\n`);
    const notes: string[] = [];
    const lock = lockDirectory(dir, { warn: (note) => notes.push(note) });
    assert.equal(notes.length, 1);
    assert.match(notes[0]!, new RegExp(`锁文件属于一个已经不存在的进程（进程号 ${pid}）.*已接管这个锁`));
    assert.equal(readFileSync(join(dir, LOCK_FILE), "utf8").split("\n")[0], String(process.pid));
    lock.release();
  });

  it("takes over a lock whose pid now belongs to another process (a different start time)", () => {
    const dir = freshDir();
    writeFileSync(join(dir, LOCK_FILE), `${process.pid}\n1\n`);
    const notes: string[] = [];
    lockDirectory(dir, { warn: (note) => notes.push(note) }).release();
    assert.equal(notes.length, 1);
  });

  it("treats a lock file without a pid as held while fresh and as stale when old", () => {
    const dir = freshDir();
    writeFileSync(join(dir, LOCK_FILE), "");
    assert.throws(() => lockDirectory(dir), (error: DatabaseLockedError) => error.holderPid === undefined && /正由另一个进程使用/.test(error.message));
    const old = new Date(Date.now() - 60_000);
    utimesSync(join(dir, LOCK_FILE), old, old);
    const notes: string[] = [];
    lockDirectory(dir, { warn: (note) => notes.push(note) }).release();
    assert.equal(notes.length, 1);
  });

  it("refuses a second process, and is released when the holder exits without releasing it", async () => {
    const dir = freshDir();
    const holder = spawn(process.execPath, ["--import", "tsx", LOCK_CHILD, dir, "exit"]);
    const held = finish(holder);
    while (!existsSync(join(dir, LOCK_FILE))) await new Promise((resolve) => setTimeout(resolve, 20));
    const second = await finish(spawn(process.execPath, ["--import", "tsx", LOCK_CHILD, dir, "release"]));
    assert.equal(second.code, 2);
    assert.equal(second.stdout, `refused ${holder.pid}\n`);
    holder.stdin!.end();
    assert.equal((await held).code, 0);
    assert.ok(!existsSync(join(dir, LOCK_FILE)), "the exit handler removed the lock");
  });

  it("lets exactly one of several processes take over a stale lock", async () => {
    const dir = freshDir();
    writeFileSync(join(dir, LOCK_FILE), `${await deadPid()}\n\n`);
    // All try at the same moment, after all have started; each pauses inside the takeover (lock-child.ts).
    const startAt = String(Date.now() + 1500);
    const racers = Array.from({ length: 5 }, () => spawn(process.execPath, ["--import", "tsx", LOCK_CHILD, dir, "release", startAt]));
    const finished = racers.map(finish);
    // The losers exit at once; then the winner is told to release.
    while (racers.filter((racer) => racer.exitCode !== null).length < 4) await new Promise((resolve) => setTimeout(resolve, 20));
    racers.forEach((racer) => racer.stdin!.end());
    const results = await Promise.all(finished);
    assert.equal(results.filter((r) => r.code === 0 && r.stdout.startsWith("locked")).length, 1, JSON.stringify(results));
    assert.equal(results.filter((r) => r.code === 2 && r.stdout.startsWith("refused")).length, 4);
    assert.equal(results.map((r) => r.stderr).join("").match(/已接管这个锁/g)?.length, 1, "one note, from the winner");
  });
});

describe("embedded database lock", () => {
  // One data directory for these tests (in order), holding a migrated fixture database.
  let dir: string;
  before(async () => {
    dir = join(freshDir(), "data");
    await (await openPglite(dir, { loadDataDir: await pgliteTemplate(FIXTURES) })).close();
  });

  it("refuses a second open in the same process until the first is closed", async () => {
    const db = await openPglite(dir);
    await assert.rejects(openPglite(dir), (error: DatabaseLockedError) => error instanceof DatabaseLockedError && error.holderPid === process.pid);
    await db.query("INSERT INTO accounts VALUES ('a', 1)");
    await db.close();
    assert.ok(!existsSync(join(dir, LOCK_FILE)));
    const again = await openPglite(dir);
    assert.deepEqual(await again.query("SELECT name, balance FROM accounts"), [{ name: "a", balance: 1 }]);
    await again.close();
  });

  it("refuses a second process with the Chinese message and a non-zero exit", async () => {
    const { child: holder } = await killChild(dir, "hold", (event) => event === "working");
    const second = await finish(spawn(process.execPath, ["--import", "tsx", KILL_CHILD, JSON.stringify({ dataDir: dir, migrations: FIXTURES }), LEDGER, "verify"]));
    assert.equal(second.code, 2);
    assert.match(second.stderr, new RegExp(`^数据库 .*data 正由另一个进程（进程号 ${holder.pid}）使用。内置数据库只能由一个进程打开：请先停止那个进程`));
    await assert.rejects(openPglite(dir), (error: DatabaseLockedError) => error.holderPid === holder.pid);
    holder.kill("SIGKILL");
    await new Promise((resolve) => holder.on("exit", resolve));
  });

  it("after kill -9 of the holder, takes over and sees every committed row", async () => {
    const { child, events } = await killChild(dir, "work", (event, value) => event === "progress" && (value as { batch: number }).batch >= 2);
    child.kill("SIGKILL");
    await new Promise((resolve) => child.on("exit", resolve));
    const notes: string[] = [];
    const db = await openPglite(dir, { warn: (note) => notes.push(note) });
    try {
      assert.equal(notes.length, 1);
      assert.match(notes[0]!, new RegExp(`进程号 ${child.pid}`));
      const verified = await ledger.verify(db, events.at(-1));
      assert.ok(verified.batches >= 2, JSON.stringify(verified));
    } finally {
      await db.close();
    }
  });
});
