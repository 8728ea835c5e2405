/**
 * Random BudgetDocuments for tests and benchmarks.
 *
 * - `arbitraryBudgetDocument(catalog, options)`: a fast-check arbitrary of VALID documents
 *   (`validateDocument(doc, catalog)` reports no problem at all), built from the catalog's real codes, for
 *   property tests. It draws a small "plan" of indices and amounts and assembles the document from
 *   it, so a failing case shrinks to few lines with small indices and amounts.
 * - `syntheticBudgetDocument(seed, catalog)`: a fast deterministic generator (plain PRNG) of one
 *   realistic single-unit document, for the benchmark.
 *
 * The rules both follow are those of `src/pipeline/validate-document.ts`:
 * - 政府经济科目 = the 对照表 mapping of the 部门经济科目 for the unit's kind (参公 as 机关);
 * - 人员经费 uses 301/303 款, 公用经费 302/310 款 (基本支出 may only use 301/302/303/310);
 * - 专项业务经费 lines belong to a project of the same unit; other lines to none;
 * - 一般公共预算拨款 funds only 人员经费, 公用经费 and 专项业务经费;
 * - revenue of each 财政拨款 source equals the lines it funds, and revenue in total equals the lines
 *   plus 结转下年 and 未安排支出的实户资金;
 * - `emptyTables` has a reason for exactly the tables that build empty (`emptyTableNumbers`).
 */
import fc from "fast-check";
import type { Catalog, CatalogEntry } from "../../src/catalog/catalog.ts";
import type {
  BudgetDocument,
  Expenditure,
  Indicator,
  OverallTargets,
  Procurement,
  Project,
  Revenue,
  SpecialFund,
} from "../../src/model/budget-document.ts";
import { type Fen, fen, sumFen } from "../../src/model/money.ts";
import {
  type EconomicMappingKind,
  economicMappingKind,
  INDICATOR_LEVEL1,
  INDICATOR_LEVEL2,
  type IndicatorLevel1,
  type Nature,
  PROCUREMENT_CATEGORIES,
  REVENUE_SOURCES,
  type RevenueSource,
  TABLE_NUMBERS,
  UNIT_KINDS,
  type UnitKind,
} from "../../src/model/vocabulary.ts";
import { reportingUnits } from "../../src/tables/lines.ts";
import { THREE_PUBLIC_CODES } from "../../src/tables/table-12-three-public.ts";

// ---------------------------------------------------------------------------------------------
// Code pools drawn from the catalog
// ---------------------------------------------------------------------------------------------

interface EconomicPools {
  /** 301/303 款: 人员经费. */
  readonly personnel: readonly string[];
  /** 302/310 款: 公用经费. */
  readonly public: readonly string[];
  /** Every 款 with a mapping: 专项业务经费 and transfers. */
  readonly any: readonly string[];
}

interface CodePools {
  readonly functions: readonly CatalogEntry[];
  readonly economic: Record<EconomicMappingKind, EconomicPools>;
}

const poolCache = new WeakMap<Catalog, CodePools>();

/** The catalog's 项-level function codes and its 款-level 部门经济科目 that have a 对照表 mapping. */
export function codePools(catalog: Catalog): CodePools {
  const cached = poolCache.get(catalog);
  if (cached) return cached;
  const functions = catalog.entries("function", "项");
  const dept = catalog.entries("deptEconomic", "款").map((e) => e.code);
  const poolsFor = (kind: EconomicMappingKind): EconomicPools => {
    const mapped = dept.filter((code) => catalog.govEconomicFor(code, kind) !== undefined);
    const inClasses = (...classes: string[]) => mapped.filter((code) => classes.includes(code.slice(0, 3)));
    return { personnel: inClasses("301", "303"), public: inClasses("302", "310"), any: mapped };
  };
  const pools: CodePools = { functions, economic: { 机关: poolsFor("机关"), 事业单位: poolsFor("事业单位") } };
  for (const kind of ["机关", "事业单位"] as const) {
    const p = pools.economic[kind];
    if (functions.length === 0 || p.personnel.length === 0 || p.public.length === 0) {
      throw new Error(`目录 ${catalog.year} 缺少生成预算所需的科目（功能科目项或${kind}的经济科目对照）`);
    }
  }
  poolCache.set(catalog, pools);
  return pools;
}

const pick = <T>(list: readonly T[], index: number): T => list[index % list.length]!;

// ---------------------------------------------------------------------------------------------
// Shared vocabulary for the generated text
// ---------------------------------------------------------------------------------------------

