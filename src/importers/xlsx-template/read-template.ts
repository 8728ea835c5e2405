/**
 * Reads a filled authoring workbook (填报模板, see src/model/authoring-template.ts) into the plain value
 * of a BudgetDocument, cell by cell. It reports every cell that does not fit at once, located as
 * `支出明细!C12`, and remembers, for every field it fills, the cell it came from: the pipeline then runs
 * the schema and validateDocument on the value and maps each problem's JSON path back to its cell.
 *
 * A cell that does not fit gets a harmless placeholder value, so the rest of the document can still be
 * checked; the placeholder paths are returned so that problems caused by a placeholder are dropped.
 *
 * What it copes with: amounts typed as text, with separators or full-width digits; a column header in
 * 万元 where the template says 元 (converted, with a warning); merged cells; blank rows; columns a user
 * added (ignored, with a warning); codes typed as numbers or as “2010350 事业运行”; formulas (their
 * cached result, or a plain error when there is none).
 */
import ExcelJS from "exceljs";
import {
  ASSET_FORM_ROWS,
  headerText,
  INDICATOR_OWNERS,
  OVERALL_FLAG_LABEL,
  STAFF_BASES,
  TEMPLATE_COLUMNS,
  TEMPLATE_SHEETS,
  type TemplateColumn,
  type TemplateTable,
  UNIT_FORM_ROWS,
} from "../../model/authoring-template.ts";
import type { Fen } from "../../model/money.ts";
import {
  ALL_INDICATOR_LEVEL2,
  INDICATOR_LEVEL1,
  NATURES,
  PROCUREMENT_CATEGORIES,
  REVENUE_SOURCES,
  UNIT_KINDS,
} from "../../model/vocabulary.ts";
import {
  type Converted,
  EMPTY,
  halfWidth,
  isBlank,
  type Raw,
  rawOf,
  toAmount,
  toChoice,
  toCode,
  toCount,
  toDate,
  toLines,
  toText,
  toYesNo,
} from "./cells.ts";

export interface TemplateProblem {
  readonly severity: "error" | "warning";
  /** `支出明细!C12`, or a sheet name. */
  readonly location: string;
  readonly message: string;
}

export type PathSegment = string | number;

export interface TemplateReadResult {
  /** The document as plain data, ready for the schema. */
  readonly value: Record<string, unknown>;
  /** The year typed in 单位信息, when it is a valid number. */
  readonly year: number | undefined;
  readonly problems: TemplateProblem[];
  /** JSON path of a field → the cell it was read from. */
  readonly locations: readonly (readonly [readonly PathSegment[], string])[];
  /** JSON paths holding a placeholder instead of what the (faulty) cell said. */
  readonly placeholders: readonly (readonly PathSegment[])[];
}

/** Reads the workbook at `source` (a path or the file's bytes). Throws only when it is no xlsx at all. */
export async function readTemplateWorkbook(source: string | Buffer | ArrayBuffer): Promise<TemplateReadResult> {
  const workbook = new ExcelJS.Workbook();
  if (typeof source === "string") await workbook.xlsx.readFile(source);
  else await workbook.xlsx.load(source as ArrayBuffer);
  return new Reader(workbook).read();
}

const normalizeHeader = (text: string) =>
  halfWidth(text)
    .replace(/\s+/g, "")
    .replace(/\((万元|元)\)$/, "");

const headerUnit = (text: string): "元" | "万元" | null => {
  const m = /\((万元|元)\)$/.exec(halfWidth(text).replace(/\s+/g, ""));
  return m ? (m[1] as "元" | "万元") : null;
};

interface TableRow {
  readonly row: number;
  cell(key: string): Raw;
  address(key: string): string;
}

interface Table {
  readonly sheet: string;
  readonly rows: readonly TableRow[];
  readonly units: ReadonlyMap<string, "元" | "万元">;
}

class Reader {
  readonly problems: TemplateProblem[] = [];
  readonly locations: [PathSegment[], string][] = [];
  readonly placeholders: PathSegment[][] = [];

  constructor(readonly workbook: ExcelJS.Workbook) {}

