// The app's kill test on the embedded database: see fixtures/kill-trial.ts.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, it } from "node:test";
import { trial } from "./fixtures/kill-trial.ts";

const dir = mkdtempSync(join(tmpdir(), "gongkai-kill-app-"));
after(() => rmSync(dir, { recursive: true, force: true }));

it("keeps imports and publications whole when the process is killed, 20 times in a row (pglite)", async () => {
  await trial({ dataDir: join(dir, "data") }, "pglite");
});
