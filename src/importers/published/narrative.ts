/**
 * The narrative (说明) as sections: 第一部分…, then 一、…, （一）…, 1、… headings, each section with its
 * numbering path and its own text. The narrative's own 目录 (a list of the headings that follow) is
 * skipped, so its lines are not taken for sections.
 */
import type { NarrativeSection } from "../../model/disclosure.ts";
import { compact } from "./cells.ts";
import type { TextPiece } from "./pieces.ts";

interface Heading {
  readonly depth: number;
  readonly key: string;
}

const PART = /^(第[一二三四五六七八九十]+部分)/;
const LEVEL1 = /^([一二三四五六七八九十]+)、/;
const LEVEL2 = /^[（(]([一二三四五六七八九十]+)[)）]/;
const LEVEL3 = /^(\d+)[、.．]/;
const SENTENCE_END = /[。；;，,]$/;

/**
 * The heading a line starts, if it is one: a numbered line that is marked as a heading or short and
 * not a sentence (`1、贯彻执行…并组织实施。` is a list item, not a heading).
 */
export function headingOf(piece: TextPiece): Heading | undefined {
  const text = compact(piece.text);
  const looksLikeHeading = piece.marked || (text.length <= 30 && !SENTENCE_END.test(text));
  if (!looksLikeHeading) return undefined;
  const part = PART.exec(text);
  if (part) return { depth: 0, key: part[1]! };
  const level1 = LEVEL1.exec(text);
  if (level1) return { depth: 1, key: level1[1]! };
  const level2 = LEVEL2.exec(text);
  if (level2) return { depth: 2, key: `（${level2[1]!}）` };
  const level3 = LEVEL3.exec(text);
  if (level3) return { depth: 3, key: level3[1]! };
  return undefined;
}

export function readNarrative(pieces: readonly TextPiece[]): NarrativeSection[] {
  const sections: { path: string[]; heading: string; lines: string[]; line: number }[] = [];
  let path: (string | undefined)[] = [];
  let current: (typeof sections)[number] | undefined;
  const body = withoutContentsList(pieces);
  for (const piece of body) {
    const heading = headingOf(piece);
    if (!heading) {
      if (!current) {
        current = { path: [], heading: "", lines: [], line: piece.line };
        sections.push(current);
      }
      current.lines.push(piece.text);
      continue;
    }
    // Indexed by depth, so a document without 第…部分 keeps 一、 and （一） at their own depths.
    path = path.slice(0, heading.depth);
    path[heading.depth] = heading.key;
    current = { path: path.filter((p): p is string => p !== undefined), heading: piece.text, lines: [], line: piece.line };
    sections.push(current);
  }
  return sections.map((s) => ({ path: s.path, heading: s.heading, text: s.lines.join("\n"), source: { line: s.line } }));
}

/**
 * Drops the narrative's 目录: from a line `目录` to the line where its first entry appears again as
 * the real heading. When the first entry never appears again, only the `目录` line goes.
 */
function withoutContentsList(pieces: readonly TextPiece[]): TextPiece[] {
  const at = pieces.findIndex((p) => compact(p.text) === "目录");
  if (at < 0) return [...pieces];
  const firstEntry = pieces[at + 1];
  const again = firstEntry ? pieces.findIndex((p, i) => i > at + 1 && compact(p.text) === compact(firstEntry.text)) : -1;
  return again < 0 ? pieces.filter((_, i) => i !== at) : [...pieces.slice(0, at), ...pieces.slice(again)];
}
