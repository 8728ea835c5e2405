#!/usr/bin/env node
// Node 20's `--test` does not expand globs, so collect the test files here and hand them over.
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const roots = process.argv.slice(2).length ? process.argv.slice(2) : ["src", "test"];
const files = [];
function walk(path) {
  if (statSync(path).isDirectory()) {
    for (const name of readdirSync(path).sort()) if (name !== "node_modules") walk(join(path, name));
  } else if (path.endsWith(".test.ts")) files.push(path);
}
for (const root of roots) walk(root);
if (files.length === 0) {
  console.error("没有找到测试文件");
  process.exit(1);
}
const result = spawnSync(process.execPath, ["--import", "tsx", "--test", "--test-concurrency=2", ...files], {
  stdio: "inherit",
});
process.exit(result.status ?? 1);
