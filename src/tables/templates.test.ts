import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { loadCatalog } from "../catalog/load.ts";
import type { BlocksTemplate } from "./blocks.ts";
import table01 from "./templates/table-01.json" with { type: "json" };
import table04 from "./templates/table-04.json" with { type: "json" };
import table09 from "./templates/table-09.json" with { type: "json" };

// The templates print class names; a misspelt one (the seed's 住房保险支出) would be published on every table.
describe("table templates", () => {
  const catalog = loadCatalog(2023);
  for (const template of [table01, table04, table09] as BlocksTemplate[]) {
    it(`表${template.number}: every coded row's label is the catalog's name for its code`, () => {
      for (const block of template.blocks) {
        for (const row of block.rows.filter((r) => r.code)) {
          const classification = row.lines?.function ? "function" : "govEconomic";
          const name = catalog.lookup(classification, row.code!)?.name;
          assert.ok(name, `${row.code} unknown`);
          assert.equal(row.label.replace(/^[\d一二三四五六七八九十]+、/, ""), name, `表${template.number} ${row.code}`);
        }
      }
    });
  }

  it("表1 lists all 24 function classes of the template", () => {
    const block = (table01 as BlocksTemplate).blocks[1]!;
    assert.equal(block.rows.filter((r) => r.code).length, 24);
  });
});
