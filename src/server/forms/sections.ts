/**
 * The web forms of the BudgetDocument, as data: each section names the part of the document it edits
 * and its fields. One engine (form-engine.ts) renders a section and parses its submission back, so a
 * new field is one line here.
 */
import { ALL_INDICATOR_LEVEL2, INDICATOR_LEVEL1, NATURES, PROCUREMENT_CATEGORIES, REVENUE_SOURCES, UNIT_KINDS } from "../../model/vocabulary.ts";

export type FieldKind = "text" | "textarea" | "lines" | "amount" | "count" | "select" | "code" | "checkbox" | "date";
/** Catalog lists offered as pickers (datalists) for code fields. */
export type PickerList = "function" | "deptEconomic" | "govEconomic" | "projects" | "measureKeys";

export interface FieldSpec {
  /** Path inside the section's object or row, dotted for nesting (`staffing.retired`). */
  readonly key: string;
  readonly label: string;
  readonly kind: FieldKind;
  readonly options?: readonly string[];
  readonly list?: PickerList;
  /** May be left blank (then absent from the document). */
  readonly optional?: boolean;
}

export interface SectionSpec {
  readonly id: string;
  readonly title: string;
  /**
   * object: one object at `path`; rows: an array at `path`, one table row each; map: a record at
   * `path`, one row per key (fields `key` and the value field); indicators: the indicators of the
   * projects, as rows with the project's id.
   */
  readonly kind: "object" | "rows" | "map" | "indicators";
  readonly path: string;
  readonly fields: readonly FieldSpec[];
  readonly help?: string;
  /** An object the section lives in, created with this value when the document has none yet. */
  readonly container?: { readonly path: string; readonly empty: unknown };
}

const OVERALL_TARGETS = { path: "overallTargets", empty: { tasks: [], goals: [], indicators: [] } } as const;
const INDICATOR_FIELDS: readonly FieldSpec[] = [
  { key: "level1", label: "一级指标", kind: "select", options: INDICATOR_LEVEL1 },
  { key: "level2", label: "二级指标", kind: "select", options: ALL_INDICATOR_LEVEL2 },
  { key: "content", label: "指标内容", kind: "text" },
  { key: "value", label: "指标值", kind: "text" },
  { key: "note", label: "备注", kind: "text", optional: true },
];

