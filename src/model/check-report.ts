/**
 * The JSON that `gongkai check --format json` prints, as a zod schema: the committed
 * `schema/check-report.schema.json` is generated from it, and a compile-time assertion below keeps it
 * in step with the Finding type the rules produce.
 */
import { z } from "zod";
import { CATEGORIES, type Finding, SEVERITIES } from "./finding.ts";

const SourceLocationSchema = z
  .object({
    line: z.number().int().min(1).optional().meta({ description: "文本中的行号（从 1 起）" }),
    page: z.number().int().min(1).optional().meta({ description: "PDF 页码（从 1 起）" }),
  })
  .readonly();

const TableNumberSchema = z.number().int().min(1).max(15);

export const CellRefSchema = z
  .object({
    table: TableNumberSchema.meta({ description: "表号" }),
    instance: z.number().int().min(1).optional(),
    group: z.string().optional().meta({ description: "左右分块表（表1/表4/表9）中的块" }),
    rowCode: z.string().optional(),
    rowLabel: z.string().optional(),
    column: z.string().optional(),
    source: SourceLocationSchema.optional(),
  })
  .readonly();

const ValueSchema = z.union([z.number().int().meta({ description: "金额，单位：分" }), z.string(), z.null()]);

export const FindingSchema = z
  .object({
    ruleId: z.string().meta({ description: "规则 id，见 docs/rules/<ruleId>.md" }),
    severity: z.enum(SEVERITIES),
    category: z.enum(CATEGORIES),
    messageId: z.string(),
    data: z.record(z.string(), z.union([z.string(), z.number()])).readonly(),
    message: z.string().meta({ description: "中文说明" }),
    cells: z.array(CellRefSchema).readonly(),
    narrative: z
      .object({ path: z.array(z.string()).readonly(), quote: z.string(), source: SourceLocationSchema.optional() })
      .readonly()
      .optional(),
    expected: ValueSchema.optional(),
    actual: ValueSchema.optional(),
    difference: z.number().int().optional().meta({ description: "实际 − 应为，单位：分" }),
    fix: z
      .object({
        description: z.string(),
        cells: z.array(z.object({ cell: CellRefSchema, value: ValueSchema }).readonly()).readonly().optional(),
      })
      .readonly()
      .optional(),
  })
  .readonly();

export const FileResultSchema = z.object({
  file: z.string(),
  findings: z.array(FindingSchema),
  unreadable: z.string().optional().meta({ description: "文件无法读取时的原因；此时 findings 为空" }),
});

export const CheckReportSchema = z.object({
  tool: z.literal("gongkai"),
  version: z.string(),
  files: z.array(FileResultSchema),
  summary: z.string(),
});

export type CheckReport = z.infer<typeof CheckReportSchema>;

// A Finding the rules produce must fit the published schema; this line fails to compile otherwise.
export const findingFitsSchema: Finding extends z.infer<typeof FindingSchema> ? true : never = true;

export function checkReportJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(CheckReportSchema, { target: "draft-2020-12" }),
    $id: "https://gongkai.example/schema/check-report.schema.json",
    title: "gongkai check --format json 的输出",
  };
}
