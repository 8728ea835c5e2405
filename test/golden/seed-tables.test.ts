/**
 * Golden test: the tables built from examples/hanzhong-zwfwzx-2023.budget.json must reproduce the
 * seed disclosure (/work/shared/seed/hanzhong-zwfwzx-2023-budget.txt, 汉中市政务服务中心 2023) with
 * its mistakes corrected (DOMAIN-NOTES.md §4).
 *
 * Every expected figure below was typed by hand from the seed text, in 元, and is converted to fen with
 * `yuan()`; none is computed by the builders. Corrections of the seed are marked with their S-number.
 *
 * Blank cells: the seed prints nothing in a cell with no money. The builders are specified to give
 * 0 for an amount cell of an item or total row with no money, and null for a heading row (which
 * carries no figure); the expectations say 0 and null accordingly.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { loadCatalog } from "../../src/catalog/load.ts";
import type { BudgetDocument } from "../../src/model/budget-document.ts";
import { type Fen, yuan } from "../../src/model/money.ts";
import type { CellValue, Table } from "../../src/model/table.ts";
import { readBudgetFile } from "../../src/pipeline/load-document.ts";
import { validateDocument } from "../../src/pipeline/validate-document.ts";
import { buildTables } from "../../src/tables/index.ts";

const EXAMPLE = fileURLToPath(new URL("../../examples/hanzhong-zwfwzx-2023.budget.json", import.meta.url));

const catalog = loadCatalog(2023);

function loadExample(): BudgetDocument {
  const loaded = readBudgetFile(EXAMPLE);
  if (!loaded.ok) assert.fail(`示例文件无效：\n${loaded.problems.map((p) => `${p.path} ${p.message}`).join("\n")}`);
  return loaded.doc;
}

function built(number: number): Table {
  const tables = buildTables(loadExample(), { catalog }, [number]);
  assert.equal(tables.length, 1, `表${number} should be built once`);
  const table = tables[0]!;
  assert.equal(table.empty, false, `表${number} is not empty`);
  assert.equal(table.unit, "元");
  return table;
}

// ---------------------------------------------------------------------------------------------------
// Helpers: expectations are written in 元 (or null), compared in fen.

type Yuan = number | null;
const fenOf = (v: Yuan): Fen | null => (v === null ? null : yuan(v));

/** A blocks table (表1, 表4) as { block: [label, amount][] }, in print order. */
function blocksOf(table: Table): Record<string, [string, CellValue][]> {
  const out: Record<string, [string, CellValue][]> = {};
  for (const group of table.groups ?? []) out[group] = [];
  for (const row of table.rows) {
    assert.ok(row.group !== undefined && out[row.group], `row “${row.label}” has a known block`);
    out[row.group]!.push([row.label, row.values[0] ?? null]);
  }
  return out;
}
function expectedBlocks(blocks: Record<string, [string, Yuan][]>): Record<string, [string, CellValue][]> {
  return Object.fromEntries(
    Object.entries(blocks).map(([group, rows]) => [group, rows.map(([label, v]): [string, CellValue] => [label, fenOf(v)])]),
  );
}

/**
 * A row table (表5–表8, 表10) as [code, label, …columns] per row, leaving out the 备注 column; the
 * 合计 row has no code (null). Text columns (表6/表8 政府经济科目) stay text.
 */
function rowsOf(table: Table): CellValue[][] {
  const keep = table.columns.map((c, i) => (c.key === "note" ? -1 : i)).filter((i) => i >= 0);
  return table.rows.map((row) => [row.code ?? null, row.label, ...keep.map((i) => row.values[i] ?? null)]);
}
/** Converts every number in an expected row from 元 to fen; strings and nulls stay as they are. */
function expectedRows(rows: (string | number | null)[][]): CellValue[][] {
  return rows.map((row) => row.map((v) => (typeof v === "number" ? yuan(v) : v)));
}

function assertCodesAscending(table: Table) {
  const codes = table.rows.flatMap((r) => (r.kind === "item" && r.code ? [r.code] : []));
  assert.deepEqual(codes, [...codes].sort(), `表${table.number} rows are in ascending code order (S13)`);
}

// Block names, as the template prints them.
const REVENUE = "收入";
const FUNCTION = "支出功能分类科目（按大类）";
const DEPT_ECON = "部门预算支出经济分类科目（按大类）";
const GOV_ECON = "政府预算支出经济分类科目（按大类）";

