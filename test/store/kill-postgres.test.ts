// The kill test on PostgreSQL: a client writing batch after batch (one transaction each, some of
// thousands of statements) is SIGKILLed at a random moment, 10 times in a row (the app's kill test, test/app/kill-import-publish-*, kills
// real imports and publishes 20 times in a row on each engine); every new connection sees
// each batch whole or absent and nothing reported committed lost.
import assert from "node:assert/strict";
import { after, it } from "node:test";
import { fileURLToPath } from "node:url";
import { createPostgresDatabase } from "../support/engines.ts";
import { runKillTrials } from "../support/kill.ts";

const TRIALS = 10;

const FIXTURES = fileURLToPath(new URL("./fixtures/migrations/", import.meta.url));
const WORK = fileURLToPath(new URL("./fixtures/kill-ledger.ts", import.meta.url));
const cleanup: (() => Promise<void>)[] = [];
after(async () => {
  for (const drop of cleanup) await drop();
});

it("keeps every transaction all-or-nothing when the writer is killed, 10 times in a row (postgres)", async () => {
  const { url, drop } = await createPostgresDatabase({ migrations: FIXTURES });
  cleanup.push(drop);

  const started = performance.now();
  const run = await runKillTrials({
    target: { databaseUrl: url, dataDir: "unused", migrations: FIXTURES },
    work: WORK,
    trials: TRIALS,
    // Wait for 0–4 progress events (where it started, then two per batch: its start and its commit),
    // then 0–500 ms.
    killAfterProgress: () => Math.floor(Math.random() * 5),
  });
  const seconds = (performance.now() - started) / 1000;

  assert.equal(run.trials.length, TRIALS);
  assert.equal(run.trials.filter((t) => !t.finished)
.length, TRIALS, "every trial was killed during its work");
  for (const trial of [...run.trials, run.final]) assert.equal(trial.stderr, "", "no warnings");
  // The first progress is where the child started; a later { batch } is a commit of its own.
  const committing = run.trials.filter((t) => t.progress.slice(1).some((p) => (p as { batch?: number }).batch !== undefined)).length;
  const inside = run.trials.filter((t) => (t.progress.at(-1) as { writing?: number } | undefined)?.writing !== undefined).length;
  assert.ok(inside >= TRIALS / 2, `most kills landed inside a transaction (${inside} of ${TRIALS})`);
  const final = run.final.verified as { batches: number; entries: number };
  assert.ok(committing >= 3, `children committed work between kills (${committing} of ${TRIALS} did, ${final.batches} batches in all)`);
  const opens = run.trials.map((t) => t.openMs);
  console.log(
    `postgres kill test: ${seconds.toFixed(1)} s, ${final.batches} batches / ${final.entries} entries committed; ` +
      `${inside} of ${TRIALS} kills inside a transaction; ` +
      `open ${Math.min(...opens).toFixed(0)}–${Math.max(...opens).toFixed(0)} ms; ` +
      `killed after ${run.trials.map((t) => t.killedAfterMs.toFixed(0)).join(", ")} ms`,
  );
});
