/**
 * The BudgetDocument: a unit's (or a department's) budget as data, entered once. Every table and
 * the narrative are built from it. The zod schema is the single source of truth: the TypeScript
 * types are inferred from it and the committed JSON Schema is generated from it.
 */
import { z } from "zod";
import type { Fen } from "./money.ts";
import {
  ALL_INDICATOR_LEVEL2,
  INDICATOR_LEVEL1,
  NATURES,
  PROCUREMENT_CATEGORIES,
  REVENUE_SOURCES,
  TABLE_NUMBERS,
  UNIT_KINDS,
} from "./vocabulary.ts";

/** Integer fen, never negative. (Typed as Fen; at run time a plain JSON integer.) */
const amount = z
  .number({ error: "金额必须是数字（以分为单位的整数）" })
  .int({ error: "金额必须是以分为单位的整数（1 元 = 100 分），不能有小数" })
  .min(0, { error: "金额不能为负数" })
  .max(Number.MAX_SAFE_INTEGER, { error: "金额超出范围" })
  .meta({ description: "金额，单位：分（整数）" }) as unknown as z.ZodType<Fen>;

const nonEmpty = (what: string) => z.string({ error: `${what}必须是文字` }).trim().min(1, { error: `${what}不能为空` });
const count = z.number().int({ error: "人数必须是整数" }).min(0, { error: "人数不能为负数" });

const functionCode = z
  .string()
  .regex(/^\d{7}$/, { error: "支出功能分类科目编码必须是 7 位数字（项级）" })
  .meta({ description: "支出功能分类科目编码（项级，7 位）" });
const deptEconomicCode = z
  .string()
  .regex(/^\d{5}$/, { error: "部门预算支出经济分类科目编码必须是 5 位数字（款级）" })
  .meta({ description: "部门预算支出经济分类科目编码（款级，5 位）" });
const govEconomicCode = z
  .string()
  .regex(/^\d{5}$/, { error: "政府预算支出经济分类科目编码必须是 5 位数字（款级）" })
  .meta({ description: "政府预算支出经济分类科目编码（款级，5 位）" });
const unitCode = z.string().trim().min(1).meta({ description: "单位编码" });

export const StaffCountSchema = z.object({ kind: nonEmpty("人员类别"), count });

export const UnitSchema = z
  .object({
    code: unitCode,
    name: nonEmpty("单位名称"),
    department: nonEmpty("主管部门").meta({ description: "主管部门名称" }),
    kind: z.enum(UNIT_KINDS, { error: `单位性质必须是：${UNIT_KINDS.join("、")}` }),
    level: z.string().optional().meta({ description: "预算级次，如 市级" }),
    region: z.string().optional().meta({ description: "行政区划，如 陕西省汉中市" }),
    staffing: z
      .object({
        authorized: z.array(StaffCountSchema).meta({ description: "编制数，按编制类别" }),
        actual: z.array(StaffCountSchema).meta({ description: "实有人数，按类别" }),
        retired: count.meta({ description: "离退休人数" }),
      })
      .strict(),
    duties: z.array(z.string()).meta({ description: "主要职责，每条一项" }),
    organisation: z.string().meta({ description: "机构设置" }),
    tasks: z.array(z.string()).meta({ description: "工作任务，每段一项" }),
  })
  .strict();

export const MemberUnitSchema = z
  .object({
    code: unitCode,
    name: nonEmpty("单位名称"),
    kind: z.enum(UNIT_KINDS, { error: `单位性质必须是：${UNIT_KINDS.join("、")}` }),
  })
  .strict();

export const RevenueSchema = z
  .object({
    unit: unitCode.optional().meta({ description: "所属单位编码（部门汇总时必填）" }),
    source: z.enum(REVENUE_SOURCES, { error: `收入来源必须是：${REVENUE_SOURCES.join("、")}` }),
    amount,
    specialFunds: amount.optional().meta({ description: "其中：专项资金列入部门预算的项目（一般公共预算拨款）" }),
    financialAccount: amount.optional().meta({ description: "其中：纳入财政专户管理的收费（事业收入）" }),
  })
  .strict();

export const ExpenditureSchema = z
  .object({
    unit: unitCode.optional().meta({ description: "所属单位编码（部门汇总时必填）" }),
    functionCode,
    functionName: z.string().optional().meta({ description: "功能科目名称；给出时必须与目录一致" }),
    deptEconomicCode,
    deptEconomicName: z.string().optional(),
    govEconomicCode,
    govEconomicName: z.string().optional(),
    fundSource: z.enum(REVENUE_SOURCES, { error: `资金来源必须是：${REVENUE_SOURCES.join("、")}` }),
    nature: z.enum(NATURES, { error: `支出性质必须是：${NATURES.join("、")}` }),
    project: z.string().optional().meta({ description: "所属项目的 id（专项业务经费必填）" }),
    amount,
  })
  .strict();

export const IndicatorSchema = z
  .object({
    level1: z.enum(INDICATOR_LEVEL1, { error: `一级指标必须是：${INDICATOR_LEVEL1.join("、")}` }),
    level2: z.enum(ALL_INDICATOR_LEVEL2 as [string, ...string[]], {
      error: `二级指标必须是：${ALL_INDICATOR_LEVEL2.join("、")}`,
    }),
    content: nonEmpty("指标内容"),
    value: z.string().meta({ description: "指标值，如 98%以上；未定可留空" }),
    note: z.string().optional(),
  })
  .strict();

