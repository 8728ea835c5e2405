/**
 * @fileoverview The 说明 uses the standard term where one is expected: a short list of known slips, each
 * matched only in the context that makes it one (培训会 where 培训费 is the 科目: “会议费、培训会预算支出”),
 * and a budget word printed twice in a row (支出支出, 原因原因). Wording, not figures: a warning for a
 * wrong term, information for a doubled word.
 */
import type { Disclosure, NarrativeSection } from "../../model/disclosure.ts";
import { scanText } from "../../narrative/read/text.ts";
import type { Report, Rule } from "../rule.ts";

// ---------------------------------------------------------------------------------------------------
// Helpers

interface KnownSlip {
  /** The slip in the context that makes it one; group 1 is the wrong term. */
  readonly pattern: RegExp;
  readonly expected: string;
}

const SLIPS: readonly KnownSlip[] = [
  // 培训会 for the 科目 培训费 (30216): next to 会议费, or followed by 预算/支出/经费.
  { pattern: /(培训会)(?=预算|支出|经费)/g, expected: "培训费" },
  { pattern: /会议费、(培训会)/g, expected: "培训费" },
  // 会议会 / 培训培训 style slips are caught as doubled words below.
];

const DOUBLED = /(支出|原因|经费|预算|费用|收入)\1/g;

function place(section: NarrativeSection, quote: string) {
  return { path: section.path, quote, ...(section.source ? { source: section.source } : {}) };
}

function around(text: string, index: number, length: number): string {
  return text.slice(Math.max(0, index - 8), Math.min(text.length, index + length + 8));
}

// ---------------------------------------------------------------------------------------------------
// Rule Definition

export const meta: Rule["meta"] = {
  id: "narrative-term",
  description: "说明使用规范的科目名称和术语",
  category: "narrative",
  severity: "warning",
  tables: [],
  messages: {
    nonStandardTerm: "说明{path}：“{actual}”应为“{expected}”（“{quote}”）",
    doubledWord: "说明{path}：“{word}”重复（“{quote}”）",
  },
};

export function* check(disclosure: Disclosure): Generator<Report> {
  for (const section of disclosure.narrative) {
    // Heading and text apart, so a word ending the heading and starting the text is not “doubled”.
    for (const text of [section.heading, section.text]) yield* checkText(section, scanText(text).text);
  }
}

function* checkText(section: NarrativeSection, text: string): Generator<Report> {
  const path = section.path.join(" ");
  const seen = new Set<number>();
  for (const slip of SLIPS) {
    for (const m of text.matchAll(slip.pattern)) {
      const at = m.index + m[0].indexOf(m[1]!);
      if (seen.has(at)) continue;
      seen.add(at);
      const quote = around(text, at, m[1]!.length);
      yield {
        messageId: "nonStandardTerm",
        data: { path, actual: m[1]!, expected: slip.expected, quote },
        cells: [],
        narrative: place(section, quote),
        expected: slip.expected,
        actual: m[1]!,
        fix: { description: `把“${m[1]!}”改为“${slip.expected}”` },
      };
    }
  }
  for (const m of text.matchAll(DOUBLED)) {
    const quote = around(text, m.index, m[0].length);
    yield {
      messageId: "doubledWord",
      severity: "info",
      data: { path, word: m[0], quote },
      cells: [],
      narrative: place(section, quote),
      actual: m[0],
      expected: m[1]!,
      fix: { description: `删去重复的“${m[1]!}”` },
    };
  }
}

const rule: Rule = { meta, check };
export default rule;
