/**
 * Text a user types is inert wherever it comes back. Each free-text field — the unit's name, duties,
 * organisation and tasks, a project's name and description, an indicator's content, a year-over-year
 * reason, a warning's acknowledgement, a reviewer's comments (on a cell, a table, a section), a return
 * and an approval note — is typed through the app's own forms as `<script>alert(1)</script>` and, in a
 * second round, as `=HYPERLINK("http://evil","x")`, each followed by the field's name (名称, 职责 …) so
 * every field can be found again. The disclosure then goes through review to publication.
 *
 * - HTML (every page of the app that shows it, the preview and the published page): the markup holds
 *   no `<script>alert`, every script element is the app's own /static/app.js, no element has an event
 *   handler attribute or a link to the payload's address, and the typed text is there as text.
 * - PDF (pdfmake) and DOCX of the published version: the text is there literally (pdftotext; the
 *   document.xml, XML-escaped), and neither holds a link, a script action or a Word field code.
 * - XLSX, the published workbook and the template the app serves: every cell holding the text is a
 *   string (not a formula) with the text exactly as typed, and no formula in the workbook mentions it.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import ExcelJS from "exceljs";
import { type DefaultTreeAdapterTypes, parse } from "parse5";
import { readDemoDocument } from "../../src/app/demo.ts";
import { evaluateFor, publishedPage, saveVersion, type StoredVersion } from "../../src/app/disclosures.ts";
import type { BudgetDocument } from "../../src/model/budget-document.ts";
import { renderPublishedDocx } from "../../src/renderers/docx/render-published-docx.ts";
import { renderPublishedPdf } from "../../src/renderers/pdf/render-published-pdf.ts";
import { renderPublishedXlsx } from "../../src/renderers/xlsx/render-published-xlsx.ts";
import { formValues } from "../../src/server/forms/form-engine.ts";
import { sectionById } from "../../src/server/forms/sections.ts";
import { disclosureById, versionOf } from "../../src/store/repositories/disclosures.ts";
import { type AppFixture, type Browser, makeApp } from "../support/app-fixture.ts";

const PAYLOADS = [
  { name: "script", text: "<script>alert(1)</script>", year: 2024 },
  { name: "formula", text: '=HYPERLINK("http://evil","x")', year: 2025 },
] as const;

/** The fields, by the word that follows the payload in each. */
const DOCUMENT_FIELDS = ["名称", "职责", "机构", "任务", "项目", "简介", "指标", "原因"] as const;
const dir = mkdtempSync(join(tmpdir(), "gongkai-inert-"));

// --- HTML ----------------------------------------------------------------------------------------

type Node = DefaultTreeAdapterTypes.ChildNode | DefaultTreeAdapterTypes.Document;

interface HtmlReading {
  /** Every text node and attribute value, as the browser reads them (entities decoded). */
  readonly text: string;
  readonly scripts: { src: string | undefined; body: string }[];
  readonly handlers: string[];
  readonly links: string[];
}

function readHtml(html: string): HtmlReading {
  const texts: string[] = [];
  const scripts: HtmlReading["scripts"] = [];
  const handlers: string[] = [];
  const links: string[] = [];
  const walk = (node: Node) => {
    if ("tagName" in node) {
      for (const attr of node.attrs) {
        texts.push(attr.value);
        if (/^on/i.test(attr.name)) handlers.push(`${node.tagName} ${attr.name}`);
        if (["href", "src", "action", "formaction", "xlink:href"].includes(attr.name)) links.push(attr.value);
      }
      if (node.tagName === "script") {
        const body = node.childNodes.map((c) => ("value" in c ? c.value : "")).join("");
        scripts.push({ src: node.attrs.find((a) => a.name === "src")?.value, body });
      }
    }
    if (node.nodeName === "#text" && "value" in node) texts.push(node.value);
    if ("childNodes" in node) for (const child of node.childNodes) walk(child);
  };
  walk(parse(html));
  return { text: texts.join("\n"), scripts, handlers, links };
}

/** Asserts the page is inert and shows each of `expected` (typed texts) as text. */
function assertInertHtml(html: string, where: string, expected: readonly string[] = []): void {
  assert.doesNotMatch(html, /<script>alert/i, `${where}: the typed <script> is markup`);
  const page = readHtml(html);
  for (const s of page.scripts) assert.ok(s.src === "/static/app.js" && s.body.trim() === "", `${where}: a script other than the app's own: ${JSON.stringify(s)}`);
  assert.deepEqual(page.handlers, [], `${where}: event handler attributes`);
  assert.deepEqual(page.links.filter((l) => /evil|javascript:/i.test(l)), [], `${where}: a link made from typed text`);
  for (const text of expected) assert.ok(page.text.includes(text), `${where}: “${text}” is not shown as text`);
}

