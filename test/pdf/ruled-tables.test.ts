/**
 * Tables read from their drawn cell borders (src/importers/published-pdf/ruled-tables.ts), on hand-made
 * grids: a merged header cell, a label wrapped in its cell, a blank cell, a figure too wide for its
 * column, two figures pdf.js gives as one piece, and a row broken over a page.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { continuedRow, type Rule, ruledTables, type TextPiece } from "../../src/importers/published-pdf/ruled-tables.ts";

/** The rules of a grid with column edges `xs` and row edges `ys` (top down), less those in `gaps`. */
function grid(xs: number[], ys: number[], gaps: { horizontal: boolean; at: number; from: number; to: number }[] = []): Rule[] {
  const rules: Rule[] = [];
  for (const y of ys) rules.push({ horizontal: true, at: y, from: xs[0]!, to: xs[xs.length - 1]! });
  for (const x of xs) rules.push({ horizontal: false, at: x, from: ys[ys.length - 1]!, to: ys[0]! });
  // A gap is cut out of the rule it lies on (a merged cell has no rule inside it).
  return rules.flatMap((r) => {
    const gap = gaps.find((g) => g.horizontal === r.horizontal && g.at === r.at);
    if (!gap) return [r];
    return [{ ...r, to: gap.from }, { ...r, from: gap.to }].filter((p) => p.to - p.from > 3);
  });
}

const piece = (text: string, x: number, y: number, size = 10): TextPiece => ({ text, x, y, width: [...text].length * size * (/^[0-9,.]+$/.test(text) ? 0.55 : 1), size });

describe("ruledTables", () => {
  it("reads each cell's text from its box: a merged header cell once, a wrapped label whole, a blank cell blank", () => {
    // Columns 0–60–160–220–280; rows 100–80–60–40 (top down). The header cell 金额 spans columns 2–3.
    const rules = grid([0, 60, 160, 220, 280], [100, 80, 60, 30], [{ horizontal: false, at: 220, from: 80, to: 100 }]);
    const pieces = [
      piece("编码", 5, 86),
      piece("名称", 65, 86),
      piece("金额", 200, 86),
      piece("201", 5, 66),
      piece("一般公共服务", 65, 66),
      piece("100.00", 180, 66),
      piece("20101", 5, 42),
      piece("人大事务的其他", 65, 48),
      piece("支出", 65, 36),
      piece("50.00", 230, 42),
    ];
    const { rows, used } = ruledTables(pieces, rules);
    assert.deepEqual(
      rows.map((r) => r.text.split("\t")),
      [
        ["编码", "名称", "金额", ""],
        ["201", "一般公共服务", "100.00", ""],
        ["20101", "人大事务的其他支出", "", "50.00"],
      ],
    );
    assert.equal(used.size, pieces.length);
  });

  it("puts a figure wider than its column in the cell it is right-aligned in, and splits two figures given as one piece", () => {
    const rules = grid([0, 60, 100, 140], [50, 30]);
    // 1,234,567.00 runs left over the rule at 60 but ends at the right edge of the middle column;
    // "5.00 6.00" is one piece over the rule at 100.
    const wide: TextPiece = { text: "1,234,567.00", x: 30, y: 36, width: 66, size: 10 };
    const joined: TextPiece = { text: "5.00 6.00", x: 75, y: 36, width: 62, size: 10 };
    assert.deepEqual(ruledTables([wide], rules).rows.map((r) => r.text), ["\t1,234,567.00\t"]);
    assert.deepEqual(ruledTables([joined], rules).rows.map((r) => r.text), ["\t5.00\t6.00"]);
  });

  it("leaves text outside every grid, and a box around one paragraph, to the line reader", () => {
    const box = grid([0, 200], [100, 50]);
    const { rows, used } = ruledTables([piece("一段文字", 10, 70), piece("表外", 10, 120)], box);
    assert.deepEqual(rows, []);
    assert.equal(used.size, 0);
  });
});

describe("continuedRow", () => {
  const rules = grid([0, 60, 160], [100, 80]);
  const [last] = ruledTables([piece("30108", 5, 86), piece("机关事业单位基本养", 65, 86)], rules).rows;
  it("joins a row broken over a page: the cells above were full, the cells below continue them", () => {
    // The label fills its cell (nine characters of ten points in a column 100 wide, with padding).
    const [next] = ruledTables([piece("老保险缴费", 65, 86)], rules).rows;
    assert.equal(continuedRow(last!, next!)?.text, "30108\t机关事业单位基本养老保险缴费");
  });
  it("does not join a new row: one with a code, or under a cell that was not full", () => {
    const [coded] = ruledTables([piece("30202", 5, 86), piece("印刷费", 65, 86)], rules).rows;
    assert.equal(continuedRow(last!, coded!), undefined);
    const [short] = ruledTables([piece("30201", 5, 86), piece("办公费", 65, 86)], rules).rows;
    const [next] = ruledTables([piece("其他", 65, 86)], rules).rows;
    assert.equal(continuedRow(short!, next!), undefined);
  });
});
