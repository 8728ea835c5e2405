/**
 * What stands between a version and submission: errors (which must be fixed), warnings without an
 * acknowledgement (which need a reason), and required year-over-year reasons still empty.
 */
import type { Finding } from "../model/finding.ts";
import { findingKey } from "./finding-key.ts";
import { missingReasons, type RequiredReason } from "./reasons.ts";

export interface Gate {
  readonly errors: readonly Finding[];
  readonly unacknowledged: readonly Finding[];
  readonly missingReasons: readonly RequiredReason[];
  readonly open: boolean;
}

export function submissionGate(
  findings: readonly Finding[],
  acknowledged: ReadonlySet<string>,
  required: readonly RequiredReason[],
): Gate {
  const errors = findings.filter((f) => f.severity === "error");
  const unacknowledged = findings.filter((f) => f.severity === "warning" && !acknowledged.has(findingKey(f)));
  const missing = missingReasons(required);
  return { errors, unacknowledged, missingReasons: missing, open: errors.length === 0 && unacknowledged.length === 0 && missing.length === 0 };
}

/** The gate's blockers as Chinese sentences, for the page and for the refusal message. */
export function describeGate(gate: Gate): string[] {
  const out: string[] = [];
  if (gate.errors.length) out.push(`还有 ${gate.errors.length} 个错误，改正后才能提交`);
  if (gate.unacknowledged.length) out.push(`有 ${gate.unacknowledged.length} 个警告需要说明理由后确认`);
  if (gate.missingReasons.length) out.push(`有 ${gate.missingReasons.length} 项较上年变动需要填写增减原因：${gate.missingReasons.map((r) => r.label).join("、")}`);
  return out;
}
