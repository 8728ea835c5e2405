/**
 * Writes the authoring workbook (填报模板) with exceljs: one sheet per part of a BudgetDocument, laid out
 * as `src/model/authoring-template.ts` describes, input cells filled yellow and unlocked, labels locked
 * (sheet protection without a password), drop-down lists from the year's catalog on hidden sheets, and a
 * 校验 sheet whose totals are Excel formulas. Given a BudgetDocument, it fills the workbook with it.
 *
 * Renderers see only the model: the catalog arrives as plain lists (`TemplateCatalogLists`), which the
 * pipeline draws from the catalog of the year.
 */
import ExcelJS from "exceljs";
import {
  ASSET_FORM_ROWS,
  headerText,
  INDICATOR_OWNERS,
  LIST_SHEETS,
  OVERALL_FLAG_LABEL,
  STAFF_BASES,
  TABLE_TITLES,
  TEMPLATE_COLUMNS,
  TEMPLATE_SHEETS,
  type TemplateColumn,
  type TemplateTable,
  UNIT_FORM_ROWS,
  YES_NO,
} from "../../model/authoring-template.ts";
import type { BudgetDocument, Indicator } from "../../model/budget-document.ts";
import { formatYuan, type Fen } from "../../model/money.ts";
import { PLAIN_MEASURES } from "../../model/measure-key.ts";
import {
  ALL_INDICATOR_LEVEL2,
  FISCAL_SOURCES,
  INDICATOR_LEVEL1,
  NATURES,
  PROCUREMENT_CATEGORIES,
  REVENUE_SOURCES,
  UNIT_KINDS,
  type UnitKind,
} from "../../model/vocabulary.ts";

export interface CodeName {
  readonly code: string;
  readonly name: string;
}

/** The year's catalog as plain lists (the 款/项 a line may use), drawn by the pipeline. */
export interface TemplateCatalogLists {
  readonly function: readonly CodeName[];
  readonly deptEconomic: readonly CodeName[];
  /** The 政府经济科目 offered in the drop-down (those fitting the unit kind when it is known). */
  readonly govEconomic: readonly CodeName[];
  /** The 对照表 for each unit kind: 部门经济科目 → 政府经济科目. */
  readonly mapping: readonly { readonly unitKind: UnitKind; readonly deptCode: string; readonly govCode: string; readonly govName: string }[];
}

export interface TemplateInput {
  readonly year: number;
  readonly unitKind?: UnitKind;
  readonly lists: TemplateCatalogLists;
  readonly doc?: BudgetDocument;
  /** Empty input rows offered below the data of each list sheet (default 500). */
  readonly spareRows?: number;
}

const INPUT_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } };
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
const DERIVED_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFEDEDED" } };
const THIN: ExcelJS.Borders = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
  diagonal: {},
};
const AMOUNT_FORMAT = "#,##0.00";
/** Larger amounts are written as text, so no digit is lost to a double (15 significant digits). */
const LARGEST_NUMERIC_FEN = 1e13;

const PROTECTION: Partial<ExcelJS.WorksheetProtection> = {
  selectLockedCells: true,
  selectUnlockedCells: true,
  formatColumns: true,
  formatRows: true,
  insertRows: true,
  deleteRows: true,
  sort: true,
  autoFilter: true,
};

