/**
 * Accounts: creating and resetting them (the CLI and the administrator's page), logging in with
 * throttling, and server-side sessions. A session is a random token in an HttpOnly cookie; the store
 * keeps its SHA-256 and the session's CSRF token.
 */
import { createHash, randomBytes } from "node:crypto";
import { appendAudit } from "../store/repositories/audit.ts";
import { clearLoginFailures, loginFailures, saveLoginFailures } from "../store/repositories/login-failures.ts";
import { createSession, deleteSession, deleteUserSessions, findSession } from "../store/repositories/sessions.ts";
import { countUsers, createUser, type NewUser, type Role, setPassword, userById, userByName, type UserRecord } from "../store/repositories/users.ts";
import { AppError, type AppContext } from "./context.ts";
import { hashPassword, oneTimePassword, passwordProblem, verifyPassword } from "./passwords.ts";

export const SESSION_HOURS = 8;
/** Failures allowed per account name, and per client address, within the window. */
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 30;
export const FAILURE_WINDOW_MINUTES = 15;

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

export interface AddUser extends Omit<NewUser, "passwordHash" | "mustChangePassword"> {
  /** Given: used as is. Absent: a one-time password is made, returned once, and must be changed at first login. */
  readonly password?: string;
}

export async function addUser(ctx: AppContext, actor: UserRecord | null, input: AddUser): Promise<{ user: UserRecord; password: string }> {
  if (!/^[A-Za-z0-9_.@-]{2,64}$/.test(input.username)) throw new AppError("账号名只能用 2–64 个字母、数字或 _ . @ -", 400);
  const password = input.password ?? oneTimePassword();
  const problem = passwordProblem(password);
  if (problem) throw new AppError(problem, 400);
  const passwordHash = await hashPassword(password);
  return ctx.db.transaction(async (tx) => {
    const user = await createUser(tx, { ...input, passwordHash, mustChangePassword: input.password === undefined });
    await appendAudit(tx, { actorId: actor?.id ?? null, action: "新建账号", subject: `user:${user.id}`, detail: { username: user.username, role: user.role, duties: user.duties, units: user.unitIds, departments: user.departmentIds } }, ctx.now());
    return { user, password };
  });
}

export async function resetPassword(ctx: AppContext, actor: UserRecord | null, username: string, password?: string): Promise<string> {
  const user = await userByName(ctx.db, username);
  if (!user) throw new AppError(`没有账号“${username}”`, 404);
  const next = password ?? oneTimePassword();
  const problem = passwordProblem(next);
  if (problem) throw new AppError(problem, 400);
  const hash = await hashPassword(next);
  await ctx.db.transaction(async (tx) => {
    await setPassword(tx, user.id, hash, password === undefined);
    await deleteUserSessions(tx, user.id);
    await clearLoginFailures(tx, `account:${username}`);
    await appendAudit(tx, { actorId: actor?.id ?? null, action: "重置密码", subject: `user:${user.id}`, detail: { username } }, ctx.now());
  });
  return next;
}

export async function changeOwnPassword(ctx: AppContext, user: UserRecord, current: string, next: string): Promise<void> {
  if (!(await verifyPassword(current, user.passwordHash))) throw new AppError("当前密码不正确", 400);
  const problem = passwordProblem(next);
  if (problem) throw new AppError(problem, 400);
  if (next === current) throw new AppError("新密码不能与当前密码相同", 400);
  const hash = await hashPassword(next);
  await ctx.db.transaction(async (tx) => {
    await setPassword(tx, user.id, hash, false);
    await appendAudit(tx, { actorId: user.id, action: "修改密码", subject: `user:${user.id}`, detail: {} }, ctx.now());
  });
}

/** On a first start: the administrator, with the password given or a one-time one (returned to print once). */
export async function ensureAdministrator(ctx: AppContext, password?: string): Promise<{ username: string; password: string } | undefined> {
  if ((await countUsers(ctx.db, "admin")) > 0) return undefined;
  const { user, password: given } = await addUser(ctx, null, { username: "admin", displayName: "财政局管理员", role: "admin", ...(password ? { password } : {}) });
  return { username: user.username, password: given };
}

export interface Session {
  readonly token: string;
  readonly csrfToken: string;
  readonly expiresAt: Date;
}

/** Minutes to wait when `key` is locked out, else undefined. */
async function throttled(ctx: AppContext, key: string): Promise<number | undefined> {
  const now = ctx.now();
  const record = await loginFailures(ctx.db, key);
  if (record?.lockedUntil && record.lockedUntil > now) return Math.ceil((record.lockedUntil.getTime() - now.getTime()) / 60000);
  return undefined;
}

async function recordFailure(ctx: AppContext, key: string, max: number): Promise<void> {
  const now = ctx.now();
  const windowStart = new Date(now.getTime() - FAILURE_WINDOW_MINUTES * 60000);
  const record = await loginFailures(ctx.db, key);
  const fresh = !record || record.firstAt < windowStart;
  const failures = fresh ? 1 : record.failures + 1;
  await saveLoginFailures(ctx.db, key, {
    failures,
    firstAt: fresh ? now : record.firstAt,
    lockedUntil: failures >= max ? new Date(now.getTime() + FAILURE_WINDOW_MINUTES * 60000) : null,
  });
}

/**
 * Checks the credentials and opens a session. Every failure gives the same message (no hint whether
 * the account exists); after too many failures for an account or an address, logins from it wait.
 */
export async function login(ctx: AppContext, username: string, password: string, address: string): Promise<{ session: Session; user: UserRecord }> {
  const accountKey = `account:${username}`;
  const addressKey = `address:${address}`;
  const wait = (await throttled(ctx, accountKey)) ?? (await throttled(ctx, addressKey));
  if (wait !== undefined) throw new AppError(`登录失败次数过多，请 ${wait} 分钟后再试`, 403);
  const user = await userByName(ctx.db, username);
  const ok = user !== undefined && !user.disabled && (await verifyPassword(password, user.passwordHash));
  if (!ok || !user) {
    if (user === undefined) await hashPassword(password); // same time whether or not the account exists
    await recordFailure(ctx, accountKey, MAX_FAILURES_PER_ACCOUNT);
    await recordFailure(ctx, addressKey, MAX_FAILURES_PER_ADDRESS);
    throw new AppError("账号或密码不正确", 400);
  }
  await clearLoginFailures(ctx.db, accountKey);
  const session: Session = {
    token: randomBytes(32).toString("base64url"),
    csrfToken: randomBytes(32).toString("base64url"),
    expiresAt: new Date(ctx.now().getTime() + SESSION_HOURS * 3600000),
  };
  await ctx.db.transaction(async (tx) => {
    await createSession(tx, sha256(session.token), { userId: user.id, csrfToken: session.csrfToken, expiresAt: session.expiresAt });
    await appendAudit(tx, { actorId: user.id, action: "登录", subject: `user:${user.id}`, detail: { address } }, ctx.now());
  });
  return { session, user };
}

/** The user and CSRF token of a live session, or undefined. */
export async function sessionUser(ctx: AppContext, token: string | undefined): Promise<{ user: UserRecord; csrfToken: string } | undefined> {
  if (!token || token.length > 200) return undefined;
  const session = await findSession(ctx.db, sha256(token), ctx.now());
  if (!session) return undefined;
  const user = await userById(ctx.db, session.userId);
  if (!user || user.disabled) return undefined;
  return { user, csrfToken: session.csrfToken };
}

export async function logout(ctx: AppContext, token: string): Promise<void> {
  await deleteSession(ctx.db, sha256(token));
}

export type { Role };