  error(location: string, message: string): void {
    this.problems.push({ severity: "error", location, message });
  }
  warning(location: string, message: string): void {
    this.problems.push({ severity: "warning", location, message });
  }

  /** Converts a cell into a field; on failure reports it and returns the placeholder. */
  take<T>(path: PathSegment[], address: string, converted: Converted<T>, placeholder: T, what?: string): T {
    this.locations.push([path, address]);
    if (converted.ok) return converted.value;
    this.error(address, what ? `${what}：${converted.message}` : converted.message);
    this.placeholders.push(path);
    return placeholder;
  }

  required<T>(path: PathSegment[], row: TableRow, key: string, what: string, convert: (raw: Raw) => Converted<T>, placeholder: T): T {
    const raw = row.cell(key);
    if (isBlank(raw)) {
      return this.take(path, row.address(key), { ok: false, message: `${what}不能为空` }, placeholder);
    }
    return this.take(path, row.address(key), convert(raw), placeholder);
  }

  /** Optional text: a blank cell is absent; a program-written empty string stays "". */
  optionalText(path: PathSegment[], row: TableRow, key: string): string | undefined {
    const raw = row.cell(key);
    if (raw.kind === "empty" || (raw.kind === "text" && raw.text !== "" && raw.text.trim() === "")) return undefined;
    return this.take(path, row.address(key), toText(raw), "");
  }

  /** Text that the schema requires but may be empty (descriptions, indicator values). */
  text(path: PathSegment[], row: TableRow, key: string): string {
    return this.take(path, row.address(key), toText(row.cell(key)), "");
  }

  amount(path: PathSegment[], row: TableRow, key: string, table: Table, required: boolean): Fen | undefined {
    const raw = row.cell(key);
    if (isBlank(raw)) {
      if (!required) return undefined;
      return this.take(path, row.address(key), { ok: false, message: "金额不能为空" }, 0 as Fen);
    }
    return this.take(path, row.address(key), toAmount(raw, table.units.get(key) ?? "元"), 0 as Fen);
  }

  sheet(name: string, required: boolean): ExcelJS.Worksheet | undefined {
    const sheet = this.workbook.getWorksheet(name);
    if (!sheet && required) this.error(name, `缺少工作表“${name}”：请使用 gongkai template 生成的模板`);
    return sheet;
  }

