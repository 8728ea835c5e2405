/**
 * The 一般公共预算 detail tables (表5–表8): a 合计 row, then one row per 功能科目 项 (表5, 表7) or per
 * 部门经济科目 款 with its 政府经济科目 (表6, 表8), in code order, with a column per nature.
 */
import type { BudgetDocument, Expenditure } from "../model/budget-document.ts";
import { type Fen, sumFen } from "../model/money.ts";
import type { CellValue, Column, Row, Table } from "../model/table.ts";
import type { Nature, TableNumber } from "../model/vocabulary.ts";
import { type BuildContext, emptiness, type TableBuilder, tableTitle } from "./context.ts";
import { printedHeader } from "./header.ts";
import { groupLines, selectLines } from "./lines.ts";

const NATURE_COLUMNS: Record<string, string> = {
  人员经费: "人员经费支出",
  公用经费: "公用经费支出",
  专项业务经费: "专项业务经费支出",
};

interface Classifier {
  readonly leading: readonly string[];
  /** Text columns printed between the label and the amounts (表6's 政府经济科目). */
  readonly textColumns: readonly string[];
  readonly key: (line: Expenditure) => string;
  readonly describe: (line: Expenditure, ctx: BuildContext) => { code: string; label: string; text: string[] };
}

const byFunction: Classifier = {
  leading: ["功能科目编码", "功能科目名称"],
  textColumns: [],
  key: (l) => l.functionCode,
  describe: (l, ctx) => ({
    code: l.functionCode,
    label: ctx.catalog.lookup("function", l.functionCode)?.name ?? l.functionName ?? "",
    text: [],
  }),
};

const byEconomic: Classifier = {
  leading: ["部门经济科目编码", "部门经济科目名称"],
  textColumns: ["政府经济科目编码", "政府经济科目名称"],
  key: (l) => `${l.deptEconomicCode}/${l.govEconomicCode}`,
  describe: (l, ctx) => ({
    code: l.deptEconomicCode,
    label: ctx.catalog.lookup("deptEconomic", l.deptEconomicCode)?.name ?? l.deptEconomicName ?? "",
    text: [l.govEconomicCode, ctx.catalog.lookup("govEconomic", l.govEconomicCode)?.name ?? l.govEconomicName ?? ""],
  }),
};

function classifiedTable(number: TableNumber, classifier: Classifier, natures: readonly Nature[]): TableBuilder {
  const amountColumns: Column[] = [
    { key: "total", label: "合计", kind: "amount" },
    ...natures.map((n): Column => ({ key: n, label: NATURE_COLUMNS[n]!, kind: "amount" })),
  ];
  const columns: Column[] = [
    ...classifier.textColumns.map((label): Column => ({ key: label, label, kind: "text" })),
    ...amountColumns,
    { key: "note", label: "备注", kind: "text" },
  ];
  const amounts = (lines: readonly Expenditure[]): Fen[] => [
    sumFen(lines.map((l) => l.amount)),
    ...natures.map((n) => sumFen(lines.filter((l) => l.nature === n).map((l) => l.amount))),
  ];
  return {
    number,
    build(doc: BudgetDocument, ctx: BuildContext): Table[] {
      const lines = selectLines(doc, { fundSources: ["一般公共预算拨款"], natures });
      const groups = [...groupLines(lines, classifier.key).entries()].sort(([a], [b]) => a.localeCompare(b));
      const itemRows: Row[] = groups.map(([, group]) => {
        const { code, label, text } = classifier.describe(group[0]!, ctx);
        const values: CellValue[] = [...text, ...amounts(group), null];
        return { code, label, level: 1, kind: "item", values };
      });
      const total: Row = {
        label: "合计",
        level: 0,
        kind: "total",
        values: [...classifier.textColumns.map(() => null), ...amounts(lines), null],
      };
      return [
        {
          number,
          title: tableTitle(number),
          unit: "元",
          ...emptiness(doc, number, lines.length > 0),
          layout: "rows",
          header: printedHeader(classifier.leading, columns),
          columns,
          rows: [total, ...itemRows],
        },
      ];
    },
  };
}

const ALL: readonly Nature[] = ["人员经费", "公用经费", "专项业务经费"];
const BASIC: readonly Nature[] = ["人员经费", "公用经费"];

/** 表5 一般公共预算支出明细表（按支出功能分类科目）. */
export const table05 = classifiedTable(5, byFunction, ALL);
/** 表6 一般公共预算支出明细表（按支出经济分类科目）. */
export const table06 = classifiedTable(6, byEconomic, ALL);
/** 表7 一般公共预算基本支出明细表（按支出功能分类科目）. */
export const table07 = classifiedTable(7, byFunction, BASIC);
/** 表8 一般公共预算基本支出明细表（按支出经济分类科目）. */
export const table08 = classifiedTable(8, byEconomic, BASIC);
