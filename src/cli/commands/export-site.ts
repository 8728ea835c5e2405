/**
 * `gongkai export-site --out DIR [--data DIR]`: the public portal as static files (every page, the
 * downloads, the offline search index), for any static host or to open from disk. Progress goes to
 * standard error as it runs; the folder is replaced only when the whole export succeeded.
 */
import type { Command } from "commander";
import { ExportError, exportSite } from "../../server/portal/export-site.ts";
import { EXIT_BAD_INPUT, EXIT_OK, type Io } from "../output.ts";
import { withApp } from "./user.ts";

function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

export function registerExportSite(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command("export-site")
    .description("把公开平台导出为静态网站（全部页面、下载文件与离线搜索），可放在任何静态网站服务器上，或直接从磁盘打开")
    .requiredOption("-o, --out <dir>", "输出文件夹（须为空文件夹、不存在，或之前导出的网站）")
    .option("--data <dir>", "内置数据库的目录（设置了 DATABASE_URL 时不用）")
    .option("--no-downloads", "不导出 PDF、Excel、Word 与开放数据包（大的库可快很多；页面上改为说明到网站下载）")
    .action(async (options: { out: string; data?: string; downloads: boolean }) =>
      withApp(io, setExit, options.data, async (ctx) => {
        const started = Date.now();
        let last = 0;
        try {
          const result = await exportSite(ctx, {
            out: options.out,
            downloads: options.downloads,
            onProgress: ({ done, found }) => {
              // About once a second, and at the end: a large store has thousands of pages.
              if (Date.now() - last < 1000 && done !== found) return;
              last = Date.now();
              io.err(`已导出 ${done} / ${found} 个页面和文件…`);
            },
          });
          io.err(`已导出到 ${result.out}：${result.pages} 个页面、${result.files} 个文件，共 ${size(result.bytes)}，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒。打开其中的 index.html 即可浏览。`);
          setExit(EXIT_OK);
        } catch (error) {
          if (!(error instanceof ExportError)) throw error;
          io.err(`gongkai：${error.message}`);
          setExit(EXIT_BAD_INPUT);
        }
      }),
    );
}
