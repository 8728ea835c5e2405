/**
 * The check certificate every rendering carries (issue 5, item 3): which Gongkai made it, with which
 * year's catalog and which rule set, and how many findings the checker raised on the disclosure it
 * renders. Anyone can re-run `gongkai check` on the published file and compare. Produced by
 * src/pipeline/certificate.ts; renderers only print it (`certificateLines`), so every format says the
 * same thing in the same words.
 */

export interface RuleSetVersion {
  /** How many rules ran. */
  readonly count: number;
  /** `sha256:` + the SHA-256 (hex) of the rule ids, sorted, one per line: changes when a rule is added or removed. */
  readonly hash: string;
}

export interface FindingCounts {
  readonly error: number;
  readonly warning: number;
  readonly info: number;
}

export interface CheckCertificate {
  readonly tool: "Gongkai";
  /** Gongkai's version (package.json). */
  readonly version: string;
  /** The year of the classification catalog (政府收支分类科目) the check used; undefined when none covered the year. */
  readonly catalogYear?: number;
  readonly catalogName?: string;
  readonly ruleSet: RuleSetVersion;
  readonly findings: FindingCounts;
}

/** The first 12 hex digits of the rule-set hash, as printed. */
export function shortRuleHash(ruleSet: RuleSetVersion): string {
  return ruleSet.hash.replace(/^sha256:/, "").slice(0, 12);
}

/**
 * The certificate as printed lines, in Chinese. No 万元 figure and no percentage, so a reader of
 * the published page never takes these lines for narrative figures.
 */
export function certificateLines(certificate: CheckCertificate): string[] {
  const { error, warning, info } = certificate.findings;
  return [
    `生成工具：${certificate.tool} ${certificate.version}`,
    `科目目录：${certificate.catalogYear === undefined ? "未使用（无该年度目录）" : `${certificate.catalogYear} 年${certificate.catalogName ? `（${certificate.catalogName}）` : ""}`}`,
    `校验规则：${certificate.ruleSet.count} 条（规则集 ${shortRuleHash(certificate.ruleSet)}）`,
    `校验结果：${error} 个错误、${warning} 个警告、${info} 个提示`,
  ];
}
