// Small schema pieces the bodies share, so each field is described once.

import { compareText } from '../../../util/sort.js';
import type { Service } from '../../../model/catalog.js';
import type { JsonSchema } from './json-schema.js';

export const text = (description: string): JsonSchema => ({ type: 'string', description });

export const ref = (target: string): JsonSchema => ({ $ref: target });

export const stringEnum = (values: readonly string[], description: string): JsonSchema => ({ type: 'string', description, enum: [...new Set(values)].sort(compareText) });

export const constant = (value: string, description?: string): JsonSchema => ({ type: 'string', ...(description ? { description } : {}), const: value });

/**
 * An object whose listed properties are constrained and `required` in the
 * order given. Other members are allowed: real services add their own (Azure
 * Batch sends `odata.metadata` beside `code` and `message`, RFC 9457 invites
 * extension members), and a schema that rejected them would reject real
 * answers. What the catalog defines (codes, shapes, types) is still checked.
 */
export function bodyObject(properties: Record<string, JsonSchema>, required: string[], extra: Partial<JsonSchema> = {}): JsonSchema {
  return { type: 'object', ...extra, properties, required };
}

/** `if <property> is <value> then <constraint>`, typed as ajv's strict mode requires. */
export function when(property: string, value: string, then: Record<string, JsonSchema>): JsonSchema {
  return {
    if: { type: 'object', properties: { [property]: { type: 'string', const: value } }, required: [property] },
    then: { type: 'object', properties: then },
  };
}

/** An array that must stay empty (a category without codes of its own). */
export const emptyArray = (description: string): JsonSchema => ({ type: 'array', description, maxItems: 0 });


/** ` and the \`x-ms-error-code\` header` for a service that repeats its top-level code in a header, else nothing. */
export const andHeader = (service: Service): string => (service.errorCodeHeader ? ` and the \`${service.errorCodeHeader}\` header` : '');
