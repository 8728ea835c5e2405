/**
 * The review chain is data (data/default-chain.json, or a deployment's own file): the states a
 * disclosure passes through, and for each step who may move it on. These functions only read it.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import defaultChainJson from "./data/default-chain.json" with { type: "json" };

const StepSchema = z
  .object({
    from: z.string().min(1),
    to: z.string().min(1),
    action: z.string().min(1),
    role: z.enum(["preparer", "reviewer", "admin"]),
    duty: z.string().min(1).optional(),
  })
  .strict();

const ChainSchema = z
  .object({
    $comment: z.string().optional(),
    draft: z.string().min(1),
    published: z.string().min(1),
    returnTo: z.string().min(1),
    steps: z.array(StepSchema).min(1),
  })
  .strict()
  .superRefine((chain, ctx) => {
    // The steps must form one path from draft to published, so every state has one way on.
    let state = chain.draft;
    const seen = new Set<string>();
    for (const step of chain.steps) {
      if (step.from !== state) ctx.addIssue({ code: "custom", message: `第 ${seen.size + 1} 步应从“${state}”开始，而不是“${step.from}”` });
      if (seen.has(step.to)) ctx.addIssue({ code: "custom", message: `状态“${step.to}”出现了两次` });
      seen.add(step.to);
      state = step.to;
    }
    if (state !== chain.published) ctx.addIssue({ code: "custom", message: `最后一步应到达“${chain.published}”` });
    if (chain.steps[0]?.role !== "preparer") ctx.addIssue({ code: "custom", message: "第一步（提交）应由填报人完成" });
  });

export type Chain = z.infer<typeof ChainSchema>;
export type Step = Chain["steps"][number];

export const DEFAULT_CHAIN: Chain = ChainSchema.parse(defaultChainJson);

/** Reads a deployment's chain file; throws with the problems in Chinese. */
export function loadChain(path: string): Chain {
  const parsed = ChainSchema.safeParse(JSON.parse(readFileSync(path, "utf8")));
  if (!parsed.success) throw new Error(`审核流程文件 ${path} 有误：${parsed.error.issues.map((i) => i.message).join("；")}`);
  return parsed.data;
}

/** Every state in order, from draft to published. */
export function states(chain: Chain): string[] {
  return [chain.draft, ...chain.steps.map((s) => s.to)];
}

/** The step that moves a disclosure on from `state`, if any. */
export function stepFrom(chain: Chain, state: string): Step | undefined {
  return chain.steps.find((s) => s.from === state);
}

/** Whether the disclosure is with its reviewers: submitted and not yet published. */
export function inReview(chain: Chain, state: string): boolean {
  return state !== chain.draft && state !== chain.published;
}

/** Who can act on a step: the step's role, and for reviewers the step's duty. */
export interface Actor {
  readonly role: "admin" | "reviewer" | "preparer";
  readonly duties: readonly string[];
}

export function mayTake(step: Step, actor: Actor): boolean {
  if (actor.role !== step.role) return false;
  return step.duty === undefined || actor.duties.includes(step.duty);
}

/** The duties named in the chain: what an administrator can grant a reviewer. */
export function duties(chain: Chain): string[] {
  return chain.steps.flatMap((s) => (s.duty ? [s.duty] : []));
}
