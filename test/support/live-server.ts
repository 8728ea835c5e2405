/**
 * The web application as a real HTTP server for browser tests: an embedded (PGlite) database in a
 * fresh temporary data directory, the migrations applied, the administrator and the demonstration
 * (汉中市政务服务中心, its 2022 disclosure published, its 2023 draft, and the accounts danwei, zhuguan, baomi, fuzeren) loaded with one
 * known password, served by @hono/node-server on 127.0.0.1 at a free port.
 *
 * ```ts
 * const server = await startLiveServer();
 * // … browse server.url …
 * await server.close();
 * ```
 *
 * The data directory is a real one (with its lock file), like `gongkai serve --data DIR`. It is made
 * from the test suite's migrated PGlite template (test/support/engines.ts) rather than by initdb, which
 * takes ~15 s; the migrations are then applied as `openDatabase` does (a no-op on the template).
 */
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import type { Hono } from "hono";
import { ensureAdministrator } from "../../src/app/accounts.ts";
import type { AppContext } from "../../src/app/context.ts";
import { seedDemo } from "../../src/app/demo.ts";
import { createServer } from "../../src/server/app.ts";
import type { ServerEnv } from "../../src/server/env.ts";
import { openPglite } from "../../src/store/engines/pglite.ts";
import { DEFAULT_MIGRATIONS, migrate } from "../../src/store/migrate.ts";
import { listDisclosures } from "../../src/store/repositories/disclosures.ts";
import { listUnits } from "../../src/store/repositories/units.ts";
import { DEFAULT_CHAIN } from "../../src/workflow/chain.ts";
import { pgliteTemplate } from "./engines.ts";

/** The password of every account of the live server (admin and the demonstration's). */
export const LIVE_PASSWORD = "gongkai-e2e-password";

export interface LiveServer {
  /** The server's base address, with no trailing slash: `http://127.0.0.1:PORT`. */
  readonly url: string;
  readonly ctx: AppContext;
  readonly app: Hono<ServerEnv>;
  readonly dataDir: string;
  /** The demonstration's unit, department and 2023 disclosure. */
  readonly demo: { readonly unitId: number; readonly departmentId: number; readonly disclosureId: number };
  /** Stops the server, closes the database and removes the data directory. */
  close(): Promise<void>;
}

export async function startLiveServer(options: { password?: string } = {}): Promise<LiveServer> {
  const password = options.password ?? LIVE_PASSWORD;
  const dataDir = mkdtempSync(join(tmpdir(), "gongkai-live-"));
  const db = await openPglite(dataDir, { loadDataDir: await pgliteTemplate() });
  try {
    await migrate(db, DEFAULT_MIGRATIONS);
    const ctx: AppContext = { db, chain: DEFAULT_CHAIN, now: () => new Date() };
    await ensureAdministrator(ctx, password);
    await seedDemo(ctx, password);
    const [unit] = await listUnits(db);
    if (!unit) throw new Error("示例单位没有载入");
    const [disclosure] = await listDisclosures(db, { unitIds: [unit.id], year: 2023 });
    if (!disclosure) throw new Error("示例单位的公开文本没有载入");
    const app = createServer(ctx);
    const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
      const s = serve({ fetch: app.fetch, hostname: "127.0.0.1", port: 0 }, () => resolve(s));
    });
    const { port } = server.address() as AddressInfo;
    let closed: Promise<void> | undefined;
    return {
      url: `http://127.0.0.1:${port}`,
      ctx,
      app,
      dataDir,
      demo: { unitId: unit.id, departmentId: unit.departmentId, disclosureId: disclosure.id },
      close: () =>
        (closed ??= (async () => {
          // Browsers keep connections alive; end them so close() returns.
          (server as { closeAllConnections?: () => void }).closeAllConnections?.();
          await new Promise<void>((resolve) => server.close(() => resolve()));
          await db.close();
          rmSync(dataDir, { recursive: true, force: true });
        })()),
    };
  } catch (error) {
    await db.close();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}
