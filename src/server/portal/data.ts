/**
 * What the portal pages read: a unit's published disclosure (any publication of it, rebuilt from the
 * published version's document exactly as its page was), the unit's other years, the 主管部门's other
 * units. Only published things are ever read (the portal read model and the publications).
 *
 * Rebuilding a disclosure costs tens of milliseconds; a publication never changes, so the rebuilt
 * ones are kept by publication id (a bounded, least-recently-used map).
 */
import type { AppContext } from "../../app/context.ts";
import { publishedPage, type StoredVersion } from "../../app/disclosures.ts";
import type { Catalog } from "../../catalog/catalog.ts";
import type { BudgetDocument } from "../../model/budget-document.ts";
import type { CheckCertificate } from "../../model/certificate.ts";
import type { Disclosure } from "../../model/disclosure.ts";
import { versionOf } from "../../store/repositories/disclosures.ts";
import { listPortalEntries, type PortalEntry, portalEntry } from "../../store/repositories/portal.ts";
import { listPublications, type PublicationRecord } from "../../store/repositories/publications.ts";

/** One publication of a disclosure, with what it published. */
export interface PublishedVersion {
  readonly publication: PublicationRecord;
  readonly document: BudgetDocument;
  readonly disclosure: Disclosure;
  readonly catalog: Catalog | undefined;
  /** The certificate stored with the publication. */
  readonly certificate: CheckCertificate;
}

/** A unit's published disclosure of a year: its newest entry and every publication (newest first). */
export interface PublishedRecord {
  readonly entry: PortalEntry;
  readonly publications: readonly PublicationRecord[];
}

const KEPT = 48;
/** Per database: publication ids are that store's own (tests run several stores in one process). */
const REBUILT_BY_STORE = new WeakMap<object, Map<number, Promise<PublishedVersion>>>();

function remember(store: object, id: number, make: () => Promise<PublishedVersion>): Promise<PublishedVersion> {
  let REBUILT = REBUILT_BY_STORE.get(store);
  if (!REBUILT) REBUILT_BY_STORE.set(store, (REBUILT = new Map()));
  const found = REBUILT.get(id);
  if (found) {
    REBUILT.delete(id);
    REBUILT.set(id, found);
    return found;
  }
  const made = make();
  REBUILT.set(id, made);
  made.catch(() => REBUILT.delete(id));
  if (REBUILT.size > KEPT) REBUILT.delete(REBUILT.keys().next().value!);
  return made;
}

/** The published disclosure of a unit and year, or undefined when it was never published. */
export async function publishedRecord(ctx: AppContext, unitCode: string, year: number): Promise<PublishedRecord | undefined> {
  const entry = await portalEntry(ctx.db, unitCode, year);
  if (!entry) return undefined;
  return { entry, publications: await listPublications(ctx.db, entry.disclosureId) };
}

/** What a publication published: its version's document, rebuilt into the disclosure its page shows. */
export function publishedVersion(ctx: AppContext, publication: PublicationRecord): Promise<PublishedVersion> {
  return remember(ctx.db, publication.id, async () => {
    const version = await versionOf<BudgetDocument>(ctx.db, publication.disclosureId, publication.versionNumber);
    if (!version) throw new Error(`发布 ${publication.id} 的第 ${publication.versionNumber} 版不存在`);
    const page = await publishedPage(ctx, version as StoredVersion);
    return { publication, document: version.document, disclosure: page.disclosure, catalog: page.catalog, certificate: publication.certificate as CheckCertificate };
  });
}

/** Every published year of a unit, newest first. */
export async function unitEntries(ctx: AppContext, unitCode: string): Promise<PortalEntry[]> {
  const entries = await listPortalEntries(ctx.db, { unitCodes: [unitCode] });
  return entries.sort((a, b) => b.year - a.year);
}

/** The other published units of the entry's 主管部门 in its year. */
export async function departmentEntries(ctx: AppContext, departmentCode: string, year?: number): Promise<PortalEntry[]> {
  return listPortalEntries(ctx.db, { departmentCodes: [departmentCode], ...(year !== undefined ? { years: [year] } : {}) });
}
