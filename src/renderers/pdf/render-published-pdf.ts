/**
 * A Disclosure as the published PDF (`gongkai render --format pdf`), made with pdfmake: A4, Noto Sans SC
 * (regular and bold, the full TrueType files from the npm package, embedded as subsets with a ToUnicode
 * map so the text can be searched and copied), in this order:
 *
 * - the cover, as the template requires: the unit, the year, 部门（单位）预算公开, and the 保密审查情况 and
 *   主要负责人审签情况 lines (（未填写） when the cover does not say);
 * - the 目录, with page numbers and links;
 * - the narrative, its parts and sections as headings;
 * - the tables under 第四部分: each on a new page, its header rows (merged cells as colSpan/rowSpan)
 *   repeated on every page the table runs to, amounts right-aligned with two decimals; a table too wide
 *   for a portrait page goes on a landscape page (表1/4/9's four blocks always do), and the font gets
 *   smaller until every column fits, so no column is clipped;
 * - the check certificate, last.
 *
 * Bookmarks (the PDF outline) for the 目录, each part, each section below a part and each table; page
 * numbers in the footer.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import pdfmake from "pdfmake";
import type { Disclosure, NarrativeSection } from "../../model/disclosure.ts";
import type { Table } from "../../model/table.ts";
import {
  certificateText,
  coverLines,
  documentTitle,
  type Grid,
  type GridCell,
  paragraphsOf,
  type PublishOptions,
  tableGrid,
  tableLabel,
  tablesPart,
} from "./published-grid.ts";

const FAMILY = "NotoSansSC";
const FONT_FILES = {
  normal: "@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf",
  bold: "@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf",
} as const;

const VFS = { normal: "gongkai/NotoSansSC-Regular.ttf", bold: "gongkai/NotoSansSC-Bold.ttf" } as const;

let fonts: { normal: Buffer; bold: Buffer } | undefined;

/** The font files, resolved from node_modules and read once per process. */
export function fontPaths(): { normal: string; bold: string } {
  const require = createRequire(import.meta.url);
  return { normal: require.resolve(FONT_FILES.normal), bold: require.resolve(FONT_FILES.bold) };
}

function loadFonts(): { normal: Buffer; bold: Buffer } {
  if (!fonts) {
    const paths = fontPaths();
    fonts = { normal: readFileSync(paths.normal), bold: readFileSync(paths.bold) };
  }
  return fonts;
}

// A4 in points, and the page margins.
const A4 = { width: 595.28, height: 841.89 };
const MARGIN = { side: 42, top: 48, bottom: 50 };
const PADDING = 3;
const TABLE_FONT_SIZES = [9, 8, 7, 6.5, 6, 5.5] as const;

type Node = Record<string, unknown>;

/**
 * The width of `text` at `size` points, in Noto Sans SC, slightly over-estimated: CJK and full-width
 * characters are one em, digits and Latin letters at most 0.6 em, `,` `.` and spaces 0.3 em.
 */
export function textWidth(text: string, size: number, latinEm = 0.6): number {
  let ems = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code >= 0x2e80) ems += 1;
    else if (char === "," || char === "." || char === " " || char === ":" || char === ";") ems += latinEm / 2;
    else if (char === "(" || char === ")" || char === "-" || char === "/") ems += (latinEm * 2) / 3;
    else ems += latinEm;
  }
  return ems * size;
}

/** The longest run that may not break: Latin words and numbers; CJK breaks anywhere. */
function longestUnbreakable(text: string, size: number, latinEm: number): number {
  const words = text.match(/[\x21-\x7e]+/g) ?? [];
  const cjk = /[\u2e80-\uffff]/.test(text) ? size : 0;
  return Math.max(cjk, ...words.map((w) => textWidth(w, size, latinEm)));
}

const INDENT_EM = 1;

/**
 * Column widths that fit `available` points at `size`, or null when they cannot: amounts never wrap,
 * codes and Latin words never break, a label column gets at least six characters when its text is
 * longer, and single-column header text at least three.
 */
