/**
 * The administrator's (财政局) pages: accounts (a one-time password is shown once, on the page that
 * answers the form), departments and units, the audit log with its verification, and settings.
 * Every change goes through src/app/admin.ts, which writes its audit entry in the same transaction.
 */
import type { Context, Hono } from "hono";
import { addAccount, getYoyThreshold, MAX_YOY_THRESHOLD, resetAccount, saveDepartment, saveUnit, setYoyThreshold } from "../../app/admin.ts";
import { AppError } from "../../app/context.ts";
import { listAudit, verifyAudit } from "../../store/repositories/audit.ts";
import { listDepartments, listUnits } from "../../store/repositories/units.ts";
import { listUsers } from "../../store/repositories/users.ts";
import { duties } from "../../workflow/chain.ts";
import { deny } from "../app.ts";
import type { Deps, ServerEnv } from "../env.ts";
import { redirectWith, takeFlash } from "../flash.ts";
import { defineRoute } from "../route-table.ts";
import { describeVerification, renderAudit, renderOneTimePassword, renderSettings, renderUnits, renderUsers } from "../views/admin.ts";
import { page } from "../views/layout.ts";
import { pathId } from "./reviewer.ts";

type C = Context<ServerEnv>;

const ADMIN = ["admin"] as const;

const frame = (c: C, title: string, options: { wide?: boolean } = {}) => {
  const flash = takeFlash(c);
  return { title, user: c.get("user"), csrf: c.get("csrf"), ...(flash ? { flash } : {}), ...options };
};

const text = (value: unknown) => (typeof value === "string" ? value : "");

