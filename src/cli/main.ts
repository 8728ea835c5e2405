/**
 * The `gongkai` command: the CLI's composition root. Each command lives in `commands/<name>.ts`.
 * Exit status: 0 success, 1 findings (check), 2 bad input. Never a stack trace unless GONGKAI_DEBUG is set.
 */
import { Command, CommanderError } from "commander";
import pkg from "../../package.json" with { type: "json" };
import { registerAudit } from "./commands/audit.ts";
import { registerCatalog } from "./commands/catalog.ts";
import { registerCheck } from "./commands/check.ts";
import { registerExportSite } from "./commands/export-site.ts";
import { registerImport } from "./commands/import.ts";
import { registerNarrative } from "./commands/narrative.ts";
import { registerRender } from "./commands/render.ts";
import { registerServe } from "./commands/serve.ts";
import { registerTables } from "./commands/tables.ts";
import { registerTemplate } from "./commands/template.ts";
import { registerUser } from "./commands/user.ts";
import { registerValidate } from "./commands/validate.ts";
import { EXIT_BAD_INPUT, type Io, processIo } from "./output.ts";

const COMMANDER_MESSAGES: [RegExp, (m: RegExpExecArray) => string][] = [
  [/unknown option '(.+)'/, (m) => `未知选项 ${m[1]}`],
  [/unknown command '(.+)'/, (m) => `未知命令 ${m[1]}（运行 gongkai --help 查看可用命令）`],
  [/missing required argument '(.+)'/, (m) => `缺少参数 <${m[1]}>`],
  [/option '(.+)' argument missing/, (m) => `选项 ${m[1]} 缺少值`],
  [/required option '(.+)' not specified/, (m) => `缺少必填选项 ${m[1]}`],
  [/too many arguments/, () => "参数过多"],
];

function translate(message: string): string {
  const text = message.replace(/^error: /, "");
  for (const [pattern, say] of COMMANDER_MESSAGES) {
    const m = pattern.exec(text);
    if (m) return say(m);
  }
  return text;
}

export function buildProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command("gongkai")
    .description("Gongkai（公开）：部门/单位预算公开的编制、校验与发布")
    .version(pkg.version, "-v, --version", "显示版本")
    .helpOption("-h, --help", "显示帮助")
    .helpCommand("help [command]", "显示某个命令的帮助")
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.out(s),
      writeErr: (s) => io.err(s),
      outputError: (s, write) => write(`gongkai：${translate(s.trim())}\n`),
    });
  registerTables(program, io, setExit);
  registerValidate(program, io, setExit);
  registerCatalog(program, io, setExit);
  registerCheck(program, io, setExit);
  registerRender(program, io, setExit);
  registerTemplate(program, io, setExit);
  registerImport(program, io, setExit);
  registerNarrative(program, io, setExit);
  registerServe(program, io, setExit);
  registerUser(program, io, setExit);
  registerAudit(program, io, setExit);
  registerExportSite(program, io, setExit);
  const configure = (command: Command) => {
    command.exitOverride().helpOption("-h, --help", "显示帮助").configureOutput(program.configureOutput());
    command.commands.forEach(configure);
  };
  program.commands.forEach(configure);
  return program;
}

export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  let exit = 0;
  const program = buildProgram(io, (code) => {
    exit = code;
  });
  try {
    await program.parseAsync([...argv]);
    return exit;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === "commander.helpDisplayed" || error.code === "commander.version" || error.code === "commander.help"
        ? 0
        : EXIT_BAD_INPUT;
    }
    io.err(`gongkai：内部错误：${(error as Error).message}（设置 GONGKAI_DEBUG=1 可查看详细信息）`);
    if (process.env.GONGKAI_DEBUG) io.err(String((error as Error).stack));
    return 70;
  }
}
