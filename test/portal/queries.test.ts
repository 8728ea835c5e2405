/**
 * The portal's queries (src/app/portal.ts) on a store published through the real chain
 * (queries-fixture.ts), on both engines. Every figure is checked against sums computed here from the
 * published documents themselves (read from the versions the publications name), never from the
 * portal's read model; the demonstration's figures are also checked against the example file.
 */
import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import { loadCatalog } from "../../src/catalog/load.ts";
import { readDemoDocument } from "../../src/app/demo.ts";
import {
  aggregate,
  type AggregateQuery,
  type AggregateRow,
  browseTree,
  compareUnits,
  compareYears,
  departmentConsolidated,
  listPublishedDisclosures,
  listPublishedUnits,
  PortalQueryError,
  publishedDisclosure,
  publishedFindings,
  publishedLineItems,
  publishedTables,
  scorecard,
  searchPortal,
} from "../../src/app/portal.ts";
import type { Expenditure } from "../../src/model/budget-document.ts";
import { forEachEngine } from "../support/engines.ts";
import { CORRECTION_FEN, CORRECTION_NOTE, DEMO_UNIT, makePortal, type PortalFixture, type PublishedDocument } from "./queries-fixture.ts";

/** Where each unit of the fixture sits (department code, region). */
const PLACE: Record<string, { department: string; region: string }> = {
  "117002": { department: "117", region: "陕西省汉中市" },
  "201001": { department: "201", region: "陕西省汉中市" },
  "201002": { department: "201", region: "陕西省汉中市" },
  "201003": { department: "201", region: "陕西省汉中市" },
  "301001": { department: "301", region: "陕西省宝鸡市" },
};

const COLUMN = { function: "functionCode", deptEconomic: "deptEconomicCode", govEconomic: "govEconomicCode" } as const;
const LENGTH = { 类: 3, 款: 5, 项: 7 } as const;

const sum = (values: Iterable<number>) => [...values].reduce((a, b) => a + b, 0);
const byKey = <T extends { code: string; year: number }>(rows: readonly T[]) => [...rows].sort((a, b) => a.year - b.year || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));

/** The aggregate computed from the documents: sums and distinct units by year and code prefix. */
function expectedAggregate(published: readonly PublishedDocument[], q: AggregateQuery): AggregateRow[] {
  const selected = published.filter(
    (p) =>
      (!q.years || q.years.includes(p.year)) &&
      (!q.units || q.units.includes(p.unitCode)) &&
      (!q.departments || q.departments.includes(PLACE[p.unitCode]!.department)) &&
      (!q.regions || q.regions.includes(PLACE[p.unitCode]!.region)),
  );
  const rows = new Map<string, { code: string; year: number; amount: number; units: Set<string> }>();
  for (const p of selected) {
    for (const line of p.document.expenditure) {
      const code = line[COLUMN[q.by]].slice(0, LENGTH[q.level]);
      const key = `${p.year}|${code}`;
      const row = rows.get(key) ?? { code, year: p.year, amount: 0, units: new Set<string>() };
      row.amount += line.amount;
      row.units.add(p.unitCode);
      rows.set(key, row);
    }
  }
  return byKey(
    [...rows.values()].map((r) => ({ code: r.code, name: loadCatalog(r.year).lookup(q.by, r.code)?.name ?? "", year: r.year, amount: r.amount, units: r.units.size })),
  );
}

/** Sums of lines by each code prefix of the given lengths. */
function rollUp(lines: readonly Expenditure[], column: "functionCode" | "deptEconomicCode", lengths: readonly number[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of lines) for (const n of lengths) out.set(line[column].slice(0, n), (out.get(line[column].slice(0, n)) ?? 0) + line.amount);
  return out;
}

