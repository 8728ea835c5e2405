/**
 * Tables with a 合计 row and one row per unit (表2 收入总表, 表3 支出总表, 表12 “三公”经费表): each column
 * is a sum over the unit's revenue or lines.
 */
import type { BudgetDocument } from "../model/budget-document.ts";
import { type Fen, sumFen } from "../model/money.ts";
import type { Column, Row, Table } from "../model/table.ts";
import type { TableNumber } from "../model/vocabulary.ts";
import { emptiness, type TableBuilder, tableTitle } from "./context.ts";
import { type HeaderColumn, printedHeader } from "./header.ts";
import { reportingUnits } from "./lines.ts";

export interface UnitColumn extends HeaderColumn {
  readonly key: string;
  /** The column's figure for one unit. */
  readonly value: (doc: BudgetDocument, unit: string) => Fen;
}

export function unitRowsTable(
  number: TableNumber,
  columns: readonly UnitColumn[],
  options: { hasContent?: (doc: BudgetDocument) => boolean } = {},
): TableBuilder {
  return {
    number,
    build(doc) {
      const units = reportingUnits(doc);
      const unitRows: Row[] = units.map((u) => ({
        code: u.code,
        label: u.name,
        level: 1,
        kind: "item",
        values: columns.map((c) => c.value(doc, u.code)),
      }));
      const total: Row = {
        label: "合计",
        level: 0,
        kind: "total",
        values: columns.map((_, i) => sumFen(unitRows.map((r) => r.values[i] as Fen))),
      };
      const hasContent = options.hasContent
        ? options.hasContent(doc)
        : total.values.some((v) => v !== 0);
      const table: Table = {
        number,
        title: tableTitle(number),
        unit: "元",
        ...emptiness(doc, number, hasContent),
        layout: "rows",
        header: printedHeader(["单位编码", "单位名称"], columns),
        columns: columns.map((c): Column => ({ key: c.key, label: c.parent ? `${c.parent}/${c.label}` : c.label, kind: "amount" })),
        rows: [total, ...unitRows],
      };
      return [table];
    },
  };
}
