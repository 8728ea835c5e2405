/**
 * What anyone may read, over HTTP on both engines: the list of published disclosures, each publication
 * byte for byte as stored (and as the preview showed it before publication), corrections as new
 * publications with their note while the first stays as it was, and the rule pages.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, it } from "node:test";
import { reopen, saveVersion } from "../../src/app/disclosures.ts";
import { listPublications } from "../../src/store/repositories/publications.ts";
import { type AppFixture, type Browser, changedDemo, makeApp } from "../support/app-fixture.ts";
import { forEachEngine } from "../support/engines.ts";

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

forEachEngine("public pages", (open) => {
  let f: AppFixture;
  let id: number;
  let anonymous: Browser;
  let firstHtml: string;

  before(async () => {
    f = await makeApp({ db: await open() });
    id = f.demo.disclosureId;
    anonymous = f.anonymous();
  });
  after(() => f.close());

  it("before anything is published there is nothing to see, and no page for the disclosure", async () => {
    const list = await anonymous.get("/published");
    assert.equal(list.status, 200);
    assert.match(await list.text(), /还没有已公开的预算/);
    for (const path of [`/published/${id}`, `/published/${id}/1`, `/published/${id}/history`]) assert.equal((await anonymous.get(path)).status, 404, path);
  });

  it("a publication is served exactly as stored, equal to the preview the last reviewer saw, cacheable by anyone", async () => {
    await f.advanceTo(id, "负责人审签");
    const fuzeren = await f.loginAs("fuzeren");
    const preview = await fuzeren.get(`/disclosures/${id}/preview`);
    assert.equal(preview.status, 200);
    const previewHtml = await preview.text();
    await f.advanceTo(id, "已公开");
    const [publication] = await listPublications(f.db, id, true);
    assert.ok(publication);
    firstHtml = publication.html;
    const res = await anonymous.get(`/published/${id}/1`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get("content-type"), "text/html; charset=utf-8");
    assert.match(res.headers.get("cache-control") ?? "", /^public/);
    const body = await res.text();
    assert.equal(body, firstHtml);
    assert.equal(body, previewHtml);
    // Signed in, the same bytes and still cacheable (the page does not depend on who reads it).
    const signedIn = await fuzeren.get(`/published/${id}/1`);
    assert.match(signedIn.headers.get("cache-control") ?? "", /^public/);
    assert.equal(await signedIn.text(), firstHtml);
  });

  it("the list links the published disclosure; its bare address leads to the current publication", async () => {
    const list = await (await anonymous.get("/published")).text();
    assert.match(list, new RegExp(`<a href="/published/${id}/1">汉中市政务服务中心 2023 年预算公开</a>`));
    assert.match(list, /<h2>2023 年<\/h2>/);
    const res = await anonymous.get(`/published/${id}`);
    assert.equal(res.status, 302);
    assert.equal(res.headers.get("location"), `/published/${id}/1`);
  });

  it("a correction is a new publication with its note; the first stays exactly as it was", async () => {
    const preparer = await f.user("danwei");
    await reopen(f.ctx, preparer, id, "更正：表5 事业运行数额有误");
    await saveVersion(f.ctx, preparer, f.demo.unitId, changedDemo(10000), 1, "表单");
    await f.advanceTo(id, "已公开");
    const res = await anonymous.get(`/published/${id}`);
    assert.equal(res.headers.get("location"), `/published/${id}/2`);
    const second = await (await anonymous.get(`/published/${id}/2`)).text();
    assert.notEqual(second, firstHtml);
    assert.match(second, /2,259,911\.00/);
    assert.equal(await (await anonymous.get(`/published/${id}/1`)).text(), firstHtml);
    const history = await (await anonymous.get(`/published/${id}/history`)).text();
    assert.match(history, new RegExp(`<a href="/published/${id}/2">第 2 次发布</a> <span class="state">现行</span>`));
    assert.match(history, new RegExp(`<a href="/published/${id}/1">第 1 次发布</a> ·`));
    assert.match(history, /更正说明：更正：表5 事业运行数额有误/);
    assert.match(await (await anonymous.get("/published")).text(), /2 次（含更正）/);
  });

  it("addresses that are not a publication are 404, never an error", async () => {
    for (const path of [`/published/${id}/3`, `/published/${id}/0`, `/published/${id}/abc`, "/published/abc/1", "/published/99999", "/published/99999/history", "/published/1%27/1"]) {
      assert.equal((await anonymous.get(path)).status, 404, path);
    }
  });

  it("a rule's page shows its documentation as escaped text; only registered rule ids are read", async () => {
    const res = await anonymous.get("/rules/row-total");
    assert.equal(res.status, 200);
    const page = await res.text();
    const doc = readFileSync(new URL("../../docs/rules/row-total.md", import.meta.url), "utf8");
    assert.ok(page.includes(`<pre class="rule-doc">${escapeHtml(doc)}</pre>`));
    for (const path of ["/rules/README", "/rules/no-such-rule", "/rules/..%2F..%2Fpackage.json", "/rules/..%2F..%2F..%2Fetc%2Fpasswd", "/rules/row-total.md"]) {
      assert.equal((await anonymous.get(path)).status, 404, path);
    }
  });
});
