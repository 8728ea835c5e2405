/**
 * Properties of the 15 tables over random VALID BudgetDocuments (see test/support/arbitrary-budget.ts):
 * the figures a reader cross-checks between tables must agree, whatever the document.
 *
 * Each check below reads the built Table objects by block (group), label, code and column key. The
 * checks are grouped so that each property builds the tables of 200 documents once.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { loadCatalog } from "../../src/catalog/load.ts";
import { type BudgetDocument, BudgetDocumentSchema, type Expenditure } from "../../src/model/budget-document.ts";
import { sumFen } from "../../src/model/money.ts";
import type { Row, Table } from "../../src/model/table.ts";
import { CURRENT_YEAR_SOURCES, FISCAL_SOURCES, NATURES, REVENUE_SOURCES } from "../../src/model/vocabulary.ts";
import { validateDocument } from "../../src/pipeline/validate-document.ts";
import { buildTables } from "../../src/tables/index.ts";
import { THREE_PUBLIC_CODES } from "../../src/tables/table-12-three-public.ts";
import { arbitraryBudgetDocument, syntheticBudgetDocument } from "../support/arbitrary-budget.ts";
import { amount, block, blockAmount, itemRows, rowLabelled, sum, table, text, totalRow } from "../support/read-table.ts";

const catalog = loadCatalog(2024);
const NUM_RUNS = 200;
const documents = arbitraryBudgetDocument(catalog);

type Check = (doc: BudgetDocument, tables: readonly Table[]) => void;

/** Runs `checks` on NUM_RUNS random documents and the tables built from them. */
function forAllDocuments(checks: readonly Check[], arbitrary: fc.Arbitrary<BudgetDocument> = documents): void {
  fc.assert(
    fc.property(arbitrary, (doc) => {
      const tables = buildTables(doc, { catalog });
      for (const check of checks) check(doc, tables);
    }),
    { numRuns: NUM_RUNS },
  );
}

const INCOME = "收入";
const FUNCTION_BLOCK = "支出功能分类科目（按大类）";
const DEPT_ECONOMIC_BLOCK = "部门预算支出经济分类科目（按大类）";
const GOV_ECONOMIC_BLOCK = "政府预算支出经济分类科目（按大类）";
const EXPENDITURE_BLOCKS = [FUNCTION_BLOCK, DEPT_ECONOMIC_BLOCK, GOV_ECONOMIC_BLOCK] as const;

const linesOf = (doc: BudgetDocument, keep: (l: Expenditure) => boolean) => sumFen(doc.expenditure.filter(keep).map((l) => l.amount));
const revenueOf = (doc: BudgetDocument, keep: (source: BudgetDocument["revenue"][number]["source"]) => boolean) =>
  sumFen(doc.revenue.filter((r) => keep(r.source)).map((r) => r.amount));
const blockFigure = (t: Table, group: string, label: string) => blockAmount(t, rowLabelled(block(t, group), label));

// ---------------------------------------------------------------------------------------------
// Generic shapes: a block that adds up, a row table whose columns and rows add up
// ---------------------------------------------------------------------------------------------

const isOfWhich = (row: Row) => row.label.startsWith("其中");

/**
 * Within a block: the item rows at `topLevel` add up to the block's 本年…合计, every row with sub-rows
 * equals the sum of its parts (rows one level down, up to the next row at its level), and a 其中 row
 * is a part of its parent, never more than it.
 */
function assertBlockAddsUp(t: Table, group: string, totalLabel: string, topLevel = 1): void {
  const rows = block(t, group);
  const value = (r: Row) => blockAmount(t, r);
  const top = rows.filter((r) => r.level === topLevel && r.kind === "item");
  assert.equal(sum(top.map(value)), value(rowLabelled(rows, totalLabel)), `表${t.number}“${group}”第 ${topLevel} 级各行之和应等于${totalLabel}`);
  rows.forEach((row, i) => {
    if (row.kind === "heading") return;
    const children: Row[] = [];
    for (let j = i + 1; j < rows.length && rows[j]!.level > row.level; j += 1) {
      if (rows[j]!.level === row.level + 1) children.push(rows[j]!);
    }
    const parts = children.filter((c) => !isOfWhich(c));
    if (parts.length > 0) {
      assert.equal(sum(parts.map(value)), value(row), `表${t.number}“${group}”的“${row.label}”应等于其下各行之和`);
    }
    for (const c of children.filter(isOfWhich)) {
      assert.ok(value(c) <= value(row), `表${t.number}“${group}”的“${c.label}”大于“${row.label}”`);
    }
  });
}

