/**
 * What a disclosure says about itself: the cover statements (保密审查, 负责人审签), the unit's name,
 * the year and phase from the title, and the unit's kind when the text states it.
 */
import type { UnitKind } from "../../model/vocabulary.ts";
import { compact, halfWidth } from "./cells.ts";
import type { TextPiece } from "./pieces.ts";

const COVER_LINE = /^([^：:]*(?:保密审查|审签)[^：:]*)[：:]\s*(.+)$/;
const NAME_LINE = /^(?:部门（单位）|部门\(单位\)|部门|单位)名称[：:]\s*(.+)$/;
const TITLE_YEAR = /^(.*?)(\d{4})\s*年度?.*?(预算|决算)/;

/** A cover line: `保密审查情况：已审查`. */
export function coverEntry(text: string): [string, string] | undefined {
  const match = COVER_LINE.exec(text.trim());
  return match ? [compact(match[1]!), match[2]!.trim()] : undefined;
}

export function nameLine(text: string): string | undefined {
  return NAME_LINE.exec(text.trim())?.[1]?.trim();
}

export interface TitleFacts {
  readonly unitName?: string;
  readonly year?: number;
  readonly phase?: "预算" | "决算";
}

/**
 * Year and phase from the first line that reads like the document's title (`2023 年单位预算公开说明`,
 * `XX局2022年部门决算`); the unit's name from a 名称 line, else from the text before the year, else the
 * first line of the document.
 */
export function titleFacts(texts: readonly TextPiece[]): TitleFacts {
  const head = texts.slice(0, 12);
  // Only a title-like line: a sentence such as “现将焦石镇2020年…决算” names neither the unit nor the year for sure.
  const titled = head
    .filter((t) => t.text.length <= 50 && !/[，。；,;]/.test(t.text))
    .map((t) => TITLE_YEAR.exec(halfWidth(t.text)))
    .find((m) => m !== null);
  const named = texts.map((t) => nameLine(t.text)).find((n) => n !== undefined);
  const before = titled?.[1]?.trim();
  const first = head[0]?.text;
  const unitName = named ?? (before && isNameLike(before) ? before : first && isNameLike(first) ? first : undefined);
  return {
    ...(unitName ? { unitName } : {}),
    ...(titled ? { year: Number(titled[2]), phase: titled[3] as "预算" | "决算" } : {}),
  };
}

function isNameLike(text: string): boolean {
  return text.length >= 3 && text.length <= 40 && !/\d|[。，；：、,;:]/.test(text);
}

/**
 * The unit's kind as the text states it: outright (`本单位为事业单位`), or from its 编制 — 行政编制 only
 * makes a 行政单位, 事业编制 only a 事业单位. Mixed or unstated 编制 leave the kind unknown.
 */
export function statedUnitKind(text: string): UnitKind | undefined {
  const plain = compact(halfWidth(text));
  const outright = /(?:本单位|本部门|单位性质)(?:为|是|属于?)(行政单位|事业单位|参照公务员法管理|参公)/.exec(plain);
  if (outright) return outright[1] === "行政单位" || outright[1] === "事业单位" ? outright[1] : "参照公务员法管理单位";
  const administrative = staffed(plain, "行政编制");
  const institutional = staffed(plain, "事业编制");
  if (administrative && !institutional) return "行政单位";
  if (institutional && !administrative) return "事业单位";
  return undefined;
}

/** True when some `X编制 N 人` has N > 0. */
function staffed(text: string, kind: string): boolean {
  const counts = [...text.matchAll(new RegExp(`${kind}(\\d+)(?:名|人)`, "g"))].map((m) => Number(m[1]));
  return counts.some((n) => n > 0);
}
