/**
 * A finding's identity across saves: the rule, the message and the cells or narrative place it names,
 * not its wording or figures. An acknowledged warning stays acknowledged while that identity holds.
 */
import { createHash } from "node:crypto";
import type { Finding } from "../model/finding.ts";

export function findingKey(finding: Finding): string {
  const cells = finding.cells.map((c) => [c.table, c.instance ?? "", c.group ?? "", c.rowCode ?? c.rowLabel ?? "", c.column ?? ""].join("/"));
  const where = finding.narrative ? finding.narrative.path.join("/") : "";
  const text = [finding.ruleId, finding.messageId, ...cells, where].join("|");
  return `${finding.ruleId}:${createHash("sha256").update(text).digest("hex").slice(0, 16)}`;
}
