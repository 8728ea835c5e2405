/**
 * The data package (`gongkai render --format datapackage --out DIR`): the descriptor validates with
 * datapackage-js (the npm package datapackage@1.1.10, a dev dependency) against the Tabular Data
 * Package profile it declares and against the package's own Fiscal Data Package profile
 * (node_modules/datapackage/lib/profiles/fiscal-data-package.json); every resource's rows cast to its
 * schema; the SHA-256 manifest matches the files; CSV text cells that a spreadsheet would run as a
 * formula are escaped; amounts are integer fen that add up to the tables' totals.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, it } from "node:test";
import { parse } from "csv-parse/sync";
import type { Disclosure } from "../../src/model/disclosure.ts";
import { certify } from "../../src/pipeline/certificate.ts";
import { prepareDocument } from "../../src/pipeline/prepare.ts";
import { classificationNames } from "../../src/pipeline/publish.ts";
import { buildDisclosure } from "../../src/pipeline/build-disclosure.ts";
import { renderDataPackage } from "../../src/renderers/data-package/render-data-package.ts";
import { runCli } from "../cli/run-cli.ts";

const require = createRequire(import.meta.url);
// datapackage-js is CommonJS without types.
const datapackage = require("datapackage") as {
  Package: { load(descriptor: object, options: { basePath: string }): Promise<{ valid: boolean; errors: Error[]; resources: { name: string; read(o: object): Promise<unknown[]> }[] }> };
  Profile: { load(profile: object): Promise<{ validate(descriptor: object): { valid: boolean; errors: Error[] } }> };
};
const FISCAL_PROFILE = require.resolve("datapackage/lib/profiles/fiscal-data-package.json");

const EXAMPLE = "examples/hanzhong-zwfwzx-2023.budget.json";

async function renderedPackage(): Promise<string> {
  const dir = join(mkdtempSync(join(tmpdir(), "gongkai-dp-")), "数据包");
  const result = await runCli("render", EXAMPLE, "--format", "datapackage", "--out", dir);
  assert.equal(result.code, 0, result.err);
  return dir;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const csvRecords = (path: string) => parse(readFileSync(path, "utf8"), { columns: true }) as Record<string, string>[];

describe("data package", async () => {
  const dir = await renderedPackage();
  const descriptor = JSON.parse(readFileSync(join(dir, "datapackage.json"), "utf8"));

  it("validates with datapackage-js against the profile it declares, and its rows cast to their schemas", async () => {
    const pkg = await datapackage.Package.load(descriptor, { basePath: dir });
    assert.deepEqual(pkg.errors.map((e) => e.message), []);
    assert.equal(pkg.valid, true);
    for (const resource of pkg.resources) {
      const rows = await resource.read({ cast: true });
      assert.ok(Array.isArray(rows), resource.name);
    }
  });

  it("validates against datapackage-js's Fiscal Data Package profile", async () => {
    const profile = await datapackage.Profile.load(JSON.parse(readFileSync(FISCAL_PROFILE, "utf8")));
    const result = profile.validate(descriptor);
    assert.deepEqual(result.errors.map((e) => e.message), []);
    // The profile does check the model: a currency that is not an ISO code fails.
    const broken = { ...descriptor, model: { ...descriptor.model, measures: { amount: { ...descriptor.model.measures.amount, currency: "元" } } } };
    assert.equal(profile.validate(broken).valid, false);
    assert.equal(descriptor.model.measures.amount.currency, "CNY");
    assert.equal(descriptor.model.measures.amount.factor, 0.01);
    assert.equal(descriptor.model.measures.amount.phase, "approved");
    assert.deepEqual(descriptor.fiscalPeriod, { start: "2023-01-01", end: "2023-12-31" });
    assert.equal(descriptor.gongkai.budgetPhase, "预算");
  });

  it("holds one CSV per table, the line items, the certificate and a manifest that matches every file", () => {
    const files = filesUnder(dir).map((f) => relative(dir, f)).sort();
    assert.ok(files.includes("data/line-items.csv"));
    assert.ok(files.includes("data/table-01.csv"));
    assert.ok(files.includes("data/table-13-3.csv"));
    assert.ok(files.includes("check-certificate.json"));
    const manifest = readFileSync(join(dir, "SHA256SUMS"), "utf8").trim().split("\n").map((l) => l.split("  ") as [string, string]);
    assert.deepEqual(manifest.map(([, path]) => path), files.filter((f) => f !== "SHA256SUMS"));
    for (const [hash, path] of manifest) assert.equal(createHash("sha256").update(readFileSync(join(dir, path))).digest("hex"), hash, path);
    for (const resource of descriptor.resources) {
      const data = readFileSync(join(dir, resource.path));
      assert.equal(resource.hash, `sha256:${createHash("sha256").update(data).digest("hex")}`);
      assert.equal(resource.bytes, data.length);
    }
    const certificate = JSON.parse(readFileSync(join(dir, "check-certificate.json"), "utf8"));
    assert.equal(descriptor.gongkai.certificate.path, "check-certificate.json");
    assert.equal(certificate.catalogYear, 2023);
    assert.deepEqual(certificate.findings, { error: 0, warning: 0, info: 0 });
    assert.match(certificate.ruleSet.hash, /^sha256:[0-9a-f]{64}$/);
  });

  it("line items carry code and catalog name for each classification, and add up to the total in fen", () => {
    const lines = csvRecords(join(dir, "data/line-items.csv"));
    const first = lines[0]!;
    assert.equal(first.function_code, "2010350");
    assert.equal(first.function_name, "事业运行");
    assert.equal(first.function_class_name, "一般公共服务支出");
    assert.equal(first.dept_economic_code, "30101");
    assert.equal(first.dept_economic_name, "基本工资");
    assert.equal(first.gov_economic_code, "50501");
    assert.equal(first.budget_phase, "预算");
    assert.equal(first.year, "2023");
    const total = lines.reduce((n, l) => n + Number(l.amount), 0);
    assert.equal(total, 225981100);
    const table5 = csvRecords(join(dir, "data/table-05.csv"));
    assert.equal(table5[0]!["合计（分）"], "225981100");
    assert.equal(table5[1]!["编码"], "2010350");
  });

  it("escapes CSV text cells that could be read as formulas", () => {
    const prepared = prepareDocument(EXAMPLE);
    assert.ok(prepared.ok);
    const built = buildDisclosure(prepared.doc, prepared.catalog, EXAMPLE);
    const evil: Disclosure = {
      ...built,
      tables: built.tables.map((t) =>
        t.number === 10 ? { ...t, rows: t.rows.map((r, i) => (i === 2 ? { ...r, label: "=HYPERLINK(\"x\")", values: [r.values[0]!, "+cmd|' /C calc'!A0"] } : r)) } : t,
      ),
    };
    const doc = { ...prepared.doc, projects: prepared.doc.projects.map((p, i) => (i === 0 ? { ...p, name: "@SUM(A1)" } : p)) };
    const files = renderDataPackage({ disclosure: evil, document: doc, names: classificationNames(doc, prepared.catalog), certificate: certify(evil, prepared.catalog).certificate });
    const table10 = files.find((f) => f.path === "data/table-10.csv")!.data;
    assert.match(table10, /'=HYPERLINK\(""x""\)/);
    assert.match(table10, /'\+cmd\|/);
    assert.doesNotMatch(table10, /(^|,)[=+@]/m);
    const lines = files.find((f) => f.path === "data/line-items.csv")!.data;
    assert.match(lines, /,'@SUM\(A1\),/);
    // Amounts stay numbers.
    assert.match(lines, /,58310300\n/);
  });
});
