/**
 * @fileoverview 表10 专项业务经费支出表 lists the projects the 专项业务经费 is spent on, so its total equals
 * the 专项业务经费支出 column of 表5 and of 表6 — when all the unit's money is 一般公共预算 (表1), since
 * 表10 covers every fund source and 表5/表6 only the 一般公共预算. A 合计 row printed blank counts as the
 * sum of its rows. Each 表13 绩效目标表 states its project's 实施期资金总额 in 万元, which equals the
 * 表10 project of the same name rounded to 0.01 万元; a difference there is a warning, since 绩效目标
 * amounts may legitimately follow a different scope in other templates. Projects of several units may
 * share a name: a 表13 then matches any 表10 project of that name.
 */
import type { Disclosure } from "../../model/disclosure.ts";
import { formatWanYuan, roundToWanYuanCents } from "../../model/money.ts";
import type { Row, Table } from "../../model/table.ts";
import type { Report, Rule } from "../rule.ts";
import { allGeneralBudget, amountOf, amountsOf, cellRef, normaliseLabel, tablesNumbered, tableTotal, tableWithContent, yuanText } from "../tables.ts";

// ---------------------------------------------------------------------------------------------------
// Helpers

const SPECIAL = "专项业务经费支出";
const AMOUNT = "项目金额";

function* checkTotals(disclosure: Disclosure, projects: Table): Generator<Report> {
  const summary = tableWithContent(disclosure, 1);
  if (!summary || !allGeneralBudget(summary)) return;
  const actual = tableTotal(projects, AMOUNT);
  for (const number of [5, 6] as const) {
    const detail = tableWithContent(disclosure, number);
    if (!detail) continue;
    const expected = tableTotal(detail, SPECIAL);
    if (expected === actual) continue;
    yield {
      messageId: "totalMismatch",
      data: { table: number, expected: yuanText(expected), actual: yuanText(actual) },
      cells: [cellRef(projects, undefined, AMOUNT), cellRef(detail, undefined, SPECIAL)],
      ...amountsOf(expected, actual),
    };
  }
}

/** A 表13 field by a text its label contains. */
const field = (table: Table, label: string) => table.fields?.find((f) => normaliseLabel(f.label).includes(label));

/** 表10's project rows by name; several units may each have a project of the same name. */
function projectsByName(projects: Table): Map<string, Row[]> {
  const byName = new Map<string, Row[]>();
  for (const row of projects.rows) {
    if (row.kind !== "item") continue;
    const key = normaliseLabel(row.label);
    byName.set(key, [...(byName.get(key) ?? []), row]);
  }
  return byName;
}

function* checkTargets(targets: Table, projects: Table, byName: ReadonlyMap<string, readonly Row[]>): Generator<Report> {
  const name = field(targets, "项目名称")?.value;
  const total = field(targets, "实施期资金总额")?.value;
  if (typeof name !== "string" || name.trim() === "" || typeof total !== "number") return;
  const cells = [{ table: targets.number, ...(targets.instance !== undefined ? { instance: targets.instance } : {}), column: "实施期资金总额" }];
  const rows = byName.get(normaliseLabel(name)) ?? [];
  if (rows.length === 0) {
    yield { messageId: "projectNotListed", data: { name }, cells, severity: "warning" };
    return;
  }
  const actual = roundToWanYuanCents(total);
  const amounts = rows.map((r) => roundToWanYuanCents(amountOf(projects, r, AMOUNT)));
  if (amounts.includes(actual)) return;
  yield {
    messageId: "targetAmountMismatch",
    data: { name, instance: targets.instance ?? 1, expected: amounts.map(formatWanYuan).join(" 或 "), actual: formatWanYuan(actual) },
    cells: [...cells, ...rows.map((r) => cellRef(projects, r, AMOUNT))],
    severity: "warning",
    ...amountsOf(amounts[0]!, actual),
  };
}

// ---------------------------------------------------------------------------------------------------
// Rule Definition

export const meta: Rule["meta"] = {
  id: "projects-vs-detail",
  description: "专项业务经费支出表（表10）与支出明细表的专项业务经费、绩效目标表（表13）的项目金额一致",
  category: "agreement",
  severity: "error",
  tables: [1, 5, 6, 10, 13],
  messages: {
    totalMismatch: "表10 项目金额合计为 {actual}，表{table}专项业务经费支出合计为 {expected}",
    targetAmountMismatch: "表13（第{instance}张）“{name}”的实施期资金总额为 {actual} 万元，表10 该项目为 {expected} 万元",
    projectNotListed: "表13 的项目“{name}”在表10 中没有同名项目",
  },
};

export function* check(disclosure: Disclosure): Generator<Report> {
  const projects = tableWithContent(disclosure, 10);
  if (!projects) return;
  yield* checkTotals(disclosure, projects);
  const byName = projectsByName(projects);
  for (const targets of tablesNumbered(disclosure, 13)) {
    if (!targets.empty) yield* checkTargets(targets, projects, byName);
  }
}

const rule: Rule = { meta, check };
export default rule;
