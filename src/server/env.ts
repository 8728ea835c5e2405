/** The Hono environment of the app: the signed-in user (if any) and the session's CSRF token. */
import type { AppContext } from "../app/context.ts";
import type { UserRecord } from "../store/repositories/users.ts";
import type { PortalCache } from "./portal-cache.ts";

export interface ServerEnv {
  Variables: {
    user: UserRecord | undefined;
    csrf: string | undefined;
    sessionToken: string | undefined;
  };
}

export interface ServerOptions {
  /** Set the Secure flag on cookies (behind HTTPS). Off on plain-http loopback. */
  readonly secureCookies?: boolean;
  /** Largest accepted request body (uploads included), in bytes. */
  readonly maxBodyBytes?: number;
  /** The cache of published pages (default: a new one; `gongkai serve` shares its own with the listener in front of the app). */
  readonly portalCache?: PortalCache;
}

export interface Deps {
  readonly ctx: AppContext;
  readonly options: ServerOptions;
  /** Wrap the handler of a page showing a publication with `cachedPage(deps.portalCache, …)`. */
  readonly portalCache: PortalCache;
}