  /**
   * Reads a list sheet: finds its header row by the template's headers, warns about columns it does not
   * know, notes amount columns whose header says 万元, and returns the non-blank rows.
   */
  table(name: string, layout: TemplateTable, required = false): Table {
    const sheet = this.sheet(name, required);
    const empty: Table = { sheet: name, rows: [], units: new Map() };
    if (!sheet) return empty;
    const columns = TEMPLATE_COLUMNS[layout] as readonly TemplateColumn[];
    const wanted = new Map(columns.map((c) => [normalizeHeader(c.header), c] as const));
    let headerRow = 0;
    const lastRow = sheet.rowCount;
    for (let r = 1; r <= Math.min(10, lastRow) && headerRow === 0; r += 1) {
      let matches = 0;
      sheet.findRow(r)?.eachCell((cell) => {
        const text = rawOf(cell.value);
        if (text.kind === "text" && wanted.has(normalizeHeader(text.text))) matches += 1;
      });
      if (matches >= Math.min(2, columns.length)) headerRow = r;
    }
    if (headerRow === 0) {
      this.error(`${name}!A1`, `找不到表头（应有“${columns.map(headerText).join("”“")}”等列）`);
      return empty;
    }
    const titleSaysWan = [...Array(headerRow - 1).keys()].some((i) => {
      let wan = false;
      sheet.findRow(i + 1)?.eachCell((cell) => {
        const raw = rawOf(cell.value);
        if (raw.kind === "text" && /单位[:：]\s*万元/.test(raw.text)) wan = true;
      });
      return wan;
    });
    const columnOf = new Map<string, number>();
    const units = new Map<string, "元" | "万元">();
    const extra: string[] = [];
    sheet.getRow(headerRow).eachCell((cell, c) => {
      if (cell.isMerged && cell.master.address !== cell.address) return;
      const raw = rawOf(cell.value);
      const text = raw.kind === "text" ? raw.text.trim() : raw.kind === "number" ? String(raw.value) : "";
      if (!text) return;
      const column = wanted.get(normalizeHeader(text));
      if (!column || columnOf.has(column.key)) {
        extra.push(`${cell.address}“${text}”`);
        return;
      }
      columnOf.set(column.key, c);
      if (column.kind === "amount") {
        const unit = headerUnit(text) ?? (titleSaysWan ? "万元" : "元");
        units.set(column.key, unit);
        if (unit === "万元") this.warning(`${name}!${cell.address}`, `表头是“${text}”（万元），已按万元换算为元`);
      }
    });
    if (extra.length > 0) this.warning(`${name}!${headerRow}:${headerRow}`, `多出的列已忽略：${extra.join("、")}`);
    for (const column of columns) {
      if (column.kind !== "derived" && !columnOf.has(column.key)) {
        this.warning(`${name}!${headerRow}:${headerRow}`, `没有“${headerText(column)}”列，按空白处理`);
      }
    }
    const read = columns.filter((c) => c.kind !== "derived" && columnOf.has(c.key));
    const rows: TableRow[] = [];
    for (let r = headerRow + 1; r <= lastRow; r += 1) {
      const row = sheet.findRow(r);
      if (!row || !row.hasValues) continue;
      const raws = new Map<string, Raw>();
      const addresses = new Map<string, string>();
      let blank = true;
      for (const column of read) {
        const cell = row.getCell(columnOf.get(column.key)!);
        const address = `${name}!${cell.address}`;
        addresses.set(column.key, address);
        let raw = rawOf(cell.value);
        if (cell.isMerged && cell.master.address !== cell.address) {
          const master = cell.master;
          if (master.col !== cell.col) {
            if (!isBlank(raw)) this.error(address, `单元格与 ${master.address} 横向合并，无法判断属于哪一列：请取消合并`);
            raw = EMPTY;
          } else if (column.kind === "amount" && !isBlank(raw)) {
            this.error(address, `金额单元格与 ${master.address} 纵向合并：合并后每行都会重复同一金额，请取消合并并逐行填写`);
            raw = EMPTY;
          }
        }
        raws.set(column.key, raw);
        if (!isBlank(raw)) blank = false;
      }
      if (blank) continue;
      rows.push({
        row: r,
        cell: (key) => raws.get(key) ?? EMPTY,
        address: (key) => addresses.get(key) ?? `${name}!${r}:${r}`,
      });
    }
    return { sheet: name, rows, units };
  }

