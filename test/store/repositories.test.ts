// The store's conformance suite for the domain repositories: the same assertions on PGlite and on a
// real PostgreSQL server (test/support/engines.ts starts one).
import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import { appendAudit, verifyAudit } from "../../src/store/repositories/audit.ts";
import {
  acknowledge,
  acknowledgements,
  appendVersion,
  ensureDisclosure,
  listDisclosures,
  listVersions,
  StaleVersionError,
  versionOf,
} from "../../src/store/repositories/disclosures.ts";
import { clearLoginFailures, loginFailures, saveLoginFailures } from "../../src/store/repositories/login-failures.ts";
import { addPublication, listPublications, listPublished } from "../../src/store/repositories/publications.ts";
import { addComment, listComments, listTransitions, recordTransition } from "../../src/store/repositories/reviews.ts";
import { createSession, deleteUserSessions, findSession } from "../../src/store/repositories/sessions.ts";
import { getSetting, putSetting } from "../../src/store/repositories/settings.ts";
import { listUnits, unitByCode, upsertDepartment, upsertUnit } from "../../src/store/repositories/units.ts";
import { createUser, DuplicateUsernameError, userByName } from "../../src/store/repositories/users.ts";
import type { Database } from "../../src/store/sql.ts";
import { forEachEngine } from "../support/engines.ts";

