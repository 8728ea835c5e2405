/**
 * 发布格式基准 / Publishing benchmark: HTML, PDF and DOCX render times.
 *
 * Two documents, as in the workbook benchmark: the seed example (汉中市政务服务中心 2023), and a
 * synthetic unit of at least 300 expenditure lines (several synthetic units merged, see xlsx.bench.ts).
 * For each, timed separately and repeated: render the published PDF (pdfmake, Noto Sans SC embedded)
 * and the Word document (docx) from the built Disclosure, with a check certificate. The font files
 * are read once per process, so the first PDF (the warm-up run, not counted) pays for reading them.
 * `--units` sets the number of repetitions (at most 10; the figures are medians).
 */
import { fileURLToPath } from "node:url";
import type { Catalog } from "../src/catalog/catalog.ts";
import { loadCatalog } from "../src/catalog/load.ts";
import type { BudgetDocument } from "../src/model/budget-document.ts";
import { buildDisclosure } from "../src/pipeline/build-disclosure.ts";
import { certify } from "../src/pipeline/certificate.ts";
import { prepareDocument } from "../src/pipeline/prepare.ts";
import { renderPublishedDocx } from "../src/renderers/docx/render-published-docx.ts";
import { renderHtml } from "../src/renderers/html/render-html.ts";
import { renderPublishedPdf } from "../src/renderers/pdf/render-published-pdf.ts";
import { type Benchmark, collectGarbage, type Figure, MB, maxRssBytes } from "./harness.ts";
import { largeUnit } from "./xlsx.bench.ts";

const EXAMPLE = fileURLToPath(new URL("../examples/hanzhong-zwfwzx-2023.budget.json", import.meta.url));
const LINES = 300;
const MAX_REPEATS = 10;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function measure(label: string, en: string, doc: BudgetDocument, catalog: Catalog, repeats: number): Promise<Figure[]> {
  const disclosure = { ...buildDisclosure(doc, catalog, "bench"), cover: { 保密审查情况: "已审查", "部门（单位）主要负责人审签情况": "已审签" } };
  const { certificate } = certify(disclosure, catalog);
  const html: number[] = [];
  const pdf: number[] = [];
  const docx: number[] = [];
  let htmlSize = 0;
  let pdfSize = 0;
  let docxSize = 0;
  for (let i = 0; i <= repeats; i += 1) {
    collectGarbage();
    let t = performance.now();
    const page = renderHtml(disclosure, { certificate });
    const htmlMs = performance.now() - t;
    t = performance.now();
    const pdfBytes = await renderPublishedPdf(disclosure, { certificate });
    const pdfMs = performance.now() - t;
    t = performance.now();
    const docxBytes = await renderPublishedDocx(disclosure, { certificate });
    const docxMs = performance.now() - t;
    // The first run warms up and is not counted.
    if (i === 0) continue;
    html.push(htmlMs);
    htmlSize = Buffer.byteLength(page);
    pdf.push(pdfMs);
    docx.push(docxMs);
    pdfSize = pdfBytes.length;
    docxSize = docxBytes.length;
  }
  return [
    { zh: `${label}：支出明细行数`, en: `${en}: expenditure lines`, value: doc.expenditure.length },
    { zh: `${label}：表格数`, en: `${en}: tables`, value: disclosure.tables.length },
    { zh: `${label}：生成 HTML`, en: `${en}: render HTML`, value: median(html), unit: "ms", digits: 1 },
    { zh: `${label}：HTML 大小`, en: `${en}: HTML size`, value: htmlSize / 1024, unit: "KiB", digits: 1 },
    { zh: `${label}：生成 PDF`, en: `${en}: render PDF`, value: median(pdf), unit: "ms", digits: 1 },
    { zh: `${label}：PDF 大小`, en: `${en}: PDF size`, value: pdfSize / 1024, unit: "KiB", digits: 1 },
    { zh: `${label}：生成 DOCX`, en: `${en}: render DOCX`, value: median(docx), unit: "ms", digits: 1 },
    { zh: `${label}：DOCX 大小`, en: `${en}: DOCX size`, value: docxSize / 1024, unit: "KiB", digits: 1 },
  ];
}

export const publishBenchmark: Benchmark = {
  name: "publish",
  title: "发布格式 Publishing: HTML, PDF and DOCX render",
  async run({ units }) {
    const repeats = Math.max(1, Math.min(MAX_REPEATS, units));
    const prepared = prepareDocument(EXAMPLE);
    if (!prepared.ok) throw new Error(prepared.problems.map((p) => p.message).join("\n"));
    const catalog = loadCatalog(2024);
    const figures = [
      ...(await measure("示例", "Seed example", prepared.doc, prepared.catalog, repeats)),
      ...(await measure(`合成单位（≥${LINES} 行）`, `Synthetic unit (≥${LINES} lines)`, largeUnit(catalog, LINES), catalog, repeats)),
      { zh: "进程常驻内存峰值 maxRSS", en: "Process peak RSS (maxRSS)", value: maxRssBytes() / MB, unit: "MiB", digits: 1 },
    ];
    return {
      figures,
      notes: [
        `中位数，重复 ${repeats} 次（首次预热不计） / medians of ${repeats} runs after one warm-up run`,
        "不含建表与校验（见 xlsx 基准）/ building the tables and the check are not included (see the xlsx benchmark)",
      ],
    };
  },
};
