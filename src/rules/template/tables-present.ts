/**
 * @fileoverview Every table the 目录 lists is printed in the body. A table the 目录 marks 是空表 must
 * give its reason there, and is still printed (公开空表); one marked empty but not printed is noted.
 */
import type { Disclosure } from "../../model/disclosure.ts";
import type { Report, Rule } from "../rule.ts";
import { tablesNumbered } from "../tables.ts";

// ---------------------------------------------------------------------------------------------------
// Rule Definition

export const meta: Rule["meta"] = {
  id: "tables-present",
  description: "目录所列报表均已公开，空表在目录中说明理由",
  category: "template",
  severity: "error",
  tables: [],
  messages: {
    missingTable: "目录列出表{table}“{title}”且未标为空表，但正文中没有这张表",
    emptyNotPrinted: "表{table}“{title}”在目录中标为空表，但正文没有公开这张空表",
    emptyWithoutReason: "表{table}“{title}”标为空表，但目录没有说明理由",
    reasonOnlyInNote: "表{table}“{title}”的空表理由只写在表下的注中，目录没有说明",
  },
};

export function* check(disclosure: Disclosure): Generator<Report> {
  for (const entry of disclosure.toc) {
    const data = { table: entry.number, title: entry.title };
    const cells = [{ table: entry.number, ...(entry.source ? { source: entry.source } : {}) }];
    const printed = tablesNumbered(disclosure, entry.number).length > 0;
    if (entry.empty && !entry.emptyReason?.trim()) {
      // Shaanxi asks for the reason in the 目录; many templates give it in a 注 under the table instead
      // (“注：本年度无…故本表无数据”). A reason there is only a warning that it is in the wrong place.
      const noted = tablesNumbered(disclosure, entry.number).some((t) => t.emptyReason?.trim());
      yield noted ? { messageId: "reasonOnlyInNote", data, cells, severity: "warning" } : { messageId: "emptyWithoutReason", data, cells };
    }
    if (printed) continue;
    if (entry.empty) yield { messageId: "emptyNotPrinted", data, cells, severity: "info" };
    else yield { messageId: "missingTable", data, cells };
  }
}

const rule: Rule = { meta, check };
export default rule;