// --- the files -----------------------------------------------------------------------------------

function unzip(bytes: Buffer, part: string): string {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.zip`);
  writeFileSync(file, bytes);
  return execFileSync("unzip", ["-p", file, part], { maxBuffer: 256 * 1024 * 1024, encoding: "utf8" });
}

function zipParts(bytes: Buffer): string[] {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.zip`);
  writeFileSync(file, bytes);
  return execFileSync("unzip", ["-Z1", file], { encoding: "utf8" }).split("\n").filter(Boolean);
}

const xmlEscape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * Every cell of the workbook whose text contains `payload`: each must be a string cell, not a formula,
 * with the text as typed. Returns the texts found. The sheets' XML is read too: no formula mentions it.
 */
async function assertInertWorkbook(bytes: Buffer, payload: string, where: string): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as never);
  const found: string[] = [];
  workbook.eachSheet((sheet) => {
    sheet.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.isMerged && cell.master !== cell) return; // the master cell holds the value
        const value = cell.value;
        const formula = cell.formula ?? (value && typeof value === "object" && "formula" in value ? String(value.formula) : undefined);
        if (formula !== undefined) {
          assert.ok(!formula.includes("HYPERLINK") && !formula.includes("evil") && !formula.includes("script"), `${where} ${sheet.name}!${cell.address}: a formula from typed text: ${formula}`);
          return;
        }
        if (typeof value === "string" && value.includes(payload)) {
          assert.equal(cell.type, ExcelJS.ValueType.String, `${where} ${sheet.name}!${cell.address} is not a text cell`);
          found.push(value);
        } else if (value && typeof value === "object" && "richText" in value) {
          // Rich text is text too; counted as found.
          const text = value.richText.map((r) => r.text).join("");
          if (text.includes(payload)) found.push(text);
        } else if (value && typeof value === "object" && "hyperlink" in value) {
          assert.ok(!String(value.hyperlink).includes("evil"), `${where} ${sheet.name}!${cell.address}: a hyperlink from typed text`);
        }
      });
    });
  });
  for (const part of zipParts(bytes).filter((p) => /^xl\/worksheets\/.*\.xml$/.test(p))) {
    const xml = unzip(bytes, part);
    for (const formula of xml.matchAll(/<f[^>]*>([^<]*)<\/f>/g)) assert.ok(!/HYPERLINK|evil|script/i.test(formula[1]!), `${where} ${part}: formula ${formula[1]}`);
    assert.ok(!/<hyperlink\b[^>]*>/.test(xml) || !xml.includes("evil"), `${where} ${part}: a hyperlink`);
  }
  const rels = zipParts(bytes).filter((p) => p.endsWith(".rels")).map((p) => unzip(bytes, p)).join("\n");
  assert.ok(!rels.includes("evil"), `${where}: a relationship to the typed address`);
  return found;
}

// --- the flow ------------------------------------------------------------------------------------

/** The demonstration's document for `year`, without its reason for 商品和服务支出 (302), so one warning is left to acknowledge. */
function startingDocument(year: number): BudgetDocument {
  const doc = structuredClone(readDemoDocument()) as BudgetDocument & { year: number; reasons: Record<string, string> };
  doc.year = year;
  delete doc.reasons["deptEconomic:302"];
  return doc;
}

const ackNames = (page: string) => [...page.matchAll(/name="(ack\.[^"]+)"/g)].map((m) => m[1]!);

