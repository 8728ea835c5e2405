// Writes schema/budget-document.schema.json from the zod schema; a test fails when the committed file is stale.
import { writeFileSync } from "node:fs";
import { budgetDocumentJsonSchema } from "../src/model/json-schema.ts";

writeFileSync("schema/budget-document.schema.json", `${JSON.stringify(budgetDocumentJsonSchema(), null, 2)}\n`);
console.log("已写入 schema/budget-document.schema.json");
