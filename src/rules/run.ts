/**
 * Runs a list of rules over a Disclosure and turns their reports into Findings. A rule that throws
 * becomes one finding of its own, so one broken rule cannot hide the others' results.
 */
import type { Disclosure } from "../model/disclosure.ts";
import type { Finding, Severity } from "../model/finding.ts";
import { renderMessage, type Rule, type RuleContext } from "./rule.ts";

export interface RunOptions {
  /** Severity overrides by rule id; "off" disables a rule. */
  readonly severities?: Readonly<Record<string, Severity | "off">>;
}

export function runRules(
  rules: readonly Rule[],
  disclosure: Disclosure,
  context: RuleContext,
  options: RunOptions = {},
): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    const configured = options.severities?.[rule.meta.id];
    if (configured === "off") continue;
    try {
      for (const report of rule.check(disclosure, context)) {
        const template = rule.meta.messages[report.messageId];
        if (template === undefined) throw new Error(`规则 ${rule.meta.id} 报告了未定义的消息 ${report.messageId}`);
        const data = report.data ?? {};
        const { severity: reported, ...rest } = report;
        findings.push({
          ...rest,
          ruleId: rule.meta.id,
          severity: configured ?? reported ?? rule.meta.severity,
          category: rule.meta.category,
          data,
          message: renderMessage(template, data),
        });
      }
    } catch (error) {
      findings.push({
        ruleId: rule.meta.id,
        severity: "warning",
        category: rule.meta.category,
        messageId: "ruleFailed",
        data: { reason: (error as Error).message },
        message: `规则 ${rule.meta.id} 未能完成检查：${(error as Error).message}`,
        cells: [],
      });
    }
  }
  return findings;
}
