/**
 * Checks a schema-valid BudgetDocument against the catalog of its year and against the rules a budget
 * must satisfy before tables are built from it (balance, projects, units, empty-table reasons).
 * Pure: it returns every problem, located by JSON path.
 */
import { type Catalog, type Classification, CLASSIFICATION_NAMES, levelOfCode, sameCatalogName } from "../catalog/catalog.ts";
import type { BudgetDocument, Expenditure } from "../model/budget-document.ts";
import { measureKeyProblem } from "../model/measure-key.ts";
import { type Fen, formatYuan, minusFen, sumFen } from "../model/money.ts";
import {
  BASIC_ECONOMIC_CLASSES,
  BASIC_NATURES,
  economicMappingKind,
  FISCAL_SOURCES,
  type UnitKind,
} from "../model/vocabulary.ts";
import { buildTables } from "../tables/index.ts";
import { jsonPath, type Problem } from "./problem.ts";

export function validateDocument(doc: BudgetDocument, catalog: Catalog): Problem[] {
  const problems: Problem[] = [];
  const report = (severity: Problem["severity"], path: PropertyKey[], message: string) =>
    problems.push({ severity, path: jsonPath(path), message });

  const unitKinds = unitKindsOf(doc, report);
  const projectIds = new Set<string>();
  doc.projects.forEach((p, i) => {
    if (projectIds.has(p.id)) report("error", ["projects", i, "id"], `项目 id “${p.id}”重复`);
    projectIds.add(p.id);
  });

  doc.expenditure.forEach((line, i) => {
    const at = (field: string) => ["expenditure", i, field];
    checkCode(catalog, "function", line.functionCode, line.functionName, at("functionCode"), at("functionName"), report);
    checkCode(catalog, "deptEconomic", line.deptEconomicCode, line.deptEconomicName, at("deptEconomicCode"), at("deptEconomicName"), report);
    checkCode(catalog, "govEconomic", line.govEconomicCode, line.govEconomicName, at("govEconomicCode"), at("govEconomicName"), report);
    const kind = unitKinds.get(line.unit ?? doc.unit.code);
    if (kind) checkMapping(catalog, line, kind, at("govEconomicCode"), report);
    checkNature(line, projectIds, at, report);
  });

  checkBalance(doc, report);
  doc.revenue.forEach((r, i) => {
    if (r.specialFunds !== undefined && r.source !== "一般公共预算拨款") {
      report("error", ["revenue", i, "specialFunds"], "“其中：专项资金列入部门预算的项目”只适用于一般公共预算拨款");
    }
    if (r.financialAccount !== undefined && r.source !== "事业收入") {
      report("error", ["revenue", i, "financialAccount"], "“其中：纳入财政专户管理的收费”只适用于事业收入");
    }
    for (const field of ["specialFunds", "financialAccount"] as const) {
      const part = r[field];
      if (part !== undefined && part > r.amount) {
        report("error", ["revenue", i, field], `“其中”金额 ${formatYuan(part)} 元大于该项收入 ${formatYuan(r.amount)} 元`);
      }
    }
  });
  doc.overallTargets?.tasks.forEach((t, i) => {
    if (t.fiscalAmount + t.otherAmount !== t.amount) {
      report("error", ["overallTargets", "tasks", i, "amount"], `任务“${t.name}”的总额 ${formatYuan(t.amount)} 元不等于财政拨款与其他资金之和 ${formatYuan(sumFen([t.fiscalAmount, t.otherAmount]))} 元`);
    }
  });
  for (const map of ["prior", "reasons"] as const) {
    for (const key of Object.keys(doc[map])) {
      const problem = measureKeyProblem(key);
      if (problem) report("error", [map, key], problem);
    }
  }
  if (!hasErrorsSoFar(problems)) checkEmptyTables(doc, catalog, report);
  return problems;
}

type Report = (severity: Problem["severity"], path: PropertyKey[], message: string) => void;

