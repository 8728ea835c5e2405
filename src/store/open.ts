/**
 * The store's composition root: PostgreSQL when a URL is given (the CLI passes DATABASE_URL), otherwise the
 * embedded PGlite database in `dataDir`; migrations are applied before the database is returned.
 *
 * @example
 * const db = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: "~/.gongkai/data" });
 */
import { openPglite } from "./engines/pglite.ts";
import { openPostgres } from "./engines/postgres.ts";
import { DEFAULT_MIGRATIONS, migrate } from "./migrate.ts";
import type { Database } from "./sql.ts";

export interface OpenOptions {
  /** postgres://… to use a PostgreSQL server; empty or absent for the embedded database. */
  readonly databaseUrl?: string;
  /** The embedded database's directory (created if missing); unused with databaseUrl. */
  readonly dataDir: string;
  /** The migrations folder (src/store/migrations/ by default); false to apply none. */
  readonly migrations?: string | false;
  /** Where notes such as a taken-over stale lock go (stderr by default). */
  readonly warn?: (message: string) => void;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  const db = options.databaseUrl ? await openPostgres(options.databaseUrl) : await openPglite(options.dataDir, { warn: options.warn });
  try {
    if (options.migrations !== false) await migrate(db, options.migrations ?? DEFAULT_MIGRATIONS);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
