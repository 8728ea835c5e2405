/**
 * The demonstration a first `npm start` sets up: the example unit (汉中市政务服务中心) under its
 * department, its 2022 budget published (a document derived from the 2023 example, so the portal has
 * two years to compare), its 2023 budget as a draft, and one account for each part of the review chain.
 */
import { readFileSync } from "node:fs";
import type { BudgetDocument } from "../model/budget-document.ts";
import type { Fen } from "../model/money.ts";
import { parseBudgetDocument } from "../pipeline/load-document.ts";
import { disclosureById, versionOf } from "../store/repositories/disclosures.ts";
import { listUnits, upsertDepartment, upsertUnit } from "../store/repositories/units.ts";
import type { UserRecord } from "../store/repositories/users.ts";
import { addUser } from "./accounts.ts";
import type { AppContext } from "./context.ts";
import { findingKey } from "../workflow/finding-key.ts";
import { mayTake, stepFrom } from "../workflow/chain.ts";
import { advance, gateOf, saveVersion, submit } from "./disclosures.ts";
import { evaluateDocument } from "./evaluate.ts";

export const DEMO_DOCUMENT = new URL("../../examples/hanzhong-zwfwzx-2023.budget.json", import.meta.url);

export interface DemoAccount {
  readonly username: string;
  readonly displayName: string;
  readonly password: string;
  readonly what: string;
}

export function readDemoDocument(): BudgetDocument {
  const parsed = parseBudgetDocument(JSON.parse(readFileSync(DEMO_DOCUMENT, "utf8")));
  if (!parsed.ok) throw new Error(`示例文档有误：${parsed.problems.map((p) => `${p.path} ${p.message}`).join("；")}`);
  return parsed.doc;
}

/** Nine tenths of an amount that is a multiple of 10 fen, exactly. */
function nineTenths(amount: Fen): Fen {
  if (amount % 10 !== 0) throw new Error(`示例金额 ${amount} 分不是 10 分的整数倍，不能按 9/10 精确缩放`);
  return ((amount / 10) * 9) as Fen;
}

/**
 * The demonstration's previous year: the 2023 example as a 2022 budget, every amount (revenue,
 * expenditure, 年度主要任务, prior-year figures) scaled by exactly 9/10, so revenue and expenditure still
 * balance and every table adds up; "2023年" in its texts reads "2022年". Checked: it has no error.
 */
export function lastYearDemoDocument(doc: BudgetDocument = readDemoDocument()): BudgetDocument {
  const year = doc.year - 1;
  const retext = <T>(value: T): T => JSON.parse(JSON.stringify(value).replaceAll(`${doc.year}年`, `${year}年`)) as T;
  const derived: BudgetDocument = {
    ...doc,
    year,
    revenue: doc.revenue.map((r) => ({
      ...r,
      amount: nineTenths(r.amount),
      ...(r.specialFunds !== undefined ? { specialFunds: nineTenths(r.specialFunds) } : {}),
      ...(r.financialAccount !== undefined ? { financialAccount: nineTenths(r.financialAccount) } : {}),
    })),
    expenditure: doc.expenditure.map((e) => ({ ...e, amount: nineTenths(e.amount) })),
    ...(doc.overallTargets
      ? {
          overallTargets: {
            ...retext(doc.overallTargets),
            tasks: doc.overallTargets.tasks.map((t) => ({ ...t, amount: nineTenths(t.amount), fiscalAmount: nineTenths(t.fiscalAmount), otherAmount: nineTenths(t.otherAmount) })),
          },
        }
      : {}),
    projects: retext(doc.projects),
    prior: Object.fromEntries(Object.entries(doc.prior).map(([key, amount]) => [key, nineTenths(amount)])),
  };
  if (doc.specialFunds.length > 0 || doc.procurement.length > 0 || doc.carryForward !== undefined || doc.fiscalCarryForward !== undefined || doc.unallocated !== undefined)
    throw new Error("示例文档含有专项资金、采购或结转金额，上一年度的示例需要同样缩放它们");
  const evaluation = evaluateDocument(derived, `demo:${year}`);
  if (evaluation.errors > 0) throw new Error(`上一年度示例文档有 ${evaluation.errors} 个错误：${evaluation.issues.filter((i) => i.severity === "error").map((i) => i.message).join("；")}`);
  return derived;
}

