/**
 * `gongkai serve`: the web application. On a first start it creates the administrator (printing a
 * one-time password, or using GONGKAI_ADMIN_PASSWORD) and, unless --no-demo, loads the example unit
 * with an account for each review step.
 */
import { createServer as createHttpServer, type RequestListener, type ServerOptions } from "node:http";
import { serve } from "@hono/node-server";
import type { Command } from "commander";
import { ensureAdministrator } from "../../app/accounts.ts";
import { seedDemo } from "../../app/demo.ts";
import { describeStore, openApp } from "../../app/runtime.ts";
import { DatabaseLockedError } from "../../store/sql.ts";
import { createServer, newPortalCache, SESSION_COOKIE } from "../../server/app.ts";
import { withPortalCache } from "../../server/portal-cache.ts";
import { EXIT_BAD_INPUT, type Io } from "../output.ts";

export function registerServe(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command("serve")
    .description("启动网页应用（填报、审核、公开）")
    .option("-p, --port <port>", "端口", (v) => Number(v), Number(process.env.PORT ?? 8080))
    .option("--host <host>", "监听地址", process.env.HOST ?? "127.0.0.1")
    .option("--data <dir>", "内置数据库的目录（设置了 DATABASE_URL 时不用）")
    .option("--no-demo", "首次启动时不载入示例单位和演示账号")
    .action(async (options: { port: number; host: string; data?: string; demo: boolean }) => {
      if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) {
        io.err(`端口 ${options.port} 无效`);
        setExit(EXIT_BAD_INPUT);
        return;
      }
      const runtime = options.data ? { dataDir: options.data } : {};
      io.out(`正在打开${describeStore(runtime)}…`);
      let ctx;
      try {
        ctx = await openApp(runtime);
      } catch (error) {
        if (error instanceof DatabaseLockedError || (error as Error).message.match(/[\u4e00-\u9fff]/)) {
          io.err((error as Error).message);
          setExit(EXIT_BAD_INPUT);
          return;
        }
        throw error;
      }
      const admin = await ensureAdministrator(ctx, process.env.GONGKAI_ADMIN_PASSWORD);
      const demo = options.demo ? await seedDemo(ctx, process.env.GONGKAI_DEMO_PASSWORD) : [];
      const portalCache = newPortalCache(ctx);
      const app = createServer(ctx, { secureCookies: process.env.GONGKAI_SECURE_COOKIES === "1", portalCache });
      // Published pages the cache holds are answered before the app (portal-cache.ts); the rest go to the app.
      const createServerWithCache = ((serverOptions: ServerOptions, listener: RequestListener) =>
        createHttpServer(serverOptions, withPortalCache(portalCache, listener, SESSION_COOKIE))) as typeof createHttpServer;
      const server = serve({ fetch: app.fetch, port: options.port, hostname: options.host, createServer: createServerWithCache }, (info) => {
        const address = `http://${options.host === "0.0.0.0" ? "127.0.0.1" : options.host}:${info.port}/`;
        io.out(`Gongkai 已启动：${address}（公开平台：${address}portal/）`);
        if (admin) io.out(`管理员账号 ${admin.username}，${process.env.GONGKAI_ADMIN_PASSWORD ? "密码为 GONGKAI_ADMIN_PASSWORD 的值" : `一次性密码 ${admin.password}（首次登录后须修改；只显示这一次）`}`);
        if (demo.length) {
          io.out("已载入示例单位（汉中市政务服务中心：2022 年预算已公开，2023 年预算为草稿）和演示账号：");
          for (const a of demo) io.out(`  ${a.username.padEnd(8)} ${a.what}（${a.displayName}），${process.env.GONGKAI_DEMO_PASSWORD ? "密码为 GONGKAI_DEMO_PASSWORD 的值" : `一次性密码 ${a.password}`}`);
        }
        if (!admin && !demo.length) io.out("用已有账号登录；忘记密码可运行 gongkai user reset <账号>（需先停止服务器，或使用 PostgreSQL）。");
        io.out("按 Ctrl+C 停止。");
      });
      await new Promise<void>((resolve) => {
        const stop = () => {
          io.out("正在停止…");
          server.close(() => resolve());
        };
        process.once("SIGINT", stop);
        process.once("SIGTERM", stop);
      });
      await ctx.db.close();
    });
}
