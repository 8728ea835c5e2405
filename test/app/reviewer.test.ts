/**
 * The reviewer's app over HTTP on both engines: the queue, the review page (grids, comments, reasons,
 * diffs against the previous version and last year), return, approval step by step up to publication,
 * and the batch view of departments. The tests in each suite run in order on one database, following
 * the demonstration's disclosure through its review.
 */
import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import { saveUnit } from "../../src/app/admin.ts";
import { readDemoDocument } from "../../src/app/demo.ts";
import { evaluateFor, saveVersion } from "../../src/app/disclosures.ts";
import type { Table } from "../../src/model/table.ts";
import { rowKey, tableKey } from "../../src/server/views/grid.ts";
import { disclosureById, listDisclosures } from "../../src/store/repositories/disclosures.ts";
import { listPublications } from "../../src/store/repositories/publications.ts";
import { listComments, listTransitions } from "../../src/store/repositories/reviews.ts";
import { type AppFixture, type Browser, changedDemo, flashAfter, makeApp } from "../support/app-fixture.ts";
import { forEachEngine } from "../support/engines.ts";

const between = (page: string, from: string, to: string) => page.slice(page.indexOf(from), page.indexOf(to, page.indexOf(from)));

forEachEngine("reviewer's app", (open) => {
  let f: AppFixture;
  let id: number;
  let zhuguan: Browser, baomi: Browser, fuzeren: Browser, admin: Browser, danwei: Browser, qita: Browser;
  let t5: Table;
  const state = async () => (await disclosureById(f.db, id))!.state;
  const reviewPage = async (b: Browser, query = "") => {
    const res = await b.get(`/disclosures/${id}/review${query}`);
    assert.equal(res.status, 200);
    return res.text();
  };

  before(async () => {
    f = await makeApp({ db: await open() });
    await f.addOtherDepartment();
    id = f.demo.disclosureId;
    [zhuguan, baomi, fuzeren, admin, danwei, qita] = (await Promise.all(["zhuguan", "baomi", "fuzeren", "admin", "danwei", "qita"].map((u) => f.loginAs(u)))) as [Browser, Browser, Browser, Browser, Browser, Browser];
    t5 = (await evaluateFor(f.ctx, readDemoDocument())).disclosure!.tables.find((t) => t.number === 5)!;
  });
  after(() => f.close());

  it("queue: empty before submission; preparers are refused and strangers sent to log in", async () => {
    const page = await (await zhuguan.get("/review")).text();
    assert.match(page, /目前没有等待您处理的公开文本/);
    assert.doesNotMatch(page, new RegExp(`data-disclosure="${id}"`));
    assert.equal((await danwei.get("/review")).status, 403);
    const anonymous = await f.anonymous().get("/review");
    assert.equal(anonymous.status, 303);
    assert.equal(anonymous.headers.get("location"), "/login?next=%2Freview");
  });

  it("queue: the submission is the first step's holder's, the others' only to look at, and invisible to another department", async () => {
    await f.advanceTo(id, "已提交");
    const mine = (page: string) => between(page, 'id="mine"', 'id="others"');
    const others = (page: string) => page.slice(page.indexOf('id="others"'));
    const forZhuguan = await (await zhuguan.get("/review")).text();
    assert.match(mine(forZhuguan), new RegExp(`data-disclosure="${id}"`));
    assert.match(mine(forZhuguan), /主管部门审核通过/);
    const forBaomi = await (await baomi.get("/review")).text();
    assert.doesNotMatch(mine(forBaomi), new RegExp(`data-disclosure="${id}"`));
    assert.match(others(forBaomi), new RegExp(`data-disclosure="${id}"`));
    assert.doesNotMatch(await (await qita.get("/review")).text(), /data-disclosure=/);
  });

  it("review page: the step's holder may approve, any reviewer of the department may return and comment on cells, the administrator only reads", async () => {
    const forZhuguan = await reviewPage(zhuguan);
    assert.match(forZhuguan, /<button type="submit" class="primary" name="action" value="advance">主管部门审核通过<\/button>/);
    assert.match(forZhuguan, new RegExp(`action="/disclosures/${id}/return"`));
    assert.match(forZhuguan, /class="cell-pick" data-table="5"/);
    assert.match(forZhuguan, new RegExp(`href="/disclosures/${id}/preview"`));
    const forBaomi = await reviewPage(baomi);
    assert.doesNotMatch(forBaomi, new RegExp(`action="/disclosures/${id}/advance"`));
    assert.match(forBaomi, new RegExp(`action="/disclosures/${id}/return"`));
    assert.match(forBaomi, /class="card comment-form"/);
    const forAdmin = await reviewPage(admin);
    assert.match(forAdmin, /部门综合预算一般公共预算支出明细表/);
    for (const absent of [/cell-pick/, /comment-form/, new RegExp(`action="/disclosures/${id}/(advance|return)"`)]) assert.doesNotMatch(forAdmin, absent);
    assert.equal((await qita.get(`/disclosures/${id}/review`)).status, 404);
    assert.equal((await danwei.get(`/disclosures/${id}/review`)).status, 403);
    assert.equal((await zhuguan.get("/disclosures/abc/review")).status, 404);
    assert.equal((await zhuguan.get("/disclosures/99999/review")).status, 404);
  });

  it("a comment on a cell is stored with its anchor, marked on that cell, and its text stays inert", async () => {
    const row = t5.rows.find((r) => r.kind === "item" && r.code)!;
    const column = t5.columns[0]!;
    const res = await zhuguan.post(`/disclosures/${id}/comments`, {
      anchor_kind: "cell",
      table: tableKey(t5),
      row: rowKey(row),
      column: column.key,
      body: "<script>alert(1)</script>请核对这个数",
    });
    assert.deepEqual(await flashAfter(zhuguan, res), { kind: "notice", text: "批注已添加。" });
    const [stored] = await listComments(f.db, id);
    assert.deepEqual(stored!.anchor, { kind: "cell", table: "5", row: rowKey(row), column: column.key });
    const page = await reviewPage(zhuguan);
    assert.match(page, /&lt;script&gt;alert\(1\)&lt;\/script&gt;请核对这个数/);
    assert.doesNotMatch(page, /<script>alert/);
    const escapedRow = rowKey(row).replace(/[|()]/g, "\\$&");
    assert.match(page, new RegExp(`<td class="[^"]*has-comment[^"]*" data-column="${column.key}"><button type="button" class="cell-pick[^"]*" data-table="5" data-row="${escapedRow}"`));
    assert.match(page, new RegExp(`表5 ${t5.title.replace(/[()（）]/g, ".")} · ${row.code}`));
  });

  it("comments on a section or a table are kept; an anchor the version does not have, or an empty comment, is refused", async () => {
    const section = await zhuguan.post(`/disclosures/${id}/comments`, { anchor_kind: "section", section: "第一部分 一", body: "职责表述请与三定方案一致" });
    assert.equal((await flashAfter(zhuguan, section)).kind, "notice");
    const table = await baomi.post(`/disclosures/${id}/comments`, { anchor_kind: "table", table: "13-2", body: "请确认涉密信息" });
    assert.equal((await flashAfter(baomi, table)).kind, "notice");
    const page = await reviewPage(zhuguan);
    assert.match(between(page, 'data-section="第一部分 一"', "</section>"), /批注（行政审批服务局审核员）：职责表述请与三定方案一致/);
    const refused: [Record<string, string>, RegExp][] = [
      [{ anchor_kind: "cell", table: "5", row: "|nope", column: t5.columns[0]!.key, body: "x" }, /所选的单元格不存在/],
      [{ anchor_kind: "table", table: "99", body: "x" }, /所选的报表不存在/],
      [{ anchor_kind: "section", section: "第九部分", body: "x" }, /所选的说明章节不存在/],
      [{ anchor_kind: "elsewhere", table: "5", body: "x" }, /请选择批注的位置/],
      [{ anchor_kind: "table", table: "5", body: "   " }, /批注内容不能为空/],
    ];
    for (const [form, message] of refused) {
      const outcome = await flashAfter(zhuguan, await zhuguan.post(`/disclosures/${id}/comments`, form));
      assert.equal(outcome.kind, "error");
      assert.match(outcome.text, message);
    }
    assert.equal((await listComments(f.db, id)).length, 3);
    assert.equal((await qita.post(`/disclosures/${id}/comments`, { anchor_kind: "table", table: "5", body: "x" })).status, 404);
    assert.equal((await danwei.post(`/disclosures/${id}/comments`, { anchor_kind: "table", table: "5", body: "x" })).status, 403);
    assert.equal((await listComments(f.db, id)).length, 3);
  });

  it("return needs a reason and the current state; it sends the disclosure back to draft with the reason in the history", async () => {
    const empty = await flashAfter(baomi, await baomi.post(`/disclosures/${id}/return`, { state: "已提交", comment: " " }));
    assert.match(empty.text, /请填写退回意见/);
    const stale = await flashAfter(baomi, await baomi.post(`/disclosures/${id}/return`, { state: "保密审查", comment: "x" }));
    assert.match(stale.text, /状态已变为“已提交”/);
    assert.equal(await state(), "已提交");
    const done = await flashAfter(baomi, await baomi.post(`/disclosures/${id}/return`, { state: "已提交", comment: "表5 事业运行的数字请核对" }));
    assert.deepEqual(done, { kind: "notice", text: "已退回填报单位修改。" });
    assert.equal(await state(), "草稿");
    const last = (await listTransitions(f.db, id)).at(-1)!;
    assert.equal(last.action, "退回");
    assert.equal(last.comment, "表5 事业运行的数字请核对");
    const page = await reviewPage(zhuguan);
    assert.match(between(page, 'id="history"', "</section>"), /保密审查员.*<strong>退回<\/strong>（已提交 → 草稿，第 1 版）.*表5 事业运行的数字请核对/s);
    assert.doesNotMatch(page, new RegExp(`action="/disclosures/${id}/(advance|return)"`));
  });

  it("after the preparer's fix the page shows the cells changed since the previous version, and the reason given for the warning", async () => {
    const preparer = await f.user("danwei");
    await saveVersion(f.ctx, preparer, f.demo.unitId, changedDemo(10000), 1, "表单");
    await f.advanceTo(id, "已提交", "表14 与表1 相差 100 元，已与财务核实");
    const page = await reviewPage(zhuguan);
    const against = between(page, 'id="against"', 'id="last-year"');
    assert.match(against, /比较对象：第 1 版/);
    assert.match(against, /<td class="num before">2,259,811\.00<\/td><td class="num after">2,259,911\.00<\/td><td class="num">\+100\.00<\/td>/);
    assert.match(against, /<option value="1" selected>/);
    // The narrative's changed figures are marked inside their paragraphs.
    assert.match(against, /<del>225\.98<\/del>/);
    assert.match(against, /<ins>225\.99<\/ins>/);
    const reasons = between(page, 'id="reasons"', "</section>");
    assert.match(reasons, /表14 的金额合计为 2,259,800\.00/);
    assert.match(reasons, /理由：表14 与表1 相差 100 元，已与财务核实/);
    assert.match(reasons, /一般公共预算拨款收入<\/th><td class="num">1,064,011\.00<\/td><td class="num">2,259,911\.00/);
    // An earlier version that does not exist falls back to the previous one.
    assert.match(between(await reviewPage(zhuguan, "?against=99"), 'id="against"', 'id="last-year"'), /比较对象：第 1 版/);
    assert.match(between(await reviewPage(zhuguan, "?against=x"), 'id="against"', 'id="last-year"'), /比较对象：第 1 版/);
  });

  it("with last year's disclosure of the unit the page compares with it", async () => {
    assert.match(await reviewPage(zhuguan), /没有本单位 2022 年的公开文本/);
    await saveVersion(f.ctx, await f.user("danwei"), f.demo.unitId, changedDemo(-1000000, { year: 2022 }), 0, "表单");
    const lastYear = between(await reviewPage(zhuguan), 'id="last-year"', "</aside>");
    assert.match(lastYear, /比较对象：2022 年的第 1 版（状态：草稿，尚未公开）/);
    assert.match(lastYear, /<td class="num before">2,249,811\.00<\/td><td class="num after">2,259,911\.00<\/td><td class="num">\+10,100\.00<\/td>/);
  });

  it("approval goes one step at a time, by the step's holder, with the current state; the last step publishes", async () => {
    const wrongStep = await flashAfter(baomi, await baomi.post(`/disclosures/${id}/advance`, { state: "已提交" }));
    assert.equal(wrongStep.kind, "error");
    const stale = await flashAfter(zhuguan, await zhuguan.post(`/disclosures/${id}/advance`, { state: "主管部门审核" }));
    assert.match(stale.text, /状态已变为“已提交”/);
    assert.equal(await state(), "已提交");
    const steps: [Browser, string, string][] = [
      [zhuguan, "已提交", "主管部门审核"],
      [baomi, "主管部门审核", "保密审查"],
      [fuzeren, "保密审查", "负责人审签"],
    ];
    for (const [who, from, to] of steps) {
      const outcome = await flashAfter(who, await who.post(`/disclosures/${id}/advance`, { state: from, comment: "同意" }));
      assert.equal(outcome.kind, "notice");
      assert.match(outcome.text, new RegExp(`现处于“${to}”状态`));
      assert.equal(await state(), to);
    }
    assert.match(await reviewPage(fuzeren), /value="advance">公开<\/button>/);
    const published = await flashAfter(fuzeren, await fuzeren.post(`/disclosures/${id}/advance`, { state: "负责人审签" }));
    assert.match(published.text, /^已公开/);
    assert.equal(await state(), "已公开");
    const [publication] = await listPublications(f.db, id);
    assert.equal(publication?.versionNumber, 2);
    const after = await reviewPage(zhuguan);
    assert.doesNotMatch(after, new RegExp(`action="/disclosures/${id}/(advance|return)"`));
    assert.match(between(after, 'id="history"', "</section>"), /公开/);
  });

  it("the batch view lists each department's units with state and counts, and the units with nothing for the year", async () => {
    await saveUnit(f.ctx, null, { code: "117099", name: "尚未填报的测试单位", kind: "事业单位", departmentId: f.demo.departmentId });
    await saveVersion(f.ctx, await f.user("danwei"), f.demo.unitId, changedDemo(10000, { year: 2024, balanced: false }), 0, "表单");
    const page = await (await zhuguan.get("/departments?year=2023")).text();
    const demoRow = between(page, `data-unit="${f.demo.unitId}"`, "</tr>");
    assert.match(demoRow, /<span class="state">已公开<\/span>/);
    assert.match(demoRow, /第 2 版/);
    assert.match(demoRow, /2022 草稿/);
    assert.match(page, /<tr data-unit="\d+" class="not-started">\s*<td>117099<\/td>/);
    assert.match(page, /尚未填报 2023 年的单位：尚未填报的测试单位/);
    assert.match(page, /2023 年：共 2 个单位，已公开 1，未填报 1。/);
    assert.doesNotMatch(page, /其他测试局/);
    const year2024 = between(await (await zhuguan.get("/departments?year=2024")).text(), `data-unit="${f.demo.unitId}"`, "</tr>");
    assert.match(year2024, /草稿.*<td class="num has-error">2<\/td>/s);
    const forAdmin = await (await admin.get("/departments")).text();
    assert.match(forAdmin, /汉中市行政审批服务局/);
    assert.match(forAdmin, /其他测试局/);
    assert.doesNotMatch(await (await qita.get("/departments")).text(), /汉中市行政审批服务局/);
  });

  it("one department's page is for its reviewers and the administrator only", async () => {
    const path = `/departments/${f.demo.departmentId}`;
    assert.match(await (await zhuguan.get(path)).text(), /汉中市政务服务中心/);
    assert.equal((await admin.get(path)).status, 200);
    assert.equal((await qita.get(path)).status, 404);
    assert.equal((await danwei.get(path)).status, 403);
    assert.equal((await zhuguan.get("/departments/abc")).status, 404);
  });

  it("a version with errors is shown with its problems, and comments on it cannot be placed", async () => {
    const [broken] = await listDisclosures(f.db, { year: 2024 });
    assert.ok(broken);
    const res = await zhuguan.get(`/disclosures/${broken.id}/review`);
    const page = await res.text();
    assert.match(page, /这一版有错误，无法生成报表/);
    assert.match(page, /收入总计 2,259,811\.00 元不等于支出总计 2,259,911\.00 元/);
    const outcome = await flashAfter(zhuguan, await zhuguan.post(`/disclosures/${broken.id}/comments`, { anchor_kind: "table", table: "1", body: "x" }));
    assert.match(outcome.text, /批注无处定位/);
  });
});
