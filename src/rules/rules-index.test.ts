import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { it } from "node:test";
import { RULES } from "./index.ts";
import { rulesIndexMarkdown } from "./rules-index.ts";

it("docs/rules/README.md is the index generated from the rules' meta (run `npm run docs`)", () => {
  const page = rulesIndexMarkdown(RULES);
  assert.equal(readFileSync("docs/rules/README.md", "utf8"), page);
  for (const rule of RULES) assert.ok(page.includes(`[${rule.meta.id}](${rule.meta.id}.md)`));
});
