/**
 * The wording of the 说明, as data: headings and sentence patterns in the standard wording of the Shaanxi
 * template (the seed's 说明 is the model). `{name}` is filled by `fill`; every figure is already formatted
 * (万元, `formatWanYuan`) when it reaches a pattern. Changing the wording means changing this file only —
 * but each subject phrase must stay one the claim reader (`src/narrative/read/`) attributes to the same
 * measure key (`test/narrative/phrases.test.ts` holds them to it).
 */

export const HEADINGS = {
  part1: "第一部分 单位概况",
  duties: "一、主要职责及机构设置",
  dutiesList: "（一）主要职责",
  organisation: "（二）机构设置",
  tasks: "二、工作任务",
  staffing: "三、人员情况说明",
  part2: "第二部分 收支情况",
  budget: "四、收支说明",
  overall: "（一）收支预算总体情况",
  fiscal: "（二）财政拨款收支情况",
  general: "（三）一般公共预算拨款支出明细情况",
  generalScale: "1、一般公共预算当年拨款规模变化情况",
  generalFunction: "2、支出按功能科目分类的明细情况",
  generalEconomic: "3、支出按经济科目分类的明细情况",
  governmentFund: "（四）政府性基金预算支出情况",
  stateCapital: "（五）国有资本经营预算拨款收支情况",
  part3: "第三部分 其他情况",
  threePublic: "五、“三公”经费及会议费、培训费情况说明",
  assets: "六、国有资产占有使用及资产购置情况说明",
  procurement: "七、政府采购情况说明",
  performance: "八、绩效目标情况说明",
  publicFunds: "九、公用经费情况说明",
  glossary: "十、专业名词解释",
  part4: "第四部分 公开报表",
} as const;

/** How the text names the one that publishes: a unit, or a department consolidating its units. */
export const SELF = { 单位: "本单位", 部门: "本部门" } as const;

/**
 * A year-over-year change, after the figure it is about. The direction is taken from the unrounded
 * figures; `slightRise`/`slightFall` when the change rounds to 0 万元 (a change, but under 0.01 万元).
 */
export const CHANGE = {
  rise: "，较上年增加 {amount} 万元",
  fall: "，较上年减少 {amount} 万元",
  slightRise: "，较上年略有增加",
  slightFall: "，较上年略有减少",
  flat: "，与上年持平",
  /** The preparer's reason (`doc.reasons[key]`). A change without one is printed without this clause. */
  reason: "，主要原因是{reason}",
} as const;

/** A figure: `{label} {amount} 万元`. Items of a list carry their code: `事业运行（2010350）`. */
export const FIGURE = "{label} {amount} 万元";
/** After a code in brackets the figure follows without a space, as the seed prints it. */
export const CODED_FIGURE = "{label}{amount} 万元";
export const CODED_LABEL = "{name}（{code}）";

export const STAFFING = {
  authorized: "截止上年底，{self}人员编制 {total} 人",
  authorizedKinds: "，其中{kinds}",
  actual: "；实有人员 {total} 人",
  actualKinds: "，其中{kinds}",
  kind: "{kind} {count} 人",
  end: "。",
  retired: "离退休人员 {count} 人。",
  noRetired: "无离退休人员。",
} as const;

/** 工作任务: 一是…二是… */
export const TASK_ORDINAL = "{n}是";

/** Revenue sources as the 说明 names their revenue and the spending they fund. */
export const REVENUE_LABELS: Readonly<Record<string, string>> = {
  一般公共预算拨款: "一般公共预算拨款收入",
  政府性基金拨款: "政府性基金预算拨款收入",
  国有资本经营预算收入: "国有资本经营预算拨款收入",
  上级补助收入: "上级补助收入",
  事业收入: "事业收入",
  事业单位经营收入: "事业单位经营收入",
  附属单位上缴收入: "附属单位上缴收入",
  其他收入: "其他收入",
};

