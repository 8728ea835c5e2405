/** The administrator's pages: accounts, departments and units, the audit log, and settings. */
import { html } from "hono/html";
import { UNIT_KINDS } from "../../model/vocabulary.ts";
import type { AuditEntry, AuditVerification } from "../../store/repositories/audit.ts";
import type { Department, UnitRecord } from "../../store/repositories/units.ts";
import type { UserRecord } from "../../store/repositories/users.ts";
import { csrfField, formatTime, type Markup, ROLE_NAMES } from "./layout.ts";

function unitCheckboxes(departments: readonly Department[], units: readonly UnitRecord[]): Markup {
  return html`${departments.map((d) => {
    const mine = units.filter((u) => u.departmentId === d.id);
    return mine.length === 0
      ? ""
      : html`<div class="checks"><span class="group-name">${d.name}</span>${mine.map((u) => html`<label class="choice"><input type="checkbox" name="unit_ids" value="${u.id}"> ${u.name} <small>${u.code}</small></label>`)}</div>`;
  })}`;
}

export function renderUsers(options: {
  readonly csrf: string | undefined;
  readonly me: UserRecord;
  readonly users: readonly UserRecord[];
  readonly departments: readonly Department[];
  readonly units: readonly UnitRecord[];
  readonly duties: readonly string[];
}): Markup {
  const { csrf, users, departments, units, duties } = options;
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const departmentName = new Map(departments.map((d) => [d.id, d.name]));
  return html`<section id="accounts"><h2>账号 <small>${users.length} 个</small></h2>
<div class="grid-scroll"><table class="list users">
<thead><tr><th scope="col">账号</th><th scope="col">姓名或称呼</th><th scope="col">角色</th><th scope="col">审核职责</th><th scope="col">绑定的单位或部门</th><th scope="col">状态</th><th scope="col"><span class="visually-hidden">操作</span></th></tr></thead>
<tbody>${users.map(
    (u) => html`<tr data-user="${u.id}"><td>${u.username}</td><td>${u.displayName}</td><td>${ROLE_NAMES[u.role]}</td><td>${u.duties.join("、")}</td>
<td>${[...u.unitIds.map((id) => unitName.get(id) ?? `单位 ${id}`), ...u.departmentIds.map((id) => departmentName.get(id) ?? `部门 ${id}`)].join("、")}</td>
<td>${u.disabled ? "已停用" : u.mustChangePassword ? "待首次改密" : "正常"}</td>
<td>${u.id === options.me.id
      ? ""
      : html`<form method="post" action="/admin/users/${u.id}/reset" class="inline">${csrfField(csrf)}<button type="submit" class="link" aria-label="重置 ${u.username} 的密码">重置密码</button></form>`}</td></tr>`,
  )}</tbody></table></div>
</section>
<section id="add-account"><h2>新建账号</h2>
<form method="post" action="/admin/users" class="card stacked">
${csrfField(csrf)}
<label>账号名（字母、数字或 _ . @ -）<input name="username" required pattern="[A-Za-z0-9_.@\\-]{2,64}" autocomplete="off"></label>
<label>姓名或称呼<input name="display_name" required maxlength="100"></label>
<label>角色<select name="role">
<option value="preparer">${ROLE_NAMES.preparer}（单位）</option>
<option value="reviewer">${ROLE_NAMES.reviewer}（主管部门及后续审核环节）</option>
<option value="admin">${ROLE_NAMES.admin}</option>
</select></label>
<fieldset><legend>审核职责（仅审核人）</legend>
${duties.map((d) => html`<label class="choice"><input type="checkbox" name="duties" value="${d}"> ${d}</label>`)}
</fieldset>
<fieldset><legend>绑定的单位（仅填报人）</legend>
${units.length === 0 ? html`<p>还没有单位，请先在“部门与单位”中添加。</p>` : unitCheckboxes(departments, units)}
</fieldset>
<fieldset><legend>绑定的主管部门（仅审核人）</legend>
${departments.map((d) => html`<label class="choice"><input type="checkbox" name="department_ids" value="${d.id}"> ${d.name} <small>${d.code}</small></label>`)}
</fieldset>
<p class="note">新账号会得到一个一次性密码，只在下一页显示一次；首次登录时必须改为自己的密码。</p>
<button type="submit" class="primary">新建账号</button>
</form>
</section>`;
}

