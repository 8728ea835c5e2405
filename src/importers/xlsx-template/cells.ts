/**
 * One cell of a filled authoring workbook, as what a person typed: text, a number, a date, a formula's
 * cached result — or a formula with no result, an error value, nothing. And the conversions of such a
 * cell to the fields of a BudgetDocument, each returning a Chinese reason when the cell does not fit.
 */
import type ExcelJS from "exceljs";
import { type Fen, parseWanYuan, parseYuan } from "../../model/money.ts";

export type Raw =
  | { readonly kind: "empty" }
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "number"; readonly value: number }
  | { readonly kind: "bool"; readonly value: boolean }
  | { readonly kind: "date"; readonly value: Date }
  | { readonly kind: "error"; readonly text: string }
  | { readonly kind: "noResult" };

export const EMPTY: Raw = { kind: "empty" };
export const NO_RESULT_MESSAGE = "公式没有计算结果，请在 Excel 中保存后再导入";

export function rawOf(value: ExcelJS.CellValue | undefined): Raw {
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === "string") return { kind: "text", text: value };
  if (typeof value === "number") return { kind: "number", value };
  if (typeof value === "boolean") return { kind: "bool", value };
  if (value instanceof Date) return { kind: "date", value };
  if (typeof value === "object") {
    if ("richText" in value) return { kind: "text", text: value.richText.map((r) => r.text).join("") };
    if ("formula" in value || "sharedFormula" in value) {
      const result = (value as { result?: unknown }).result;
      if (result === undefined || result === null) return { kind: "noResult" };
      return rawOf(result as ExcelJS.CellValue);
    }
    if ("error" in value) return { kind: "error", text: String(value.error) };
    if ("text" in value) return rawOf((value as { text: ExcelJS.CellValue }).text);
  }
  return { kind: "text", text: String(value) };
}

/** Blank: nothing, or only spaces. (A program-written empty string is not blank for optional text.) */
export function isBlank(raw: Raw): boolean {
  return raw.kind === "empty" || (raw.kind === "text" && raw.text.trim() === "");
}

export type Converted<T> = { ok: true; value: T } | { ok: false; message: string };
const ok = <T>(value: T): Converted<T> => ({ ok: true, value });
const fail = (message: string): Converted<never> => ({ ok: false, message });

