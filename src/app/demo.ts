/**
 * The demonstration a first `npm start` sets up: the example unit (汉中市政务服务中心) under its
 * department, its 2023 budget as a draft, and one account for each part of the review chain.
 */
import { readFileSync } from "node:fs";
import type { BudgetDocument } from "../model/budget-document.ts";
import { parseBudgetDocument } from "../pipeline/load-document.ts";
import { listUnits, upsertDepartment, upsertUnit } from "../store/repositories/units.ts";
import { addUser } from "./accounts.ts";
import type { AppContext } from "./context.ts";
import { saveVersion } from "./disclosures.ts";

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

/**
 * Loads the demonstration into an empty store (no units yet); returns the accounts made, with their
 * passwords (one `password` for all when given, else a one-time password each), or [] when not empty.
 */
export async function seedDemo(ctx: AppContext, password?: string): Promise<DemoAccount[]> {
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
  for (const { what, ...spec } of specs) {
    const made = await addUser(ctx, null, { ...spec, ...(password ? { password } : {}) });
    accounts.push({ username: made.user.username, displayName: made.user.displayName, password: made.password, what });
    if (spec.role === "preparer") await saveVersion(ctx, made.user, unit.id, doc, 0, "导入");
  }
  return accounts;
}
