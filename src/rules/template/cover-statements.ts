/**
 * @fileoverview A disclosure published outside Gongkai states on its cover that it passed the 保密审查
 * and was signed by the unit's 主要负责人 (保密审查情况：已审查；部门（单位）主要负责人审签情况：已审签).
 * A missing statement, or one that says the step was not done, is reported. Built disclosures are not
 * checked: Gongkai's workflow records both steps before publishing.
 */
import type { Disclosure } from "../../model/disclosure.ts";
import type { Report, Rule } from "../rule.ts";
import { normaliseLabel } from "../tables.ts";

// ---------------------------------------------------------------------------------------------------
// Helpers

/** Each statement: the words its cover line contains, and how the template words it. */
const STATEMENTS: readonly { readonly key: string; readonly statement: string; readonly done: string }[] = [
  { key: "保密审查", statement: "保密审查情况", done: "已审查" },
  { key: "负责人审签", statement: "部门（单位）主要负责人审签情况", done: "已审签" },
];

/** A value that says the step was not done. */
const NOT_DONE = /未|否|待|没有|尚未/;

// ---------------------------------------------------------------------------------------------------
// Rule Definition

export const meta: Rule["meta"] = {
  id: "cover-statements",
  description: "公开文本的封面注明保密审查和主要负责人审签情况",
  category: "template",
  severity: "warning",
  tables: [],
  messages: {
    missingStatement: "封面没有注明“{statement}”（应为“{statement}：{done}”）",
    notDone: "封面的“{statement}”为“{value}”，公开前应为“{done}”",
  },
};

export function* check(disclosure: Disclosure): Generator<Report> {
  if (disclosure.originKind !== "published") return;
  const lines = Object.entries(disclosure.cover);
  for (const { key, statement, done } of STATEMENTS) {
    const line = lines.find(([label]) => normaliseLabel(label).includes(key));
    if (line === undefined || line[1].trim() === "") {
      yield { messageId: "missingStatement", data: { statement, done }, cells: [] };
    } else if (NOT_DONE.test(line[1])) {
      yield { messageId: "notDone", data: { statement, done, value: line[1].trim() }, cells: [], actual: line[1].trim(), expected: done };
    }
  }
}

const rule: Rule = { meta, check };
export default rule;