// ---------------------------------------------------------------------------------------------------

describe("seed 汉中市政务服务中心 2023: the built tables equal the corrected seed", () => {
  it("the example loads and validates with zero problems", () => {
    const doc = loadExample();
    const problems = validateDocument(doc, catalog);
    if (problems.length > 0) console.log(problems);
    assert.deepEqual(problems, []);
  });

  it("表1 部门综合预算收支总表", () => {
    const table = built(1);
    assert.deepEqual(table.groups, [REVENUE, FUNCTION, DEPT_ECON, GOV_ECON]);
    assert.deepEqual(
      blocksOf(table),
      expectedBlocks({
        [REVENUE]: [
          ["一、部门预算", null], // heading row: null
          ["1、财政拨款", 2_259_811],
          ["(1)一般公共预算拨款", 2_259_811],
          ["其中：专项资金列入部门预算的项目", 0],
          ["(2)政府性基金拨款", 0],
          ["(3)国有资本经营预算收入", 0],
          ["2、上级补助收入", 0],
          ["3、事业收入", 0],
          ["其中：纳入财政专户管理的收费", 0],
          ["4、事业单位经营收入", 0],
          ["5、附属单位上缴收入", 0],
          ["6、其他收入", 0],
          ["本年收入合计", 2_259_811],
          ["用事业基金弥补收支差额", 0],
          ["上年实户资金余额", 0],
          ["上年结转", 0],
          ["收入总计", 2_259_811],
        ],
        [FUNCTION]: [
          ["一、部门预算", null],
          ["1、一般公共服务支出", 1_754_693],
          ["2、外交支出", 0],
          ["3、国防支出", 0],
          ["4、公共安全支出", 0],
          ["5、教育支出", 0],
          ["6、科学技术支出", 0],
          ["7、文化旅游体育与传媒支出", 0],
          ["8、社会保障和就业支出", 285_671],
          ["9、社会保险基金支出", 0],
          ["10、卫生健康支出", 67_506],
          ["11、节能环保支出", 0],
          ["12、城乡社区支出", 0],
          ["13、农林水支出", 0],
          ["14、交通运输支出", 0],
          ["15、资源勘探工业信息等支出", 0],
          ["16、商业服务业等支出", 0],
          ["17、金融支出", 0],
          ["18、援助其他地区支出", 0],
          ["19、自然资源海洋气象等支出", 0],
          ["20、住房保障支出", 151_941],
          ["21、粮油物资储备支出", 0],
          ["22、国有资本经营预算支出", 0],
          ["23、灾害防治及应急管理支出", 0],
          ["24、其他支出", 0],
          ["本年支出合计", 2_259_811],
          ["结转下年", 0],
          ["未安排支出的实户资金", 0],
          ["支出总计", 2_259_811],
        ],
        [DEPT_ECON]: [
          ["一、部门预算", null],
          ["1、人员经费和公用经费支出", 1_873_811],
          ["(1)工资福利支出", 1_833_811],
          ["(2)商品和服务支出", 40_000],
          ["(3)对个人和家庭的补助", 0],
          ["(4)资本性支出", 0],
          // The seed leaves this subtotal blank although it prints 1、's (1,873,811); it is 专项 386,000.
          ["2、专项业务经费支出", 386_000],
          ["(1)工资福利支出", 0],
          ["(2)商品和服务支出", 376_000], // S01: the seed prints 375,000 (表4 and 表6 give 376,000)
          ["(3)对个人和家庭补助", 0],
          ["(4)债务利息及费用支出", 0],
          ["(5)资本性支出（基本建设）", 0],
          ["(6)资本性支出", 10_000],
          ["(7)对企业补助（基本建设）", 0],
          ["(8)对企业补助", 0],
          ["(9)对社会保障基金补助", 0],
          ["(10)其他支出", 0],
          ["3、上缴上级支出", 0],
          ["4、事业单位经营支出", 0],
          ["5、对附属单位补助支出", 0],
          ["本年支出合计", 2_259_811],
          ["结转下年", 0],
          ["未安排支出的实户资金", 0],
          ["支出总计", 2_259_811],
        ],
        [GOV_ECON]: [
          ["一、部门预算", null],
          ["1、机关工资福利支出", 0],
          ["2、机关商品和服务支出", 0],
          ["3、机关资本性支出（一）", 0],
          ["4、机关资本性支出（二）", 0],
          ["5、对事业单位经常性补助", 2_249_811],
          ["6、对事业单位资本性补助", 10_000],
          ["7、对企业补助", 0],
          ["8、对企业资本性支出", 0],
          ["9、对个人和家庭的补助", 0],
          ["10、对社会保障基金补助", 0],
          ["11、其他支出", 0],
          ["本年支出合计", 2_259_811],
          ["结转下年", 0],
          ["未安排支出的实户资金", 0],
          ["支出总计", 2_259_811],
        ],
      }),
    );
  });

  it("表4 部门综合预算财政拨款收支总表", () => {
    const table = built(4);
    assert.deepEqual(table.groups, [REVENUE, FUNCTION, DEPT_ECON, GOV_ECON]);
    assert.deepEqual(
      blocksOf(table),
      expectedBlocks({
        [REVENUE]: [
          ["一、财政拨款", null],
          ["1、一般公共预算拨款", 2_259_811],
          ["其中：专项资金列入部门预算的项目", 0],
          ["2、政府性基金拨款", 0],
          ["3、国有资本经营预算收入", 0],
          ["本年收入合计", 2_259_811],
          ["上年结转", 0],
          ["收入总计", 2_259_811],
        ],
        // S02: the seed shifts 1,754,693 / 285,671 / 67,506 one row down (onto 一、财政拨款, 9、社会保险基金支出,
        // 11、节能环保支出); here they sit on their classes, as in 表1.
        [FUNCTION]: [
          ["一、财政拨款", null],
          ["1、一般公共服务支出", 1_754_693],
          ["2、外交支出", 0],
          ["3、国防支出", 0],
          ["4、公共安全支出", 0],
          ["5、教育支出", 0],
          ["6、科学技术支出", 0],
          ["7、文化旅游体育与传媒支出", 0],
          ["8、社会保障和就业支出", 285_671],
          ["9、社会保险基金支出", 0],
          ["10、卫生健康支出", 67_506],
          ["11、节能环保支出", 0],
          ["12、城乡社区支出", 0],
          ["13、农林水支出", 0],
          ["14、交通运输支出", 0],
          ["15、资源勘探工业信息等支出", 0],
          ["16、商业服务业等支出", 0],
          ["17、金融支出", 0],
          ["18、援助其他地区支出", 0],
          ["19、自然资源海洋气象等支出", 0],
          ["20、住房保障支出", 151_941], // S03: the seed prints 住房保险支出
          ["21、粮油物资储备支出", 0],
          ["22、国有资本经营预算支出", 0],
          ["23、灾害防治及应急管理支出", 0],
          ["24、其他支出", 0],
          ["本年支出合计", 2_259_811],
          ["结转下年", 0],
          ["支出总计", 2_259_811],
        ],
        [DEPT_ECON]: [
          ["一、财政拨款", null],
          ["1、人员经费和公用经费支出", 1_873_811],
          ["(1)工资福利支出", 1_833_811],
          ["(2)商品和服务支出", 40_000],
          ["(3)对个人和家庭的补助", 0],
          ["(4)资本性支出", 0],
          ["2、专项业务经费支出", 386_000], // blank in the seed, as in 表1
          ["(1)工资福利支出", 0],
          ["(2)商品和服务支出", 376_000],
          ["(3)对个人和家庭补助", 0],
          ["(4)债务利息及费用支出", 0],
          // The seed's 表4 writes these two with half-width brackets, 表1 with full-width ones; the
          // template uses 表1's wording for both tables.
          ["(5)资本性支出（基本建设）", 0],
          ["(6)资本性支出", 10_000],
          ["(7)对企业补助（基本建设）", 0],
          ["(8)对企业补助", 0],
          ["(9)对社会保障基金补助", 0],
          ["(10)其他支出", 0],
          ["3、上缴上级支出", 0],
          ["4、事业单位经营支出", 0],
          ["5、对附属单位补助支出", 0],
          ["本年支出合计", 2_259_811],
          ["结转下年", 0],
          ["支出总计", 2_259_811],
        ],
        [GOV_ECON]: [
          ["一、财政拨款", null],
          ["1、机关工资福利支出", 0],
          ["2、机关商品和服务支出", 0],
          ["3、机关资本性支出（一）", 0],
          ["4、机关资本性支出（二）", 0],
          ["5、对事业单位经常性补助", 2_249_811],
          ["6、对事业单位资本性补助", 10_000],
          ["7、对企业补助", 0],
          ["8、对企业资本性支出", 0],
          ["9、对个人和家庭的补助", 0],
          ["10、对社会保障基金补助", 0],
          ["11、其他支出", 0],
          ["本年支出合计", 2_259_811],
          ["结转下年", 0],
          ["支出总计", 2_259_811],
        ],
      }),
    );
  });

  // 表5–表8: the seed prints the 合计 row as “**”; the builder fills it (code null). Rows are in
  // ascending code order (S13: the seed lists 2210201 before 2101102). Names are the catalog's
  // (S09/S10). Amount cells the seed leaves blank are 0.

  it("表5 一般公共预算支出明细表（按支出功能分类科目）", () => {
    const table = built(5);
    assert.deepEqual(
      table.columns.map((c) => c.label),
      ["合计", "人员经费支出", "公用经费支出", "专项业务经费支出", "备注"],
    );
    // prettier-ignore
    assert.deepEqual(rowsOf(table), expectedRows([
      //  code       name                                       合计        人员经费     公用经费  专项业务经费
      [null,      "合计",                                       2_259_811, 1_833_811, 40_000, 386_000],
      ["2010350", "事业运行",                                   1_368_693, 1_328_693, 40_000,       0],
      ["2010399", "其他政府办公厅（室）及相关机构事务支出",     386_000,         0,      0, 386_000], // S09
      ["2080505", "机关事业单位基本养老保险缴费支出",             202_587,   202_587,      0,       0], // S09
      ["2080506", "机关事业单位职业年金缴费支出",                  83_084,    83_084,      0,       0], // S09
      ["2101102", "事业单位医疗",                                  67_506,    67_506,      0,       0],
      ["2210201", "住房公积金",                                   151_941,   151_941,      0,       0],
    ]));
    assertCodesAscending(table);
  });

  it("表6 一般公共预算支出明细表（按支出经济分类科目）", () => {
    const table = built(6);
    assert.deepEqual(
      table.columns.map((c) => c.label),
      ["政府经济科目编码", "政府经济科目名称", "合计", "人员经费支出", "公用经费支出", "专项业务经费支出", "备注"],
    );
    // prettier-ignore
    assert.deepEqual(rowsOf(table), expectedRows([
      //  部门经济   name                            政府经济  name                 合计        人员经费   公用经费  专项业务经费
      [null,    "合计",                          null,    null,              2_259_811, 1_833_811, 40_000, 386_000],
      ["30101", "基本工资",                      "50501", "工资福利支出",       583_103,   583_103,      0,       0],
      ["30102", "津贴补贴",                      "50501", "工资福利支出",        51_100,    51_100,      0,       0],
      ["30107", "绩效工资",                      "50501", "工资福利支出",       683_065,   683_065,      0,       0],
      ["30108", "机关事业单位基本养老保险缴费",  "50501", "工资福利支出",       202_587,   202_587,      0,       0], // S10
      ["30109", "职业年金缴费",                  "50501", "工资福利支出",        83_084,    83_084,      0,       0],
      ["30110", "职工基本医疗保险缴费",          "50501", "工资福利支出",        67_506,    67_506,      0,       0],
      ["30112", "其他社会保障缴费",              "50501", "工资福利支出",        11_425,    11_425,      0,       0], // S10
      ["30113", "住房公积金",                    "50501", "工资福利支出",       151_941,   151_941,      0,       0],
      ["30201", "办公费",                        "50502", "商品和服务支出",      60_000,         0, 10_000,  50_000],
      ["30211", "差旅费",                        "50502", "商品和服务支出",       5_000,         0,  5_000,       0],
      ["30213", "维修（护）费",                  "50502", "商品和服务支出",      20_000,         0,      0,  20_000],
      ["30217", "公务接待费",                    "50502", "商品和服务支出",       2_000,         0,  2_000,       0],
      ["30224", "被装购置费",                    "50502", "商品和服务支出",      56_000,         0,      0,  56_000],
      ["30226", "劳务费",                        "50502", "商品和服务支出",     250_000,         0,      0, 250_000],
      ["30228", "工会经费",                      "50502", "商品和服务支出",      15_000,         0, 15_000,       0],
      ["30239", "其他交通费用",                  "50502", "商品和服务支出",       3_000,         0,  3_000,       0],
      ["30299", "其他商品和服务支出",            "50502", "商品和服务支出",       5_000,         0,  5_000,       0], // S10
      ["31002", "办公设备购置",                  "50601", "资本性支出（一）",    10_000,         0,      0,  10_000], // S10
    ]));
    assertCodesAscending(table);
  });

  it("表7 一般公共预算基本支出明细表（按支出功能分类科目）", () => {
    const table = built(7);
    assert.deepEqual(
      table.columns.map((c) => c.label),
      ["合计", "人员经费支出", "公用经费支出", "备注"],
    );
    // prettier-ignore
    assert.deepEqual(rowsOf(table), expectedRows([
      //  code       name                                合计        人员经费     公用经费
      [null,      "合计",                                1_873_811, 1_833_811, 40_000],
      ["2010350", "事业运行",                            1_368_693, 1_328_693, 40_000],
      ["2080505", "机关事业单位基本养老保险缴费支出",      202_587,   202_587,      0], // S09
      ["2080506", "机关事业单位职业年金缴费支出",           83_084,    83_084,      0], // S09
      ["2101102", "事业单位医疗",                           67_506,    67_506,      0], // S13: before 2210201
      ["2210201", "住房公积金",                            151_941,   151_941,      0],
    ]));
    assertCodesAscending(table);
  });

  it("表8 一般公共预算基本支出明细表（按支出经济分类科目）", () => {
    const table = built(8);
    assert.deepEqual(
      table.columns.map((c) => c.label),
      ["政府经济科目编码", "政府经济科目名称", "合计", "人员经费支出", "公用经费支出", "备注"],
    );
    // prettier-ignore
    assert.deepEqual(rowsOf(table), expectedRows([
      //  部门经济   name                            政府经济  name              合计        人员经费   公用经费
      [null,    "合计",                          null,    null,            1_873_811, 1_833_811, 40_000],
      ["30101", "基本工资",                      "50501", "工资福利支出",     583_103,   583_103,      0],
      ["30102", "津贴补贴",                      "50501", "工资福利支出",      51_100,    51_100,      0],
      ["30107", "绩效工资",                      "50501", "工资福利支出",     683_065,   683_065,      0],
      ["30108", "机关事业单位基本养老保险缴费",  "50501", "工资福利支出",     202_587,   202_587,      0], // S10
      ["30109", "职业年金缴费",                  "50501", "工资福利支出",      83_084,    83_084,      0],
      ["30110", "职工基本医疗保险缴费",          "50501", "工资福利支出",      67_506,    67_506,      0],
      ["30112", "其他社会保障缴费",              "50501", "工资福利支出",      11_425,    11_425,      0], // S10
      ["30113", "住房公积金",                    "50501", "工资福利支出",     151_941,   151_941,      0],
      ["30201", "办公费",                        "50502", "商品和服务支出",    10_000,         0, 10_000],
      ["30211", "差旅费",                        "50502", "商品和服务支出",     5_000,         0,  5_000],
      ["30217", "公务接待费",                    "50502", "商品和服务支出",     2_000,         0,  2_000],
      ["30228", "工会经费",                      "50502", "商品和服务支出",    15_000,         0, 15_000],
      ["30239", "其他交通费用",                  "50502", "商品和服务支出",     3_000,         0,  3_000],
      ["30299", "其他商品和服务支出",            "50502", "商品和服务支出",     5_000,         0,  5_000], // S10
    ]));
    assertCodesAscending(table);
  });

  it("表10 专项业务经费支出表", () => {
    const table = built(10);
    assert.deepEqual(
      table.columns.map((c) => c.label),
      ["项目金额", "项目简介"],
    );
    // The seed prints the 合计 row as “**” and the unit code 117002 on the first project's row; the
    // builder prints a 合计 row, then the unit as its own row (with the unit's total), then its
    // projects. The unit row is a heading row but does carry the unit's total.
    // prettier-ignore
    assert.deepEqual(rowsOf(table), expectedRows([
      [null,     "合计",                                   386_000, null],
      ["117002", "汉中市政务服务中心",                     386_000, null],
      [null,     "政府购买服务（窗口工作人员）工作经费",   250_000, "政府购买服务，为企业和群众提供咨询、导引等服务。"],
      [null,     "工装购置经费",                            56_000, "为工作人员购置工装经费"],
      [null,     "日常办公用品购置及设备维修",              80_000, "购置日常办公用品及维修维护设备经费"],
    ]));
  });
});
