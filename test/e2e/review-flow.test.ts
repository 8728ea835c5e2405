/**
 * Issue 6's acceptance, in a real browser (Debian's Chromium through playwright-core) against a real
 * server on an embedded database: the preparer uploads a template with one planted mistake and sees
 * it at its sheet and cell (nothing stored), uploads the corrected workbook, gives the required
 * year-over-year reasons, acknowledges the warnings and submits; 主管部门 comments on a cell and returns
 * it; the preparer sees the comment at that cell, fixes the reason it is about in the web form and
 * resubmits; 主管部门审核, 保密审查, 负责人审签 and 公开 follow; an anonymous visitor reads the published
 * page, which is byte for byte the preview the reviewer saw. Along the way: the editor's live check marks
 * a wrong code without saving anything.
 *
 * Screenshots of the main screens go to out/screenshots/ (e2e-*.png). The steps run in order and share
 * one browser; each person has a browser context of their own.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { readDemoDocument } from "../../src/app/demo.ts";
import { templateWorkbook } from "../../src/app/uploads.ts";
import type { BudgetDocument } from "../../src/model/budget-document.ts";
import { TEMPLATE_SHEETS } from "../../src/model/authoring-template.ts";
import { disclosureById, listVersions, versionOf } from "../../src/store/repositories/disclosures.ts";
import { listPublications } from "../../src/store/repositories/publications.ts";
import { listComments } from "../../src/store/repositories/reviews.ts";
import { launchBrowser, login, screenshot, type TestBrowser } from "../support/browser.ts";
import { LIVE_PASSWORD, type LiveServer, startLiveServer } from "../support/live-server.ts";

/** The comment the reviewer writes on 表5 · 2010350 事业运行 · 合计, and the reason the preparer then rewrites. */
const COMMENT = "事业运行较上年增加较多，请在增减原因中写明新增人数和测算依据";
const BETTER_REASON = "新增6名工作人员（按每人每年14.6万元测算），工资福利支出相应增加";
const RETURN_NOTE = "请按批注补充事业运行的增减原因后重新提交";
/** The cell commented on: 表5's row for 2010350, column 合计. */
const CELL = { table: "5", row: "|2010350", column: "total" } as const;

/**
 * The workbook the preparer fills: the demonstration's document without its reasons, so every change
 * from last year's figures (doc.prior) becomes a required reason; `mistake` plants a non-amount in
 * 支出明细's 金额 column of the fourth line and returns that cell's address.
 */
async function workbook(doc: BudgetDocument, server: LiveServer, mistake: boolean): Promise<{ bytes: Buffer; cell?: string }> {
  const bytes = await templateWorkbook(server.ctx, doc.year, doc.unit.kind, doc);
  if (!mistake) return { bytes };
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as never);
  const sheet = wb.getWorksheet(TEMPLATE_SHEETS.expenditure)!;
  let amountColumn = 0;
  sheet.getRow(1).eachCell((cell, column) => {
    if (String(cell.value).startsWith("金额")) amountColumn = column;
  });
  assert.ok(amountColumn > 0, "支出明细 has no 金额 column");
  const cell = sheet.getCell(5, amountColumn);
  assert.equal(typeof cell.value, "number", "the fourth expenditure line has an amount to spoil");
  cell.value = "五万元";
  return { bytes: Buffer.from(await wb.xlsx.writeBuffer()), cell: `${TEMPLATE_SHEETS.expenditure}!${cell.address}` };
}

async function upload(page: Page, name: string, bytes: Buffer): Promise<void> {
  const form = page.locator(`form[action$="/upload"]`);
  await form.locator("input[type=file]").setInputFiles({ name, mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: bytes });
  await submitAndWait(page, form.getByRole("button", { name: "上传并校验" }));
}

/** Clicks a submit button and waits for the page the POST redirects to (or answers with). */
async function submitAndWait(page: Page, button: ReturnType<Page["locator"]>): Promise<void> {
  await Promise.all([page.waitForNavigation({ waitUntil: "load" }), button.click()]);
}

const flash = (page: Page) => page.locator("p.flash").innerText();