  read(): TemplateReadResult {
    const doc: Record<string, unknown> = { schemaVersion: 1 };
    const unitTable = this.table(TEMPLATE_SHEETS.unit, "unit", true);
    const form = this.form(unitTable, UNIT_FORM_ROWS);
    const formRaw = (key: (typeof UNIT_FORM_ROWS)[number]["key"]) => form.get(key);

    const year = this.formField(formRaw("year"), ["year"], "预算年度", true, (raw) => {
      const n = toCount(raw);
      return n.ok && (n.value < 2000 || n.value > 2100) ? { ok: false, message: `预算年度“${n.value}”不在合理范围` } : n;
    }, 0);
    doc.year = year;
    doc.phase = "预算";
    doc.scope = this.formField(formRaw("scope"), ["scope"], "编制范围", false, (raw) => toChoice(raw, ["单位", "部门"] as const, "编制范围"), "单位") ?? "单位";

    const unit: Record<string, unknown> = {};
    unit.code = this.formField(formRaw("code"), ["unit", "code"], "单位编码", true, toText, "?");
    unit.name = this.formField(formRaw("name"), ["unit", "name"], "单位名称", true, toText, "?");
    unit.department = this.formField(formRaw("department"), ["unit", "department"], "主管部门", true, toText, "?");
    unit.kind = this.formField(formRaw("kind"), ["unit", "kind"], "单位性质", true, (raw) => toChoice(raw, UNIT_KINDS, "单位性质"), "事业单位");
    const level = this.formOptionalText(formRaw("level"), ["unit", "level"]);
    if (level !== undefined) unit.level = level;
    const region = this.formOptionalText(formRaw("region"), ["unit", "region"]);
    if (region !== undefined) unit.region = region;
    const authorized: unknown[] = [];
    const actual: unknown[] = [];
    for (const row of unitTable.rows) {
      if (isBlank(row.cell("staffBasis")) && isBlank(row.cell("staffKind")) && isBlank(row.cell("staffCount"))) continue;
      const basis = this.take(["unit", "staffing"], row.address("staffBasis"), toChoice(row.cell("staffBasis"), STAFF_BASES, "人员口径"), "编制数");
      const list = basis === "编制数" ? authorized : actual;
      const path = ["unit", "staffing", basis === "编制数" ? "authorized" : "actual", list.length];
      list.push({
        kind: this.required([...path, "kind"], row, "staffKind", "人员类别", toText, "?"),
        count: this.required([...path, "count"], row, "staffCount", "人数", toCount, 0),
      });
    }
    unit.staffing = {
      authorized,
      actual,
      retired: this.formField(formRaw("retired"), ["unit", "staffing", "retired"], "离退休人数", false, toCount, 0) ?? 0,
    };
    unit.duties = this.column(unitTable, "duty", ["unit", "duties"]);
    unit.organisation = this.formField(formRaw("organisation"), ["unit", "organisation"], "机构设置", false, toText, "") ?? "";
    unit.tasks = this.column(unitTable, "task", ["unit", "tasks"]);
    doc.unit = unit;
    this.locations.push([["unit"], `${TEMPLATE_SHEETS.unit}!A1`], [["unit", "staffing"], `${TEMPLATE_SHEETS.unit}!C1`]);

    const approvedRaw = formRaw("approvedOn");
    if (approvedRaw && !isBlank(approvedRaw.raw)) doc.approvedOn = this.take(["approvedOn"], approvedRaw.address, toDate(approvedRaw.raw), "2000-01-01");
    for (const key of ["carryForward", "fiscalCarryForward", "unallocated"] as const) {
      const found = formRaw(key);
      if (found && !isBlank(found.raw)) doc[key] = this.take([key], found.address, toAmount(found.raw, "元"), 0 as Fen);
    }

    const members = this.table(TEMPLATE_SHEETS.members, "members");
    doc.memberUnits = members.rows.map((row, i) => ({
      code: this.required(["memberUnits", i, "code"], row, "code", "单位编码", toText, "?"),
      name: this.required(["memberUnits", i, "name"], row, "name", "单位名称", toText, "?"),
      kind: this.required(["memberUnits", i, "kind"], row, "kind", "单位性质", (raw) => toChoice(raw, UNIT_KINDS, "单位性质"), "事业单位"),
    }));
    this.locations.push([["memberUnits"], `${TEMPLATE_SHEETS.members}!A1`]);

    const revenue = this.table(TEMPLATE_SHEETS.revenue, "revenue", true);
    doc.revenue = revenue.rows.map((row, i) => {
      const at = (field: string) => ["revenue", i, field];
      this.locations.push([["revenue", i], row.address("source")]);
      return compact({
        unit: this.optionalText(at("unit"), row, "unit"),
        source: this.required(at("source"), row, "source", "收入来源", (raw) => toChoice(raw, REVENUE_SOURCES, "收入来源"), "其他收入"),
        amount: this.amount(at("amount"), row, "amount", revenue, true),
        specialFunds: this.amount(at("specialFunds"), row, "specialFunds", revenue, false),
        financialAccount: this.amount(at("financialAccount"), row, "financialAccount", revenue, false),
      });
    });

    const lines = this.table(TEMPLATE_SHEETS.expenditure, "expenditure", true);
    const linePrior = new Map<string, { amount: number; address: string }>();
    doc.expenditure = lines.rows.map((row, i) => {
      const at = (field: string) => ["expenditure", i, field];
      this.locations.push([["expenditure", i], row.address("functionCode")]);
      const code = (field: "functionCode" | "deptEconomicCode" | "govEconomicCode", digits: number, what: string) => {
        const nameField = field.replace("Code", "Name");
        this.locations.push([at(nameField), row.address(field)]);
        const value = this.required(at(field), row, field, what, (raw) => toCode(raw, digits, what), { code: "0".repeat(digits) });
        return { [field]: value.code, ...(value.name === undefined ? {} : { [nameField]: value.name }) };
      };
      const line = compact({
        unit: this.optionalText(at("unit"), row, "unit"),
        ...code("functionCode", 7, "功能科目"),
        ...code("deptEconomicCode", 5, "部门经济科目"),
        ...code("govEconomicCode", 5, "政府经济科目"),
        fundSource: this.required(at("fundSource"), row, "fundSource", "资金来源", (raw) => toChoice(raw, REVENUE_SOURCES, "资金来源"), "其他收入"),
        nature: this.required(at("nature"), row, "nature", "支出性质", (raw) => toChoice(raw, NATURES, "支出性质"), "专项业务经费"),
        project: this.optionalText(at("project"), row, "project"),
        amount: this.amount(at("amount"), row, "amount", lines, true),
      });
      const prior = this.amount(["expenditure", i, "priorAmount"], row, "priorAmount", lines, false);
      if (prior !== undefined) {
        const key = `function:${String((line as Record<string, unknown>).functionCode)}`;
        const seen = linePrior.get(key);
        linePrior.set(key, { amount: (seen?.amount ?? 0) + prior, address: seen?.address ?? row.address("priorAmount") });
      }
      return line;
    });

    const projectTable = this.table(TEMPLATE_SHEETS.projects, "projects");
    const projects = projectTable.rows.map((row, i) => {
      const at = (field: string) => ["projects", i, field];
      this.locations.push([["projects", i], row.address("id")]);
      return compact({
        id: this.required(at("id"), row, "id", "项目编号", toText, `?${i}`),
        unit: this.optionalText(at("unit"), row, "unit"),
        name: this.required(at("name"), row, "name", "项目名称", toText, "?"),
        description: this.text(at("description"), row, "description"),
        period: this.optionalText(at("period"), row, "period"),
        goals: this.take(at("goals"), row.address("goals"), toLines(row.cell("goals")), []),
        indicators: [] as unknown[],
      });
    });
    doc.projects = projects;

    const overallSheet = this.workbook.getWorksheet(TEMPLATE_SHEETS.overall);
    const overallTable = this.table(TEMPLATE_SHEETS.overall, "overall");
    const tasks: unknown[] = [];
    const goals: string[] = [];
    for (const row of overallTable.rows) {
      const taskBlank = ["taskName", "taskContent", "taskAmount", "taskFiscal", "taskOther"].every((k) => isBlank(row.cell(k)));
      if (!taskBlank) {
        const at = (field: string) => ["overallTargets", "tasks", tasks.length, field];
        tasks.push({
          name: this.required(at("name"), row, "taskName", "任务名称", toText, "?"),
          content: this.text(at("content"), row, "taskContent"),
          amount: this.amount(at("amount"), row, "taskAmount", overallTable, true),
          fiscalAmount: this.amount(at("fiscalAmount"), row, "taskFiscal", overallTable, true),
          otherAmount: this.amount(at("otherAmount"), row, "taskOther", overallTable, true),
        });
      }
      if (!isBlank(row.cell("goal"))) goals.push(this.take(["overallTargets", "goals", goals.length], row.address("goal"), toText(row.cell("goal")), ""));
    }
    const overallIndicators: unknown[] = [];

    const fundTable = this.table(TEMPLATE_SHEETS.specialFunds, "specialFunds");
    const fundSeq = new Map<string, number>();
    const specialFunds = fundTable.rows.map((row, i) => {
      const at = (field: string) => ["specialFunds", i, field];
      const seqRaw = row.cell("seq");
      const seq = isBlank(seqRaw) ? String(i + 1) : this.take(at("seq"), row.address("seq"), toText(seqRaw), String(i + 1));
      if (fundSeq.has(seq)) this.error(row.address("seq"), `专项资金序号“${seq}”重复`);
      fundSeq.set(seq, i);
      this.locations.push([["specialFunds", i], row.address("name")]);
      const amount = (field: string) => this.amount(at(field), row, field, fundTable, true);
      return {
        name: this.required(at("name"), row, "name", "专项资金名称", toText, "?"),
        department: this.text(at("department"), row, "department"),
        period: this.text(at("period"), row, "period"),
        totalAmount: amount("totalAmount"),
        totalFiscal: amount("totalFiscal"),
        totalOther: amount("totalOther"),
        annualAmount: amount("annualAmount"),
        annualFiscal: amount("annualFiscal"),
        annualOther: amount("annualOther"),
        periodGoals: this.take(at("periodGoals"), row.address("periodGoals"), toLines(row.cell("periodGoals")), []),
        annualGoals: this.take(at("annualGoals"), row.address("annualGoals"), toLines(row.cell("annualGoals")), []),
        indicators: [] as unknown[],
      };
    });
    doc.specialFunds = specialFunds;

    const indicatorTable = this.table(TEMPLATE_SHEETS.indicators, "indicators");
    const projectIndex = new Map(projects.map((p, i) => [String(p.id), i] as const));
    for (const row of indicatorTable.rows) {
      const ownerChoice = toChoice(isBlank(row.cell("ownerType")) ? { kind: "text", text: "项目" } : row.cell("ownerType"), INDICATOR_OWNERS, "归属");
      if (!ownerChoice.ok) this.error(row.address("ownerType"), ownerChoice.message);
      const ownerType = ownerChoice.ok ? ownerChoice.value : null;
      const owner = toText(row.cell("owner"));
      let list: unknown[] | undefined;
      let base: PathSegment[] = [];
      if (ownerType === "整体") {
        list = overallIndicators;
        base = ["overallTargets", "indicators"];
      } else if (ownerType === "项目" || ownerType === "专项资金") {
        const id = owner.ok ? owner.value : "";
        const index = ownerType === "项目" ? projectIndex.get(id) : fundSeq.get(id);
        if (index === undefined) {
          this.error(row.address("owner"), id ? `没有${ownerType === "项目" ? "编号" : "序号"}为“${id}”的${ownerType}` : `请填写${ownerType === "项目" ? "项目编号" : "专项资金序号"}`);
        } else {
          const target = ownerType === "项目" ? projects[index]! : specialFunds[index]!;
          list = target.indicators as unknown[];
          base = [ownerType === "项目" ? "projects" : "specialFunds", index, "indicators"];
        }
      }
      const at = (field: string) => [...base, list?.length ?? 0, field];
      const indicator = compact({
        level1: this.required(at("level1"), row, "level1", "一级指标", (raw) => toChoice(raw, INDICATOR_LEVEL1, "一级指标"), "产出指标"),
        level2: this.required(at("level2"), row, "level2", "二级指标", (raw) => toChoice(raw, ALL_INDICATOR_LEVEL2, "二级指标"), "数量指标"),
        content: this.required(at("content"), row, "content", "指标内容", toText, "?"),
        value: this.text(at("value"), row, "value"),
        note: this.optionalText(at("note"), row, "note"),
      });
      list?.push(indicator);
    }

    // 整体绩效目标: the flag says whether the unit fills it; blank means "when anything is filled".
    const flagRaw = overallSheet ? rawOf(overallSheet.getCell("B1").value) : EMPTY;
    const flagLabel = overallSheet ? toText(rawOf(overallSheet.getCell("A1").value)) : { ok: false as const, message: "" };
    const hasContent = tasks.length > 0 || goals.length > 0 || overallIndicators.length > 0;
    let filled = hasContent;
    if (overallSheet && flagLabel.ok && flagLabel.value === OVERALL_FLAG_LABEL && !isBlank(flagRaw)) {
      const flag = this.take([], `${TEMPLATE_SHEETS.overall}!B1`, toYesNo(flagRaw, "是否填报"), hasContent);
      if (!flag && hasContent) this.error(`${TEMPLATE_SHEETS.overall}!B1`, "标为“否”（不填报部门整体支出绩效目标），却填写了任务、目标或整体指标");
      filled = flag;
    }
    if (filled) doc.overallTargets = { tasks, goals, indicators: overallIndicators };
    this.locations.push([["overallTargets"], `${TEMPLATE_SHEETS.overall}!A1`]);

    const procurementTable = this.table(TEMPLATE_SHEETS.procurement, "procurement");
    doc.procurement = procurementTable.rows.map((row, i) => {
      const at = (field: string) => ["procurement", i, field];
      this.locations.push([["procurement", i], row.address("name")]);
      const quantity = row.cell("quantity");
      const services = row.cell("purchaseOfServices");
      return compact({
        unit: this.optionalText(at("unit"), row, "unit"),
        project: this.optionalText(at("project"), row, "project"),
        name: this.required(at("name"), row, "name", "采购项目名称", toText, "?"),
        category: this.required(at("category"), row, "category", "采购类别", (raw) => toChoice(raw, PROCUREMENT_CATEGORIES, "采购类别"), "货物"),
        item: this.text(at("item"), row, "item"),
        quantity: isBlank(quantity) ? undefined : this.take(at("quantity"), row.address("quantity"), toCount(quantity), 0),
        purchaseOfServices: isBlank(services) ? undefined : this.take(at("purchaseOfServices"), row.address("purchaseOfServices"), toYesNo(services, "政府购买服务"), false),
        fundSource: this.required(at("fundSource"), row, "fundSource", "资金来源", (raw) => toChoice(raw, REVENUE_SOURCES, "资金来源"), "其他收入"),
        amount: this.amount(at("amount"), row, "amount", procurementTable, true),
      });
    });

    const assetTable = this.table(TEMPLATE_SHEETS.assets, "assets");
    const assetForm = this.form(assetTable, ASSET_FORM_ROWS);
    const assets: Record<string, unknown> = {};
    for (const { key, label } of ASSET_FORM_ROWS) {
      const found = assetForm.get(key);
      if (key === "note") {
        const note = this.formOptionalText(found, ["assets", "note"]);
        if (note !== undefined) assets.note = note;
      } else {
        assets[key] = this.formField(found, ["assets", key], label.replace(/（.*$/, ""), false, toCount, 0) ?? 0;
      }
    }
    doc.assets = assets;
    this.locations.push([["assets"], `${TEMPLATE_SHEETS.assets}!A1`]);

    const priorTable = this.table(TEMPLATE_SHEETS.prior, "prior");
    const prior: Record<string, number> = {};
    const reasons: Record<string, string> = {};
    const seenKeys = new Set<string>();
    for (const row of priorTable.rows) {
      const hasPrior = !isBlank(row.cell("prior"));
      const hasReason = !isBlank(row.cell("reason"));
      if (isBlank(row.cell("key"))) {
        this.error(row.address("key"), "填了上年数或原因，却没有填指标键");
        continue;
      }
      const key = toText(row.cell("key"));
      if (!key.ok) {
        this.error(row.address("key"), key.message);
        continue;
      }
      if (!hasPrior && !hasReason) continue;
      if (seenKeys.has(key.value)) {
        this.error(row.address("key"), `指标键“${key.value}”重复`);
        continue;
      }
      seenKeys.add(key.value);
      if (hasPrior) prior[key.value] = this.amount(["prior", key.value], row, "prior", priorTable, true)!;
      if (hasReason) reasons[key.value] = this.take(["reasons", key.value], row.address("reason"), toText(row.cell("reason")), "");
      // Problems validateDocument finds in prior/reasons are about the key: point at it.
      this.locations.push([["prior", key.value], row.address("key")], [["reasons", key.value], row.address("key")]);
    }
    for (const [key, { amount, address }] of linePrior) {
      if (key in prior) {
        this.error(address, `支出明细的上年金额汇总为 ${key} 的上年数，但“${TEMPLATE_SHEETS.prior}”表也填了 ${key}：请只填一处`);
      } else {
        prior[key] = amount;
        this.locations.push([["prior", key], address]);
      }
    }
    doc.prior = prior;
    doc.reasons = reasons;

    const emptyTable = this.table(TEMPLATE_SHEETS.emptyTables, "emptyTables");
    const emptyTables: Record<string, string> = {};
    for (const row of emptyTable.rows) {
      if (isBlank(row.cell("table"))) {
        if (!isBlank(row.cell("reason"))) this.error(row.address("table"), "填了空表理由，却没有填表号");
        continue;
      }
      const n = toCount(row.cell("table"));
      if (!n.ok || n.value < 1 || n.value > 15) {
        this.error(row.address("table"), `表号应为 1–15，不是“${toText(row.cell("table")).ok ? (toText(row.cell("table")) as { value: string }).value : "?"}”`);
        continue;
      }
      this.locations.push([["emptyTables", String(n.value)], row.address("reason")]);
      if (!isBlank(row.cell("reason"))) emptyTables[String(n.value)] = this.take(["emptyTables", String(n.value)], row.address("reason"), toText(row.cell("reason")), "?");
    }
    doc.emptyTables = emptyTables;
    this.locations.push([["emptyTables"], `${TEMPLATE_SHEETS.emptyTables}!A1`]);

    // Whole-document checks (balance) point at the 校验 sheet.
    this.locations.push([["revenue"], `${TEMPLATE_SHEETS.check}!B8`], [["expenditure"], `${TEMPLATE_SHEETS.expenditure}!A1`]);

    return {
      value: doc,
      year: typeof year === "number" && year >= 2000 ? year : undefined,
      problems: this.problems,
      locations: this.locations,
      placeholders: this.placeholders,
    };
  }

