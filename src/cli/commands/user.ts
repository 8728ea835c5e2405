/** `gongkai user add|reset|list`: accounts from the command line (the administrator's first tool). */
import type { Command } from "commander";
import { addUser, resetPassword } from "../../app/accounts.ts";
import { AppError, type AppContext } from "../../app/context.ts";
import { openApp } from "../../app/runtime.ts";
import { ROLE_NAMES } from "../../server/views/layout.ts";
import { listUnits } from "../../store/repositories/units.ts";
import { listDepartments } from "../../store/repositories/units.ts";
import { listUsers, ROLES, type Role } from "../../store/repositories/users.ts";
import { duties as chainDuties } from "../../workflow/chain.ts";
import { EXIT_BAD_INPUT, EXIT_OK, type Io } from "../output.ts";

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** Runs `work` with the app open, turning refusals and a locked database into messages and exit 2. */
export async function withApp(io: Io, setExit: (code: number) => void, data: string | undefined, work: (ctx: AppContext) => Promise<void>): Promise<void> {
  let ctx: AppContext | undefined;
  try {
    ctx = await openApp(data ? { dataDir: data } : {});
    await work(ctx);
  } catch (error) {
    if (error instanceof AppError || /[\u4e00-\u9fff]/.test((error as Error).message)) {
      io.err((error as Error).message);
      setExit(EXIT_BAD_INPUT);
      return;
    }
    throw error;
  } finally {
    await ctx?.db.close();
  }
}

export function registerUser(program: Command, io: Io, setExit: (code: number) => void): void {
  const user = program.command("user").description("管理账号：新建、重置密码、列出");
  user
    .command("add <username>")
    .description("新建账号，打印一次性密码（首次登录后须修改）")
    .requiredOption("--role <role>", `角色：${ROLES.join("、")}（${ROLES.map((r) => ROLE_NAMES[r]).join("、")}）`)
    .option("--name <name>", "显示名称")
    .option("--unit <code>", "填报人绑定的单位编码（可重复）", collect)
    .option("--department <code>", "审核人绑定的主管部门编码（可重复）", collect)
    .option("--duty <step>", "审核人负责的审核步骤（可重复），如 主管部门审核", collect)
    .option("--data <dir>", "内置数据库的目录")
    .action(async (username: string, options: { role: string; name?: string; unit?: string[]; department?: string[]; duty?: string[]; data?: string }) =>
      withApp(io, setExit, options.data, async (ctx) => {
        if (!(ROLES as readonly string[]).includes(options.role)) throw new AppError(`角色必须是：${ROLES.join("、")}`);
        const units = await listUnits(ctx.db);
        const departments = await listDepartments(ctx.db);
        const unitIds = (options.unit ?? []).map((code) => units.find((u) => u.code === code)?.id ?? fail(`没有编码为 ${code} 的单位`));
        const departmentIds = (options.department ?? []).map((code) => departments.find((d) => d.code === code)?.id ?? fail(`没有编码为 ${code} 的主管部门`));
        const known = chainDuties(ctx.chain);
        for (const duty of options.duty ?? []) if (!known.includes(duty)) fail(`审核流程中没有“${duty}”这一步（可选：${known.join("、")}）`);
        if (options.role === "preparer" && unitIds.length === 0) fail("填报人须用 --unit 绑定至少一个单位");
        if (options.role === "reviewer" && departmentIds.length === 0) fail("审核人须用 --department 绑定至少一个主管部门");
        const made = await addUser(ctx, null, {
          username,
          displayName: options.name ?? username,
          role: options.role as Role,
          duties: options.duty ?? [],
          unitIds,
          departmentIds,
        });
        io.out(`已新建账号 ${made.user.username}（${ROLE_NAMES[made.user.role]}），一次性密码：${made.password}`);
        setExit(EXIT_OK);
      }),
    );
  user
    .command("reset <username>")
    .description("重置密码：打印新的一次性密码，并让该账号在各处退出登录")
    .option("--data <dir>", "内置数据库的目录")
    .action(async (username: string, options: { data?: string }) =>
      withApp(io, setExit, options.data, async (ctx) => {
        const password = await resetPassword(ctx, null, username);
        io.out(`已重置 ${username} 的密码，一次性密码：${password}`);
        setExit(EXIT_OK);
      }),
    );
  user
    .command("list")
    .description("列出账号")
    .option("--data <dir>", "内置数据库的目录")
    .action(async (options: { data?: string }) =>
      withApp(io, setExit, options.data, async (ctx) => {
        for (const u of await listUsers(ctx.db)) io.out(`${u.username}\t${ROLE_NAMES[u.role]}\t${u.displayName}${u.duties.length ? `\t${u.duties.join("、")}` : ""}${u.disabled ? "\t（已停用）" : ""}`);
        setExit(EXIT_OK);
      }),
    );
}

function fail(message: string): never {
  throw new AppError(message);
}
