/**
 * BudgetDocument → Disclosure: the tables built from the document, its 目录 and cover. The narrative
 * writer comes with the publishing stage; until then the narrative is empty.
 */
import type { Catalog } from "../catalog/catalog.ts";
import type { BudgetDocument } from "../model/budget-document.ts";
import type { Disclosure, TocEntry } from "../model/disclosure.ts";
import { buildTables } from "../tables/index.ts";

export function buildDisclosure(doc: BudgetDocument, catalog: Catalog, origin: string): Disclosure {
  const tables = buildTables(doc, { catalog });
  const toc: TocEntry[] = [];
  for (const table of tables) {
    if (toc.some((t) => t.number === table.number)) continue;
    toc.push({
      number: table.number,
      title: table.title,
      empty: table.empty,
      ...(table.emptyReason ? { emptyReason: table.emptyReason } : {}),
    });
  }
  return {
    origin,
    originKind: "built",
    unitName: doc.unit.name,
    year: doc.year,
    phase: doc.phase,
    unitKind: doc.unit.kind,
    cover: {},
    toc,
    tables,
    narrative: [],
    unread: [],
  };
}
