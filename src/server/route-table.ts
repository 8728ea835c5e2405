/**
 * Every route of the app is declared with who may reach it, in one table, so the authorization test
 * can walk them all with every role and anonymous. `guard` enforces the declared access before the
 * handler runs; handlers then check the object (this unit, this disclosure) through src/app/policy.
 */
import type { Context, Handler, Hono } from "hono";
import type { Role } from "../store/repositories/users.ts";
import type { ServerEnv } from "./env.ts";

/** public: anyone; signed-in: any account; a list of roles: only those. */
export type Access = "public" | "signed-in" | readonly Role[];

export interface RouteSpec {
  readonly method: "GET" | "POST";
  readonly path: string;
  readonly access: Access;
  /** For the authorization test: a sample path with ids filled in is made by the test itself. */
  readonly description: string;
}

export const ROUTE_TABLE: RouteSpec[] = [];

export function allowed(access: Access, role: Role | undefined): boolean {
  if (access === "public") return true;
  if (role === undefined) return false;
  if (access === "signed-in") return true;
  return access.includes(role);
}

type Deny = (c: Context<ServerEnv>, signedIn: boolean) => Response | Promise<Response>;

/** Registers a route in the app and in ROUTE_TABLE. */
export function defineRoute(
  app: Hono<ServerEnv>,
  spec: RouteSpec,
  handler: Handler<ServerEnv>,
  deny: Deny,
): void {
  if (!ROUTE_TABLE.some((r) => r.method === spec.method && r.path === spec.path)) ROUTE_TABLE.push(spec);
  const guarded: Handler<ServerEnv> = async (c, next) => {
    const user = c.get("user");
    if (!allowed(spec.access, user?.role)) return deny(c, user !== undefined);
    // An account given a one-time password must choose its own before anything else.
    if (user?.mustChangePassword && spec.access !== "public" && !spec.path.startsWith("/account/password") && spec.path !== "/logout")
      return c.redirect("/account/password", 303);
    return handler(c, next);
  };
  if (spec.method === "GET") app.get(spec.path, guarded);
  else app.post(spec.path, guarded);
}