function fitColumns(grid: Grid, size: number, available: number, latinEm: number): number[] | null {
  const natural = new Array<number>(grid.width).fill(0);
  const minimum = new Array<number>(grid.width).fill(0);
  grid.rows.forEach((row) =>
    row.forEach((cell, c) => {
      if (!cell || (cell.colSpan ?? 1) > 1) return;
      const indent = (cell.indent ?? 0) * INDENT_EM * size;
      // One point spare, so text exactly as wide as its column does not wrap on a rounding error.
      const full = textWidth(cell.text, size, latinEm) + indent + 2 * PADDING + 1;
      // Header text wraps readily: it asks for four characters a line, the body asks for all it has.
      natural[c] = Math.max(natural[c]!, cell.kind === "header" ? Math.min(full, 4 * size + 2 * PADDING) : full);
      let least: number;
      if (cell.kind === "amount" || cell.kind === "code") least = full;
      else if (cell.kind === "header") least = Math.min(full, 3 * size + 2 * PADDING);
      else least = Math.min(full, Math.max(grid.columns[c] === "label" ? 6 * size : 3 * size, longestUnbreakable(cell.text, size, latinEm)) + indent + 2 * PADDING);
      minimum[c] = Math.max(minimum[c]!, least);
    }),
  );
  for (let c = 0; c < grid.width; c += 1) {
    minimum[c] = Math.max(minimum[c]!, 2 * size + 2 * PADDING);
    natural[c] = Math.max(natural[c]!, minimum[c]!);
  }
  const least = minimum.reduce((a, b) => a + b, 0);
  if (least > available) return null;
  // Grow the columns towards their natural widths, in proportion to what each lacks …
  const want = natural.reduce((a, b) => a + b, 0) - least;
  const spare = available - least;
  const grow = want > 0 ? Math.min(1, spare / want) : 0;
  const widths = minimum.map((m, c) => m + (natural[c]! - m) * grow);
  // … then spread what is left over the wrapping columns (or all, if none wraps).
  const left = available - widths.reduce((a, b) => a + b, 0);
  const wrapping = grid.columns.map((k) => k === "label" || k === "text");
  const share = wrapping.some(Boolean) ? wrapping : wrapping.map(() => true);
  const weight = widths.reduce((n, w, c) => n + (share[c] ? w : 0), 0);
  return widths.map((w, c) => (share[c] && weight > 0 ? w + (left * w) / weight : w));
}

interface TablePlacement {
  readonly orientation: "portrait" | "landscape";
  readonly size: number;
  readonly widths: number[];
}

/**
 * The first of: portrait at 9 pt, then landscape at 9, 8, 7 … pt, where every column fits. `latinEm` is
 * the width of a digit or Latin letter in em, 0.6 for Noto Sans SC; more for a renderer that cannot
 * know the font the reader's application will substitute.
 */
export function placeTable(table: Table, grid: Grid, latinEm = 0.6): TablePlacement {
  const portrait = A4.width - 2 * MARGIN.side;
  const landscape = A4.height - 2 * MARGIN.side;
  // Pdfmake draws half a line outside the content width for each vertical rule; keep a margin for them.
  const rules = grid.width + 1;
  if (table.layout !== "blocks") {
    const widths = fitColumns(grid, TABLE_FONT_SIZES[0], portrait - rules, latinEm);
    if (widths) return { orientation: "portrait", size: TABLE_FONT_SIZES[0], widths };
  }
  for (const size of TABLE_FONT_SIZES) {
    const widths = fitColumns(grid, size, landscape - rules, latinEm);
    if (widths) return { orientation: "landscape", size, widths };
  }
  const size = TABLE_FONT_SIZES[TABLE_FONT_SIZES.length - 1]!;
  const even = (landscape - rules) / grid.width;
  return { orientation: "landscape", size, widths: new Array<number>(grid.width).fill(even) };
}

function pdfCell(cell: GridCell | null, size: number): Node {
  if (!cell) return {};
  return {
    text: cell.text,
    fontSize: size,
    bold: cell.bold ?? false,
    alignment: cell.kind === "header" ? "center" : cell.kind === "amount" ? "right" : "left",
    ...(cell.kind === "header" || cell.kind === "amount" ? { noWrap: cell.kind === "amount" } : {}),
    ...(cell.indent ? { margin: [cell.indent * INDENT_EM * size, 0, 0, 0] } : {}),
    ...(cell.colSpan ? { colSpan: cell.colSpan } : {}),
    ...(cell.rowSpan ? { rowSpan: cell.rowSpan } : {}),
    ...(cell.kind === "header" ? { fillColor: "#eeeeee" } : {}),
  };
}

