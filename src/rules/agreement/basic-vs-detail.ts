/**
 * @fileoverview The 基本支出 tables repeat the 人员经费 and 公用经费 part of the full detail tables row
 * by row: 表7 = 表5 (by 功能科目), 表8 = 表6 (by 部门经济科目), 合计 = 人员经费 + 公用经费.
 */
import type { Disclosure } from "../../model/disclosure.ts";
import { type Fen, sumFen } from "../../model/money.ts";
import type { Row, Table } from "../../model/table.ts";
import type { TableNumber } from "../../model/vocabulary.ts";
import type { Report, Rule } from "../rule.ts";
import { amountOf, amountsOf, cellRef, cellValue, normaliseLabel, tableWithContent, yuanText } from "../tables.ts";

// ---------------------------------------------------------------------------------------------------
// Helpers

const PAIRS: readonly { readonly full: TableNumber; readonly basic: TableNumber }[] = [
  { full: 5, basic: 7 },
  { full: 6, basic: 8 },
];
const BASIC_COLUMNS = ["人员经费支出", "公用经费支出"] as const;

/**
 * A row's key: its code, else (合计 and uncoded rows) its label. In 表6/表8 one 部门经济 款 can appear
 * once per 政府经济 款 (a department whose units differ in kind), so that code is part of the key.
 */
function keyOf(table: Table, row: Row): string {
  const gov = cellValue(table, row, "政府经济科目编码");
  return `${row.code ?? normaliseLabel(row.label)}${typeof gov === "string" && gov ? `/${gov}` : ""}`;
}

/** The 基本支出 figures of a row: 合计 (= 人员 + 公用) and each basic column. */
function basicFigures(table: Table, row: Row, fromFull: boolean): [string, Fen][] {
  const parts = BASIC_COLUMNS.map((c): [string, Fen] => [c, amountOf(table, row, c)]);
  const total = fromFull ? sumFen(parts.map(([, v]) => v)) : amountOf(table, row, "合计");
  return [["合计", total], ...parts];
}

function* comparePair(full: Table, basic: Table): Generator<Report> {
  const basicRows = new Map(basic.rows.filter((r) => r.kind !== "heading").map((r) => [keyOf(basic, r), r]));
  const seen = new Set<string>();
  for (const fullRow of full.rows) {
    if (fullRow.kind === "heading") continue;
    const key = keyOf(full, fullRow);
    const expected = basicFigures(full, fullRow, true);
    const basicRow = basicRows.get(key);
    seen.add(key);
    if (!basicRow) {
      if (expected[0]![1] !== 0) {
        yield {
          messageId: "missingRow",
          data: { full: full.number, basic: basic.number, row: fullRow.code ?? fullRow.label, amount: yuanText(expected[0]![1]) },
          cells: [cellRef(full, fullRow)],
          ...amountsOf(expected[0]![1], 0 as Fen),
        };
      }
      continue;
    }
    const actual = basicFigures(basic, basicRow, false);
    for (const [i, [column, value]] of expected.entries()) {
      const printed = actual[i]![1];
      if (printed === value) continue;
      yield {
        messageId: "valueMismatch",
        data: { full: full.number, basic: basic.number, row: basicRow.code ?? basicRow.label, column, expected: yuanText(value), actual: yuanText(printed) },
        cells: [cellRef(basic, basicRow, column), cellRef(full, fullRow, column === "合计" ? undefined : column)],
        ...amountsOf(value, printed),
      };
    }
  }
  for (const [key, row] of basicRows) {
    if (seen.has(key)) continue;
    yield {
      messageId: "extraRow",
      data: { full: full.number, basic: basic.number, row: row.code ?? row.label },
      cells: [cellRef(basic, row)],
    };
  }
}

// ---------------------------------------------------------------------------------------------------
// Rule Definition

export const meta: Rule["meta"] = {
  id: "basic-vs-detail",
  description: "基本支出明细表（表7、表8）与一般公共预算支出明细表（表5、表6）的人员经费和公用经费逐行一致",
  category: "agreement",
  severity: "error",
  tables: [5, 6, 7, 8],
  messages: {
    valueMismatch: "表{basic}“{row}”行的“{column}”为 {actual}，按表{full}的人员经费和公用经费应为 {expected}",
    missingRow: "表{full}“{row}”行有基本支出 {amount}，但表{basic}没有这一行",
    extraRow: "表{basic}的“{row}”行在表{full}中没有对应行",
  },
};

export function* check(disclosure: Disclosure): Generator<Report> {
  for (const { full, basic } of PAIRS) {
    const fullTable = tableWithContent(disclosure, full);
    const basicTable = tableWithContent(disclosure, basic);
    if (fullTable && basicTable) yield* comparePair(fullTable, basicTable);
  }
}

const rule: Rule = { meta, check };
export default rule;
