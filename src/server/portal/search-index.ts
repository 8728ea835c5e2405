/**
 * The offline search index of the static export: every published disclosure (unit, 主管部门, region,
 * year, its page) and every searchable item of it (project names, 科目 codes and names), as a script
 * that sets `window.GONGKAI_SEARCH_INDEX` — a script, not a JSON file, because a page opened from
 * file:// may load scripts but not fetch files. portal.js searches it as the server's search does.
 */
import type { Sql } from "../../store/sql.ts";
import { listPortalEntries } from "../../store/repositories/portal.ts";
import { allSearchItems } from "../../store/repositories/portal-pages.ts";
import { portalPaths } from "./links.ts";

export async function searchIndexScript(sql: Sql): Promise<string> {
  const entries = await listPortalEntries(sql);
  const index = new Map(entries.map((e, i) => [e.disclosureId, i]));
  const items = (await allSearchItems(sql)).flatMap((item) => {
    const i = index.get(item.disclosureId);
    return i === undefined || item.kind === "unit" ? [] : [[i, item.kind, item.code, item.text]];
  });
  const data = {
    entries: entries.map((e) => ({
      unitCode: e.unitCode,
      unitName: e.unitName,
      departmentCode: e.departmentCode,
      departmentName: e.departmentName,
      region: e.region,
      year: e.year,
      path: portalPaths.disclosure(e.unitCode, e.year).slice(portalPaths.root.length),
    })),
    items,
  };
  // `<` is escaped so that no text can close a script element, wherever the file is included.
  return `window.GONGKAI_SEARCH_INDEX = ${JSON.stringify(data).replace(/</g, "\\u003c")};\n`;
}
