/**
 * Findings compared without their locations: the same disclosure read from text (line numbers) and from
 * PDF (pages) must give the same findings, so each is reduced to what it says and where in the tables.
 */
import type { Disclosure } from "../../../src/model/disclosure.ts";
import type { Finding } from "../../../src/model/finding.ts";
import { checkDisclosure } from "../../../src/pipeline/check.ts";
import { loadCatalog } from "../../../src/catalog/load.ts";

/** A finding as one line: rule, severity, message and the cells or narrative place it names. */
export function findingKey(f: Finding): string {
  const cells = f.cells.map((c) => `表${c.table}${c.instance ? `-${c.instance}` : ""}/${c.group ?? ""}/${c.rowCode ?? ""}/${c.rowLabel ?? ""}/${c.column ?? ""}`);
  const where = f.narrative ? `说明${f.narrative.path.join("/")}` : cells.join(" ");
  return `${f.severity} ${f.ruleId} ${f.messageId} ${where} ${f.message}`;
}

/** All rules on `disclosure`, with the catalog of its year, as sorted keys. */
export function findingKeys(disclosure: Disclosure): string[] {
  return checkFindings(disclosure).map(findingKey).sort();
}

export function checkFindings(disclosure: Disclosure): Finding[] {
  return checkDisclosure(disclosure, disclosure.year === undefined ? undefined : loadCatalog(disclosure.year));
}
