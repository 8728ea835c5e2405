/**
 * Reads the figures a narrative (说明) states: each amount with what it is about, the year-over-year
 * change stated with it (direction, amount, percent, against 上年 or 年初预算), the reason given, a share
 * (占 X%), and the lists of parts stated under a total (其中… / 具体为…). Pure: text in, claims out.
 *
 * @example
 * const { claims } = readClaims(disclosure.narrative, { catalog });
 * claims.find((c) => c.subject.key === "function:2080505")?.amount?.fen; // 202_500_000 (20.25 万元)
 */
import type { Catalog } from "../../catalog/catalog.ts";
import type { NarrativeSection } from "../../model/disclosure.ts";
import type { NarrativeRef } from "../../model/finding.ts";
import { type Fen, parseWanYuan, parseYuan } from "../../model/money.ts";
import { canBePartOf, contains, continuesAcrossSentences } from "./keys.ts";
import { resolveSubject, type Subject } from "./subject.ts";
import { lineAt, quoteOf, type ScanText, scanText } from "./text.ts";

// ---------------------------------------------------------------------------------------------------
// Types

export type MoneyUnit = "万元" | "元";

/** An amount as printed: its value in fen, its unit word and its decimals. */
export interface StatedAmount {
  readonly fen: Fen;
  readonly unit: MoneyUnit;
  readonly text: string;
  readonly decimals: number;
}

/** A percent as printed: `14.43` is scaled 1443 with 2 decimals (integers only, never floats). */
export interface StatedPercent {
  readonly text: string;
  readonly scaled: number;
  readonly decimals: number;
}

export type Direction = "增加" | "减少" | "持平";

export interface StatedChange {
  /** The comparison as printed: 较上年, 同比, 与2022年预算相比, 较年初预算数 … */
  readonly base: string;
  readonly baseKind: "priorYear" | "initialBudget";
  /** The year compared with, when printed (较2021年度 → 2021). */
  readonly baseYear?: number;
  readonly direction?: Direction;
  readonly amount?: StatedAmount;
  readonly percent?: StatedPercent;
  /** The direction word printed with the percent, when it differs from `direction` (增加 … 下降 5%). */
  readonly percentDirection?: Direction;
  /** The base figure, when printed (比上年累计支出 433 万元). */
  readonly prior?: StatedAmount;
}

export interface ClaimPlace extends NarrativeRef {
  /** 1-based line within the section's text (the section's `source.line` is its heading). */
  readonly textLine: number;
}

export interface Claim {
  /** Index in `claims`. */
  readonly id: number;
  readonly subject: Subject;
  /** Absent for a statement of change alone (公务接待较上年同期减少 0.58 万元). */
  readonly amount?: StatedAmount;
  /** The year the sentence states (2021年度…), or the one stated just before in the same section. */
  readonly year?: number;
  readonly changes: readonly StatedChange[];
  readonly reason?: string;
  readonly share?: { readonly percent: StatedPercent; readonly of: string };
  /** The claim this one is listed under (其中 / 具体为). */
  readonly parent?: number;
  readonly where: ClaimPlace;
}

/** Figures listed under a total. */
export interface PartsList {
  readonly parent: number;
  readonly parts: readonly number[];
  readonly marker: "其中" | "具体为" | "nested";
  /** False when the text stops mid-list (a truncated fragment): parts may be missing. */
  readonly complete: boolean;
}

export interface Unattributed {
  readonly claim: number;
  readonly printed: string;
  readonly why: string;
}

export interface ReadClaimsResult {
  readonly claims: readonly Claim[];
  readonly lists: readonly PartsList[];
  readonly unattributed: readonly Unattributed[];
}

export interface ReadClaimsOptions {
  /** The catalog of the disclosure's year: names printed without a code are looked up in it. */
  readonly catalog?: Catalog;
}

// ---------------------------------------------------------------------------------------------------
// Tokens

type Token =
  | { kind: "share"; of: string; percent: StatedPercent }
  | { kind: "base"; base: string; baseKind: StatedChange["baseKind"]; baseYear?: number; prior?: StatedAmount }
  | { kind: "flat" }
  | { kind: "direction"; direction: Direction }
  | { kind: "reason" }
  | { kind: "ofWhich" }
  | { kind: "specific" }
  | { kind: "money"; amount: StatedAmount; threshold: boolean }
  | { kind: "percent"; percent: StatedPercent }
  | { kind: "year"; year: number }
  | { kind: "level1" }
  | { kind: "delimiter" }
  | { kind: "end"; sentence: boolean }
  | { kind: "text" };

