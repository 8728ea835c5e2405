/**
 * Everything the app shows about a BudgetDocument as it stands: problems of the document itself (it
 * cannot be built into tables while it has errors), the checker's findings on the built disclosure,
 * and the year-over-year changes that need a reason. Pure apart from reading the year's catalog.
 */
import type { Catalog } from "../catalog/catalog.ts";
import { CatalogNotFoundError, loadCatalog } from "../catalog/load.ts";
import type { BudgetDocument } from "../model/budget-document.ts";
import type { Disclosure } from "../model/disclosure.ts";
import type { Finding } from "../model/finding.ts";
import { writeNarrative } from "../narrative/write/write-narrative.ts";
import { buildDisclosure } from "../pipeline/build-disclosure.ts";
import { checkDisclosure } from "../pipeline/check.ts";
import { parseBudgetDocument } from "../pipeline/load-document.ts";
import { hasErrors, type Problem } from "../pipeline/problem.ts";
import { validateDocument } from "../pipeline/validate-document.ts";
import { findingKey } from "../workflow/finding-key.ts";
import { type RequiredReason, requiredReasons } from "../workflow/reasons.ts";

/**
 * One thing to show the preparer: a problem of the document (at its JSON path, the form field) or a
 * finding of the checker (at its table cells). Stored with each version.
 */
export type Issue =
  | { readonly kind: "problem"; readonly key: string; readonly severity: "error" | "warning"; readonly message: string; readonly path: string }
  | { readonly kind: "finding"; readonly key: string; readonly severity: Finding["severity"]; readonly message: string; readonly finding: Finding };

export interface Evaluation {
  readonly issues: readonly Issue[];
  readonly errors: number;
  readonly warnings: number;
  /** Undefined while the document has errors that keep its tables from being built. */
  readonly disclosure?: Disclosure;
  readonly catalog?: Catalog;
  readonly required: readonly RequiredReason[];
}

const problemIssue = (p: Problem): Issue => ({ kind: "problem", key: `problem:${p.path}:${p.message}`, severity: p.severity, message: p.message, path: p.path });
const findingIssue = (f: Finding): Issue => ({ kind: "finding", key: findingKey(f), severity: f.severity, message: f.message, finding: f });

function counted(issues: Issue[], rest: Omit<Evaluation, "issues" | "errors" | "warnings">): Evaluation {
  return {
    issues,
    errors: issues.filter((i) => i.severity === "error").length,
    warnings: issues.filter((i) => i.severity === "warning").length,
    ...rest,
  };
}

/** Parses an untrusted value (a form's or an upload's) and evaluates it. */
export function evaluateValue(value: unknown, origin: string, catalogRoot?: string, thresholdPercent?: number): Evaluation & { doc?: BudgetDocument } {
  const parsed = parseBudgetDocument(value);
  if (!parsed.ok) return counted(parsed.problems.map(problemIssue), { required: [] });
  return { ...evaluateDocument(parsed.doc, origin, catalogRoot, thresholdPercent), doc: parsed.doc };
}

export function evaluateDocument(doc: BudgetDocument, origin: string, catalogRoot?: string, thresholdPercent = 10): Evaluation {
  let catalog: Catalog;
  try {
    catalog = loadCatalog(doc.year, catalogRoot);
  } catch (error) {
    if (!(error instanceof CatalogNotFoundError)) throw error;
    return counted([problemIssue({ severity: "error", path: "$.year", message: error.message })], { required: [] });
  }
  const problems = validateDocument(doc, catalog);
  if (hasErrors(problems)) return counted(problems.map(problemIssue), { catalog, required: [] });
  const disclosure = buildDisclosure(doc, catalog, origin);
  const findings = checkDisclosure(disclosure, catalog);
  const { changes } = writeNarrative(doc, { catalog });
  return counted([...problems.map(problemIssue), ...findings.map(findingIssue)], {
    disclosure,
    catalog,
    required: requiredReasons(changes, doc.reasons, thresholdPercent),
  });
}
