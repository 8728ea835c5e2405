/** How the CLI talks to people: problems as located Chinese lines on stderr. */
import { type Prepared, prepareDocument } from "../pipeline/prepare.ts";
import type { Problem } from "../pipeline/problem.ts";

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_BAD_INPUT = 2;

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: Io = {
  out: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith("\n") ? text : `${text}\n`),
};

const SEVERITY = { error: "错误", warning: "警告" } as const;

export function formatProblem(file: string, p: Problem): string {
  return `${file}：${p.path}：${SEVERITY[p.severity]}：${p.message}`;
}

export function reportProblems(io: Io, file: string, problems: readonly Problem[]): void {
  for (const p of problems) io.err(formatProblem(file, p));
}

/**
 * Reads and validates a BudgetDocument for a command: problems go to stderr with exit status 2 and
 * `undefined` comes back; warnings are printed and the document comes back with its catalog.
 */
export function preparedOrReport(io: Io, file: string, setExit: (code: number) => void): (Prepared & { ok: true }) | undefined {
  const prepared = prepareDocument(file);
  if (!prepared.ok) {
    reportProblems(io, file, prepared.problems);
    setExit(EXIT_BAD_INPUT);
    return undefined;
  }
  reportProblems(io, file, prepared.warnings);
  return prepared;
}
