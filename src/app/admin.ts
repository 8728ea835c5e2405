/**
 * The administrator's (财政局) changes to the deployment: departments and their units, settings, and
 * accounts as the administrator's form gives them. Each change is checked first, then made in one
 * transaction with its audit entry, so the log never misses a change and never records one that did
 * not happen. Hashing, sessions and the account records themselves are in accounts.ts.
 */
import { UNIT_KINDS, type UnitKind } from "../model/vocabulary.ts";
import { appendAudit } from "../store/repositories/audit.ts";
import { getSetting, putSetting } from "../store/repositories/settings.ts";
import { type Department, departmentById, listDepartments, listUnits, unitByCode, type UnitRecord, upsertDepartment, upsertUnit } from "../store/repositories/units.ts";
import { DuplicateUsernameError, ROLES, type Role, userById, type UserRecord } from "../store/repositories/users.ts";
import { duties } from "../workflow/chain.ts";
import { addUser, resetPassword } from "./accounts.ts";
import { AppError, type AppContext, DEFAULT_YOY_THRESHOLD, YOY_THRESHOLD_KEY } from "./context.ts";

/** The largest year-over-year threshold accepted, in percent. */
export const MAX_YOY_THRESHOLD = 1000;

const CODE = /^[0-9A-Za-z-]{1,32}$/;

/** Only administrators change the deployment; `null` is the command line, run by whoever owns the server. */
function requireAdmin(actor: UserRecord | null): void {
  if (actor !== null && (actor.role !== "admin" || actor.disabled)) throw new AppError("只有财政局管理员可以进行这项操作", 403);
}

function cleanName(value: string, what: string, max = 100): string {
  const name = value.trim();
  if (name === "") throw new AppError(`${what}不能为空`, 400);
  if (name.length > max) throw new AppError(`${what}过长（最多 ${max} 个字）`, 400);
  return name;
}

function cleanCode(value: string, what: string): string {
  const code = value.trim();
  if (!CODE.test(code)) throw new AppError(`${what}只能用 1–32 个数字、字母或 -`, 400);
  return code;
}

export interface DepartmentInput {
  readonly code: string;
  readonly name: string;
  readonly region?: string;
}

/** Adds a department, or renames the one with this code. */
export async function saveDepartment(ctx: AppContext, actor: UserRecord | null, input: DepartmentInput): Promise<{ department: Department; created: boolean }> {
  requireAdmin(actor);
  const code = cleanCode(input.code, "部门编码");
  const name = cleanName(input.name, "部门名称");
  const region = (input.region ?? "").trim();
  if (region.length > 100) throw new AppError("行政区划过长（最多 100 个字）", 400);
  return ctx.db.transaction(async (tx) => {
    const before = (await listDepartments(tx)).find((d) => d.code === code);
    const department = await upsertDepartment(tx, { code, name, region });
    await appendAudit(
      tx,
      {
        actorId: actor?.id ?? null,
        action: before ? "修改主管部门" : "新建主管部门",
        subject: `department:${department.id}`,
        detail: { code, name, region, ...(before ? { before: { name: before.name, region: before.region } } : {}) },
      },
      ctx.now(),
    );
    return { department, created: before === undefined };
  });
}

export interface UnitInput {
  readonly code: string;
  readonly name: string;
  readonly kind: string;
  readonly departmentId: number;
}

/** Adds a unit under a department, or renames (or moves) the one with this code. */
export async function saveUnit(ctx: AppContext, actor: UserRecord | null, input: UnitInput): Promise<{ unit: UnitRecord; created: boolean }> {
  requireAdmin(actor);
  const code = cleanCode(input.code, "单位编码");
  const name = cleanName(input.name, "单位名称");
  if (!(UNIT_KINDS as readonly string[]).includes(input.kind)) throw new AppError(`单位性质必须是：${UNIT_KINDS.join("、")}`, 400);
  const kind = input.kind as UnitKind;
  return ctx.db.transaction(async (tx) => {
    const department = Number.isSafeInteger(input.departmentId) ? await departmentById(tx, input.departmentId) : undefined;
    if (!department) throw new AppError("没有这个主管部门", 400);
    const before = await unitByCode(tx, code);
    const unit = await upsertUnit(tx, { code, name, kind, departmentId: department.id });
    await appendAudit(
      tx,
      {
        actorId: actor?.id ?? null,
        action: before ? "修改单位" : "新建单位",
        subject: `unit:${unit.id}`,
        detail: {
          code,
          name,
          kind,
          departmentId: department.id,
          ...(before ? { before: { name: before.name, kind: before.kind, departmentId: before.departmentId } } : {}),
        },
      },
      ctx.now(),
    );
    return { unit, created: before === undefined };
  });
}