export const SECTIONS: readonly SectionSpec[] = [
  {
    id: "unit",
    title: "单位信息",
    kind: "object",
    path: "unit",
    fields: [
      { key: "name", label: "单位名称", kind: "text" },
      { key: "department", label: "主管部门", kind: "text" },
      { key: "kind", label: "单位性质", kind: "select", options: UNIT_KINDS },
      { key: "level", label: "预算级次", kind: "text", optional: true },
      { key: "region", label: "行政区划", kind: "text", optional: true },
      { key: "staffing.retired", label: "离退休人数", kind: "count" },
      { key: "duties", label: "主要职责（每行一条）", kind: "lines" },
      { key: "organisation", label: "机构设置", kind: "textarea" },
      { key: "tasks", label: "工作任务（每段一行）", kind: "lines" },
    ],
  },
  {
    id: "revenue",
    title: "收入",
    kind: "rows",
    path: "revenue",
    fields: [
      { key: "source", label: "收入来源", kind: "select", options: REVENUE_SOURCES },
      { key: "amount", label: "金额（元）", kind: "amount" },
      { key: "specialFunds", label: "其中：专项资金（元）", kind: "amount", optional: true },
      { key: "financialAccount", label: "其中：财政专户管理（元）", kind: "amount", optional: true },
    ],
  },
  {
    id: "expenditure",
    title: "支出明细",
    kind: "rows",
    path: "expenditure",
    help: "每行一笔支出：功能科目（项级 7 位）、部门经济科目（款级 5 位）、政府经济科目（款级 5 位）从目录中选择；三公经费由经济科目自动汇总。",
    fields: [
      { key: "functionCode", label: "功能科目", kind: "code", list: "function" },
      { key: "deptEconomicCode", label: "部门经济科目", kind: "code", list: "deptEconomic" },
      { key: "govEconomicCode", label: "政府经济科目", kind: "code", list: "govEconomic" },
      { key: "nature", label: "支出性质", kind: "select", options: NATURES },
      { key: "fundSource", label: "资金来源", kind: "select", options: REVENUE_SOURCES },
      { key: "project", label: "所属项目", kind: "code", list: "projects", optional: true },
      { key: "amount", label: "金额（元）", kind: "amount" },
    ],
  },
  {
    id: "projects",
    title: "项目",
    kind: "rows",
    path: "projects",
    fields: [
      { key: "id", label: "项目编号", kind: "text" },
      { key: "name", label: "项目名称", kind: "text" },
      { key: "description", label: "项目简介", kind: "textarea" },
      { key: "period", label: "实施期限", kind: "text", optional: true },
      { key: "goals", label: "总体目标（每行一条）", kind: "lines" },
    ],
  },
  {
    id: "indicators",
    title: "项目绩效指标",
    kind: "indicators",
    path: "projects",
    fields: [{ key: "project", label: "项目编号", kind: "code", list: "projects" }, ...INDICATOR_FIELDS],
  },
  {
    id: "overallTasks",
    title: "整体绩效：年度主要任务",
    kind: "rows",
    path: "overallTargets.tasks",
    container: OVERALL_TARGETS,
    help: "部门（单位）整体支出绩效目标表（表14）的年度主要任务；总体目标和绩效指标在后两个栏目。",
    fields: [
      { key: "name", label: "任务名称", kind: "text" },
      { key: "content", label: "主要内容", kind: "textarea" },
      { key: "amount", label: "总额（元）", kind: "amount" },
      { key: "fiscalAmount", label: "其中财政拨款（元）", kind: "amount" },
      { key: "otherAmount", label: "其他资金（元）", kind: "amount" },
    ],
  },
  {
    id: "overallGoals",
    title: "整体绩效：年度总体目标",
    kind: "object",
    path: "overallTargets",
    container: OVERALL_TARGETS,
    fields: [{ key: "goals", label: "年度总体目标（每行一条）", kind: "lines" }],
  },
  {
    id: "overallIndicators",
    title: "整体绩效：绩效指标",
    kind: "rows",
    path: "overallTargets.indicators",
    container: OVERALL_TARGETS,
    fields: INDICATOR_FIELDS,
  },
  {
    id: "procurement",
    title: "政府采购",
    kind: "rows",
    path: "procurement",
    fields: [
      { key: "name", label: "采购项目", kind: "text" },
      { key: "category", label: "类别", kind: "select", options: PROCUREMENT_CATEGORIES },
      { key: "item", label: "品目", kind: "text" },
      { key: "quantity", label: "数量", kind: "count", optional: true },
      { key: "purchaseOfServices", label: "政府购买服务", kind: "checkbox" },
      { key: "fundSource", label: "资金来源", kind: "select", options: REVENUE_SOURCES },
      { key: "amount", label: "金额（元）", kind: "amount" },
    ],
  },
  {
    id: "other",
    title: "结转、资产与批复",
    kind: "object",
    path: "",
    fields: [
      { key: "carryForward", label: "结转下年（元）", kind: "amount", optional: true },
      { key: "fiscalCarryForward", label: "其中：财政拨款结转下年（元）", kind: "amount", optional: true },
      { key: "unallocated", label: "未安排支出的实户资金（元）", kind: "amount", optional: true },
      { key: "assets.vehicles", label: "截至上年底车辆数", kind: "count" },
      { key: "assets.equipmentOver200k", label: "单价 20 万元以上设备数", kind: "count" },
      { key: "assets.plannedVehicles", label: "当年计划购置车辆数", kind: "count" },
      { key: "assets.plannedEquipmentOver200k", label: "当年计划购置 20 万元以上设备数", kind: "count" },
      { key: "approvedOn", label: "预算批复日期", kind: "date", optional: true },
    ],
  },
  {
    id: "prior",
    title: "上年数（三公经费及各科目）",
    kind: "map",
    path: "prior",
    help: "键的写法：threePublic:reception（公务接待费）、function:2010350、nature:公用经费、generalBudgetExpenditure 等；金额为上年预算数。",
    fields: [
      { key: "key", label: "指标", kind: "code", list: "measureKeys" },
      { key: "value", label: "上年数（元）", kind: "amount" },
    ],
  },
  {
    id: "emptyTables",
    title: "空表说明",
    kind: "map",
    path: "emptyTables",
    fields: [
      { key: "key", label: "表号（1–15）", kind: "text" },
      { key: "value", label: "公开空表理由", kind: "text" },
    ],
  },
];

export const sectionById = (id: string) => SECTIONS.find((s) => s.id === id);
