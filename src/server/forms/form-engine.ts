/**
 * Renders a section of the BudgetDocument as a form and parses the submission back into the document.
 * Field names: `f.<key>` in an object section, `r.<row>.<key>` in the others. Parsing never throws: a
 * value that is not what its field takes comes back as a problem at that field, with everything the
 * preparer typed kept, so nothing is lost.
 */
import { html } from "hono/html";
import type { BudgetDocument } from "../../model/budget-document.ts";
import { type Fen, formatYuan, parseYuan } from "../../model/money.ts";
import type { Markup } from "../views/layout.ts";
import type { FieldSpec, PickerList, SectionSpec } from "./sections.ts";

/** The raw text of every field of a form, by field name. */
export type FormValues = Record<string, string>;

export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

/** Fields of a row the form does not show, kept from the row the form was made from. */
const KEPT: Record<string, readonly string[]> = {
  revenue: ["unit"],
  expenditure: ["unit"],
  projects: ["unit", "indicators"],
  procurement: ["unit", "project"],
};
export const BLANK_ROWS = 3;

function get(value: unknown, path: string): unknown {
  let v = value;
  for (const part of path.split(".").filter(Boolean)) v = v === null || typeof v !== "object" ? undefined : (v as Record<string, unknown>)[part];
  return v;
}

function set(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split(".");
  let o = target;
  for (const part of parts.slice(0, -1)) {
    if (o[part] === null || typeof o[part] !== "object") o[part] = {};
    o = o[part] as Record<string, unknown>;
  }
  if (value === undefined) delete o[parts.at(-1)!];
  else o[parts.at(-1)!] = value;
}

function toText(field: FieldSpec, value: unknown): string {
  if (value === undefined || value === null) return "";
  switch (field.kind) {
    case "amount":
      return formatYuan(value as Fen, { separators: false });
    case "lines":
      return Array.isArray(value) ? value.join("\n") : String(value);
    case "checkbox":
      return value ? "on" : "";
    default:
      return String(value);
  }
}

/** The rows (each a record by field key) a section shows of the document. */
function rowsOf(section: SectionSpec, doc: BudgetDocument): Record<string, unknown>[] {
  const at = section.path === "" ? doc : get(doc, section.path);
  if (section.kind === "rows") return Array.isArray(at) ? (at as Record<string, unknown>[]) : [];
  if (section.kind === "map") return Object.entries((at ?? {}) as Record<string, unknown>).map(([key, value]) => ({ key, value }));
  if (section.kind === "indicators")
    return doc.projects.flatMap((p) => p.indicators.map((i) => ({ project: p.id, ...i })));
  return [];
}

/** The form's values for the document as it is. */
export function formValues(section: SectionSpec, doc: BudgetDocument): FormValues {
  const out: FormValues = {};
  if (section.kind === "object") {
    const at = section.path === "" ? doc : get(doc, section.path);
    for (const field of section.fields) out[`f.${field.key}`] = toText(field, get(at, field.key));
    return out;
  }
  rowsOf(section, doc).forEach((row, i) => {
    for (const field of section.fields) out[`r.${i}.${field.key}`] = toText(field, get(row, field.key));
    out[`r.${i}._orig`] = String(i);
  });
  return out;
}

/** Collects the form's fields from a parsed body (ignoring files and everything else). */
export function valuesFromBody(body: Record<string, unknown>): FormValues {
  const out: FormValues = {};
  for (const [name, value] of Object.entries(body)) if (/^(f|r)\./.test(name) && typeof value === "string") out[name] = value;
  return out;
}

function rowIndices(values: FormValues): number[] {
  const set = new Set<number>();
  for (const name of Object.keys(values)) {
    const m = /^r\.(\d+)\./.exec(name);
    if (m) set.add(Number(m[1]));
  }
  return [...set].sort((a, b) => a - b);
}