/** The page that shows a one-time password, once. */
export function renderOneTimePassword(user: UserRecord, password: string, what: "created" | "reset"): Markup {
  return html`<div class="card one-time">
<p>${what === "created" ? "账号已创建" : "密码已重置，该账号在所有设备上的登录均已退出"}：<strong>${user.username}</strong>（${user.displayName}，${ROLE_NAMES[user.role]}）</p>
<p>一次性密码：<code class="password">${password}</code></p>
<p class="note">这个密码只显示这一次，请现在把它交给账号的使用人。对方首次登录后必须改为自己的密码。</p>
<p><a href="/admin/users">返回账号管理</a></p>
</div>`;
}

export function renderUnits(options: { readonly csrf: string | undefined; readonly departments: readonly Department[]; readonly units: readonly UnitRecord[] }): Markup {
  const { csrf, departments, units } = options;
  return html`<section id="departments">
${departments.length === 0 ? html`<p>还没有主管部门。</p>` : ""}
${departments.map(
    (d) => html`<section class="department" data-department="${d.id}"><h2>${d.name} <small>${d.code}${d.region ? ` · ${d.region}` : ""}</small></h2>
${(() => {
  const mine = units.filter((u) => u.departmentId === d.id);
  return mine.length === 0
    ? html`<p>这个部门还没有单位。</p>`
    : html`<table class="list"><thead><tr><th scope="col">单位编码</th><th scope="col">单位名称</th><th scope="col">单位性质</th></tr></thead>
<tbody>${mine.map((u) => html`<tr data-unit="${u.id}"><td>${u.code}</td><td>${u.name}</td><td>${u.kind}</td></tr>`)}</tbody></table>`;
})()}
</section>`,
  )}
</section>
<div class="two-columns">
<form method="post" action="/admin/units" class="card stacked" id="department-form">
<h2>新建或修改主管部门</h2>
${csrfField(csrf)}<input type="hidden" name="what" value="department">
<p class="note">编码已存在时，修改该部门的名称和行政区划。</p>
<label>部门编码<input name="code" required maxlength="32" pattern="[0-9A-Za-z\\-]{1,32}"></label>
<label>部门名称<input name="name" required maxlength="100"></label>
<label>行政区划（可选）<input name="region" maxlength="100"></label>
<button type="submit">保存部门</button>
</form>
<form method="post" action="/admin/units" class="card stacked" id="unit-form">
<h2>新建或修改单位</h2>
${csrfField(csrf)}<input type="hidden" name="what" value="unit">
<p class="note">编码已存在时，修改该单位的名称、性质和所属部门。</p>
<label>单位编码<input name="code" required maxlength="32" pattern="[0-9A-Za-z\\-]{1,32}"></label>
<label>单位名称<input name="name" required maxlength="100"></label>
<label>单位性质<select name="kind">${UNIT_KINDS.map((k) => html`<option value="${k}">${k}</option>`)}</select></label>
<label>所属主管部门<select name="department_id" required>${departments.map((d) => html`<option value="${d.id}">${d.name}（${d.code}）</option>`)}</select></label>
<button type="submit"${departments.length === 0 ? html` disabled` : ""}>保存单位</button>
</form>
</div>`;
}