/** Every value of a repeated field (checkboxes), as text. */
const all = (value: unknown): string[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((v): v is string => typeof v === "string");

/** Ids from checkboxes; anything that is not a positive integer is refused. */
function ids(value: unknown): number[] {
  return all(value).map((v) => {
    if (!/^[1-9]\d{0,14}$/.test(v)) throw new AppError("表单内容无效，请刷新页面后重试", 400);
    return Number(v);
  });
}

/** Runs a change and redirects back with its outcome. */
async function act(c: C, back: string, work: () => Promise<string>): Promise<Response> {
  try {
    return redirectWith(c, back, "notice", await work());
  } catch (error) {
    if (error instanceof AppError) return redirectWith(c, back, "error", error.message);
    throw error;
  }
}

export function registerAdminRoutes(app: Hono<ServerEnv>, { ctx }: Deps): void {
  defineRoute(app, { method: "GET", path: "/admin/users", access: ADMIN, description: "账号管理" }, async (c) => {
    const [users, departments, units] = await Promise.all([listUsers(ctx.db), listDepartments(ctx.db), listUnits(ctx.db)]);
    return c.html(page(frame(c, "账号管理", { wide: true }), renderUsers({ csrf: c.get("csrf"), me: c.get("user")!, users, departments, units, duties: duties(ctx.chain) })));
  }, deny);

  defineRoute(app, { method: "POST", path: "/admin/users", access: ADMIN, description: "新建账号" }, async (c) => {
    const form = await c.req.parseBody({ all: true });
    try {
      const { user, password } = await addAccount(ctx, c.get("user")!, {
        username: text(form["username"]),
        displayName: text(form["display_name"]),
        role: text(form["role"]),
        duties: all(form["duties"]),
        unitIds: ids(form["unit_ids"]),
        departmentIds: ids(form["department_ids"]),
      });
      return c.html(page(frame(c, "账号已创建"), renderOneTimePassword(user, password, "created")));
    } catch (error) {
      if (error instanceof AppError) return redirectWith(c, "/admin/users#add-account", "error", error.message);
      throw error;
    }
  }, deny);

  defineRoute(app, { method: "POST", path: "/admin/users/:id/reset", access: ADMIN, description: "重置账号密码" }, async (c) => {
    const id = pathId(c.req.param("id"));
    try {
      const { user, password } = await resetAccount(ctx, c.get("user")!, id);
      return c.html(page(frame(c, "密码已重置"), renderOneTimePassword(user, password, "reset")));
    } catch (error) {
      if (error instanceof AppError && error.status !== 404) return redirectWith(c, "/admin/users", "error", error.message);
      throw error;
    }
  }, deny);

  defineRoute(app, { method: "GET", path: "/admin/units", access: ADMIN, description: "部门与单位" }, async (c) => {
    const [departments, units] = await Promise.all([listDepartments(ctx.db), listUnits(ctx.db)]);
    return c.html(page(frame(c, "部门与单位", { wide: true }), renderUnits({ csrf: c.get("csrf"), departments, units })));
  }, deny);

  defineRoute(app, { method: "POST", path: "/admin/units", access: ADMIN, description: "新建或修改部门、单位" }, async (c) => {
    const form = await c.req.parseBody();
    const actor = c.get("user")!;
    return act(c, "/admin/units", async () => {
      if (form["what"] === "department") {
        const { department, created } = await saveDepartment(ctx, actor, { code: text(form["code"]), name: text(form["name"]), region: text(form["region"]) });
        return `${created ? "已新建" : "已修改"}主管部门“${department.name}”（${department.code}）。`;
      }
      if (form["what"] === "unit") {
        const departmentId = text(form["department_id"]);
        const { unit, created } = await saveUnit(ctx, actor, {
          code: text(form["code"]),
          name: text(form["name"]),
          kind: text(form["kind"]),
          departmentId: /^[1-9]\d{0,14}$/.test(departmentId) ? Number(departmentId) : NaN,
        });
        return `${created ? "已新建" : "已修改"}单位“${unit.name}”（${unit.code}），所属“${unit.departmentName}”。`;
      }
      throw new AppError("表单内容无效，请刷新页面后重试", 400);
    });
  }, deny);

  defineRoute(app, { method: "GET", path: "/admin/audit", access: ADMIN, description: "审计日志及其校验" }, async (c) => {
    const asked = c.req.query("subject") ?? "";
    const subject = /^[a-z]+:[A-Za-z0-9_]{1,64}$/.test(asked) ? asked : "";
    const [verification, entries, users] = await Promise.all([verifyAudit(ctx.db), listAudit(ctx.db, subject || undefined, 200), listUsers(ctx.db)]);
    const names = new Map(users.map((u) => [u.id, `${u.displayName}（${u.username}）`]));
    const options = frame(c, "审计日志", { wide: true });
    // A broken chain is said at the top of the page too, where it cannot be missed.
    const flash = verification.ok ? options.flash : { kind: "error" as const, text: describeVerification(verification) };
    return c.html(page({ ...options, ...(flash ? { flash } : {}) }, renderAudit({ verification, entries, names, subject })));
  }, deny);

  defineRoute(app, { method: "GET", path: "/admin/settings", access: ADMIN, description: "设置" }, async (c) => {
    return c.html(page(frame(c, "设置"), renderSettings({ csrf: c.get("csrf"), threshold: await getYoyThreshold(ctx), max: MAX_YOY_THRESHOLD })));
  }, deny);

  defineRoute(app, { method: "POST", path: "/admin/settings", access: ADMIN, description: "保存设置" }, async (c) => {
    const form = await c.req.parseBody();
    return act(c, "/admin/settings", async () => {
      const value = text(form["yoy_threshold"]).trim();
      if (!/^\d{1,4}(\.\d{1,2})?$/.test(value)) throw new AppError(`增减变动阈值必须是 0 到 ${MAX_YOY_THRESHOLD} 之间的数（最多两位小数）`, 400);
      await setYoyThreshold(ctx, c.get("user")!, Number(value));
      return `已保存：增减变动达到上年数的 ${Number(value)}% 时需要说明原因。`;
    });
  }, deny);
}