/**
 * Publishes a saved disclosure through the real chain: the preparer submits (acknowledging any
 * warning), then for each step a demonstration account holding its duty approves. Stops where no
 * account may take the next step (a deployment's own chain), leaving it there.
 */
async function publishThroughChain(ctx: AppContext, disclosureId: number, accounts: readonly UserRecord[]): Promise<void> {
  for (let guard = 0; guard < 50; guard++) {
    const record = await disclosureById(ctx.db, disclosureId);
    if (!record || record.state === ctx.chain.published) return;
    const step = stepFrom(ctx.chain, record.state);
    const actor = step && accounts.find((u) => mayTake(step, u));
    if (!step || !actor) return;
    if (step.role === "preparer") {
      const version = await versionOf<BudgetDocument, never>(ctx.db, disclosureId, record.head);
      const { gate } = await gateOf(ctx, record, version as never);
      await submit(ctx, actor, disclosureId, record.head, gate.unacknowledged.map((f) => ({ findingKey: findingKey(f), reason: "示例数据，已核实" })));
    } else {
      await advance(ctx, actor, disclosureId, "示例：审核通过");
    }
  }
}

export interface SeedOptions {
  /** Also publish the unit's previous year (default true), so the portal has two years to compare. */
  readonly publishLastYear?: boolean;
}

/**
 * Loads the demonstration into an empty store (no units yet); returns the accounts made, with their
 * passwords (one `password` for all when given, else a one-time password each), or [] when not empty.
 */
export async function seedDemo(ctx: AppContext, password?: string, options: SeedOptions = {}): Promise<DemoAccount[]> {
  if ((await listUnits(ctx.db)).length > 0) return [];
  const doc = readDemoDocument();
  const department = await upsertDepartment(ctx.db, { code: doc.unit.code.slice(0, 3), name: doc.unit.department, region: doc.unit.region ?? "" });
  const unit = await upsertUnit(ctx.db, { code: doc.unit.code, name: doc.unit.name, kind: doc.unit.kind, departmentId: department.id });
  const specs = [
    { username: "danwei", displayName: "政务服务中心填报员", role: "preparer" as const, unitIds: [unit.id], what: "单位填报人" },
    { username: "zhuguan", displayName: "行政审批服务局审核员", role: "reviewer" as const, departmentIds: [department.id], duties: ["主管部门审核"], what: "主管部门审核" },
    { username: "baomi", displayName: "保密审查员", role: "reviewer" as const, departmentIds: [department.id], duties: ["保密审查"], what: "保密审查" },
    { username: "fuzeren", displayName: "单位主要负责人", role: "reviewer" as const, departmentIds: [department.id], duties: ["负责人审签", "公开"], what: "负责人审签并公开" },
  ];
  const accounts: DemoAccount[] = [];
  const users: UserRecord[] = [];
  for (const { what, ...spec } of specs) {
    const made = await addUser(ctx, null, { ...spec, ...(password ? { password } : {}) });
    accounts.push({ username: made.user.username, displayName: made.user.displayName, password: made.password, what });
    users.push(made.user);
  }
  const preparer = users[0]!;
  if (options.publishLastYear !== false) {
    const saved = await saveVersion(ctx, preparer, unit.id, lastYearDemoDocument(doc), 0, "导入");
    await publishThroughChain(ctx, saved.disclosure.id, users);
  }
  await saveVersion(ctx, preparer, unit.id, doc, 0, "导入");
  return accounts;
}
