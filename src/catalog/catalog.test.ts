import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { parse } from "csv-parse/sync";
import { Catalog, CLASSIFICATIONS, type Level, levelOfCode, sameCatalogName } from "./catalog.ts";
import { BUILTIN_DATA_DIR, FILE_NAMES, loadCatalog, readCatalogRows, readMappingRows } from "./load.ts";

const LEVELS: Level[] = ["类", "款", "项"];
const count = (c: Catalog, classification: (typeof CLASSIFICATIONS)[number]) =>
  LEVELS.map((l) => c.entries(classification, l).length);

describe("built-in catalog", () => {
  it("holds the counts of codes per level that its README states, year by year", () => {
    // Figures from src/catalog/data/README.md (counted when the data was compiled). A row added or
    // lost without updating the README fails here.
    assert.deepEqual(count(loadCatalog(2023), "function"), [29, 247, 516]);
    assert.deepEqual(count(loadCatalog(2026), "function"), [29, 248, 521]);
    assert.deepEqual(count(loadCatalog(2023), "deptEconomic"), [10, 100, 0]);
    assert.deepEqual(count(loadCatalog(2023), "govEconomic"), [15, 65, 0]);
  });

  it("lists the 24 function 类 of the Shaanxi 2023 template with their names", () => {
    const catalog = loadCatalog(2023);
    const template = [
      "201一般公共服务支出", "202外交支出", "203国防支出", "204公共安全支出", "205教育支出", "206科学技术支出",
      "207文化旅游体育与传媒支出", "208社会保障和就业支出", "209社会保险基金支出", "210卫生健康支出", "211节能环保支出",
      "212城乡社区支出", "213农林水支出", "214交通运输支出", "215资源勘探工业信息等支出", "216商业服务业等支出",
      "217金融支出", "219援助其他地区支出", "220自然资源海洋气象等支出", "221住房保障支出", "222粮油物资储备支出",
      "223国有资本经营预算支出", "224灾害防治及应急管理支出", "229其他支出",
    ];
    for (const item of template) {
      assert.equal(catalog.lookup("function", item.slice(0, 3))?.name, item.slice(3));
    }
    // The template's 24 rows are every 类 up to 229 except 227 预备费, which only a government budget uses.
    const classes = catalog.entries("function", "类").filter((e) => Number(e.code) <= 229);
    assert.deepEqual(classes.map((e) => e.code).filter((c) => c !== "227"), template.map((t) => t.slice(0, 3)));
  });

  it("answers by year: 210 was renamed in 2019", () => {
    assert.equal(loadCatalog(2023).lookup("function", "210")?.name, "卫生健康支出");
    assert.deepEqual(loadCatalog(2023).namesInOtherYears("function", "210"), ["医疗卫生与计划生育支出"]);
  });

  it("refuses a year it does not cover, naming the way out", () => {
    assert.throws(() => loadCatalog(2015), /没有 2015 年的科目目录.*catalog import/);
  });

  it("is well formed: parents exist, codes have the right length, no duplicates in a year, full-width brackets", () => {
    for (const c of CLASSIFICATIONS) {
      const rows = readCatalogRows(`${BUILTIN_DATA_DIR}/${FILE_NAMES[c]}`);
      for (const row of rows) {
        assert.equal(levelOfCode(c, row.code), row.level, `${c} ${row.code} level`);
        assert.doesNotMatch(row.name, /[()]/, `${c} ${row.code} uses half-width brackets`);
        assert.ok(row.source, `${c} ${row.code} has no source`);
      }
      for (const year of [2019, 2023, 2026]) {
        const catalog = loadCatalog(year);
        const codes = new Set(catalog.entries(c).map((e) => e.code));
        const valid = rows.filter((r) => r.from <= year && (r.to === null || year <= r.to));
        assert.equal(valid.length, codes.size, `${c} ${year}: a code is listed twice`);
        for (const code of codes) {
          for (const parent of Catalog.ancestors(code)) assert.ok(codes.has(parent), `${c} ${year}: ${code} has no parent ${parent}`);
        }
      }
    }
  });

  it("maps every departmental economic 款 for both kinds of unit, to a known government 款", () => {
    const catalog = loadCatalog(2023);
    for (const dept of catalog.entries("deptEconomic", "款")) {
      for (const kind of ["机关", "事业单位"] as const) {
        const gov = catalog.govEconomicFor(dept.code, kind);
        assert.ok(gov, `${dept.code} has no ${kind} mapping`);
        assert.ok(catalog.lookup("govEconomic", gov), `${dept.code} → ${gov} is not a government 款`);
      }
    }
    assert.equal(catalog.govEconomicFor("30101", "机关"), "50101");
    assert.equal(catalog.govEconomicFor("30101", "事业单位"), "50501");
    assert.equal(catalog.govEconomicFor("31002", "事业单位"), "50601");
    assert.equal(readMappingRows(`${BUILTIN_DATA_DIR}/econ-mapping.csv`).length, 200);
  });

  it("knows every code seen in real published disclosures (../shared/catalog)", () => {
    const catalog = loadCatalog(2023);
    for (const [file, classification] of [
      ["function-codes-observed.csv", "function"],
      ["dept-econ-codes-observed.csv", "deptEconomic"],
    ] as const) {
      const observed: { code: string; name: string; other_names_seen: string }[] = parse(
        readFileSync(new URL(`../../../shared/catalog/${file}`, import.meta.url)),
        { columns: true },
      );
      for (const o of observed) {
        const entry = loadCatalog(2026).lookup(classification, o.code) ?? catalog.lookup(classification, o.code);
        assert.ok(entry, `${classification} ${o.code} ${o.name} is missing`);
      }
    }
  });
});

describe("sameCatalogName", () => {
  it("ignores bracket width and spaces, nothing else", () => {
    assert.ok(sameCatalogName("维修(护)费", "维修（护）费"));
    assert.ok(sameCatalogName("住房 公积金", "住房公积金"));
    assert.ok(!sameCatalogName("机关事业单位基本养老保险", "机关事业单位基本养老保险缴费"));
  });
});
