/**
 * A Disclosure (and the BudgetDocument it was built from) as open data (`gongkai render --format
 * datapackage --out DIR`): a Frictionless Data Package of the fiscal flavour.
 *
 * - `datapackage.json`: the descriptor. `profile` is `tabular-data-package`: the Fiscal Data Package
 *   profile shipped with datapackage-js 1.1.10 (lib/profiles/fiscal-data-package.json) is an `allOf` of
 *   the tabular profile — whose `profile` must be `tabular-data-package` — and the fiscal part, which
 *   requires `model` (measures with their currency and factor, dimensions) and allows `countryCode`,
 *   `granularity` and `fiscalPeriod`. The descriptor satisfies both parts, so it validates against
 *   either profile (test/publish/data-package.test.ts checks both with datapackage-js).
 * - `data/line-items.csv`: the budget's expenditure lines, one per line: unit, year, budget phase, the
 *   function (类, 款, 项), departmental economic (类, 款) and government economic (类, 款) codes each with
 *   its catalog name, fund source, nature, project, and the amount in integer fen. The fiscal `model`
 *   describes this resource: the measure `amount` in CNY with factor 0.01 (fen → 元), phase `approved`
 *   for a 预算 (`executed` for a 决算).
 * - `data/table-NN.csv` (`table-13-2.csv` for the second 表13): one per standard table, tidy — one line
 *   per printed row with its 表号, 实例, 行号, 分组 (the block of 表1/4/9), 编码, 名称, 层级, 行类型 and one
 *   column per value column: amounts in integer fen (`合计（分）`), text as printed.
 * - `data/form-fields.csv`: the labelled fields of the 绩效目标 forms (表13–15): 项目名称, 资金总额 (fen) …
 * - `data/toc.csv`: the 目录, with each table's empty mark and reason.
 * - `check-certificate.json`: the check certificate (Gongkai version, catalog year, rule set, findings),
 *   named in the descriptor under `gongkai.certificate`.
 * - `SHA256SUMS`: the SHA-256 of every other file, in `sha256sum -c` format.
 *
 * Text cells a spreadsheet would run as a formula (= + - @) are escaped with a leading `'`.
 * Renderers import only src/model: the catalog names of the line items come in as data (`names`).
 */
import { createHash } from "node:crypto";
import { stringify } from "csv-stringify/sync";
import type { BudgetDocument } from "../../model/budget-document.ts";
import type { CheckCertificate } from "../../model/certificate.ts";
import type { Disclosure } from "../../model/disclosure.ts";
import type { Table } from "../../model/table.ts";
import { inertCsvText } from "../csv/render-tables-csv.ts";

/** Catalog names by code (类, 款 and 项 codes alike), per classification. */
export interface ClassificationNames {
  readonly function: Readonly<Record<string, string>>;
  readonly deptEconomic: Readonly<Record<string, string>>;
  readonly govEconomic: Readonly<Record<string, string>>;
}

export interface DataPackageInput {
  readonly disclosure: Disclosure;
  /** The BudgetDocument the disclosure was built from: its expenditure lines become line-items.csv. */
  readonly document?: BudgetDocument;
  readonly names?: ClassificationNames;
  readonly certificate?: CheckCertificate;
}

export interface PackageFile {
  /** Relative to the package folder, with `/`. */
  readonly path: string;
  readonly data: string;
}

export const DESCRIPTOR = "datapackage.json";
export const MANIFEST = "SHA256SUMS";
export const CERTIFICATE = "check-certificate.json";

type FieldType = "string" | "integer";
interface SchemaField {
  readonly name: string;
  readonly type: FieldType;
  readonly title?: string;
  readonly description?: string;
}

interface CsvResource {
  readonly name: string;
  readonly path: string;
  readonly title: string;
  readonly description?: string;
  readonly fields: readonly SchemaField[];
  readonly records: readonly (readonly (string | number | null)[])[];
}

const FEN = "金额，单位：分（整数；乘以 0.01 为元）";

export function sha256(data: string): string {
  return createHash("sha256").update(data, "utf8").digest("hex");
}

function csv(resource: CsvResource): string {
  const text = (value: string | number | null, field: SchemaField) => {
    if (value === null) return "";
    if (field.type === "integer") return String(value);
    return inertCsvText(String(value));
  };
  const rows = resource.records.map((record) => resource.fields.map((field, i) => text(record[i] ?? null, field)));
  return stringify([resource.fields.map((f) => f.name), ...rows], { bom: false, record_delimiter: "unix" });
}

