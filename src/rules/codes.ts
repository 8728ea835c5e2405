/**
 * @fileoverview Shared by the catalog code rules (function-code-known, economic-code-known): the report
 * for a code that the catalog of the disclosure's year does not hold. It is an error when the catalog
 * claims to hold every code of that level (or the code fits no level), else a warning; when the code
 * had a name in another year of the catalog, the report says so.
 */
import { type Catalog, CLASSIFICATION_NAMES, type Classification, levelOfCode } from "../catalog/catalog.ts";
import type { Row, Table } from "../model/table.ts";
import type { Report } from "./rule.ts";
import { cellRef } from "./tables.ts";

/** Nothing when `code` is in this year's catalog; else `unknownCode`, or `codeOfOtherYear` with its other names. */
export function unknownCodeReport(
  table: Table,
  row: Row,
  column: string | undefined,
  classification: Classification,
  code: string,
  catalog: Catalog,
): Report | undefined {
  if (catalog.lookup(classification, code)) return undefined;
  const level = levelOfCode(classification, code);
  const severity = level === null || catalog.isComplete(classification, level) ? "error" : "warning";
  const data = { table: table.number, code, classification: CLASSIFICATION_NAMES[classification], year: catalog.year };
  const cells = [cellRef(table, row, column)];
  const names = catalog.namesInOtherYears(classification, code);
  if (names.length > 0) {
    return { messageId: "codeOfOtherYear", data: { ...data, names: names.map((n) => `“${n}”`).join("、") }, cells, severity, actual: code };
  }
  return { messageId: "unknownCode", data, cells, severity, actual: code };
}
