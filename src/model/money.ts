/**
 * Money is integer fen (分) everywhere. This file is the only place that converts between fen and the
 * 元 / 万元 figures people read and type.
 */

declare const fenBrand: unique symbol;
/** An amount in fen (1 元 = 100 fen). Always a safe integer. */
export type Fen = number & { readonly [fenBrand]: true };

export const FEN_PER_YUAN = 100;
export const FEN_PER_WAN_YUAN = 1_000_000;

/** Wraps an integer as Fen; throws on a non-integer so a float never slips into the books. */
export function fen(value: number): Fen {
  if (!Number.isSafeInteger(value)) throw new RangeError(`金额必须是以分为单位的整数，收到 ${value}`);
  return value as Fen;
}

export const ZERO = fen(0);

export function sumFen(values: Iterable<Fen | null | undefined>): Fen {
  let total = 0;
  for (const v of values) if (v != null) total += v;
  return fen(total);
}

/** Whole yuan to fen. */
export function yuan(value: number): Fen {
  return fen(value * FEN_PER_YUAN);
}

/**
 * Parses an amount in 元 as people print it: `2,259,811.00`, `1368693`, `１２３．４５`, `-1,000`.
 * Returns null when the text is not an amount (blank, a dash, words).
 * Uses string arithmetic so `0.1 + 0.2` style float error can never reach the fen value.
 */
export function parseYuan(text: string): Fen | null {
  return parseScaled(text, 2);
}

/** Parses an amount in 万元 (`225.98`, `38.6`) to fen. */
export function parseWanYuan(text: string): Fen | null {
  return parseScaled(text, 6);
}

const FULL_WIDTH = /[０-９．，－]/g;

function parseScaled(text: string, scaleDigits: number): Fen | null {
  const normal = text
    .replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[,\s]/g, "");
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(normal);
  if (!match) return null;
  const [, sign, whole, fraction = ""] = match;
  if (fraction.length > scaleDigits) return null;
  const digits = `${whole}${fraction.padEnd(scaleDigits, "0")}`;
  const value = Number(digits);
  if (!Number.isSafeInteger(value)) return null;
  return fen(sign === "-" ? -value : value);
}

/** `2,259,811.00` (two decimals) or `2,259,811` (whole 元, rounded half away from zero). */
export function formatYuan(amount: Fen, options: { decimals?: 0 | 2; separators?: boolean } = {}): string {
  const decimals = options.decimals ?? 2;
  const separators = options.separators ?? true;
  const negative = amount < 0;
  const abs = Math.abs(amount);
  let whole: number;
  let fraction = "";
  if (decimals === 2) {
    whole = Math.floor(abs / FEN_PER_YUAN);
    fraction = `.${String(abs % FEN_PER_YUAN).padStart(2, "0")}`;
  } else {
    whole = Math.floor((abs + FEN_PER_YUAN / 2) / FEN_PER_YUAN);
  }
  const wholeText = separators ? String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ",") : String(whole);
  return `${negative ? "-" : ""}${wholeText}${fraction}`;
}

/**
 * Rounds to 0.01 万元 (100 元) half-up, in fen. Two figures "agree" in the narrative when their
 * rounded values are equal, so every comparison goes through this one function.
 */
export function roundToWanYuanCents(amount: Fen): Fen {
  const unit = FEN_PER_WAN_YUAN / 100;
  const negative = amount < 0;
  const abs = Math.abs(amount);
  const rounded = Math.floor((abs + unit / 2) / unit) * unit;
  return fen(negative ? -rounded : rounded);
}

/** The narrative's 万元 figure: rounded half-up to two decimals, trailing zeros dropped (`225.98`, `38.6`, `4`). */
export function formatWanYuan(amount: Fen): string {
  const rounded = roundToWanYuanCents(amount);
  const negative = rounded < 0;
  const hundredths = Math.abs(rounded) / (FEN_PER_WAN_YUAN / 100);
  const whole = Math.floor(hundredths / 100);
  const fraction = String(hundredths % 100)
    .padStart(2, "0")
    .replace(/0+$/, "");
  return `${negative ? "-" : ""}${whole}${fraction ? `.${fraction}` : ""}`;
}

export function minusFen(a: Fen, b: Fen): Fen {
  return fen(a - b);
}
