import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ESLint } from "eslint";

// The lint configuration is what enforces DESIGN.md's layer direction; these cases prove it does.
const eslint = new ESLint({ cwd: process.cwd() });

async function layerErrors(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: file });
  return result!.messages.filter((m) => m.ruleId === "import-x/no-restricted-paths").map((m) => m.message);
}

describe("layer direction", () => {
  it("refuses a lower layer importing a higher one", async () => {
    const errors = await layerErrors("src/model/example.ts", 'import { buildTables } from "../tables/index.ts";\nexport const x = buildTables;\n');
    assert.equal(errors.length, 1);
    assert.match(errors[0]!, /src\/model 不能依赖 src\/tables/);
  });

  it("refuses renderers importing the catalog (renderers know only the model)", async () => {
    const errors = await layerErrors("src/renderers/example.ts", 'import { Catalog } from "../catalog/catalog.ts";\nexport const x = Catalog;\n');
    assert.equal(errors.length, 1);
  });

  it("allows a higher layer importing a lower one", async () => {
    const errors = await layerErrors("src/tables/example.ts", 'import { fen } from "../model/money.ts";\nexport const x = fen;\n');
    assert.deepEqual(errors, []);
  });
});
