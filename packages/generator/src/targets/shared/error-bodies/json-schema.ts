// The JSON Schema (2020-12) subset the error-body builders use. Targets
// serialize it as is (json-schema) or adapt it to an OpenAPI dialect.

export type JsonSchemaType = 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';

export interface JsonSchema {
  $schema?: string;
  $id?: string;
  $ref?: string;
  $comment?: string;
  $defs?: Record<string, JsonSchema>;
  title?: string;
  description?: string;
  type?: JsonSchemaType;
  enum?: string[];
  const?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean;
  items?: JsonSchema;
  maxItems?: number;
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  if?: JsonSchema;
  then?: JsonSchema;
  examples?: unknown[];
}

/** A schema under the name it gets in `$defs` and `components.schemas`. */
export interface NamedSchema {
  readonly name: string;
  readonly schema: JsonSchema;
}

/**
 * How a body states which codes belong to which category:
 * - `conditional`: one structure plus `if`/`then` per category, so a
 *   validator reports the exact failing path (JSON Schema, fast-json-stringify);
 * - `alternatives`: `anyOf` one complete object per category, which OpenAPI
 *   3.0 can express and which renders as a union in docs and codegen.
 */
export type CategoryRuleStyle = 'conditional' | 'alternatives';

export interface SchemaStyle {
  readonly rules: CategoryRuleStyle;
  /** The `$ref` value that points at a named schema. */
  readonly refTo: (name: string) => string;
}

/** Every `$ref` target in a schema, in order of first appearance. */
export function refsIn(schema: JsonSchema, into: string[] = []): string[] {
  if (schema.$ref !== undefined && !into.includes(schema.$ref)) into.push(schema.$ref);
  for (const child of childSchemas(schema)) refsIn(child, into);
  return into;
}

function childSchemas(schema: JsonSchema): JsonSchema[] {
  return [
    ...Object.values(schema.$defs ?? {}),
    ...Object.values(schema.properties ?? {}),
    ...(schema.items ? [schema.items] : []),
    ...(schema.anyOf ?? []),
    ...(schema.allOf ?? []),
    ...(schema.if ? [schema.if] : []),
    ...(schema.then ? [schema.then] : []),
  ];
}

// A record (not a list) so that adding a keyword to JsonSchema without ranking it fails to compile.
const KEYWORD_RANK: Readonly<Record<keyof JsonSchema, number>> = {
  $schema: 0,
  $id: 1,
  $comment: 2,
  $ref: 3,
  title: 4,
  description: 5,
  type: 6,
  const: 7,
  enum: 8,
  format: 9,
  minimum: 10,
  maximum: 11,
  properties: 12,
  required: 13,
  additionalProperties: 14,
  items: 15,
  maxItems: 16,
  anyOf: 17,
  allOf: 18,
  if: 19,
  then: 20,
  examples: 21,
  $defs: 22,
};
const KEYWORD_ORDER = (Object.keys(KEYWORD_RANK) as (keyof JsonSchema)[]).sort((a, b) => KEYWORD_RANK[a] - KEYWORD_RANK[b]);

/** A deep copy with keywords in one fixed, readable order (identity first, then shape, then rules, examples and definitions last). */
export function inKeywordOrder(schema: JsonSchema): JsonSchema {
  const out: Record<string, unknown> = {};
  for (const keyword of KEYWORD_ORDER) {
    const value = schema[keyword];
    if (value === undefined) continue;
    out[keyword] = orderValue(keyword, value);
  }
  return out as JsonSchema;
}

function orderValue(keyword: keyof JsonSchema, value: unknown): unknown {
  switch (keyword) {
    case 'properties':
    case '$defs':
      return Object.fromEntries(Object.entries(value as Record<string, JsonSchema>).map(([name, child]) => [name, inKeywordOrder(child)]));
    case 'items':
    case 'if':
    case 'then':
      return inKeywordOrder(value as JsonSchema);
    case 'anyOf':
    case 'allOf':
      return (value as JsonSchema[]).map(inKeywordOrder);
    default:
      return value;
  }
}