const NUMBER = String.raw`(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?`;
const SHARE = /占(?:比)?([^,;。%]{0,20}?)(\d+(?:\.\d+)?)%/y;
const BASE = new RegExp(
  String.raw`(?:较|比|与)(上年同期|上年度|上一年度?|上年|去年|(\d{4})年度?(?:同期)?(?:预算|决算)?数?|年初预算数?|预算数)(?:相比|比较)?(?:累计)?(?:支出|预算数?|决算数?)?(?:${NUMBER}(万元|元))?|(?:按同口径)?同比`,
  "y",
);
const FLAT = /(?:相比)?(?:持平|无变化|无增减变化|没有变化|无增减|一致|相同|不变)/y;
const DIRECTION = /(增加|增长|上升|提高|减少|下降|降低|压减|核减|减|增)了?/y;
const REASON = /主要原因(?:是|为|:)?|原因(?:是|为|:)|主要是|主要由于|是由于/y;
const OF_WHICH = /其中:?/y;
const SPECIFIC = /具体(?:为|如下|是):?/y;
const MONEY = new RegExp(String.raw`${NUMBER}(万元|元)(以上|以下|以内)?`, "y");
const PERCENT = /(\d+(?:\.\d+)?)%/y;
const YEAR = /(\d{4})年度?/y;
const LEVEL1 = /[一二三四五六七八九十]+、/y;

const UP = new Set(["增加", "增长", "上升", "提高", "增"]);

function stated(whole: string, fraction: string | undefined, unit: MoneyUnit, text: string): StatedAmount | undefined {
  const digits = `${whole.replace(/,/g, "")}${fraction ? `.${fraction}` : ""}`;
  const value = unit === "万元" ? parseWanYuan(digits) : parseYuan(digits);
  return value === null ? undefined : { fen: value, unit, text, decimals: fraction?.length ?? 0 };
}

export function parsePercent(text: string): StatedPercent {
  const [whole, fraction = ""] = text.split(".");
  return { text, scaled: Number(`${whole}${fraction}`), decimals: fraction.length };
}

function at(re: RegExp, text: string, index: number): RegExpExecArray | null {
  re.lastIndex = index;
  return re.exec(text);
}

/** The token at `i`, with its length. Numbers are only read from their first digit. */
function tokenAt(text: string, i: number): { token: Token; length: number } {
  const prev = text[i - 1] ?? "";
  const numberStart = !/[\d.]/.test(prev);
  let m: RegExpExecArray | null;
  if ((m = at(SHARE, text, i))) return { token: { kind: "share", of: m[1]!, percent: parsePercent(m[2]!) }, length: m[0].length };
  // 经比较2020年度…: 比较 is a verb there, not 较 + a year.
  if (prev !== "比" && (m = at(BASE, text, i))) {
    const base = m[0].replace(new RegExp(`${NUMBER}(万元|元)$`), "");
    const prior = m[3] ? stated(m[3], m[4], m[5] as MoneyUnit, m[0].slice(base.length)) : undefined;
    const baseKind = /年初预算|预算数/.test(m[1] ?? "") ? "initialBudget" : "priorYear";
    return {
      token: { kind: "base", base, baseKind, ...(m[2] ? { baseYear: Number(m[2]) } : {}), ...(prior ? { prior } : {}) },
      length: m[0].length,
    };
  }
  if ((m = at(FLAT, text, i))) return { token: { kind: "flat" }, length: m[0].length };
  if ((m = at(DIRECTION, text, i))) return { token: { kind: "direction", direction: UP.has(m[1]!) ? "增加" : "减少" }, length: m[0].length };
  if ((m = at(REASON, text, i))) return { token: { kind: "reason" }, length: m[0].length };
  if ((m = at(OF_WHICH, text, i))) return { token: { kind: "ofWhich" }, length: m[0].length };
  if ((m = at(SPECIFIC, text, i))) return { token: { kind: "specific" }, length: m[0].length };
  if (numberStart && (m = at(MONEY, text, i))) {
    const amount = stated(m[1]!, m[2], m[3] as MoneyUnit, m[0].replace(/(以上|以下|以内)$/, ""));
    if (amount) return { token: { kind: "money", amount, threshold: m[4] !== undefined }, length: m[0].length };
  }
  if (numberStart && (m = at(PERCENT, text, i))) return { token: { kind: "percent", percent: parsePercent(m[1]!) }, length: m[0].length };
  if (numberStart && (m = at(YEAR, text, i))) return { token: { kind: "year", year: Number(m[1]) }, length: m[0].length };
  if (/^$|[,:;。、]/.test(prev) && (m = at(LEVEL1, text, i))) return { token: { kind: "level1" }, length: m[0].length };
  const ch = text[i]!;
  if (ch === "," || ch === ":" || ch === "、") return { token: { kind: "delimiter" }, length: 1 };
  if (ch === ";" || ch === "。" || ch === "!" || ch === "?") return { token: { kind: "end", sentence: ch !== ";" }, length: 1 };
  return { token: { kind: "text" }, length: 1 };
}

