import type { Command } from "commander";
import type { NarrativeSection } from "../../model/disclosure.ts";
import { writeNarrative } from "../../narrative/write/write-narrative.ts";
import { EXIT_OK, type Io, preparedOrReport, reportProblems } from "../output.ts";

/** The 说明 as plain text: each heading on its own line, then its text, a blank line between sections. */
export function narrativeText(title: string, sections: readonly NarrativeSection[]): string {
  const blocks = [title, ...sections.map((s) => (s.text ? `${s.heading}\n${s.text}` : s.heading))];
  return `${blocks.join("\n\n")}\n`;
}

export function registerNarrative(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command("narrative")
    .description("由预算数据生成预算公开说明（文字）；缺少增减原因等问题作为警告输出到标准错误")
    .argument("<file>", "预算数据文件（*.budget.json / *.budget.yaml）")
    .action((file: string) => {
      const prepared = preparedOrReport(io, file, setExit);
      if (!prepared) return;
      const { doc, catalog } = prepared;
      const { sections, problems } = writeNarrative(doc, { catalog });
      reportProblems(
        io,
        file,
        problems.map((p) => ({ severity: "warning" as const, path: `$.reasons[${JSON.stringify(p.key)}]`, message: p.message })),
      );
      io.out(narrativeText(`${doc.unit.name}\n${doc.year} 年${doc.scope}预算公开说明`, sections));
      setExit(EXIT_OK);
    });
}
