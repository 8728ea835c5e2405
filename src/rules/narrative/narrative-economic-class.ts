/**
 * @fileoverview A 政府预算支出经济分类 class the 说明 names fits the unit's kind and the tables: a 事业单位
 * is funded through 505 对事业单位经常性补助 and 506 对事业单位资本性补助, a 行政单位 or 参公单位 spends
 * through 501–504 (机关…). A class of the other kind is reported with the class the tables use in its
 * place and its figure (the seed's 501/502/503 for a 事业单位 whose 表6 uses 50501/50502/50601). When the
 * unit's kind is unknown, a class that 表6 does not use at all is reported.
 */
import type { Catalog } from "../../catalog/catalog.ts";
import type { Disclosure } from "../../model/disclosure.ts";
import { formatWanYuan, sumFen } from "../../model/money.ts";
import type { Row } from "../../model/table.ts";
import type { Claim } from "../../narrative/read/claims.ts";
import type { Report, Rule } from "../rule.ts";
import { claimsOf, narrativeRef, pathText, subjectText } from "../narrative-figures.ts";
import { amountOf, cellRef, columnIndex, tableWithContent } from "../tables.ts";

// ---------------------------------------------------------------------------------------------------
// Helpers

const AGENCY_CLASSES = ["501", "502", "503", "504"];
const INSTITUTION_CLASSES = ["505", "506"];

/** For a 事业单位: the 505/506 款 that takes the place of a 机关 class or 款 (501 → 50501, 503 → 50601). */
const FOR_INSTITUTION: Readonly<Record<string, string>> = { "501": "50501", "502": "50502", "503": "50601", "504": "50602" };
/** For a 行政/参公 unit: the 机关 class that takes the place of a 505/506 款 (a bare 505 or 506 has two). */
const FOR_AGENCY: Readonly<Record<string, string>> = { "50501": "501", "50502": "502", "50601": "503", "50602": "504" };

/** Names used when no catalog is given (政府预算支出经济分类, seen in the seed's 表1 and 表6). */
const NAMES: Readonly<Record<string, string>> = {
  "501": "机关工资福利支出",
  "502": "机关商品和服务支出",
  "503": "机关资本性支出（一）",
  "504": "机关资本性支出（二）",
  "505": "对事业单位经常性补助",
  "506": "对事业单位资本性补助",
  "50501": "工资福利支出",
  "50502": "商品和服务支出",
  "50601": "资本性支出（一）",
  "50602": "资本性支出（二）",
};

function nameOf(code: string, catalog: Catalog | undefined): string {
  return catalog?.lookup("govEconomic", code)?.name ?? NAMES[code] ?? code;
}

/** The class or 款 that takes the place of `code` in a unit of the given side. */
function counterpartFor(code: string, institution: boolean): string | undefined {
  return institution ? FOR_INSTITUTION[code.slice(0, 3)] : FOR_AGENCY[code];
}

function* checkClaim(disclosure: Disclosure, claim: Claim, catalog: Catalog | undefined): Generator<Report> {
  const code = claim.subject.key!.slice("govEconomic:".length);
  const cls = code.slice(0, 3);
  const t6 = tableWithContent(disclosure, 6);
  const govColumn = t6 ? columnIndex(t6, "政府经济科目编码") : -1;
  const govCode = (r: Row) => (govColumn >= 0 ? String(r.values[govColumn] ?? "") : "");
  const used = t6 && govColumn >= 0 ? t6.rows.filter((r) => r.kind === "item" && govCode(r) !== "") : [];
  const usedClasses = new Set(used.map((r) => govCode(r).slice(0, 3)));
  const kind = disclosure.unitKind;
  const wrongForKind = kind === "事业单位" ? AGENCY_CLASSES.includes(cls) : kind !== undefined && INSTITUTION_CLASSES.includes(cls);
  const notUsed = usedClasses.size > 0 && !usedClasses.has(cls);
  if (!wrongForKind && !notUsed) return;

  const institution = kind !== undefined ? kind === "事业单位" : usedClasses.has("505") || usedClasses.has("506");
  const counterpart = counterpartFor(code, institution);
  const rows = counterpart && t6 ? used.filter((r) => govCode(r).startsWith(counterpart)) : [];
  const amount = t6 ? sumFen(rows.map((r) => amountOf(t6, r, "合计"))) : undefined;
  const suggestion =
    counterpart && counterpart.length === 5
      ? `“${nameOf(counterpart.slice(0, 3), catalog)}（${counterpart.slice(0, 3)}）”下的“${nameOf(counterpart, catalog)}（${counterpart}）”`
      : counterpart
        ? `“${nameOf(counterpart, catalog)}（${counterpart}）”`
        : undefined;
  const figure = rows.length > 0 && amount !== undefined ? ` ${formatWanYuan(amount)} 万元` : "";
  const classes = [...usedClasses].sort().join("、");
  const fix = suggestion ? { fix: { description: `改为${suggestion}${figure}` } } : {};
  const common = {
    cells: t6 ? rows.map((r) => cellRef(t6, r, "政府经济科目编码")) : [],
    narrative: narrativeRef(claim),
    actual: code,
    ...(counterpart && counterpart.length === 5 ? { expected: counterpart } : {}),
    ...fix,
  };
  if (wrongForKind) {
    yield {
      messageId: "wrongForKind",
      data: {
        path: pathText(claim),
        subject: subjectText(claim),
        kind: kind!,
        allowed: kind === "事业单位" ? "505/506" : "501–504",
        used: classes || "—",
        suggestion: suggestion ? `，应为${suggestion}${figure}` : "",
      },
      ...common,
    };
    return;
  }
  yield {
    messageId: "notInTables",
    data: { path: pathText(claim), subject: subjectText(claim), used: classes, suggestion: suggestion ? `，应为${suggestion}${figure}` : "" },
    ...common,
  };
}

// ---------------------------------------------------------------------------------------------------
// Rule Definition

export const meta: Rule["meta"] = {
  id: "narrative-economic-class",
  description: "说明中的政府经济分类与单位性质及报表所用的类一致",
  category: "narrative",
  severity: "error",
  tables: [6],
  messages: {
    wrongForKind: "说明{path}：“{subject}”不适用于{kind}（应使用 {allowed}；表6 使用 {used}）{suggestion}",
    notInTables: "说明{path}：“{subject}”不在表6 所用的政府经济分类（{used}）之中{suggestion}",
  },
};

export function* check(disclosure: Disclosure, context: { catalog?: Catalog }): Generator<Report> {
  const { claims } = claimsOf(disclosure, context.catalog);
  for (const claim of claims) {
    if (claim.subject.key?.startsWith("govEconomic:")) yield* checkClaim(disclosure, claim, context.catalog);
  }
}

const rule: Rule = { meta, check };
export default rule;
