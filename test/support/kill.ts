/**
 * The kill harness: runs a piece of work in a child process, SIGKILLs it at a random moment, and checks
 * that the database the next process opens is consistent — the same again and again.
 *
 * The work is a module with two named exports (see KillWork), for example an import or a publish:
 *
 * ```ts
 * // test/…/kill-import.ts
 * import type { Database } from "../../src/store/sql.ts";
 * export async function work(db: Database, progress: (value: unknown) => void) {
 *   for (let i = 1; ; i++) { await importWorkbook(db, …); progress({ imported: i }); }
 * }
 * export async function verify(db: Database, last: unknown) {
 *   // throw if a half-done import is visible, or an import reported in `last` is missing
 *   return { imports: … };                  // a summary, handed back to the test
 * }
 * ```
 *
 * ```ts
 * const run = await runKillTrials({ target: { dataDir }, work: fileURLToPath(new URL("./kill-import.ts", import.meta.url)) });
 * assert.equal(run.trials.length, 20);
 * ```
 *
 * Each trial is one child (test/support/kill-child.ts) that opens the database with openDatabase()
 * (taking over the lock the previous, killed child left), runs verify() and reports its result, then runs
 * work() until it is killed: once the work has reported `killAfterProgress()` progress events (random 0–3
 * by default, so that work gets committed between kills however fast the machine is), `killAfterMs()` later
 * (random 0–500 ms by default: anywhere in the next transaction, its commit included). A final child
 * only verifies, and closes the database normally. A verify() that throws, or a child that can't open
 * the database, fails the run with the child's stderr.
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { OpenOptions } from "../../src/store/open.ts";
import type { Database } from "../../src/store/sql.ts";

/** What a work module exports. */
export interface KillWork {
  /** Runs until killed, or returns when done; calls progress() after each thing it commits. */
  work(db: Database, progress: (value: unknown) => void): Promise<void>;
  /**
   * Checks the reopened database and throws if it shows partial work or lost committed work. `last` is the
   * last progress a killed child reported (undefined before any). Returns a JSON-able summary.
   */
  verify(db: Database, last: unknown): Promise<unknown>;
}

/** Where the children open the database: openDatabase()'s options, without functions. */
export type KillTarget = Omit<OpenOptions, "warn">;

export interface KillTrialsOptions {
  readonly target: KillTarget;
  /** Absolute path of the work module. */
  readonly work: string;
  /** 20 by default. */
  readonly trials?: number;
  /** How many progress events to wait for before the kill's delay starts; random 0–3 by default. */
  readonly killAfterProgress?: (trial: number) => number;
  /** How long after those the kill comes, in ms; random 0–500 by default. */
  readonly killAfterMs?: (trial: number) => number;
  /** Longest a child may take to open and verify, in ms (60 s by default). */
  readonly timeoutMs?: number;
}

export interface KillTrial {
  /** 1, 2, … */
  readonly trial: number;
  /** What verify() returned after opening the database the previous child left. */
  readonly verified: unknown;
  /** Everything the child wrote to stderr (e.g. the note about a taken-over lock). */
  readonly stderr: string;
  /** Time from spawning the child to its database being open (and recovered). */
  readonly openMs: number;
  /** How long the work ran before the kill (from its start, not from the progress waited for). */
  readonly killedAfterMs: number;
  /** The progress the work reported before it was killed. */
  readonly progress: readonly unknown[];
  /** True when the work returned before the kill came (nothing was interrupted). */
  readonly finished: boolean;
}

export interface KillRun {
  readonly trials: readonly KillTrial[];
  /** The final child's verify() result and stderr; it closed the database normally. */
  readonly final: { readonly verified: unknown; readonly stderr: string; readonly openMs: number };
}

const CHILD = fileURLToPath(new URL("./kill-child.ts", import.meta.url));
export const MARK = "@@kill ";

export async function runKillTrials(options: KillTrialsOptions): Promise<KillRun> {
  const trials: KillTrial[] = [];
  const killAfterProgress = options.killAfterProgress ?? (() => Math.floor(Math.random() * 4));
  const killAfterMs = options.killAfterMs ?? (() => Math.random() * 500);
  let last: unknown = undefined;
  for (let trial = 1; trial <= (options.trials ?? 20); trial++) {
    const result = await runChild(options, "work", last, { progress: killAfterProgress(trial), ms: killAfterMs(trial) });
    const reported = result.progress.at(-1);
    if (reported !== undefined) last = reported;
    trials.push({ trial, ...result });
  }
  const final = await runChild(options, "verify", last, undefined);
  return { trials, final: { verified: final.verified, stderr: final.stderr, openMs: final.openMs } };
}

interface ChildResult {
  verified: unknown;
  stderr: string;
  openMs: number;
  killedAfterMs: number;
  progress: unknown[];
  finished: boolean;
}

function runChild(options: KillTrialsOptions, mode: "work" | "verify", last: unknown, kill: { progress: number; ms: number } | undefined): Promise<ChildResult> {
  const started = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", CHILD, JSON.stringify(options.target), options.work, mode, JSON.stringify(last ?? null)], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let stdout = "";
    let stderr = "";
    let openMs = 0;
    let verified: unknown = undefined;
    let workingAt: number | undefined;
    let killedAt: number | undefined;
    const progress: unknown[] = [];
    let finished = false;
    let armed = false;
    /** Starts the kill's delay once the work has reported enough progress. */
    const arm = (force = false) => {
      if (armed || !kill || workingAt === undefined || (progress.length < kill.progress && !force)) return;
      armed = true;
      setTimeout(() => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        killedAt = performance.now();
        child.kill("SIGKILL");
      }, kill.ms);
    };
    const timeout = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`kill-child did not reach its work within ${options.timeoutMs ?? 60_000} ms\n${stderr}`));
    }, options.timeoutMs ?? 60_000);
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
      let newline: number;
      while ((newline = stdout.indexOf("\n")) >= 0) {
        const line = stdout.slice(0, newline);
        stdout = stdout.slice(newline + 1);
        if (!line.startsWith(MARK)) continue;
        const { event, value } = JSON.parse(line.slice(MARK.length)) as { event: string; value: unknown };
        if (event === "opened") openMs = performance.now() - started;
        else if (event === "verified") verified = value;
        else if (event === "progress") progress.push(value); // written before the kill, even if read after it
        else if (event === "done") finished = true;
        else if (event === "working") {
          clearTimeout(timeout);
          workingAt = performance.now();
          // Work that reports less progress than awaited is killed anyway, after the timeout.
          setTimeout(() => arm(true), options.timeoutMs ?? 60_000).unref();
        }
        arm();
      }
    });
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timeout);
      const killed = signal === "SIGKILL" && killedAt !== undefined;
      if (!killed && code !== 0) {
        reject(new Error(`kill-child (${mode}) exited with ${code ?? signal}\n${stderr}`));
        return;
      }
      resolve({
        verified,
        stderr,
        openMs,
        killedAfterMs: killed && workingAt !== undefined ? killedAt! - workingAt : 0,
        progress,
        finished: finished && !killed,
      });
    });
  });
}
