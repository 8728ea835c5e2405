/**
 * A small published portal for the query and API tests, made through the real chain (save → submit →
 * each review step → publish, with the app's own functions):
 *
 * | unit | name | department (region) | published |
 * |---|---|---|---|
 * | 117002 | 汉中市政务服务中心 (the demonstration) | 117 汉中市行政审批服务局 (陕西省汉中市) | 2023 (the example), 2022 (the example with its first line 10 000 元 less) |
 * | 201001 | 汉中市第一中学 | 201 汉中市教育局 (陕西省汉中市) | 2022; 2023 published, then corrected (sequence 2, one line 123.45 元 more) |
 * | 201002 | 汉中市教育考试中心 | 201 | 2023, 批复 5 days before today (on time) |
 * | 201003 | 汉中市教学研究室 | 201 | none: a 2023 draft only (must never show) |
 * | 301001 | 宝鸡市财政IT中心 | 301 宝鸡市财政局 (陕西省宝鸡市) | 2023, 批复 60 days before today (late) |
 *
 * The 201/301 documents are `syntheticBudgetDocument(seed, catalog)` with the unit's code and names
 * (and no prior-year figures, so no change needs a reason). `published` holds each published document
 * as read back from the versions the publications name — the test's independent source of figures.
 */
import { loadCatalog } from "../../src/catalog/load.ts";
import { addUser } from "../../src/app/accounts.ts";
import { advance, gateOf, reopen, saveVersion, submit } from "../../src/app/disclosures.ts";
import { canView } from "../../src/app/policy.ts";
import type { BudgetDocument } from "../../src/model/budget-document.ts";
import { disclosureById, versionOf } from "../../src/store/repositories/disclosures.ts";
import { unitById, upsertDepartment, upsertUnit } from "../../src/store/repositories/units.ts";
import { listUsers } from "../../src/store/repositories/users.ts";
import type { Database } from "../../src/store/sql.ts";
import { duties, mayTake, stepFrom } from "../../src/workflow/chain.ts";
import { findingKey } from "../../src/workflow/finding-key.ts";
import { type AppFixture, changedDemo, DEMO_PASSWORD, makeApp } from "../support/app-fixture.ts";
import { syntheticBudgetDocument } from "../support/arbitrary-budget.ts";

export const DEMO_UNIT = "117002";
export const CORRECTION_NOTE = "更正：调整第一笔支出金额";
/** The correction of 201001's 2023 budget: its first line (and the revenue funding it) grows by this many fen. */
export const CORRECTION_FEN = 12_345;

export interface PublishedDocument {
  readonly unitCode: string;
  readonly year: number;
  readonly sequence: number;
  readonly document: BudgetDocument;
}

export interface PortalFixture {
  readonly f: AppFixture;
  /** Every disclosure's newest publication, with the document it published (read from the versions). */
  readonly published: readonly PublishedDocument[];
  /** Beijing date `YYYY-MM-DD` `days` before today. */
  readonly daysAgo: (days: number) => string;
}

/** Today's date in Beijing (UTC+8, no daylight saving) minus `days`. */
export function beijingDate(days = 0, now = Date.now()): string {
  return new Date(now + 8 * 3600_000 - days * 86_400_000).toISOString().slice(0, 10);
}

/** Moves a disclosure along the chain to 已公开, each step taken by an account that may take it for this unit. */
export async function publishThroughChain(f: AppFixture, disclosureId: number): Promise<void> {
  for (let guard = 0; guard < 50; guard++) {
    const record = (await disclosureById(f.db, disclosureId))!;
    if (record.state === f.ctx.chain.published) return;
    const unit = (await unitById(f.db, record.unitId))!;
    const step = stepFrom(f.ctx.chain, record.state);
    if (!step) throw new Error(`“${record.state}”之后没有下一步`);
    const actor = (await listUsers(f.db)).find((u) => mayTake(step, u) && canView(u, unit));
    if (!actor) throw new Error(`没有能对单位 ${unit.code} 执行“${step.action}”的账号`);
    if (step.role === "preparer") {
      const version = await versionOf(f.db, disclosureId, record.head);
      const { gate } = await gateOf(f.ctx, record, version as never);
      await submit(f.ctx, actor, disclosureId, record.head, gate.unacknowledged.map((x) => ({ findingKey: findingKey(x), reason: "已核实" })));
    } else {
      await advance(f.ctx, actor, disclosureId);
    }
  }
  throw new Error("到不了已公开");
}

/** A synthetic single-unit document of `year` for the unit, without prior-year figures. */
function unitDocument(seed: number, year: number, unit: { code: string; name: string; department: string; region: string }, approvedOn?: string): BudgetDocument {
  const base = syntheticBudgetDocument(seed, loadCatalog(year));
  return {
    ...base,
    year,
    unit: { ...base.unit, code: unit.code, name: unit.name, department: unit.department, region: unit.region },
    prior: {},
    reasons: {},
    ...(approvedOn ? { approvedOn } : {}),
  };
}

