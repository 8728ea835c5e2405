/**
 * @fileoverview The 一般公共预算 total is one figure wherever it is printed: 表5 合计 = 表6 合计 =
 * 表4 一般公共预算拨款 = 表1 一般公共预算拨款. The figure most places agree on is taken as right.
 */
import type { Disclosure } from "../../model/disclosure.ts";
import type { CellRef } from "../../model/finding.ts";
import type { Fen } from "../../model/money.ts";
import type { Report, Rule } from "../rule.ts";
import { allAmountsBlank, amountOf, amountsOf, cellRef, findRow, sumColumn, tableWithContent, totalRow, yuanText } from "../tables.ts";

// ---------------------------------------------------------------------------------------------------
// Helpers

interface Place {
  readonly where: string;
  readonly cell: CellRef;
  readonly value: Fen;
}

function places(disclosure: Disclosure): Place[] {
  const out: Place[] = [];
  for (const number of [5, 6] as const) {
    const table = tableWithContent(disclosure, number);
    const total = table && totalRow(table);
    if (!table) continue;
    if (total && !allAmountsBlank(table, total)) {
      out.push({ where: `表${number}合计`, cell: cellRef(table, total, "合计"), value: amountOf(table, total, "合计") });
    } else {
      // A 合计 row printed blank (the seed's “**” row) says nothing; the items still do.
      const items = table.rows.filter((r) => r.kind === "item");
      out.push({ where: `表${number}各行之和`, cell: cellRef(table, undefined, "合计"), value: sumColumn(table, items, "合计") });
    }
  }
  for (const number of [4, 1] as const) {
    const table = tableWithContent(disclosure, number);
    const row = table && findRow(table, { group: "收入", label: "一般公共预算拨款" });
    if (table && row) out.push({ where: `表${number}一般公共预算拨款`, cell: cellRef(table, row, table.columns[0]?.label), value: amountOf(table, row) });
  }
  return out;
}

/** The value most places print; ties go to the earliest place (表5). */
function consensus(all: readonly Place[]): Fen {
  const counts = new Map<Fen, number>();
  for (const p of all) counts.set(p.value, (counts.get(p.value) ?? 0) + 1);
  return all.reduce((best, p) => (counts.get(p.value)! > counts.get(best)! ? p.value : best), all[0]!.value);
}

// ---------------------------------------------------------------------------------------------------
// Rule Definition

export const meta: Rule["meta"] = {
  id: "general-budget-totals",
  description: "一般公共预算支出总额在表1、表4、表5、表6中一致",
  category: "agreement",
  severity: "error",
  tables: [1, 4, 5, 6],
  messages: {
    totalDiffers: "{where}为 {actual}，而其他各表的一般公共预算总额为 {expected}",
  },
};

export function* check(disclosure: Disclosure): Generator<Report> {
  const all = places(disclosure);
  if (all.length < 2) return;
  const expected = consensus(all);
  for (const place of all) {
    if (place.value === expected) continue;
    yield {
      messageId: "totalDiffers",
      data: { where: place.where, expected: yuanText(expected), actual: yuanText(place.value) },
      cells: [place.cell, ...all.filter((p) => p.value === expected).map((p) => p.cell)],
      ...amountsOf(expected, place.value),
    };
  }
}

const rule: Rule = { meta, check };
export default rule;
