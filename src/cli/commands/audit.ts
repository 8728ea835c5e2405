/** `gongkai audit verify`: recomputes the audit log's hash chain and says whether it is untouched. */
import type { Command } from "commander";
import { verifyAudit } from "../../store/repositories/audit.ts";
import { EXIT_FINDINGS, EXIT_OK, type Io } from "../output.ts";
import { withApp } from "./user.ts";

export function registerAudit(program: Command, io: Io, setExit: (code: number) => void): void {
  const audit = program.command("audit").description("审计日志");
  audit
    .command("verify")
    .description("校验审计日志的哈希链：任何一条被改动、删除或插入都会被发现")
    .option("--data <dir>", "内置数据库的目录")
    .action(async (options: { data?: string }) =>
      withApp(io, setExit, options.data, async (ctx) => {
        const result = await verifyAudit(ctx.db);
        if (result.ok) {
          io.out(`审计日志完好：共 ${result.entries} 条，哈希链连续；最新哈希 ${result.lastHash}`);
          setExit(EXIT_OK);
        } else {
          io.err(`审计日志已被改动：${result.problem}（前 ${result.entries} 条完好）`);
          setExit(EXIT_FINDINGS);
        }
      }),
    );
}
