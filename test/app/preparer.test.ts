// The preparer's editor over HTTP on both engines: two editors of one disclosure get a conflict message
// (never a silent overwrite) with their input kept; bad values, oversized and non-workbook uploads are
// refused with the reason and nothing stored; errors block submission; the live check saves nothing.
import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import { listVersions, versionOf } from "../../src/store/repositories/disclosures.ts";
import { makeApp, type AppFixture } from "../support/app-fixture.ts";
import { forEachEngine } from "../support/engines.ts";

forEachEngine("preparer editor", (open) => {
  let f: AppFixture;
  before(async () => {
    f = await makeApp({ db: await open() });
  });
  after(() => f.close());

  const editor = () => `/disclosures/${f.demo.disclosureId}`;
  const versions = async () => (await listVersions(f.db, f.demo.disclosureId)).length;

  it("refuses the second of two saves made on the same version, names who saved first, and keeps the typed text", async () => {
    const first = await f.loginAs("danwei");
    const second = await f.loginAs("danwei");
    const head = (await listVersions(f.db, f.demo.disclosureId))[0]!.number;
    const unit = await (await first.get(`${editor()}?section=unit`)).text();
    assert.match(unit, /name="f\.organisation"/);
    const form = (organisation: string) => ({
      _head: head,
      "f.name": "汉中市政务服务中心",
      "f.department": "汉中市行政审批服务局",
      "f.kind": "事业单位",
      "f.staffing.retired": "0",
      "f.duties": "职责一",
      "f.organisation": organisation,
      "f.tasks": "任务一",
    });
    const saved = await first.post(`${editor()}/sections/unit`, form("第一位编辑者写的机构设置"));
    assert.equal(saved.status, 303);
    const conflict = await second.post(`${editor()}/sections/unit`, form("第二位编辑者写的机构设置"));
    assert.equal(conflict.status, 409);
    const page = await conflict.text();
    assert.match(page, new RegExp(`保存未成功：您编辑的是第 ${head} 版，但“政务服务中心填报员”于 .+已保存了第 ${head + 1} 版`));
    assert.match(page, /第二位编辑者写的机构设置/, "the second editor's text is still in the form");
    assert.match(page, new RegExp(`name="_head" value="${head + 1}"`), "saving again builds on the latest version");
    assert.equal(await versions(), head + 1, "only the first save was stored");
    const latest = await versionOf<{ unit: { organisation: string } }>(f.db, f.demo.disclosureId, head + 1);
    assert.equal(latest?.document.unit.organisation, "第一位编辑者写的机构设置");
  });

  it("shows a bad amount at its field with the value as typed, and stores nothing", async () => {
    const danwei = await f.loginAs("danwei");
    const before = await versions();
    const page = await (await danwei.get(`${editor()}?section=revenue`)).text();
    const head = /name="_head" value="(\d+)"/.exec(page)![1]!;
    const res = await danwei.post(`${editor()}/sections/revenue`, { _head: head, "r.0.source": "一般公共预算拨款", "r.0.amount": "五十万", "r.0._orig": "0" });
    assert.equal(res.status, 422);
    const body = await res.text();
    assert.match(body, /name="r\.0\.amount" value="五十万"[^>]*aria-invalid="true"/);
    assert.match(body, /“五十万”不是金额/);
    assert.equal(await versions(), before);
  });

  it("checks a section as it is typed without saving anything", async () => {
    const danwei = await f.loginAs("danwei");
    const before = await versions();
    const page = await (await danwei.get(`${editor()}?section=expenditure`)).text();
    const head = /name="_head" value="(\d+)"/.exec(page)![1]!;
    const res = await danwei.post(`${editor()}/sections/expenditure/check`, {
        _head: head,
        "r.0.functionCode": "20103",
        "r.0.deptEconomicCode": "30101",
        "r.0.govEconomicCode": "50501",
        "r.0.nature": "人员经费",
        "r.0.fundSource": "一般公共预算拨款",
        "r.0.amount": "100.00",
        "r.0._orig": "0",
      }, { headers: { accept: "application/json" } });
    assert.equal(res.status, 200);
    const result = (await res.json()) as { fields: { field: string; message: string }[] };
    assert.ok(result.fields.some((p) => p.field === "r.0.functionCode" && /7 位/.test(p.message)), JSON.stringify(result.fields));
    assert.equal(await versions(), before);
  });

  it("refuses an upload that is not a workbook, or too large, before storing anything", async () => {
    const danwei = await f.loginAs("danwei");
    const before = await versions();
    const head = String((await listVersions(f.db, f.demo.disclosureId))[0]!.number);
    const upload = (bytes: Uint8Array<ArrayBuffer>, name: string) => {
      const form = new FormData();
      form.set("_csrf", danwei.csrf);
      form.set("_head", head);
      form.set("file", new File([bytes], name));
      return danwei.request(`${editor()}/upload`, { method: "POST", body: form });
    };
    const pdf = await upload(new TextEncoder().encode("%PDF-1.7 不是工作簿"), "预算.xlsx");
    assert.equal(pdf.status, 422);
    assert.match(await pdf.text(), /不是 Excel 工作簿（\.xlsx）/);
    const huge = await upload(new Uint8Array(11 * 1024 * 1024), "大文件.xlsx");
    assert.equal(huge.status, 413);
    assert.match(await huge.text(), /上传的内容过大（上限 10 MB），未保存任何内容/);
    assert.equal(await versions(), before);
  });

  it("edits the overall performance targets (表14) in web forms: tasks, goals and indicators", async () => {
    const danwei = await f.loginAs("danwei");
    const page = await (await danwei.get(`${editor()}?section=overallTasks`)).text();
    assert.match(page, /整体绩效：年度主要任务/);
    let head = Number(/name="_head" value="(\d+)"/.exec(page)![1]!);
    const tasks = await danwei.post(`${editor()}/sections/overallTasks`, {
      _head: head,
      "r.0.name": "保障运转",
      "r.0.content": "人员工资与日常运转",
      "r.0.amount": "1873811.00",
      "r.0.fiscalAmount": "1873811.00",
      "r.0.otherAmount": "0",
      "r.1.name": "政务服务",
      "r.1.content": "<script>alert(1)</script>",
      "r.1.amount": "386000",
      "r.1.fiscalAmount": "386000",
      "r.1.otherAmount": "0",
    });
    assert.equal(tasks.status, 303);
    head += 1;
    const goals = await danwei.post(`${editor()}/sections/overallGoals`, { _head: head, "f.goals": "目标一\n目标二" });
    assert.equal(goals.status, 303);
    head += 1;
    const indicators = await danwei.post(`${editor()}/sections/overallIndicators`, {
      _head: head,
      "r.0.level1": "满意度指标",
      "r.0.level2": "服务对象满意度指标",
      "r.0.content": "群众满意度",
      "r.0.value": "≥95%",
    });
    assert.equal(indicators.status, 303);
    const stored = await versionOf<{ overallTargets: { tasks: { name: string; amount: number }[]; goals: string[]; indicators: { value: string }[] } }>(f.db, f.demo.disclosureId, head + 1);
    assert.deepEqual(stored?.document.overallTargets.tasks.map((t) => [t.name, t.amount]), [["保障运转", 187381100], ["政务服务", 38600000]]);
    assert.deepEqual(stored?.document.overallTargets.goals, ["目标一", "目标二"]);
    assert.deepEqual(stored?.document.overallTargets.indicators.map((i) => i.value), ["≥95%"]);
    const shown = await (await danwei.get(`${editor()}?section=overallTasks`)).text();
    assert.ok(!shown.includes("<script>alert(1)</script>") && shown.includes("&lt;script&gt;alert(1)&lt;/script&gt;"), "typed text comes back escaped");
  });

  it("blocks submission while the document has errors, and says why", async () => {
    const danwei = await f.loginAs("danwei");
    const page = await (await danwei.get(`${editor()}?section=revenue`)).text();
    const head = Number(/name="_head" value="(\d+)"/.exec(page)![1]!);
    // Revenue no longer equals expenditure: a document error, saved as a version so work is not lost.
    const saved = await danwei.post(`${editor()}/sections/revenue`, { _head: head, "r.0.source": "一般公共预算拨款", "r.0.amount": "1.00", "r.0._orig": "0" });
    assert.equal(saved.status, 303);
    const editorPage = await (await danwei.get(editor())).text();
    assert.match(editorPage, /<button type="submit" disabled[^>]*>提交审核<\/button>/);
    const submitted = await danwei.post(`${editor()}/submit`, { _head: head + 1 });
    assert.equal(submitted.status, 303);
    const after = await (await danwei.follow(submitted)).text();
    assert.match(after, /不能提交：还有 \d+ 个错误|不能提交：文档还有错误/);
    const [row] = await f.db.query<{ state: string }>(`SELECT state FROM disclosures WHERE id = $1`, [f.demo.disclosureId]);
    assert.equal(row?.state, "草稿");
  });
});
