/**
 * The administrator's pages over HTTP on both engines: accounts (the one-time password works once
 * shown, and only the administrator's form makes them), departments and units, the threshold setting,
 * and the audit log with its verification, which a forged entry breaks.
 */
import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import { DEFAULT_YOY_THRESHOLD, YOY_THRESHOLD_KEY } from "../../src/app/context.ts";
import { auditHash, listAudit } from "../../src/store/repositories/audit.ts";
import { getSetting } from "../../src/store/repositories/settings.ts";
import { listDepartments, listUnits, unitByCode } from "../../src/store/repositories/units.ts";
import { listUsers, userByName } from "../../src/store/repositories/users.ts";
import { type AppFixture, type Browser, flashAfter, makeApp } from "../support/app-fixture.ts";
import { forEachEngine } from "../support/engines.ts";

const oneTimePassword = (page: string) => /<code class="password">([^<]+)<\/code>/.exec(page)?.[1];

forEachEngine("administrator's pages", (open) => {
  let f: AppFixture;
  let admin: Browser, zhuguan: Browser;
  const lastAudit = async () => (await listAudit(f.db, undefined, 1))[0]!;

  before(async () => {
    f = await makeApp({ db: await open() });
    admin = await f.loginAs("admin");
    zhuguan = await f.loginAs("zhuguan");
  });
  after(() => f.close());

  it("only the administrator reaches the pages", async () => {
    for (const path of ["/admin/users", "/admin/units", "/admin/audit", "/admin/settings"]) {
      assert.equal((await admin.get(path)).status, 200, path);
      assert.equal((await zhuguan.get(path)).status, 403, path);
      assert.equal((await f.anonymous().get(path)).status, 303, path);
    }
    assert.equal((await zhuguan.post("/admin/settings", { yoy_threshold: "5" })).status, 403);
    assert.equal(await getSetting(f.db, YOY_THRESHOLD_KEY, DEFAULT_YOY_THRESHOLD), DEFAULT_YOY_THRESHOLD);
  });

  it("the account list shows every account, its role, duties and bindings, and offers the chain's duties", async () => {
    const page = await (await admin.get("/admin/users")).text();
    for (const name of ["admin", "danwei", "zhuguan", "baomi", "fuzeren"]) assert.match(page, new RegExp(`<td>${name}</td>`));
    assert.match(page, /<td>fuzeren<\/td><td>单位主要负责人<\/td><td>审核人<\/td><td>负责人审签、公开<\/td>\s*<td>汉中市行政审批服务局<\/td>/);
    for (const duty of ["主管部门审核", "保密审查", "负责人审签", "公开"]) assert.match(page, new RegExp(`name="duties" value="${duty}"`));
    // No reset button for one's own account.
    const me = await f.user("admin");
    assert.doesNotMatch(page, new RegExp(`action="/admin/users/${me.id}/reset"`));
  });

  it("a new account gets a one-time password, shown once, which must be changed at first login; the audit log records it", async () => {
    const res = await admin.post("/admin/users", { username: "shenhe2", display_name: "第二审核员", role: "reviewer", duties: ["保密审查"], department_ids: [f.demo.departmentId] });
    assert.equal(res.status, 200);
    const page = await res.text();
    assert.match(page, /账号已创建/);
    const password = oneTimePassword(page);
    assert.ok(password && password.length >= 10);
    const user = (await userByName(f.db, "shenhe2"))!;
    assert.deepEqual([user.role, user.duties, user.departmentIds, user.mustChangePassword], ["reviewer", ["保密审查"], [f.demo.departmentId], true]);
    const entry = await lastAudit();
    assert.equal(entry.action, "新建账号");
    assert.equal(entry.subject, `user:${user.id}`);
    const fresh = await f.loginAs("shenhe2", password);
    const next = await fresh.get("/review");
    assert.equal(next.status, 303);
    assert.equal(next.headers.get("location"), "/account/password");
  });

  it("an account form that binds the wrong things, names an unknown duty or an existing account is refused with the reason", async () => {
    const before = (await listUsers(f.db)).length;
    const cases: [Record<string, string | (string | number)[]>, RegExp][] = [
      [{ username: "tianbao2", display_name: "填报", role: "preparer" }, /填报人至少要绑定一个单位/],
      [{ username: "shenhe3", display_name: "审核", role: "reviewer", duties: ["保密审查"] }, /审核人至少要绑定一个主管部门/],
      [{ username: "shenhe3", display_name: "审核", role: "reviewer", duties: ["随便审"], department_ids: [f.demo.departmentId] }, /审核流程中没有这些职责：随便审/],
      [{ username: "tianbao2", display_name: "填报", role: "preparer", unit_ids: [f.demo.unitId], duties: ["公开"] }, /只有审核人可以分配审核职责/],
      [{ username: "tianbao2", display_name: "填报", role: "preparer", unit_ids: [987654] }, /所选的单位不存在/],
      [{ username: "tianbao2", display_name: "填报", role: "preparer", unit_ids: ["1 OR 1=1"] }, /表单内容无效/],
      [{ username: "zhuguan", display_name: "重名", role: "admin" }, /账号“zhuguan”已存在/],
      [{ username: "a b", display_name: "空格", role: "admin" }, /账号名只能用/],
      [{ username: "tianbao2", display_name: "x", role: "superuser" }, /请选择账号的角色/],
      [{ username: "tianbao2", display_name: " ", role: "admin" }, /姓名或称呼不能为空/],
    ];
    for (const [form, message] of cases) {
      const outcome = await flashAfter(admin, await admin.post("/admin/users", form));
      assert.equal(outcome.kind, "error", JSON.stringify(form));
      assert.match(outcome.text, message);
    }
    assert.equal((await listUsers(f.db)).length, before);
  });

  it("a reset gives a new one-time password: the old one stops working, the new one works, one's own cannot be reset here", async () => {
    const target = await f.user("baomi");
    const res = await admin.post(`/admin/users/${target.id}/reset`);
    assert.equal(res.status, 200);
    const password = oneTimePassword(await res.text());
    assert.ok(password);
    await assert.rejects(f.loginAs("baomi"), /登录失败/);
    await f.loginAs("baomi", password);
    assert.equal((await lastAudit()).action, "登录");
    assert.ok((await listAudit(f.db, `user:${target.id}`)).some((e) => e.action === "重置密码"));
    const me = await f.user("admin");
    assert.match((await flashAfter(admin, await admin.post(`/admin/users/${me.id}/reset`))).text, /不能在这里重置自己的密码/);
    assert.equal((await admin.post("/admin/users/99999/reset")).status, 404);
    assert.equal((await zhuguan.post(`/admin/users/${target.id}/reset`)).status, 403);
  });

  it("departments and units are added and renamed, each with an audit entry; bad input changes nothing", async () => {
    const dept = await flashAfter(admin, await admin.post("/admin/units", { what: "department", code: "118", name: "汉中市测试局", region: "陕西省汉中市" }));
    assert.match(dept.text, /已新建主管部门“汉中市测试局”（118）/);
    const department = (await listDepartments(f.db)).find((d) => d.code === "118")!;
    assert.equal((await lastAudit()).action, "新建主管部门");
    const unit = await flashAfter(admin, await admin.post("/admin/units", { what: "unit", code: "118001", name: "测试中心", kind: "事业单位", department_id: department.id }));
    assert.match(unit.text, /已新建单位“测试中心”（118001），所属“汉中市测试局”/);
    const renamed = await flashAfter(admin, await admin.post("/admin/units", { what: "unit", code: "118001", name: "测试服务中心", kind: "事业单位", department_id: department.id }));
    assert.match(renamed.text, /已修改单位“测试服务中心”/);
    const entry = await lastAudit();
    assert.equal(entry.action, "修改单位");
    assert.deepEqual((entry.detail as { before: unknown }).before, { name: "测试中心", kind: "事业单位", departmentId: department.id });
    const page = await (await admin.get("/admin/units")).text();
    assert.match(page, /<td>118001<\/td><td>测试服务中心<\/td><td>事业单位<\/td>/);
    const units = (await listUnits(f.db)).length;
    const refused: [Record<string, string | number>, RegExp][] = [
      [{ what: "unit", code: "118002", name: "x", kind: "公司", department_id: department.id }, /单位性质必须是/],
      [{ what: "unit", code: "118002", name: "x", kind: "事业单位", department_id: 99999 }, /没有这个主管部门/],
      [{ what: "unit", code: "118 002", name: "x", kind: "事业单位", department_id: department.id }, /单位编码只能用/],
      [{ what: "department", code: "119", name: "" }, /部门名称不能为空/],
      [{ what: "other", code: "119", name: "x" }, /表单内容无效/],
    ];
    for (const [form, message] of refused) {
      const outcome = await flashAfter(admin, await admin.post("/admin/units", form));
      assert.equal(outcome.kind, "error");
      assert.match(outcome.text, message);
    }
    assert.equal((await listUnits(f.db)).length, units);
    assert.equal(await unitByCode(f.db, "118002"), undefined);
  });

  it("the year-over-year threshold is saved between 0 and 1000 percent, audited, and used by the checker", async () => {
    assert.match(await (await admin.get("/admin/settings")).text(), new RegExp(`name="yoy_threshold"[^>]*value="${DEFAULT_YOY_THRESHOLD}"`));
    for (const bad of ["-1", "1000.5", "abc", "", "1e3", "2000"]) {
      const outcome = await flashAfter(admin, await admin.post("/admin/settings", { yoy_threshold: bad }));
      assert.equal(outcome.kind, "error", bad);
    }
    assert.equal(await getSetting(f.db, YOY_THRESHOLD_KEY, DEFAULT_YOY_THRESHOLD), DEFAULT_YOY_THRESHOLD);
    const saved = await flashAfter(admin, await admin.post("/admin/settings", { yoy_threshold: "150.5" }));
    assert.match(saved.text, /150\.5%/);
    assert.equal(await getSetting(f.db, YOY_THRESHOLD_KEY, 0), 150.5);
    const entry = await lastAudit();
    assert.deepEqual([entry.action, entry.detail], ["修改设置", { before: DEFAULT_YOY_THRESHOLD, after: 150.5 }]);
    // The demonstration's changes are all below 200 %, so fewer reasons are required now.
    const { evaluateFor } = await import("../../src/app/disclosures.ts");
    const { readDemoDocument } = await import("../../src/app/demo.ts");
    const required = (await evaluateFor(f.ctx, readDemoDocument())).required.map((r) => r.key);
    assert.ok(required.includes("function:2210201") && !required.includes("function:2101102"), required.join());
  });

  it("a POST without the session's CSRF token is refused", async () => {
    const res = await admin.post("/admin/settings", { yoy_threshold: "20" }, { csrf: false });
    assert.equal(res.status, 403);
    assert.equal(await getSetting(f.db, YOY_THRESHOLD_KEY, 0), 150.5);
  });

  it("the audit page lists the latest entries and says the chain is intact, until a forged entry breaks it", async () => {
    const intact = await (await admin.get("/admin/audit")).text();
    const count = (await listAudit(f.db, undefined, 100000)).length;
    assert.match(intact, new RegExp(`审计日志完整：共 ${count} 条记录`));
    assert.match(intact, /<td>新建账号<\/td>/);
    const filtered = await (await admin.get(`/admin/audit?subject=user:${(await f.user("shenhe2")).id}`)).text();
    assert.match(filtered, /<td>新建账号<\/td>/);
    assert.doesNotMatch(filtered, /<td>新建主管部门<\/td>/);
    // A forged entry: right sequence and previous hash, but its hash covers other content.
    const last = await lastAudit();
    const forged = { seq: last.seq + 1, at: new Date(), actorId: null, action: "伪造", subject: "user:1", detail: {}, prevHash: last.hash };
    await f.db.query(`INSERT INTO audit_log (seq, at, actor_id, action, subject, detail, prev_hash, hash) VALUES ($1, $2, NULL, '删除账号', $3, '{}'::jsonb, $4, $5)`, [
      forged.seq,
      forged.at,
      forged.subject,
      forged.prevHash,
      auditHash(forged),
    ]);
    const broken = await (await admin.get("/admin/audit")).text();
    assert.match(broken, new RegExp(`<p class="flash error" role="alert">审计日志校验未通过：在第 ${forged.seq} 条处发现问题：第 ${forged.seq} 条记录的内容与其哈希不符`));
  });
});
