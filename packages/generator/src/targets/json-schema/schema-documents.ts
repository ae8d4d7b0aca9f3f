// One JSON Schema 2020-12 document per error body, self-contained (its parts
// in `$defs`), with a stable `$id`; and a bundle that embeds them all.

import type { Catalog } from '../../model/catalog.js';
import { buildErrorBodies, fileStem, inKeywordOrder, refsIn, type ErrorBody, type JsonSchema } from '../shared/error-bodies/index.js';
import { GENERATED_NOTICE } from '../shared/generated-header.js';
import { packageName } from '../shared/package-manifest.js';

export const DIALECT = 'https://json-schema.org/draft/2020-12/schema';

export interface SchemaDocument {
  /** The body's name (`BatchError`), also the key in the bundle's `$defs`. */
  readonly name: string;
  readonly title: string;
  /** Path inside the package: `schemas/batch-error.schema.json`. */
  readonly file: string;
  readonly id: string;
  readonly schema: JsonSchema;
}

/**
 * Where the schemas say they live (`settings.jsonSchema.idBase`). Validators
 * never fetch it: every schema ships in the package.
 */
export function schemaBaseUri(catalog: Catalog): string {
  return catalog.settings.jsonSchemaIdBase;
}

export function buildSchemaDocuments(catalog: Catalog): SchemaDocument[] {
  const base = schemaBaseUri(catalog);
  return buildErrorBodies(catalog, { rules: 'conditional', refTo: (name) => `#/$defs/${name}` }).map((body) => {
    const file = `schemas/${fileStem(body.name)}.schema.json`;
    const id = `${base}${file.slice('schemas/'.length)}`;
    return { name: body.name, title: body.title, file, id, schema: schemaDocument(body, id) };
  });
}

/** `schemas/bundle.schema.json`: every body as an embedded resource under its own `$id`. */
export function buildBundle(catalog: Catalog, documents: readonly SchemaDocument[]): JsonSchema {
  return inKeywordOrder({
    $schema: DIALECT,
    $id: `${schemaBaseUri(catalog)}bundle.schema.json`,
    $comment: GENERATED_NOTICE,
    title: `${packageName(catalog, 'json-schema')}: every error body`,
    description: 'Each body is an embedded schema resource under its own `$id`; reference one by that `$id` (or by `#/$defs/<Name>` from here). The bundle itself accepts any value.',
    $defs: Object.fromEntries(documents.map((document) => [document.name, embedded(document.schema)])),
  });
}

function schemaDocument(body: ErrorBody, id: string): JsonSchema {
  const [root, ...parts] = body.schemas;
  if (!root) throw new Error(`${body.name} has no schema`);
  const defs = Object.fromEntries(reachable(root.schema, parts).map(({ name, schema }) => [name, schema]));
  return inKeywordOrder({ $schema: DIALECT, $id: id, $comment: GENERATED_NOTICE, ...root.schema, $defs: defs });
}

/** The parts a schema refers to, directly or through other parts, in the order the body lists them. */
function reachable(root: JsonSchema, parts: ErrorBody['schemas']): ErrorBody['schemas'] {
  const seen = new Set<string>();
  const visit = (schema: JsonSchema) => {
    for (const target of refsIn(schema)) {
      const name = target.replace('#/$defs/', '');
      const part = parts.find((candidate) => candidate.name === name);
      if (!part) throw new Error(`${target} points at no part of the body`);
      if (seen.has(name)) continue;
      seen.add(name);
      visit(part.schema);
    }
  };
  visit(root);
  return parts.filter((part) => seen.has(part.name));
}

function embedded(schema: JsonSchema): JsonSchema {
  const { $schema: _dialect, $comment: _notice, ...rest } = schema;
  return rest;
}
