/**
 * Reads catalog data files: the built-in compilation in `data/`, and catalogs a deployment imported
 * for a year (`gongkai catalog import`), which take precedence for that year.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import type { EconomicMappingKind } from "../model/vocabulary.ts";
import {
  CLASSIFICATIONS,
  Catalog,
  type CatalogData,
  type CatalogRow,
  type Classification,
  type Completeness,
  type Level,
  type MappingRow,
} from "./catalog.ts";

export const BUILTIN_DATA_DIR = fileURLToPath(new URL("./data/", import.meta.url));

export const FILE_NAMES: Record<Classification, string> = {
  function: "function.csv",
  deptEconomic: "dept-economic.csv",
  govEconomic: "gov-economic.csv",
};
export const MAPPING_FILE = "econ-mapping.csv";
export const MANIFEST_FILE = "catalog.json";

export interface Manifest {
  readonly name: string;
  readonly builtin?: boolean;
  readonly years: readonly [number, number];
  readonly complete: Completeness;
}

/** Where imported catalogs live: `$GONGKAI_CATALOG_DIR`, else `~/.gongkai/catalogs`. */
export function importedCatalogRoot(): string {
  return process.env.GONGKAI_CATALOG_DIR ?? join(homedir(), ".gongkai", "catalogs");
}

export class CatalogNotFoundError extends Error {}

function readCsv(path: string): Record<string, string>[] {
  return parse(readFileSync(path, "utf8"), { columns: true, skip_empty_lines: true, trim: true, bom: true });
}

const yearOrNull = (s: string | undefined) => (s ? Number(s) : null);

export function readCatalogRows(path: string): CatalogRow[] {
  return readCsv(path).map((r) => ({
    code: r.code!,
    name: r.name!,
    level: r.level as Level,
    from: Number(r.from),
    to: yearOrNull(r.to),
    source: r.source ?? "",
  }));
}

export function readMappingRows(path: string): MappingRow[] {
  return readCsv(path).map((r) => ({
    deptCode: r.dept_code!,
    unitKind: r.unit_kind as EconomicMappingKind,
    govCode: r.gov_code!,
    from: Number(r.from),
    to: yearOrNull(r.to),
    source: r.source ?? "",
  }));
}

export function readManifest(dir: string): Manifest {
  return JSON.parse(readFileSync(join(dir, MANIFEST_FILE), "utf8")) as Manifest;
}

let builtinCache: { manifest: Manifest; data: CatalogData } | undefined;

function builtin(): { manifest: Manifest; data: CatalogData } {
  if (!builtinCache) {
    const manifest = readManifest(BUILTIN_DATA_DIR);
    const rows = {} as Record<Classification, CatalogRow[]>;
    for (const c of CLASSIFICATIONS) rows[c] = readCatalogRows(join(BUILTIN_DATA_DIR, FILE_NAMES[c]));
    builtinCache = {
      manifest,
      data: {
        name: manifest.name,
        rows,
        mapping: readMappingRows(join(BUILTIN_DATA_DIR, MAPPING_FILE)),
        complete: manifest.complete,
      },
    };
  }
  return builtinCache;
}

/**
 * The catalog for a budget year. An imported catalog for that year replaces the built-in rows of each
 * classification it holds; the rest (and the 对照表) come from the built-in compilation.
 * Throws CatalogNotFoundError when neither covers the year.
 */
/**
 * Catalogs already built, by year and source: a Catalog memoises its lookups, so reusing one saves the
 * server rebuilding them on every request. An imported catalog is keyed by its manifest's mtime, so a
 * new import is seen at once.
 */
const LOADED = new Map<string, Catalog>();

export function loadCatalog(year: number, root: string = importedCatalogRoot()): Catalog {
  const manifestPath = join(root, String(year), MANIFEST_FILE);
  const key = `${root}|${year}|${existsSync(manifestPath) ? statSync(manifestPath).mtimeMs : "builtin"}`;
  const loaded = LOADED.get(key);
  if (loaded) return loaded;
  const catalog = readCatalog(year, root);
  if (LOADED.size > 64) LOADED.clear();
  LOADED.set(key, catalog);
  return catalog;
}

function readCatalog(year: number, root: string): Catalog {
  const base = builtin();
  const importedDir = join(root, String(year));
  if (existsSync(join(importedDir, MANIFEST_FILE))) {
    const manifest = readManifest(importedDir);
    const rows = { ...base.data.rows };
    const complete = { ...base.data.complete };
    for (const c of CLASSIFICATIONS) {
      const file = join(importedDir, FILE_NAMES[c]);
      if (existsSync(file)) {
        rows[c] = readCatalogRows(file);
        complete[c] = manifest.complete[c] ?? {};
      }
    }
    const mappingFile = join(importedDir, MAPPING_FILE);
    const mapping = existsSync(mappingFile) ? readMappingRows(mappingFile) : base.data.mapping;
    return new Catalog({ name: manifest.name, rows, mapping, complete }, year);
  }
  const [first, last] = base.manifest.years;
  if (year < first || year > last) {
    throw new CatalogNotFoundError(
      `没有 ${year} 年的科目目录：内置目录覆盖 ${first}–${last} 年；可用 “gongkai catalog import 文件.xlsx --year ${year}” 导入财政部当年的目录`,
    );
  }
  return new Catalog(base.data, year);
}