export const EXPENDITURE_LABELS = {
  general: "一般公共预算拨款支出",
  governmentFund: "政府性基金预算拨款支出",
  stateCapital: "国有资本经营预算拨款支出",
  other: "其他资金安排的支出",
  carriedOver: "上年结转资金安排的支出",
} as const;

export const OVERALL = {
  intro: "按照综合预算的原则，{self}所有收入和支出均纳入部门预算管理。",
  revenue: "{self}当年预算收入",
  expenditure: "{self}当年预算支出",
  fiscalRevenue: "{self}当年财政拨款收入",
  fiscalExpenditure: "{self}当年财政拨款支出",
  ofWhich: "，其中",
  partSeparator: "，",
  clauseSeparator: "；",
  end: "。",
} as const;

export const GENERAL = {
  scale: "{self}当年一般公共预算拨款支出",
  total: "{self}当年一般公共预算支出",
  none: "{self}当年无一般公共预算拨款支出。",
  natures: "，其中人员经费 {personnel} 万元，公用经费 {public} 万元，专项业务经费 {project} 万元，具体为：",
  item: "（{n}）",
  itemSeparator: "；",
  end: "。",
  departmental: "（1）{self}当年一般公共预算支出 {total} 万元，按部门预算支出经济分类，其中：",
  government: "（2）{self}当年一般公共预算支出 {total} 万元，按政府预算支出经济分类，其中：",
  /** The 款 of a 政府经济 类, after the 类's figure: the claim reader nests them under it. */
  subItems: "，包括",
  subItemSeparator: "，",
  classSeparator: "；",
} as const;

export const GOVERNMENT_FUND = {
  none: "{self}当年无政府性基金预算收支，并已公开空表。",
  some: "{self}当年政府性基金预算拨款收入 {revenue} 万元，政府性基金预算拨款支出 {expenditure} 万元，详见政府性基金收支表。",
} as const;

export const STATE_CAPITAL = {
  none: "{self}无当年国有资本经营预算拨款收支，并在财政拨款收支总体情况表中列示。",
  some: "{self}当年国有资本经营预算拨款收入 {revenue} 万元，国有资本经营预算拨款支出 {expenditure} 万元，在财政拨款收支总体情况表中列示。",
} as const;

/** The 三公 items and 会议费/培训费 as the 说明 names them (the claim reader knows each name). */
export const THREE_PUBLIC_LABELS = {
  total: "{self}当年一般公共预算“三公”经费预算支出",
  outboundTravel: "因公出国（境）费",
  vehicleTotal: "公务用车购置及运行维护费",
  vehiclePurchase: "公务用车购置费",
  vehicleOperation: "公务用车运行维护费",
  reception: "公务接待费",
  meeting: "会议费",
  training: "培训费",
} as const;

export const THREE_PUBLIC = {
  none: "{self}当年无一般公共预算“三公”经费预算。",
  noneBoth: "{year} 年和 {priorYear} 年，{self}均无一般公共预算“三公”经费预算。",
  ofWhich: "其中：",
  itemSeparator: "；",
  subItems: "，包括",
  subItemSeparator: "，",
  end: "。",
  /** Items with no budget this year: …and none last year either, when the prior figures say so. */
  absentBoth: "{year} 年和 {priorYear} 年，{self}均无{items}预算。",
  absent: "{self}当年无{items}预算。",
  absentSeparator: "、",
  /** 会议费/培训费 follow a colon: the claim reader knows them by a name that starts the clause. */
  meetingTraining: "{self}当年一般公共预算安排的会议费和培训费：",
  meetingTrainingNoneBoth: "{self}当年一般公共预算无会议费、培训费预算支出，上年也未安排。",
  meetingTrainingNone: "{self}当年一般公共预算无会议费、培训费预算支出。",
  meetingTrainingAbsent: "；无{item}预算支出",
} as const;