const hasErrorsSoFar = (problems: Problem[]) => problems.some((p) => p.severity === "error");

function unitKindsOf(doc: BudgetDocument, report: Report): Map<string, UnitKind> {
  const kinds = new Map<string, UnitKind>([[doc.unit.code, doc.unit.kind]]);
  if (doc.scope === "部门") {
    if (doc.memberUnits.length === 0) report("error", ["memberUnits"], "部门预算必须列出所属单位（memberUnits）");
    // Tables list the member units; the department's own money belongs to its 本级 member unit.
    kinds.clear();
    for (const u of doc.memberUnits) kinds.set(u.code, u.kind);
  } else if (doc.memberUnits.length > 0) {
    report("error", ["memberUnits"], "单位预算不应有所属单位；汇总多个单位时 scope 应为 部门");
  }
  const known = new Set(kinds.keys());
  const check = (list: readonly { unit?: string | undefined }[], name: string) =>
    list.forEach((item, i) => {
      if (item.unit !== undefined && !known.has(item.unit)) {
        report("error", [name, i, "unit"], `单位编码“${item.unit}”不是本预算的单位（${[...known].join("、")}）`);
      } else if (item.unit === undefined && doc.scope === "部门") {
        report("error", [name, i, "unit"], "部门预算的每一项都要注明所属单位编码");
      }
    });
  check(doc.revenue, "revenue");
  check(doc.expenditure, "expenditure");
  check(doc.projects, "projects");
  check(doc.procurement, "procurement");
  return kinds;
}

function checkCode(
  catalog: Catalog,
  classification: Classification,
  code: string,
  name: string | undefined,
  codePath: PropertyKey[],
  namePath: PropertyKey[],
  report: Report,
) {
  const what = CLASSIFICATION_NAMES[classification];
  const level = levelOfCode(classification, code);
  const entry = catalog.lookup(classification, code);
  if (!entry) {
    const complete = level !== null && catalog.isComplete(classification, level);
    const renamed = catalog.namesInOtherYears(classification, code);
    const hint = renamed.length > 0 ? `（该编码在其他年度为“${renamed.join("、")}”）` : "";
    report(
      complete ? "error" : "warning",
      codePath,
      complete
        ? `${what}科目 ${code} 不是 ${catalog.year} 年的有效科目${hint}`
        : `${what}科目 ${code} 不在已载入的 ${catalog.year} 年目录中（该目录的${level ?? ""}级不完整，请核对）${hint}`,
    );
    return;
  }
  if (name !== undefined && !sameCatalogName(name, entry.name)) {
    report("error", namePath, `${what}科目 ${code} 的名称应为“${entry.name}”，不是“${name}”`);
  }
}

function checkMapping(catalog: Catalog, line: Expenditure, kind: UnitKind, path: PropertyKey[], report: Report) {
  const mappingKind = economicMappingKind(kind);
  const expected = catalog.govEconomicFor(line.deptEconomicCode, mappingKind);
  if (expected === undefined) {
    if (catalog.lookup("deptEconomic", line.deptEconomicCode)) {
      report("warning", path, `对照表中没有${mappingKind}的部门经济科目 ${line.deptEconomicCode}，无法核对政府经济科目`);
    }
  } else if (expected !== line.govEconomicCode) {
    const name = catalog.lookup("govEconomic", expected)?.name ?? "";
    report(
      "error",
      path,
      `${kind}的部门经济科目 ${line.deptEconomicCode} 应对应政府经济科目 ${expected}${name ? ` ${name}` : ""}，不是 ${line.govEconomicCode}`,
    );
  }
}

