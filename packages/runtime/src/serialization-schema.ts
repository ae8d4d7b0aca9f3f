// The part of a body's JSON Schema that shapes its JSON text. A response
// schema validates (enums, `if`/`then` rules between category and detail
// code, formats); a serializer only needs to know which members exist and
// their types. Handing fast-json-stringify the validating schema would make
// it run those rules through Ajv on every error, so it gets this view.

export type JsonSchemaObject = { readonly [keyword: string]: unknown };

/** Keywords that decide the JSON text: which members, in which order, as which type. */
const SHAPING = new Set(['type', 'properties', 'items']);

/**
 * A schema with local `$ref`s (`#/$defs/…`) inlined and only `type`,
 * `properties` and `items` kept, for fast-json-stringify. Members are
 * written in the schema's order; absent members are left out; members a
 * schema does not list are never written.
 */
export function serializationSchema(schema: JsonSchemaObject): JsonSchemaObject {
  const view = shape(schema, schema, []);
  if (view.type !== 'object' || typeof view.properties !== 'object') {
    throw new TypeError(`a response schema must describe an object with properties${typeof schema.$id === 'string' ? ` (${schema.$id})` : ''}`);
  }
  return view;
}

function shape(schema: JsonSchemaObject, root: JsonSchemaObject, seen: readonly string[]): JsonSchemaObject {
  if (typeof schema.$ref === 'string') {
    const ref = schema.$ref;
    if (seen.includes(ref)) throw new TypeError(`response schemas cannot be recursive (${ref})`);
    return shape(resolvePointer(root, ref), root, [...seen, ref]);
  }
  const result: Record<string, unknown> = {};
  for (const [keyword, value] of Object.entries(schema)) {
    if (!SHAPING.has(keyword)) continue;
    if (keyword === 'properties') {
      result.properties = Object.fromEntries(Object.entries(value as Record<string, JsonSchemaObject>).map(([name, member]) => [name, shape(member, root, seen)]));
    } else if (keyword === 'items') {
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) result.items = shape(value as JsonSchemaObject, root, seen);
    } else {
      result[keyword] = value;
    }
  }
  return result;
}

function resolvePointer(root: JsonSchemaObject, ref: string): JsonSchemaObject {
  if (!ref.startsWith('#/')) throw new TypeError(`only local $refs can be serialized: ${ref}`);
  let node: unknown = root;
  for (const raw of ref.slice(2).split('/')) {
    const key = decodeURIComponent(raw).replaceAll('~1', '/').replaceAll('~0', '~');
    node = typeof node === 'object' && node !== null && Object.hasOwn(node, key) ? (node as Record<string, unknown>)[key] : undefined;
  }
  if (typeof node !== 'object' || node === null) throw new TypeError(`${ref} points at nothing`);
  return node as JsonSchemaObject;
}
