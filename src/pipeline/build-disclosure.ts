/**
 * BudgetDocument → Disclosure: the tables built from the document, its 目录 and cover, and the 说明
 * written from it (`writeNarrative`; its problems are available from that function directly).
 */
import type { Catalog } from "../catalog/catalog.ts";
import type { BudgetDocument } from "../model/budget-document.ts";
import type { Disclosure, TocEntry } from "../model/disclosure.ts";
import { economicMappingKind } from "../model/vocabulary.ts";
import { writeNarrative } from "../narrative/write/write-narrative.ts";
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
    ...unitKindOf(doc),
    cover: {},
    toc,
    tables,
    narrative: writeNarrative(doc, { catalog }).sections,
    unread: [],
  };
}

/**
 * The kind the tables follow: the unit's, or for a department the one kind all its member units share.
 * Members of different kinds map their economic codes differently, so no single kind applies.
 */
function unitKindOf(doc: BudgetDocument): Pick<Disclosure, "unitKind"> {
  if (doc.scope !== "部门" || doc.memberUnits.length === 0) return { unitKind: doc.unit.kind };
  const kinds = new Set(doc.memberUnits.map((u) => economicMappingKind(u.kind)));
  return kinds.size === 1 ? { unitKind: doc.memberUnits[0]!.kind } : {};
}
