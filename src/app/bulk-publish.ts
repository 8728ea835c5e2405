/**
 * Publishing many disclosures at once, without the review chain: for benchmarks and for tests that
 * need a store of published units (the portal, its static export, the browser tests). Each unit gets
 * what a publication through the chain leaves behind: its department and unit, a version holding the
 * document (with the checker's findings), the publication with the real published page and check
 * certificate (`publishedPage`, as the chain's last step makes it), the portal's read model
 * (`indexPublication`), a transition and an audit entry. Units are written in batches, one
 * transaction each; the pages can be rendered on worker threads while the main thread writes.
 *
 * ```ts
 * const result = await bulkPublish(ctx, units, { workers: 2, onProgress: (done) => console.log(done) });
 * ```
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { loadCatalog } from "../catalog/load.ts";
import type { BudgetDocument } from "../model/budget-document.ts";
import type { Disclosure } from "../model/disclosure.ts";
import { appendAudit } from "../store/repositories/audit.ts";
import { appendVersion, ensureDisclosure, setState } from "../store/repositories/disclosures.ts";
import { addPublication } from "../store/repositories/publications.ts";
import { recordTransition } from "../store/repositories/reviews.ts";
import { type Department, upsertDepartment, upsertUnit } from "../store/repositories/units.ts";
import type { Sql } from "../store/sql.ts";
import type { AppContext } from "./context.ts";
import { publishedPage, type StoredVersion, yoyThreshold } from "./disclosures.ts";
import type { Issue } from "./evaluate.ts";
import { indexPublication } from "./portal-index.ts";

/** One unit to publish: its 主管部门 and its document (the unit's code, name and kind come from the document). */
export interface BulkUnit {
  readonly department: { readonly code: string; readonly name: string; readonly region: string };
  readonly document: BudgetDocument;
}

export interface BulkPublishOptions {
  /** Units per transaction (default 50). */
  readonly batchSize?: number;
  /**
   * Worker threads rendering the pages (default 0: render on this thread). Rendering (build, check,
   * certificate, HTML with its charts) takes ~40 ms of a core per unit and the writes ~30 ms on the
   * embedded database (which runs on this thread), so from a few hundred units on, rendering
   * elsewhere nearly halves the time; starting a worker costs ~1 s.
   */
  readonly workers?: number;
  /** Called after each committed batch with the number of units published so far. */
  readonly onProgress?: (done: number) => void;
  /** The account recorded as publisher, transition actor and audit actor (default none). */
  readonly publishedBy?: number | null;
  /** The publication's note (a correction note when a unit is published again; default ""). */
  readonly note?: string;
}

/** What each unit's publication became. */
export interface BulkPublished {
  readonly unitCode: string;
  readonly year: number;
  readonly unitId: number;
  readonly disclosureId: number;
  readonly publicationId: number;
  readonly sequence: number;
}

/** The published page of a document and what the publication and the portal index keep of it. */
export interface RenderedPublication {
  readonly html: string;
  readonly certificate: unknown;
  readonly disclosure: Disclosure;
  readonly issues: readonly Issue[];
  readonly errors: number;
  readonly warnings: number;
}

/**
 * The published page of `document`, exactly as the chain's last step renders it. `publishedPage`
 * reads one setting from the database (the year-over-year threshold); here it is given, so that this
 * also runs on a worker thread without a database.
 */
export async function renderPublication(document: BudgetDocument, threshold: number, catalogRoot?: string): Promise<RenderedPublication> {
  const settingOnly: AppContext["db"] = {
    engine: "pglite",
    query: async <Row extends object>() => [{ value: threshold }] as unknown as Row[],
    exec: async () => {},
    transaction: () => Promise.reject(new Error("renderPublication: no database")),
    close: async () => {},
  };
  const ctx: AppContext = { db: settingOnly, chain: undefined as never, now: () => new Date(), ...(catalogRoot ? { catalogRoot } : {}) };
  const page = await publishedPage(ctx, { document } as StoredVersion);
  return {
    html: page.html,
    certificate: page.certificate,
    disclosure: page.disclosure,
    issues: page.evaluation.issues,
    errors: page.evaluation.errors,
    warnings: page.evaluation.warnings,
  };
}

type Renderer = { render(document: BudgetDocument): Promise<RenderedPublication>; close(): Promise<void> };

function inThisThread(threshold: number, catalogRoot: string | undefined): Renderer {
  return { render: (document) => renderPublication(document, threshold, catalogRoot), close: async () => {} };
}

/**
 * The worker module is TypeScript, and a worker thread does not inherit the parent's TypeScript
 * loader (neither `--import tsx` nor tsx's API, as bin/gongkai.js uses): each worker registers it
 * before loading the module.
 */
