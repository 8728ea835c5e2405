/**
 * Publishing into the portal's read model: the entry, lines and search items of a disclosure's newest
 * publication, computed from the published version and written in the publish transaction.
 */
import type { Catalog } from "../catalog/catalog.ts";
import type { BudgetDocument } from "../model/budget-document.ts";
import type { Disclosure } from "../model/disclosure.ts";
import { sumFen } from "../model/money.ts";
import { TABLE_NUMBERS } from "../model/vocabulary.ts";
import type { PublicationRecord } from "../store/repositories/publications.ts";
import { type PortalSearchItem, writePortalEntry } from "../store/repositories/portal.ts";
import type { Department, UnitRecord } from "../store/repositories/units.ts";
import type { Sql } from "../store/sql.ts";

export interface IndexInput {
  readonly unit: UnitRecord;
  readonly department: Department;
  readonly year: number;
  readonly document: BudgetDocument;
  readonly disclosure: Disclosure;
  readonly catalog: Catalog | undefined;
  readonly publication: PublicationRecord;
  readonly errors: number;
  readonly warnings: number;
}

/** Every standard table is printed, or marked empty with its reason. */
export function isComplete(disclosure: Disclosure): boolean {
  return TABLE_NUMBERS.every((n) => {
    const table = disclosure.tables.find((t) => t.number === n);
    return table !== undefined && (!table.empty || (table.emptyReason ?? "").trim() !== "");
  });
}

export function searchItems(input: Pick<IndexInput, "unit" | "document" | "catalog">): PortalSearchItem[] {
  const items: PortalSearchItem[] = [{ kind: "unit", code: input.unit.code, text: input.unit.name }];
  for (const p of input.document.projects) items.push({ kind: "project", code: p.id, text: p.name });
  const seen = new Set<string>();
  const add = (kind: "function" | "economic", classification: "function" | "deptEconomic" | "govEconomic", code: string) => {
    for (const c of new Set([code.slice(0, 3), code.slice(0, 5), code])) {
      const key = `${classification}:${c}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const name = input.catalog?.lookup(classification, c)?.name;
      if (name) items.push({ kind, code: c, text: name });
    }
  };
  for (const line of input.document.expenditure) {
    add("function", "function", line.functionCode);
    add("economic", "deptEconomic", line.deptEconomicCode);
    add("economic", "govEconomic", line.govEconomicCode);
  }
  return items;
}

let epoch = 0;

/**
 * A counter this process raises each time it indexes a publication: caches of public pages
 * (src/server/portal-cache.ts) compare it to know, without asking the database, that what they
 * remember about the newest publications may be out of date.
 */
export function publicationEpoch(): number {
  return epoch;
}

export async function indexPublication(sql: Sql, input: IndexInput): Promise<void> {
  const { unit, department, document: doc, publication } = input;
  epoch += 1;
  await writePortalEntry(
    sql,
    {
      disclosureId: publication.disclosureId,
      publicationId: publication.id,
      sequence: publication.sequence,
      unitId: unit.id,
      unitCode: unit.code,
      unitName: unit.name,
      unitKind: unit.kind,
      departmentId: department.id,
      departmentCode: department.code,
      departmentName: department.name,
      region: department.region,
      year: input.year,
      publishedAt: publication.publishedAt,
      approvedOn: doc.approvedOn ?? null,
      expenditureTotal: sumFen(doc.expenditure.map((l) => l.amount)),
      errors: input.errors,
      warnings: input.warnings,
      complete: isComplete(input.disclosure),
    },
    doc.expenditure.map((l) => ({
      functionCode: l.functionCode,
      deptEconomicCode: l.deptEconomicCode,
      govEconomicCode: l.govEconomicCode,
      fundSource: l.fundSource,
      nature: l.nature,
      project: l.project ?? null,
      amount: l.amount,
    })),
    searchItems(input),
  );
}