export const ProjectSchema = z
  .object({
    id: nonEmpty("项目 id"),
    unit: unitCode.optional(),
    name: nonEmpty("项目名称"),
    description: z.string().meta({ description: "项目简介" }),
    period: z.string().optional().meta({ description: "实施期限" }),
    goals: z.array(z.string()).meta({ description: "总体目标，每条一项" }),
    indicators: z.array(IndicatorSchema),
  })
  .strict();

export const OverallTargetsSchema = z
  .object({
    tasks: z.array(
      z
        .object({
          name: nonEmpty("任务名称"),
          content: z.string(),
          amount,
          fiscalAmount: amount.meta({ description: "其中财政拨款" }),
          otherAmount: amount.meta({ description: "其他资金" }),
        })
        .strict(),
    ),
    goals: z.array(z.string()),
    indicators: z.array(IndicatorSchema),
  })
  .strict();

export const SpecialFundSchema = z
  .object({
    name: nonEmpty("专项资金名称"),
    department: z.string(),
    period: z.string(),
    totalAmount: amount,
    totalFiscal: amount,
    totalOther: amount,
    annualAmount: amount,
    annualFiscal: amount,
    annualOther: amount,
    periodGoals: z.array(z.string()),
    annualGoals: z.array(z.string()),
    indicators: z.array(IndicatorSchema),
  })
  .strict();

export const ProcurementSchema = z
  .object({
    unit: unitCode.optional(),
    project: z.string().optional(),
    name: nonEmpty("采购项目名称"),
    category: z.enum(PROCUREMENT_CATEGORIES, { error: `采购类别必须是：${PROCUREMENT_CATEGORIES.join("、")}` }),
    item: z.string().meta({ description: "采购品目" }),
    quantity: z.number().int().min(0).optional(),
    purchaseOfServices: z.boolean().optional().meta({ description: "是否政府购买服务" }),
    fundSource: z.enum(REVENUE_SOURCES),
    amount,
  })
  .strict();

export const AssetsSchema = z
  .object({
    vehicles: count.meta({ description: "截止上年底车辆数" }),
    equipmentOver200k: count.meta({ description: "单价 20 万元以上设备数" }),
    plannedVehicles: count.meta({ description: "当年计划购置车辆数" }),
    plannedEquipmentOver200k: count.meta({ description: "当年计划购置单价 20 万元以上设备数" }),
    note: z.string().optional(),
  })
  .strict();

/**
 * Prior-year figures and the preparer's reasons share one key grammar (see `measure-key.ts`):
 * `generalBudgetExpenditure`, `nature:公用经费`, `function:2010350`, `deptEconomic:301`, `threePublic:reception` …
 */
const measureMap = <T extends z.ZodType>(value: T) => z.record(z.string(), value);

export const BudgetDocumentSchema = z
  .object({
    $schema: z.string().optional(),
    schemaVersion: z.literal(1, { error: "schemaVersion 必须是 1" }),
    year: z
      .number({ error: "预算年度必须是数字" })
      .int()
      .min(2000, { error: "预算年度不在合理范围" })
      .max(2100, { error: "预算年度不在合理范围" }),
    phase: z.literal("预算").default("预算"),
    scope: z.enum(["单位", "部门"], { error: "scope 必须是 单位 或 部门" }),
    unit: UnitSchema,
    memberUnits: z.array(MemberUnitSchema).default([]).meta({ description: "部门汇总时所属各单位" }),
    revenue: z.array(RevenueSchema),
    expenditure: z.array(ExpenditureSchema),
    carryForward: amount.optional().meta({ description: "结转下年" }),
    fiscalCarryForward: amount.optional().meta({ description: "其中：财政拨款结转下年（列入表4）" }),
    unallocated: amount.optional().meta({ description: "未安排支出的实户资金" }),
    projects: z.array(ProjectSchema).default([]),
    overallTargets: OverallTargetsSchema.optional(),
    specialFunds: z.array(SpecialFundSchema).default([]),
    procurement: z.array(ProcurementSchema).default([]),
    assets: AssetsSchema,
    prior: measureMap(amount).default({}).meta({ description: "上年数，键见文档（如 function:2010350）" }),
    reasons: measureMap(z.string()).default({}).meta({ description: "增减原因，键与 prior 相同" }),
    emptyTables: z
      .record(z.string().regex(/^(?:[1-9]|1[0-5])$/, { error: "空表理由的键必须是表号 1–15" }), nonEmpty("空表理由"))
      .default({}),
    approvedOn: z.iso.date({ error: "批复日期格式应为 YYYY-MM-DD" }).optional(),
  })
  .strict();

export type BudgetDocument = z.infer<typeof BudgetDocumentSchema>;
export type BudgetDocumentInput = z.input<typeof BudgetDocumentSchema>;
export type Unit = BudgetDocument["unit"];
export type Revenue = BudgetDocument["revenue"][number];
export type Expenditure = BudgetDocument["expenditure"][number];
export type Project = BudgetDocument["projects"][number];
export type Indicator = z.infer<typeof IndicatorSchema>;
export type OverallTargets = z.infer<typeof OverallTargetsSchema>;
export type SpecialFund = z.infer<typeof SpecialFundSchema>;
export type Procurement = z.infer<typeof ProcurementSchema>;

export const TABLE_KEYS = TABLE_NUMBERS.map(String);