/** The year-over-year threshold in percent: a change of at least this much needs a reason. */
export async function getYoyThreshold(ctx: AppContext): Promise<number> {
  return getSetting(ctx.db, YOY_THRESHOLD_KEY, DEFAULT_YOY_THRESHOLD);
}

/** Sets the year-over-year threshold (0–1000 percent). */
export async function setYoyThreshold(ctx: AppContext, actor: UserRecord | null, percent: number): Promise<void> {
  requireAdmin(actor);
  if (!Number.isFinite(percent) || percent < 0 || percent > MAX_YOY_THRESHOLD) throw new AppError(`增减变动阈值必须是 0 到 ${MAX_YOY_THRESHOLD} 之间的百分数`, 400);
  await ctx.db.transaction(async (tx) => {
    const before = await getSetting(tx, YOY_THRESHOLD_KEY, DEFAULT_YOY_THRESHOLD);
    await putSetting(tx, YOY_THRESHOLD_KEY, percent);
    await appendAudit(tx, { actorId: actor?.id ?? null, action: "修改设置", subject: `setting:${YOY_THRESHOLD_KEY}`, detail: { before, after: percent } }, ctx.now());
  });
}

export interface AccountInput {
  readonly username: string;
  readonly displayName: string;
  readonly role: string;
  readonly duties: readonly string[];
  readonly unitIds: readonly number[];
  readonly departmentIds: readonly number[];
}

/**
 * Adds an account from the administrator's form, after checking what it is bound to: a preparer to at
 * least one unit, a reviewer to at least one department and only to duties of the review chain, an
 * administrator to nothing. Returns the account and its one-time password (to be shown once).
 */
export async function addAccount(ctx: AppContext, actor: UserRecord | null, input: AccountInput): Promise<{ user: UserRecord; password: string }> {
  requireAdmin(actor);
  if (!(ROLES as readonly string[]).includes(input.role)) throw new AppError("请选择账号的角色", 400);
  const role = input.role as Role;
  const displayName = cleanName(input.displayName, "姓名或称呼");
  const username = input.username.trim();
  const known = duties(ctx.chain);
  const unknown = input.duties.filter((d) => !known.includes(d));
  if (unknown.length > 0) throw new AppError(`审核流程中没有这些职责：${unknown.join("、")}`, 400);
  if (role !== "reviewer" && input.duties.length > 0) throw new AppError("只有审核人可以分配审核职责", 400);
  if (role !== "preparer" && input.unitIds.length > 0) throw new AppError("只有填报人绑定单位；审核人请绑定主管部门", 400);
  if (role !== "reviewer" && input.departmentIds.length > 0) throw new AppError("只有审核人绑定主管部门；填报人请绑定单位", 400);
  if (role === "preparer" && input.unitIds.length === 0) throw new AppError("填报人至少要绑定一个单位", 400);
  if (role === "reviewer" && input.departmentIds.length === 0) throw new AppError("审核人至少要绑定一个主管部门", 400);
  const units = new Set((await listUnits(ctx.db)).map((u) => u.id));
  const departments = new Set((await listDepartments(ctx.db)).map((d) => d.id));
  if (input.unitIds.some((id) => !units.has(id))) throw new AppError("所选的单位不存在，请刷新页面后重新选择", 400);
  if (input.departmentIds.some((id) => !departments.has(id))) throw new AppError("所选的主管部门不存在，请刷新页面后重新选择", 400);
  try {
    return await addUser(ctx, actor, {
      username,
      displayName,
      role,
      duties: [...new Set(input.duties)],
      unitIds: [...new Set(input.unitIds)],
      departmentIds: [...new Set(input.departmentIds)],
    });
  } catch (error) {
    if (error instanceof DuplicateUsernameError) throw new AppError(error.message, 409);
    throw error;
  }
}

/** Gives another account a new one-time password (shown once); one's own password is changed on its own page. */
export async function resetAccount(ctx: AppContext, actor: UserRecord, userId: number): Promise<{ user: UserRecord; password: string }> {
  requireAdmin(actor);
  const user = await userById(ctx.db, userId);
  if (!user) throw new AppError("没有这个账号", 404);
  if (user.id === actor.id) throw new AppError("不能在这里重置自己的密码，请在“修改密码”页面修改", 400);
  return { user, password: await resetPassword(ctx, actor, user.username) };
}
