import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import specSchema from '../../schema/spec.schema.json' with { type: 'json' };
import { loadCatalogFromTexts } from '../load/load-catalog.js';
import { parseSpecFile } from '../load/parse-spec-file.js';
import { normalizeCatalog } from '../model/normalize.js';
import { validateSpec } from '../validate/validate-spec.js';
import type { RawSpecFile } from './raw-spec.js';
import type { SpecFile } from './spec-file.js';

// The JSON Schema (what editors and the structural check accept) and the
// code (what the rules and the normalizer read) must describe the same
// fields. A fixture that uses every field is read through a recording proxy:
// every field the schema allows must be read, and nothing else may be.

interface SchemaNode {
  $ref?: string;
  allOf?: SchemaNode[];
  properties?: Record<string, SchemaNode>;
  additionalProperties?: SchemaNode | boolean;
  items?: SchemaNode;
}

const definitions = specSchema.definitions as Record<string, SchemaNode>;

function resolve(node: SchemaNode): SchemaNode {
  if (node.$ref) return resolve(definitions[node.$ref.split('/').pop()!]!);
  if (node.allOf) return node.allOf.map(resolve).reduce((merged, part) => ({ ...merged, ...part }), {} as SchemaNode);
  return node;
}

/** Every field path the schema allows, with `*` for map keys and `[]` for list items. */
function schemaPaths(node: SchemaNode, prefix: string, into: Set<string>): Set<string> {
  const resolved = resolve(node);
  for (const [name, child] of Object.entries(resolved.properties ?? {})) {
    const at = prefix ? `${prefix}.${name}` : name;
    into.add(at);
    schemaPaths(child, at, into);
  }
  if (typeof resolved.additionalProperties === 'object') {
    into.add(`${prefix}.*`);
    schemaPaths(resolved.additionalProperties, `${prefix}.*`, into);
  }
  if (resolved.items) {
    into.add(`${prefix}[]`);
    schemaPaths(resolved.items, `${prefix}[]`, into);
  }
  return into;
}

/** Turns a concrete data path into the schema's shape (map keys → `*`). */
function shapeOf(path: ReadonlyArray<string | number>): string {
  let node: SchemaNode | undefined = specSchema as SchemaNode;
  let shape = '';
  for (const segment of path) {
    const resolved: SchemaNode | undefined = node ? resolve(node) : undefined;
    if (typeof segment === 'number') {
      shape += '[]';
      node = resolved?.items;
    } else if (resolved?.properties?.[segment]) {
      shape += shape ? `.${segment}` : segment;
      node = resolved.properties[segment];
    } else if (typeof resolved?.additionalProperties === 'object') {
      shape += '.*';
      node = resolved.additionalProperties;
    } else {
      shape += shape ? `.${segment}` : segment;
      node = undefined;
    }
  }
  return shape;
}

function recording(value: unknown, path: Array<string | number>, reads: Set<string>): unknown {
  if (value === null || typeof value !== 'object') return value;
  return new Proxy(value as object, {
    get(target, key, receiver) {
      const result = Reflect.get(target, key, receiver);
      if (typeof key === 'symbol') return result;
      const isIndex = Array.isArray(target) && /^\d+$/.test(key);
      const isField = !Array.isArray(target) && (Object.hasOwn(target, key) || !(key in Object.prototype));
      if (!isIndex && !isField) return result;
      const childPath = [...path, isIndex ? Number(key) : key];
      reads.add(shapeOf(childPath));
      return recording(result, childPath, reads);
    },
  });
}

const fixture = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test/fixtures/every-field');
const texts = readdirSync(fixture)
  .sort()
  .map((file) => ({ file, text: readFileSync(path.join(fixture, file), 'utf8') }));

describe('spec schema and code stay in step', () => {
  it('the every-field fixture is a valid spec', () => {
    expect(loadCatalogFromTexts(texts).diagnostics).toEqual([]);
  });

  it('every field the schema allows is used in the fixture, and read by the rules or the normalizer', () => {
    const allowed = schemaPaths(specSchema as SchemaNode, '', new Set());
    const reads = new Set<string>();
    const files: SpecFile[] = texts.map((text) => {
      const { parsed } = parseSpecFile(text);
      return { source: parsed!, spec: recording(parsed!.data, [], reads) as RawSpecFile };
    });
    expect(validateSpec(files, { someFilesUnreadable: false })).toEqual([]);
    normalizeCatalog(files);
    const unread = [...allowed].filter((field) => !reads.has(field)).sort();
    const unknown = [...reads].filter((field) => !allowed.has(field)).sort();
    expect({ unread, unknown }).toEqual({ unread: [], unknown: [] });
  });
});
