/**
 * @fileoverview Each table printed in the body carries the title the 目录 gives it (the Shaanxi template
 * notes: 封面和目录的格式不得随意改变). Titles are compared without spaces, markup and punctuation
 * (brackets, quotation marks, 、 and colons in either width), so only a change of words counts; a
 * table printed several times (表13) is reported once per differing title.
 */
import type { Disclosure } from "../../model/disclosure.ts";
import type { CellRef } from "../../model/finding.ts";
import type { Report, Rule } from "../rule.ts";
import { tablesNumbered } from "../tables.ts";

// ---------------------------------------------------------------------------------------------------
// Helpers

/** A title as compared: no markup, spaces or punctuation. */
function normaliseTitle(title: string): string {
  return title.replace(/<[^>]*>/g, "").replace(/[\s\u3000（）()“”"‘’'、，,：:。.《》〈〉【】[\]「」*]/g, "");
}

// ---------------------------------------------------------------------------------------------------
// Rule Definition

export const meta: Rule["meta"] = {
  id: "toc-title",
  description: "正文各表的标题与目录所列表名一致",
  category: "template",
  severity: "info",
  tables: [],
  messages: {
    titleDiffers: "表{table}在正文中的标题为“{body}”，目录中为“{toc}”",
  },
};

export function* check(disclosure: Disclosure): Generator<Report> {
  for (const entry of disclosure.toc) {
    const byTitle = new Map<string, CellRef[]>();
    for (const table of tablesNumbered(disclosure, entry.number)) {
      if (table.title.trim() === "" || normaliseTitle(table.title) === normaliseTitle(entry.title)) continue;
      const cell: CellRef = { table: table.number, ...(table.instance !== undefined ? { instance: table.instance } : {}), ...(table.source ? { source: table.source } : {}) };
      byTitle.set(table.title, [...(byTitle.get(table.title) ?? []), cell]);
    }
    for (const [body, cells] of byTitle) {
      yield { messageId: "titleDiffers", data: { table: entry.number, body, toc: entry.title }, cells, expected: entry.title, actual: body };
    }
  }
}

const rule: Rule = { meta, check };
export default rule;
