/**
 * The page's CSS, inlined in `<style>`: screen and A4 print. Colours are chosen for contrast (body text
 * #1a1a1a on white is 17:1; links #0b4ea2 on white 7.6:1; header cells #1a1a1a on #e8edf4 over 14:1),
 * focus is always visible, and print starts each table on a new page with its header rows repeated
 * (`thead` as a table-header-group). Wide tables (表1/4/9 and those of seven value columns or more)
 * print on landscape pages.
 */
export const PAGE_CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
html { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "SimSun", sans-serif; font-size: 16px; line-height: 1.7; color: #1a1a1a; background: #ffffff; }
body { margin: 0 auto; max-width: 1200px; padding: 0 1.25rem 3rem; }
a { color: #0b4ea2; }
a:focus-visible, [tabindex]:focus-visible { outline: 3px solid #b34700; outline-offset: 2px; }
.skip-link { position: absolute; left: -9999px; top: 0; padding: 0.5rem 1rem; background: #0b4ea2; color: #ffffff; z-index: 10; }
.skip-link:focus { left: 1rem; top: 1rem; }
main:focus { outline: none; }
h1 { font-size: 1.75rem; line-height: 1.3; margin: 1.5rem 0 0.75rem; }
h2 { font-size: 1.35rem; margin: 2rem 0 0.75rem; border-bottom: 2px solid #2f5597; padding-bottom: 0.25rem; }
h3 { font-size: 1.15rem; margin: 1.5rem 0 0.5rem; }
h4, h5, h6 { font-size: 1rem; margin: 1.25rem 0 0.4rem; }
p { margin: 0.35rem 0; }
.narrative p { text-indent: 2em; }
.cover p { margin: 0.2rem 0; }
.page-nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; padding: 0; margin: 1rem 0; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; font-size: 0.875rem; }
caption { text-align: center; padding: 0.5rem 0; }
caption .title { font-size: 1.1rem; font-weight: 700; }
caption .unit { text-align: right; font-size: 0.85rem; }
th, td { border: 1px solid #6b7280; padding: 0.25rem 0.5rem; vertical-align: middle; }
thead th, .form th[scope="rowgroup"], .form th[scope="col"] { background: #e8edf4; font-weight: 700; text-align: center; }
tbody th { font-weight: 400; text-align: left; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.code { white-space: nowrap; }
td.center { text-align: center; }
table.std { width: 100%; }
tr.total th, tr.total td, tr.heading th, tr.heading td, th.total, th.heading, td[data-kind="total"], td[data-kind="heading"] { font-weight: 700; }
tr.lv2 th.label, th.label.lv2 { padding-left: 1.5rem; }
tr.lv3 th.label, th.label.lv3 { padding-left: 2.5rem; }
tr.lv4 th.label, th.label.lv4 { padding-left: 3.5rem; }
.form th[scope="row"] { background: #f4f6f9; font-weight: 700; white-space: nowrap; }
.form th.sub { font-weight: 400; }
.form td.text { text-align: left; }
.note { font-size: 0.85rem; color: #333333; }
.toc { width: 100%; }
.charts .chart-pair { display: flex; flex-wrap: wrap; gap: 1rem 2rem; align-items: flex-start; }
.charts svg.chart { max-width: 100%; height: auto; flex: 1 1 420px; }
.chart-data { flex: 0 1 360px; }
.chart-data caption { font-weight: 700; text-align: left; }
figure { margin: 1rem 0 2rem; }
figcaption { font-weight: 700; margin-bottom: 0.5rem; }
.certificate { margin-top: 2rem; font-size: 0.9rem; }
.certificate ul { padding-left: 1.25rem; }

@page { size: A4 portrait; margin: 15mm 12mm 15mm 12mm; }
@page wide { size: A4 landscape; margin: 12mm 12mm; }
@media print {
  html { font-size: 10.5pt; }
  body { max-width: none; padding: 0; }
  .skip-link, .page-nav { display: none; }
  a { color: inherit; text-decoration: none; }
  .table-section { break-before: page; page-break-before: always; }
  .table-section.wide { page: wide; }
  table { font-size: 8.5pt; }
  thead { display: table-header-group; }
  tr, caption { break-inside: avoid; page-break-inside: avoid; }
  h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  .charts { break-before: page; page-break-before: always; }
  figure { break-inside: avoid; }
}
`.trim();
