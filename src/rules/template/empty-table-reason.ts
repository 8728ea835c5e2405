/**
 * @fileoverview A table printed without content is a 空表, which the 目录 marks 是空表 with its reason
 * (公开空表一定要在目录说明理由); a table printed with content is not marked 空表. This complements
 * tables-present, which starts from the 目录 (tables listed but not printed, 空表 without a reason):
 * here each printed table is compared with its 目录 mark. A reason printed with the table itself (in
 * its notes, e.g. 本年度无…故本表无数据) is accepted when the 目录 does not give one.
 */
import type { Disclosure, TocEntry } from "../../model/disclosure.ts";
import type { Table } from "../../model/table.ts";
import type { Report, Rule } from "../rule.ts";

// ---------------------------------------------------------------------------------------------------
// Helpers

/** A note that explains why a table has no content. */
const REASON_NOTE = /无数据|无.*(?:收支|预算|支出|资金)|不涉及|空表/;

const hasOwnReason = (table: Table) => Boolean(table.emptyReason?.trim()) || (table.notes ?? []).some((n) => REASON_NOTE.test(n));

const cellOf = (table: Table) => ({
  table: table.number,
  ...(table.instance !== undefined ? { instance: table.instance } : {}),
  ...(table.source ? { source: table.source } : {}),
});

/** The finding for one printed table and its 目录 line, if any. */
function reportFor(table: Table, entry: TocEntry | undefined): Report | undefined {
  const data = { table: table.number, title: entry?.title ?? table.title };
  if (table.empty && !entry?.empty && !hasOwnReason(table)) return { messageId: "unmarkedEmpty", data, cells: [cellOf(table)] };
  if (!table.empty && entry?.empty) return { messageId: "markedButFilled", data, cells: [cellOf(table)] };
  return undefined;
}

// ---------------------------------------------------------------------------------------------------
// Rule Definition

export const meta: Rule["meta"] = {
  id: "empty-table-reason",
  description: "没有内容的报表在目录中标为空表并说明理由，有内容的报表不标为空表",
  category: "template",
  severity: "warning",
  tables: [],
  messages: {
    unmarkedEmpty: "表{table}“{title}”没有内容，但目录没有标为空表，也没有说明理由",
    markedButFilled: "表{table}“{title}”在目录中标为空表，但正文中的表有内容",
  },
};

export function* check(disclosure: Disclosure): Generator<Report> {
  // A table printed several times (表13) is reported once.
  const reported = new Set<string>();
  for (const table of disclosure.tables) {
    const report = reportFor(table, disclosure.toc.find((e) => e.number === table.number));
    const key = `${table.number}:${report?.messageId}`;
    if (!report || reported.has(key)) continue;
    reported.add(key);
    yield report;
  }
}

const rule: Rule = { meta, check };
export default rule;
