/**
 * Synthetic published units for the portal: `count` units of one year, spread over departments and
 * regions, each document from `syntheticBudgetDocument` with its own code and name, ready for
 * `bulkPublish` (src/app/bulk-publish.ts). Deterministic: the same count and options give the same units.
 *
 * ```ts
 * await bulkPublish(ctx, syntheticUnits(100));
 * ```
 */
import { loadCatalog } from "../../src/catalog/load.ts";
import type { BulkUnit } from "../../src/app/bulk-publish.ts";
import { syntheticBudgetDocument } from "./arbitrary-budget.ts";

export interface SyntheticUnitsOptions {
  readonly year?: number;
  /** Units per 主管部门 (default 100). */
  readonly perDepartment?: number;
  /** Region names, departments taking them in turn (default three districts of 基准市). */
  readonly regions?: readonly string[];
  /** The first unit's number (default 0): unit n has code `9` + n in five digits. */
  readonly first?: number;
}

export const SYNTHETIC_REGIONS = ["基准市甲区", "基准市乙区", "基准市丙县"] as const;

/** Unit n's code: `9` and n in five digits (`900000`, `900001` …). */
export const syntheticUnitCode = (n: number) => `9${String(n).padStart(5, "0")}`;

export function* syntheticUnits(count: number, options: SyntheticUnitsOptions = {}): Generator<BulkUnit> {
  const year = options.year ?? 2023;
  const perDepartment = options.perDepartment ?? 100;
  const regions = options.regions ?? SYNTHETIC_REGIONS;
  const catalog = loadCatalog(year);
  const first = options.first ?? 0;
  for (let n = first; n < first + count; n++) {
    const d = Math.floor(n / perDepartment);
    const department = { code: `D${String(d).padStart(3, "0")}`, name: `基准部门${d + 1}`, region: regions[d % regions.length]! };
    const base = syntheticBudgetDocument(n + 1, catalog);
    yield { department, document: { ...base, year, unit: { ...base.unit, code: syntheticUnitCode(n), name: `基准单位${n + 1}`, department: department.name } } };
  }
}
