/**
 * Turns the cells of one sheet of an official catalog workbook (政府收支分类科目) into catalog rows.
 * Pure: the workbook is read in `import-catalog.ts`. Understands the usual layouts:
 *  - one code column with full codes (201, 20101, 2010101): the level follows the code's length;
 *  - separate 类 / 款 / 项 columns holding each part (201 | 01 | 01);
 *  - one code column with short codes (201, 01, 01) where the name's indentation gives the level.
 */
import type { CatalogRow, Classification, Level } from "../../catalog/catalog.ts";

export interface SheetCell {
  readonly text: string;
  /** Indentation of the cell (alignment indent, or leading spaces), in steps. */
  readonly indent: number;
}

export interface SheetProblem {
  readonly row: number;
  readonly message: string;
}

const CODE_HEADER = /^(科目)?(编码|代码)$/;
const NAME_HEADER = /^(科目)?名称$/;
const PART_HEADERS: Record<string, Level> = { 类: "类", 款: "款", 项: "项" };
const LEVELS: readonly Level[] = ["类", "款", "项"];

function clean(text: string): string {
  return text.replace(/[\s\u3000]+/g, "");
}

/** The level of a full code by its length: 3 类, 5 款, 7 项. */
function levelByLength(code: string, classification: Classification): Level | null {
  if (code.length === 3) return "类";
  if (code.length === 5) return "款";
  if (code.length === 7 && classification === "function") return "项";
  return null;
}

export function parseCatalogSheet(
  cells: readonly (readonly SheetCell[])[],
  classification: Classification,
  year: number,
  source: string,
): { rows: CatalogRow[]; problems: SheetProblem[] } {
  const problems: SheetProblem[] = [];
  const headerIndex = cells.findIndex((row) => row.some((c) => NAME_HEADER.test(clean(c.text))));
  if (headerIndex < 0) {
    return { rows: [], problems: [{ row: 1, message: "找不到表头：需要“科目名称”（或“名称”）列，以及“科目编码”列或“类/款/项”列" }] };
  }
  const header = cells[headerIndex]!.map((c) => clean(c.text));
  const nameCol = header.findIndex((h) => NAME_HEADER.test(h));
  const codeCol = header.findIndex((h) => CODE_HEADER.test(h));
  const partCols = LEVELS.map((level) => header.findIndex((h) => PART_HEADERS[h] === level));
  if (codeCol < 0 && partCols[0]! < 0) {
    return { rows: [], problems: [{ row: headerIndex + 1, message: "找不到“科目编码”列，也找不到“类/款/项”列" }] };
  }

  const rows: CatalogRow[] = [];
  const seen = new Set<string>();
  const parents: string[] = [];
  for (let r = headerIndex + 1; r < cells.length; r += 1) {
    const line = cells[r]!;
    const name = clean(line[nameCol]?.text ?? "");
    const rowNumber = r + 1;
    let code = "";
    let level: Level | null = null;
    if (codeCol >= 0) {
      const raw = clean(line[codeCol]?.text ?? "");
      if (!raw && !name) continue;
      if (!/^\d+$/.test(raw)) {
        if (raw || name) problems.push({ row: rowNumber, message: `科目编码“${raw}”不是数字` });
        continue;
      }
      level = levelByLength(raw, classification);
      if (level) {
        code = raw;
      } else if (raw.length === 2) {
        // A short code: its level comes from the indentation of the name (or of the code).
        const indent = Math.max(line[nameCol]?.indent ?? 0, line[codeCol]?.indent ?? 0);
        const depth = Math.min(Math.max(indent, 1), 2);
        const parent = parents[depth - 1];
        if (!parent) {
          problems.push({ row: rowNumber, message: `两位编码“${raw}”前没有上级科目` });
          continue;
        }
        code = parent + raw;
        level = LEVELS[depth]!;
      } else {
        problems.push({ row: rowNumber, message: `科目编码“${raw}”的位数不对（应为 3、5${classification === "function" ? " 或 7" : ""} 位）` });
        continue;
      }
    } else {
      const parts = partCols.map((c) => (c >= 0 ? clean(line[c]?.text ?? "") : ""));
      const deepest = parts.reduce((acc, p, i) => (p ? i : acc), -1);
      if (deepest < 0) {
        if (name) problems.push({ row: rowNumber, message: `“${name}”没有类/款/项编码` });
        continue;
      }
      const prefix = deepest === 0 ? "" : parts[0] || parents[0] || "";
      const middle = deepest === 2 ? parts[1] || (parents[1] ?? "").slice(3) : "";
      code = deepest === 0 ? parts[0]! : deepest === 1 ? `${prefix}${parts[1]}` : `${prefix}${middle}${parts[2]}`;
      level = levelByLength(code, classification);
      if (!level || !/^\d+$/.test(code)) {
        problems.push({ row: rowNumber, message: `无法由类/款/项列拼出有效编码（得到“${code}”）` });
        continue;
      }
    }
    if (!name) {
      problems.push({ row: rowNumber, message: `科目 ${code} 没有名称` });
      continue;
    }
    if (seen.has(code)) {
      problems.push({ row: rowNumber, message: `科目 ${code} 重复出现` });
      continue;
    }
    const depth = LEVELS.indexOf(level);
    if (depth > 0 && !seen.has(code.slice(0, depth === 1 ? 3 : 5))) {
      problems.push({ row: rowNumber, message: `科目 ${code} 的上级科目 ${code.slice(0, depth === 1 ? 3 : 5)} 不在表中` });
    }
    seen.add(code);
    parents[depth] = code;
    parents.length = depth + 1;
    rows.push({ code, name, level, from: year, to: year, source });
  }
  return { rows, problems };
}

/** Which classification a sheet holds, by its name (or null when the name does not say). */
export function classificationOfSheet(sheetName: string): Classification | null {
  const name = clean(sheetName);
  if (/功能/.test(name)) return "function";
  if (/部门.*经济|经济.*部门/.test(name)) return "deptEconomic";
  if (/政府.*经济|经济.*政府/.test(name)) return "govEconomic";
  return null;
}