/** `table-05`, `table-13-2`. */
export function tableResourceName(table: Pick<Table, "number" | "instance">): string {
  return `table-${String(table.number).padStart(2, "0")}${table.instance ? `-${table.instance}` : ""}`;
}

function uniqueName(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let n = 2; taken.has(candidate); n += 1) candidate = `${name}_${n}`;
  taken.add(candidate);
  return candidate;
}

function tableResource(table: Table): CsvResource {
  const fixed: SchemaField[] = [
    { name: "表号", type: "integer" },
    { name: "实例", type: "integer", description: "表13 每个项目一张，从 1 编号" },
    { name: "行号", type: "integer", description: "表中的行序，从 1 起（表1/4/9 每块各自编号）" },
    { name: "分组", type: "string", description: "表1/4/9 的块（收入、支出功能分类科目 …）；表14 的任务或指标" },
    { name: "编码", type: "string" },
    { name: "名称", type: "string" },
    { name: "层级", type: "integer", description: "缩进层级，0 为顶层" },
    { name: "行类型", type: "string", description: "item 项目行、heading 标题行、total 合计行" },
  ];
  const taken = new Set(fixed.map((f) => f.name));
  const valueFields: SchemaField[] = table.columns.map((column) =>
    column.kind === "amount"
      ? { name: uniqueName(`${column.label}（分）`, taken), type: "integer", title: column.label, description: FEN }
      : { name: uniqueName(column.label, taken), type: "string", title: column.label },
  );
  const counters = new Map<string, number>();
  const records = table.rows.map((row) => {
    const block = row.group ?? "";
    const index = (counters.get(block) ?? 0) + 1;
    counters.set(block, index);
    const values = table.columns.map((column, i) => {
      const value = row.values[i] ?? null;
      if (value === null) return null;
      if (column.kind === "amount") return typeof value === "number" ? value : null;
      return String(value);
    });
    return [table.number, table.instance ?? null, index, row.group ?? null, row.code ?? null, row.label, row.level, row.kind, ...values];
  });
  const empty = table.empty ? `本表为空表${table.emptyReason ? `：${table.emptyReason}` : ""}。` : "";
  return {
    name: tableResourceName(table),
    path: `data/${tableResourceName(table)}.csv`,
    title: `表${table.number}${table.instance ? `（${table.instance}）` : ""} ${table.title}`,
    description: `${empty}原表单位：${table.unit}；本文件金额一律以分为单位。`,
    fields: [...fixed, ...valueFields],
    records,
  };
}

function formFieldsResource(tables: readonly Table[]): CsvResource | undefined {
  const forms = tables.filter((t) => (t.fields ?? []).length > 0);
  if (forms.length === 0) return undefined;
  return {
    name: "form-fields",
    path: "data/form-fields.csv",
    title: "绩效目标表（表13–表15）的填列项",
    fields: [
      { name: "表号", type: "integer" },
      { name: "实例", type: "integer" },
      { name: "填列项", type: "string" },
      { name: "文字", type: "string" },
      { name: "金额（分）", type: "integer", description: FEN },
    ],
    records: forms.flatMap((t) =>
      (t.fields ?? []).map((f) => [t.number, t.instance ?? null, f.label, typeof f.value === "string" ? f.value : null, typeof f.value === "number" ? f.value : null]),
    ),
  };
}

function tocResource(disclosure: Disclosure): CsvResource {
  return {
    name: "toc",
    path: "data/toc.csv",
    title: "目录",
    fields: [
      { name: "表号", type: "integer" },
      { name: "报表名称", type: "string" },
      { name: "是否空表", type: "string" },
      { name: "公开空表理由", type: "string" },
    ],
    records: disclosure.toc.map((e) => [e.number, e.title, e.empty ? "是" : "否", e.emptyReason ?? null]),
  };
}