/** For every row of a row table: column `totalKey` is the sum of the columns `parts`. */
function assertRowsAddUp(t: Table, totalKey: string, parts: readonly string[]): void {
  for (const row of t.rows) {
    assert.equal(
      sum(parts.map((k) => amount(t, row, k))),
      amount(t, row, totalKey),
      `表${t.number}“${row.label}”行：${totalKey} 应等于 ${parts.join(" + ")}`,
    );
  }
}

/** The 合计 row of a row table is the column-wise sum of its item rows (every amount column). */
function assertTotalRowIsSumOfItems(t: Table, keys: readonly string[] = amountKeys(t)): void {
  const items = itemRows(t);
  for (const key of keys) {
    assert.equal(sum(items.map((r) => amount(t, r, key))), amount(t, totalRow(t), key), `表${t.number}合计行的 ${key} 应等于各行之和`);
  }
}

const amountKeys = (t: Table) => t.columns.filter((c) => c.kind === "amount").map((c) => c.key);

// ---------------------------------------------------------------------------------------------
// The checks
// ---------------------------------------------------------------------------------------------

/** 表1: 收入总计 = 支出总计 in each of the three expenditure blocks; 本年 figures differ only by balances. */
const table1Balances: Check = (doc, tables) => {
  const t1 = table(tables, 1);
  const currentIncome = blockFigure(t1, INCOME, "本年收入合计");
  const incomeTotal = blockFigure(t1, INCOME, "收入总计");
  // 本年收入合计 + 上年结转等 = 本年支出合计 + 结转下年等; the 本年 figures are equal when there are no balances.
  const broughtIn = revenueOf(doc, (s) => !CURRENT_YEAR_SOURCES.includes(s));
  const carriedOut = sumFen([doc.carryForward, doc.unallocated]);
  for (const group of EXPENDITURE_BLOCKS) {
    assert.equal(blockFigure(t1, group, "支出总计"), incomeTotal, `表1“${group}”支出总计 ≠ 收入总计`);
    assert.equal(currentIncome - blockFigure(t1, group, "本年支出合计"), carriedOut - broughtIn, `表1“${group}”本年支出合计与本年收入合计之差`);
  }
};

/** 表1: each block's rows add up to its 本年…合计. */
const table1AddsUp: Check = (_doc, tables) => {
  const t1 = table(tables, 1);
  assertBlockAddsUp(t1, INCOME, "本年收入合计");
  for (const group of EXPENDITURE_BLOCKS) assertBlockAddsUp(t1, group, "本年支出合计");
};

/**
 * 表4: each block adds up; 本年支出合计 = 本年收入合计 + the lines funded by 上年结转. 收入总计 = 支出总计
 * only when the document's 上年结转 is exactly what its lines use and it has no 结转下年: the document
 * does not say which part of its 结转下年 is 财政拨款 (see the report to the lead).
 */
const table4: Check = (doc, tables) => {
  const t4 = table(tables, 4);
  assertBlockAddsUp(t4, INCOME, "本年收入合计");
  const currentIncome = blockFigure(t4, INCOME, "本年收入合计");
  const fromLastYear = linesOf(doc, (l) => l.fundSource === "上年结转");
  const balanced = revenueOf(doc, (s) => s === "上年结转") === fromLastYear && doc.carryForward === undefined;
  for (const group of EXPENDITURE_BLOCKS) {
    assertBlockAddsUp(t4, group, "本年支出合计");
    assert.equal(currentIncome + fromLastYear, blockFigure(t4, group, "本年支出合计"), `表4“${group}”本年支出合计`);
    if (balanced) assert.equal(blockFigure(t4, group, "支出总计"), blockFigure(t4, INCOME, "收入总计"), `表4“${group}”支出总计 ≠ 收入总计`);
  }
};

