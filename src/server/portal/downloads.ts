/**
 * The downloads of a publication — PDF, XLSX, DOCX and the open data package as one .zip — made on
 * request from the publication's version (the same renderers as `gongkai render`, with the
 * certificate stored with the publication) and kept: a publication never changes, so neither do
 * its files. The zip is made with jszip (already installed as exceljs' dependency), with every
 * entry dated at the publication, so the same publication always gives the same bytes.
 */
import JSZip from "jszip";
import { classificationNames } from "../../pipeline/publish.ts";
import { renderDataPackage } from "../../renderers/data-package/render-data-package.ts";
import { renderPublishedDocx } from "../../renderers/docx/render-published-docx.ts";
import { renderPublishedPdf } from "../../renderers/pdf/render-published-pdf.ts";
import { renderPublishedXlsx } from "../../renderers/xlsx/render-published-xlsx.ts";
import type { PublishedVersion } from "./data.ts";
import { DOWNLOAD_NAMES } from "./disclosure.ts";
import type { DownloadFile } from "./links.ts";

export interface Download {
  readonly body: Buffer;
  readonly type: string;
  /** The file name a browser saves it as: `<unit code>-<year>-第<n>次发布.pdf`. */
  readonly filename: string;
}

/** At most this many bytes of files are kept (least recently used go first). */
const KEPT_BYTES = 64 * 1024 * 1024;
const KEPT = new Map<string, Promise<Buffer>>();
const SIZES = new Map<string, number>();
/** Each store's number in the keys: publication ids are a store's own (tests run several stores in one process). */
const STORES = new WeakMap<object, number>();
let stores = 0;

function storeNumber(store: object): number {
  let n = STORES.get(store);
  if (n === undefined) STORES.set(store, (n = ++stores));
  return n;
}

function keep(key: string, make: () => Promise<Buffer>): Promise<Buffer> {
  const found = KEPT.get(key);
  if (found) {
    KEPT.delete(key);
    KEPT.set(key, found);
    return found;
  }
  const made = make();
  KEPT.set(key, made);
  made.then(
    (body) => {
      SIZES.set(key, body.length);
      let total = [...SIZES.values()].reduce((a, b) => a + b, 0);
      for (const old of KEPT.keys()) {
        if (total <= KEPT_BYTES || old === key) break;
        total -= SIZES.get(old) ?? 0;
        KEPT.delete(old);
        SIZES.delete(old);
      }
    },
    () => KEPT.delete(key),
  );
  return made;
}

async function render(version: PublishedVersion, file: DownloadFile): Promise<Buffer> {
  const { disclosure, certificate } = version;
  switch (file) {
    case "disclosure.pdf":
      return renderPublishedPdf(disclosure, { certificate });
    case "disclosure.xlsx":
      return renderPublishedXlsx(disclosure);
    case "disclosure.docx":
      return renderPublishedDocx(disclosure, { certificate });
    case "datapackage.zip": {
      const files = renderDataPackage({
        disclosure,
        document: version.document,
        ...(version.catalog ? { names: classificationNames(version.document, version.catalog) } : {}),
        certificate,
      });
      const zip = new JSZip();
      const date = new Date(version.publication.publishedAt);
      for (const f of files) zip.file(f.path, f.data, { date });
      return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } });
    }
  }
}

/** A publication's file, made once and then kept. */
export async function download(store: object, version: PublishedVersion, unitCode: string, year: number, file: DownloadFile): Promise<Download> {
  const body = await keep(`${storeNumber(store)}:${version.publication.id}:${file}`, () => render(version, file));
  const extension = file.slice(file.indexOf(".") + 1);
  const stem = file === "datapackage.zip" ? "开放数据包" : "预算公开";
  return { body, type: DOWNLOAD_NAMES[file].type, filename: `${unitCode}-${year}-第${version.publication.sequence}次发布-${stem}.${extension}` };
}