const FULL_WIDTH = /[０-９．，－（）\u3000]/g;
export function halfWidth(text: string): string {
  return text.replace(FULL_WIDTH, (c) => (c === "\u3000" ? " " : c === "（" ? "(" : c === "）" ? ")" : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

function unusable(raw: Raw): string | null {
  if (raw.kind === "noResult") return NO_RESULT_MESSAGE;
  if (raw.kind === "error") return `单元格是错误值 ${raw.text}`;
  return null;
}

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/** Text as typed, trimmed. A number or date becomes its text. */
export function toText(raw: Raw): Converted<string> {
  const bad = unusable(raw);
  if (bad) return fail(bad);
  switch (raw.kind) {
    case "empty":
      return ok("");
    case "text":
      return ok(raw.text.trim());
    case "number":
      return ok(decimalText(raw.value));
    case "bool":
      return ok(raw.value ? "是" : "否");
    case "date":
      return ok(isoDate(raw.value));
    default:
      return fail("无法读取");
  }
}

/** A date as YYYY-MM-DD, typed as text or as an Excel date. */
export function toDate(raw: Raw): Converted<string> {
  if (raw.kind === "date") return ok(isoDate(raw.value));
  const text = toText(raw);
  if (!text.ok) return text;
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(halfWidth(text.value));
  if (!m) return fail(`日期应写成 YYYY-MM-DD，不是“${text.value}”`);
  const date = `${m[1]}-${m[2]!.padStart(2, "0")}-${m[3]!.padStart(2, "0")}`;
  const parsed = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || isoDate(parsed) !== date) return fail(`“${text.value}”不是有效的日期`);
  return ok(date);
}

/** The shortest decimal text of a number as Excel stores it, without binary noise (0.30000000000000004 → 0.3). */
export function decimalText(n: number): string {
  return String(Number(n.toPrecision(15)));
}

/**
 * An amount in 元 (or 万元) to fen: a number, or text with separators, full-width digits, a 元 sign.
 * String arithmetic only (parseYuan / parseWanYuan).
 */
export function toAmount(raw: Raw, unit: "元" | "万元"): Converted<Fen> {
  const bad = unusable(raw);
  if (bad) return fail(bad);
  let text: string;
  if (raw.kind === "number") text = decimalText(raw.value);
  else if (raw.kind === "text") text = raw.text.trim().replace(/^[¥￥]/, "").replace(/(万元|元)$/, "");
  else return fail("不是金额");
  const value = unit === "万元" ? parseWanYuan(text) : parseYuan(text);
  if (value === null) {
    return fail(`“${raw.kind === "text" ? raw.text.trim() : text}”不是金额（以${unit}为单位，最多${unit === "元" ? "两" : "六"}位小数）`);
  }
  if (value < 0) return fail(`金额不能为负数（${text}）`);
  return ok(value);
}

/** A whole number ≥ 0 (people, vehicles, table number). */
export function toCount(raw: Raw): Converted<number> {
  const bad = unusable(raw);
  if (bad) return fail(bad);
  const text = raw.kind === "number" ? decimalText(raw.value) : raw.kind === "text" ? halfWidth(raw.text).replace(/[\s,]/g, "") : "";
  if (!/^\d+$/.test(text)) return fail(`应为不小于 0 的整数，不是“${raw.kind === "text" ? raw.text.trim() : text}”`);
  const n = Number(text);
  return Number.isSafeInteger(n) ? ok(n) : fail(`数字“${text}”太大`);
}

/**
 * A catalog code: `2010350`, the number 2010350, or the drop-down's `2010350 事业运行` (the name is
 * kept, so it can be checked against the catalog). Full-width digits are accepted.
 */
export function toCode(raw: Raw, digits: number, what: string): Converted<{ code: string; name?: string }> {
  const bad = unusable(raw);
  if (bad) return fail(bad);
  const text = raw.kind === "number" ? decimalText(raw.value) : raw.kind === "text" ? halfWidth(raw.text).trim() : "";
  const m = /^(\d+)(?:[\s\u3000]+(.*))?$/s.exec(text);
  if (!m || m[1]!.length !== digits) {
    return fail(`${what}应为 ${digits} 位数字编码，不是“${raw.kind === "text" ? raw.text.trim() : text}”`);
  }
  const name = raw.kind === "text" ? /^[\s\u3000]*[0-9０-９]+[\s\u3000]+(.*)$/s.exec(raw.text)?.[1]?.trim() : undefined;
  return ok(name ? { code: m[1]!, name } : { code: m[1]! });
}

/** One of a closed list of terms. */
export function toChoice<T extends string>(raw: Raw, choices: readonly T[], what: string): Converted<T> {
  const text = toText(raw);
  if (!text.ok) return text;
  const value = text.value.replace(/\s+/g, "");
  const found = choices.find((c) => c === value || c === halfWidth(value));
  return found ? ok(found) : fail(`${what}必须是：${choices.join("、")}，不是“${text.value}”`);
}

export function toYesNo(raw: Raw, what: string): Converted<boolean> {
  if (raw.kind === "bool") return ok(raw.value);
  const text = toText(raw);
  if (!text.ok) return text;
  if (["是", "Y", "y", "yes", "TRUE", "true"].includes(text.value)) return ok(true);
  if (["否", "N", "n", "no", "FALSE", "false"].includes(text.value)) return ok(false);
  return fail(`${what}应填“是”或“否”，不是“${text.value}”`);
}

/** Several entries, one per line of the cell (blank lines dropped). */
export function toLines(raw: Raw): Converted<string[]> {
  const text = toText(raw);
  if (!text.ok) return text;
  return ok(
    text.value
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l !== ""),
  );
}