/** Names of the keys the app writes into audit details. */
const DETAIL_NAMES: Record<string, string> = {
  address: "登录地址",
  after: "修改后",
  anchor: "位置",
  before: "修改前",
  code: "编码",
  column: "栏",
  comment: "意见",
  departmentId: "部门编号",
  departments: "部门",
  duties: "职责",
  errors: "错误数",
  from: "原状态",
  kind: "类别",
  name: "名称",
  note: "更正说明",
  reason: "原因",
  region: "行政区划",
  role: "角色",
  row: "行",
  section: "章节",
  sequence: "发布序号",
  source: "来源",
  table: "表",
  to: "新状态",
  units: "单位",
  username: "账号",
  version: "版本",
  warnings: "警告数",
};

/** An audit entry's detail as the administrator reads it: 原状态：草稿；新状态：已提交；版本：2. */
export function describeDetail(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.map(describeDetail).join("、");
  if (typeof value !== "object") return String(value);
  return Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined && v !== "" && !(Array.isArray(v) && v.length === 0))
    .map(([k, v]) => `${DETAIL_NAMES[k] ?? k}：${v !== null && typeof v === "object" && !Array.isArray(v) ? `（${describeDetail(v)}）` : describeDetail(v)}`)
    .join("；");
}

/** The outcome of verifying the hash chain, in words. */
export function describeVerification(v: AuditVerification): string {
  return v.ok
    ? `审计日志完整：共 ${v.entries} 条记录，哈希链逐条核对无误（最后一条的哈希 ${v.lastHash.slice(0, 16)}…）。`
    : `审计日志校验未通过：在第 ${v.seq} 条处发现问题：${v.problem}。此前 ${v.entries} 条记录核对无误。`;
}

export function renderAudit(options: {
  readonly verification: AuditVerification;
  readonly entries: readonly AuditEntry[];
  readonly names: ReadonlyMap<number, string>;
  readonly subject: string;
}): Markup {
  const { verification, entries, names, subject } = options;
  const detail = (value: unknown) => {
    const text = describeDetail(value);
    return text.length > 400 ? `${text.slice(0, 400)}…` : text;
  };
  return html`<p class="audit-verification ${verification.ok ? "ok" : "error-text"}" role="${verification.ok ? "status" : "alert"}">${describeVerification(verification)}</p>
<form method="get" action="/admin/audit" class="inline"><label>只看对象<input name="subject" value="${subject}" placeholder="如 disclosure:1、user:2" pattern="[a-z]+:[A-Za-z0-9_]+"></label> <button type="submit">筛选</button>${subject ? html` <a href="/admin/audit">全部</a>` : ""}</form>
<div class="grid-scroll"><table class="list audit">
<caption>最近的 ${entries.length} 条记录，新的在前</caption>
<thead><tr><th scope="col">序号</th><th scope="col">时间</th><th scope="col">操作人</th><th scope="col">操作</th><th scope="col">对象</th><th scope="col">详情</th><th scope="col">哈希</th></tr></thead>
<tbody>${entries.map(
    (e) => html`<tr data-seq="${e.seq}"><td class="num">${e.seq}</td><td>${formatTime(e.at)}</td><td>${e.actorId === null ? "系统" : (names.get(e.actorId) ?? `账号 ${e.actorId}`)}</td><td>${e.action}</td><td><a href="/admin/audit?subject=${encodeURIComponent(e.subject)}">${e.subject}</a></td><td class="detail">${detail(e.detail)}</td><td><code title="${e.hash}">${e.hash.slice(0, 12)}</code></td></tr>`,
  )}</tbody></table></div>`;
}

export function renderSettings(options: { readonly csrf: string | undefined; readonly threshold: number; readonly max: number }): Markup {
  return html`<form method="post" action="/admin/settings" class="card narrow stacked">
${csrfField(options.csrf)}
<label>增减变动需说明原因的阈值（%）
<input name="yoy_threshold" type="number" inputmode="decimal" min="0" max="${options.max}" step="0.01" required value="${options.threshold}"></label>
<p class="note">本年数较上年数的增减达到上年数的这一百分比时，填报单位必须填写增减原因才能提交；上年数为零时任何变动都需要说明。</p>
<button type="submit" class="primary">保存设置</button>
</form>`;
}