const LINE_ITEM_FIELDS: readonly SchemaField[] = [
  { name: "unit_code", type: "string", title: "单位编码" },
  { name: "unit_name", type: "string", title: "单位名称" },
  { name: "year", type: "integer", title: "预算年度" },
  { name: "budget_phase", type: "string", title: "预算阶段", description: "预算 或 决算" },
  { name: "function_class_code", type: "string", title: "支出功能分类 类 编码" },
  { name: "function_class_name", type: "string", title: "支出功能分类 类 名称" },
  { name: "function_subclass_code", type: "string", title: "支出功能分类 款 编码" },
  { name: "function_subclass_name", type: "string", title: "支出功能分类 款 名称" },
  { name: "function_code", type: "string", title: "支出功能分类 项 编码" },
  { name: "function_name", type: "string", title: "支出功能分类 项 名称" },
  { name: "dept_economic_class_code", type: "string", title: "部门预算支出经济分类 类 编码" },
  { name: "dept_economic_class_name", type: "string", title: "部门预算支出经济分类 类 名称" },
  { name: "dept_economic_code", type: "string", title: "部门预算支出经济分类 款 编码" },
  { name: "dept_economic_name", type: "string", title: "部门预算支出经济分类 款 名称" },
  { name: "gov_economic_class_code", type: "string", title: "政府预算支出经济分类 类 编码" },
  { name: "gov_economic_class_name", type: "string", title: "政府预算支出经济分类 类 名称" },
  { name: "gov_economic_code", type: "string", title: "政府预算支出经济分类 款 编码" },
  { name: "gov_economic_name", type: "string", title: "政府预算支出经济分类 款 名称" },
  { name: "fund_source", type: "string", title: "资金来源" },
  { name: "nature", type: "string", title: "支出性质", description: "人员经费、公用经费、专项业务经费 …" },
  { name: "project_id", type: "string", title: "项目 id" },
  { name: "project_name", type: "string", title: "项目名称" },
  { name: "amount", type: "integer", title: "金额（分）", description: FEN },
];

function lineItemsResource(doc: BudgetDocument, names: ClassificationNames | undefined, phase: string): CsvResource {
  const units = new Map([[doc.unit.code, doc.unit.name], ...doc.memberUnits.map((u) => [u.code, u.name] as const)]);
  const projects = new Map(doc.projects.map((p) => [p.id, p.name]));
  const name = (map: Readonly<Record<string, string>> | undefined, code: string, given?: string) => map?.[code] ?? given ?? null;
  const records = doc.expenditure.map((line) => {
    const unit = line.unit ?? doc.unit.code;
    const f = line.functionCode;
    const d = line.deptEconomicCode;
    const g = line.govEconomicCode;
    return [
      unit,
      units.get(unit) ?? null,
      doc.year,
      phase,
      f.slice(0, 3),
      name(names?.function, f.slice(0, 3)),
      f.slice(0, 5),
      name(names?.function, f.slice(0, 5)),
      f,
      name(names?.function, f, line.functionName),
      d.slice(0, 3),
      name(names?.deptEconomic, d.slice(0, 3)),
      d,
      name(names?.deptEconomic, d, line.deptEconomicName),
      g.slice(0, 3),
      name(names?.govEconomic, g.slice(0, 3)),
      g,
      name(names?.govEconomic, g, line.govEconomicName),
      line.fundSource,
      line.nature,
      line.project ?? null,
      line.project ? (projects.get(line.project) ?? null) : null,
      line.amount,
    ];
  });
  return {
    name: "line-items",
    path: "data/line-items.csv",
    title: "支出明细（预算数据的每一笔支出）",
    description: "每行一笔支出：三种分类的编码和名称（名称取自该年度的政府收支分类科目）、资金来源、支出性质、所属项目和金额（分）。",
    fields: LINE_ITEM_FIELDS,
    records,
  };
}

/** The fiscal model of line-items.csv: the measure with its currency and factor, and the dimensions. */
function fiscalModel(phase: string) {
  const attribute = (source: string, labelfor?: string) => ({ source, resource: "line-items", ...(labelfor ? { labelfor } : {}) });
  const classification = (prefix: string, levels: readonly string[], classificationType: "functional" | "economic") => {
    const attributes: Record<string, object> = {};
    levels.forEach((level, i) => {
      const code = `${prefix}${level}_code`;
      attributes[code] = { ...attribute(code), ...(i > 0 ? { parent: `${prefix}${levels[i - 1]}_code` } : {}) };
      attributes[`${prefix}${level}_name`] = attribute(`${prefix}${level}_name`, code);
    });
    return { attributes, primaryKey: `${prefix}${levels.at(-1)}_code`, dimensionType: "classification", classificationType };
  };
  return {
    measures: {
      amount: {
        source: "amount",
        resource: "line-items",
        currency: "CNY",
        factor: 0.01,
        direction: "expenditure",
        phase: phase === "决算" ? "executed" : "approved",
      },
    },
    dimensions: {
      fiscal_year: { attributes: { year: attribute("year") }, primaryKey: "year", dimensionType: "datetime" },
      budget_phase: { attributes: { budget_phase: attribute("budget_phase") }, primaryKey: "budget_phase", dimensionType: "other" },
      unit: {
        attributes: { unit_code: attribute("unit_code"), unit_name: attribute("unit_name", "unit_code") },
        primaryKey: "unit_code",
        dimensionType: "entity",
        classificationType: "administrative",
      },
      function: classification("function", ["_class", "_subclass", ""], "functional"),
      dept_economic: classification("dept_economic", ["_class", ""], "economic"),
      gov_economic: classification("gov_economic", ["_class", ""], "economic"),
      fund_source: { attributes: { fund_source: attribute("fund_source") }, primaryKey: "fund_source", dimensionType: "other" },
      nature: { attributes: { nature: attribute("nature") }, primaryKey: "nature", dimensionType: "other" },
      project: {
        attributes: { project_id: attribute("project_id"), project_name: attribute("project_name", "project_id") },
        primaryKey: "project_id",
        dimensionType: "activity",
      },
    },
  };
}

