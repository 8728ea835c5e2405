/**
 * Findings as SARIF 2.1.0, for code-review tools. Each finding is a result with a physical location
 * (the file, and the line or page when the reader knows it) and a logical one (the table cell).
 */
import type { Finding } from "../../model/finding.ts";
import { describeCell } from "./cell-text.ts";
import type { FileResult } from "./render-text.ts";

const LEVEL = { error: "error", warning: "warning", info: "note" } as const;

export interface RuleDescription {
  readonly id: string;
  readonly description: string;
}

export function renderSarif(results: readonly FileResult[], rules: readonly RuleDescription[], version: string): string {
  const sarifResults = results.flatMap((r) => r.findings.map((f) => sarifResult(r.file, f)));
  const notifications = results
    .filter((r) => r.unreadable)
    .map((r) => ({
      level: "error",
      message: { text: `无法读取：${r.unreadable}` },
      locations: [{ physicalLocation: { artifactLocation: { uri: r.file } } }],
    }));
  return JSON.stringify(
    {
      $schema: "https://json.schemastore.org/sarif-2.1.0.json",
      version: "2.1.0",
      runs: [
        {
          tool: {
            driver: {
              name: "gongkai",
              version,
              informationUri: "https://gongkai.example/docs/rules",
              rules: rules.map((r) => ({
                id: r.id,
                shortDescription: { text: r.description },
                helpUri: `https://gongkai.example/docs/rules/${r.id}`,
              })),
            },
          },
          results: sarifResults,
          invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
        },
      ],
    },
    null,
    2,
  );
}

function sarifResult(file: string, f: Finding) {
  const source = f.cells[0]?.source ?? f.narrative?.source;
  const region = source?.line ? { region: { startLine: source.line } } : {};
  return {
    ruleId: f.ruleId,
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [
      {
        physicalLocation: { artifactLocation: { uri: file }, ...region },
        logicalLocations: f.cells.map((c) => ({ name: describeCell(c), kind: "member" })),
      },
    ],
    properties: {
      category: f.category,
      ...(source?.page ? { page: source.page } : {}),
      ...(f.expected !== undefined ? { expected: f.expected } : {}),
      ...(f.actual !== undefined ? { actual: f.actual } : {}),
      ...(f.difference !== undefined ? { difference: f.difference } : {}),
    },
  };
}
