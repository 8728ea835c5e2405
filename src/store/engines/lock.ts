/**
 * An exclusive lock on a data directory, held by one process: the file `gongkai.lock`, created with
 * O_EXCL and holding the holder's pid (and, on Linux, its start time, so a reused pid is not mistaken for
 * the holder). PGlite has no lock of its own, and two processes on one data directory silently lose
 * writes (STACK-NOTES §3), so the embedded engine opens nothing without this lock.
 *
 * A lock left by a process that no longer exists (killed, crashed) is taken over, once, with a note on
 * stderr. Two processes taking over the same stale lock at once are serialised by a second, short-lived
 * O_EXCL file (`gongkai.lock.takeover`), so exactly one of them wins.
 */
import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from "node:fs";
import { join } from "node:path";
import { DatabaseLockedError } from "../sql.ts";

export const LOCK_FILE = "gongkai.lock";

/** A lock file younger than this that has no pid yet is being written: treat it as held. */
const FRESH_MS = 5_000;

export interface DirectoryLock {
  readonly path: string;
  /** Removes the lock file (if it is still ours). Idempotent. */
  release(): void;
}

export interface LockOptions {
  /** Where the note about a taken-over stale lock goes; stderr by default. */
  readonly warn?: (message: string) => void;
  /** Called between finding a stale lock and taking it over; tests widen the race window with it. */
  readonly beforeTakeover?: () => void;
}

interface Holder {
  readonly pid: number | undefined;
  readonly start: string | undefined;
  readonly content: string;
  readonly ageMs: number;
}

/** Takes the lock on `dir` (which must exist) or throws DatabaseLockedError. */
export function lockDirectory(dir: string, options: LockOptions = {}): DirectoryLock {
  const path = join(dir, LOCK_FILE);
  const content = `${process.pid}\n${startTimeOf(process.pid) ?? ""}\n`;
  const warn = options.warn ?? ((message: string) => process.stderr.write(`${message}\n`));
  for (let attempt = 0; attempt < 20; attempt++) {
    if (tryCreate(path, content)) return held(path, content);
    const holder = readHolder(path);
    if (!holder) continue; // released between our create and our read: try again
    if (isAlive(holder)) throw new DatabaseLockedError(dir, holder.pid);
    options.beforeTakeover?.();
    const outcome = takeOver(path, holder);
    if (outcome === "removed") {
      warn(
        `注意：数据库 ${dir} 的锁文件属于一个已经不存在的进程${holder.pid ? `（进程号 ${holder.pid}）` : ""}，它上次没有正常关闭数据库（可能被强行终止）。` +
          `已接管这个锁；数据库会自动恢复到最后一次提交后的状态。`,
      );
    }
    if (outcome !== "changed" && tryCreate(path, content)) return held(path, content);
    sleep(10 + attempt * 10);
  }
  throw new DatabaseLockedError(dir, readHolder(path)?.pid);
}

function held(path: string, content: string): DirectoryLock {
  let released = false;
  const release = (): void => {
    if (released) return;
    released = true;
    process.removeListener("exit", release);
    try {
      if (readFileSync(path, "utf8") === content) unlinkSync(path);
    } catch {
      // Already gone.
    }
  };
  process.on("exit", release);
  return { path, release };
}

function tryCreate(path: string, content: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, "wx", 0o644);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") return false;
    throw new Error(`无法创建数据库锁文件 ${path}（${code ?? (error as Error).message}）：请检查数据目录是否存在、是否有写权限`, { cause: error });
  }
  try {
    writeSync(fd, content);
  } finally {
    closeSync(fd);
  }
  return true;
}

function readHolder(path: string): Holder | undefined {
  try {
    const content = readFileSync(path, "utf8");
    const ageMs = Date.now() - statSync(path).mtimeMs;
    const [pidText, start] = content.split("\n");
    const pid = /^\d+$/.test(pidText ?? "") ? Number(pidText) : undefined;
    return { pid, start: start || undefined, content, ageMs };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

function isAlive(holder: Holder): boolean {
  if (holder.pid === undefined) return holder.ageMs < FRESH_MS;
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ESRCH") return false;
    // EPERM: the process exists but belongs to another user.
  }
  // The pid exists; it is the holder unless it started at another time (the pid was reused).
  const start = startTimeOf(holder.pid);
  return !(holder.start && start && start !== holder.start);
}

/**
 * Removes the stale lock `holder` under the takeover guard: "removed"; "gone" when it had already been
 * removed; "changed" when another process has replaced it meanwhile (or the guard stayed busy).
 */
function takeOver(path: string, holder: Holder): "removed" | "gone" | "changed" {
  const guard = `${path}.takeover`;
  const guardContent = `${process.pid}\n${startTimeOf(process.pid) ?? ""}\n`;
  for (let attempt = 0; attempt < 50; attempt++) {
    if (tryCreate(guard, guardContent)) {
      try {
        const now = readHolder(path);
        if (!now) return "gone";
        if (now.content !== holder.content) return "changed";
        unlinkSync(path);
        return "removed";
      } finally {
        unlinkSync(guard);
      }
    }
    const guardHolder = readHolder(guard);
    // A guard left by a process that died in the few microseconds it holds it.
    if (guardHolder && !isAlive(guardHolder)) {
      try {
        unlinkSync(guard);
      } catch {
        // Someone else removed it.
      }
    } else {
      sleep(5);
    }
  }
  return "changed";
}

/** The process's start time in clock ticks since boot (Linux), to tell a reused pid from the holder. */
function startTimeOf(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may contain spaces and parentheses: count fields after the last ")".
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  } catch {
    return undefined;
  }
}

/** Blocks the thread for `ms`: the lock is taken synchronously (usable in exit handlers), and waits are short. */
export function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
