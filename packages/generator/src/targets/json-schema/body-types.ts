// TypeScript types for the bodies, printed from the same builders as the
// schemas (in their `alternatives` style, which reads as a union).

import type { TypeAliasDeclarationStructure } from 'ts-morph';
import { StructureKind } from '../shared/typescript/structure-kind.js';
import type { Catalog } from '../../model/catalog.js';
import { buildErrorBodies, type JsonSchema } from '../shared/error-bodies/index.js';
import { docText, quote, unionType } from '../shared/typescript/ts-literal.js';

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function bodyTypeAliases(catalog: Catalog): TypeAliasDeclarationStructure[] {
  return buildErrorBodies(catalog, { rules: 'alternatives', refTo: (name) => name }).flatMap((body) =>
    body.schemas.map(({ name, schema }) => ({
      kind: StructureKind.TypeAlias,
      name,
      isExported: true,
      docs: [[schema.title, schema.description].filter(Boolean).join('\n\n') || name],
      type: typeText(schema),
    })),
  );
}

function typeText(schema: JsonSchema): string {
  if (schema.$ref !== undefined) return schema.$ref;
  if (schema.const !== undefined) return quote(schema.const);
  if (schema.enum) return union(schema.enum.map(quote));
  if (schema.anyOf) return union(schema.anyOf.map(typeText));
  switch (schema.type) {
    case 'string':
      return 'string';
    case 'integer':
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'array':
      return schema.maxItems === 0 ? '[]' : `Array<${typeText(schema.items ?? {})}>`;
    case 'object':
      return objectText(schema);
    default:
      return 'unknown';
  }
}

function objectText(schema: JsonSchema): string {
  const required = new Set(schema.required ?? []);
  const members = Object.entries(schema.properties ?? {}).map(([name, property]) => {
    const doc = property.description ? `/** ${docText(property.description)} */\n` : '';
    return `${doc}${IDENTIFIER.test(name) ? name : quote(name)}${required.has(name) ? '' : '?'}: ${typeText(property)};`;
  });
  const rest = schema.additionalProperties === false ? [] : ['[member: string]: unknown;'];
  return `{\n${[...members, ...rest].map(indented).join('\n')}\n}`;
}

function union(members: string[]): string {
  if (members.length === 0) return 'never';
  const oneLine = members.join(' | ');
  return oneLine.length <= 80 && !oneLine.includes('\n') ? oneLine : unionType(members);
}

/** Type text is printed as it is indented (see `printSource`): nested lines carry their own indent. */
function indented(text: string): string {
  return `  ${text.replaceAll('\n', '\n  ')}`;
}
