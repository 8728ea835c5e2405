/**
 * A Disclosure as an editable Word document (`gongkai render --format docx`), made with the docx
 * library, for Word and WPS: the cover, the narrative with its parts and sections as Heading 1–3, the
 * tables' 目录, every table (header rows marked to repeat on each page, merged cells as gridSpan/vMerge,
 * amounts right-aligned with two decimals; a table too wide for a portrait page in a landscape section),
 * and the check certificate. Page numbers in the footer.
 *
 * Formatting lives in named styles, not on runs: Heading1–3, 正文 (BodyText), the table cell styles
 * (表头, 表格文字, 表格金额, one set per font size a table needs) and the table style GongkaiTable
 * (its borders and cell margins). So a unit can restyle the whole document in Word or WPS in one place.
 * The east-Asian font is 宋体 (SimSun) for text and 黑体 (SimHei) for headings, the fonts Word and WPS
 * on Chinese Windows have; other systems substitute their own CJK font (LibreOffice picks Noto CJK).
 */
import {
  AlignmentType,
  Document,
  Footer,
  type IParagraphStyleOptions,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from "docx";
import type { Disclosure, NarrativeSection } from "../../model/disclosure.ts";
import type { Table as StandardTable } from "../../model/table.ts";
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
} from "../pdf/published-grid.ts";
import { placeTable } from "../pdf/render-published-pdf.ts";

const SONG = "SimSun";
const HEI = "SimHei";
const LATIN = "Times New Roman";
const TWIPS_PER_POINT = 20;
// A4 in twips, and margins of 2 cm (left/right) and 2.2 cm (top/bottom), close to the PDF's.
const A4 = { width: 11906, height: 16838 };
const MARGIN = { side: 840, top: 960, bottom: 1000 };

const font = (eastAsia: string) => ({ ascii: LATIN, hAnsi: LATIN, eastAsia, cs: LATIN });

/** Size in points → the style id suffix (9 → "90", 6.5 → "65"). */
const sizeId = (size: number) => String(Math.round(size * 10));

function cellStyles(size: number): IParagraphStyleOptions[] {
  const half = Math.round(size * 2);
  const base = { basedOn: "Normal", quickFormat: false, paragraph: { spacing: { before: 0, after: 0, line: 240 } } } as const;
  return [
    { id: `GkHeader${sizeId(size)}`, name: `表头 ${size}pt`, ...base, run: { size: half, bold: true, font: font(HEI) }, paragraph: { ...base.paragraph, alignment: AlignmentType.CENTER } },
    { id: `GkText${sizeId(size)}`, name: `表格文字 ${size}pt`, ...base, run: { size: half } },
    { id: `GkTotal${sizeId(size)}`, name: `表格合计 ${size}pt`, ...base, run: { size: half, bold: true } },
    { id: `GkAmount${sizeId(size)}`, name: `表格金额 ${size}pt`, ...base, run: { size: half }, paragraph: { ...base.paragraph, alignment: AlignmentType.RIGHT } },
    { id: `GkAmountTotal${sizeId(size)}`, name: `表格合计金额 ${size}pt`, ...base, run: { size: half, bold: true }, paragraph: { ...base.paragraph, alignment: AlignmentType.RIGHT } },
  ];
}

/** The table style: thin borders all round and inside, small cell margins. Word and WPS list it as “Gongkai 表格”. */
const TABLE_STYLE = `<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="table" w:styleId="GongkaiTable">
<w:name w:val="Gongkai 表格"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/><w:qFormat/>
<w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>
<w:tblPr><w:tblBorders>
<w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/>
<w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/>
<w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/>
</w:tblBorders><w:tblCellMar><w:top w:w="20" w:type="dxa"/><w:left w:w="60" w:type="dxa"/><w:bottom w:w="20" w:type="dxa"/><w:right w:w="60" w:type="dxa"/></w:tblCellMar></w:tblPr>
</w:style></w:styles>`;

