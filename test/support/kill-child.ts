/**
 * The child process of the kill harness (kill.ts), also usable by hand:
 *
 *   node --import tsx test/support/kill-child.ts '<openDatabase options as JSON>' <work module> work|verify|hold ['<last progress JSON>']
 *
 * Opens the database with openDatabase(), runs the module's verify(db, last) and reports its result, then
 * in "work" mode runs work(db, progress) (normally until it is killed), in "verify" mode closes the
 * database and exits 0, and in "hold" mode keeps the database open until killed (for the lock tests).
 * Events go to stdout as lines `@@kill {"event": …, "value": …}`: opened, verified, working, progress, done.
 * A database that can't be opened (e.g. locked by another process) prints the message to stderr and
 * exits 2, as the command line does.
 */
import { pathToFileURL } from "node:url";
import { openDatabase } from "../../src/store/open.ts";
import type { Database } from "../../src/store/sql.ts";
import { MARK, type KillTarget, type KillWork } from "./kill.ts";

const send = (event: string, value?: unknown) => process.stdout.write(`${MARK}${JSON.stringify({ event, value })}\n`);

const [targetJson, workPath, mode, lastJson] = process.argv.slice(2);
if (!targetJson || !workPath || !["work", "verify", "hold"].includes(mode ?? "")) {
  process.stderr.write("用法：kill-child.ts '<选项 JSON>' <工作模块> work|verify|hold ['<上次进度 JSON>']\n");
  process.exit(64);
}
const target = JSON.parse(targetJson) as KillTarget;

let db: Database;
try {
  db = await openDatabase(target);
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(2);
}
send("opened");
const module = (await import(pathToFileURL(workPath).href)) as KillWork;
send("verified", await module.verify(db, lastJson ? (JSON.parse(lastJson) as unknown) : undefined));
if (mode === "verify") {
  await db.close();
  process.exit(0);
}
send("working");
if (mode === "hold") {
  setInterval(() => undefined, 60_000); // keep the database open until killed
} else {
  await module.work(db, (value) => send("progress", value));
  send("done");
  await db.close();
}
