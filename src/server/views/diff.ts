/**
 * A cell-level diff as the reviewer reads it: per table, each changed cell with its old and new value
 * (and the difference, for amounts), rows added or removed, then the narrative sections whose text
 * changed. Input is what src/workflow/diff.ts computes.
 */
import { html } from "hono/html";
import { type Fen, formatYuan, minusFen } from "../../model/money.ts";
import type { CellValue } from "../../model/table.ts";
import type { CellChange, RowDiff, TableDiff } from "../../workflow/diff.ts";
import type { Markup } from "./layout.ts";

const CHANGE_NAMES = { added: "新增", removed: "删除", changed: "有变动" } as const;

function valueText(value: CellValue): string {
  if (value === null) return "";
  if (typeof value === "number") return formatYuan(value as Fen);
  return value;
}

function differenceText(change: CellChange): string {
  const { before, after } = change;
  if (typeof before === "number" && typeof after === "number") {
    const d = minusFen(after as Fen, before as Fen);
    return `${d > 0 ? "+" : ""}${formatYuan(d)}`;
  }
  if (before === null && typeof after === "number") return `+${formatYuan(after as Fen)}`;
  if (typeof before === "number" && after === null) return `-${formatYuan(before as Fen)}`;
  return "";
}

const rowName = (row: RowDiff) => [row.group ? `[${row.group}]` : "", row.code ?? "", row.label.trim()].filter(Boolean).join(" ");

function changeRows(row: RowDiff): Markup[] {
  const cells = row.cells.length > 0 ? row.cells : [undefined];
  return cells.map(
    (cell, i) => html`<tr class="diff-${row.change}">
${i === 0 ? html`<th scope="row" rowspan="${cells.length}">${rowName(row)}${row.change !== "changed" ? html` <span class="diff-tag">${CHANGE_NAMES[row.change]}</span>` : ""}</th>` : ""}
<td>${cell?.columnLabel ?? ""}</td><td class="num before">${cell ? valueText(cell.before) : ""}</td><td class="num after">${cell ? valueText(cell.after) : ""}</td><td class="num">${cell ? differenceText(cell) : ""}</td>
</tr>`,
  );
}

/**
 * The table part of a diff; `empty` is said when nothing changed. Each table's heading links to the
 * table (`tableHref`; the reviewer's grid by default, the published page's table on the portal).
 */
export function renderTableDiff(diffs: readonly TableDiff[], empty: string, tableHref: (t: TableDiff) => string = (t) => `#grid-${t.id}`): Markup {
  if (diffs.length === 0) return html`<p class="ok">${empty}</p>`;
  return html`${diffs.map(
    (t) => html`<section class="diff-table" data-table="${t.id}">
<h4><a href="${tableHref(t)}">表${t.number}${t.instance ? `（${t.instance}）` : ""} ${t.title}</a> <span class="diff-tag">${CHANGE_NAMES[t.change]}</span> <small>单位：${t.unit}</small></h4>
${t.rows.length + t.fields.length === 0
  ? html`<p>${t.change === "added" ? "整张表为新增（没有数据行）。" : t.change === "removed" ? "整张表已删除。" : ""}</p>`
  : html`<div class="grid-scroll"><table class="diff">
<thead><tr><th scope="col">行</th><th scope="col">栏目</th><th scope="col">原值</th><th scope="col">新值</th><th scope="col">增减</th></tr></thead>
<tbody>
${t.fields.map((f) => html`<tr class="diff-changed"><th scope="row">（表头项目）</th><td>${f.columnLabel}</td><td class="num before">${valueText(f.before)}</td><td class="num after">${valueText(f.after)}</td><td class="num">${differenceText(f)}</td></tr>`)}
${t.rows.flatMap(changeRows)}
</tbody></table></div>`}
</section>`,
  )}`;
}

/** A piece of text, kept or changed. */
interface Piece {
  readonly text: string;
  readonly changed: boolean;
}

const TOKEN = /\d[\d,.]*%?|[A-Za-z]+|\s+|[^]/gu;
/** Beyond this many token pairs the texts are compared by common start and end only. */
const MAX_CELLS = 2_000_000;

function merge(tokens: readonly string[], changed: readonly boolean[]): Piece[] {
  const out: { text: string; changed: boolean }[] = [];
  tokens.forEach((text, i) => {
    const last = out.at(-1);
    if (last && last.changed === changed[i]) last.text += text;
    else out.push({ text, changed: changed[i]! });
  });
  return out;
}

/**
 * Which parts of `before` were removed and which parts of `after` were added, by a longest common
 * subsequence of tokens (a number with its separators, a word, or one character), so that a changed
 * figure inside a long paragraph stands out.
 */
export function textDiff(before: string, after: string): { before: Piece[]; after: Piece[] } {
  const a = before.match(TOKEN) ?? [];
  const b = after.match(TOKEN) ?? [];
  const keptA = new Array<boolean>(a.length).fill(false);
  const keptB = new Array<boolean>(b.length).fill(false);
  if (a.length * b.length <= MAX_CELLS) {
    // lengths[i][j]: the longest common subsequence of a[i..] and b[j..].
    const width = b.length + 1;
    const lengths = new Uint16Array((a.length + 1) * width);
    for (let i = a.length - 1; i >= 0; i--)
      for (let j = b.length - 1; j >= 0; j--)
        lengths[i * width + j] = a[i] === b[j] ? lengths[(i + 1) * width + j + 1]! + 1 : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    for (let i = 0, j = 0; i < a.length && j < b.length; ) {
      if (a[i] === b[j]) {
        keptA[i++] = true;
        keptB[j++] = true;
      } else if (lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!) i++;
      else j++;
    }
  } else {
    let start = 0;
    while (start < a.length && start < b.length && a[start] === b[start]) keptA[start] = keptB[start++] = true;
    for (let i = a.length - 1, j = b.length - 1; i >= start && j >= start && a[i] === b[j]; i--, j--) keptA[i] = keptB[j] = true;
  }
  return { before: merge(a, keptA.map((k) => !k)), after: merge(b, keptB.map((k) => !k)) };
}

const pieces = (list: readonly Piece[], tag: "del" | "ins") => list.map((p) => (p.changed ? (tag === "del" ? html`<del>${p.text}</del>` : html`<ins>${p.text}</ins>`) : p.text));

/** The narrative part of a diff: each changed section's old and new text side by side, the changes marked. */
export function renderNarrativeDiff(changes: readonly { path: string; before: string; after: string }[]): Markup {
  if (changes.length === 0) return html`<p class="ok">说明文字没有变化。</p>`;
  return html`<div class="diff-narrative">${changes.map((c) => {
    const d = textDiff(c.before, c.after);
    return html`<section class="diff-section"><h4>${c.path}</h4>
<div class="diff-texts"><div class="before"><span class="diff-tag">原文</span><p>${c.before ? pieces(d.before, "del") : "（无）"}</p></div><div class="after"><span class="diff-tag">现文</span><p>${c.after ? pieces(d.after, "ins") : "（无）"}</p></div></div></section>`;
  })}</div>`;
}
