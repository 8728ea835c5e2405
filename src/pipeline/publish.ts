/**
 * Glue for the publishing renderers, which may import only src/model: what they need from the
 * catalog or the checker is computed here and handed over as data.
 */
import type { Catalog, Classification } from "../catalog/catalog.ts";
import type { BudgetDocument } from "../model/budget-document.ts";
import type { ClassificationNames } from "../renderers/data-package/render-data-package.ts";

/** The catalog names of every code the document's expenditure lines use, with their 类 and 款. */
export function classificationNames(doc: BudgetDocument, catalog: Catalog): ClassificationNames {
  const names: Record<Classification, Record<string, string>> = { function: {}, deptEconomic: {}, govEconomic: {} };
  const add = (classification: Classification, code: string) => {
    for (const c of new Set([code.slice(0, 3), code.slice(0, 5), code])) {
      const entry = catalog.lookup(classification, c);
      if (entry) names[classification][c] = entry.name;
    }
  };
  for (const line of doc.expenditure) {
    add("function", line.functionCode);
    add("deptEconomic", line.deptEconomicCode);
    add("govEconomic", line.govEconomicCode);
  }
  return names;
}