const UNIT_NAMES = ["政务服务中心", "农业技术推广站", "市场监督管理局", "档案馆", "疾病预防控制中心", "水利工作站", "图书馆"];
const DEPARTMENT_NAMES = ["市农业农村局", "市卫生健康委员会", "市文化和旅游局", "市水利局", "市行政审批服务局"];
const PROJECT_NAMES = ["信息化建设", "业务培训", "设备购置", "专项调查", "宣传推广", "运行维护", "课题研究", "应急处置"];
const GOALS = ["按期完成年度任务", "提升服务质量", "保障系统稳定运行", "完成设备更新", "服务对象满意度达到90%以上"];
const INDICATOR_CONTENTS = ["完成数量", "验收合格率", "按时完成率", "成本控制", "社会效益", "满意度"];
const INDICATOR_VALUES = ["", "100%", "≥95%", "12个月", "1项", "≥90%", "按计划完成"];
const PRIOR_KEYS = [
  "revenueTotal",
  "expenditureTotal",
  "fiscalRevenue",
  "generalBudgetExpenditure",
  "basicExpenditure",
  "nature:公用经费",
  "nature:专项业务经费",
  "threePublic:total",
  "threePublic:reception",
  "deptEconomic:302",
  "function:201",
] as const;

const INDICATOR_CATEGORIES: readonly (readonly [IndicatorLevel1, string])[] = INDICATOR_LEVEL1.flatMap((l1) =>
  INDICATOR_LEVEL2[l1].map((l2) => [l1, l2] as const),
);

/** Every source but 一般公共预算拨款: what transfers (上缴上级支出 …) may be funded by. */
const NON_GENERAL_SOURCES = REVENUE_SOURCES.filter((s) => s !== "一般公共预算拨款");
/** Balances brought in, which may fund 结转下年 and 未安排支出的实户资金. */
const BALANCE_SOURCES = ["上年结转", "用事业基金弥补收支差额", "上年实户资金余额", "其他收入"] as const;

// ---------------------------------------------------------------------------------------------
// fast-check arbitrary
// ---------------------------------------------------------------------------------------------

export interface ArbitraryBudgetOptions {
  /** Fix the scope; random (单位 or 部门) by default. */
  readonly scope?: "单位" | "部门";
  /**
   * `general`: every 专项业务经费 line is funded by 一般公共预算拨款 (so 表10 equals 表5's 专项 column);
   * `mixed`: any source. Random per document by default, so both cases occur.
   */
  readonly projectFunding?: "general" | "mixed";
  /** At most this many expenditure lines (default 40). */
  readonly maxLines?: number;
}

type ValueOf<A> = A extends fc.Arbitrary<infer T> ? T : never;

/** Weighted choice among constants. */
function weighted<T>(choices: readonly (readonly [T, number])[]): fc.Arbitrary<T> {
  return fc.oneof(...choices.map(([value, weight]) => ({ arbitrary: fc.constant(value), weight })));
}

/** Integer fen up to 10^11 (1 亿元), with small values and zero now and then. */
const amountArb: fc.Arbitrary<Fen> = fc
  .oneof(
    { arbitrary: fc.constant(0), weight: 1 },
    { arbitrary: fc.integer({ min: 1, max: 100_000 }), weight: 3 },
    { arbitrary: fc.integer({ min: 1, max: 100_000_000_000 }), weight: 8 },
  )
  .map(fen);

/** Permille of a sub-amount (其中 …), or none. */
const permilleArb = fc.option(fc.integer({ min: 0, max: 1000 }), { nil: undefined });
const partOf = (amount: Fen, permille: number): Fen => fen(Math.floor(amount * (permille / 1000)));

const indicatorArb: fc.Arbitrary<Indicator> = fc
  .record({
    category: fc.constantFrom(...INDICATOR_CATEGORIES),
    content: fc.constantFrom(...INDICATOR_CONTENTS),
    value: fc.constantFrom(...INDICATOR_VALUES),
    note: fc.option(fc.constantFrom("", "按年度考核"), { nil: undefined }),
  })
  .map(({ category: [level1, level2], content, value, note }) => ({
    level1,
    level2,
    content,
    value,
    ...(note === undefined ? {} : { note }),
  }));

const projectSpecArb = fc.record({
  name: fc.nat(),
  description: fc.constantFrom("", "保障业务正常开展", "按计划实施"),
  period: fc.option(fc.constantFrom("1年", "2年", "长期"), { nil: undefined }),
  goals: fc.array(fc.constantFrom(...GOALS), { maxLength: 3 }),
  indicators: fc.array(indicatorArb, { maxLength: 6 }),
});
type ProjectSpec = ValueOf<typeof projectSpecArb>;

const memberSpecArb = fc.record({
  kind: fc.constantFrom(...UNIT_KINDS),
  name: fc.nat(),
  projects: fc.array(projectSpecArb, { maxLength: 3 }),
});

