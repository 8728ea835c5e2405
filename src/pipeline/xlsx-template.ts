/**
 * The authoring workbook (填报模板) in the pipeline: the catalog lists the template writer needs (the
 * renderer sees only plain data), and import: read the workbook, run the schema and validateDocument on
 * what it says, and put every problem back on the sheet and cell it came from.
 */
import type { Catalog } from "../catalog/catalog.ts";
import { CatalogNotFoundError, loadCatalog } from "../catalog/load.ts";
import { type PathSegment, readTemplateWorkbook, type TemplateReadResult } from "../importers/xlsx-template/read-template.ts";
import type { BudgetDocument } from "../model/budget-document.ts";
import { economicMappingKind, UNIT_KINDS, type UnitKind } from "../model/vocabulary.ts";
import type { TemplateCatalogLists } from "../renderers/xlsx-template/write-template.ts";
import { parseBudgetDocument } from "./load-document.ts";
import { hasErrors, jsonPath, type Problem } from "./problem.ts";
import { validateDocument } from "./validate-document.ts";

/** The year's codes for the template's drop-downs; the 政府经济科目 offered fit `unitKind` when given. */
export function templateCatalogLists(catalog: Catalog, unitKind?: UnitKind): TemplateCatalogLists {
  const deptEconomic = catalog.entries("deptEconomic", "款");
  const mapping = UNIT_KINDS.flatMap((kind) =>
    deptEconomic.flatMap((d) => {
      const govCode = catalog.govEconomicFor(d.code, economicMappingKind(kind));
      return govCode === undefined ? [] : [{ unitKind: kind, deptCode: d.code, govCode, govName: catalog.lookup("govEconomic", govCode)?.name ?? "" }];
    }),
  );
  const allGov = catalog.entries("govEconomic", "款");
  const fitting = unitKind ? new Set(mapping.filter((m) => m.unitKind === unitKind).map((m) => m.govCode)) : undefined;
  const govEconomic = fitting && fitting.size > 0 ? allGov.filter((e) => fitting.has(e.code)) : allGov;
  const pick = (e: { code: string; name: string }) => ({ code: e.code, name: e.name });
  return {
    function: catalog.entries("function", "项").map(pick),
    deptEconomic: deptEconomic.map(pick),
    govEconomic: govEconomic.map(pick),
    mapping,
  };
}

export type TemplateImport =
  | { ok: true; doc: BudgetDocument; catalog: Catalog; warnings: Problem[] }
  | { ok: false; problems: Problem[] };

/** Fields of an expenditure line whose catalog checks stand on their own, even when another cell of the row is faulty. */
const CODE_FIELDS = new Set(["functionCode", "functionName", "deptEconomicCode", "deptEconomicName", "govEconomicCode", "govEconomicName"]);
/** Problems about the document as a whole, which a faulty cell anywhere may cause. */
const WHOLE_DOCUMENT = ["$.revenue", "$.fiscalCarryForward", "$.emptyTables"];

/** Reads a filled template into a valid BudgetDocument, or every problem, each at its sheet and cell. */
export async function importTemplate(source: string | Buffer, catalogRoot?: string): Promise<TemplateImport> {
  let read: TemplateReadResult;
  try {
    read = await readTemplateWorkbook(source);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const name = typeof source === "string" ? source : "工作簿";
    const message = code === "ENOENT" ? `找不到文件 ${name}` : `${name} 无法作为 Excel 工作簿（.xlsx）读取：${(error as Error).message}`;
    return { ok: false, problems: [{ severity: "error", path: name, message }] };
  }
  const problems: Problem[] = read.problems.map((p) => ({ severity: p.severity, path: p.location, message: p.message }));
  const locations = new Map(read.locations.map(([path, cell]) => [jsonPath(path), cell] as const));
  const placeholders = new Set(read.placeholders.map((p) => jsonPath(p)));
  /** Objects (a line, a project, an indicator …) with a placeholder in one of their own fields. */
  const tainted = new Set(read.placeholders.filter((p) => p.length > 1).map((p) => jsonPath(p.slice(0, -1))));
  const locate = (path: string): string => {
    for (let p = path; p.length > 1; p = parentPath(p)) {
      const cell = locations.get(p);
      if (cell !== undefined) return cell;
    }
    return path;
  };
  /** Whether a problem of the schema or of validateDocument may come from a placeholder, not from the workbook. */
  const fromPlaceholder = (path: string): boolean => {
    if (placeholders.has(path)) return true;
    if (placeholders.size > 0 && WHOLE_DOCUMENT.some((w) => path === w || path.startsWith(`${w}[`) || path.startsWith(`${w}.`))) return true;
    const row = parentPath(path);
    if (row !== "$" && tainted.has(row)) {
      const field = path.slice(row.length + 1);
      if (!CODE_FIELDS.has(field)) return true;
      if (field.startsWith("govEconomic") && placeholders.has(`${row}.deptEconomicCode`)) return true;
      if (field === "deptEconomicCode" && placeholders.has(`${row}.nature`)) return true;
    }
    if (placeholders.has("$.unit.kind") && path.endsWith(".govEconomicCode")) return true;
    return false;
  };
  const relocate = (list: readonly Problem[]) => {
    const seen = new Set<string>();
    return list
      .filter((p) => !fromPlaceholder(p.path))
      .map((p) => ({ ...p, path: locate(p.path) }))
      .filter((p) => {
        const key = `${p.severity}|${p.path}|${p.message}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
  };

  const parsed = parseBudgetDocument(read.value);
  if (!parsed.ok) {
    problems.push(...relocate(parsed.problems));
    return { ok: false, problems: withFallback(problems) };
  }
  if (read.year === undefined || placeholders.has("$.year")) return { ok: false, problems: withFallback(problems) };
  let catalog: Catalog;
  try {
    catalog = loadCatalog(read.year, catalogRoot);
  } catch (error) {
    if (!(error instanceof CatalogNotFoundError)) throw error;
    problems.push({ severity: "error", path: locate("$.year"), message: error.message });
    return { ok: false, problems };
  }
  problems.push(...relocate(validateDocument(parsed.doc, catalog)));
  if (hasErrors(problems)) return { ok: false, problems: withNote(problems, placeholders.size > 0) };
  return { ok: true, doc: parsed.doc, catalog, warnings: problems };
}

function parentPath(path: string): string {
  const m = /^(.*?)(\.[A-Za-z_$][\w$]*|\[[^\]]*\])$/.exec(path);
  return m ? m[1]! || "$" : "$";
}

const withFallback = (problems: Problem[]) =>
  problems.length > 0 ? problems : [{ severity: "error" as const, path: "工作簿", message: "无法读取模板" }];

function withNote(problems: Problem[], deferred: boolean): Problem[] {
  if (!deferred) return problems;
  return [
    ...problems,
    { severity: "warning", path: "校验", message: "收支平衡与空表理由的检查要在上面的单元格改正后才能进行" },
  ];
}

export type { PathSegment };