const TABLE_LAYOUT = {
  hLineWidth: () => 0.5,
  vLineWidth: () => 0.5,
  hLineColor: () => "#555555",
  vLineColor: () => "#555555",
  paddingLeft: () => PADDING,
  paddingRight: () => PADDING,
  paddingTop: () => 1.5,
  paddingBottom: () => 1.5,
};

function tableContent(table: Table, parentId: string, index: number): Node[] {
  const grid = tableGrid(table);
  const place = placeTable(table, grid);
  const label = tableLabel(table);
  const id = `table-${index}`;
  const heading: Node = {
    text: `${label}  ${table.title}`,
    style: "tableTitle",
    id,
    tocItem: true,
    tocMargin: [24, 1, 0, 1],
    outline: true,
    outlineParentId: parentId,
    outlineText: `${label} ${table.title}`,
    pageBreak: "before",
    pageOrientation: place.orientation,
  };
  const unitLine: Node = { text: `单位：${table.unit}`, alignment: "right", fontSize: 9, margin: [0, 0, 0, 3] };
  const content: Node[] = [heading, unitLine];
  if (grid.rows.length > 0) {
    content.push({
      table: {
        headerRows: grid.headerRows,
        keepWithHeaderRows: grid.headerRows > 0 ? 1 : 0,
        dontBreakRows: true,
        // Pdfmake's widths are the content widths; the padding comes on top.
        widths: place.widths.map((w) => w - 2 * PADDING),
        body: grid.rows.map((row) => row.map((cell) => pdfCell(cell, place.size))),
      },
      layout: TABLE_LAYOUT,
    });
  }
  for (const note of table.notes ?? []) content.push({ text: note, fontSize: 9, margin: [0, 4, 0, 0] });
  if (table.empty) content.push({ text: `注：本表为空表。${table.emptyReason ?? ""}`, fontSize: 9, margin: [0, 4, 0, 0] });
  return content;
}

function coverContent(disclosure: Disclosure): Node[] {
  const lines = coverLines(disclosure);
  return [
    { text: disclosure.unitName ?? "（单位名称未填写）", fontSize: 22, bold: true, alignment: "center", margin: [0, 170, 0, 18] },
    { text: disclosure.year ? `${disclosure.year}年` : "", fontSize: 18, alignment: "center", margin: [0, 0, 0, 18] },
    { text: `部门（单位）${disclosure.phase ?? "预算"}公开`, fontSize: 28, bold: true, alignment: "center", margin: [0, 0, 0, 150] },
    ...lines.map((l) => ({ text: [{ text: `${l.label}：`, bold: true }, l.value], fontSize: 12, margin: [70, 0, 0, 10] })),
  ];
}

function sectionContent(section: NarrativeSection, ids: Map<string, string>, index: number): Node[] {
  const depth = section.path.length;
  const id = `section-${index}`;
  ids.set(section.path.join("/"), id);
  const parentId = depth > 1 ? ids.get(section.path.slice(0, -1).join("/")) : undefined;
  const content: Node[] = [];
  if (depth > 0) {
    content.push({
      text: section.heading,
      style: depth === 1 ? "h1" : depth === 2 ? "h2" : "h3",
      id,
      ...(depth <= 2 ? { tocItem: true, tocMargin: [depth === 1 ? 0 : 12, depth === 1 ? 3 : 1, 0, 1] } : {}),
      ...(depth <= 3 ? { outline: true, ...(parentId ? { outlineParentId: parentId } : {}) } : {}),
      ...(depth === 1 ? { pageBreak: "before", pageOrientation: "portrait" } : {}),
    });
  }
  for (const paragraph of paragraphsOf(section.text)) content.push({ text: paragraph, style: "body" });
  return content;
}

