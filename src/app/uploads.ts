/**
 * The Excel template in the app: a workbook for the preparer to fill (blank for a year, or filled from
 * the latest version), and an uploaded workbook read, checked and saved as a version. An upload is read
 * and checked completely before anything is stored: a faulty workbook stores nothing and comes back as
 * problems at its sheets and cells.
 */
import { CatalogNotFoundError, loadCatalog } from "../catalog/load.ts";
import type { BudgetDocument } from "../model/budget-document.ts";
import type { UnitKind } from "../model/vocabulary.ts";
import { importTemplate, templateCatalogLists } from "../pipeline/xlsx-template.ts";
import type { Problem } from "../pipeline/problem.ts";
import { writeTemplate } from "../renderers/xlsx-template/write-template.ts";
import { findDisclosure } from "../store/repositories/disclosures.ts";
import { unitById } from "../store/repositories/units.ts";
import type { UserRecord } from "../store/repositories/users.ts";
import { AppError, type AppContext } from "./context.ts";
import { saveVersion } from "./disclosures.ts";
import type { Evaluation } from "./evaluate.ts";
import { canView } from "./policy.ts";

/** The largest workbook accepted: the template with every catalog list is about 200 KB. */
export const MAX_WORKBOOK_BYTES = 5 * 1024 * 1024;

export async function templateWorkbook(ctx: AppContext, year: number, unitKind: UnitKind, doc?: BudgetDocument): Promise<Buffer> {
  let catalog;
  try {
    catalog = loadCatalog(year, ctx.catalogRoot);
  } catch (error) {
    if (error instanceof CatalogNotFoundError) throw new AppError(error.message, 404);
    throw error;
  }
  return writeTemplate({ year, unitKind, lists: templateCatalogLists(catalog, doc?.scope === "部门" ? undefined : unitKind), ...(doc ? { doc } : {}) });
}

export type UploadResult =
  | { readonly ok: true; readonly disclosureId: number; readonly version: number; readonly evaluation: Evaluation }
  | { readonly ok: false; readonly problems: readonly Problem[] };

/**
 * Reads an uploaded workbook for `unitId`. `target` is the disclosure the upload is meant for and the
 * version the preparer saw; without it, the workbook must be for a year that has no disclosure yet.
 */
export async function uploadWorkbook(
  ctx: AppContext,
  user: UserRecord,
  unitId: number,
  bytes: Uint8Array,
  fileName: string,
  target?: { disclosureId: number; head: number },
): Promise<UploadResult> {
  const unit = await unitById(ctx.db, unitId);
  if (!unit || !canView(user, unit) || user.role !== "preparer") throw new AppError("您无权为这个单位上传", 404);
  const fail = (message: string, path = fileName): UploadResult => ({ ok: false, problems: [{ severity: "error", path, message }] });
  if (bytes.length === 0) return fail("上传的文件是空的");
  if (bytes.length > MAX_WORKBOOK_BYTES) return fail(`文件过大（${(bytes.length / 1024 / 1024).toFixed(1)} MB），上限 ${MAX_WORKBOOK_BYTES / 1024 / 1024} MB`);
  // An .xlsx is a ZIP file: anything else (an old .xls, a PDF, a renamed file) is refused before parsing.
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)) return fail("不是 Excel 工作簿（.xlsx）；请用“下载填报模板”得到的模板填写后上传，旧版 .xls 请先另存为 .xlsx");
  const read = await importTemplate(Buffer.from(bytes), ctx.catalogRoot);
  if (!read.ok) return { ok: false, problems: read.problems };
  const doc = read.doc;
  if (doc.unit.code !== unit.code) return fail(`工作簿中的单位编码 ${doc.unit.code} 与单位“${unit.name}”的编码 ${unit.code} 不符`, "单位信息");
  const existing = await findDisclosure(ctx.db, unit.id, doc.year);
  let head = 0;
  if (existing) {
    if (!target || target.disclosureId !== existing.id) {
      return fail(
        target ? `工作簿是 ${doc.year} 年的，与正在编辑的年度不符` : `${unit.name} ${doc.year} 年已有公开文本，请在它的编辑页面上传`,
        "年度",
      );
    }
    head = target.head;
  } else if (target) {
    return fail(`工作簿是 ${doc.year} 年的，与正在编辑的年度不符`, "年度");
  }
  const saved = await saveVersion(ctx, user, unit.id, doc, head, "模板");
  return { ok: true, disclosureId: saved.disclosure.id, version: saved.version, evaluation: saved.evaluation };
}
