// The kill test on the embedded database: a child writing batch after batch (one transaction each, some
// of thousands of statements) is SIGKILLed at a random moment, 10 times in a row (the app's kill test, test/app/kill-import-publish-*, kills
// real imports and publishes 20 times in a row on each engine); every reopening shows
// each batch whole or absent, nothing reported committed lost, and takes over the dead child's lock.
// Also a process killed while it creates a new database.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, it } from "node:test";
import { fileURLToPath } from "node:url";
import { openPglite } from "../../src/store/engines/pglite.ts";
import { LOCK_FILE } from "../../src/store/engines/lock.ts";
import { openDatabase } from "../../src/store/open.ts";
import { pgliteTemplate } from "../support/engines.ts";
import { runKillTrials } from "../support/kill.ts";
import { verify } from "./fixtures/kill-ledger.ts";

const TRIALS = 10;

const FIXTURES = fileURLToPath(new URL("./fixtures/migrations/", import.meta.url));
const WORK = fileURLToPath(new URL("./fixtures/kill-ledger.ts", import.meta.url));
const KILL_CHILD = fileURLToPath(new URL("../support/kill-child.ts", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "gongkai-kill-pglite-"));
after(() => rmSync(dir, { recursive: true, force: true }));

it("keeps every transaction all-or-nothing when the writer is killed, 10 times in a row (pglite)", async () => {
  const dataDir = join(dir, "data");
  await (await openPglite(dataDir, { loadDataDir: await pgliteTemplate(FIXTURES) })).close();

  const started = performance.now();
  const run = await runKillTrials({
    target: { dataDir, migrations: FIXTURES },
    work: WORK,
    trials: TRIALS,
    // Wait for 0–4 progress events (where it started, then two per batch: its start and its commit),
    // then 0–500 ms.
    killAfterProgress: () => Math.floor(Math.random() * 5),
  });
  const seconds = (performance.now() - started) / 1000;

  assert.equal(run.trials.length, TRIALS);
  const killed = run.trials.filter((t) => !t.finished);
  assert.equal(killed.length, TRIALS, "every trial was killed during its work");
  // Each child after a killed one found the dead child's lock and said so once.
  for (const trial of [...run.trials.slice(1), run.final]) {
    assert.equal(trial.stderr.match(/已接管这个锁/g)?.length, 1, trial.stderr);
  }
  const batches = run.trials.map((t) => (t.verified as { batches: number }).batches);
  const final = run.final.verified as { batches: number; entries: number };
  assert.ok(final.batches >= batches.at(-1)!, "the final check sees at least what the last trial started from");
  // The first progress is where the child started; a later { batch } is a commit of its own.
  const committing = run.trials.filter((t) => t.progress.slice(1).some((p) => (p as { batch?: number }).batch !== undefined)).length;
  const inside = run.trials.filter((t) => (t.progress.at(-1) as { writing?: number } | undefined)?.writing !== undefined).length;
  assert.ok(inside >= TRIALS / 2, `most kills landed inside a transaction (${inside} of ${TRIALS})`);
  assert.ok(committing >= 3, `children committed work between kills (${committing} of ${TRIALS} did, ${final.batches} batches in all)`);
  assert.ok(!existsSync(join(dataDir, LOCK_FILE)), "the final child released the lock");
  const opens = run.trials.map((t) => t.openMs);
  console.log(
    `pglite kill test: ${seconds.toFixed(1)} s, ${final.batches} batches / ${final.entries} entries committed; ` +
      `${inside} of ${TRIALS} kills inside a transaction; ` +
      `open after kill ${Math.min(...opens).toFixed(0)}–${Math.max(...opens).toFixed(0)} ms; ` +
      `killed after ${run.trials.map((t) => t.killedAfterMs.toFixed(0)).join(", ")} ms`,
  );
});

it("leaves no half-made database when the process creating it is killed", async () => {
  const dataDir = join(dir, "created");
  const child = spawn(process.execPath, ["--import", "tsx", KILL_CHILD, JSON.stringify({ dataDir, migrations: FIXTURES }), WORK, "verify"], { stdio: "ignore" });
  // Kill it while it builds the database: once the build directory exists, at a random moment.
  while (!(existsSync(dataDir) && readdirSync(dataDir).some((name) => name.startsWith("pgdata.init-")))) {
    assert.equal(child.exitCode, null, "the child is still creating the database");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  await new Promise((resolve) => setTimeout(resolve, Math.random() * 1000));
  child.kill("SIGKILL");
  await new Promise((resolve) => child.on("exit", resolve));
  assert.ok(!existsSync(join(dataDir, "pgdata")) || existsSync(join(dataDir, "pgdata", "PG_VERSION")), "pgdata appears only complete");

  const notes: string[] = [];
  const db = await openDatabase({ dataDir, migrations: FIXTURES, warn: (note) => notes.push(note) });
  try {
    assert.equal(notes.length, 1, "the killed creator's lock was taken over");
    assert.deepEqual(await verify(db, undefined), { batches: 0, entries: 0 });
    assert.deepEqual(await db.query("SELECT version FROM schema_migrations ORDER BY 1"), [{ version: 1 }, { version: 2 }]);
    assert.deepEqual(readdirSync(dataDir).sort(), [LOCK_FILE, "pgdata"]);
  } finally {
    await db.close();
  }
});
