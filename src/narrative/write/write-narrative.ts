/**
 * Writes the 说明 (预算公开说明) from a BudgetDocument, in the standard wording of the Shaanxi template
 * (the seed's 说明 is the model; the sentence patterns live in `phrases.ts`).
 *
 * - Every figure is the tables' figure (the same line sums the table builders use), in 万元 through
 *   `formatWanYuan`: the checker's narrative rules read the text back and compare.
 * - A year-over-year change is stated where `doc.prior` has the figure's key: its direction from the
 *   unrounded figures (增加 / 减少 / 与上年持平; 略有增加/减少 when it rounds to 0 万元), its size rounded
 *   once, and the preparer's reason `doc.reasons[key]` as “主要原因是…”. A change without a reason is
 *   printed without that clause (never an invented reason) and reported in `problems`; the checker's
 *   narrative-change rule also warns about it.
 * - Prior figures that contradict each other (the parts of a list whose prior figures do not add up to
 *   the total's) are reported; the text then states the total's change only.
 * - No percentages are printed.
 *
 * @example
 * const { sections, problems } = writeNarrative(doc, { catalog });
 */
import type { Catalog } from "../../catalog/catalog.ts";
import type { BudgetDocument } from "../../model/budget-document.ts";
import type { NarrativeSection } from "../../model/disclosure.ts";
import { type Fen, FEN_PER_WAN_YUAN, formatWanYuan, roundToWanYuanCents, sumFen } from "../../model/money.ts";
import { CURRENT_YEAR_SOURCES, economicMappingKind, FISCAL_SOURCES, type Nature, PROCUREMENT_CATEGORIES, type RevenueSource } from "../../model/vocabulary.ts";
import { type LineFilter, selectLines, sumLines, sumRevenue } from "../../tables/lines.ts";
import { threePublicAmount } from "../../tables/table-12-three-public.ts";
import table04Template from "../../tables/templates/table-04.json" with { type: "json" };
import * as P from "./phrases.ts";
import { fill } from "./phrases.ts";

export interface WriteNarrativeOptions {
  /** The catalog of the document's year: the names of the codes the text cites. */
  readonly catalog: Catalog;
}

export interface NarrativeProblem {
  /** The measure key (`function:2010350`, `nature:公用经费` …) the problem is about. */
  readonly key: string;
  readonly message: string;
}

/** A figure the text states with its prior-year figure: what a reason for the change is asked about. */
export interface StatedChange {
  readonly key: string;
  /** The figure as the text names it, e.g. “一般公共服务支出”. */
  readonly label: string;
  readonly amount: Fen;
  readonly prior: Fen;
}

export interface WrittenNarrative {
  readonly sections: NarrativeSection[];
  readonly problems: NarrativeProblem[];
  /** Every stated figure that has a prior-year figure, once per key, in the order of the text. */
  readonly changes: StatedChange[];
}

/** A figure the text states: its key (when the measure-key grammar names it), label and amount. */
interface Item {
  readonly key?: string;
  readonly label: string;
  readonly amount: Fen;
  /** Figures printed after it with “包括…” (a class's 款, the two halves of 公务用车购置及运行维护费). */
  readonly sub?: readonly Item[];
}

const GENERAL: LineFilter = { fundSources: ["一般公共预算拨款"], natures: ["人员经费", "公用经费", "专项业务经费"] };
const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const wan = (amount: number) => formatWanYuan(amount as Fen);

class Writer {
  readonly sections: NarrativeSection[] = [];
  readonly problems: NarrativeProblem[] = [];
  readonly changes: StatedChange[] = [];
  readonly self: string;
  #path: readonly string[] = [];

  constructor(
    readonly doc: BudgetDocument,
    private readonly catalog: Catalog,
  ) {
    this.self = P.SELF[doc.scope];
  }

  // -------------------------------------------------------------------------------------------------
  // Sections

  section(path: readonly string[], heading: string, text: string): void {
    this.sections.push({ path, heading, text });
  }

