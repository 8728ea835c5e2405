import fc from "fast-check";
import { loadCatalog } from "/work/main/src/catalog/load.ts";
import { validateDocument } from "/work/main/src/pipeline/validate-document.ts";
import { BudgetDocumentSchema } from "/work/main/src/model/budget-document.ts";
import { arbitraryBudgetDocument, syntheticBudgetDocument } from "/work/main/test/support/arbitrary-budget.ts";
const catalog = loadCatalog(2024);
const t0 = performance.now();
const docs = fc.sample(arbitraryBudgetDocument(catalog), 300);
console.log("gen ms", performance.now() - t0);
let bad = 0; const counts = new Map<string, number>();
for (const d of docs) {
  const probs = validateDocument(d, catalog);
  const errs = probs.filter(p => p.severity === "error");
  for (const p of probs) counts.set(p.severity + " " + p.message.slice(0, 30), (counts.get(p.severity + " " + p.message.slice(0, 30)) ?? 0) + 1);
  if (errs.length) { bad++; if (bad < 3) console.log(errs.slice(0,3)); }
  const r = BudgetDocumentSchema.safeParse(JSON.parse(JSON.stringify(d)));
  if (!r.success) { console.log(r.error.issues.slice(0,2)); }
  for (const k of Object.keys(d.emptyTables)) counts.set("empty " + k, (counts.get("empty " + k) ?? 0) + 1);
  counts.set("scope " + d.scope, (counts.get("scope " + d.scope) ?? 0) + 1);
}
console.log("bad", bad, counts);
const s = syntheticBudgetDocument(1, catalog);
console.log(s.expenditure.length, validateDocument(s, catalog), JSON.stringify(s).length);
let n = 0; for (let i = 0; i < 200; i++) { const d = syntheticBudgetDocument(i, catalog); n += d.expenditure.length; const e = validateDocument(d, catalog).filter(p=>p.severity==="error"); if (e.length) console.log(i, e); }
console.log("avg lines", n / 200);