/** What one expenditure line is, as indices into the code pools; resolved in `assemble`. */
const lineSpecArb = fc.record({
  unit: fc.nat(),
  nature: weighted<Nature>([
    ["人员经费", 4],
    ["公用经费", 4],
    ["专项业务经费", 4],
    ["上缴上级支出", 1],
    ["事业单位经营支出", 1],
    ["对附属单位补助支出", 1],
  ]),
  functionIndex: fc.nat(),
  economicIndex: fc.nat(),
  projectIndex: fc.nat(),
  source: weighted<RevenueSource>([
    ["一般公共预算拨款", 12],
    ["政府性基金拨款", 2],
    ["国有资本经营预算收入", 1],
    ["上级补助收入", 1],
    ["事业收入", 2],
    ["其他收入", 2],
    ["上年结转", 1],
  ]),
  /** Used instead of `source` for transfers, which 一般公共预算拨款 may not fund. */
  transferSource: fc.constantFrom(...NON_GENERAL_SOURCES),
  amount: amountArb,
  withNames: fc.boolean(),
});
type LineSpec = ValueOf<typeof lineSpecArb>;

const procurementSpecArb = fc.record({
  unit: fc.nat(),
  project: fc.option(fc.nat(), { nil: undefined }),
  name: fc.constantFrom("办公设备采购", "物业服务", "信息系统运维", "车辆维修"),
  category: fc.constantFrom(...PROCUREMENT_CATEGORIES),
  item: fc.constantFrom("", "台式计算机", "物业管理服务", "运维服务"),
  quantity: fc.option(fc.nat({ max: 50 }), { nil: undefined }),
  purchaseOfServices: fc.option(fc.boolean(), { nil: undefined }),
  fundSource: fc.constantFrom(...REVENUE_SOURCES),
  amount: amountArb,
});

const overallTargetsArb: fc.Arbitrary<OverallTargets> = fc.record({
  tasks: fc.array(
    fc.record({ name: fc.constantFrom(...PROJECT_NAMES), content: fc.constantFrom("", "保障运转"), fiscal: amountArb, other: amountArb }).map(
      ({ name, content, fiscal, other }) => ({
        name,
        content,
        amount: sumFen([fiscal, other]),
        fiscalAmount: fiscal,
        otherAmount: other,
      }),
    ),
    { maxLength: 4 },
  ),
  goals: fc.array(fc.constantFrom(...GOALS), { maxLength: 3 }),
  indicators: fc.array(indicatorArb, { maxLength: 5 }),
})
  // fc.record builds null-prototype objects; a document holds plain ones, as JSON.parse makes them.
  .map((targets) => ({ ...targets }));

const specialFundArb: fc.Arbitrary<SpecialFund> = fc
  .record({
    name: fc.constantFrom("乡村振兴专项资金", "文化产业发展专项资金", "水利发展专项资金"),
    totalFiscal: amountArb,
    totalOther: amountArb,
    annualFiscal: amountArb,
    annualOther: amountArb,
    periodGoals: fc.array(fc.constantFrom(...GOALS), { maxLength: 2 }),
    annualGoals: fc.array(fc.constantFrom(...GOALS), { maxLength: 2 }),
    indicators: fc.array(indicatorArb, { maxLength: 4 }),
  })
  .map((s) => ({
    name: s.name,
    department: "",
    period: "2023—2025年",
    totalAmount: sumFen([s.totalFiscal, s.totalOther]),
    totalFiscal: s.totalFiscal,
    totalOther: s.totalOther,
    annualAmount: sumFen([s.annualFiscal, s.annualOther]),
    annualFiscal: s.annualFiscal,
    annualOther: s.annualOther,
    periodGoals: s.periodGoals,
    annualGoals: s.annualGoals,
    indicators: s.indicators,
  }));

