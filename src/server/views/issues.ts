/**
 * The checker's findings and the document's problems as the app lists them, each with where it is:
 * a form field (a problem's JSON path, or a workbook cell) or a table cell (a finding).
 */
import { html } from "hono/html";
import type { Issue } from "../../app/evaluate.ts";
import type { Table } from "../../model/table.ts";
import type { CommentRecord } from "../../store/repositories/reviews.ts";
import { type CellMark, markOfCell } from "./grid.ts";
import type { Markup } from "./layout.ts";

const SEVERITY = { error: "错误", warning: "警告", info: "提示" } as const;

/** A JSON path as the preparer knows it: `$.expenditure[3].functionCode` → 支出明细 第 4 行 功能科目编码. */
const SECTION_NAMES: Record<string, string> = {
  unit: "单位信息",
  revenue: "收入",
  expenditure: "支出明细",
  projects: "项目",
  overallTargets: "整体绩效目标",
  specialFunds: "专项资金",
  procurement: "政府采购",
  assets: "资产",
  prior: "上年数",
  reasons: "增减原因",
  emptyTables: "空表说明",
  fiscalCarryForward: "财政拨款结转",
  carryForward: "结转下年",
  year: "年度",
};
const FIELD_NAMES: Record<string, string> = {
  functionCode: "功能科目编码",
  functionName: "功能科目名称",
  deptEconomicCode: "部门经济科目编码",
  deptEconomicName: "部门经济科目名称",
  govEconomicCode: "政府经济科目编码",
  govEconomicName: "政府经济科目名称",
  fundSource: "资金来源",
  nature: "支出性质",
  amount: "金额",
  source: "收入来源",
  name: "名称",
  project: "所属项目",
};

export function describePath(path: string): string {
  const m = /^\$\.(\w+)(?:\[(\d+)\])?(?:\.(\w+))?/.exec(path);
  if (!m) return path;
  const [, section, index, field] = m;
  return [SECTION_NAMES[section!] ?? section, index !== undefined ? `第 ${Number(index) + 1} 行` : "", field ? (FIELD_NAMES[field] ?? field) : ""].filter(Boolean).join(" ");
}

/** The form field a problem concerns: `$.expenditure[3].functionCode` → `expenditure[3].functionCode`. */
export const fieldOfPath = (path: string) => (path.startsWith("$.") ? path.slice(2) : path);

export function whereOf(issue: Issue): string {
  if (issue.kind === "problem") return issue.path.startsWith("$") ? describePath(issue.path) : issue.path;
  const cells = issue.finding.cells;
  if (cells.length === 0) {
    // Narrative findings name their section in the message already.
    const path = issue.finding.narrative?.path.join(" ");
    return path && !issue.message.includes(path.replace(/\s+/g, "")) && !issue.message.includes(path) ? `说明 ${path}` : "";
  }
  const c = cells[0]!;
  return `表${c.table}${c.instance ? `（${c.instance}）` : ""} ${[c.rowCode, c.rowLabel].filter(Boolean).join(" ")}${c.column ? ` · ${c.column}` : ""}${cells.length > 1 ? ` 等 ${cells.length} 处` : ""}`;
}

/** Marks for the grids: every cell a finding names, and every anchored comment. */
export function marksFor(tables: readonly Table[], issues: readonly Issue[], comments: readonly CommentRecord[] = []): CellMark[] {
  const marks: CellMark[] = [];
  for (const issue of issues) {
    if (issue.kind !== "finding") continue;
    for (const cell of issue.finding.cells) {
      const at = markOfCell(tables, cell);
      if (at) marks.push({ ...at, severity: issue.severity, text: issue.message });
    }
  }
  for (const c of comments) {
    const a = c.anchor;
    if (a.kind === "cell") marks.push({ table: a.table, row: a.row, column: a.column, severity: "comment", text: `${c.authorName ?? ""}：${c.body}` });
    else if (a.kind === "table") marks.push({ table: a.table, row: "", column: "", severity: "comment", text: `${c.authorName ?? ""}：${c.body}` });
  }
  return marks;
}

export function issueList(issues: readonly Issue[], options: { id?: string; empty?: string } = {}): Markup {
  const order = { error: 0, warning: 1, info: 2 } as const;
  const sorted = [...issues].sort((a, b) => order[a.severity] - order[b.severity]);
  const count = (s: Issue["severity"]) => issues.filter((i) => i.severity === s).length;
  return html`<section class="issues" id="${options.id ?? "issues"}" aria-live="polite">
<h2>校验结果 <small>${count("error")} 个错误，${count("warning")} 个警告，${count("info")} 个提示</small></h2>
${sorted.length === 0
  ? html`<p class="ok">${options.empty ?? "未发现问题。"}</p>`
  : html`<ul class="issue-list">${sorted.map(
      (i) => html`<li class="${i.severity}" data-key="${i.key}"${i.kind === "problem" && i.path.startsWith("$") ? html` data-field="${fieldOfPath(i.path)}"` : ""}><span class="sev">${SEVERITY[i.severity]}</span> <span class="where">${whereOf(i)}</span> ${i.message}${i.kind === "finding" ? html` <a class="rule" href="/rules/${i.finding.ruleId}">${i.finding.ruleId}</a>` : ""}</li>`,
    )}</ul>`}
</section>`;
}