function parseField(field: FieldSpec, text: string, name: string, problems: FieldProblem[]): unknown {
  const t = text.trim();
  if (field.kind === "checkbox") return t !== "" ? true : undefined;
  if (t === "") {
    if (field.optional) return undefined;
    if (field.kind === "lines") return [];
    if (field.kind === "textarea") return "";
    problems.push({ field: name, message: `请填写${field.label.replace(/（.*）$/, "")}` });
    return undefined;
  }
  switch (field.kind) {
    case "amount": {
      const fen = parseYuan(t);
      if (fen === null) problems.push({ field: name, message: `“${t}”不是金额：请填写以元为单位的数字，最多两位小数` });
      else if (fen < 0) problems.push({ field: name, message: "金额不能为负数" });
      else if (!/^[\d,，.．０-９]+$/.test(t)) problems.push({ field: name, message: `“${t}”不是金额` });
      else if (/[.．]\d{3,}/.test(t)) problems.push({ field: name, message: "金额最多两位小数（到分）" });
      return fen ?? undefined;
    }
    case "count": {
      if (!/^\d{1,9}$/.test(t)) problems.push({ field: name, message: `“${t}”不是整数` });
      return Number(t);
    }
    case "lines":
      return t.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
    case "select":
      if (field.options && !field.options.includes(t)) problems.push({ field: name, message: `${field.label}只能是：${field.options.join("、")}` });
      return t;
    case "code":
      // A picked entry reads “2010350 行政运行”: the code is its first word.
      return t.split(/\s+/)[0]!;
    default:
      return t;
  }
}

/**
 * The document with this section replaced by the submitted values, and the problems of the values.
 * With problems, the document is not to be saved; the form is shown again with the values as typed.
 */
export function applySection(section: SectionSpec, doc: BudgetDocument, values: FormValues): { value: Record<string, unknown>; problems: FieldProblem[] } {
  const next = structuredClone(doc) as unknown as Record<string, unknown>;
  const problems: FieldProblem[] = [];
  if (section.container && get(next, section.container.path) === undefined) set(next, section.container.path, structuredClone(section.container.empty));
  if (section.kind === "object") {
    const target = (section.path === "" ? next : (get(next, section.path) as Record<string, unknown>)) ?? {};
    for (const field of section.fields) {
      const name = `f.${field.key}`;
      set(target, field.key, parseField(field, values[name] ?? "", name, problems));
    }
    if (section.path !== "") set(next, section.path, target);
    return { value: next, problems };
  }
  const original = rowsOf(section, doc);
  const rows: Record<string, unknown>[] = [];
  for (const i of rowIndices(values)) {
    const filled = section.fields.some((f) => f.kind !== "checkbox" && (values[`r.${i}.${f.key}`] ?? "").trim() !== "");
    if (!filled) continue;
    const row: Record<string, unknown> = {};
    const orig = original[Number(values[`r.${i}._orig`])];
    for (const key of KEPT[section.path] ?? []) if (orig && orig[key] !== undefined) row[key] = orig[key];
    for (const field of section.fields) {
      const name = `r.${i}.${field.key}`;
      const parsed = parseField(field, values[name] ?? "", name, problems);
      if (parsed !== undefined) set(row, field.key, parsed);
    }
    rows.push(row);
  }
  if (section.kind === "rows") set(next, section.path, rows);
  else if (section.kind === "map") set(next, section.path, Object.fromEntries(rows.map((r) => [String(r["key"]), r["value"]])));
  else {
    const projects = (next["projects"] as Record<string, unknown>[]) ?? [];
    const ids = new Set(projects.map((p) => p["id"]));
    rows.forEach((r, n) => {
      if (!ids.has(r["project"])) problems.push({ field: `r.${rowIndices(values)[n]}.project`, message: `没有编号为“${String(r["project"])}”的项目` });
    });
    for (const p of projects) p["indicators"] = rows.filter((r) => r["project"] === p["id"]).map(({ project: _p, ...indicator }) => indicator);
  }
  return { value: next, problems };
}

// --- rendering -----------------------------------------------------------------------------------

export type Pickers = Partial<Record<PickerList, readonly { value: string; label: string }[]>>;

