// Every example a bundled document holds, paired with the schema it
// illustrates, and an Ajv for the document's dialect to check them.

import { Ajv, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';

// ajv-formats is CommonJS: under NodeNext its types see the module object, whose `default` is the plugin.
const addFormats = formats as unknown as typeof formats.default;

type Json = Record<string, unknown>;

export interface ExampleCase {
  /** Where the example is: `#/components/responses/BatchError404/content/application~1json/examples/PoolNotFound`. */
  readonly where: string;
  readonly schema: Json;
  readonly value: unknown;
}

const SCHEMA_CHILDREN = ['properties', 'patternProperties', '$defs'] as const;
const SCHEMA_LISTS = ['anyOf', 'oneOf', 'allOf', 'prefixItems'] as const;
const SCHEMA_SINGLES = ['items', 'additionalProperties', 'not', 'if', 'then', 'else'] as const;

const escape = (token: string) => token.replace(/~/g, '~0').replace(/\//g, '~1');

/** Media-type examples of every response and request body, and `examples`/`example` of every schema, in document order. */
export function examplesOf(document: Json): ExampleCase[] {
  const cases: ExampleCase[] = [];
  const components = (document.components ?? {}) as Json;
  for (const [name, schema] of Object.entries((components.schemas ?? {}) as Record<string, Json>)) schemaExamples(`#/components/schemas/${escape(name)}`, schema, cases);
  for (const [name, response] of Object.entries((components.responses ?? {}) as Record<string, Json>)) contentExamples(`#/components/responses/${escape(name)}`, response, cases);
  for (const [route, item] of Object.entries((document.paths ?? {}) as Record<string, Json>)) {
    for (const [method, operation] of Object.entries(item)) {
      if (typeof operation !== 'object' || operation === null || Array.isArray(operation)) continue;
      const where = `#/paths/${escape(route)}/${method}`;
      const { requestBody, responses } = operation as Json;
      if (requestBody && typeof requestBody === 'object' && !('$ref' in requestBody)) contentExamples(`${where}/requestBody`, requestBody as Json, cases);
      for (const [status, response] of Object.entries((responses ?? {}) as Record<string, Json>)) {
        if (!('$ref' in response)) contentExamples(`${where}/responses/${status}`, response, cases);
      }
    }
  }
  return cases;
}

function contentExamples(where: string, holder: Json, cases: ExampleCase[]): void {
  for (const [mediaType, media] of Object.entries((holder.content ?? {}) as Record<string, Json>)) {
    const at = `${where}/content/${escape(mediaType)}`;
    const schema = media.schema as Json | undefined;
    if (!schema) continue;
    if ('example' in media) cases.push({ where: `${at}/example`, schema, value: media.example });
    for (const [name, example] of Object.entries((media.examples ?? {}) as Record<string, Json>)) {
      cases.push({ where: `${at}/examples/${escape(name)}`, schema, value: example.value });
    }
  }
}

function schemaExamples(where: string, schema: Json, cases: ExampleCase[]): void {
  if (Array.isArray(schema.examples)) schema.examples.forEach((value, index) => cases.push({ where: `${where}/examples/${index}`, schema, value }));
  if ('example' in schema) cases.push({ where: `${where}/example`, schema, value: schema.example });
  for (const keyword of SCHEMA_CHILDREN) {
    for (const [name, child] of Object.entries((schema[keyword] ?? {}) as Record<string, Json>)) schemaExamples(`${where}/${keyword}/${escape(name)}`, child, cases);
  }
  for (const keyword of SCHEMA_LISTS) {
    ((schema[keyword] ?? []) as Json[]).forEach((child, index) => schemaExamples(`${where}/${keyword}/${index}`, child, cases));
  }
  for (const keyword of SCHEMA_SINGLES) {
    const child = schema[keyword];
    if (child && typeof child === 'object') schemaExamples(`${where}/${keyword}`, child as Json, cases);
  }
}

const COMPONENTS_ID = 'urn:example-check:components';

/**
 * Ajv in strict mode for the document's dialect: 2020-12 for OpenAPI 3.1,
 * draft-07 (plus the `example` annotation) for 3.0. The document's schemas
 * are registered once; `#/components/schemas/…` references point at them.
 */
export function exampleValidator(document: Json): (schema: Json) => ValidateFunction {
  const openapi = String(document.openapi);
  const ajv = openapi.startsWith('3.1') ? new Ajv2020({ strict: true, allErrors: true }) : new Ajv({ strict: true, allErrors: true });
  addFormats(ajv);
  if (!openapi.startsWith('3.1')) ajv.addKeyword('example');
  const schemas = ((document.components as Json | undefined)?.schemas ?? {}) as Json;
  ajv.addSchema({ $id: COMPONENTS_ID, $defs: retarget(schemas) as Json });
  return (schema) => ajv.compile(retarget(schema) as Json);
}

function retarget(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value).replaceAll('"#/components/schemas/', `"${COMPONENTS_ID}#/$defs/`));
}