// ---------------------------------------------------------------------------------------------------
// Reading one section

interface MutableChange {
  base: string;
  baseKind: StatedChange["baseKind"];
  baseYear?: number;
  direction?: Direction;
  amount?: StatedAmount;
  percent?: StatedPercent;
  percentDirection?: Direction;
  prior?: StatedAmount;
}

interface Draft {
  id: number;
  subject: Subject;
  amount?: StatedAmount;
  year?: number;
  changes: MutableChange[];
  reason?: string;
  share?: { percent: StatedPercent; of: string };
  parent?: number;
  sentence: number;
  start: number;
  end: number;
}

interface OpenList {
  parent: Draft;
  marker: "其中" | "具体为";
  /** Opened at the start of a sentence, for a total stated in an earlier one. */
  acrossSentence: boolean;
  parts: Draft[];
}

class SectionReader {
  readonly drafts: Draft[] = [];
  readonly lists: { parent: number; parts: number[]; marker: PartsList["marker"]; complete: boolean }[] = [];
  #buffer = "";
  #bufferStart = 0;
  /** The words of the clause before the last delimiter, when no figure took them. */
  #lastClause = { text: "", start: 0 };
  #current: Draft | undefined;
  #change: MutableChange | undefined;
  #pendingDirection: Direction | undefined;
  #reason: { claim: Draft | undefined; text: string } | undefined;
  #sentence = 0;
  #sentenceYear: number | undefined;
  #carriedYear: number | undefined;
  #list: OpenList | undefined;

  constructor(
    private readonly scan: ScanText,
    private readonly firstId: number,
    private readonly catalog: Catalog | undefined,
  ) {}

  read(): void {
    const text = this.scan.text;
    let i = 0;
    let previous: Token["kind"] | undefined;
    while (i < text.length) {
      const { token, length } = tokenAt(text, i);
      const raw = text.slice(i, i + length);
      this.#take(token, raw, i, previous);
      previous = token.kind;
      i += length;
    }
    this.#endReason();
    this.#closeList(/[。;!?]$/.test(text));
  }

