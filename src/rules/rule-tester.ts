/**
 * `testRule(rule, { valid, invalid })`, after ESLint's RuleTester: every rule is tested with at least
 * one disclosure that must pass and one that must fail, and the failing ones state the messageIds
 * (and optionally data and cells) expected. It refuses an empty `valid` or `invalid`.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Disclosure } from "../model/disclosure.ts";
import type { CellRef, Finding } from "../model/finding.ts";
import type { Rule, RuleContext } from "./rule.ts";
import { runRules } from "./run.ts";

export interface ValidCase {
  readonly name: string;
  readonly disclosure: Disclosure;
  readonly context?: RuleContext;
}

export interface ExpectedFinding {
  readonly messageId: string;
  readonly data?: Finding["data"];
  /** Each listed cell must be among the finding's cells (fields compared as given). */
  readonly cells?: readonly Partial<CellRef>[];
  readonly expected?: Finding["expected"];
  readonly actual?: Finding["actual"];
  readonly severity?: Finding["severity"];
}

export interface InvalidCase extends ValidCase {
  readonly findings: readonly ExpectedFinding[];
}

export function testRule(rule: Rule, cases: { valid: readonly ValidCase[]; invalid: readonly InvalidCase[] }): void {
  if (cases.valid.length === 0) throw new Error(`规则 ${rule.meta.id} 的测试缺少 valid 用例`);
  if (cases.invalid.length === 0) throw new Error(`规则 ${rule.meta.id} 的测试缺少 invalid 用例`);
  describe(rule.meta.id, () => {
    for (const c of cases.valid) {
      it(`valid: ${c.name}`, () => {
        const findings = runRules([rule], c.disclosure, c.context ?? {});
        assert.deepEqual(
          findings.map((f) => `${f.messageId}: ${f.message}`),
          [],
        );
      });
    }
    for (const c of cases.invalid) {
      it(`invalid: ${c.name}`, () => {
        if (c.findings.length === 0) throw new Error("invalid 用例必须列出预期的问题");
        const findings = runRules([rule], c.disclosure, c.context ?? {});
        assert.equal(findings.length, c.findings.length, findings.map((f) => f.message).join("\n"));
        c.findings.forEach((expected, i) => {
          const actual = findings[i]!;
          assert.notEqual(actual.messageId, "ruleFailed", actual.message);
          assert.equal(actual.messageId, expected.messageId);
          if (expected.data) assert.deepEqual(pick(actual.data, Object.keys(expected.data)), expected.data);
          if (expected.severity) assert.equal(actual.severity, expected.severity);
          if ("expected" in expected) assert.equal(actual.expected, expected.expected);
          if ("actual" in expected) assert.equal(actual.actual, expected.actual);
          for (const cell of expected.cells ?? []) {
            assert.ok(
              actual.cells.some((a) => Object.entries(cell).every(([k, v]) => (a as unknown as Record<string, unknown>)[k] === v)),
              `cell ${JSON.stringify(cell)} not in ${JSON.stringify(actual.cells)}`,
            );
          }
        });
      });
    }
  });
}

function pick(data: Finding["data"], keys: string[]): Record<string, string | number> {
  return Object.fromEntries(keys.map((k) => [k, data[k]!]));
}