/** The document with its first expenditure line, and the revenue of that line's source, `fen` larger. */
function corrected(doc: BudgetDocument, fen: number): BudgetDocument {
  const copy = structuredClone(doc) as any;
  const line = copy.expenditure[0];
  line.amount += fen;
  copy.revenue.find((r: any) => r.source === line.fundSource).amount += fen;
  return copy as BudgetDocument;
}

export async function makePortal(db: Database): Promise<PortalFixture> {
  const f = await makeApp({ db });
  const danwei = await f.user("danwei");

  // The demonstration: 2023 as the example, 2022 a variant of it.
  await f.advanceTo(f.demo.disclosureId, "已公开");
  const lastYear = await saveVersion(f.ctx, danwei, f.demo.unitId, changedDemo(-1_000_000, { year: 2022 }), 0, "表单");
  await f.advanceTo(lastYear.disclosure.id, "已公开");

  const departments = [
    { code: "201", name: "汉中市教育局", region: "陕西省汉中市" },
    { code: "301", name: "宝鸡市财政局", region: "陕西省宝鸡市" },
  ];
  const units = [
    { code: "201001", name: "汉中市第一中学", department: 0 },
    { code: "201002", name: "汉中市教育考试中心", department: 0 },
    { code: "201003", name: "汉中市教学研究室", department: 0 },
    { code: "301001", name: "宝鸡市财政IT中心", department: 1 },
  ];
  const made = new Map<string, { id: number; preparer: Awaited<ReturnType<typeof addUser>>["user"]; info: { code: string; name: string; department: string; region: string } }>();
  for (const [i, d] of departments.entries()) {
    const department = await upsertDepartment(f.db, d);
    await addUser(f.ctx, null, { username: `reviewer${d.code}`, displayName: `${d.name}审核员`, role: "reviewer", departmentIds: [department.id], duties: duties(f.ctx.chain), password: DEMO_PASSWORD });
    for (const u of units.filter((x) => x.department === i)) {
      const kind = "事业单位";
      const unit = await upsertUnit(f.db, { code: u.code, name: u.name, kind, departmentId: department.id });
      const { user } = await addUser(f.ctx, null, { username: `preparer${u.code}`, displayName: `${u.name}填报员`, role: "preparer", unitIds: [unit.id], password: DEMO_PASSWORD });
      made.set(u.code, { id: unit.id, preparer: user, info: { code: u.code, name: u.name, department: d.name, region: d.region } });
    }
  }
  const save = async (code: string, doc: BudgetDocument, head = 0) => {
    const unit = made.get(code)!;
    // The unit's kind follows the document (the synthetic generator draws one).
    await upsertUnit(f.db, { code, name: unit.info.name, kind: doc.unit.kind, departmentId: (await unitById(f.db, unit.id))!.departmentId });
    return (await saveVersion(f.ctx, unit.preparer, unit.id, doc, head, "导入")).disclosure;
  };
  const info = (code: string) => made.get(code)!.info;

  await publishThroughChain(f, (await save("201001", unitDocument(11, 2022, info("201001")))).id);
  const school2023 = unitDocument(12, 2023, info("201001"));
  const school = await save("201001", school2023);
  await publishThroughChain(f, school.id);
  await publishThroughChain(f, (await save("201002", unitDocument(13, 2023, info("201002"), beijingDate(5)))).id);
  await save("201003", unitDocument(14, 2023, info("201003")));
  await publishThroughChain(f, (await save("301001", unitDocument(15, 2023, info("301001"), beijingDate(60)))).id);

  // The correction: reopened by its preparer, changed, published again with the reason as its note.
  await reopen(f.ctx, made.get("201001")!.preparer, school.id, CORRECTION_NOTE);
  const head = (await disclosureById(f.db, school.id))!.head;
  await save("201001", corrected(school2023, CORRECTION_FEN), head);
  await publishThroughChain(f, school.id);

  // What was published, read back independently of the portal's read model.
  const published = await f.db.query<PublishedDocument>(
    `SELECT DISTINCT ON (p.disclosure_id) u.code AS "unitCode", d.year, p.sequence, v.document
     FROM publications p JOIN disclosures d ON d.id = p.disclosure_id JOIN units u ON u.id = d.unit_id
     JOIN versions v ON v.disclosure_id = p.disclosure_id AND v.number = p.version_number
     ORDER BY p.disclosure_id, p.sequence DESC`,
  );
  return { f, published, daysAgo: (days) => beijingDate(days) };
}
