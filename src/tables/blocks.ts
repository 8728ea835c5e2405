/**
 * Builds the three tables printed as side-by-side blocks (表1 收支总表, 表4 财政拨款收支总表, 表9 政府性基金收支表)
 * from their row templates in `templates/`. A template row names the figure it shows; this file only
 * evaluates those names.
 */
import type { Classification } from "../catalog/catalog.ts";
import type { BudgetDocument } from "../model/budget-document.ts";
import { type Fen, sumFen, ZERO } from "../model/money.ts";
import type { HeaderCell, Row, Table } from "../model/table.ts";
import type { Nature, RevenueSource, TableNumber } from "../model/vocabulary.ts";
import { type BuildContext, emptiness, type TableBuilder, tableTitle } from "./context.ts";
import { type LineFilter, selectLines, sumLines, sumRevenue } from "./lines.ts";

export interface TemplateRow {
  readonly label: string;
  readonly code?: string;
  readonly level: number;
  readonly kind?: "heading" | "total";
  readonly revenue?: readonly string[];
  readonly revenueField?: "specialFunds" | "financialAccount";
  readonly lines?: {
    readonly natures?: readonly string[];
    readonly function?: string;
    readonly deptEconomic?: string;
    readonly govEconomic?: string;
  };
  readonly doc?: "carryForward" | "fiscalCarryForward" | "unallocated";
  readonly sumOf?: readonly string[];
}

export interface BlocksTemplate {
  readonly number: number;
  readonly fundSources?: readonly string[];
  readonly header: readonly (readonly HeaderCell[])[];
  readonly groups: readonly string[];
  readonly blocks: readonly {
    readonly group: string;
    readonly extraCodes?: string;
    readonly rows: readonly TemplateRow[];
  }[];
}

const EXTRA_CODE_FIELD = { function: "functionCode", govEconomic: "govEconomicCode" } as const;

export function buildBlocksTable(template: BlocksTemplate, doc: BudgetDocument, ctx: BuildContext): Table {
  const number = template.number as TableNumber;
  const fundSources = template.fundSources as readonly RevenueSource[] | undefined;
  const rows: Row[] = [];
  for (const block of template.blocks) {
    const values = new Map<string, Fen>();
    const templateRows = withExtraRows(block.rows, block.extraCodes as Classification | undefined, doc, ctx, fundSources);
    for (const t of templateRows) {
      const value = evaluate(t, doc, fundSources, values);
      if (value !== null) values.set(t.label, value);
      rows.push({
        ...(t.code ? { code: t.code } : {}),
        label: t.label,
        level: t.level,
        kind: t.kind ?? "item",
        group: block.group,
        values: [value],
      });
    }
  }
  const hasContent =
    fundSources === undefined
      ? doc.expenditure.length > 0 || doc.revenue.length > 0
      : selectLines(doc, { fundSources }).length > 0 ||
        sumRevenue(doc, { sources: fundSources }) > 0;
  return {
    number,
    title: tableTitle(number),
    unit: "元",
    ...emptiness(doc, number, hasContent),
    layout: "blocks",
    groups: template.groups,
    header: template.header,
    columns: [{ key: "amount", label: "预算数", kind: "amount" }],
    rows,
  };
}

function evaluate(
  t: TemplateRow,
  doc: BudgetDocument,
  fundSources: readonly RevenueSource[] | undefined,
  earlier: Map<string, Fen>,
): Fen | null {
  if (t.kind === "heading") return null;
  if (t.revenue) {
    return sumRevenue(doc, {
      sources: t.revenue as RevenueSource[],
      ...(t.revenueField ? { field: t.revenueField } : {}),
    });
  }
  if (t.lines) {
    const filter: LineFilter = {
      ...t.lines,
      natures: t.lines.natures as Nature[] | undefined,
      ...(fundSources ? { fundSources } : {}),
    };
    return sumLines(doc, filter);
  }
  if (t.doc) return doc[t.doc] ?? ZERO;
  if (t.sumOf) return sumFen(t.sumOf.map((label) => earlier.get(label)));
  throw new Error(`模板行“${t.label}”没有说明取数方式`);
}

/**
 * Adds a row for each 类 that has money but no row in the template (e.g. 230 转移性支出 in 表1, or a
 * 政府性基金 class 表9 does not list), just before the block's first total, so the block still adds up.
 */
function withExtraRows(
  rows: readonly TemplateRow[],
  classification: Classification | undefined,
  doc: BudgetDocument,
  ctx: BuildContext,
  fundSources: readonly RevenueSource[] | undefined,
): readonly TemplateRow[] {
  if (classification !== "function" && classification !== "govEconomic") return rows;
  const field = EXTRA_CODE_FIELD[classification];
  const listed = new Set(rows.flatMap((r) => (r.code ? [r.code] : [])));
  const extra = [
    ...new Set(
      selectLines(doc, fundSources ? { fundSources } : {})
        .map((l) => l[field].slice(0, 3))
        .filter((c) => !listed.has(c)),
    ),
  ].sort();
  if (extra.length === 0) return rows;
  // At the level of the block's listed 类 rows (1 in 表1/表4, 0 in 表9), so they read as siblings.
  const level = rows.find((r) => r.code)?.level ?? 1;
  const coded = rows.filter((r) => r.code);
  const numbering = continueNumbering(coded[coded.length - 1]?.label ?? "");
  const extraRows: TemplateRow[] = extra.map((code, i) => ({
    label: `${numbering(i + 1)}${ctx.catalog.lookup(classification, code)?.name ?? code}`,
    code,
    level,
    lines: classification === "function" ? { function: code } : { govEconomic: code },
  }));
  const at = rows.findIndex((r) => r.kind === "total");
  return [...rows.slice(0, at), ...extraRows, ...rows.slice(at)];
}

const CHINESE_DIGITS = "零一二三四五六七八九";

/** 1–99 in Chinese numerals: 十一, 二十, 二十三. */
function chineseNumeral(n: number): string {
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  const tensText = tens === 0 ? "" : tens === 1 ? "十" : `${CHINESE_DIGITS[tens]}十`;
  return `${tensText}${ones === 0 ? "" : CHINESE_DIGITS[ones]}`;
}

/** 一 … 九十九 back to a number. */
function chineseValue(text: string): number {
  const digit = (c: string | undefined) => (c ? CHINESE_DIGITS.indexOf(c) : 0);
  if (!text.includes("十")) return digit(text);
  const [tens, ones] = text.split("十");
  return (tens ? digit(tens) : 1) * 10 + digit(ones);
}

/**
 * Extra rows continue the block's numbering (“24、其他支出” → “25、”, “十、其他支出” → “十一、”), so a
 * reader of the printed table sees them as siblings of the template's rows, not as their children.
 */
function continueNumbering(lastLabel: string): (offset: number) => string {
  const arabic = /^(\d+)、/.exec(lastLabel);
  if (arabic) return (offset) => `${Number(arabic[1]) + offset}、`;
  const chinese = /^([一二三四五六七八九十]+)、/.exec(lastLabel);
  if (chinese) return (offset) => `${chineseNumeral(chineseValue(chinese[1]!) + offset)}、`;
  return () => "";
}

/** A builder for a table given by a blocks template. */
export function blocksTable(template: BlocksTemplate): TableBuilder {
  return { number: template.number as TableNumber, build: (doc, ctx) => [buildBlocksTable(template, doc, ctx)] };
}