/** A random valid BudgetDocument for `catalog`'s year (see the file comment for the rules it keeps). */
export function arbitraryBudgetDocument(catalog: Catalog, options: ArbitraryBudgetOptions = {}): fc.Arbitrary<BudgetDocument> {
  const pools = codePools(catalog);
  const plan: fc.Arbitrary<Plan> = fc.record({
    scope: options.scope ? fc.constant(options.scope) : fc.constantFrom("单位" as const, "部门" as const),
    kind: fc.constantFrom(...UNIT_KINDS),
    name: fc.nat(),
    members: fc.array(memberSpecArb, { minLength: 2, maxLength: 4 }),
    /** In a 单位 document, whether lines still name the unit (allowed, and must change nothing). */
    explicitUnit: fc.boolean(),
    lines: fc.array(lineSpecArb, { minLength: 1, maxLength: options.maxLines ?? 40, size: "medium" }),
    projectFunding: options.projectFunding ? fc.constant(options.projectFunding) : fc.constantFrom("general" as const, "mixed" as const),
    /** Split each revenue sum into two items at this permille (none: one item per unit and source). */
    revenueSplit: permilleArb,
    specialFunds: permilleArb,
    financialAccount: permilleArb,
    carryForward: fc.option(amountArb, { nil: undefined, freq: 2 }),
    unallocated: fc.option(amountArb, { nil: undefined, freq: 2 }),
    balanceSource: fc.constantFrom(...BALANCE_SOURCES),
    procurement: fc.array(procurementSpecArb, { maxLength: 3 }),
    overallTargets: fc.option(overallTargetsArb, { nil: undefined }),
    specialFundForms: fc.array(specialFundArb, { maxLength: 2 }),
    prior: fc.uniqueArray(fc.tuple(fc.constantFrom(...PRIOR_KEYS), amountArb), { selector: ([k]) => k, maxLength: 4 }),
    reasons: fc.uniqueArray(fc.tuple(fc.constantFrom(...PRIOR_KEYS), fc.constantFrom("人员增加", "项目调整", "厉行节约")), {
      selector: ([k]) => k,
      maxLength: 3,
    }),
    approvedOn: fc.option(fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })), { nil: undefined }),
  });
  return plan.map((p) => assemble(catalog, pools, p));
}

/** The random choices a document is assembled from. */
interface Plan {
  readonly scope: "单位" | "部门";
  readonly kind: UnitKind;
  readonly name: number;
  readonly members: readonly ValueOf<typeof memberSpecArb>[];
  readonly explicitUnit: boolean;
  readonly lines: readonly LineSpec[];
  readonly projectFunding: "general" | "mixed";
  readonly revenueSplit: number | undefined;
  readonly specialFunds: number | undefined;
  readonly financialAccount: number | undefined;
  readonly carryForward: Fen | undefined;
  readonly unallocated: Fen | undefined;
  readonly balanceSource: RevenueSource;
  readonly procurement: readonly ValueOf<typeof procurementSpecArb>[];
  readonly overallTargets: OverallTargets | undefined;
  readonly specialFundForms: readonly SpecialFund[];
  readonly prior: readonly (readonly [string, Fen])[];
  readonly reasons: readonly (readonly [string, string])[];
  readonly approvedOn: readonly [number, number] | undefined;
}

const DEFAULT_PROJECT: ProjectSpec = { name: 0, description: "", period: undefined, goals: [], indicators: [] };

interface UnitPlan {
  readonly code: string;
  readonly name: string;
  readonly kind: UnitKind;
  readonly projects: readonly ProjectSpec[];
}