function input(field: FieldSpec, name: string, value: string, problem: string | undefined, labelled: string, pickers?: Pickers): Markup {
  const invalid = problem ? html` aria-invalid="true" aria-describedby="${name}-problem"` : "";
  const problemText = problem ? html`<span class="field-problem" id="${name}-problem">${problem}</span>` : "";
  switch (field.kind) {
    case "textarea":
    case "lines":
      return html`<textarea name="${name}" rows="${field.kind === "lines" ? 4 : 3}" aria-label="${labelled}"${invalid}>${value}</textarea>${problemText}`;
    case "select":
      return html`<select name="${name}" aria-label="${labelled}"${invalid}><option value=""></option>${(field.options ?? []).map((o) => html`<option${o === value ? html` selected` : ""}>${o}</option>`)}</select>${problemText}`;
    case "checkbox":
      return html`<input type="checkbox" name="${name}" aria-label="${labelled}"${value ? html` checked` : ""}>${problemText}`;
    case "code": {
      // The catalog name under the code, so a wrong code shows as a wrong name at a glance.
      const entry = value && field.list ? pickers?.[field.list]?.find((e) => e.value === value) : undefined;
      return html`<input name="${name}" value="${value}" list="list-${field.list}" aria-label="${labelled}" autocomplete="off" class="code"${invalid}>${entry ? html`<small class="code-name">${entry.label.slice(entry.value.length + 1)}</small>` : ""}${problemText}`;
    }
    case "amount":
      return html`<input name="${name}" value="${value}" inputmode="decimal" class="num" aria-label="${labelled}"${invalid}>${problemText}`;
    case "count":
      return html`<input name="${name}" value="${value}" inputmode="numeric" class="num short" aria-label="${labelled}"${invalid}>${problemText}`;
    case "date":
      return html`<input type="date" name="${name}" value="${value}" aria-label="${labelled}"${invalid}>${problemText}`;
    default:
      return html`<input name="${name}" value="${value}" aria-label="${labelled}"${invalid}>${problemText}`;
  }
}

/** The datalists the code fields point at. */
export function datalists(pickers: Pickers): Markup {
  return html`${Object.entries(pickers).map(
    ([id, entries]) => html`<datalist id="list-${id}">${(entries ?? []).map((e) => html`<option value="${e.value}">${e.label}</option>`)}</datalist>`,
  )}`;
}

/** The fields of a section (without the <form> element), with problems at their fields. */
export function renderSection(section: SectionSpec, values: FormValues, problems: readonly FieldProblem[], pickers?: Pickers): Markup {
  const problemOf = (name: string) => problems.find((p) => p.field === name)?.message;
  if (section.kind === "object") {
    return html`<div class="object-fields">${section.fields.map((field) => {
      const name = `f.${field.key}`;
      return html`<label class="${field.kind === "lines" || field.kind === "textarea" ? "wide" : ""}"><span>${field.label}</span>${input(field, name, values[name] ?? "", problemOf(name), field.label, pickers)}</label>`;
    })}</div>`;
  }
  const used = rowIndices(values);
  const count = (used.length ? Math.max(...used) + 1 : 0) + BLANK_ROWS;
  const indices = Array.from({ length: count }, (_, i) => i);
  return html`<div class="grid-scroll"><table class="rows-form" data-section="${section.id}">
<thead><tr><th scope="col">行</th>${section.fields.map((f) => html`<th scope="col">${f.label}</th>`)}</tr></thead>
<tbody>${indices.map(
    (i) => html`<tr data-index="${i}"><td class="rowno">${i + 1}${values[`r.${i}._orig`] !== undefined ? html`<input type="hidden" name="r.${i}._orig" value="${values[`r.${i}._orig`]}">` : ""}</td>${section.fields.map((field) => {
      const name = `r.${i}.${field.key}`;
      return html`<td>${input(field, name, values[name] ?? "", problemOf(name), `第 ${i + 1} 行 ${field.label}`, pickers)}</td>`;
    })}</tr>`,
  )}</tbody></table></div>
<p class="hint">清空一行的所有格子即删除该行。<button type="button" class="add-row" data-section="${section.id}">增加一行</button></p>`;
}

/**
 * A problem of the document (at a JSON path such as `$.expenditure[3].functionCode`) as the field of
 * the section that shows it, when one does.
 */
export function fieldOfProblem(section: SectionSpec, path: string): string | undefined {
  if (section.kind === "object") {
    const prefix = section.path === "" ? "$." : `$.${section.path}.`;
    if (!path.startsWith(prefix)) return undefined;
    const key = path.slice(prefix.length).replace(/\[(\d+)\]/g, ".$1");
    return section.fields.some((f) => f.key === key) ? `f.${key}` : undefined;
  }
  if (section.kind === "rows") {
    const m = new RegExp(`^\\$\\.${section.path.replace(/\./g, "\\.")}\\[(\\d+)\\]\\.(\\w+)`).exec(path);
    if (m && section.fields.some((f) => f.key === m[2])) return `r.${m[1]}.${m[2]}`;
  }
  return undefined;
}
