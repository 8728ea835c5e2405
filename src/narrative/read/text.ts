/**
 * A narrative section's text as the claim reader scans it: one string without line breaks or spaces
 * (a figure split across lines, `较上年增加` / `87.57 万元`, reads as one), half-width punctuation and
 * digits, and page numbers printed on a line of their own dropped. Every character keeps the index of
 * the text line it came from, so a claim can quote the printed words and point at its line.
 */

export interface ScanText {
  /** The normalised text. */
  readonly text: string;
  /** For each character of `text`, the 0-based line of the section's text it came from. */
  readonly lineOf: readonly number[];
  /** The section's text lines as printed. */
  readonly lines: readonly string[];
}

const HALF_WIDTH: Readonly<Record<string, string>> = {
  "（": "(",
  "）": ")",
  "：": ":",
  "，": ",",
  "；": ";",
  "％": "%",
  "．": ".",
  "〔": "(",
  "〕": ")",
};

/** A line that is only a page number (`5`) or a page marker (`- 5 -`). */
const PAGE_NUMBER = /^\s*[-—]?\s*\d{1,3}\s*[-—]?\s*$/;

export function scanText(sectionText: string): ScanText {
  const lines = sectionText.split("\n");
  let text = "";
  const lineOf: number[] = [];
  lines.forEach((line, index) => {
    if (PAGE_NUMBER.test(line)) return;
    for (const ch of line) {
      if (/\s/.test(ch) || ch === "\u3000") continue;
      let out = HALF_WIDTH[ch] ?? ch;
      if (/[０-９]/.test(ch)) out = String.fromCharCode(ch.charCodeAt(0) - 0xfee0);
      text += out;
      lineOf.push(index);
    }
  });
  return { text, lineOf, lines };
}

/** The printed words behind `text.slice(start, end)`: the normalised slice (spaces and breaks gone). */
export function quoteOf(scan: ScanText, start: number, end: number): string {
  return scan.text.slice(Math.max(0, start), Math.min(scan.text.length, end));
}

/** The 0-based text line where the character at `index` was printed. */
export function lineAt(scan: ScanText, index: number): number {
  return scan.lineOf[Math.min(Math.max(0, index), scan.lineOf.length - 1)] ?? 0;
}
