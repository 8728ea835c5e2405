/**
 * The rule catalogue checks itself, after ESLint's checkRuleFiles: every rule file under
 * src/rules/<family>/ is registered, tested and documented; ids are unique kebab-case file names; the
 * registry is sorted; descriptions are Chinese without a final 。; every messageId a rule's source
 * reports is defined in its meta.
 */
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { CATEGORIES } from "../model/finding.ts";
import { RULES } from "./index.ts";

const RULES_DIR = fileURLToPath(new URL(".", import.meta.url));
const DOCS_DIR = fileURLToPath(new URL("../../docs/rules/", import.meta.url));

/** Rule files: `<family>/<id>.ts` that are not tests. */
function ruleFiles(): { family: string; id: string; path: string }[] {
  return CATEGORIES.filter((family) => existsSync(join(RULES_DIR, family))).flatMap((family) =>
    readdirSync(join(RULES_DIR, family))
      .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
      .map((f) => ({ family, id: f.slice(0, -3), path: join(RULES_DIR, family, f) })),
  );
}

describe("rule catalogue", () => {
  const ids = RULES.map((r) => r.meta.id);

  it("registry is sorted and ids are unique", () => {
    assert.deepEqual(ids, [...ids].sort());
    assert.equal(new Set(ids).size, ids.length);
  });

  it("every rule file is registered under its family, with an id equal to its file name", () => {
    const files = ruleFiles();
    assert.deepEqual(files.map((f) => f.id).sort(), [...ids].sort());
    for (const file of files) {
      const rule = RULES.find((r) => r.meta.id === file.id)!;
      assert.equal(rule.meta.category, file.family, `${file.id} 的 category`);
      assert.match(file.id, /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
    }
  });

  for (const file of ruleFiles()) {
    describe(file.id, () => {
      const rule = RULES.find((r) => r.meta.id === file.id);
      it("has a test file", () => assert.ok(existsSync(file.path.replace(/\.ts$/, ".test.ts"))));
      it("has a doc with 规则详情 and both examples", () => {
        const doc = join(DOCS_DIR, `${file.id}.md`);
        assert.ok(existsSync(doc), `缺少 docs/rules/${file.id}.md`);
        const text = readFileSync(doc, "utf8");
        for (const heading of ["规则详情", "错误示例", "正确示例"]) assert.match(text, new RegExp(`^#+ ${heading}`, "m"), heading);
      });
      it("has a Chinese description without a final 。", () => {
        assert.ok(rule);
        assert.match(rule.meta.description, /\p{Script=Han}/u);
        assert.doesNotMatch(rule.meta.description, /[。.]$/);
      });
      it("defines every messageId it reports, and uses every one it defines", () => {
        assert.ok(rule);
        // Reports may be made by shared helpers the rule imports (../names.ts): their source counts too.
        const own = readFileSync(file.path, "utf8");
        const helpers = [...own.matchAll(/from "\.\.\/(\w[\w-]*)\.ts"/g)].map((m) => readFileSync(join(dirname(file.path), "..", `${m[1]}.ts`), "utf8"));
        const source = [own, ...helpers].join("\n");
        const used = new Set([...source.matchAll(/messageId: "(\w+)"/g)].map((m) => m[1]!));
        const defined = Object.keys(rule.meta.messages);
        for (const id of used) assert.ok(defined.includes(id), `未定义的 messageId ${id}`);
        for (const id of defined) assert.ok(used.has(id), `未使用的 messageId ${id}`);
        for (const template of Object.values(rule.meta.messages)) assert.match(template, /\p{Script=Han}/u);
      });
    });
  }
});