export const ASSETS = {
  held: "截止上年底，{self}{vehicles}，{equipment}。",
  vehicles: "共有车辆 {count} 辆",
  noVehicles: "无车辆",
  equipment: "单价 20 万元以上的设备 {count} 台（套）",
  noEquipment: "无单价 20 万元以上的设备",
  planned: "当年部门预算安排购置车辆 {vehicles} 辆、单价 20 万元以上的设备 {equipment} 台（套）。",
  noPlanned: "当年部门预算未安排购置车辆及购置单价 20 万元以上的设备。",
} as const;

export const PROCUREMENT = {
  none: "{self}当年无政府采购预算，并已公开空表。",
  total: "{self}当年政府采购预算 {total} 万元",
  categories: "，其中：{parts}",
  category: "政府采购{category}预算 {amount} 万元",
  categorySeparator: "，",
  services: "；政府购买服务预算 {amount} 万元",
  end: "。",
} as const;

export const PERFORMANCE = {
  overall: "{self}绩效目标管理全覆盖，涉及当年一般公共预算当年拨款 {general} 万元",
  projectsOnly: "{self}当年编制了 {count} 个专项业务经费项目的绩效目标，涉及当年一般公共预算当年拨款 {general} 万元",
  noTargets: "{self}当年未编制绩效目标。",
  noOtherFunds: "，当年无政府性基金预算和国有资本经营预算",
  otherFunds: "，政府性基金预算和国有资本经营预算资金的绩效目标一并列入绩效目标表",
  end: "（详见公开报表中的绩效目标表）。",
} as const;

export const PUBLIC_FUNDS = "{self}当年公用经费预算安排";

export const GLOSSARY_NOTE = "（公用经费为必须解释的专业名词，其他专业名词解释可由单位根据业务内容自行选择。）";

/** 专业名词解释: 公用经费 first (the template requires it). */
export const GLOSSARY: readonly (readonly [string, string])[] = [
  [
    "公用经费",
    "包括办公及印刷费、邮电费、差旅费、会议费、福利费、日常维修费、专用材料及一般设备购置费、办公用房水电费、办公用房取暖费、办公用房物业管理费、公务用车运行维护费以及其他费用。",
  ],
  ["人员经费", "指用于在职和离退休人员的工资福利支出和对个人和家庭的补助，包括基本工资、津贴补贴、绩效工资、社会保障缴费、住房公积金等。"],
  ["专项业务经费", "指单位为完成特定的工作任务和事业发展目标，在基本支出之外安排的支出。"],
  [
    "“三公”经费",
    "指用一般公共预算拨款安排的因公出国（境）费、公务用车购置及运行维护费和公务接待费。其中，公务用车购置及运行维护费包括公务用车购置费和公务用车运行维护费。",
  ],
];

export const PART4 = "（具体预算公开报表附后）";

/** Problems the writer reports (not papered over in the text). */
export const PROBLEMS = {
  missingReason: "说明{path}：“{subject}”{change}，但没有填写增减原因（reasons 中的“{key}”），说明中未写原因",
  inconsistentPrior:
    "说明{path}：“{subject}”的上年数为 {prior} 万元，其下所列各项的上年数之和为 {sum} 万元，各项增减之和与总数的增减不符（超出舍入误差）；说明中只写“{subject}”的增减，各项的增减未写",
  wrongKind: "政府经济分类“{code}”不适用于{kind}（应使用 {allowed}）",
} as const;

/** `{name}` placeholders filled from `values`; a missing value is an error in the writer, so it throws. */
export function fill(pattern: string, values: Readonly<Record<string, string | number>> = {}): string {
  return pattern.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`phrase placeholder {${name}} has no value in “${pattern}”`);
    return String(value);
  });
}

const DIGITS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (1–99). */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? "" : DIGITS[tens]!}十${ones === 0 ? "" : DIGITS[ones]!}`;
}
