/**
 * Opening the app for a process (the server or a CLI command): the database (PostgreSQL when
 * DATABASE_URL is set, else the embedded one in the data directory, locked to this process), the
 * review chain (the built-in one, or GONGKAI_WORKFLOW's file).
 */
import { resolve } from "node:path";
import { openDatabase } from "../store/open.ts";
import { DEFAULT_CHAIN, loadChain } from "../workflow/chain.ts";
import type { AppContext } from "./context.ts";
import { reindexPortal } from "./disclosures.ts";

export interface RuntimeOptions {
  readonly dataDir?: string;
  readonly databaseUrl?: string;
  readonly chainFile?: string;
}

/** The embedded database's default place: GONGKAI_DATA_DIR, else .gongkai/data under the working directory. */
export function defaultDataDir(): string {
  return resolve(process.env.GONGKAI_DATA_DIR ?? ".gongkai/data");
}

export async function openApp(options: RuntimeOptions = {}): Promise<AppContext> {
  const databaseUrl = options.databaseUrl ?? process.env.DATABASE_URL;
  const chainFile = options.chainFile ?? process.env.GONGKAI_WORKFLOW;
  const chain = chainFile ? loadChain(chainFile) : DEFAULT_CHAIN;
  const db = await openDatabase({ ...(databaseUrl ? { databaseUrl } : {}), dataDir: options.dataDir ?? defaultDataDir() });
  const ctx: AppContext = { db, chain, now: () => new Date() };
  await reindexPortal(ctx);
  return ctx;
}

/** Where the data lives, for messages (never the password of a URL). */
export function describeStore(options: RuntimeOptions = {}): string {
  const url = options.databaseUrl ?? process.env.DATABASE_URL;
  if (url) {
    try {
      const u = new URL(url);
      return `PostgreSQL ${u.hostname}:${u.port || 5432}${u.pathname}`;
    } catch {
      return "PostgreSQL";
    }
  }
  return `内置数据库 ${options.dataDir ?? defaultDataDir()}`;
}