forEachEngine("store repositories", (open) => {
  let db: Database;
  let unitA: number;
  let unitB: number;
  let department: number;
  before(async () => {
    db = await open();
    department = (await upsertDepartment(db, { code: "117", name: "汉中市行政审批服务局", region: "陕西省汉中市" })).id;
    const other = (await upsertDepartment(db, { code: "118", name: "另一部门", region: "" })).id;
    unitA = (await upsertUnit(db, { code: "117002", name: "汉中市政务服务中心", kind: "事业单位", departmentId: department })).id;
    unitB = (await upsertUnit(db, { code: "118001", name: "另一单位", kind: "行政单位", departmentId: other })).id;
  });
  after(() => db.close());

  it("upserts units by code and filters them by department and id", async () => {
    const renamed = await upsertUnit(db, { code: "117002", name: "汉中市政务服务中心（更名）", kind: "事业单位", departmentId: department });
    assert.equal(renamed.id, unitA);
    assert.equal((await unitByCode(db, "117002"))?.name, "汉中市政务服务中心（更名）");
    assert.deepEqual((await listUnits(db, { departmentIds: [department] })).map((u) => u.code), ["117002"]);
    assert.deepEqual((await listUnits(db, { unitIds: [unitB] })).map((u) => u.departmentName), ["另一部门"]);
    assert.equal((await listUnits(db)).length, 2);
  });

  it("creates accounts with their scopes and duties, and refuses a duplicate name", async () => {
    const user = await createUser(db, { username: "zhuguan", displayName: "审核员", role: "reviewer", duties: ["主管部门审核"], passwordHash: "x", departmentIds: [department] });
    assert.deepEqual(user.departmentIds, [department]);
    assert.deepEqual(user.duties, ["主管部门审核"]);
    assert.equal(typeof user.id, "number");
    await assert.rejects(createUser(db, { username: "zhuguan", displayName: "又一个", role: "admin", passwordHash: "y" }), DuplicateUsernameError);
    const preparer = await createUser(db, { username: "danwei", displayName: "填报员", role: "preparer", passwordHash: "z", unitIds: [unitA, unitB] });
    assert.deepEqual([...preparer.unitIds].sort(), [unitA, unitB].sort());
  });

  it("finds a session only until it expires, and drops all of an account's sessions", async () => {
    const user = (await userByName(db, "danwei"))!;
    const now = new Date("2026-12-01T08:00:00Z");
    await createSession(db, "hash-1", { userId: user.id, csrfToken: "c1", expiresAt: new Date("2026-12-01T16:00:00Z") });
    assert.equal((await findSession(db, "hash-1", now))?.csrfToken, "c1");
    assert.equal(await findSession(db, "hash-1", new Date("2026-12-01T16:00:01Z")), undefined);
    await deleteUserSessions(db, user.id);
    assert.equal(await findSession(db, "hash-1", now), undefined);
  });

  it("keeps failed-login counts with their dates", async () => {
    const firstAt = new Date("2026-12-01T08:00:00.123Z");
    await saveLoginFailures(db, "account:x", { failures: 3, firstAt, lockedUntil: null });
    const read = await loginFailures(db, "account:x");
    assert.equal(read?.failures, 3);
    assert.equal(read?.firstAt.getTime(), firstAt.getTime());
    await clearLoginFailures(db, "account:x");
    assert.equal(await loginFailures(db, "account:x"), undefined);
  });

  it("appends versions on the head the editor saw, and refuses a stale one with who saved in between", async () => {
    const author = (await userByName(db, "danwei"))!;
    const d = await ensureDisclosure(db, unitA, 2023, "草稿");
    assert.equal((await ensureDisclosure(db, unitA, 2023, "别的状态")).id, d.id, "ensure does not create a second one");
    const v1 = await db.transaction((tx) => appendVersion(tx, d.id, 0, { document: { a: 1, amount: 123456789012 }, findings: [{ key: "k" }], errors: 1, warnings: 2, source: "表单", authorId: author.id }));
    assert.equal(v1, 1);
    const stale = db.transaction((tx) => appendVersion(tx, d.id, 0, { document: {}, findings: [], errors: 0, warnings: 0, source: "表单", authorId: author.id }));
    await assert.rejects(stale, (error: unknown) => error instanceof StaleVersionError && error.actual === 1 && error.by === "填报员" && /第 0 版/.test(error.message));
    const stored = await versionOf<{ a: number; amount: number }>(db, d.id, 1);
    assert.deepEqual(stored?.document, { a: 1, amount: 123456789012 });
    assert.equal(stored?.authorName, "填报员");
    assert.equal((await listVersions(db, d.id)).length, 1);
    const [summary] = await listDisclosures(db, { unitIds: [unitA] });
    assert.deepEqual([summary?.head, summary?.errors, summary?.warnings, summary?.departmentName], [1, 1, 2, "汉中市行政审批服务局"]);
    assert.equal((await listDisclosures(db, { states: ["已公开"] })).length, 0);
  });

  it("records acknowledgements, transitions and anchored comments", async () => {
    const author = (await userByName(db, "zhuguan"))!;
    const d = await ensureDisclosure(db, unitA, 2023, "草稿");
    await acknowledge(db, d.id, 1, [{ findingKey: "indicator-values:abc", reason: "年中确定" }], author.id);
    await acknowledge(db, d.id, 1, [{ findingKey: "indicator-values:abc", reason: "改为年底确定" }], author.id);
    assert.deepEqual(await acknowledgements(db, d.id, 1), [{ findingKey: "indicator-values:abc", reason: "改为年底确定" }]);
    await recordTransition(db, { disclosureId: d.id, versionNumber: 1, fromState: "草稿", toState: "已提交", action: "提交审核", actorId: author.id, comment: "" });
    assert.deepEqual((await listTransitions(db, d.id)).map((t) => [t.action, t.actorName]), [["提交审核", "审核员"]]);
    await addComment(db, { disclosureId: d.id, versionNumber: 1, authorId: author.id, anchor: { kind: "cell", table: "5", row: "|2010350", column: "total" }, body: "<script>alert(1)</script>" });
    const [comment] = await listComments(db, d.id);
    assert.deepEqual(comment?.anchor, { kind: "cell", table: "5", row: "|2010350", column: "total" });
    assert.equal(comment?.body, "<script>alert(1)</script>", "stored as typed; escaping is the views' job");
  });

  it("numbers publications and refuses to change or delete one, or a version", async () => {
    const d = await ensureDisclosure(db, unitA, 2023, "草稿");
    const first = await addPublication(db, { disclosureId: d.id, versionNumber: 1, note: "", html: "<p>一</p>", certificate: { ok: true }, publishedBy: null });
    const second = await addPublication(db, { disclosureId: d.id, versionNumber: 1, note: "更正", html: "<p>二</p>", certificate: {}, publishedBy: null });
    assert.deepEqual([first.sequence, second.sequence], [1, 2]);
    assert.deepEqual((await listPublications(db, d.id, true)).map((p) => p.html), ["<p>二</p>", "<p>一</p>"]);
    assert.deepEqual((await listPublished(db)).map((p) => [p.unitName, p.sequence]), [["汉中市政务服务中心（更名）", 2]]);
    await assert.rejects(db.query(`UPDATE publications SET html = 'x' WHERE id = $1`, [first.id]), /只能追加/);
    await assert.rejects(db.query(`DELETE FROM publications WHERE id = $1`, [first.id]), /只能追加/);
    await assert.rejects(db.query(`UPDATE versions SET errors = 0`), /只能追加/);
    assert.equal((await listPublications(db, d.id, true)).at(-1)?.html, "<p>一</p>");
  });

  it("chains the audit log and finds an entry changed behind the triggers' back", async () => {
    for (let i = 0; i < 5; i++) await appendAudit(db, { actorId: null, action: "保存", subject: "disclosure:1", detail: { version: i, nested: { b: 2, a: 1 } } });
    const ok = await verifyAudit(db, 2);
    assert.equal(ok.ok, true);
    assert.equal(ok.entries, 5);
    await assert.rejects(db.query(`UPDATE audit_log SET action = 'x' WHERE seq = 3`), /只能追加/);
    // Someone with the database's owner rights disables the trigger and edits an entry.
    await db.query(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`);
    await db.query(`UPDATE audit_log SET detail = '{"version": 99}'::jsonb WHERE seq = 3`);
    await db.query(`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`);
    const broken = await verifyAudit(db);
    assert.equal(broken.ok, false);
    assert.equal(!broken.ok && broken.seq, 3);
  });

  it("keeps settings as JSON with a fallback", async () => {
    assert.equal(await getSetting(db, "yoyThresholdPercent", 10), 10);
    await putSetting(db, "yoyThresholdPercent", 15);
    assert.equal(await getSetting(db, "yoyThresholdPercent", 10), 15);
    await putSetting(db, "label", "文字");
    assert.equal(await getSetting(db, "label", ""), "文字");
  });
});