/** The pdfmake document definition: exported so tests can look at the layout without rendering. */
export function pdfDefinition(disclosure: Disclosure, options: PublishOptions = {}): Node {
  const title = documentTitle(disclosure);
  const part = tablesPart(disclosure);
  const ids = new Map<string, string>();
  const content: Node[] = [...coverContent(disclosure)];
  content.push({
    toc: { title: { text: "目录", style: "h1", id: "toc", outline: true }, textStyle: { fontSize: 11 }, numberStyle: { fontSize: 11 } },
    pageBreak: "before",
  });
  disclosure.narrative.forEach((section, i) => {
    if (part.index >= 0 && (i === part.index || section.path[0] === disclosure.narrative[part.index]!.path[0])) return;
    content.push(...sectionContent(section, ids, i));
  });
  const partId = "part-tables";
  const partSection = part.index >= 0 ? disclosure.narrative[part.index]! : undefined;
  content.push({
    text: part.heading,
    style: "h1",
    id: partId,
    tocItem: true,
    tocMargin: [0, 3, 0, 1],
    outline: true,
    pageBreak: "before",
    pageOrientation: "portrait",
  });
  for (const paragraph of paragraphsOf(partSection?.text ?? "")) content.push({ text: paragraph, style: "body" });
  // The tables' 目录 as the template prints it: 表号, 名称, 是否空表, 公开空表理由.
  content.push({
    table: {
      headerRows: 1,
      widths: [40, "*", 46, 130],
      body: [
        ["表号", "报表名称", "是否空表", "公开空表理由"].map((t) => ({ text: t, bold: true, alignment: "center", fillColor: "#eeeeee", fontSize: 9 })),
        ...disclosure.toc.map((e) => [
          { text: `表${e.number}`, fontSize: 9 },
          { text: e.title, fontSize: 9 },
          { text: e.empty ? "是" : "否", fontSize: 9, alignment: "center" },
          { text: e.emptyReason ?? "", fontSize: 9 },
        ]),
      ],
    },
    layout: TABLE_LAYOUT,
    margin: [0, 6, 0, 0],
  });
  disclosure.tables.forEach((table, i) => content.push(...tableContent(table, partId, i)));
  content.push({
    stack: [
      { text: "校验证书", style: "h2", id: "certificate", tocItem: true, tocMargin: [0, 3, 0, 1], outline: true },
      ...certificateText(options.certificate).map((line) => ({ text: line, fontSize: 10, margin: [0, 2, 0, 0] })),
    ],
    unbreakable: true,
    margin: [0, 18, 0, 0],
  });
  return {
    info: { title, subject: title, creator: "Gongkai", producer: "Gongkai (pdfmake)" },
    pageSize: "A4",
    pageOrientation: "portrait",
    pageMargins: [MARGIN.side, MARGIN.top, MARGIN.side, MARGIN.bottom],
    defaultStyle: { font: FAMILY, fontSize: 10, lineHeight: 1.25 },
    styles: {
      h1: { fontSize: 16, bold: true, margin: [0, 6, 0, 10] },
      h2: { fontSize: 13, bold: true, margin: [0, 8, 0, 4] },
      h3: { fontSize: 11, bold: true, margin: [0, 6, 0, 3] },
      body: { fontSize: 10.5, leadingIndent: 21, margin: [0, 0, 0, 5], lineHeight: 1.4 },
      tableTitle: { fontSize: 13, bold: true, alignment: "center", margin: [0, 0, 0, 4] },
    },
    footer: (currentPage: number, pageCount: number) =>
      currentPage === 1 ? null : { text: `第 ${currentPage} 页 / 共 ${pageCount} 页`, alignment: "center", fontSize: 8, margin: [0, 20, 0, 0] },
    content,
  };
}

/** The published PDF as bytes. */
export async function renderPublishedPdf(disclosure: Disclosure, options: PublishOptions = {}): Promise<Buffer> {
  const { normal, bold } = loadFonts();
  // The fonts go into pdfmake's in-memory file system (read from disk once per process); nothing else
  // is read: no local file, no URL.
  if (!pdfmake.virtualfs.existsSync(VFS.normal)) {
    pdfmake.virtualfs.writeFileSync(VFS.normal, normal);
    pdfmake.virtualfs.writeFileSync(VFS.bold, bold);
  }
  pdfmake.setFonts({ [FAMILY]: { normal: VFS.normal, bold: VFS.bold, italics: VFS.normal, bolditalics: VFS.bold } });
  pdfmake.setLocalAccessPolicy(() => false);
  pdfmake.setUrlAccessPolicy(() => false);
  return pdfmake.createPdf(pdfDefinition(disclosure, options)).getBuffer();
}
