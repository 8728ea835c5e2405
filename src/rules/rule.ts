/**
 * The shape of a checker rule, after ESLint: `meta` is data (description, family, default severity,
 * tables read, named message templates) and `check` is behaviour. A rule only reports; severity is the
 * default in `meta`, which a profile may override. Rules do no I/O and read no configuration.
 */
import type { Catalog } from "../catalog/catalog.ts";
import type { Disclosure } from "../model/disclosure.ts";
import type { Category, CellRef, Finding, NarrativeRef, Severity } from "../model/finding.ts";
import type { TableNumber } from "../model/vocabulary.ts";

export interface RuleMeta {
  /** The rule id: the file name without `.ts`, the test name and the doc anchor. */
  readonly id: string;
  /** One line in Chinese: what the rule requires. */
  readonly description: string;
  readonly category: Category;
  readonly severity: Severity;
  /** The tables the rule reads (empty for narrative-only or template rules). */
  readonly tables: readonly TableNumber[];
  /** Message templates with `{placeholder}`s filled from a report's `data`. */
  readonly messages: Readonly<Record<string, string>>;
}

export interface RuleContext {
  /** The catalog of the disclosure's year, when the year is known and a catalog covers it. */
  readonly catalog?: Catalog;
}

/** What a rule reports; the runner adds the id, severity, category and the rendered message. */
export type Report = Omit<Finding, "ruleId" | "severity" | "category" | "message" | "data"> & {
  readonly data?: Finding["data"];
  /** Overrides the rule's default severity for this report (e.g. a rounding-only difference → info). */
  readonly severity?: Severity;
};

export interface Rule {
  readonly meta: RuleMeta;
  check(disclosure: Disclosure, context: RuleContext): Iterable<Report>;
}

export type { CellRef, NarrativeRef };

/** Fills `{name}` placeholders; an unknown placeholder stays visible rather than vanishing. */
export function renderMessage(template: string, data: Finding["data"]): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in data ? String(data[name]) : whole));
}