describe("text typed into every free-text field comes back inert", () => {
  let f: AppFixture;
  let danwei: Browser, zhuguan: Browser, baomi: Browser, fuzeren: Browser, admin: Browser;

  before(async () => {
    f = await makeApp();
    [danwei, zhuguan, baomi, fuzeren, admin] = (await Promise.all(["danwei", "zhuguan", "baomi", "fuzeren", "admin"].map((u) => f.loginAs(u)))) as [Browser, Browser, Browser, Browser, Browser];
  });
  after(async () => {
    await f.close();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const payload of PAYLOADS) {
    describe(`typed as ${payload.text}`, () => {
      const typed = (field: string) => `${payload.text}${field}`;
      let id: number;
      let published: StoredVersion;
      const head = async () => (await disclosureById(f.db, id))!.head;
      const doc = async () => (await versionOf<BudgetDocument>(f.db, id, await head()))!.document;
      const get = async (browser: Browser, path: string, status = 200) => {
        const res = await browser.get(path);
        assert.equal(res.status, status, `${browser.username ?? "anonymous"} ${path}`);
        return res.text();
      };
      const post = async (browser: Browser, path: string, form: Record<string, string>) => {
        const res = await browser.post(path, form);
        assert.equal(res.status, 303, `${path}: ${res.status} ${res.status === 303 ? "" : (await res.text()).match(/role="alert">([^<]*)/)?.[1] ?? ""}`);
        const page = await (await browser.follow(res)).text();
        assert.doesNotMatch(page, /class="flash error"/, `${path}: ${page.match(/class="flash error"[^>]*>([^<]*)/)?.[1]}`);
        return page;
      };

      before(async () => {
        const saved = await saveVersion(f.ctx, await f.user("danwei"), f.demo.unitId, startingDocument(payload.year), 0, "表单");
        id = saved.disclosure.id;
      });

      it("the preparer types it into the unit's, the projects' and the indicators' fields and the reasons", async () => {
        const unit = sectionById("unit")!;
        const unitValues = formValues(unit, await doc());
        const duties = unitValues["f.duties"]!.split("\n");
        await post(danwei, `/disclosures/${id}/sections/unit`, {
          ...unitValues,
          "f.name": typed("名称"),
          "f.duties": [typed("职责"), ...duties.slice(1)].join("\n"),
          "f.organisation": typed("机构"),
          "f.tasks": typed("任务"),
          _head: String(await head()),
        });
        const projects = formValues(sectionById("projects")!, await doc());
        await post(danwei, `/disclosures/${id}/sections/projects`, { ...projects, "r.0.name": typed("项目"), "r.0.description": typed("简介"), _head: String(await head()) });
        const indicators = formValues(sectionById("indicators")!, await doc());
        await post(danwei, `/disclosures/${id}/sections/indicators`, { ...indicators, "r.0.content": typed("指标"), _head: String(await head()) });
        // Every required reason, until none is missing (giving some can make others appear).
        for (let round = 0; round < 3; round += 1) {
          const required = (await evaluateFor(f.ctx, await doc())).required;
          const reasons = Object.fromEntries(required.filter((r) => round === 0 || r.reason === "").map((r) => [`reason.${r.key}`, typed("原因")]));
          if (Object.keys(reasons).length === 0) break;
          await post(danwei, `/disclosures/${id}/reasons`, { ...reasons, _head: String(await head()) });
        }
        const stored = await doc();
        assert.equal(stored.unit.name, typed("名称"));
        assert.equal(stored.unit.duties[0], typed("职责"));
        assert.equal(stored.projects[0]!.name, typed("项目"));
        assert.equal(stored.projects[0]!.indicators[0]!.content, typed("指标"));
        assert.equal(stored.reasons["generalBudgetExpenditure"], typed("原因"));
      });

      it("the editor shows it inert in every section, and the acknowledgement is typed too", async () => {
        const sections: Record<string, readonly string[]> = { unit: ["名称", "职责", "机构", "任务"], projects: ["项目", "简介"], indicators: ["指标"] };
        for (const [section, fields] of Object.entries(sections)) {
          const page = await get(danwei, `/disclosures/${id}?section=${section}`);
          assertInertHtml(page, `editor ?section=${section}`, [...fields.map(typed), typed("原因")]);
        }
        const editor = await get(danwei, `/disclosures/${id}`);
        const acks = ackNames(editor);
        assert.ok(acks.length >= 1, "a warning to acknowledge");
        await post(danwei, `/disclosures/${id}/submit`, { ...Object.fromEntries(acks.map((n) => [n, typed("理由")])), _head: String(await head()) });
        assert.equal((await disclosureById(f.db, id))!.state, "已提交");
      });

      it("the reviewer's comments, return note and approval notes are inert on the review page and the editor", async () => {
        const narrative = (await evaluateFor(f.ctx, await doc())).disclosure!.narrative;
        const comments: Record<string, string>[] = [
          { anchor_kind: "cell", table: "5", row: "|2010350", column: "total", body: typed("批注单元格") },
          { anchor_kind: "table", table: "13-1", body: typed("批注表") },
          { anchor_kind: "section", section: narrative[0]!.path.join(" "), body: typed("批注章节") },
        ];
        for (const comment of comments) await post(zhuguan, `/disclosures/${id}/comments`, comment);
        const review = await get(zhuguan, `/disclosures/${id}/review`);
        assertInertHtml(review, "review page", [...comments.map((c) => c["body"]!), typed("理由"), typed("原因"), typed("项目"), typed("指标")]);
        await post(zhuguan, `/disclosures/${id}/return`, { state: "已提交", comment: typed("退回") });
        const editor = await get(danwei, `/disclosures/${id}`);
        assertInertHtml(editor, "returned editor", [typed("退回"), typed("批注单元格"), typed("批注表")]);
        // Resubmit (the acknowledgements belong to a version: given again) and approve to publication.
        await post(danwei, `/disclosures/${id}/submit`, { ...Object.fromEntries(ackNames(editor).map((n) => [n, typed("理由")])), _head: String(await head()) });
        const steps = [
          [zhuguan, "已提交"],
          [baomi, "主管部门审核"],
          [fuzeren, "保密审查"],
          [fuzeren, "负责人审签"],
        ] as const;
        for (const [reviewer, state] of steps) await post(reviewer, `/disclosures/${id}/advance`, { state, comment: typed(`意见${state}`) });
        assert.equal((await disclosureById(f.db, id))!.state, "已公开");
        assertInertHtml(await get(zhuguan, `/disclosures/${id}/review`), "review page after publication", [typed("意见已提交"), typed("退回"), typed("批注章节")]);
        published = (await versionOf<BudgetDocument>(f.db, id, await head())) as StoredVersion;
      });

      it("the preview and the published page are inert and the same", async () => {
        const preview = await get(danwei, `/disclosures/${id}/preview`);
        const page = await get(f.anonymous(), `/published/${id}/1`);
        assert.equal(page, preview);
        assertInertHtml(page, "published page", DOCUMENT_FIELDS.map(typed));
        for (const [who, path] of [
          [f.anonymous(), "/published"],
          [f.anonymous(), `/published/${id}/history`],
          [danwei, "/"],
          [zhuguan, "/"],
          [zhuguan, "/review"],
          [zhuguan, "/departments"],
          [admin, "/admin/audit"],
          [admin, `/disclosures/${id}/review`],
        ] as const) {
          assertInertHtml(await get(who, path), path);
        }
      });

      it("the PDF holds it as literal text, and no link or action", async () => {
        const { disclosure } = await publishedPage(f.ctx, published);
        const pdf = await renderPublishedPdf(disclosure);
        const file = join(dir, `${payload.name}.pdf`);
        writeFileSync(file, pdf);
        const text = execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }).replace(/\s+/g, "");
        for (const field of DOCUMENT_FIELDS) assert.ok(text.includes(typed(field).replace(/\s+/g, "")), `PDF: ${typed(field)}`);
        const raw = pdf.toString("latin1");
        for (const active of ["/JavaScript", "/JS ", "/JS(", "/Launch", "/URI", "/SubmitForm", "/OpenAction"]) assert.ok(!raw.includes(active), `PDF has ${active}`);
      });

      it("the DOCX holds it as escaped text, and no hyperlink or field code", async () => {
        const { disclosure } = await publishedPage(f.ctx, published);
        const docx = await renderPublishedDocx(disclosure);
        const xml = unzip(docx, "word/document.xml");
        for (const field of DOCUMENT_FIELDS) assert.ok(xml.includes(xmlEscape(typed(field))) || xml.includes(xmlEscape(typed(field)).replace(/"/g, "&quot;")), `DOCX: ${typed(field)}`);
        assert.doesNotMatch(xml, /<script/i);
        assert.doesNotMatch(xml, /<w:hyperlink|<w:fldSimple|<w:instrText|<w:fldChar/, "a hyperlink or a field code");
        const rels = unzip(docx, "word/_rels/document.xml.rels");
        assert.ok(!rels.includes("evil"), "a relationship to the typed address");
      });

      it("the published XLSX holds it in string cells, never a formula", async () => {
        const { disclosure } = await publishedPage(f.ctx, published);
        const found = await assertInertWorkbook(await renderPublishedXlsx(disclosure), payload.text, "published xlsx");
        // The workbook has the tables (not the narrative): the unit's name, the project and the indicator.
        for (const field of ["名称", "项目", "简介", "指标"]) assert.ok(found.some((t) => t.includes(typed(field))), `published xlsx: ${typed(field)}`);
        assert.ok(found.some((t) => t === typed("项目") || t === typed("指标")), "a cell holding exactly what was typed (a leading = included)");
      });

      it("the template the app serves holds every field in string cells, never a formula", async () => {
        const res = await danwei.get(`/disclosures/${id}/template.xlsx`);
        assert.equal(res.status, 200);
        const found = await assertInertWorkbook(Buffer.from(await res.arrayBuffer()), payload.text, "template");
        for (const field of DOCUMENT_FIELDS) assert.ok(found.some((t) => t.includes(typed(field))), `template: ${typed(field)}`);
        assert.ok(found.includes(typed("名称")), "the unit's name exactly as typed");
      });
    });
  }
});