/** 表9: 本年收入合计 = 本年支出合计 in each block; each block adds up (its 类 rows are at level 0). */
const table9: Check = (_doc, tables) => {
  const t9 = table(tables, 9);
  assertBlockAddsUp(t9, INCOME, "本年收入合计", 0);
  assertBlockAddsUp(t9, FUNCTION_BLOCK, "本年支出合计", 0);
  assertBlockAddsUp(t9, DEPT_ECONOMIC_BLOCK, "本年支出合计", 1);
  assertBlockAddsUp(t9, GOV_ECONOMIC_BLOCK, "本年支出合计", 0);
  const income = blockFigure(t9, INCOME, "本年收入合计");
  for (const group of EXPENDITURE_BLOCKS) {
    assert.equal(blockFigure(t9, group, "本年支出合计"), income, `表9“${group}”本年支出合计 ≠ 本年收入合计`);
  }
};

const ALL_NATURES = ["人员经费", "公用经费", "专项业务经费"] as const;
const BASIC_NATURES = ["人员经费", "公用经费"] as const;

/** 表5–表8 add up across and down; Σ表5 = Σ表6 = 表4 “1、一般公共预算拨款”. */
const generalBudgetTotals: Check = (_doc, tables) => {
  const [t4, t5, t6, t7, t8] = ([4, 5, 6, 7, 8] as const).map((n) => table(tables, n)) as [Table, Table, Table, Table, Table];
  for (const [t, natures] of [
    [t5, ALL_NATURES],
    [t6, ALL_NATURES],
    [t7, BASIC_NATURES],
    [t8, BASIC_NATURES],
  ] as const) {
    assertRowsAddUp(t, "total", natures);
    assertTotalRowIsSumOfItems(t);
  }
  const general = blockFigure(t4, INCOME, "1、一般公共预算拨款");
  assert.equal(amount(t5, totalRow(t5), "total"), general, "表5 合计 ≠ 表4 一般公共预算拨款");
  assert.equal(amount(t6, totalRow(t6), "total"), general, "表6 合计 ≠ 表4 一般公共预算拨款");
};

const table6Key = (t: Table, r: Row) => `${r.code ?? ""}/${text(t, r, "政府经济科目编码") ?? ""}`;

/** 表5 has one row per 功能科目 项 and 表6 one per 部门/政府经济科目 pair, in code order, each the sum of its lines. */
const generalBudgetRows: Check = (doc, tables) => {
  const general = doc.expenditure.filter((l) => l.fundSource === "一般公共预算拨款");
  const check = (t: Table, lineKey: (l: Expenditure) => string, rowKey: (r: Row) => string) => {
    const expected = new Map<string, number>();
    for (const l of general) expected.set(lineKey(l), (expected.get(lineKey(l)) ?? 0) + l.amount);
    const rows = itemRows(t);
    assert.deepEqual(rows.map(rowKey), [...expected.keys()].sort(), `表${t.number}应按编码排列、每个编码一行`);
    for (const row of rows) assert.equal(amount(t, row, "total"), expected.get(rowKey(row)), `表${t.number} ${rowKey(row)}`);
  };
  const t6 = table(tables, 6);
  check(table(tables, 5), (l) => l.functionCode, (r) => r.code ?? "");
  check(t6, (l) => `${l.deptEconomicCode}/${l.govEconomicCode}`, (r) => table6Key(t6, r));
};

/**
 * 表7 and 表8 are the 基本支出 part of 表5 and 表6: each of their rows has the 人员经费 and 公用经费 of the
 * same code (表8: same 部门 and 政府经济科目) in 表5/表6, every 表5/表6 row with 基本支出 money is there,
 * and their 合计 = 表5/表6 人员经费 + 公用经费.
 */