  /** A form (项目 | 内容): the value cell of each known label, wherever its row is. */
  form<K extends string>(table: Table, rows: readonly { key: K; label: string }[]): Map<K, { raw: Raw; address: string }> {
    const found = new Map<K, { raw: Raw; address: string }>();
    const sheet = this.workbook.getWorksheet(table.sheet);
    if (!sheet) return found;
    const byLabel = new Map(rows.map((r) => [normalizeHeader(r.label), r.key] as const));
    sheet.getColumn(1).eachCell((cell) => {
      const raw = rawOf(cell.value);
      if (raw.kind !== "text") return;
      const key = byLabel.get(normalizeHeader(raw.text));
      if (key === undefined || found.has(key)) return;
      const value = sheet.getCell(Number(cell.row), 2);
      found.set(key, { raw: rawOf(value.value), address: `${table.sheet}!${value.address}` });
    });
    return found;
  }

  formField<T>(
    found: { raw: Raw; address: string } | undefined,
    path: PathSegment[],
    what: string,
    required: boolean,
    convert: (raw: Raw) => Converted<T>,
    placeholder: T,
  ): T | undefined {
    if (!found) {
      if (required) {
        this.error(`${TEMPLATE_SHEETS.unit}!A1`, `找不到“${what}”一行`);
        this.placeholders.push(path);
        return placeholder;
      }
      return undefined;
    }
    if (isBlank(found.raw)) {
      this.locations.push([path, found.address]);
      if (!required) return undefined;
      this.error(found.address, `${what}不能为空`);
      this.placeholders.push(path);
      return placeholder;
    }
    return this.take(path, found.address, convert(found.raw), placeholder, what);
  }

  formOptionalText(found: { raw: Raw; address: string } | undefined, path: PathSegment[]): string | undefined {
    if (!found) return undefined;
    const raw = found.raw;
    if (raw.kind === "empty" || (raw.kind === "text" && raw.text !== "" && raw.text.trim() === "")) return undefined;
    return this.take(path, found.address, toText(raw), "");
  }

  /** A list kept one entry per cell down a column (duties, tasks). */
  column(table: Table, key: string, path: PathSegment[]): string[] {
    const out: string[] = [];
    for (const row of table.rows) {
      const raw = row.cell(key);
      if (isBlank(raw)) continue;
      out.push(this.take([...path, out.length], row.address(key), toText(raw), ""));
    }
    return out;
  }
}

/** Drops undefined fields, so the value has only what the workbook says. */
function compact<T extends Record<string, unknown>>(object: T): T {
  for (const key of Object.keys(object)) if (object[key] === undefined) delete object[key];
  return object;
}