forEachEngine("portal queries", (open) => {
  let p: PortalFixture;
  let doc: (unitCode: string, year: number) => PublishedDocument;
  before(async () => {
    p = await makePortal(await open());
    doc = (unitCode, year) => {
      const found = p.published.find((x) => x.unitCode === unitCode && x.year === year);
      assert.ok(found, `${unitCode} ${year} was published`);
      return found;
    };
  });
  after(() => p.f.close());

  it("the fixture published what it says, and the demonstration is the example file", () => {
    assert.deepEqual(p.published.map((x) => `${x.unitCode}/${x.year}/${x.sequence}`).sort(), ["117002/2022/1", "117002/2023/1", "201001/2022/1", "201001/2023/2", "201002/2023/1", "301001/2023/1"]);
    assert.deepEqual(doc(DEMO_UNIT, 2023).document.expenditure, readDemoDocument().expenditure);
  });

  // --- search --------------------------------------------------------------------------------

  it("search: 政务服务 finds 汉中市政务服务中心 in both years, with facets", async () => {
    const result = await searchPortal(p.f.db, { q: "政务服务" });
    assert.equal(result.total, 2);
    assert.deepEqual(result.hits.map((h) => `${h.entry.unitCode}/${h.entry.year}`), ["117002/2023", "117002/2022"]);
    for (const hit of result.hits) assert.deepEqual(hit.matches[0], { kind: "unit", code: "117002", text: "汉中市政务服务中心" });
    assert.deepEqual(result.facets.years, [{ value: 2023, count: 1 }, { value: 2022, count: 1 }]);
    assert.deepEqual(result.facets.regions, [{ value: "陕西省汉中市", count: 2 }]);
  });

  it("search: a year filter narrows the hits, not the year facet; a region filter likewise", async () => {
    const y = await searchPortal(p.f.db, { q: "政务服务", years: [2023] });
    assert.equal(y.total, 1);
    assert.equal(y.hits[0]!.entry.year, 2023);
    assert.deepEqual(y.facets.years, [{ value: 2023, count: 1 }, { value: 2022, count: 1 }]);
    // Every unit's name has 市: all six published disclosures, the draft not among them.
    const all = await searchPortal(p.f.db, { q: "市" });
    assert.equal(all.total, 6);
    assert.deepEqual(new Set(all.facets.regions.map((r) => `${r.value}:${r.count}`)), new Set(["陕西省汉中市:5", "陕西省宝鸡市:1"]));
    const baoji = await searchPortal(p.f.db, { q: "市", regions: ["陕西省宝鸡市"] });
    assert.equal(baoji.total, 1);
    assert.equal(baoji.hits[0]!.entry.unitCode, "301001");
    assert.deepEqual(baoji.facets.years, [{ value: 2023, count: 1 }]);
    assert.deepEqual(new Set(baoji.facets.regions.map((r) => `${r.value}:${r.count}`)), new Set(["陕西省汉中市:5", "陕西省宝鸡市:1"]));
  });

  it("search: a 科目 code finds the units using it (and its children), by the code's prefix", async () => {
    const catalog = (year: number) => loadCatalog(year);
    const expected = (q: string) =>
      p.published
        .filter(
          (x) =>
            x.unitCode.startsWith(q) ||
            PLACE[x.unitCode]!.department.startsWith(q) ||
            x.document.expenditure.some((l) =>
              (["function", "deptEconomic", "govEconomic"] as const).some((c) =>
                [3, 5, 7].some((n) => {
                  const code = l[COLUMN[c]].slice(0, n);
                  return code.length === n && code.startsWith(q) && catalog(x.year).lookup(c, code) !== undefined;
                }),
              ),
            ),
        )
        .map((x) => `${x.unitCode}/${x.year}`)
        .sort();
    for (const q of ["2010350", "20103", "201", "30226", "505"]) {
      const result = await searchPortal(p.f.db, { q, limit: 100 });
      assert.deepEqual(result.hits.map((h) => `${h.entry.unitCode}/${h.entry.year}`).sort(), expected(q), q);
      assert.equal(result.total, expected(q).length, q);
    }
    const result = await searchPortal(p.f.db, { q: "2010350" });
    const demo = result.hits.find((h) => h.entry.unitCode === DEMO_UNIT && h.entry.year === 2023)!;
    assert.deepEqual(demo.matches, [{ kind: "function", code: "2010350", text: "事业运行" }]);
    // Unit codes rank before 科目: 201 finds the 201 units first.
    const ranked = await searchPortal(p.f.db, { q: "201", limit: 100 });
    const firstOther = ranked.hits.findIndex((h) => !h.entry.unitCode.startsWith("201"));
    assert.ok(firstOther > 0 && ranked.hits.slice(firstOther).every((h) => !h.entry.unitCode.startsWith("201")));
  });

  it("search: a project name, a 科目 name, Latin letters in any case, full-width input", async () => {
    const project = await searchPortal(p.f.db, { q: "工装购置" });
    assert.deepEqual(project.hits.map((h) => `${h.entry.unitCode}/${h.entry.year}`), ["117002/2023", "117002/2022"]);
    assert.deepEqual(project.hits[0]!.matches, [{ kind: "project", code: "p2", text: "工装购置经费" }]);
    // A synthetic unit's project: every disclosure with a project of that name is found.
    const name = doc("301001", 2023).document.projects[0]!.name;
    const withName = p.published.filter((x) => x.document.projects.some((pr) => pr.name.includes(name))).map((x) => `${x.unitCode}/${x.year}`).sort();
    assert.deepEqual((await searchPortal(p.f.db, { q: name, limit: 100 })).hits.map((h) => `${h.entry.unitCode}/${h.entry.year}`).sort(), withName);
    const subject = await searchPortal(p.f.db, { q: "事业运行", years: [2023] });
    assert.ok(subject.hits.some((h) => h.entry.unitCode === DEMO_UNIT && h.matches.some((m) => m.kind === "function" && m.code === "2010350")));
    for (const q of ["it中心", "IT中心", "It中心", "ＩＴ中心"]) {
      const latin = await searchPortal(p.f.db, { q });
      assert.deepEqual(latin.hits.map((h) => h.entry.unitCode), ["301001"], q);
    }
    const department = await searchPortal(p.f.db, { q: "教育局" });
    assert.deepEqual(department.hits.map((h) => `${h.entry.unitCode}/${h.entry.year}`).sort(), ["201001/2022", "201001/2023", "201002/2023"]);
    assert.deepEqual(department.hits[0]!.matches, [{ kind: "department", code: "201", text: "汉中市教育局" }]);
  });

  it("search: drafts are never found; an empty query finds nothing; pages cover the result once", async () => {
    assert.equal((await searchPortal(p.f.db, { q: "教学研究室" })).total, 0);
    assert.equal((await searchPortal(p.f.db, { q: "201003" })).total, 0);
    assert.equal((await searchPortal(p.f.db, { q: "  " })).total, 0);
    const seen: string[] = [];
    for (let offset = 0; offset < 6; offset += 4) {
      const page = await searchPortal(p.f.db, { q: "市", limit: 4, offset });
      assert.equal(page.total, 6);
      seen.push(...page.hits.map((h) => `${h.entry.unitCode}/${h.entry.year}`));
    }
    assert.equal(new Set(seen).size, 6);
  });

  // --- browse --------------------------------------------------------------------------------

  it("browse tree: regions → departments → units with their published years; drafts absent", async () => {
    const tree = await browseTree(p.f.db);
    const flat = tree.flatMap((r) => r.departments.flatMap((d) => d.units.map((u) => `${r.region}/${d.code} ${d.name}/${u.code} ${u.name}/${u.years.join(",")}`)));
    assert.deepEqual(flat.sort(), [
      "陕西省宝鸡市/301 宝鸡市财政局/301001 宝鸡市财政IT中心/2023",
      "陕西省汉中市/117 汉中市行政审批服务局/117002 汉中市政务服务中心/2023,2022",
      "陕西省汉中市/201 汉中市教育局/201001 汉中市第一中学/2023,2022",
      "陕西省汉中市/201 汉中市教育局/201002 汉中市教育考试中心/2023",
    ]);
    const of2022 = await browseTree(p.f.db, 2022);
    assert.deepEqual(of2022.flatMap((r) => r.departments.flatMap((d) => d.units.map((u) => `${u.code}/${u.years.join(",")}`))).sort(), ["117002/2023,2022", "201001/2023,2022"]);
    assert.deepEqual(await browseTree(p.f.db, 2019), []);
  });

  it("lists: published units and disclosures, filtered and paged", async () => {
    const units = await listPublishedUnits(p.f.db, {}, 100, 0);
    assert.equal(units.total, 4);
    assert.deepEqual(units.units.map((u) => u.code), ["117002", "201001", "201002", "301001"]);
    assert.deepEqual((await listPublishedUnits(p.f.db, { years: [2022] }, 100, 0)).units.map((u) => `${u.code}:${u.years.join(",")}`), ["117002:2023,2022", "201001:2023,2022"]);
    const second = await listPublishedUnits(p.f.db, {}, 2, 2);
    assert.deepEqual([second.total, second.units.map((u) => u.code)], [4, ["201002", "301001"]]);
    const disclosures = await listPublishedDisclosures(p.f.db, { regions: ["陕西省汉中市"], years: [2023] }, 100, 0);
    assert.deepEqual(disclosures.entries.map((e) => e.unitCode).sort(), ["117002", "201001", "201002"]);
    assert.equal(disclosures.total, 3);
  });

  // --- aggregates ----------------------------------------------------------------------------

  it("aggregates equal the sums of the published documents' lines, for every classification, level and filter", async () => {
    const filters: Omit<AggregateQuery, "by" | "level">[] = [
      {},
      { years: [2023] },
      { years: [2022, 2023], regions: ["陕西省汉中市"] },
      { departments: ["201"] },
      { units: ["117002", "301001"] },
      { years: [2022], departments: ["117"] },
      { regions: ["陕西省宝鸡市", "陕西省汉中市"], units: ["201001"] },
      { units: [] },
      { years: [2019] },
    ];
    const shapes = [
      { by: "function", level: "类" },
      { by: "function", level: "款" },
      { by: "function", level: "项" },
      { by: "deptEconomic", level: "类" },
      { by: "deptEconomic", level: "款" },
      { by: "govEconomic", level: "类" },
      { by: "govEconomic", level: "款" },
    ] as const;
    let checked = 0;
    for (const shape of shapes) {
      for (const filter of filters) {
        const q = { ...shape, ...filter };
        assert.deepEqual(byKey(await aggregate(p.f.db, q)), expectedAggregate(p.published, q), JSON.stringify(q));
        checked++;
      }
    }
    assert.equal(checked, 63);
  });

  it("aggregates: the demonstration's 2023 figures, exactly (fen)", async () => {
    const rows = await aggregate(p.f.db, { by: "function", level: "类", years: [2023], units: [DEMO_UNIT] });
    assert.deepEqual(rows, [
      { code: "201", name: "一般公共服务支出", year: 2023, amount: 175469300, units: 1 },
      { code: "208", name: "社会保障和就业支出", year: 2023, amount: 28567100, units: 1 },
      { code: "210", name: "卫生健康支出", year: 2023, amount: 6750600, units: 1 },
      { code: "221", name: "住房保障支出", year: 2023, amount: 15194100, units: 1 },
    ]);
    assert.equal(sum(rows.map((r) => r.amount)), sum(readDemoDocument().expenditure.map((l) => l.amount)));
    const gov = await aggregate(p.f.db, { by: "govEconomic", level: "款", years: [2022, 2023], units: [DEMO_UNIT] });
    // 2022 is the example with its first line (a 50501 line) 10 000 元 less.
    assert.deepEqual(
      gov.map((r) => `${r.year} ${r.code} ${r.name} ${r.amount}`),
      ["2022 50501 工资福利支出 182381100", "2022 50502 商品和服务支出 41600000", "2022 50601 资本性支出（一） 1000000", "2023 50501 工资福利支出 183381100", "2023 50502 商品和服务支出 41600000", "2023 50601 资本性支出（一） 1000000"],
    );
  });

  it("aggregates: 项 of an economic classification is refused", async () => {
    await assert.rejects(aggregate(p.f.db, { by: "deptEconomic", level: "项" }), PortalQueryError);
    await assert.rejects(aggregate(p.f.db, { by: "govEconomic", level: "项" }), /经济分类只有类、款两级/);
  });

  // --- scorecard -----------------------------------------------------------------------------

  it("scorecard: units in the store, published, on time (20 days after approval), unknown, complete, errors", async () => {
    const card = await scorecard(p.f.db, { year: 2023 });
    assert.deepEqual(card.totals, { units: 5, published: 4, onTime: 1, onTimeUnknown: 2, complete: 4, withErrors: 0 });
    const region = (name: string) => card.regions.find((r) => r.region === name);
    assert.deepEqual(region("陕西省汉中市"), { region: "陕西省汉中市", units: 4, published: 3, onTime: 1, onTimeUnknown: 2, complete: 3, withErrors: 0 });
    assert.deepEqual(region("陕西省宝鸡市"), { region: "陕西省宝鸡市", units: 1, published: 1, onTime: 0, onTimeUnknown: 0, complete: 1, withErrors: 0 });
    const department = card.departments.find((d) => d.code === "201")!;
    assert.deepEqual(department, { code: "201", name: "汉中市教育局", region: "陕西省汉中市", units: 3, published: 2, onTime: 1, onTimeUnknown: 1, complete: 2, withErrors: 0 });
    const standing = (code: string) => card.units.find((u) => u.unitCode === code)!;
    assert.deepEqual([standing("201002").onTime, standing("201002").approvedOn], [true, p.daysAgo(5)]);
    assert.deepEqual([standing("301001").onTime, standing("301001").approvedOn], [false, p.daysAgo(60)]);
    assert.deepEqual([standing("117002").onTime, standing("117002").approvedOn, standing("117002").published], [null, null, true]);
    const draft = standing("201003");
    assert.deepEqual([draft.published, draft.publishedAt, draft.onTime, draft.complete, draft.errors], [false, null, null, null, null]);
    const corrected = standing("201001");
    assert.equal(corrected.sequence, 2);
    assert.ok(corrected.firstPublishedAt! < corrected.publishedAt!, "the first publication is older than the correction");
  });

  it("scorecard: another year, one department, one region", async () => {
    const of2022 = await scorecard(p.f.db, { year: 2022 });
    assert.deepEqual(of2022.totals, { units: 5, published: 2, onTime: 0, onTimeUnknown: 2, complete: 2, withErrors: 0 });
    assert.deepEqual((await scorecard(p.f.db, { year: 2023, department: "201" })).totals.units, 3);
    const baoji = await scorecard(p.f.db, { year: 2023, region: "陕西省宝鸡市" });
    assert.deepEqual(baoji.units.map((u) => u.unitCode), ["301001"]);
    assert.deepEqual((await scorecard(p.f.db, { year: 2023, region: "没有这个地方" })).totals.units, 0);
  });

  // --- compare -------------------------------------------------------------------------------

  it("compare two years of one unit: totals, function 类/款/项 and economic 类/款 rows with differences", async () => {
    const comparison = (await compareYears(p.f.db, DEMO_UNIT, [2022, 2023]))!;
    const left = doc(DEMO_UNIT, 2022).document.expenditure;
    const right = doc(DEMO_UNIT, 2023).document.expenditure;
    assert.deepEqual(comparison.total, { left: sum(left.map((l) => l.amount)), right: sum(right.map((l) => l.amount)), difference: 1_000_000, percent: 0.44 });
    for (const [rows, column, lengths] of [
      [comparison.byFunction, "functionCode", [3, 5, 7]],
      [comparison.byEconomic, "deptEconomicCode", [3, 5]],
    ] as const) {
      const l = rollUp(left, column, lengths);
      const r = rollUp(right, column, lengths);
      assert.deepEqual(rows.map((row) => row.code), [...new Set([...l.keys(), ...r.keys()])].sort());
      for (const row of rows) {
        assert.equal(row.left, l.get(row.code) ?? 0, row.code);
        assert.equal(row.right, r.get(row.code) ?? 0, row.code);
        assert.equal(row.difference, row.right - row.left);
      }
    }
    const operating = comparison.byFunction.find((r) => r.code === "2010350")!;
    assert.deepEqual(operating, { code: "2010350", name: "事业运行", level: "项", left: 135869300, right: 136869300, difference: 1_000_000, percent: 0.74 });
    assert.equal(comparison.byEconomic.find((r) => r.code === "301")!.level, "类");
    assert.equal(await compareYears(p.f.db, DEMO_UNIT, [2021, 2023]), undefined);
  });

  it("compare two units of one year; a department consolidated", async () => {
    const comparison = (await compareUnits(p.f.db, ["201002", "301001"], 2023))!;
    const a = doc("201002", 2023).document.expenditure;
    const b = doc("301001", 2023).document.expenditure;
    assert.deepEqual([comparison.left.unitName, comparison.right.unitName], ["汉中市教育考试中心", "宝鸡市财政IT中心"]);
    assert.equal(comparison.total.difference, sum(b.map((l) => l.amount)) - sum(a.map((l) => l.amount)));
    const l = rollUp(a, "functionCode", [3, 5, 7]);
    const r = rollUp(b, "functionCode", [3, 5, 7]);
    for (const row of comparison.byFunction) {
      assert.deepEqual([row.left, row.right], [l.get(row.code) ?? 0, r.get(row.code) ?? 0], row.code);
      assert.equal(row.percent, row.left === 0 ? null : Math.round(((row.right - row.left) / row.left) * 10_000) / 100);
    }
    assert.equal(await compareUnits(p.f.db, ["201002", "201003"], 2023), undefined, "a draft is not compared");

    const consolidated = (await departmentConsolidated(p.f.db, "201", 2023))!;
    const lines = [...doc("201001", 2023).document.expenditure, ...doc("201002", 2023).document.expenditure];
    assert.deepEqual(consolidated.units.map((u) => u.code), ["201001", "201002"]);
    assert.equal(consolidated.unitsInStore, 3);
    assert.equal(consolidated.total, sum(lines.map((x) => x.amount)));
    const functions = rollUp(lines, "functionCode", [3, 5, 7]);
    assert.deepEqual(new Map(consolidated.byFunction.map((row) => [row.code, row.amount])), functions);
    assert.deepEqual(new Map(consolidated.byEconomic.map((row) => [row.code, row.amount])), rollUp(lines, "deptEconomicCode", [3, 5]));
    assert.equal(sum(consolidated.byFunction.filter((row) => row.level === "类").map((row) => row.amount)), consolidated.total);
    assert.equal(await departmentConsolidated(p.f.db, "201", 2019), undefined);
  });

  // --- one disclosure ------------------------------------------------------------------------

  it("a disclosure's publications (with the correction note), line items, tables and findings", async () => {
    const school = (await publishedDisclosure(p.f.db, "201001", 2023))!;
    assert.equal(school.entry.sequence, 2);
    assert.deepEqual(school.publications.map((x) => [x.sequence, x.note]), [[2, CORRECTION_NOTE], [1, ""]]);
    const items = (await publishedLineItems(p.f.db, "201001", 2023))!;
    const corrected = doc("201001", 2023).document;
    assert.equal(sum(items.lines.map((l) => l.amount)), sum(corrected.expenditure.map((l) => l.amount)));
    assert.equal(school.entry.expenditureTotal, sum(corrected.expenditure.map((l) => l.amount)));
    assert.equal(items.lines.length, corrected.expenditure.length);
    assert.ok(items.lines.some((l) => l.amount === corrected.expenditure[0]!.amount), `the corrected line (+${CORRECTION_FEN} fen) is there`);

    const demo = (await publishedLineItems(p.f.db, DEMO_UNIT, 2023))!;
    assert.deepEqual(
      demo.lines.filter((l) => l.projectId === "p2").map((l) => [l.functionCode, l.functionName, l.deptEconomicCode, l.deptEconomicName, l.projectName, l.amount]),
      [["2010399", "其他政府办公厅（室）及相关机构事务支出", "30224", "被装购置费", "工装购置经费", 5600000]],
    );
    const tables = (await publishedTables(p.f.ctx, DEMO_UNIT, 2023))!;
    assert.deepEqual([...new Set(tables.tables.map((t) => t.number))], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
    assert.equal(tables.tables.filter((t) => t.number === 13).length, 3, "表13: one per project");
    const findings = (await publishedFindings(p.f.db, DEMO_UNIT, 2023))!;
    const [version] = await p.f.db.query<{ findings: unknown[] }>(
      `SELECT v.findings FROM versions v JOIN publications p ON p.disclosure_id = v.disclosure_id AND p.version_number = v.number WHERE p.id = $1`,
      [findings.entry.publicationId],
    );
    assert.equal(findings.findings.length, version!.findings.length);
    for (const unpublished of [publishedDisclosure(p.f.db, "201003", 2023), publishedLineItems(p.f.db, "201003", 2023), publishedFindings(p.f.db, DEMO_UNIT, 2030)])
      assert.equal(await unpublished, undefined);
  });
});
