/**
 * What a narrative figure is about: the words printed before it (`（1）事业运行（2010350）`, `其中人员经费`,
 * `本单位当年一般公共预算“三公”经费预算支出`) turned into a measure key of `src/model/measure-key.ts`.
 * A printed code decides; a name without a code is attributed through the catalog only when exactly
 * one entry of that year carries it, and the recurrent 项 names (行政运行, 事业运行, 机构运行 …) never
 * are. Anything else stays unattributed, with the reason — it is never guessed.
 */
import { type Catalog, type CatalogEntry, CLASSIFICATIONS, type Classification } from "../../catalog/catalog.ts";

export interface Subject {
  /** The words as printed (normalised: no spaces, half-width brackets). */
  readonly printed: string;
  /** The name without numbering, filler words and the code. */
  readonly name: string;
  /** The code printed with the name, e.g. `2010350` from `事业运行(2010350)`. */
  readonly code?: string;
  /** The measure key, when the subject is attributed. */
  readonly key?: string;
  /** Why the subject is not attributed. */
  readonly why?: string;
  /** The words speak of last year (上年预算数 …). */
  readonly priorYear?: boolean;
}

/** 项 names that recur under many 款: a name alone never identifies the code. */
const RECURRENT_ITEM_NAMES = /^(行政运行|一般行政管理事务|机关服务|事业运行|机构运行|信息化建设|执法办案|专项业务|其他.*支出)$/;

const LEADING =
  /^(?:\(\d+\)|\([一二三四五六七八九十]+\)|[一二三四五六七八九十]+、|\d+[、.]|其中:?|其中|具体为:?|包括:?|经比较|按同口径|涉及|本单位|本部门|本年度?|当年|年度|全年|“|"|的)+/;
const TRAILING = /(?:为|是|共计|合计|总计|共|计|达到?|安排|预算数?|决算数?|类科目|科目|类|支出数)+$/;

/** The three-public items, most specific first. */
const THREE_PUBLIC: readonly [RegExp, string][] = [
  [/三公.?经费/, "threePublic:total"],
  [/因公出国\(境\)/, "threePublic:outboundTravel"],
  [/公务用车购置及运行(?:维护)?费/, "threePublic:vehicleTotal"],
  [/公务用车购置/, "threePublic:vehiclePurchase"],
  [/公务用车运行(?:维护)?费/, "threePublic:vehicleOperation"],
  [/公务接待/, "threePublic:reception"],
  [/^会议费/, "threePublic:meeting"],
  [/^培训费/, "threePublic:training"],
];

/** Whole-name patterns for totals and natures (matched on the cleaned name). */
const PLAIN: readonly [RegExp, string][] = [
  [/^(?:人员经费)(?:支出)?$/, "nature:人员经费"],
  [/^(?:公用经费)(?:支出)?(?:预算安排)?$/, "nature:公用经费"],
  [/^(?:专项业务经费)(?:支出)?$/, "nature:专项业务经费"],
  [/^(?:一般公共预算)?基本支出$/, "basicExpenditure"],
  [/^(?:一般公共预算)?项目支出$/, "projectExpenditure"],
  [/^一般公共预算(?:财政)?(?:当年)?拨款$/, "generalBudgetRevenue"],
  [/^一般公共预算(?:财政)?(?:拨款)?收入$/, "generalBudgetRevenue"],
  [/^一般公共预算(?:财政)?(?:当年)?(?:拨款)?支出$/, "generalBudgetExpenditure"],
  [/^财政拨款(?:总)?收入$/, "fiscalRevenue"],
  [/^财政拨款(?:总)?支出$/, "fiscalExpenditure"],
  [/^财政拨款(?:总)?收支(?:总)?$/, "fiscalExpenditure"],
  [/^(?:预算)?收入(?:总)?(?:预算)?(?:总计|合计)?$/, "revenueTotal"],
  [/^(?:预算)?支出(?:总)?(?:预算)?(?:总计|合计)?$/, "expenditureTotal"],
];

/** The classification a printed code belongs to, by its first digit and length. */
function classificationOfCode(code: string): Classification | undefined {
  if (/^2\d{2}(\d{2}){0,2}$/.test(code)) return "function";
  if (/^3\d{2}(\d{2})?$/.test(code)) return "deptEconomic";
  if (/^5\d{2}(\d{2})?$/.test(code)) return "govEconomic";
  return undefined;
}

/** Strips numbering and filler words around a printed subject. */
export function cleanName(printed: string): string {
  let name = printed.replace(/[“”"]/g, "");
  for (let i = 0; i < 3; i += 1) name = name.replace(LEADING, "").replace(TRAILING, "");
  return name.replace(/^\)+|\(+$/g, "");
}

/** The catalog entries, across the three classifications, whose name is `name`. */
function entriesNamed(catalog: Catalog, name: string): { classification: Classification; entry: CatalogEntry }[] {
  return CLASSIFICATIONS.flatMap((classification) =>
    catalog.entries(classification).filter((e) => e.name === name).map((entry) => ({ classification, entry })),
  );
}

/** Name variants worth a catalog lookup: as printed, without a doubled or trailing 支出. */
function nameVariants(name: string): string[] {
  const out = [name, name.replace(/(支出)+$/, "支出"), name.replace(/(支出)+$/, "")];
  return [...new Set(out.filter((n) => n.length >= 2))];
}

export function resolveSubject(printed: string, catalog?: Catalog): Subject {
  const priorYear = /上年|去年|上一年/.test(printed);
  const withCode = /^(.*?)\((\d{3}|\d{5}|\d{7})\)$/.exec(printed.replace(TRAILING, ""));
  if (withCode) {
    const code = withCode[2]!;
    const name = cleanName(withCode[1]!);
    const classification = classificationOfCode(code);
    const base = { printed, name, code, ...(priorYear ? { priorYear } : {}) };
    return classification ? { ...base, key: `${classification}:${code}` } : { ...base, why: `编码 ${code} 不属于支出功能分类或经济分类` };
  }
  const name = cleanName(printed);
  const base = { printed, name, ...(priorYear ? { priorYear } : {}) };
  if (name === "") return { ...base, why: "没有说明是哪一项" };
  for (const [pattern, key] of THREE_PUBLIC) if (pattern.test(name)) return { ...base, key };
  for (const [pattern, key] of PLAIN) if (pattern.test(name)) return { ...base, key };
  if (!catalog) return { ...base, why: "未印编码，且没有科目目录可按名称确定" };
  for (const variant of nameVariants(name)) {
    if (RECURRENT_ITEM_NAMES.test(variant)) return { ...base, why: `“${variant}”在多个款下都有，未印编码无法确定` };
    const found = entriesNamed(catalog, variant);
    if (found.length === 1) return { ...base, name: variant, key: `${found[0]!.classification}:${found[0]!.entry.code}` };
    if (found.length > 1) return { ...base, why: `“${variant}”对应多个科目（${found.map((f) => f.entry.code).join("、")}），未印编码无法确定` };
  }
  return { ...base, why: `“${name}”不是${catalog.year}年科目目录中的名称，也不是可识别的合计项` };
}
