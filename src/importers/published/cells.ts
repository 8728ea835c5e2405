/**
 * Reading one printed cell or line: stripping the marks publishers leave in (`**`, `<b>`, `<p>`),
 * amounts in the table's unit, and classification codes glued to or spaced inside a label.
 */
import { type Fen, fen, parseWanYuan, parseYuan } from "../../model/money.ts";
import type { MeasureUnit } from "../../model/table.ts";

const CJK = "\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef“”‘’";
/** Whitespace between two Chinese characters is a line wrap or a printing artefact, not a space. */
const SPACE_BETWEEN_CJK = new RegExp(`(?<=[${CJK}])\\s+(?=[${CJK}])`, "g");

/**
 * The text of a cell or line without emphasis marks and markup; paragraphs inside a cell become lines.
 * In a cell, whitespace between Chinese characters is a wrapped label (`年度 主要 任务`) and goes; a line
 * of narrative keeps it as printed (`第一部分 单位概况`).
 */
export function cleanText(raw: string, options: { joinChinese?: boolean } = {}): string {
  const joinChinese = options.joinChinese ?? true;
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

/** Removes whitespace between two Chinese characters (a line wrap in the source, not a space). */
export function joinChineseText(text: string): string {
  return text.replace(SPACE_BETWEEN_CJK, "");
}

/** Full-width digits, letters and ASCII punctuation to their half-width forms (for numbers and codes only). */
export function halfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, " ");
}

/** The text with all whitespace removed, for comparing header and field labels (`项 目` = `项目`). */
export function compact(text: string): string {
  return text.replace(/\s+/g, "");
}

/** Printed forms of "no amount": blank, dashes, the template's `**` placeholder. */
const BLANK_AMOUNT = /^(?:|[-－—–─]+|\/|\*+|…+|\.+)$/;

export type AmountCell = { ok: true; value: Fen | null } | { ok: false };

/** An amount cell in the table's unit, as fen; `ok: false` when the cell holds something that is not an amount. */
export function readAmount(raw: string, unit: MeasureUnit): AmountCell {
  const text = compact(halfWidth(raw)).replace(/元$/, "");
  if (BLANK_AMOUNT.test(text)) return { ok: true, value: null };
  const value = parseInUnit(text, unit);
  return value === null ? { ok: false } : { ok: true, value };
}

function parseInUnit(text: string, unit: MeasureUnit): Fen | null {
  if (unit === "元") return parseYuan(text);
  const inWan = parseWanYuan(text);
  if (unit === "万元" || inWan === null) return inWan;
  // 千元 = 万元 / 10: reading as 万元 keeps the string arithmetic of money.ts; a result that is not a
  // whole number of fen has more decimals than a 千元 figure can carry.
  return inWan % 10 === 0 ? fen(inWan / 10) : null;
}

/** True when the cell reads as a number (a figure, not a label). */
export function looksLikeAmount(raw: string): boolean {
  const text = compact(halfWidth(raw));
  return /^-?[\d,]+(?:\.\d+)?$/.test(text) && /\d/.test(text);
}

/** A code cell: `2010350`, `201 03 50`, `３０１０１`. Returns the digits, or null when it is not a code. */
export function readCode(raw: string): string | null {
  const text = halfWidth(raw).trim();
  if (!/^\d{3}(?:\s*\d{2}){0,3}$|^\d{6,}$/.test(text)) return null;
  return text.replace(/\s+/g, "");
}

/**
 * A label with its code in front (`2010350事业运行`, `201 03 50 事业运行`, `30101 基本工资`). The code is
 * 3 digits plus pairs; a number followed by 、 or ) is list numbering, not a code.
 */
export function splitCodedLabel(raw: string): { code?: string; label: string } {
  const text = raw.trim();
  const match = /^([0-9０-９]{3}(?:[ \u3000]?[0-9０-９]{2}){0,3})(?![0-9０-９、.．)）])[ \u3000]*(\S.*)$/su.exec(text);
  if (!match) return { label: text };
  const code = halfWidth(match[1]!).replace(/\s+/g, "");
  return { code, label: match[2]! };
}

/** The unit stated by a line such as `单位：元` or `金额单位：万元`, or a header such as `预算数（万元）`. */
export function statedUnit(text: string): MeasureUnit | undefined {
  const match = /(?:单位[：:]\s*|[（(])(万元|千元|元)(?:[）)]|\s*$)/.exec(compact(text));
  return match ? (match[1] as MeasureUnit) : undefined;
}