function assemble(catalog: Catalog, pools: CodePools, p: Plan): BudgetDocument {
  const isDepartment = p.scope === "部门";
  const docCode = "108";
  const docName = isDepartment ? pick(DEPARTMENT_NAMES, p.name) : `市${pick(UNIT_NAMES, p.name)}`;
  // The units lines belong to: the member units of a department, else the unit itself.
  const units: UnitPlan[] = isDepartment
    ? p.members.map((m, i) => ({
        code: `${docCode}${String(i + 1).padStart(3, "0")}`,
        name: i === 0 ? `${docName}（本级）` : `${docName}${pick(UNIT_NAMES, m.name + i)}`,
        kind: m.kind,
        projects: m.projects,
      }))
    : [{ code: docCode, name: docName, kind: p.kind, projects: p.members[0]!.projects }];
  // Whether lines name their unit: always in a department, optionally in a single unit.
  const tagUnit = isDepartment || p.explicitUnit;
  const unitField = (code: string) => (tagUnit ? { unit: code } : {});

  // Projects are made once per unit: from its specs, or, when its first 专项 line finds none, one
  // default project for that line to belong to.
  const projectsByUnit = new Map<string, Project[]>();
  const projectsOf = (unit: UnitPlan, neededByLine: boolean): Project[] => {
    const made = projectsByUnit.get(unit.code);
    if (made) return made;
    const specs = unit.projects.length > 0 || !neededByLine ? unit.projects : [DEFAULT_PROJECT];
    const list = specs.map((s, i) => ({
      id: `${unit.code}-P${i + 1}`,
      ...unitField(unit.code),
      name: `${pick(PROJECT_NAMES, s.name + i)}项目`,
      description: s.description,
      ...(s.period === undefined ? {} : { period: s.period }),
      goals: [...s.goals],
      indicators: [...s.indicators],
    }));
    projectsByUnit.set(unit.code, list);
    return list;
  };

  const expenditure: Expenditure[] = p.lines.map((spec) => {
    const unit = pick(units, spec.unit);
    const mappingKind = economicMappingKind(unit.kind);
    const economic = pools.economic[mappingKind];
    let nature = spec.nature;
    if (nature === "事业单位经营支出" && unit.kind !== "事业单位") nature = "上缴上级支出";
    const deptEconomicCode =
      nature === "人员经费"
        ? pick(economic.personnel, spec.economicIndex)
        : nature === "公用经费"
          ? pick(economic.public, spec.economicIndex)
          : pick(economic.any, spec.economicIndex);
    const govEconomicCode = catalog.govEconomicFor(deptEconomicCode, mappingKind)!;
    const fn = pick(pools.functions, spec.functionIndex);
    const isBudgetNature = nature === "人员经费" || nature === "公用经费" || nature === "专项业务经费";
    const fundSource: RevenueSource = !isBudgetNature
      ? spec.transferSource
      : nature === "专项业务经费" && p.projectFunding === "general"
        ? "一般公共预算拨款"
        : spec.source;
    const project = nature === "专项业务经费" ? pick(projectsOf(unit, true), spec.projectIndex).id : undefined;
    const names = spec.withNames
      ? {
          functionName: fn.name,
          deptEconomicName: catalog.lookup("deptEconomic", deptEconomicCode)!.name,
          govEconomicName: catalog.lookup("govEconomic", govEconomicCode)!.name,
        }
      : {};
    return {
      ...unitField(unit.code),
      functionCode: fn.code,
      deptEconomicCode,
      govEconomicCode,
      fundSource,
      nature,
      ...(project === undefined ? {} : { project }),
      amount: spec.amount,
      ...names,
    };
  });
  const projects = units.flatMap((u) => projectsOf(u, false));

  const revenue = balancedRevenue(expenditure, units, unitField, p);

  const procurement: Procurement[] = p.procurement.map((spec) => {
    const unit = pick(units, spec.unit);
    const unitProjects = projectsByUnit.get(unit.code) ?? [];
    const project = spec.project !== undefined && unitProjects.length > 0 ? pick(unitProjects, spec.project).id : undefined;
    return {
      ...unitField(unit.code),
      ...(project === undefined ? {} : { project }),
      name: spec.name,
      category: spec.category,
      item: spec.item,
      ...(spec.quantity === undefined ? {} : { quantity: spec.quantity }),
      ...(spec.purchaseOfServices === undefined ? {} : { purchaseOfServices: spec.purchaseOfServices }),
      fundSource: spec.fundSource,
      amount: spec.amount,
    };
  });

  const withoutReasons: BudgetDocument = {
    schemaVersion: 1,
    year: catalog.year,
    phase: "预算",
    scope: p.scope,
    unit: {
      code: docCode,
      name: docName,
      department: isDepartment ? docName : pick(DEPARTMENT_NAMES, p.name),
      kind: p.kind,
      level: "市级",
      region: "陕西省汉中市",
      staffing: {
        authorized: [{ kind: p.kind === "事业单位" ? "事业编制" : "行政编制", count: 10 + (p.name % 40) }],
        actual: [{ kind: "在职", count: 8 + (p.name % 37) }],
        retired: p.name % 13,
      },
      duties: ["贯彻执行有关法律法规和政策", "承办上级交办的其他事项"],
      organisation: "内设办公室、业务科",
      tasks: ["完成年度重点工作"],
    },
    memberUnits: isDepartment ? units.map((u) => ({ code: u.code, name: u.name, kind: u.kind })) : [],
    revenue,
    expenditure,
    ...(p.carryForward === undefined ? {} : { carryForward: p.carryForward }),
    ...(p.carryForward !== undefined && p.balanceSource === "上年结转" ? { fiscalCarryForward: p.carryForward } : {}),
    ...(p.unallocated === undefined ? {} : { unallocated: p.unallocated }),
    projects,
    ...(p.overallTargets === undefined ? {} : { overallTargets: p.overallTargets }),
    specialFunds: p.specialFundForms.map((s) => ({ ...s, department: docName })),
    procurement,
    assets: { vehicles: p.name % 5, equipmentOver200k: 0, plannedVehicles: 0, plannedEquipmentOver200k: 0 },
    prior: Object.fromEntries(p.prior),
    reasons: Object.fromEntries(p.reasons),
    emptyTables: {},
    ...(p.approvedOn === undefined
      ? {}
      : { approvedOn: `${catalog.year}-${pad2(p.approvedOn[0])}-${pad2(p.approvedOn[1])}` }),
  };
  return { ...withoutReasons, emptyTables: emptyTableReasons(withoutReasons) };
}

