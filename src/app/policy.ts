/**
 * Who may see and do what. Administrators (财政局) see everything and manage accounts; reviewers see the
 * units of their departments and act on the review steps of their duties; preparers see and edit only
 * their own units, and only while a disclosure is a draft.
 */
import type { UnitRecord } from "../store/repositories/units.ts";
import type { UserRecord } from "../store/repositories/users.ts";
import { type Chain, inReview, mayTake, stepFrom } from "../workflow/chain.ts";

export function canView(user: UserRecord, unit: Pick<UnitRecord, "id" | "departmentId">): boolean {
  if (user.disabled) return false;
  if (user.role === "admin") return true;
  if (user.role === "reviewer") return user.departmentIds.includes(unit.departmentId);
  return user.unitIds.includes(unit.id);
}

export function canEdit(user: UserRecord, unit: Pick<UnitRecord, "id">, state: string, chain: Chain): boolean {
  return !user.disabled && user.role === "preparer" && user.unitIds.includes(unit.id) && state === chain.draft;
}

/** Whether the user may take the step that moves the disclosure on from `state`. */
export function canAdvance(user: UserRecord, unit: Pick<UnitRecord, "id" | "departmentId">, state: string, chain: Chain): boolean {
  const step = stepFrom(chain, state);
  if (!step || !canView(user, unit)) return false;
  return mayTake(step, user);
}

/** Any reviewer of the unit's department may return a disclosure under review, with comments. */
export function canReturn(user: UserRecord, unit: Pick<UnitRecord, "id" | "departmentId">, state: string, chain: Chain): boolean {
  return user.role === "reviewer" && canView(user, unit) && inReview(chain, state);
}

export function canComment(user: UserRecord, unit: Pick<UnitRecord, "id" | "departmentId">): boolean {
  return user.role !== "preparer" ? canView(user, unit) : false;
}

/** A published disclosure is corrected by its preparer: a new draft, published again with a note. */
export function canReopen(user: UserRecord, unit: Pick<UnitRecord, "id">, state: string, chain: Chain): boolean {
  return user.role === "preparer" && user.unitIds.includes(unit.id) && state === chain.published;
}