const basicIsPartOfGeneral: Check = (_doc, tables) => {
  const pairs = [
    { basic: table(tables, 7), all: table(tables, 5), key: (_t: Table, r: Row) => r.code ?? "" },
    { basic: table(tables, 8), all: table(tables, 6), key: table6Key },
  ];
  for (const { basic, all, key } of pairs) {
    const allRows = new Map(itemRows(all).map((r) => [key(all, r), r]));
    assert.equal(allRows.size, itemRows(all).length, `表${all.number}有重复的行`);
    const basicKeys = new Set<string>();
    for (const row of itemRows(basic)) {
      const k = key(basic, row);
      basicKeys.add(k);
      const match = allRows.get(k);
      assert.ok(match, `表${basic.number}的 ${k} 不在表${all.number}中`);
      for (const nature of BASIC_NATURES) {
        assert.equal(amount(basic, row, nature), amount(all, match, nature), `表${basic.number} ${k} 的${nature}`);
      }
    }
    for (const [k, row] of allRows) {
      if (amount(all, row, "人员经费") + amount(all, row, "公用经费") > 0) {
        assert.ok(basicKeys.has(k), `表${all.number}的 ${k} 有基本支出，表${basic.number}中却没有`);
      }
    }
    const allTotal = totalRow(all);
    assert.equal(
      amount(basic, totalRow(basic), "total"),
      amount(all, allTotal, "人员经费") + amount(all, allTotal, "公用经费"),
      `表${basic.number}合计 ≠ 表${all.number}人员经费 + 公用经费`,
    );
  }
};

/** 表12: its columns add up, its 合计 row is the sum of the units, each item = the 表6 rows of its 款. */
const threePublic: Check = (_doc, tables) => {
  const t6 = table(tables, 6);
  const t12 = table(tables, 12);
  assertTotalRowIsSumOfItems(t12);
  assertRowsAddUp(t12, "vehicleTotal", ["vehiclePurchase", "vehicleOperation"]);
  assertRowsAddUp(t12, "total", ["outboundTravel", "vehicleTotal", "reception"]);
  for (const [item, codes] of Object.entries(THREE_PUBLIC_CODES)) {
    const rows6 = itemRows(t6).filter((r) => (codes as readonly string[]).includes(r.code ?? ""));
    assert.equal(amount(t12, totalRow(t12), item), sum(rows6.map((r) => amount(t6, r, "total"))), `表12 ${item} ≠ 表6`);
  }
};

/**
 * 表10 lists the projects' money from every source, 表5's 专项业务经费 column only 一般公共预算拨款:
 * checks Σ表10 − 表5 专项 = 专项业务经费 funded by other sources, and returns that difference.
 */
function table10LessTable5(doc: BudgetDocument, tables: readonly Table[]): number {
  const t10 = table(tables, 10);
  const t5 = table(tables, 5);
  const total10 = amount(t10, totalRow(t10), "amount");
  assert.equal(sum(t10.rows.filter((r) => r.kind === "heading").map((r) => amount(t10, r, "amount"))), total10, "表10 合计 ≠ 各单位之和");
  assert.equal(sum(itemRows(t10).map((r) => amount(t10, r, "amount"))), total10, "表10 合计 ≠ 各项目之和");
  assert.equal(itemRows(t10).length, doc.projects.length, "表10 应列出每个项目");
  const difference = total10 - amount(t5, totalRow(t5), "专项业务经费");
  assert.equal(
    difference,
    linesOf(doc, (l) => l.nature === "专项业务经费" && l.fundSource !== "一般公共预算拨款"),
    "Σ表10 − 表5 专项业务经费 应等于其他来源安排的专项业务经费",
  );
  return difference;
}

/** 表2 = 合计 + 财政拨款（小计 + 3 sources）+ 上级补助收入 + 事业收入（小计，其中）+ the sources after 事业收入. */
const TABLE2_PARTS = ["fiscal", "上级补助收入", "事业收入", ...REVENUE_SOURCES.slice(5)];

/** 表2: rows add up; 合计 = 表1 收入总计 (表2 covers every source, balances included); 财政拨款 = 表4 本年收入合计. */
const table2: Check = (doc, tables) => {
  const t2 = table(tables, 2);
  assertRowsAddUp(t2, "total", TABLE2_PARTS);
  assertRowsAddUp(t2, "fiscal", FISCAL_SOURCES);
  for (const row of t2.rows) assert.ok(amount(t2, row, "financialAccount") <= amount(t2, row, "事业收入"), "表2 其中：纳入财政专户 > 事业收入");
  assertTotalRowIsSumOfItems(t2);
  assert.equal(itemRows(t2).length, doc.scope === "部门" ? doc.memberUnits.length : 1, "表2 应每单位一行");
  assert.equal(amount(t2, totalRow(t2), "total"), blockFigure(table(tables, 1), INCOME, "收入总计"), "表2 合计 ≠ 表1 收入总计");
  assert.equal(amount(t2, totalRow(t2), "fiscal"), blockFigure(table(tables, 4), INCOME, "本年收入合计"), "表2 财政拨款 ≠ 表4 本年收入合计");
};

