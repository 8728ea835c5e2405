/**
 * Reading one printed cell or line: stripping the marks publishers leave in (`**`, `<b>`, `<p>`),
 * amounts in the table's unit, and classification codes glued to or spaced inside a label.
 */
import { type Fen, fen, parseWanYuan, parseYuan } from "../../model/money.ts";
import type { MeasureUnit } from "../../model/table.ts";

/**
 * A pure function of one string, remembered: a document repeats its cells (`0.00`, labels, header words)
 * and the reader asks about the same cell several times. The cache is bounded: it is emptied when full,
 * so memory stays flat over a folder of files.
 */
export function memoised<R>(fn: (text: string) => R, limit = 2048): (text: string) => R {
  const cache = new Map<string, R>();
  return (text) => {
    // A long paragraph is seldom asked about twice; keeping it would only hold memory.
    if (text.length > MEMO_MAX_LENGTH) return fn(text);
    const known = cache.get(text);
    if (known !== undefined || cache.has(text)) return known as R;
    if (cache.size >= limit) cache.clear();
    const value = fn(text);
    cache.set(text, value);
    return value;
  };
}

const MEMO_MAX_LENGTH = 256;

const CJK = "\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef“”‘’";
/** Whitespace between two Chinese characters is a line wrap or a printing artefact, not a space. */
const SPACE_BETWEEN_CJK = new RegExp(`(?<=[${CJK}])\\s+(?=[${CJK}])`, "g");

/**
 * The text of a cell or line without emphasis marks and markup; paragraphs inside a cell become lines.
 * In a cell, whitespace between Chinese characters is a wrapped label (`年度 主要 任务`) and goes; a line
 * of narrative keeps it as printed (`第一部分 单位概况`).
 */
export function cleanText(raw: string, options: { joinChinese?: boolean } = {}): string {
  // Nothing to strip or fold: no whitespace, no markup, no emphasis, no entity.
  if (!NEEDS_CLEANING.test(raw)) return raw;
  return (options.joinChinese ?? true) ? cleanCell(raw) : cleanLine(raw);
}

const NEEDS_CLEANING = /[\s<*&]/;

function cleaned(raw: string, joinChinese: boolean): string {
  return raw
    .replace(/<\/p>\s*<p[^>]*>/gi, "\n")
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/?(?:b|strong|p|span|em|i|u|font)(?:\s[^>]*)?>/gi, "")
    .replace(/\*\*(.+?)\*\*/g, "$1")
    .replace(/&nbsp;/g, " ")
    .split("\n")
    .map((line) => line.replace(/[ \t\u3000\u00a0]+/g, " "))
    .map((line) => (joinChinese ? joinChineseText(line) : line).trim())
    .filter((line, i, all) => line !== "" || (i > 0 && i < all.length - 1))
    .join("\n")
    .trim();
}

const cleanCell = memoised((raw) => cleaned(raw, true));
const cleanLine = memoised((raw) => cleaned(raw, false));

/** Removes whitespace between two Chinese characters (a line wrap in the source, not a space). */
export function joinChineseText(text: string): string {
  return text.replace(SPACE_BETWEEN_CJK, "");
}

/** Full-width digits, letters and ASCII punctuation to their half-width forms (for numbers and codes only). */
export function halfWidth(text: string): string {
  if (!FULL_WIDTH.test(text)) return text;
  return text.replace(FULL_WIDTH_CHARS, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, " ");
}

const FULL_WIDTH = /[\uff01-\uff5e\u3000]/;
const FULL_WIDTH_CHARS = /[\uff01-\uff5e]/g;

/** The text with all whitespace removed, for comparing header and field labels (`项 目` = `项目`). */
export function compact(text: string): string {
  return HAS_SPACE.test(text) ? text.replace(/\s+/g, "") : text;
}

const HAS_SPACE = /\s/;

/** Printed forms of "no amount": blank, dashes, the template's `**` placeholder. */
const BLANK_AMOUNT = /^(?:|[-－—–─]+|\/|\*+|…+|\.+)$/;

export type AmountCell = { ok: true; value: Fen | null } | { ok: false };

/** An amount cell in the table's unit, as fen; `ok: false` when the cell holds something that is not an amount. */
export function readAmount(raw: string, unit: MeasureUnit): AmountCell {
  return AMOUNT_READERS[unit](raw);
}

function amountIn(unit: MeasureUnit): (raw: string) => AmountCell {
  return memoised((raw) => {
    const text = compact(halfWidth(raw)).replace(/元$/, "");
    if (BLANK_AMOUNT.test(text)) return NO_AMOUNT;
    const value = parseInUnit(text, unit);
    return value === null ? NOT_AMOUNT : Object.freeze({ ok: true, value });
  });
}

const NO_AMOUNT: AmountCell = Object.freeze({ ok: true, value: null });
const NOT_AMOUNT: AmountCell = Object.freeze({ ok: false });
const AMOUNT_READERS: Readonly<Record<MeasureUnit, (raw: string) => AmountCell>> = {
  元: amountIn("元"),
  万元: amountIn("万元"),
  千元: amountIn("千元"),
};

function parseInUnit(text: string, unit: MeasureUnit): Fen | null {
  if (unit === "元") return parseYuan(text);
  const inWan = parseWanYuan(text);
  if (unit === "万元" || inWan === null) return inWan;
  // 千元 = 万元 / 10: reading as 万元 keeps the string arithmetic of money.ts; a result that is not a
  // whole number of fen has more decimals than a 千元 figure can carry.
  return inWan % 10 === 0 ? fen(inWan / 10) : null;
}

/** True when the cell reads as a number (a figure, not a label). */
export const looksLikeAmount: (raw: string) => boolean = memoised((raw) => {
  const text = compact(halfWidth(raw));
  return /^-?[\d,]+(?:\.\d+)?$/.test(text) && /\d/.test(text);
});

/** A code cell: `2010350`, `201 03 50`, `３０１０１`. Returns the digits, or null when it is not a code. */
export const readCode: (raw: string) => string | null = memoised((raw) => {
  const text = halfWidth(raw).trim();
  if (!/^\d{3}(?:\s*\d{2}){0,3}$|^\d{6,}$/.test(text)) return null;
  return text.replace(/\s+/g, "");
});

/**
 * A label with its code in front (`2010350事业运行`, `201 03 50 事业运行`, `30101 基本工资`). The code is
 * 3 digits plus pairs; a number followed by 、 or ) is list numbering, not a code.
 */
export const splitCodedLabel: (raw: string) => { readonly code?: string; readonly label: string } = memoised((raw) => {
  const text = raw.trim();
  const match = /^([0-9０-９]{3}(?:[ \u3000]?[0-9０-９]{2}){0,3})(?![0-9０-９、.．)）])[ \u3000]*(\S.*)$/su.exec(text);
  if (!match) return Object.freeze({ label: text });
  const code = halfWidth(match[1]!).replace(/\s+/g, "");
  return Object.freeze({ code, label: match[2]! });
});

/** The unit stated by a line such as `单位：元` or `金额单位：万元`, or a header such as `预算数（万元）`. */
export function statedUnit(text: string): MeasureUnit | undefined {
  const match = /(?:单位[：:]\s*|[（(])(万元|千元|元)(?:[）)]|\s*$)/.exec(compact(text));
  return match ? (match[1] as MeasureUnit) : undefined;
}
