/**
 * The steps every command that starts from a BudgetDocument takes: read it, find its year's catalog,
 * validate it. Returns the document with its catalog, or every problem found.
 */
import type { Catalog } from "../catalog/catalog.ts";
import { CatalogNotFoundError, loadCatalog } from "../catalog/load.ts";
import type { BudgetDocument } from "../model/budget-document.ts";
import { readBudgetFile } from "./load-document.ts";
import { hasErrors, type Problem } from "./problem.ts";
import { validateDocument } from "./validate-document.ts";

export type Prepared =
  | { ok: true; doc: BudgetDocument; catalog: Catalog; warnings: Problem[] }
  | { ok: false; problems: Problem[] };

export function prepareDocument(path: string, catalogRoot?: string): Prepared {
  const loaded = readBudgetFile(path);
  if (!loaded.ok) return loaded;
  let catalog: Catalog;
  try {
    catalog = loadCatalog(loaded.doc.year, catalogRoot);
  } catch (error) {
    if (error instanceof CatalogNotFoundError) {
      return { ok: false, problems: [{ severity: "error", path: "$.year", message: error.message }] };
    }
    throw error;
  }
  const problems = validateDocument(loaded.doc, catalog);
  if (hasErrors(problems)) return { ok: false, problems };
  return { ok: true, doc: loaded.doc, catalog, warnings: problems };
}
