/**
 * bulkPublish (src/app/bulk-publish.ts), on both engines: each unit ends as a publication through the
 * chain would leave it (published state, the version with its findings, the real published page and
 * certificate, the portal's read model, a transition and an audit entry in an intact chain), on this
 * thread and on worker threads alike; publishing a unit again is a correction; a document with errors
 * stops the run, naming its unit, and keeps the batches committed before it.
 */
import assert from "node:assert/strict";
import { before, it } from "node:test";
import { bulkPublish, renderPublication } from "../../src/app/bulk-publish.ts";
import type { AppContext } from "../../src/app/context.ts";
import { findDisclosure, versionOf } from "../../src/store/repositories/disclosures.ts";
import { portalEntry } from "../../src/store/repositories/portal.ts";
import { listPublications } from "../../src/store/repositories/publications.ts";
import { verifyAudit } from "../../src/store/repositories/audit.ts";
import { listTransitions } from "../../src/store/repositories/reviews.ts";
import { unitByCode } from "../../src/store/repositories/units.ts";
import { DEFAULT_CHAIN } from "../../src/workflow/chain.ts";
import { forEachEngine } from "../support/engines.ts";
import { syntheticUnitCode, syntheticUnits } from "../support/synthetic-units.ts";

forEachEngine("bulk publishing", (open) => {
  let ctx: AppContext;
  before(async () => {
    ctx = { db: await open(), chain: DEFAULT_CHAIN, now: () => new Date() };
  });

  it("publishes each unit as the chain would: state, version, the published page, certificate, portal entry, transition, audit", async () => {
    const progress: number[] = [];
    const units = [...syntheticUnits(5, { perDepartment: 2 })];
    const published = await bulkPublish(ctx, units, { batchSize: 2, onProgress: (done) => progress.push(done) });
    assert.deepEqual(progress, [2, 4, 5]);
    assert.deepEqual(published.map((p) => p.unitCode), [0, 1, 2, 3, 4].map(syntheticUnitCode));
    for (const [i, p] of published.entries()) {
      const unit = (await unitByCode(ctx.db, p.unitCode))!;
      const record = (await findDisclosure(ctx.db, unit.id, 2023))!;
      assert.equal(record.state, DEFAULT_CHAIN.published);
      const version = (await versionOf(ctx.db, record.id, record.head))!;
      assert.deepEqual(version.document, units[i]!.document);
      const [publication] = await listPublications(ctx.db, record.id, true);
      const expected = await renderPublication(units[i]!.document, 10);
      assert.equal(publication!.html, expected.html);
      assert.deepEqual(publication!.certificate, expected.certificate);
      assert.equal(version.errors, expected.errors);
      const entry = (await portalEntry(ctx.db, p.unitCode, 2023))!;
      assert.equal(entry.publicationId, p.publicationId);
      assert.equal(entry.departmentCode, `D00${Math.floor(i / 2)}`);
      assert.deepEqual((await listTransitions(ctx.db, record.id)).map((t) => [t.fromState, t.toState]), [[DEFAULT_CHAIN.draft, DEFAULT_CHAIN.published]]);
    }
    const audit = await verifyAudit(ctx.db);
    assert.ok(audit.ok);
    assert.equal(audit.entries, 5);
  });

  it("renders on worker threads the same pages, and publishing again is a correction with its note", async () => {
    const [unit] = [...syntheticUnits(1, { first: 1 })];
    const renamed = { ...unit!, document: { ...unit!.document, unit: { ...unit!.document.unit, name: "更正后的基准单位" } } };
    const [again] = await bulkPublish(ctx, [renamed], { workers: 2, note: "更正单位名称" });
    assert.equal(again!.sequence, 2);
    const publications = await listPublications(ctx.db, again!.disclosureId, true);
    assert.deepEqual(publications.map((p) => [p.sequence, p.note]), [[2, "更正单位名称"], [1, ""]]);
    assert.equal(publications[0]!.html, (await renderPublication(renamed.document, 10)).html);
    assert.match(publications[0]!.html, /更正后的基准单位/);
    assert.equal((await portalEntry(ctx.db, syntheticUnitCode(1), 2023))!.unitName, "更正后的基准单位");
  });

  it("stops at a document with errors, naming its unit; the batches before it stay", async () => {
    const units = [...syntheticUnits(3, { first: 10 })];
    const broken = { ...units[2]!, document: { ...units[2]!.document, year: 1990 } };
    await assert.rejects(bulkPublish(ctx, [units[0]!, units[1]!, broken], { batchSize: 2, workers: 1 }), new RegExp(`单位 ${syntheticUnitCode(12)}`));
    assert.ok(await portalEntry(ctx.db, syntheticUnitCode(11), 2023));
    assert.equal(await unitByCode(ctx.db, syntheticUnitCode(12)), undefined);
  });
});