const pad2 = (n: number) => String(n).padStart(2, "0");

/**
 * Revenue that balances the lines: per unit and source, the sum of the lines that source funds
 * (split into two items when the plan says so), plus one item of a balance source covering
 * 结转下年 and 未安排支出的实户资金. 其中 sub-amounts go on 一般公共预算拨款 and 事业收入 items.
 */
function balancedRevenue(
  expenditure: readonly Expenditure[],
  units: readonly UnitPlan[],
  unitField: (code: string) => { unit?: string },
  p: Pick<Plan, "revenueSplit" | "specialFunds" | "financialAccount" | "carryForward" | "unallocated" | "balanceSource">,
): Revenue[] {
  const revenue: Revenue[] = [];
  const item = (unit: string, source: RevenueSource, amount: Fen): Revenue => ({
    ...unitField(unit),
    source,
    amount,
    ...(source === "一般公共预算拨款" && p.specialFunds !== undefined ? { specialFunds: partOf(amount, p.specialFunds) } : {}),
    ...(source === "事业收入" && p.financialAccount !== undefined ? { financialAccount: partOf(amount, p.financialAccount) } : {}),
  });
  for (const unit of units) {
    for (const source of REVENUE_SOURCES) {
      const funded = expenditure.filter((l) => (l.unit ?? units[0]!.code) === unit.code && l.fundSource === source);
      if (funded.length === 0) continue;
      const total = sumFen(funded.map((l) => l.amount));
      if (p.revenueSplit === undefined) {
        revenue.push(item(unit.code, source, total));
      } else {
        const first = partOf(total, p.revenueSplit);
        revenue.push(item(unit.code, source, first), item(unit.code, source, fen(total - first)));
      }
    }
  }
  if (p.balanceSource === "上年结转") {
    // 上年结转 is 财政拨款 money: it can only cover 财政拨款结转下年 (see fiscalCarryForward), not 未安排的实户资金.
    if (p.carryForward !== undefined) revenue.push(item(units[0]!.code, "上年结转", p.carryForward));
    if (p.unallocated !== undefined) revenue.push(item(units[0]!.code, "上年实户资金余额", p.unallocated));
    return revenue;
  }
  const balance = sumFen([p.carryForward, p.unallocated]);
  if (p.carryForward !== undefined || p.unallocated !== undefined) revenue.push(item(units[0]!.code, p.balanceSource, balance));
  return revenue;
}

const FOURTH_TABLE_SOURCES: readonly RevenueSource[] = ["一般公共预算拨款", "政府性基金拨款", "国有资本经营预算收入", "上年结转"];
const THREE_PUBLIC_ECONOMIC: readonly string[] = Object.values(THREE_PUBLIC_CODES).flat();

/**
 * The numbers of the tables that build empty from `doc`, by the builders' own rules (cheaper than
 * building the tables; `validateDocument` builds them and reports any table this gets wrong, so the
 * validity property catches a rule that drifts from its builder).
 */
export function emptyTableNumbers(doc: BudgetDocument): number[] {
  const reporting = new Set(reportingUnits(doc).map((u) => u.code));
  const inReporting = (item: { unit?: string | undefined }) => reporting.has(item.unit ?? doc.unit.code);
  const lines = doc.expenditure;
  const general = lines.filter((l) => l.fundSource === "一般公共预算拨款");
  const fundedBy = (sources: readonly RevenueSource[]) =>
    lines.some((l) => sources.includes(l.fundSource)) || doc.revenue.some((r) => sources.includes(r.source) && r.amount > 0);
  const hasContent: Record<number, boolean> = {
    1: lines.length > 0 || doc.revenue.length > 0,
    2: doc.revenue.some((r) => inReporting(r) && (r.amount > 0 || (r.financialAccount ?? 0) > 0)),
    3: lines.some((l) => inReporting(l) && l.amount > 0),
    4: fundedBy(FOURTH_TABLE_SOURCES),
    5: general.some((l) => l.nature === "人员经费" || l.nature === "公用经费" || l.nature === "专项业务经费"),
    7: general.some((l) => l.nature === "人员经费" || l.nature === "公用经费"),
    9: fundedBy(["政府性基金拨款"]),
    10: doc.projects.length > 0,
    11: doc.procurement.length > 0,
    12: general.some((l) => inReporting(l) && l.amount > 0 && THREE_PUBLIC_ECONOMIC.some((c) => l.deptEconomicCode.startsWith(c))),
    14: doc.overallTargets !== undefined,
    15: doc.specialFunds.length > 0,
  };
  hasContent[6] = hasContent[5]!;
  hasContent[8] = hasContent[7]!;
  hasContent[13] = hasContent[10]!;
  return TABLE_NUMBERS.filter((n) => !hasContent[n]);
}

