/** A problem found in an input, located by its JSON path (or file position), with a Chinese message. */
export interface Problem {
  readonly severity: "error" | "warning";
  /** `$.expenditure[3].functionCode`, or `第 12 行第 5 列` for a syntax error. */
  readonly path: string;
  readonly message: string;
}

export function jsonPath(segments: readonly PropertyKey[]): string {
  let out = "$";
  for (const s of segments) {
    if (typeof s === "number") out += `[${s}]`;
    else if (typeof s === "string" && /^[A-Za-z_$][\w$]*$/.test(s)) out += `.${s}`;
    else out += `[${JSON.stringify(String(s))}]`;
  }
  return out;
}

export const hasErrors = (problems: readonly Problem[]) => problems.some((p) => p.severity === "error");