/** A package name: lower-case letters, digits and `-._/` only. */
function packageName(code: string | undefined, year: number | undefined, phase: string): string {
  const unit = (code ?? "unit").toLowerCase().replace(/[^-a-z0-9._]+/g, "-").replace(/^-+|-+$/g, "") || "unit";
  return `gongkai-${unit}-${year ?? "year"}-${phase === "决算" ? "final-accounts" : "budget"}`;
}

/** Every file of the package, the descriptor and the manifest included, in a stable order. */
export function renderDataPackage(input: DataPackageInput): PackageFile[] {
  const { disclosure, document, names, certificate } = input;
  const phase = disclosure.phase ?? "预算";
  const year = disclosure.year ?? document?.year;
  const resources: CsvResource[] = [
    ...(document ? [lineItemsResource(document, names, phase)] : []),
    tocResource(disclosure),
    ...disclosure.tables.map(tableResource),
    ...(formFieldsResource(disclosure.tables) ? [formFieldsResource(disclosure.tables)!] : []),
  ];
  const files: PackageFile[] = resources.map((r) => ({ path: r.path, data: csv(r) }));
  const dataOf = new Map(files.map((f) => [f.path, f.data]));
  if (certificate) files.push({ path: CERTIFICATE, data: `${JSON.stringify(certificate, null, 2)}\n` });

  const title = `${disclosure.unitName ?? ""}${year ? `${year}年` : ""}单位${phase}公开`;
  const descriptor = {
    profile: "tabular-data-package",
    name: packageName(document?.unit.code, year, phase),
    title,
    description:
      `${title}的开放数据：支出明细和全部公开报表，每张表一个 CSV。金额一律为整数，单位为分（分 × 0.01 = 元，币种 CNY）。` +
      `由 Gongkai 生成；校验证明见 ${CERTIFICATE}，各文件的 SHA-256 见 ${MANIFEST}。`,
    keywords: ["预算公开", "部门预算", "fiscal", "budget", "China"],
    countryCode: "CN",
    ...(document ? { granularity: "transactional" } : {}),
    ...(year ? { fiscalPeriod: { start: `${year}-01-01`, end: `${year}-12-31` } } : {}),
    ...(document ? { model: fiscalModel(phase) } : {}),
    resources: resources.map((r) => {
      const data = dataOf.get(r.path)!;
      return {
        profile: "tabular-data-resource",
        name: r.name,
        path: r.path,
        title: r.title,
        ...(r.description ? { description: r.description } : {}),
        format: "csv",
        mediatype: "text/csv",
        encoding: "utf-8",
        bytes: Buffer.byteLength(data, "utf8"),
        hash: `sha256:${sha256(data)}`,
        schema: { fields: r.fields, missingValues: [""] },
      };
    }),
    gongkai: {
      amounts: { unit: "fen", currency: "CNY", factor: 0.01 },
      budgetPhase: phase,
      ...(certificate ? { certificate: { path: CERTIFICATE, hash: `sha256:${sha256(files.find((f) => f.path === CERTIFICATE)!.data)}` } } : {}),
      manifest: MANIFEST,
    },
  };
  files.push({ path: DESCRIPTOR, data: `${JSON.stringify(descriptor, null, 2)}\n` });
  const manifest = [...files]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((f) => `${sha256(f.data)}  ${f.path}\n`)
    .join("");
  files.push({ path: MANIFEST, data: manifest });
  return files;
}
