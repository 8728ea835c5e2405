/**
 * Every portal page links RELATIVELY, so the same HTML works under /portal/ on the server, from any
 * folder of a static host, and from file:// (the static export). Pages know their own path; `linker`
 * turns an absolute portal path into a link relative to it. `portalPaths` builds every path, so
 * each URL is spelt in one place.
 */

/** Splits `/a/b/c/?x#y` into its path segments, whether it ends with `/` (a folder), and its `?x#y`. */
function split(path: string): { segments: string[]; folder: boolean; rest: string } {
  const cut = path.search(/[?#]/);
  const pathname = cut === -1 ? path : path.slice(0, cut);
  const rest = cut === -1 ? "" : path.slice(cut);
  const segments = pathname.split("/").filter((s) => s !== "");
  return { segments, folder: pathname.endsWith("/"), rest };
}

/**
 * The link from the page at `from` to `to` (both absolute paths, `to` with an optional query or
 * hash): `relativeHref("/portal/units/1/2023/", "/portal/subjects/function/201/")` →
 * `../../../subjects/function/201/`. A page that is a folder (`…/`) links from itself, any other from its folder.
 */
export function relativeHref(from: string, to: string): string {
  if (!to.startsWith("/")) throw new Error(`链接目标必须是以 / 开头的站内路径：${to}`);
  const base = split(from);
  const baseDir = base.folder ? base.segments : base.segments.slice(0, -1);
  const target = split(to);
  let common = 0;
  while (common < baseDir.length && common < target.segments.length && baseDir[common] === target.segments[common]) common += 1;
  // A target that is the folder itself, or a parent of it, must keep its trailing slash.
  const ups = baseDir.length - common;
  const down = target.segments.slice(common);
  let href = "../".repeat(ups) + down.join("/");
  if (down.length > 0 && target.folder) href += "/";
  if (href === "") href = "./";
  return href + target.rest;
}

/** A page's link maker: `link("/portal/scorecard/")` from wherever the page is. */
export type Linker = (to: string) => string;

export function linker(from: string): Linker {
  return (to) => relativeHref(from, to);
}

const seg = (value: string | number) => encodeURIComponent(String(value));

export type SubjectKind = "function" | "economic";

export type DownloadFile = "disclosure.pdf" | "disclosure.xlsx" | "disclosure.docx" | "datapackage.zip";

export const DOWNLOAD_FILES: readonly DownloadFile[] = ["disclosure.pdf", "disclosure.xlsx", "disclosure.docx", "datapackage.zip"];

/** The portal's URL design (shared with the API and the static export). Every page path ends with `/`. */
export const portalPaths = {
  root: "/portal/",
  home: () => "/portal/",
  search: (query: { q?: string; year?: number | string; region?: string } = {}) => {
    const params = new URLSearchParams();
    if (query.q) params.set("q", query.q);
    if (query.year) params.set("year", String(query.year));
    if (query.region) params.set("region", query.region);
    const qs = params.toString();
    return `/portal/search/${qs ? `?${qs}` : ""}`;
  },
  region: (region: string) => `/portal/regions/${seg(region)}/`,
  department: (code: string) => `/portal/departments/${seg(code)}/`,
  departmentYear: (code: string, year: number) => `/portal/departments/${seg(code)}/${year}/`,
  unit: (code: string) => `/portal/units/${seg(code)}/`,
  disclosure: (code: string, year: number) => `/portal/units/${seg(code)}/${year}/`,
  history: (code: string, year: number) => `/portal/units/${seg(code)}/${year}/history/`,
  publication: (code: string, year: number, sequence: number) => `/portal/units/${seg(code)}/${year}/${sequence}/`,
  download: (code: string, year: number, sequence: number, file: DownloadFile) => `/portal/units/${seg(code)}/${year}/${sequence}/${file}`,
  compare: () => "/portal/compare/",
  compareYears: (code: string, year: number, otherYear: number) => `/portal/compare/years/${seg(code)}/${year}/${otherYear}/`,
  compareUnits: (year: number, code: string, otherCode: string) => `/portal/compare/units/${year}/${seg(code)}/${seg(otherCode)}/`,
  scorecard: () => "/portal/scorecard/",
  scorecardDepartment: (code: string) => `/portal/scorecard/${seg(code)}/`,
  subject: (kind: SubjectKind, code: string) => `/portal/subjects/${kind}/${seg(code)}/`,
  asset: (name: "portal.css" | "portal.js" | "search-index.js") => `/portal/assets/${name}`,
} as const;

/** The 科目 page kind of a code: 支出功能分类 codes begin with 2, economic ones (部门 3xx, 政府 5xx) with 3 or 5. */
export function subjectKindOf(code: string): SubjectKind | undefined {
  if (/^2\d{2}(\d{2}){0,2}$/.test(code)) return "function";
  if (/^[35]\d{2}(\d{2})?$/.test(code)) return "economic";
  return undefined;
}
