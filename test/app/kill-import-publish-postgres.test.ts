// The app's kill test on PostgreSQL: see fixtures/kill-trial.ts.
import { after, it } from "node:test";
import { createPostgresDatabase } from "../support/engines.ts";
import { trial } from "./fixtures/kill-trial.ts";

const cleanup: (() => Promise<void>)[] = [];
after(async () => {
  for (const drop of cleanup) await drop();
});

it("keeps imports and publications whole when the process is killed, 20 times in a row (postgres)", async () => {
  const { url, drop } = await createPostgresDatabase();
  cleanup.push(drop);
  await trial({ databaseUrl: url, dataDir: "unused" }, "postgres");
});