function styles(sizes: readonly number[]) {
  const paragraphStyles: IParagraphStyleOptions[] = [
    { id: "Heading1", name: "heading 1", basedOn: "Normal", next: "Normal", quickFormat: true, run: { size: 32, bold: true, font: font(HEI) }, paragraph: { spacing: { before: 240, after: 200 }, outlineLevel: 0, keepNext: true } },
    { id: "Heading2", name: "heading 2", basedOn: "Normal", next: "Normal", quickFormat: true, run: { size: 28, bold: true, font: font(HEI) }, paragraph: { spacing: { before: 200, after: 120 }, outlineLevel: 1, keepNext: true } },
    { id: "Heading3", name: "heading 3", basedOn: "Normal", next: "Normal", quickFormat: true, run: { size: 24, bold: true, font: font(HEI) }, paragraph: { spacing: { before: 160, after: 80 }, outlineLevel: 2, keepNext: true } },
    { id: "BodyText", name: "Body Text", basedOn: "Normal", quickFormat: true, paragraph: { indent: { firstLine: 420 }, spacing: { after: 80, line: 360 } } },
    { id: "CoverUnit", name: "封面单位", basedOn: "Normal", run: { size: 44, bold: true, font: font(HEI) }, paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 3000, after: 360 } } },
    { id: "CoverYear", name: "封面年度", basedOn: "Normal", run: { size: 36 }, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 360 } } },
    { id: "Title", name: "Title", basedOn: "Normal", next: "Normal", quickFormat: true, run: { size: 56, bold: true, font: font(HEI) }, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 3000 } } },
    { id: "CoverLine", name: "封面事项", basedOn: "Normal", run: { size: 24 }, paragraph: { indent: { left: 1400 }, spacing: { after: 200 } } },
    { id: "TableTitle", name: "表题", basedOn: "Normal", next: "TableUnit", run: { size: 28, bold: true, font: font(HEI) }, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 80 }, keepNext: true, outlineLevel: 1 } },
    { id: "TableUnit", name: "表单位", basedOn: "Normal", run: { size: 18 }, paragraph: { alignment: AlignmentType.RIGHT, spacing: { after: 60 }, keepNext: true } },
    { id: "TableNote", name: "表注", basedOn: "Normal", run: { size: 18 }, paragraph: { spacing: { before: 80 } } },
    { id: "Certificate", name: "校验证书", basedOn: "Normal", run: { size: 21 }, paragraph: { spacing: { after: 60 } } },
    { id: "Footer", name: "footer", basedOn: "Normal", run: { size: 18 }, paragraph: { alignment: AlignmentType.CENTER } },
    ...[...new Set(sizes)].flatMap(cellStyles),
  ];
  return {
    default: {
      document: { run: { font: font(SONG), size: 21 }, paragraph: { spacing: { line: 300 } } },
    },
    paragraphStyles,
  };
}

function cellStyle(cell: GridCell, size: number): string {
  const id = sizeId(size);
  if (cell.kind === "header") return `GkHeader${id}`;
  if (cell.kind === "amount") return cell.bold ? `GkAmountTotal${id}` : `GkAmount${id}`;
  return cell.bold ? `GkTotal${id}` : `GkText${id}`;
}

function docxTable(grid: Grid, size: number, widthsPt: readonly number[]): Table {
  const widths = widthsPt.map((w) => Math.floor(w * TWIPS_PER_POINT));
  const rows = grid.rows.map((row, r) => {
    const cells: TableCell[] = [];
    row.forEach((cell, c) => {
      if (!cell) return;
      const span = cell.colSpan ?? 1;
      const width = widths.slice(c, c + span).reduce((a, b) => a + b, 0);
      cells.push(
        new TableCell({
          children: [
            new Paragraph({
              style: cellStyle(cell, size),
              // Indent by level, in the paragraph's own property (it varies row by row).
              ...(cell.indent ? { indent: { left: Math.round(cell.indent * size * TWIPS_PER_POINT) } } : {}),
              children: [new TextRun(cell.text)],
            }),
          ],
          width: { size: width, type: WidthType.DXA },
          verticalAlign: VerticalAlignTable.CENTER,
          ...(span > 1 ? { columnSpan: span } : {}),
          ...(cell.rowSpan ? { rowSpan: cell.rowSpan } : {}),
          ...(cell.kind === "header" ? { shading: { fill: "EEEEEE" } } : {}),
        }),
      );
    });
    return new TableRow({ children: cells, cantSplit: true, tableHeader: r < grid.headerRows });
  });
  return new Table({
    rows,
    style: "GongkaiTable",
    columnWidths: widths,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
  });
}

function footer(): Footer {
  return new Footer({
    children: [new Paragraph({ style: "Footer", children: [new TextRun({ children: ["第 ", PageNumber.CURRENT, " 页"] })] })],
  });
}

