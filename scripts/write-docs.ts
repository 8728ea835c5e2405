// Writes docs generated from code: the rules index page.
import { writeFileSync } from "node:fs";
import { RULES } from "../src/rules/index.ts";
import { rulesIndexMarkdown } from "../src/rules/rules-index.ts";

writeFileSync("docs/rules/README.md", rulesIndexMarkdown(RULES));
console.log("已写入 docs/rules/README.md");