/** 表3: rows add up; 合计 = 表1 本年支出合计 (lines only, without 结转下年). */
const table3: Check = (doc, tables) => {
  const t3 = table(tables, 3);
  assertRowsAddUp(t3, "total", NATURES);
  assertTotalRowIsSumOfItems(t3);
  assert.equal(itemRows(t3).length, doc.scope === "部门" ? doc.memberUnits.length : 1, "表3 应每单位一行");
  for (const group of EXPENDITURE_BLOCKS) {
    assert.equal(amount(t3, totalRow(t3), "total"), blockFigure(table(tables, 1), group, "本年支出合计"), `表3 合计 ≠ 表1“${group}”本年支出合计`);
  }
};

// ---------------------------------------------------------------------------------------------
// The properties
// ---------------------------------------------------------------------------------------------

describe("random valid documents", () => {
  it("pass the schema and validateDocument without a single problem", () => {
    fc.assert(
      fc.property(documents, (doc) => {
        assert.deepEqual(BudgetDocumentSchema.parse(JSON.parse(JSON.stringify(doc))), doc);
        assert.deepEqual(validateDocument(doc, catalog), []);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it("are valid for the catalogs of the first and last covered years too", () => {
    for (const year of [2019, 2026]) {
      const other = loadCatalog(year);
      fc.assert(
        fc.property(arbitraryBudgetDocument(other), (doc) => assert.deepEqual(validateDocument(doc, other), [])),
        { numRuns: 50 },
      );
    }
  });
});

describe("synthetic benchmark documents", () => {
  it("are valid, realistic in size, and the same for the same seed", () => {
    for (let seed = 0; seed < 30; seed += 1) {
      const doc = syntheticBudgetDocument(seed, catalog);
      assert.deepEqual(validateDocument(doc, catalog), [], `seed ${seed}`);
      assert.ok(doc.expenditure.length >= 30 && doc.expenditure.length <= 90, `seed ${seed}: ${doc.expenditure.length} 行`);
      assert.equal(doc.projects.length, 3);
      assert.deepEqual(syntheticBudgetDocument(seed, catalog), doc);
    }
  });
});

describe("table properties", () => {
  it("表1: 收入总计 = 支出总计 in each expenditure block, and each block adds up", () => {
    forAllDocuments([table1Balances, table1AddsUp]);
  });

  it("表4 and 表9: each block adds up; 收入 and 支出 agree", () => {
    forAllDocuments([table4, table9]);
  });

  it("表5–表8: Σ表5 = Σ表6 = 表4 一般公共预算拨款, rows are the sums of their lines, 表7/表8 are the 基本支出 of 表5/表6", () => {
    forAllDocuments([generalBudgetTotals, generalBudgetRows, basicIsPartOfGeneral, threePublic]);
  });

  it("表2 and 表3: rows and columns add up; 表2 合计 = 表1 收入总计, 表3 合计 = 表1 本年支出合计", () => {
    forAllDocuments([table2, table3]);
  });

  it("Σ表10 − 表5 专项 = 专项业务经费 from sources other than 一般公共预算拨款", () => {
    let withOtherSources = 0;
    forAllDocuments([
      (doc, tables) => {
        if (table10LessTable5(doc, tables) > 0) withOtherSources += 1;
      },
    ]);
    assert.ok(withOtherSources > 0, "生成的文档里应有其他来源安排的专项业务经费");
  });

  it("Σ表10 = 表5 专项 when all project money is 一般公共预算拨款", () => {
    forAllDocuments([(doc, tables) => assert.equal(table10LessTable5(doc, tables), 0)], arbitraryBudgetDocument(catalog, { projectFunding: "general" }));
  });
});