/** A reason for each table that builds empty from `doc`, and for no other. */
export function emptyTableReasons(doc: BudgetDocument): Record<string, string> {
  return Object.fromEntries(emptyTableNumbers(doc).map((n) => [String(n), `本单位无${TABLE_SUBJECTS[n - 1]}，此表为空`]));
}

const TABLE_SUBJECTS = [
  "收支", "收入", "支出", "财政拨款收支", "一般公共预算支出", "一般公共预算支出", "一般公共预算基本支出", "一般公共预算基本支出",
  "政府性基金收支", "专项业务经费", "政府采购预算", "“三公”经费及会议费、培训费支出", "专项业务经费", "部门整体支出绩效目标", "专项资金",
] as const;

// ---------------------------------------------------------------------------------------------
// Deterministic synthetic documents (benchmark)
// ---------------------------------------------------------------------------------------------

/** mulberry32: a tiny, fast, well-mixed 32-bit PRNG. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface SyntheticPools {
  /** 款 whose 项 01 (行政运行) and 02 (一般行政管理事务) both exist: a unit's main 款. */
  readonly mainKuan: readonly string[];
  readonly functions: readonly string[];
  readonly has: (code: string) => boolean;
}

const syntheticCache = new WeakMap<Catalog, SyntheticPools>();

function syntheticPools(catalog: Catalog): SyntheticPools {
  const cached = syntheticCache.get(catalog);
  if (cached) return cached;
  const functions = catalog.entries("function", "项").map((e) => e.code);
  const set = new Set(functions);
  const mainKuan = catalog
    .entries("function", "款")
    .map((e) => e.code)
    .filter((k) => set.has(`${k}01`) && set.has(`${k}02`));
  const pools = { mainKuan, functions, has: (code: string) => set.has(code) };
  syntheticCache.set(catalog, pools);
  return pools;
}

/** Personnel 款 and the 项 that usually carries each (social security and housing have their own 项). */
const PERSONNEL: readonly (readonly [string, string | null])[] = [
  ["30101", null],
  ["30102", null],
  ["30103", null],
  ["30107", null],
  ["30108", "2080505"],
  ["30109", "2080506"],
  ["30110", "2101101"],
  ["30111", "2101103"],
  ["30112", null],
  ["30113", "2210201"],
  ["30199", null],
  ["30302", "2080501"],
  ["30305", null],
];
const PUBLIC = [
  "30201", "30202", "30205", "30206", "30207", "30209", "30211", "30213", "30215", "30216",
  "30217", "30226", "30228", "30229", "30231", "30239", "30299", "31002", "31007",
];
const PROJECT_ECONOMIC = ["30201", "30202", "30211", "30213", "30218", "30226", "30227", "30299", "31002", "31003", "31007"];

/**
 * A realistic single-unit document, the same for the same seed: 人员经费 and 公用经费 lines on the
 * unit's main 款 (social security and housing on their own 项), three projects, most money from
 * 一般公共预算拨款 and some from other sources; about 30–80 lines. Valid for `catalog`.
 */