function startWorker(threshold: number, catalogRoot: string | undefined): Worker {
  const module = new URL("./bulk-publish-worker.ts", import.meta.url).href;
  const tsx = import.meta.resolve("tsx/esm/api");
  const bootstrap = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(module)}); });`;
  return new Worker(bootstrap, { eval: true, execArgv: [], workerData: { threshold, catalogRoot } });
}

function onWorkers(count: number, threshold: number, catalogRoot: string | undefined): Renderer {
  const waiting = new Map<number, { resolve: (r: RenderedPublication) => void; reject: (e: Error) => void }>();
  const workers = Array.from({ length: count }, () => {
    const worker = startWorker(threshold, catalogRoot);
    worker.on("message", (m: { id: number; result?: RenderedPublication; error?: string }) => {
      const task = waiting.get(m.id)!;
      waiting.delete(m.id);
      if (m.error !== undefined) task.reject(new Error(m.error));
      else task.resolve(m.result!);
    });
    worker.on("error", (error) => {
      for (const task of waiting.values()) task.reject(error);
      waiting.clear();
    });
    return worker;
  });
  let next = 0;
  return {
    render: (document) =>
      new Promise((resolve, reject) => {
        const id = next++;
        waiting.set(id, { resolve, reject });
        workers[id % workers.length]!.postMessage({ id, document });
      }),
    close: async () => {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

async function writeOne(ctx: AppContext, tx: Sql, department: Department, unit: BulkUnit, page: RenderedPublication, options: BulkPublishOptions): Promise<BulkPublished> {
  const doc = unit.document;
  const actor = options.publishedBy ?? null;
  const record = await upsertUnit(tx, { code: doc.unit.code, name: doc.unit.name, kind: doc.unit.kind, departmentId: department.id });
  const disclosure = await ensureDisclosure(tx, record.id, doc.year, ctx.chain.draft);
  const versionNumber = await appendVersion(tx, disclosure.id, disclosure.head, {
    document: doc,
    findings: page.issues,
    errors: page.errors,
    warnings: page.warnings,
    source: "导入",
    authorId: actor,
  });
  if (disclosure.state !== ctx.chain.published) await setState(tx, disclosure.id, ctx.chain.published);
  await recordTransition(tx, { disclosureId: disclosure.id, versionNumber, fromState: disclosure.state, toState: ctx.chain.published, action: "批量发布", actorId: actor, comment: "" });
  const publication = await addPublication(tx, { disclosureId: disclosure.id, versionNumber, note: options.note ?? "", html: page.html, certificate: page.certificate, publishedBy: actor });
  await indexPublication(tx, {
    unit: record,
    department,
    year: doc.year,
    document: doc,
    disclosure: page.disclosure,
    catalog: loadCatalog(doc.year, ctx.catalogRoot),
    publication,
    errors: page.errors,
    warnings: page.warnings,
  });
  await appendAudit(tx, { actorId: actor, action: "发布", subject: `disclosure:${disclosure.id}`, detail: { sequence: publication.sequence, version: versionNumber, bulk: true } }, ctx.now());
  return { unitCode: record.code, year: doc.year, unitId: record.id, disclosureId: disclosure.id, publicationId: publication.id, sequence: publication.sequence };
}

/**
 * Publishes every unit of `units` (read lazily, so a generator of 10,000 documents is never held in
 * memory at once), in order. A unit that is published already gets a new version and a new
 * publication (a correction). A document with errors stops the run with its unit's code; the batches
 * committed before it stay.
 */
export async function bulkPublish(ctx: AppContext, units: Iterable<BulkUnit> | AsyncIterable<BulkUnit>, options: BulkPublishOptions = {}): Promise<BulkPublished[]> {
  const batchSize = Math.max(1, options.batchSize ?? 50);
  const threshold = await yoyThreshold(ctx.db);
  const workers = Math.min(options.workers ?? 0, Math.max(1, availableParallelism()));
  const renderer = workers > 0 ? onWorkers(workers, threshold, ctx.catalogRoot) : inThisThread(threshold, ctx.catalogRoot);
  const departments = new Map<string, Department>();
  const published: BulkPublished[] = [];
  // Rendering runs ahead of the writes by up to `ahead` units, so the workers are busy while a batch commits.
  const ahead = Math.max(batchSize, workers * 8);
  const queue: { unit: BulkUnit; page: Promise<RenderedPublication> }[] = [];
  const failed = (unit: BulkUnit) => (error: Error) => {
    throw new Error(`单位 ${unit.document.unit.code}（${unit.document.unit.name}）${unit.document.year} 年：${error.message}`, { cause: error });
  };

  const writeBatch = async (batch: { unit: BulkUnit; page: RenderedPublication }[]) => {
    const written = await ctx.db.transaction(async (tx) => {
      const out: BulkPublished[] = [];
      for (const { unit, page } of batch) {
        let department = departments.get(unit.department.code);
        if (!department) {
          department = await upsertDepartment(tx, unit.department);
          departments.set(department.code, department);
        }
        out.push(await writeOne(ctx, tx, department, unit, page, options));
      }
      return out;
    });
    published.push(...written);
    options.onProgress?.(published.length);
  };

  const drain = async (keep: number) => {
    while (queue.length > keep) {
      const batch = queue.splice(0, Math.min(batchSize, queue.length - keep));
      await writeBatch(await Promise.all(batch.map(async ({ unit, page }) => ({ unit, page: await page.catch(failed(unit)) }))));
    }
  };

  try {
    for await (const unit of units) {
      const page = renderer.render(unit.document);
      page.catch(() => {}); // awaited in order by drain(); this only keeps a failure from going unhandled meanwhile
      queue.push({ unit, page });
      if (queue.length >= ahead + batchSize) await drain(ahead);
    }
    await drain(0);
  } finally {
    await renderer.close();
  }
  return published;
}
