// Lint: TypeScript rules, plus the layer direction of DESIGN.md as errors: a layer may import only
// the layers below it (model ← catalog ← tables ← narrative ← rules …; see LAYERS).
import js from "@eslint/js";
import importX from "eslint-plugin-import-x";
import tseslint from "typescript-eslint";

/** Each layer and the layers it may import (besides itself). */
const LAYERS = {
  model: [],
  catalog: ["model"],
  tables: ["model", "catalog"],
  narrative: ["model", "catalog", "tables"],
  rules: ["model", "catalog", "narrative"],
  importers: ["model", "catalog"],
  renderers: ["model"],
  store: ["model"],
  workflow: ["model"],
  pipeline: ["model", "catalog", "tables", "narrative", "rules", "importers", "renderers", "store"],
  app: ["model", "catalog", "tables", "narrative", "rules", "importers", "renderers", "store", "workflow", "pipeline"],
  server: ["model", "catalog", "tables", "narrative", "rules", "importers", "renderers", "store", "workflow", "pipeline", "app"],
  cli: ["model", "catalog", "tables", "narrative", "rules", "importers", "renderers", "store", "workflow", "pipeline", "app", "server"],
};

const zones = Object.entries(LAYERS).flatMap(([layer, allowed]) =>
  Object.keys(LAYERS)
    .filter((other) => other !== layer && !allowed.includes(other))
    .map((other) => ({
      target: `./src/${layer}`,
      from: `./src/${other}`,
      message: `分层约束：src/${layer} 不能依赖 src/${other}（见 DESIGN.md 的分层表）`,
    })),
);

export default tseslint.config(
  { ignores: ["node_modules/", "out/", "coverage/", ".scratch/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts"],
    plugins: { "import-x": importX },
    settings: { "import-x/extensions": [".ts", ".js"] },
    rules: {
      "import-x/no-restricted-paths": ["error", { zones }],
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-syntax": [
        "error",
        { selector: "CallExpression[callee.name='parseFloat']", message: "金额不用浮点数：用 src/model/money.ts 的 parseYuan" },
      ],
    },
  },
  {
    // Tests poke at parsed JSON freely.
    files: ["**/*.test.ts", "test/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    // The app's own browser script: plain JavaScript, run by the browser.
    files: ["src/server/static/**/*.js", "src/server/portal/static/**/*.js"],
    languageOptions: {
      sourceType: "script",
      globals: Object.fromEntries(
        ["window", "document", "fetch", "FormData", "URLSearchParams", "HTMLElement", "Element", "setTimeout", "clearTimeout", "console"].map((g) => [g, "readonly"]),
      ),
    },
  },
  {
    files: ["bin/**/*.js", "scripts/**/*.js", "eslint.config.js"],
    languageOptions: { globals: { process: "readonly", console: "readonly" } },
  },
);