export function syntheticBudgetDocument(seed: number, catalog: Catalog): BudgetDocument {
  const random = prng(seed);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const choose = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const yuanAmount = (min: number, max: number) => fen(int(min, max) * 100 + (random() < 0.3 ? int(0, 99) : 0));
  const pools = syntheticPools(catalog);
  const kind = choose(UNIT_KINDS);
  const mappingKind = economicMappingKind(kind);
  const mainKuan = pools.mainKuan.length > 0 ? choose(pools.mainKuan) : null;
  /** The main 款's 项 with one of these suffixes (first that exists), else any 项. */
  const functionFor = (...suffixes: string[]): string =>
    suffixes.map((s) => `${mainKuan}${s}`).find((c) => mainKuan && pools.has(c)) ?? choose(pools.functions);
  const basicFunction = kind === "事业单位" ? functionFor("50", "01") : functionFor("01");
  const code = String(100000 + (seed % 900000));
  const lines: Expenditure[] = [];
  const line = (fields: Pick<Expenditure, "functionCode" | "deptEconomicCode" | "fundSource" | "nature" | "amount"> & { project?: string }) => {
    const govEconomicCode = catalog.govEconomicFor(fields.deptEconomicCode, mappingKind);
    if (govEconomicCode === undefined) return;
    lines.push({ ...fields, govEconomicCode });
  };

  // 人员经费: every personnel 款, on its own 项 where it has one.
  const staff = int(8, 120);
  for (const [economic, ownFunction] of PERSONNEL) {
    const functionCode = ownFunction && pools.has(ownFunction) ? ownFunction : basicFunction;
    line({ functionCode, deptEconomicCode: economic, fundSource: "一般公共预算拨款", nature: "人员经费", amount: yuanAmount(staff * 800, staff * 60_000) });
  }
  // 公用经费: a random selection of 302/310 款; 公务接待费 always (so 表12 has content).
  const publicCodes = PUBLIC.filter((c) => c === "30217" || random() < 0.7);
  for (const economic of publicCodes) {
    line({ functionCode: basicFunction, deptEconomicCode: economic, fundSource: "一般公共预算拨款", nature: "公用经费", amount: yuanAmount(staff * 50, staff * 3_000) });
  }
  // Three projects, 3–18 lines each; now and then money from other sources.
  const projects: Project[] = [0, 1, 2].map((i) => ({
    id: `P${i + 1}`,
    name: `${choose(PROJECT_NAMES)}项目${i + 1}`,
    description: "保障业务正常开展",
    period: "1年",
    goals: [choose(GOALS), choose(GOALS)],
    indicators: INDICATOR_CATEGORIES.slice(0, int(3, INDICATOR_CATEGORIES.length)).map(([level1, level2]) => ({
      level1,
      level2,
      content: choose(INDICATOR_CONTENTS),
      value: choose(INDICATOR_VALUES) || "100%",
    })),
  }));
  const projectFunction = functionFor("02");
  const governmentFund = random() < 0.2;
  for (const project of projects) {
    const count = int(3, 18);
    for (let n = 0; n < count; n += 1) {
      const r = random();
      const fundSource: RevenueSource =
        r < 0.8 ? "一般公共预算拨款" : r < 0.88 ? "其他收入" : r < 0.95 && kind === "事业单位" ? "事业收入" : governmentFund ? "政府性基金拨款" : "其他收入";
      line({
        functionCode: fundSource === "政府性基金拨款" ? choose(pools.functions) : projectFunction,
        deptEconomicCode: choose(PROJECT_ECONOMIC),
        fundSource,
        nature: "专项业务经费",
        project: project.id,
        amount: yuanAmount(5_000, 3_000_000),
      });
    }
  }

  const revenue: Revenue[] = [];
  for (const source of REVENUE_SOURCES) {
    const funded = lines.filter((l) => l.fundSource === source);
    if (funded.length > 0) revenue.push({ source, amount: sumFen(funded.map((l) => l.amount)) });
  }
  const name = `市${choose(UNIT_NAMES)}`;
  const procurementAmount = yuanAmount(10_000, 500_000);
  const doc: BudgetDocument = {
    schemaVersion: 1,
    year: catalog.year,
    phase: "预算",
    scope: "单位",
    unit: {
      code,
      name,
      department: choose(DEPARTMENT_NAMES),
      kind,
      level: "市级",
      region: "陕西省汉中市",
      staffing: {
        authorized: [{ kind: kind === "事业单位" ? "事业编制" : "行政编制", count: staff + int(0, 10) }],
        actual: [{ kind: "在职", count: staff }],
        retired: int(0, staff),
      },
      duties: ["贯彻执行有关法律法规和政策", "负责本行业管理和服务", "承办上级交办的其他事项"],
      organisation: "内设办公室、业务科、综合科",
      tasks: ["完成年度重点工作", "提升服务水平"],
    },
    memberUnits: [],
    revenue,
    expenditure: lines,
    projects,
    overallTargets: {
      tasks: projects.map((p) => {
        const total = sumFen(lines.filter((l) => l.project === p.id).map((l) => l.amount));
        const fiscal = sumFen(lines.filter((l) => l.project === p.id && l.fundSource === "一般公共预算拨款").map((l) => l.amount));
        return { name: p.name, content: p.description, amount: total, fiscalAmount: fiscal, otherAmount: fen(total - fiscal) };
      }),
      goals: [choose(GOALS)],
      indicators: projects.flatMap((p) => p.indicators.slice(0, 2)),
    },
    specialFunds: [],
    procurement: [
      { name: "办公设备采购", category: "货物", item: "台式计算机", quantity: int(1, 20), fundSource: "一般公共预算拨款", amount: procurementAmount },
    ],
    assets: { vehicles: int(0, 5), equipmentOver200k: int(0, 2), plannedVehicles: 0, plannedEquipmentOver200k: 0 },
    prior: { generalBudgetExpenditure: yuanAmount(staff * 10_000, staff * 80_000) },
    reasons: {},
    emptyTables: {},
  };
  return { ...doc, emptyTables: emptyTableReasons(doc) };
}
