import { z } from "zod";
import { BudgetDocumentSchema } from "./budget-document.ts";

/** The JSON Schema (draft 2020-12) of a `*.budget.json` file, as committed in `schema/`. */
export function budgetDocumentJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(BudgetDocumentSchema, { io: "input", target: "draft-2020-12" }),
    $id: "https://gongkai.example/schema/budget-document.schema.json",
    title: "Gongkai BudgetDocument（单位/部门预算数据）",
  };
}