  #take(token: Token, raw: string, at: number, previous: Token["kind"] | undefined): void {
    const reasonActive = this.#reason !== undefined;
    switch (token.kind) {
      case "text":
        this.#buffer += raw;
        if (this.#reason) this.#reason.text += raw;
        return;
      case "delimiter":
        if (this.#reason) this.#reason.text += raw;
        this.#resetBuffer(at + 1, true);
        return;
      case "end":
        this.#endReason();
        this.#change = undefined;
        this.#pendingDirection = undefined;
        this.#resetBuffer(at + 1);
        if (token.sentence) this.#endSentence();
        return;
      case "year":
        if (this.#sentenceYear === undefined) this.#sentenceYear = token.year;
        if (this.#reason) this.#reason.text += raw;
        return;
      case "level1":
        this.#endReason();
        this.#closeList(true);
        this.#resetBuffer(at + raw.length);
        return;
      case "share":
        if (this.#reason) this.#reason.text += raw;
        else if (this.#current && this.#current.sentence === this.#sentence && !this.#current.share) {
          this.#current.share = { percent: token.percent, of: token.of.replace(/的$/, "") };
          this.#current.end = at + raw.length;
        }
        this.#resetBuffer(at + raw.length);
        return;
      case "reason":
        this.#endReason();
        this.#reason = { claim: this.#current && !this.#current.reason ? this.#current : undefined, text: "" };
        return;
      case "base":
      case "flat":
      case "direction":
      case "percent":
        if (reasonActive) {
          this.#reason!.text += raw;
          return;
        }
        this.#takeChangePart(token, raw, at);
        return;
      case "ofWhich":
      case "specific":
        if (reasonActive) this.#endReason();
        this.#openList(token.kind === "ofWhich" ? "其中" : "具体为");
        this.#resetBuffer(at + raw.length);
        return;
      case "money":
        if (token.threshold) {
          this.#buffer += raw;
          if (this.#reason) this.#reason.text += raw;
          return;
        }
        if (previous === "direction") {
          if (reasonActive) this.#reason!.text += raw;
          else if (this.#change?.direction && !this.#change.amount) {
            this.#change.amount = token.amount;
            this.#touch(at + raw.length);
          }
          this.#resetBuffer(at + raw.length);
          return;
        }
        if (reasonActive) {
          // A new figure ends the reason; its subject is the words since the last delimiter.
          const reason = this.#reason!;
          reason.text = reason.text.slice(0, reason.text.length - this.#buffer.length);
          this.#endReason();
        }
        this.#newClaim(token.amount, at + raw.length);
        return;
    }
  }

  #takeChangePart(token: Extract<Token, { kind: "base" | "flat" | "direction" | "percent" }>, raw: string, at: number): void {
    if (token.kind === "base") {
      const target = this.#changeTarget(at);
      this.#pendingDirection = undefined;
      if (!target) {
        this.#change = undefined;
        return;
      }
      const change: MutableChange = {
        base: token.base,
        baseKind: token.baseKind,
        ...(token.baseYear !== undefined ? { baseYear: token.baseYear } : {}),
        ...(token.prior ? { prior: token.prior } : {}),
      };
      target.changes.push(change);
      this.#change = change;
      this.#touch(at + raw.length);
      this.#resetBuffer(at + raw.length);
      return;
    }
    if (token.kind === "flat") {
      if (this.#change && !this.#change.direction) {
        this.#change.direction = "持平";
        this.#touch(at + raw.length);
      } else this.#buffer += raw;
      return;
    }
    if (token.kind === "direction") {
      if (this.#change && !this.#change.direction) {
        this.#change.direction = token.direction;
        this.#touch(at + raw.length);
      } else {
        this.#pendingDirection = token.direction;
        this.#buffer += raw;
      }
      return;
    }
    if (this.#change && !this.#change.percent) {
      this.#change.percent = token.percent;
      if (this.#pendingDirection && this.#change.direction && this.#pendingDirection !== this.#change.direction) {
        this.#change.percentDirection = this.#pendingDirection;
      }
      this.#touch(at + raw.length);
    }
    this.#pendingDirection = undefined;
    this.#resetBuffer(at + raw.length);
  }

  /** The claim a change just printed belongs to: the current one, or a new one named by the words before it. */
  #changeTarget(at: number): Draft | undefined {
    const current = this.#current;
    let printed = this.#buffer;
    if (printed === "" || /^[的和及与]*$/.test(printed)) {
      if (current && current.sentence === this.#sentence) return current;
      // 本单位无会议费、培训会预算支出，较上年相比无变化: the change speaks of the clause before the comma.
      if (this.#lastClause.text === "") return undefined;
      printed = this.#lastClause.text;
      this.#bufferStart = this.#lastClause.start;
    }
    const subject = resolveSubject(printed, this.catalog);
    if (subject.name === "" && current) return current;
    if (current && current.sentence === this.#sentence && (subject.key ? subject.key === current.subject.key : subject.name === current.subject.name)) {
      return current;
    }
    return this.#addClaim(subject, undefined, at);
  }

  #newClaim(amount: StatedAmount, end: number): void {
    const subject = resolveSubject(this.#buffer, this.catalog);
    const draft = this.#addClaim(subject, amount, end);
    draft.end = end;
    this.#resetBuffer(end);
  }

  #addClaim(subject: Subject, amount: StatedAmount | undefined, end: number): Draft {
    const draft: Draft = {
      id: this.firstId + this.drafts.length,
      subject,
      ...(amount ? { amount } : {}),
      ...(this.#year() !== undefined ? { year: this.#year()! } : {}),
      changes: [],
      sentence: this.#sentence,
      start: this.#bufferStart,
      end,
    };
    this.drafts.push(draft);
    this.#placeInList(draft);
    this.#current = draft;
    this.#change = undefined;
    this.#pendingDirection = undefined;
    return draft;
  }

  #year(): number | undefined {
    return this.#sentenceYear ?? this.#carriedYear;
  }

  #touch(end: number): void {
    if (this.#current) this.#current.end = Math.max(this.#current.end, end);
  }

  /** Starts the words of a new subject; after a delimiter the words before it stay at hand. */
  #resetBuffer(at: number, delimiter = false): void {
    this.#lastClause = delimiter ? { text: this.#buffer, start: this.#bufferStart } : { text: "", start: at };
    this.#buffer = "";
    this.#bufferStart = at;
  }

  #endReason(): void {
    const reason = this.#reason;
    this.#reason = undefined;
    if (!reason?.claim) return;
    const text = reason.text.replace(/^[,:]+|[,:、]+$/g, "");
    if (text !== "") reason.claim.reason = text;
  }

  #endSentence(): void {
    if (this.drafts.some((d) => d.sentence === this.#sentence)) this.#carriedYear = this.#year();
    this.#sentence += 1;
    this.#sentenceYear = undefined;
  }

  // -------------------------------------------------------------------------------------------------
  // Lists

  #openList(marker: OpenList["marker"]): void {
    const inSentence = this.drafts.filter((d) => d.sentence === this.#sentence);
    const open = this.#list;
    let parent: Draft | undefined;
    let acrossSentence = false;
    if (marker === "具体为" && open) parent = open.parent;
    else if (inSentence.length > 0) parent = inSentence[inSentence.length - 1];
    else {
      parent = this.#current;
      acrossSentence = true;
    }
    this.#closeList(true);
    if (parent) this.#list = { parent, marker, acrossSentence, parts: [] };
  }

  #placeInList(draft: Draft): void {
    const list = this.#list;
    if (!list) return;
    const parentKey = list.parent.subject.key;
    const key = draft.subject.key;
    const last = list.parts[list.parts.length - 1];
    let accept: boolean;
    if (last === undefined && list.acrossSentence) accept = parentKey !== undefined && key !== undefined && continuesAcrossSentences(parentKey, key);
    else if (last === undefined || last.sentence === draft.sentence) accept = !(parentKey && key && !canBePartOf(parentKey, key));
    else accept = parentKey !== undefined && key !== undefined && continuesAcrossSentences(parentKey, key);
    if (accept) {
      list.parts.push(draft);
      draft.parent = list.parent.id;
    } else this.#closeList(true);
  }

  #closeList(complete: boolean): void {
    const list = this.#list;
    this.#list = undefined;
    if (!list || list.parts.length === 0) return;
    // A part contained in an earlier part (a 项 printed beside its 类, 购置费 in brackets after 购置及运行费)
    // belongs to that part's own list, not to the total.
    const top: Draft[] = [];
    const nested = new Map<Draft, Draft[]>();
    for (const part of list.parts) {
      const outer = top.find((t) => t.subject.key && part.subject.key && contains(t.subject.key, part.subject.key));
      if (outer) {
        nested.set(outer, [...(nested.get(outer) ?? []), part]);
        part.parent = outer.id;
      } else top.push(part);
    }
    this.lists.push({ parent: list.parent.id, parts: top.map((p) => p.id), marker: list.marker, complete });
    for (const [outer, parts] of nested) this.lists.push({ parent: outer.id, parts: parts.map((p) => p.id), marker: "nested", complete });
  }
}

// ---------------------------------------------------------------------------------------------------
// Public

const FIGURE_IN_HEADING = /\d\s*(万元|元)/;

export function readClaims(sections: readonly NarrativeSection[], options: ReadClaimsOptions = {}): ReadClaimsResult {
  const claims: Claim[] = [];
  const lists: PartsList[] = [];
  for (const section of sections) {
    // A line that states a figure is not a heading, though short enough to be read as one
    // (`(二)社会保障和就业支出类科目 116433.12 元,占支` broken before the line's end): read it as text.
    const text = FIGURE_IN_HEADING.test(section.heading) ? `${section.heading}\n${section.text}` : section.text;
    if (text.trim() === "") continue;
    const scan = scanText(text);
    const reader = new SectionReader(scan, claims.length, options.catalog);
    reader.read();
    for (const d of reader.drafts) {
      const where: ClaimPlace = {
        path: section.path,
        quote: quoteOf(scan, d.start, d.end),
        ...(section.source ? { source: section.source } : {}),
        textLine: lineAt(scan, d.start) + 1,
      };
      claims.push({
        id: d.id,
        subject: d.subject,
        ...(d.amount ? { amount: d.amount } : {}),
        ...(d.year !== undefined ? { year: d.year } : {}),
        changes: d.changes.map((c) => ({ ...c })),
        ...(d.reason ? { reason: d.reason } : {}),
        ...(d.share ? { share: d.share } : {}),
        ...(d.parent !== undefined ? { parent: d.parent } : {}),
        where,
      });
    }
    lists.push(...reader.lists);
  }
  const unattributed = claims.flatMap((c) => (c.subject.key ? [] : [{ claim: c.id, printed: c.subject.printed, why: c.subject.why ?? "未能确定" }]));
  return { claims, lists, unattributed };
}