describe("issue 6 acceptance: prepare, review, return, resubmit, approve, publish (Chromium)", () => {
  let server: LiveServer;
  let browser: TestBrowser;
  let preparer: Page;
  let zhuguan: Page;
  let id: number;
  let editorUrl: string;
  let reviewUrl: string;
  let previewSeenByReviewer = "";
  const doc = { ...readDemoDocument(), reasons: {} } as BudgetDocument;
  const record = async () => (await disclosureById(server.ctx.db, id))!;

  before(async () => {
    [server, browser] = await Promise.all([startLiveServer(), launchBrowser()]);
    id = server.demo.disclosureId;
    editorUrl = `${server.url}/disclosures/${id}`;
    reviewUrl = `${server.url}/disclosures/${id}/review`;
    preparer = await browser.newPage();
    zhuguan = await browser.newPage();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it("the preparer logs in and sees the unit's year on the dashboard", async () => {
    await preparer.goto(`${server.url}/`);
    assert.equal(new URL(preparer.url()).pathname, "/login", "an anonymous visitor is sent to the login page");
    await screenshot(preparer, "e2e-01-login");
    await login(preparer, server.url, "danwei", LIVE_PASSWORD);
    assert.equal(new URL(preparer.url()).pathname, "/");
    const card = preparer.locator("section.unit-card");
    assert.match(await card.innerText(), /汉中市政务服务中心[\s\S]*2023[\s\S]*草稿[\s\S]*第 1 版/);
    await screenshot(preparer, "e2e-02-dashboard");
    await submitAndWait(preparer, preparer.getByRole("link", { name: "打开 2023 年" }));
    assert.equal(preparer.url(), editorUrl);
  });

  it("an upload with one planted mistake is refused at its sheet and cell, and nothing is stored", async () => {
    const { bytes, cell } = await workbook(doc, server, true);
    await upload(preparer, "填报模板-有错.xlsx", bytes);
    const problems = preparer.locator("section.upload-problems");
    assert.match(await problems.locator("h2").innerText(), /上传的模板有问题，未保存/);
    const errors = problems.locator("li.error");
    assert.equal(await errors.count(), 1, `exactly one error: ${await problems.innerText()}`);
    assert.equal(await errors.locator(".where").innerText(), cell, "the problem is at the planted cell");
    assert.match(await errors.innerText(), /“五万元”不是金额/);
    await problems.scrollIntoViewIfNeeded();
    await screenshot(preparer, "e2e-03-upload-problems");
    const stored = await record();
    assert.equal(stored.head, 1, "no version was stored");
    assert.equal((await listVersions(server.ctx.db, id)).length, 1);
  });

  it("the corrected workbook is stored; the editor shows the findings and the required reasons", async () => {
    await preparer.goto(editorUrl);
    const { bytes } = await workbook(doc, server, false);
    await upload(preparer, "填报模板.xlsx", bytes);
    assert.equal(preparer.url(), editorUrl);
    assert.match(await flash(preparer), /保存为第 2 版：0 个错误/);
    assert.equal(await preparer.locator("section.upload-problems").count(), 0);
    assert.equal((await record()).head, 2);
    // Every change from last year is a required reason, none given yet, and submission is blocked.
    const missing = preparer.locator("#reasons tr.missing");
    assert.ok((await missing.count()) >= 10, `required reasons: ${await missing.count()}`);
    assert.match(await missing.first().innerText(), /一般公共预算/);
    assert.match(await preparer.locator("#submit ul.blockers").innerText(), /需要填写增减原因/);
    // The checker's findings are listed beside the form: the narrative states changes without reasons.
    const issues = preparer.locator("#issues");
    assert.match(await issues.locator("h2").innerText(), /0 个错误，[1-9]\d* 个警告/);
    assert.match(await issues.innerText(), /较上年有增减变化，但未说明原因/);
    await screenshot(preparer, "e2e-04-editor-findings");
    await screenshot(preparer.locator("#reasons"), "e2e-05-required-reasons");
  });

  it("live check: a wrong code typed into an expenditure row is marked at once, and nothing is saved", async () => {
    await preparer.goto(`${editorUrl}?section=expenditure#form`);
    const before = await record();
    const code = preparer.locator('input[name="r.0.functionCode"]');
    const original = await code.inputValue();
    assert.match(original, /^\d{7}$/);
    const checked = preparer.waitForResponse((r) => r.url().endsWith("/sections/expenditure/check") && r.status() === 200);
    await code.fill("20103");
    await checked;
    await preparer.locator('input[name="r.0.functionCode"][aria-invalid="true"]').waitFor();
    const note = preparer.locator('input[name="r.0.functionCode"] ~ .live-problem');
    assert.match(await note.innerText(), /7 位/);
    await code.scrollIntoViewIfNeeded();
    await screenshot(preparer, "e2e-06-live-check");
    // A well-formed code that is not in the year's catalog: the checker names the row by its code.
    const rechecked = preparer.waitForResponse((r) => r.url().endsWith("/sections/expenditure/check") && r.status() === 200);
    await code.fill("2010388");
    await rechecked;
    await preparer.locator('tr[data-index="0"].flagged-warning').waitFor();
    const after = await record();
    assert.equal(after.head, before.head, "the live check saved nothing");
    assert.equal((await listVersions(server.ctx.db, id)).length, 2);
    await preparer.goto(editorUrl); // leave without saving
    assert.equal(await preparer.locator('input[name="r.0.functionCode"]').count(), 0, "back on the unit section");
  });

  it("the preparer gives the required reasons, acknowledges the warnings, and submits", async () => {
    // Every reason the narrative will ask for is asked at once: saving them must not make new ones appear.
    let rounds = 0;
    while ((await preparer.locator("#reasons tr.missing").count()) > 0) {
      assert.ok(++rounds <= 3, "the required reasons keep growing");
      for (const area of await preparer.locator("#reasons tr.missing textarea").all()) {
        const label = (await area.getAttribute("aria-label"))!.replace(/的增减原因$/, "");
        await area.fill(`${label}：新增6名工作人员，相应经费增加`);
      }
      await submitAndWait(preparer, preparer.getByRole("button", { name: "保存增减原因" }));
      assert.match(await flash(preparer), /已保存增减原因/);
    }
    assert.equal(rounds, 1, "all required reasons were asked for in the first round");
    assert.equal(await preparer.locator("#reasons tr.missing").count(), 0);
    assert.ok((await preparer.locator("#reasons textarea").count()) >= 10);
    const acks = preparer.locator('#submit input[name^="ack."]');
    assert.ok((await acks.count()) >= 1, "a warning is left to acknowledge");
    for (const input of await acks.all()) await input.fill("变动较小，已在说明中按实际情况表述");
    await preparer.locator("#submit").scrollIntoViewIfNeeded();
    await screenshot(preparer, "e2e-07-ready-to-submit");
    await submitAndWait(preparer, preparer.locator("#submit").getByRole("button", { name: "提交审核" }));
    assert.match(await flash(preparer), /已提交审核/);
    assert.equal((await record()).state, "已提交");
    assert.match(await preparer.locator("p.note").first().innerText(), /正在审核中/);
    assert.equal(await preparer.locator('form[action$="/upload"]').count(), 0, "no upload while under review");
  });

  it("主管部门 finds it in the queue, comments on a cell and returns it", async () => {
    await login(zhuguan, server.url, "zhuguan", LIVE_PASSWORD);
    await submitAndWait(zhuguan, zhuguan.locator("header nav").getByRole("link", { name: "审核队列" }));
    const row = zhuguan.locator(`#mine tr[data-disclosure="${id}"]`);
    assert.match(await row.innerText(), /汉中市政务服务中心[\s\S]*已提交[\s\S]*主管部门审核通过/);
    await screenshot(zhuguan, "e2e-08-review-queue");
    await submitAndWait(zhuguan, row.getByRole("link", { name: "审核" }));
    assert.equal(zhuguan.url(), reviewUrl);
    const cell = zhuguan.locator(`button.cell-pick[data-table="${CELL.table}"][data-row="${CELL.row}"][data-column="${CELL.column}"]`);
    await cell.click();
    const form = zhuguan.locator("form.comment-form");
    assert.equal(await form.locator('input[name=anchor_kind][value="cell"]').isChecked(), true, "picking the cell anchors the comment there");
    assert.match(await form.locator(".picked-cell").innerText(), /表5 2010350 事业运行 · 合计/);
    await form.locator("textarea[name=body]").fill(COMMENT);
    await submitAndWait(zhuguan, form.getByRole("button", { name: "添加批注" }));
    assert.match(await flash(zhuguan), /批注已添加/);
    const [stored] = await listComments(server.ctx.db, id);
    assert.deepEqual(stored?.anchor, { kind: "cell", ...CELL });
    assert.equal(stored?.body, COMMENT);
    // The comment sits on its cell in the grid and in the list of comments.
    const td = zhuguan.locator(`#grid-5 tr[data-row="${CELL.row}"] td[data-column="${CELL.column}"]`);
    assert.match((await td.getAttribute("class")) ?? "", /has-comment/);
    assert.match(await td.locator(".mark.comment").innerText(), new RegExp(COMMENT));
    assert.match(await zhuguan.locator("#comments .comment-list").innerText(), /表5[\s\S]*2010350 事业运行 · 合计/);
    await td.scrollIntoViewIfNeeded();
    await screenshot(zhuguan, "e2e-09-review-comment");
    const back = zhuguan.locator('form[action$="/return"]');
    await back.locator("textarea[name=comment]").fill(RETURN_NOTE);
    await submitAndWait(zhuguan, back.getByRole("button", { name: "退回修改" }));
    assert.match(await flash(zhuguan), /已退回/);
    assert.equal((await record()).state, "草稿");
  });

  it("the preparer sees the comment at its cell, fixes the reason in the web form and resubmits", async () => {
    await preparer.goto(editorUrl);
    const returned = preparer.locator("section.returned");
    assert.match(await returned.innerText(), new RegExp(RETURN_NOTE));
    assert.match(await returned.innerText(), new RegExp(COMMENT));
    // Where the comment is, in the preparer's words: the table, the row and the column's heading.
    assert.match(await returned.locator(".comments .where").innerText(), /表5 [^·]*· 2010350 事业运行 · 合计/);
    const td = preparer.locator(`#grid-5 tr[data-row="${CELL.row}"] td[data-column="${CELL.column}"]`);
    assert.match((await td.getAttribute("class")) ?? "", /has-comment/, "the commented cell is marked");
    assert.match(await td.locator(".mark.comment").innerText(), new RegExp(COMMENT));
    await screenshot(preparer, "e2e-10-returned-editor");
    await td.scrollIntoViewIfNeeded();
    await screenshot(preparer, "e2e-11-returned-cell");
    const head = (await record()).head;
    const reason = preparer.locator('#reasons textarea[name="reason.function:2010350"]');
    await reason.fill(BETTER_REASON);
    await submitAndWait(preparer, preparer.getByRole("button", { name: "保存增减原因" }));
    assert.equal((await record()).head, head + 1);
    const saved = await versionOf<BudgetDocument>(server.ctx.db, id, head + 1);
    assert.equal(saved?.document.reasons["function:2010350"], BETTER_REASON);
    for (const input of await preparer.locator('#submit input[name^="ack."]').all()) await input.fill("变动较小，已在说明中按实际情况表述");
    await submitAndWait(preparer, preparer.locator("#submit").getByRole("button", { name: "提交审核" }));
    assert.match(await flash(preparer), /已提交审核/);
    assert.equal((await record()).state, "已提交");
  });

  it("主管部门, 保密审查 and 负责人 approve in turn, and the last step publishes", async () => {
    await zhuguan.goto(reviewUrl);
    assert.match(await zhuguan.locator("#reasons").innerText(), new RegExp(BETTER_REASON));
    // The page the public will get, as the reviewer previews it now.
    const preview = await zhuguan.request.get(`${server.url}/disclosures/${id}/preview`);
    assert.equal(preview.status(), 200);
    previewSeenByReviewer = await preview.text();
    const approve = async (page: Page, action: string, to: string) => {
      await page.goto(reviewUrl);
      await submitAndWait(page, page.locator('form[action$="/advance"]').getByRole("button", { name: action }));
      assert.match(await flash(page), to === "已公开" ? /已公开/ : new RegExp(`已完成“${action}”`));
      assert.equal((await record()).state, to);
    };
    await approve(zhuguan, "主管部门审核通过", "主管部门审核");
    const baomi = await browser.newPage();
    await login(baomi, server.url, "baomi", LIVE_PASSWORD);
    await approve(baomi, "保密审查通过", "保密审查");
    const fuzeren = await browser.newPage();
    await login(fuzeren, server.url, "fuzeren", LIVE_PASSWORD);
    await approve(fuzeren, "负责人审签", "负责人审签");
    await approve(fuzeren, "公开", "已公开");
    const publications = await listPublications(server.ctx.db, id);
    assert.equal(publications.length, 1);
    assert.equal(publications[0]!.versionNumber, (await record()).head);
  });

  it("anyone, without logging in, reads the published page: the preview the reviewer saw, byte for byte", async () => {
    const visitor = await browser.newPage();
    await visitor.goto(`${server.url}/published`);
    assert.equal(new URL(visitor.url()).pathname, "/published", "no login asked");
    await submitAndWait(visitor, visitor.getByRole("link", { name: /汉中市政务服务中心 2023 年预算公开/ }));
    assert.equal(new URL(visitor.url()).pathname, `/published/${id}/1`);
    const text = await visitor.locator("body").innerText();
    assert.match(text, /汉中市政务服务中心/);
    assert.match(text, /2,259,811\.00/, "the total of 225,981,100 fen, in 元");
    assert.match(text, /保密审查情况[：:\s]*已审查/);
    assert.match(text, /审签情况[：:\s]*已审签/);
    assert.match(text, new RegExp(BETTER_REASON), "the narrative carries the reason as resubmitted");
    await screenshot(visitor, "e2e-12-published");
    const published = await visitor.request.get(`${server.url}/published/${id}/1`);
    assert.equal(published.status(), 200);
    const body = await published.text();
    assert.ok(previewSeenByReviewer.length > 1000);
    assert.equal(body, previewSeenByReviewer, "the published page is exactly the preview");
  });
});