/** A1-style column letter of a 1-based column number. */
export function columnLetter(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

const quote = (sheet: string) => `'${sheet.replace(/'/g, "''")}'`;

/** The 1-based column of a key in a table's layout. */
export function columnOf(table: TemplateTable, key: string): number {
  const index = (TEMPLATE_COLUMNS[table] as readonly TemplateColumn[]).findIndex((c) => c.key === key);
  if (index < 0) throw new Error(`模板布局中没有列 ${table}.${key}`);
  return index + 1;
}

const unitFormRow = (key: (typeof UNIT_FORM_ROWS)[number]["key"]) => UNIT_FORM_ROWS.findIndex((r) => r.key === key) + 2;

type CellValue = ExcelJS.CellValue;

function amountValue(amount: Fen | undefined): CellValue {
  if (amount === undefined) return null;
  return amount > LARGEST_NUMERIC_FEN ? formatYuan(amount, { separators: false }) : amount / 100;
}

function codeValue(code: string, name: string | undefined): string {
  return name === undefined ? code : `${code} ${name}`;
}

const linesValue = (lines: readonly string[]): CellValue => (lines.length === 0 ? null : lines.join("\n"));
const optionalText = (text: string | undefined): CellValue => (text === undefined ? null : text);

interface ListRefs {
  readonly [list: string]: string;
}

export function buildTemplateWorkbook(input: TemplateInput): ExcelJS.Workbook {
  const { doc, lists } = input;
  const spare = input.spareRows ?? 500;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Gongkai";
  workbook.calcProperties.fullCalcOnLoad = true;

  writeGuide(workbook.addWorksheet(TEMPLATE_SHEETS.guide), input);
  const unitSheet = workbook.addWorksheet(TEMPLATE_SHEETS.unit);
  const sheets = {
    members: workbook.addWorksheet(TEMPLATE_SHEETS.members),
    revenue: workbook.addWorksheet(TEMPLATE_SHEETS.revenue),
    expenditure: workbook.addWorksheet(TEMPLATE_SHEETS.expenditure),
    projects: workbook.addWorksheet(TEMPLATE_SHEETS.projects),
    indicators: workbook.addWorksheet(TEMPLATE_SHEETS.indicators),
    overall: workbook.addWorksheet(TEMPLATE_SHEETS.overall),
    specialFunds: workbook.addWorksheet(TEMPLATE_SHEETS.specialFunds),
    procurement: workbook.addWorksheet(TEMPLATE_SHEETS.procurement),
    assets: workbook.addWorksheet(TEMPLATE_SHEETS.assets),
    prior: workbook.addWorksheet(TEMPLATE_SHEETS.prior),
    emptyTables: workbook.addWorksheet(TEMPLATE_SHEETS.emptyTables),
  };
  const checkSheet = workbook.addWorksheet(TEMPLATE_SHEETS.check);
  const refs = writeListSheets(workbook, lists);

  // 单位信息: the form, then staffing and duties beside it.
  const unit = doc?.unit;
  const unitForm: Record<(typeof UNIT_FORM_ROWS)[number]["key"], CellValue> = {
    year: doc?.year ?? input.year,
    scope: doc?.scope ?? "单位",
    code: unit?.code ?? null,
    name: unit?.name ?? null,
    department: unit?.department ?? null,
    kind: unit?.kind ?? input.unitKind ?? null,
    level: optionalText(unit?.level),
    region: optionalText(unit?.region),
    retired: unit?.staffing.retired ?? null,
    organisation: unit?.organisation ?? null,
    approvedOn: optionalText(doc?.approvedOn),
    carryForward: amountValue(doc?.carryForward),
    fiscalCarryForward: amountValue(doc?.fiscalCarryForward),
    unallocated: amountValue(doc?.unallocated),
  };
  const staff = [
    ...(unit?.staffing.authorized ?? []).map((s) => ({ staffBasis: "编制数", staffKind: s.kind, staffCount: s.count })),
    ...(unit?.staffing.actual ?? []).map((s) => ({ staffBasis: "实有人数", staffKind: s.kind, staffCount: s.count })),
  ];
  const unitRows: Record<string, CellValue>[] = [];
  const unitLength = Math.max(UNIT_FORM_ROWS.length, staff.length, unit?.duties.length ?? 0, unit?.tasks.length ?? 0);
  for (let i = 0; i < unitLength; i += 1) {
    const form = UNIT_FORM_ROWS[i];
    unitRows.push({
      ...(form ? { label: form.label, value: unitForm[form.key] } : {}),
      ...(staff[i] ?? {}),
      duty: unit?.duties[i] ?? null,
      task: unit?.tasks[i] ?? null,
    });
  }
  writeTable(unitSheet, "unit", unitRows, { refs, spare: 30, firstRow: 1 });
  for (let r = 2; r <= UNIT_FORM_ROWS.length + 1; r += 1) lockLabel(unitSheet.getCell(r, 1));
  for (const key of ["carryForward", "fiscalCarryForward", "unallocated"] as const) {
    unitSheet.getCell(unitFormRow(key), 2).numFmt = AMOUNT_FORMAT;
  }
  for (const [key, list] of [["scope", "scope"], ["kind", "unitKind"]] as const) {
    addList(unitSheet, `B${unitFormRow(key)}`, refs[list]!, "stop");
  }
  unitSheet.getCell(`B${unitFormRow("year")}`).protection = { locked: true };
  unitSheet.getCell(`B${unitFormRow("year")}`).fill = DERIVED_FILL;

  writeTable(sheets.members, "members", (doc?.memberUnits ?? []).map((m) => ({ ...m })), { refs, spare: 50 });

  writeTable(
    sheets.revenue,
    "revenue",
    (doc?.revenue ?? []).map((r) => ({
      unit: optionalText(r.unit),
      source: r.source,
      amount: amountValue(r.amount),
      specialFunds: amountValue(r.specialFunds),
      financialAccount: amountValue(r.financialAccount),
    })),
    { refs, spare: 100 },
  );

  const expenditure = doc?.expenditure ?? [];
  const expenditureRows = writeTable(
    sheets.expenditure,
    "expenditure",
    expenditure.map((l, i) => ({
      seq: i + 1,
      unit: optionalText(l.unit),
      functionCode: codeValue(l.functionCode, l.functionName),
      deptEconomicCode: codeValue(l.deptEconomicCode, l.deptEconomicName),
      govEconomicCode: codeValue(l.govEconomicCode, l.govEconomicName),
      fundSource: l.fundSource,
      nature: l.nature,
      project: optionalText(l.project),
      amount: amountValue(l.amount),
    })),
    { refs, spare },
  );
  writeExpectedGovFormulas(sheets.expenditure, expenditureRows);

  const projects = doc?.projects ?? [];
  writeTable(
    sheets.projects,
    "projects",
    projects.map((p) => ({
      id: p.id,
      unit: optionalText(p.unit),
      name: p.name,
      description: p.description,
      period: optionalText(p.period),
      goals: linesValue(p.goals),
    })),
    { refs, spare: 200 },
  );

  const indicatorRows: Record<string, CellValue>[] = [];
  const addIndicators = (ownerType: string, owner: string | null, list: readonly Indicator[]) => {
    for (const i of list) {
      indicatorRows.push({ ownerType, owner, level1: i.level1, level2: i.level2, content: i.content, value: i.value, note: optionalText(i.note) });
    }
  };
  for (const p of projects) addIndicators("项目", p.id, p.indicators);
  if (doc?.overallTargets) addIndicators("整体", null, doc.overallTargets.indicators);
  (doc?.specialFunds ?? []).forEach((s, i) => addIndicators("专项资金", String(i + 1), s.indicators));
  writeTable(sheets.indicators, "indicators", indicatorRows, { refs, spare: 500 });

  const overall = doc?.overallTargets;
  sheets.overall.getCell("A1").value = OVERALL_FLAG_LABEL;
  lockLabel(sheets.overall.getCell("A1"));
  sheets.overall.getCell("B1").value = doc ? (overall ? "是" : "否") : "是";
  addList(sheets.overall, "B1", refs.yesNo!, "stop");
  const tasks = overall?.tasks ?? [];
  const goals = overall?.goals ?? [];
  const overallRows: Record<string, CellValue>[] = [];
  for (let i = 0; i < Math.max(tasks.length, goals.length); i += 1) {
    const t = tasks[i];
    overallRows.push({
      ...(t
        ? { taskName: t.name, taskContent: t.content, taskAmount: amountValue(t.amount), taskFiscal: amountValue(t.fiscalAmount), taskOther: amountValue(t.otherAmount) }
        : {}),
      goal: goals[i] ?? null,
    });
  }
  writeTable(sheets.overall, "overall", overallRows, { refs, spare: 50, firstRow: 3 });

  writeTable(
    sheets.specialFunds,
    "specialFunds",
    (doc?.specialFunds ?? []).map((s, i) => ({
      seq: String(i + 1),
      name: s.name,
      department: s.department,
      period: s.period,
      totalAmount: amountValue(s.totalAmount),
      totalFiscal: amountValue(s.totalFiscal),
      totalOther: amountValue(s.totalOther),
      annualAmount: amountValue(s.annualAmount),
      annualFiscal: amountValue(s.annualFiscal),
      annualOther: amountValue(s.annualOther),
      periodGoals: linesValue(s.periodGoals),
      annualGoals: linesValue(s.annualGoals),
    })),
    { refs, spare: 20 },
  );

  writeTable(
    sheets.procurement,
    "procurement",
    (doc?.procurement ?? []).map((p) => ({
      unit: optionalText(p.unit),
      project: optionalText(p.project),
      name: p.name,
      category: p.category,
      item: p.item,
      quantity: p.quantity ?? null,
      purchaseOfServices: p.purchaseOfServices === undefined ? null : p.purchaseOfServices ? "是" : "否",
      fundSource: p.fundSource,
      amount: amountValue(p.amount),
    })),
    { refs, spare: 200 },
  );

  const assets = doc?.assets;
  writeTable(
    sheets.assets,
    "assets",
    ASSET_FORM_ROWS.map((r) => ({
      label: r.label,
      value: assets ? (r.key === "note" ? optionalText(assets.note) : assets[r.key]) : r.key === "note" ? null : 0,
    })),
    { refs, spare: 0 },
  );
  for (let r = 2; r <= ASSET_FORM_ROWS.length + 1; r += 1) lockLabel(sheets.assets.getCell(r, 1));

  const priorKeys = doc ? [...new Set([...Object.keys(doc.prior), ...Object.keys(doc.reasons)])] : [...PLAIN_MEASURES];
  writeTable(
    sheets.prior,
    "prior",
    priorKeys.map((key) => ({ key, prior: amountValue(doc?.prior[key]), reason: optionalText(doc?.reasons[key]) })),
    { refs, spare: 200 },
  );

  writeTable(
    sheets.emptyTables,
    "emptyTables",
    TABLE_TITLES.map((title, i) => ({ table: i + 1, title, reason: optionalText(doc?.emptyTables[String(i + 1)]) })),
    { refs, spare: 0 },
  );
  for (let r = 2; r <= TABLE_TITLES.length + 1; r += 1) lockLabel(sheets.emptyTables.getCell(r, 1));

  writeCheckSheet(checkSheet, doc);
  // Printed on A4 landscape, each sheet one page wide: preparers print the template to check it on paper.
  for (const sheet of workbook.worksheets) {
    if (sheet.state !== "visible") continue;
    Object.assign(sheet.pageSetup, { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
  }
  return workbook;
}

/** The workbook as .xlsx bytes. */
export async function writeTemplate(input: TemplateInput): Promise<Buffer> {
  const workbook = buildTemplateWorkbook(input);
  await protectSheets(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function protectSheets(workbook: ExcelJS.Workbook): Promise<void> {
  for (const sheet of workbook.worksheets) {
    if (sheet.state === "visible") await sheet.protect("", PROTECTION);
  }
}

function lockLabel(cell: ExcelJS.Cell): void {
  cell.fill = DERIVED_FILL;
  cell.protection = { locked: true };
  cell.font = { bold: true };
  cell.border = THIN;
  cell.alignment = { vertical: "top", wrapText: true };
}

function addList(sheet: ExcelJS.Worksheet, range: string, formula: string, errorStyle: "stop" | "warning"): void {
  (sheet as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(range, {
    type: "list",
    allowBlank: true,
    formulae: [formula],
    showErrorMessage: true,
    errorStyle,
    errorTitle: "不在列表中",
    error: errorStyle === "stop" ? "请从下拉列表中选择" : "不在当年科目目录的下拉列表中：导入时会核对",
  });
}

/**
 * Writes a list sheet: the header row (locked), the rows, input columns unlocked and filled, drop-down
 * lists on `spare` more rows than the data. Returns the number of the last row that has validation.
 */
function writeTable(
  sheet: ExcelJS.Worksheet,
  table: TemplateTable,
  rows: readonly Record<string, CellValue>[],
  options: { refs: ListRefs; spare: number; firstRow?: number },
): number {
  const columns = TEMPLATE_COLUMNS[table] as readonly TemplateColumn[];
  const headerRow = options.firstRow ?? 1;
  columns.forEach((c, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = c.width;
    if (c.kind === "derived") {
      column.fill = DERIVED_FILL;
    } else {
      column.fill = INPUT_FILL;
      column.protection = { locked: false };
      if (c.kind === "amount") column.numFmt = AMOUNT_FORMAT;
      if (c.kind === "code" || c.kind === "text" || c.kind === "lines") column.numFmt = "@";
      if (c.kind === "lines") column.alignment = { wrapText: true, vertical: "top" };
    }
  });
  const header = sheet.getRow(headerRow);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = headerText(c);
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = THIN;
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    cell.protection = { locked: true };
  });
  header.height = 32;
  sheet.views = [{ state: "frozen", ySplit: headerRow, xSplit: 0 }];
  rows.forEach((values, r) => {
    const row = sheet.getRow(headerRow + 1 + r);
    columns.forEach((c, i) => {
      const value = values[c.key];
      if (value !== undefined && value !== null) row.getCell(i + 1).value = value;
    });
  });
  const last = headerRow + rows.length + options.spare;
  if (last > headerRow) {
    columns.forEach((c, i) => {
      if (c.list && options.refs[c.list]) {
        const letter = columnLetter(i + 1);
        addList(sheet, `${letter}${headerRow + 1}:${letter}${last}`, options.refs[c.list]!, c.kind === "code" || c.list === "project" ? "warning" : "stop");
      }
    });
  }
  return last;
}

/** The 对照 column: the 政府经济科目 the 对照表 gives for the row's 部门经济科目 and unit kind. */
function writeExpectedGovFormulas(sheet: ExcelJS.Worksheet, lastRow: number): void {
  const unit = columnLetter(columnOf("expenditure", "unit"));
  const dept = columnLetter(columnOf("expenditure", "deptEconomicCode"));
  const target = columnOf("expenditure", "expectedGov");
  const kindCell = `${quote(TEMPLATE_SHEETS.unit)}!$B$${unitFormRow("kind")}`;
  const members = `${quote(TEMPLATE_SHEETS.members)}!$A:$C`;
  const mapping = `${quote(LIST_SHEETS.mapping)}!$A:$C`;
  for (let r = 2; r <= lastRow; r += 1) {
    const kind = `IF(${unit}${r}="",${kindCell},IFERROR(VLOOKUP(${unit}${r},${members},3,FALSE),${kindCell}))`;
    sheet.getCell(r, target).value = {
      formula: `IF(${dept}${r}="","",IFERROR(VLOOKUP(${kind}&"|"&LEFT(${dept}${r},5),${mapping},3,FALSE),"对照表中没有"))`,
    } as ExcelJS.CellFormulaValue;
  }
}

/** Hidden sheets with the drop-down lists; returns the range formula of each list. */
function writeListSheets(workbook: ExcelJS.Workbook, lists: TemplateCatalogLists): ListRefs {
  const refs: Record<string, string> = {};
  const codeList = (sheetName: string, list: string, entries: readonly CodeName[]) => {
    const sheet = workbook.addWorksheet(sheetName, { state: "hidden" });
    entries.forEach((e, i) => {
      sheet.getCell(i + 1, 1).value = `${e.code} ${e.name}`;
    });
    refs[list] = `${quote(sheetName)}!$A$1:$A$${Math.max(1, entries.length)}`;
  };
  codeList(LIST_SHEETS.function, "function", lists.function);
  codeList(LIST_SHEETS.deptEconomic, "deptEconomic", lists.deptEconomic);
  codeList(LIST_SHEETS.govEconomic, "govEconomic", lists.govEconomic);

  const mapping = workbook.addWorksheet(LIST_SHEETS.mapping, { state: "hidden" });
  lists.mapping.forEach((m, i) => {
    mapping.getRow(i + 1).values = [`${m.unitKind}|${m.deptCode}`, m.govCode, `${m.govCode} ${m.govName}`];
  });

  const vocabulary = workbook.addWorksheet(LIST_SHEETS.vocabulary, { state: "hidden" });
  const vocab: Record<string, readonly string[]> = {
    revenueSource: REVENUE_SOURCES,
    nature: NATURES,
    unitKind: UNIT_KINDS,
    indicatorLevel1: INDICATOR_LEVEL1,
    indicatorLevel2: ALL_INDICATOR_LEVEL2,
    procurementCategory: PROCUREMENT_CATEGORIES,
    yesNo: YES_NO,
    staffBasis: STAFF_BASES,
    indicatorOwner: INDICATOR_OWNERS,
    scope: ["单位", "部门"],
  };
  Object.entries(vocab).forEach(([name, values], c) => {
    values.forEach((v, r) => {
      vocabulary.getCell(r + 1, c + 1).value = v;
    });
    const letter = columnLetter(c + 1);
    refs[name] = `${quote(LIST_SHEETS.vocabulary)}!$${letter}$1:$${letter}$${values.length}`;
  });
  const projectLetter = columnLetter(columnOf("projects", "id"));
  refs.project = `${quote(TEMPLATE_SHEETS.projects)}!$${projectLetter}$2:$${projectLetter}$1000`;
  return refs;
}

/** 校验: totals and the balance, as formulas Excel recalculates. */
function writeCheckSheet(sheet: ExcelJS.Worksheet, doc: BudgetDocument | undefined): void {
  const revenueAmount = `${quote(TEMPLATE_SHEETS.revenue)}!${columnLetter(columnOf("revenue", "amount"))}:${columnLetter(columnOf("revenue", "amount"))}`;
  const revenueSource = `${quote(TEMPLATE_SHEETS.revenue)}!${columnLetter(columnOf("revenue", "source"))}:${columnLetter(columnOf("revenue", "source"))}`;
  const lineAmount = `${quote(TEMPLATE_SHEETS.expenditure)}!${columnLetter(columnOf("expenditure", "amount"))}:${columnLetter(columnOf("expenditure", "amount"))}`;
  const lineSource = `${quote(TEMPLATE_SHEETS.expenditure)}!${columnLetter(columnOf("expenditure", "fundSource"))}:${columnLetter(columnOf("expenditure", "fundSource"))}`;
  const unitCell = (key: (typeof UNIT_FORM_ROWS)[number]["key"]) => `${quote(TEMPLATE_SHEETS.unit)}!B${unitFormRow(key)}`;
  const sum = (list: readonly (Fen | undefined)[]) => list.reduce<number>((a, b) => a + (b ?? 0), 0) / 100;
  const revenueTotal = doc ? sum(doc.revenue.map((r) => r.amount)) : 0;
  const linesTotal = doc ? sum(doc.expenditure.map((l) => l.amount)) : 0;
  const expenditureTotal = doc ? sum([...doc.expenditure.map((l) => l.amount), doc.carryForward, doc.unallocated]) : 0;

  const rows: [string, string, number | string, string][] = [
    ["收入合计", `SUM(${revenueAmount})`, revenueTotal, "收入表“金额”列之和"],
    ["支出明细合计", `SUM(${lineAmount})`, linesTotal, "支出明细表“金额”列之和"],
    ["结转下年", `N(${unitCell("carryForward")})`, doc ? sum([doc.carryForward]) : 0, "单位信息表"],
    ["未安排支出的实户资金", `N(${unitCell("unallocated")})`, doc ? sum([doc.unallocated]) : 0, "单位信息表"],
    ["支出合计", "B3+B4+B5", expenditureTotal, "支出明细合计 + 结转下年 + 未安排支出的实户资金"],
    ["差额（收入 − 支出）", "ROUND(B2-B6,2)", Math.round((revenueTotal - expenditureTotal) * 100) / 100, "应为 0"],
    ["收入与支出是否相等", `IF(B7=0,"相等","不相等")`, revenueTotal === expenditureTotal ? "相等" : "不相等", ""],
  ];
  for (const source of FISCAL_SOURCES) {
    const income = doc ? sum(doc.revenue.filter((r) => r.source === source).map((r) => r.amount)) : 0;
    const spent = doc ? sum(doc.expenditure.filter((l) => l.fundSource === source).map((l) => l.amount)) : 0;
    const first = rows.length + 2;
    rows.push(
      [`${source}收入`, `SUMIF(${revenueSource},"${source}",${revenueAmount})`, income, ""],
      [`以${source}安排的支出`, `SUMIF(${lineSource},"${source}",${lineAmount})`, spent, ""],
      [`${source}收支是否相等`, `IF(ROUND(B${first}-B${first + 1},2)=0,"相等","不相等")`, income === spent ? "相等" : "不相等", ""],
    );
  }
  sheet.getColumn(1).width = 30;
  sheet.getColumn(2).width = 20;
  sheet.getColumn(3).width = 48;
  const header = sheet.getRow(1);
  header.values = ["项目", "金额（元）", "说明"];
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = THIN;
  });
  rows.forEach(([label, formula, result, note], i) => {
    const row = sheet.getRow(i + 2);
    row.getCell(1).value = label;
    row.getCell(2).value = { formula, result } as ExcelJS.CellFormulaValue;
    row.getCell(2).numFmt = AMOUNT_FORMAT;
    row.getCell(3).value = note;
    for (let c = 1; c <= 3; c += 1) row.getCell(c).border = THIN;
  });
  sheet.views = [{ state: "frozen", ySplit: 1, xSplit: 0 }];
}

function writeGuide(sheet: ExcelJS.Worksheet, input: TemplateInput): void {
  const lines = [
    `${input.year} 年部门（单位）预算填报模板（Gongkai 生成）`,
    "",
    "一、怎样填写",
    "1. 黄色单元格是填写区，灰色单元格是说明或自动计算，已锁定（工作表保护没有密码，如需调整可在“审阅”中撤销保护）。",
    "2. 金额一律以“元”为单位，最多两位小数；可以带千位分隔符。若某列表头改成了“万元”，导入时会按万元换算并提示。",
    "3. 科目编码可从下拉列表选择（显示为“编码 名称”），也可直接输入编码；导入时取编码，并核对名称与当年目录是否一致。",
    "4. 功能科目填到项级（7 位），部门经济科目和政府经济科目填到款级（5 位）。",
    "5. 政府经济科目须与部门经济科目按《对照表》对应，并随单位性质不同：支出明细表最后一列“对照”自动显示应选的政府经济科目。",
    "6. 专项业务经费的支出行必须填写项目编号（与“项目”表一致）；人员经费、公用经费不填项目。",
    "7. 项目和整体目标的绩效指标填在“绩效指标”表：归属为“项目”时填项目编号，为“专项资金”时填专项资金序号，为“整体”时不填。",
    "8. “上年数与增减原因”表的指标键见说明文档，如 expenditureTotal、function:2010350、deptEconomic:301、nature:公用经费。",
    "   支出明细中的“上年金额”可选：填写后按功能科目汇总为 function:编码 的上年数。",
    "9. 没有内容的表在“空表理由”表中写明理由。",
    "10. “校验”表用公式计算收入合计、支出合计以及是否相等；填完后先看这里。",
    "",
    "二、导入",
    "   gongkai import 本文件.xlsx --out 单位.budget.json",
    "   所有问题一次列出，并指明工作表和单元格（如 支出明细!C12）；有错误时不生成文件。",
    "   如果单元格里是公式，请先在 Excel 或 WPS 中保存一次，使公式有计算结果，再导入。",
    "",
    "三、各表",
    ...Object.values(TEMPLATE_SHEETS).map((name) => `   ${name}`),
  ];
  sheet.getColumn(1).width = 120;
  lines.forEach((text, i) => {
    const cell = sheet.getCell(i + 1, 1);
    cell.value = text;
    cell.alignment = { wrapText: true };
    if (i === 0) cell.font = { bold: true, size: 14 };
  });
}
