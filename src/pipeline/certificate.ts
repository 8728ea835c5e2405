/**
 * The check certificate of a rendering: the checker runs on the disclosure about to be rendered, and
 * the certificate records Gongkai's version, the catalog year, the rule set (count and a hash of the
 * rule ids) and the findings count. Renderers receive it as data (they may import only src/model).
 */
import { createHash } from "node:crypto";
import pkg from "../../package.json" with { type: "json" };
import type { Catalog } from "../catalog/catalog.ts";
import type { CheckCertificate, RuleSetVersion } from "../model/certificate.ts";
import type { Disclosure } from "../model/disclosure.ts";
import type { Finding } from "../model/finding.ts";
import { RULES } from "../rules/index.ts";
import { checkDisclosure } from "./check.ts";

export const GONGKAI_VERSION: string = pkg.version;

/** The rule set's version: how many rules, and the SHA-256 of their ids sorted, one per line. */
export function ruleSetVersion(ids: readonly string[] = RULES.map((r) => r.meta.id)): RuleSetVersion {
  const text = [...ids].sort().join("\n");
  return { count: ids.length, hash: `sha256:${createHash("sha256").update(text, "utf8").digest("hex")}` };
}

/** Runs every rule on `disclosure` (with its year's catalog) and certifies the result. */
export function certify(disclosure: Disclosure, catalog?: Catalog): { certificate: CheckCertificate; findings: Finding[] } {
  const findings = checkDisclosure(disclosure, catalog);
  const count = (severity: Finding["severity"]) => findings.filter((f) => f.severity === severity).length;
  const certificate: CheckCertificate = {
    tool: "Gongkai",
    version: GONGKAI_VERSION,
    ...(catalog ? { catalogYear: catalog.year, catalogName: catalog.name } : {}),
    ruleSet: ruleSetVersion(),
    findings: { error: count("error"), warning: count("warning"), info: count("info") },
  };
  return { certificate, findings };
}
