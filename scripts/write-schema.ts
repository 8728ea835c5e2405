// Writes the committed JSON Schemas from their zod schemas; a test fails when a committed file is stale.
import { writeFileSync } from "node:fs";
import { checkReportJsonSchema } from "../src/model/check-report.ts";
import { budgetDocumentJsonSchema } from "../src/model/json-schema.ts";

const SCHEMAS: [string, () => Record<string, unknown>][] = [
  ["schema/budget-document.schema.json", budgetDocumentJsonSchema],
  ["schema/check-report.schema.json", checkReportJsonSchema],
];
for (const [path, make] of SCHEMAS) {
  writeFileSync(path, `${JSON.stringify(make(), null, 2)}\n`);
  console.log(`已写入 ${path}`);
}
