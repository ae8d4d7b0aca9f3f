// components.schemas: the shared error-body builders in their
// `alternatives` style, adapted to each OpenAPI dialect. 3.1 takes JSON
// Schema as is; 3.0 has no `const` (→ one-value `enum`) and one `example`.

import type { OpenAPIV3, OpenAPIV3_1 } from 'openapi-types';
import type { Catalog } from '../../model/catalog.js';
import { buildErrorBodies, inKeywordOrder, type JsonSchema } from '../shared/error-bodies/index.js';

export const schemaRef = (name: string): string => `#/components/schemas/${name}`;

/** The error bodies' schemas by name, as JSON Schema: what both dialects convert (built once, see `sharedComponents`). */
export type NamedSchemas = ReadonlyArray<readonly [string, JsonSchema]>;

export function namedSchemas(catalog: Catalog): NamedSchemas {
  return buildErrorBodies(catalog, { rules: 'alternatives', refTo: schemaRef }).flatMap((body) => body.schemas.map(({ name, schema }): [string, JsonSchema] => [name, inKeywordOrder(schema)]));
}

export function buildSchemas31(schemas: NamedSchemas): Record<string, OpenAPIV3_1.SchemaObject> {
  return Object.fromEntries(schemas.map(([name, schema]) => [name, schema31(schema)]));
}

export function buildSchemas30(schemas: NamedSchemas): Record<string, OpenAPIV3.SchemaObject> {
  return Object.fromEntries(schemas.map(([name, schema]) => [name, schema30(schema)]));
}

function schema31(schema: JsonSchema): OpenAPIV3_1.SchemaObject {
  return convert(schema, (keyword, value) => [[keyword, value]], schema31) as OpenAPIV3_1.SchemaObject;
}

function schema30(schema: JsonSchema): OpenAPIV3.SchemaObject {
  return convert(
    schema,
    (keyword, value) => {
      if (keyword === 'const') return [['enum', [value]]];
      if (keyword === 'examples') return (value as unknown[]).length > 0 ? [['example', (value as unknown[])[0]]] : [];
      return [[keyword, value]];
    },
    schema30,
  ) as OpenAPIV3.SchemaObject;
}

/** Copies `schema` keyword by keyword in its order, recursing into subschemas; `$ref`s stay bare reference objects. */
function convert(schema: JsonSchema, keyword: (name: string, value: unknown) => Array<[string, unknown]>, recurse: (child: JsonSchema) => object): object {
  unsupported(schema);
  if (schema.$ref !== undefined) return { $ref: schema.$ref };
  const child = (value: JsonSchema) => (value.$ref !== undefined ? { $ref: value.$ref } : recurse(value));
  const entries = Object.entries(schema).flatMap(([name, value]): Array<[string, unknown]> => {
    switch (name) {
      case 'properties':
        return [[name, Object.fromEntries(Object.entries(value as Record<string, JsonSchema>).map(([property, subschema]) => [property, child(subschema)]))]];
      case 'items':
        return [[name, child(value as JsonSchema)]];
      case 'anyOf':
        return [[name, (value as JsonSchema[]).map(child)]];
      default:
        return keyword(name, value);
    }
  });
  return Object.fromEntries(entries);
}

/** The `alternatives` style never produces these; stating it keeps a future builder change from emitting an invalid document. */
function unsupported(schema: JsonSchema): void {
  for (const keyword of ['$schema', '$id', '$comment', '$defs', 'allOf', 'if', 'then'] as const) {
    if (schema[keyword] !== undefined) throw new Error(`OpenAPI components do not take \`${keyword}\` here`);
  }
}