function checkNature(line: Expenditure, projectIds: Set<string>, at: (f: string) => PropertyKey[], report: Report) {
  if (line.nature === "专项业务经费") {
    if (line.project === undefined) report("error", at("project"), "专项业务经费必须注明所属项目（project）");
    else if (!projectIds.has(line.project)) report("error", at("project"), `项目“${line.project}”不在 projects 中`);
  } else if (line.project !== undefined) {
    report("error", at("project"), `只有专项业务经费属于项目；这一行是${line.nature}`);
  }
  if (BASIC_NATURES.includes(line.nature) && !(BASIC_ECONOMIC_CLASSES as readonly string[]).includes(line.deptEconomicCode.slice(0, 3))) {
    report("error", at("deptEconomicCode"), `基本支出（${line.nature}）的经济分类只能是 ${BASIC_ECONOMIC_CLASSES.join("、")} 类，不是 ${line.deptEconomicCode}`);
  }
  if (line.fundSource === "一般公共预算拨款" && !["人员经费", "公用经费", "专项业务经费"].includes(line.nature)) {
    report("error", at("nature"), `一般公共预算拨款安排的支出只能是人员经费、公用经费或专项业务经费（表5–表8 只有这三列），不是${line.nature}`);
  }
}

function checkBalance(doc: BudgetDocument, report: Report) {
  const revenue = sumFen(doc.revenue.map((r) => r.amount));
  const expenditure = sumFen([...doc.expenditure.map((l) => l.amount), doc.carryForward, doc.unallocated]);
  if (revenue !== expenditure) {
    report(
      "error",
      ["revenue"],
      `收入总计 ${formatYuan(revenue)} 元不等于支出总计 ${formatYuan(expenditure)} 元（含结转下年、未安排支出的实户资金），相差 ${formatYuan(minusFen(revenue, expenditure))} 元`,
    );
  }
  // 表4 (财政拨款) balances only when 上年结转 (财政拨款结转) is spent or carried forward as 财政拨款结转下年.
  const carriedIn = sumFen(doc.revenue.filter((r) => r.source === "上年结转").map((r) => r.amount));
  const carriedInSpent = sumFen(doc.expenditure.filter((l) => l.fundSource === "上年结转").map((l) => l.amount));
  const fiscalOut = doc.fiscalCarryForward ?? (0 as Fen);
  if (fiscalOut > (doc.carryForward ?? 0)) {
    report("error", ["fiscalCarryForward"], `财政拨款结转下年 ${formatYuan(fiscalOut)} 元大于结转下年 ${formatYuan(doc.carryForward ?? (0 as Fen))} 元`);
  }
  if (carriedIn !== sumFen([carriedInSpent, fiscalOut])) {
    report(
      "error",
      ["revenue"],
      `上年结转（财政拨款）${formatYuan(carriedIn)} 元应等于以其安排的支出 ${formatYuan(carriedInSpent)} 元加财政拨款结转下年 ${formatYuan(fiscalOut)} 元，否则表4 收支不平衡`,
    );
  }
  for (const source of FISCAL_SOURCES) {
    const income = sumFen(doc.revenue.filter((r) => r.source === source).map((r) => r.amount));
    const spent = sumFen(doc.expenditure.filter((l) => l.fundSource === source).map((l) => l.amount));
    if (income !== spent) {
      report("error", ["revenue"], `${source}收入 ${formatYuan(income)} 元不等于以其安排的支出 ${formatYuan(spent)} 元`);
    }
  }
}

function checkEmptyTables(doc: BudgetDocument, catalog: Catalog, report: Report) {
  const tables = buildTables(doc, { catalog });
  const seen = new Set<number>();
  for (const table of tables) {
    if (seen.has(table.number)) continue;
    seen.add(table.number);
    const reason = doc.emptyTables[String(table.number)];
    if (table.empty && !reason) {
      report("error", ["emptyTables", String(table.number)], `表${table.number}“${table.title}”没有内容：公开空表必须在目录中说明理由`);
    } else if (!table.empty && reason) {
      report("warning", ["emptyTables", String(table.number)], `表${table.number}有内容，却写了空表理由“${reason}”`);
    }
  }
}
