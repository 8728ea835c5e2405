/**
 * A worker thread of `bulkPublish` (bulk-publish.ts): renders the published page of each document it
 * is sent and posts back the page and what the publication keeps of it. It has no database.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { BudgetDocument } from "../model/budget-document.ts";
import { renderPublication } from "./bulk-publish.ts";

const { threshold, catalogRoot } = workerData as { threshold: number; catalogRoot?: string };

parentPort!.on("message", async ({ id, document }: { id: number; document: BudgetDocument }) => {
  try {
    parentPort!.postMessage({ id, result: await renderPublication(document, threshold, catalogRoot) });
  } catch (error) {
    parentPort!.postMessage({ id, error: (error as Error).message });
  }
});