  /** Writes the section's text with `#path` set, so problems can name where they are. */
  write(path: readonly string[], heading: string, body: () => string): void {
    this.#path = path;
    this.section(path, heading, body());
  }

  f(pattern: string, values: Readonly<Record<string, string | number>> = {}): string {
    return fill(pattern, { self: this.self, ...values });
  }

  // -------------------------------------------------------------------------------------------------
  // Prior figures and changes

  prior(key: string): Fen | undefined {
    const value = this.doc.prior[key];
    if (value !== undefined) return value;
    if (key === "threePublic:vehicleTotal") {
      const purchase = this.doc.prior["threePublic:vehiclePurchase"];
      const operation = this.doc.prior["threePublic:vehicleOperation"];
      if (purchase !== undefined && operation !== undefined) return sumFen([purchase, operation]);
    }
    return undefined;
  }

  /** The change clause after a figure (with its reason), or "" when there is no prior figure. */
  change(item: Item): string {
    if (!item.key) return "";
    const prior = this.prior(item.key);
    if (prior === undefined) return "";
    if (!this.changes.some((c) => c.key === item.key)) this.changes.push({ key: item.key, label: plainLabel(item.label, this.self), amount: item.amount, prior });
    const delta = item.amount - prior;
    if (delta === 0) return P.CHANGE.flat;
    const size = roundToWanYuanCents(Math.abs(delta) as Fen);
    const text =
      size === 0 ? (delta > 0 ? P.CHANGE.slightRise : P.CHANGE.slightFall) : fill(delta > 0 ? P.CHANGE.rise : P.CHANGE.fall, { amount: formatWanYuan(size) });
    const reason = cleanReason(this.doc.reasons[item.key]);
    if (reason) return `${text}${fill(P.CHANGE.reason, { reason })}`;
    // One problem per figure, at its first place (the totals recur in （一）（二）（三）).
    if (this.problems.some((p) => p.key === item.key)) return text;
    this.problems.push({
      key: item.key,
      message: fill(P.PROBLEMS.missingReason, { path: this.#path.join(" "), subject: plainLabel(item.label, this.self), change: text.replace(/^，/, ""), key: item.key }),
    });
    return text;
  }

  /**
   * The change as the text prints it, signed, in fen: undefined when no prior figure or when it prints
   * no amount (略有增加/减少); 0 for 与上年持平.
   */
  printedChange(item: Item): number | undefined {
    const prior = item.key ? this.prior(item.key) : undefined;
    if (prior === undefined) return undefined;
    const delta = item.amount - prior;
    const size = roundToWanYuanCents(Math.abs(delta) as Fen);
    if (delta !== 0 && size === 0) return undefined;
    return Math.sign(delta) * size;
  }

  /**
   * Whether the parts' changes may be stated with the total's. The checker adds the printed changes of
   * parts that make up a total and compares the sum with the total's printed change, allowing 0.005 万元
   * per part for rounding; prior figures that disagree beyond that are reported, and the parts' changes
   * are left out.
   */
  partsAgree(parent: Item, parts: readonly Item[]): boolean {
    const total = this.printedChange(parent);
    if (total === undefined) return true;
    const changes = parts.map((p) => this.printedChange(p));
    if (changes.some((c) => c === undefined)) return true;
    const sum = changes.reduce((t: number, c) => t + c!, 0);
    const slack = changes.reduce((t: number, c) => t + (c !== 0 ? FEN_PER_WAN_YUAN / 200 : 0), 0);
    if (Math.abs(sum - total) <= slack) return true;
    const priorSum = sumFen(parts.map((p) => this.prior(p.key!)));
    this.problems.push({
      key: parent.key!,
      message: fill(P.PROBLEMS.inconsistentPrior, {
        path: this.#path.join(" "),
        subject: plainLabel(parent.label, this.self),
        prior: wan(this.prior(parent.key!)!),
        sum: wan(priorSum),
      }),
    });
    return false;
  }

  figure(item: Item, withChange = true): string {
    const pattern = item.label.endsWith("）") ? P.CODED_FIGURE : P.FIGURE;
    return `${fill(pattern, { label: item.label, amount: formatWanYuan(item.amount) })}${withChange ? this.change(item) : ""}`;
  }

  /** Items of a list, each with its change when the prior figures agree, and its sub-items after “包括”. */
  list(parent: Item, items: readonly Item[], separator: string, subItems: string, subSeparator: string, numbered?: (n: number) => string): string[] {
    const withChanges = this.partsAgree(parent, items);
    return items.map((item, i) => {
      let text = `${numbered ? numbered(i + 1) : ""}${this.figure(item, withChanges)}`;
      if (item.sub && item.sub.length > 0) {
        const subWithChanges = this.partsAgree(item, item.sub);
        text += `${subItems}${item.sub.map((s) => this.figure(s, subWithChanges)).join(subSeparator)}`;
      }
      return i < items.length - 1 ? `${text}${separator}` : text;
    });
  }

  // -------------------------------------------------------------------------------------------------
  // Figures (the sums the tables print)

  lines(filter: LineFilter): Fen {
    return sumLines(this.doc, filter);
  }

  name(classification: "function" | "deptEconomic" | "govEconomic", code: string): string {
    return this.catalog.lookup(classification, code)?.name ?? "";
  }

  coded(classification: "function" | "deptEconomic" | "govEconomic", code: string): string {
    return fill(P.CODED_LABEL, { name: this.name(classification, code), code });
  }

  /**
   * The items of a classification at one code length, from the 一般公共预算 lines, plus the codes that
   * only have a prior figure (current 0): every change the prior figures allow is stated.
   */
  classified(kind: "function" | "deptEconomic" | "govEconomic", length: number, within = ""): Item[] {
    const field = kind === "function" ? "functionCode" : kind === "deptEconomic" ? "deptEconomicCode" : "govEconomicCode";
    const amounts = new Map<string, Fen>();
    for (const line of selectLines(this.doc, GENERAL)) {
      const code = line[field].slice(0, length);
      if (!code.startsWith(within)) continue;
      amounts.set(code, sumFen([amounts.get(code), line.amount]));
    }
    for (const [key, value] of Object.entries(this.doc.prior)) {
      const [k, code] = key.split(":");
      if (k === kind && code && code.length === length && code.startsWith(within) && value > 0 && !amounts.has(code)) amounts.set(code, 0 as Fen);
    }
    return [...amounts.keys()].sort(byCode).map((code) => ({ key: `${kind}:${code}`, label: this.coded(kind, code), amount: amounts.get(code)! }));
  }
}

/** A reason as one clause: no closing stop, and no 。/； inside that would end the sentence early. */
function cleanReason(reason: string | undefined): string | undefined {
  const text = reason?.trim().replace(/[。；;.，,\s]+$/u, "").replace(/[。；;]/g, "，");
  return text ? text : undefined;
}

/** A label for a problem message, without the “本单位当年” of the sentence. */
function plainLabel(label: string, self: string): string {
  return label.replace(self, "").replace(/^当年/, "");
}

// ---------------------------------------------------------------------------------------------------
// 第一部分 单位概况

function writeUnit(w: Writer, doc: BudgetDocument): void {
  const H = P.HEADINGS;
  const { unit } = doc;
  w.section(["第一部分"], H.part1, "");
  w.section(["第一部分", "一"], H.duties, "");
  w.section(["第一部分", "一", "（一）"], H.dutiesList, unit.duties.map((d, i) => `${i + 1}、${d.trim()}`).join("\n"));
  w.section(["第一部分", "一", "（二）"], H.organisation, unit.organisation.trim());
  w.section(
    ["第一部分", "二"],
    H.tasks,
    unit.tasks.map((t, i) => `${fill(P.TASK_ORDINAL, { n: P.chineseNumber(i + 1) })}${t.trim()}`).join(""),
  );
  const { authorized, actual, retired } = unit.staffing;
  const kinds = (list: readonly { kind: string; count: number }[]) => list.map((s) => fill(P.STAFFING.kind, s)).join("、");
  const total = (list: readonly { count: number }[]) => list.reduce((t, s) => t + s.count, 0);
  let staffing = w.f(P.STAFFING.authorized, { total: total(authorized) });
  if (authorized.length > 0) staffing += fill(P.STAFFING.authorizedKinds, { kinds: kinds(authorized) });
  staffing += fill(P.STAFFING.actual, { total: total(actual) });
  if (actual.length > 0) staffing += fill(P.STAFFING.actualKinds, { kinds: kinds(actual) });
  staffing += P.STAFFING.end + (retired > 0 ? fill(P.STAFFING.retired, { count: retired }) : P.STAFFING.noRetired);
  w.section(["第一部分", "三"], H.staffing, staffing);
}

// ---------------------------------------------------------------------------------------------------
// 第二部分 收支情况

/** `total, 其中 part, part …` with the changes; a total with one part of the same figure and prior, and no other reason, states its change once, on the part (as the seed does). */
function totalWithParts(w: Writer, total: Item, parts: readonly Item[]): string {
  const O = P.OVERALL;
  const only = parts.length === 1 ? parts[0]! : undefined;
  const sameAsPart =
    only?.key !== undefined &&
    total.key !== undefined &&
    only.amount === total.amount &&
    w.prior(total.key) !== undefined &&
    w.prior(total.key) === w.prior(only.key) &&
    // The part's reason serves the total when the total has none of its own.
    (cleanReason(w.doc.reasons[total.key]) === undefined || cleanReason(w.doc.reasons[total.key]) === cleanReason(w.doc.reasons[only.key]));
  let text = w.figure(total, !sameAsPart);
  if (parts.length > 0) text += `${O.ofWhich}${w.list(total, parts, O.partSeparator, "", "").join("")}`;
  return text;
}

function writeBudget(w: Writer, doc: BudgetDocument): void {
  const H = P.HEADINGS;
  const O = P.OVERALL;
  w.section(["第二部分"], H.part2, "");
  w.section(["第二部分", "四"], H.budget, "");

  const revenueParts = (sources: readonly string[]): Item[] =>
    sources.flatMap((source) => {
      const amount = sumRevenue(doc, { sources: [source as (typeof CURRENT_YEAR_SOURCES)[number]] });
      if (amount === 0) return [];
      return [{ ...(source === "一般公共预算拨款" ? { key: "generalBudgetRevenue" } : {}), label: P.REVENUE_LABELS[source]!, amount }];
    });
  const general = w.lines(GENERAL);
  const fund = w.lines({ fundSources: ["政府性基金拨款"] });
  const capital = w.lines({ fundSources: ["国有资本经营预算收入"] });
  const expenditureParts = (other: Fen, otherLabel: string): Item[] => {
    const E = P.EXPENDITURE_LABELS;
    const parts: Item[] = [];
    if (general !== 0) parts.push({ key: "generalBudgetExpenditure", label: E.general, amount: general });
    if (fund !== 0) parts.push({ label: E.governmentFund, amount: fund });
    if (capital !== 0) parts.push({ label: E.stateCapital, amount: capital });
    if (other !== 0) parts.push({ label: otherLabel, amount: other });
    return parts;
  };

  w.write(["第二部分", "四", "（一）"], H.overall, () => {
    const revenue = sumRevenue(doc, { sources: CURRENT_YEAR_SOURCES });
    const expenditure = w.lines({});
    return (
      w.f(O.intro) +
      totalWithParts(w, { key: "revenueTotal", label: w.f(O.revenue), amount: revenue }, revenueParts(CURRENT_YEAR_SOURCES)) +
      O.clauseSeparator +
      totalWithParts(w, { key: "expenditureTotal", label: w.f(O.expenditure), amount: expenditure }, expenditureParts((expenditure - general - fund - capital) as Fen, P.EXPENDITURE_LABELS.other)) +
      O.end
    );
  });

  w.write(["第二部分", "四", "（二）"], H.fiscal, () => {
    const revenue = sumRevenue(doc, { sources: FISCAL_SOURCES });
    // 表4 本年支出合计 covers what the 财政拨款 and 上年结转 fund (its template's fund sources).
    const expenditure = w.lines({ fundSources: table04Template.fundSources as RevenueSource[] });
    return (
      totalWithParts(w, { key: "fiscalRevenue", label: w.f(O.fiscalRevenue), amount: revenue }, revenueParts(FISCAL_SOURCES)) +
      O.clauseSeparator +
      totalWithParts(w, { key: "fiscalExpenditure", label: w.f(O.fiscalExpenditure), amount: expenditure }, expenditureParts((expenditure - general - fund - capital) as Fen, P.EXPENDITURE_LABELS.carriedOver)) +
      O.end
    );
  });

  const G = P.GENERAL;
  const totalItem: Item = { key: "generalBudgetExpenditure", label: w.f(G.total), amount: general };
  w.section(["第二部分", "四", "（三）"], H.general, "");
  w.write(["第二部分", "四", "（三）", "1"], H.generalScale, () =>
    general === 0 && w.prior("generalBudgetExpenditure") === undefined
      ? w.f(G.none)
      : `${w.figure({ key: "generalBudgetExpenditure", label: w.f(G.scale), amount: general })}${G.end}`,
  );
  w.write(["第二部分", "四", "（三）", "2"], H.generalFunction, () => {
    const items = w.classified("function", 7);
    if (general === 0 && items.length === 0) return w.f(G.none);
    const nature = (n: Nature) => wan(w.lines({ ...GENERAL, natures: [n] }));
    const head = `${w.figure(totalItem, false)}${fill(G.natures, { personnel: nature("人员经费"), public: nature("公用经费"), project: nature("专项业务经费") })}`;
    const list = w.list(totalItem, items, G.itemSeparator, "", "", (n) => fill(G.item, { n }));
    return [head, ...list].join("\n") + G.end;
  });
  w.write(["第二部分", "四", "（三）", "3"], H.generalEconomic, () => {
    const dept = w.classified("deptEconomic", 3);
    if (general === 0 && dept.length === 0) return w.f(G.none);
    const classes = w.classified("govEconomic", 3).map((c) => ({ ...c, sub: w.classified("govEconomic", 5, c.key!.slice("govEconomic:".length)) }));
    checkKind(w, doc, classes);
    const total = formatWanYuan(general);
    return [
      w.f(G.departmental, { total }) + w.list(totalItem, dept, G.classSeparator, "", "").join("") + G.end,
      w.f(G.government, { total }) + w.list(totalItem, classes, G.classSeparator, G.subItems, G.subItemSeparator).join("") + G.end,
    ].join("\n");
  });

  const hasFund = fund !== 0 || sumRevenue(doc, { sources: ["政府性基金拨款"] }) !== 0;
  w.write(["第二部分", "四", "（四）"], H.governmentFund, () =>
    hasFund ? w.f(P.GOVERNMENT_FUND.some, { revenue: wan(sumRevenue(doc, { sources: ["政府性基金拨款"] })), expenditure: wan(fund) }) : w.f(P.GOVERNMENT_FUND.none),
  );
  const hasCapital = capital !== 0 || sumRevenue(doc, { sources: ["国有资本经营预算收入"] }) !== 0;
  w.write(["第二部分", "四", "（五）"], H.stateCapital, () =>
    hasCapital
      ? w.f(P.STATE_CAPITAL.some, { revenue: wan(sumRevenue(doc, { sources: ["国有资本经营预算收入"] })), expenditure: wan(capital) })
      : w.f(P.STATE_CAPITAL.none),
  );
}

const AGENCY_CLASSES = ["501", "502", "503", "504"];
const INSTITUTION_CLASSES = ["505", "506"];

/** A 政府经济 class that does not fit the unit's kind is reported (validation should have caught it). */
function checkKind(w: Writer, doc: BudgetDocument, classes: readonly Item[]): void {
  if (doc.scope === "部门" && doc.memberUnits.length > 0) return;
  const institution = economicMappingKind(doc.unit.kind) === "事业单位";
  const wrong = institution ? AGENCY_CLASSES : INSTITUTION_CLASSES;
  for (const c of classes) {
    const code = c.key!.slice("govEconomic:".length);
    if (wrong.includes(code) && c.amount !== 0) {
      w.problems.push({ key: c.key!, message: fill(P.PROBLEMS.wrongKind, { code, kind: doc.unit.kind, allowed: institution ? "505/506" : "501–504" }) });
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// 第三部分 其他情况

function writeThreePublic(w: Writer, doc: BudgetDocument): string {
  const T = P.THREE_PUBLIC;
  const L = P.THREE_PUBLIC_LABELS;
  const amount = (item: "outboundTravel" | "vehiclePurchase" | "vehicleOperation" | "reception" | "meeting" | "training") => threePublicAmount(doc, item);
  const item = (key: string, label: string, value: Fen, sub?: Item[]): Item => ({ key: `threePublic:${key}`, label, amount: value, ...(sub ? { sub } : {}) });
  const vehicle = sumFen([amount("vehiclePurchase"), amount("vehicleOperation")]);
  const items = [
    item("outboundTravel", L.outboundTravel, amount("outboundTravel")),
    item("vehicleTotal", L.vehicleTotal, vehicle, [
      item("vehiclePurchase", L.vehiclePurchase, amount("vehiclePurchase")),
      item("vehicleOperation", L.vehicleOperation, amount("vehicleOperation")),
    ]),
    item("reception", L.reception, amount("reception")),
  ];
  const listed = (i: Item) => i.amount !== 0 || (w.prior(i.key!) ?? 0) !== 0;
  const shown = items.filter(listed).map((i) => (i.sub && i.amount === 0 ? { ...i, sub: [] } : i));
  const absent = items.filter((i) => !listed(i));
  const bothYears = (list: readonly Item[]) => list.every((i) => w.prior(i.key!) === 0);
  const years = { year: doc.year, priorYear: doc.year - 1 };

  const total = item("total", w.f(L.total), sumFen(items.map((i) => i.amount)));
  const paragraphs: string[] = [];
  if (shown.length === 0 && (w.prior(total.key!) ?? 0) === 0) {
    paragraphs.push(w.prior(total.key!) === 0 ? w.f(T.noneBoth, years) : w.f(T.none));
  } else {
    let text = `${w.figure(total)}${T.end}`;
    if (shown.length > 0) text += `${T.ofWhich}${w.list(total, shown, T.itemSeparator, T.subItems, T.subItemSeparator).join("")}${T.end}`;
    if (absent.length > 0) {
      const names = absent.map((i) => i.label).join(T.absentSeparator);
      text += bothYears(absent) ? w.f(T.absentBoth, { ...years, items: names }) : w.f(T.absent, { items: names });
    }
    paragraphs.push(text);
  }

  const meetings = [item("meeting", L.meeting, amount("meeting")), item("training", L.training, amount("training"))];
  const shownMeetings = meetings.filter(listed);
  if (shownMeetings.length === 0) {
    paragraphs.push(bothYears(meetings) ? w.f(T.meetingTrainingNoneBoth) : w.f(T.meetingTrainingNone));
  } else {
    const parts = shownMeetings.map((m) => w.figure(m)).join(T.itemSeparator);
    const missing = meetings.filter((m) => !listed(m)).map((m) => fill(T.meetingTrainingAbsent, { item: m.label }));
    paragraphs.push(`${w.f(T.meetingTraining)}${parts}${missing.join("")}${T.end}`);
  }
  return paragraphs.join("\n");
}

function writeOther(w: Writer, doc: BudgetDocument): void {
  const H = P.HEADINGS;
  w.section(["第三部分"], H.part3, "");
  w.write(["第三部分", "五"], H.threePublic, () => writeThreePublic(w, doc));

  w.write(["第三部分", "六"], H.assets, () => {
    const A = P.ASSETS;
    const { assets } = doc;
    const held = w.f(A.held, {
      vehicles: assets.vehicles > 0 ? fill(A.vehicles, { count: assets.vehicles }) : A.noVehicles,
      equipment: assets.equipmentOver200k > 0 ? fill(A.equipment, { count: assets.equipmentOver200k }) : A.noEquipment,
    });
    const planned =
      assets.plannedVehicles > 0 || assets.plannedEquipmentOver200k > 0
        ? fill(A.planned, { vehicles: assets.plannedVehicles, equipment: assets.plannedEquipmentOver200k })
        : A.noPlanned;
    return [held + planned, assets.note?.trim()].filter(Boolean).join("\n");
  });

  w.write(["第三部分", "七"], H.procurement, () => {
    const R = P.PROCUREMENT;
    if (doc.procurement.length === 0) return w.f(R.none);
    const total = sumFen(doc.procurement.map((p) => p.amount));
    const parts = PROCUREMENT_CATEGORIES.flatMap((category) => {
      const amount = sumFen(doc.procurement.filter((p) => p.category === category).map((p) => p.amount));
      return amount === 0 ? [] : [fill(R.category, { category, amount: formatWanYuan(amount) })];
    });
    const services = sumFen(doc.procurement.filter((p) => p.purchaseOfServices).map((p) => p.amount));
    return (
      w.f(R.total, { total: formatWanYuan(total) }) +
      (parts.length > 0 ? fill(R.categories, { parts: parts.join(R.categorySeparator) }) : "") +
      (services !== 0 ? fill(R.services, { amount: formatWanYuan(services) }) : "") +
      R.end
    );
  });

  w.write(["第三部分", "八"], H.performance, () => {
    const F = P.PERFORMANCE;
    const general = formatWanYuan(sumRevenue(doc, { sources: ["一般公共预算拨款"] }));
    const projects = new Set(doc.expenditure.filter((l) => l.nature === "专项业务经费" && l.project).map((l) => l.project));
    const withTargets = doc.projects.filter((p) => projects.has(p.id) && p.indicators.length > 0).length;
    const others = sumRevenue(doc, { sources: ["政府性基金拨款", "国有资本经营预算收入"] }) !== 0;
    if (doc.overallTargets) return w.f(F.overall, { general }) + (others ? F.otherFunds : F.noOtherFunds) + F.end;
    if (withTargets > 0) return w.f(F.projectsOnly, { count: withTargets, general }) + (others ? F.otherFunds : F.noOtherFunds) + F.end;
    return w.f(F.noTargets);
  });

  w.write(["第三部分", "九"], H.publicFunds, () => {
    const amount = w.lines({ ...GENERAL, natures: ["公用经费"] });
    return `${w.figure({ key: "nature:公用经费", label: w.f(P.PUBLIC_FUNDS), amount })}。`;
  });

  w.section(["第三部分", "十"], H.glossary, [P.GLOSSARY_NOTE, ...P.GLOSSARY.map(([term, meaning], i) => `${i + 1}. ${term}：${meaning}`)].join("\n"));
}

// ---------------------------------------------------------------------------------------------------
// Public

export function writeNarrative(doc: BudgetDocument, options: WriteNarrativeOptions): WrittenNarrative {
  const w = new Writer(doc, options.catalog);
  writeUnit(w, doc);
  writeBudget(w, doc);
  writeOther(w, doc);
  w.section(["第四部分"], P.HEADINGS.part4, P.PART4);
  return { sections: w.sections, problems: w.problems, changes: w.changes };
}