function page(orientation: "portrait" | "landscape") {
  const landscape = orientation === "landscape";
  return {
    page: {
      // docx swaps width and height itself for a landscape page.
      size: { width: A4.width, height: A4.height, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
      margin: { top: MARGIN.top, bottom: MARGIN.bottom, left: MARGIN.side, right: MARGIN.side },
    },
  };
}

function headingStyle(depth: number): string {
  return depth <= 1 ? "Heading1" : depth === 2 ? "Heading2" : "Heading3";
}

function sectionParagraphs(section: NarrativeSection): Paragraph[] {
  const out: Paragraph[] = [];
  if (section.path.length > 0) out.push(new Paragraph({ style: headingStyle(section.path.length), children: [new TextRun(section.heading)] }));
  for (const text of paragraphsOf(section.text)) out.push(new Paragraph({ style: "BodyText", children: [new TextRun(text)] }));
  return out;
}

function tocTable(disclosure: Disclosure): Table {
  const grid: Grid = {
    width: 4,
    headerRows: 1,
    columns: ["code", "label", "code", "text"],
    rows: [
      ["表号", "报表名称", "是否空表", "公开空表理由"].map((t): GridCell => ({ text: t, kind: "header", bold: true })),
      ...disclosure.toc.map((e): GridCell[] => [
        { text: `表${e.number}`, kind: "text" },
        { text: e.title, kind: "text" },
        { text: e.empty ? "是" : "否", kind: "text" },
        { text: e.emptyReason ?? "", kind: "text" },
      ]),
    ],
  };
  const available = (A4.width - 2 * MARGIN.side) / TWIPS_PER_POINT;
  return docxTable(grid, 9, [40, available - 40 - 50 - 130, 50, 130]);
}

function tableChildren(table: StandardTable): { orientation: "portrait" | "landscape"; size: number; children: (Paragraph | Table)[] } {
  const grid = tableGrid(table);
  // Bold DejaVu Sans, which LibreOffice may put in place of Times New Roman, has digits 0.7 em wide.
  const place = placeTable(table, grid, 0.72);
  const children: (Paragraph | Table)[] = [
    new Paragraph({ style: "TableTitle", children: [new TextRun(`${tableLabel(table)}  ${table.title}`)] }),
    new Paragraph({ style: "TableUnit", children: [new TextRun(`单位：${table.unit}`)] }),
  ];
  if (grid.rows.length > 0) children.push(docxTable(grid, place.size, place.widths));
  for (const note of table.notes ?? []) children.push(new Paragraph({ style: "TableNote", children: [new TextRun(note)] }));
  if (table.empty) children.push(new Paragraph({ style: "TableNote", children: [new TextRun(`注：本表为空表。${table.emptyReason ?? ""}`)] }));
  return { orientation: place.orientation, size: place.size, children };
}

/** The Word document (not yet packed). */
export function buildPublishedDocx(disclosure: Disclosure, options: PublishOptions = {}): Document {
  const part = tablesPart(disclosure);
  const partPath = part.index >= 0 ? disclosure.narrative[part.index]!.path[0] : undefined;
  const cover = [
    new Paragraph({ style: "CoverUnit", children: [new TextRun(disclosure.unitName ?? "（单位名称未填写）")] }),
    new Paragraph({ style: "CoverYear", children: [new TextRun(disclosure.year ? `${disclosure.year}年` : "")] }),
    new Paragraph({ style: "Title", children: [new TextRun(`部门（单位）${disclosure.phase ?? "预算"}公开`)] }),
    ...coverLines(disclosure).map((l) => new Paragraph({ style: "CoverLine", children: [new TextRun(`${l.label}：${l.value}`)] })),
  ];
  const narrative = disclosure.narrative.filter((s) => partPath === undefined || s.path[0] !== partPath).flatMap(sectionParagraphs);
  const partSection = part.index >= 0 ? disclosure.narrative[part.index] : undefined;
  const tablesIntro: (Paragraph | Table)[] = [
    new Paragraph({ style: "Heading1", pageBreakBefore: narrative.length > 0, children: [new TextRun(part.heading)] }),
    ...paragraphsOf(partSection?.text ?? "").map((t) => new Paragraph({ style: "BodyText", children: [new TextRun(t)] })),
    new Paragraph({ style: "Heading2", children: [new TextRun("目录")] }),
    tocTable(disclosure),
  ];
  const tables = disclosure.tables.map(tableChildren);
  const certificate = [
    new Paragraph({ style: "Heading2", children: [new TextRun("校验证书")] }),
    ...certificateText(options.certificate).map((line) => new Paragraph({ style: "Certificate", children: [new TextRun(line)] })),
  ];
  const last = tables.at(-1);
  if (last) last.children.push(...certificate);
  else tablesIntro.push(...certificate);
  const title = documentTitle(disclosure);
  return new Document({
    creator: "Gongkai",
    title,
    description: title,
    // The table style comes in as an external styles part; docx adds its defaults (docDefaults with
    // the fonts below, Normal …) and the paragraph styles to it.
    externalStyles: TABLE_STYLE,
    styles: styles([9, ...tables.map((t) => t.size)]),
    sections: [
      { properties: page("portrait"), children: cover },
      { properties: { ...page("portrait"), page: { ...page("portrait").page, pageNumbers: { start: 1 } } }, footers: { default: footer() }, children: [...narrative, ...tablesIntro] },
      ...tables.map((t) => ({ properties: page(t.orientation), footers: { default: footer() }, children: t.children })),
    ],
  });
}

/** The Word document as .docx bytes. */
export async function renderPublishedDocx(disclosure: Disclosure, options: PublishOptions = {}): Promise<Buffer> {
  return Packer.toBuffer(buildPublishedDocx(disclosure, options));
}
