/**
 * The OpenAPI 3.1 document of the open data API, generated from the API's own operation list and its
 * zod schemas (schemas.ts): parameters from each operation's parameter schemas, responses from the
 * registered response schemas (`components.schemas`). Served at /api/v1/openapi.json.
 */
import { z } from "zod";
import { API_SCHEMAS } from "./schemas.ts";

/** One GET operation of the API, as the router and the document both see it. */
export interface ApiOperation {
  /** The route's path in Hono's syntax (`/api/v1/units/:code`). */
  readonly path: string;
  readonly operationId: string;
  readonly tag: string;
  readonly summary: string;
  readonly description?: string;
  /** One property per `:name` of the path. */
  readonly pathParams: z.ZodObject;
  readonly query: z.ZodObject;
  /** A schema registered in API_SCHEMAS (it becomes a `$ref`). */
  readonly response: z.ZodType;
  /** Whether the operation can answer 404 (an unknown unit, year or table). */
  readonly notFound: boolean;
}

export const API_VERSION = "1.0.0";

const TAGS = [
  { name: "单位", description: "有已公开预算的单位" },
  { name: "公开文本", description: "各单位各年度的已公开预算：发布记录、报表、支出明细、校验结果" },
  { name: "汇总", description: "按支出功能分类或经济分类，跨单位、跨年度汇总" },
  { name: "检索与统计", description: "检索与公开情况统计" },
  { name: "说明", description: "本文档" },
];

/** `/api/v1/units/:code` → `/api/v1/units/{code}`. */
export function openApiPath(path: string): string {
  return path.replace(/:(\w+)/g, "{$1}");
}

type JsonObject = Record<string, unknown>;

/** A JSON Schema of a zod schema as OpenAPI 3.1 embeds it (draft 2020-12, without `$schema`). */
function jsonSchema(schema: z.ZodType, io: "input" | "output"): JsonObject {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io, target: "draft-2020-12", unrepresentable: "any" }) as JsonObject;
  return rest;
}

function parameters(schema: z.ZodObject, where: "path" | "query"): JsonObject[] {
  const object = jsonSchema(schema, "input") as { properties?: Record<string, JsonObject>; required?: string[] };
  return Object.entries(object.properties ?? {}).map(([name, property]) => {
    const { description, examples, ...rest } = property as JsonObject & { examples?: unknown[] };
    return {
      name,
      in: where,
      required: where === "path" || (object.required ?? []).includes(name),
      ...(description ? { description } : {}),
      schema: rest,
      ...(Array.isArray(examples) && examples.length > 0 ? { example: examples[0] } : {}),
    };
  });
}

function componentSchemas(): Record<string, JsonObject> {
  const { schemas } = z.toJSONSchema(API_SCHEMAS, { target: "draft-2020-12", io: "output", uri: (id) => `#/components/schemas/${id}` }) as { schemas: Record<string, JsonObject> };
  // Each component is embedded in the document: no `$schema` of its own, and no `$id` (a fragment `$id` is not allowed).
  return Object.fromEntries(Object.entries(schemas).map(([id, { $schema: _s, $id: _i, ...rest }]) => [id, rest]));
}

const ref = (schema: z.ZodType) => {
  const id = API_SCHEMAS.get(schema)?.id;
  if (!id) throw new Error("接口的响应模式没有登记在 API_SCHEMAS 中");
  return { $ref: `#/components/schemas/${id}` };
};

const CACHING_HEADERS = {
  ETag: { description: "强 ETag：响应内容的哈希。下次请求带 If-None-Match，内容未变时得到 304", schema: { type: "string" } },
  "Cache-Control": { description: "public, max-age=60", schema: { type: "string" } },
  "Access-Control-Allow-Origin": { description: "*：任何网站的脚本都可以读取", schema: { type: "string" } },
};

/** The OpenAPI 3.1 document of these operations. */
export function openApiDocument(operations: readonly ApiOperation[]): JsonObject {
  const paths: Record<string, JsonObject> = {};
  for (const op of operations) {
    const error = (description: string) => ({ description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } });
    paths[openApiPath(op.path)] = {
      get: {
        operationId: op.operationId,
        tags: [op.tag],
        summary: op.summary,
        ...(op.description ? { description: op.description } : {}),
        parameters: [...parameters(op.pathParams, "path"), ...parameters(op.query, "query")],
        responses: {
          "200": { description: "成功", headers: CACHING_HEADERS, content: { "application/json": { schema: ref(op.response) } } },
          "304": { description: "内容未改变（请求的 If-None-Match 与当前 ETag 相同）", headers: { ETag: CACHING_HEADERS.ETag } },
          "400": error("参数有误（未知的参数、格式不对的年度或编码……）"),
          ...(op.notFound ? { "404": error("没有这个单位、年度、报表，或尚未公开") } : {}),
        },
      },
    };
  }
  return {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    info: {
      title: "Gongkai 预算公开开放数据接口",
      version: API_VERSION,
      description:
        "只读、按版本划分（/api/v1/）的开放数据接口：已公开的部门（单位）预算——单位、公开文本及其历次发布、15 张标准报表、支出明细、校验结果，" +
        "以及按支出功能分类或经济分类跨单位、跨年度的汇总。只含已公开的内容，不含草稿。\n\n" +
        "- 金额一律为整数“分”（1 元 = 100 分），每个响应注明 `currency: \"CNY\"`、`unit: \"fen\"`。\n" +
        "- 列表分页：`limit`、`offset`，响应给出 `total`。\n" +
        "- 缓存：响应带强 ETag 和 `Cache-Control: public, max-age=60`；带 `If-None-Match` 的请求在内容未变时得到 304。\n" +
        "- 跨域：`Access-Control-Allow-Origin: *`，任何网页脚本都可读取；OPTIONS 预检直接应答。\n" +
        "- 错误：`{\"error\": \"中文说明\"}`，参数有误为 400，没有这个单位、年度或报表为 404。",
    },
    servers: [{ url: "/" }],
    tags: TAGS,
    paths,
    components: { schemas: componentSchemas() },
  };
}
