// components.responses: one per service and status. Each carries one named
// example per code (variants and categories alone included) whose value is
// the exact wire body in the default locale, and the same as problem details.

import { statusText } from '@errcat/runtime';
import type { OpenAPIV3, OpenAPIV3_1 } from 'openapi-types';
import type { Catalog, Service } from '../../model/catalog.js';
import { asProblemDetails, responseExamples, type WireExample } from '../shared/error-bodies/index.js';
import { CONTENT_LANGUAGE, errorCodeHeaderName } from './headers.js';
import { schemaRef } from './schemas.js';

export const JSON_MEDIA_TYPE = 'application/json';
export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

/** `BatchError404`: the name users `$ref`. */
export function responseName(service: Service, status: number): string {
  return `${service.name}Error${status}`;
}

/** Valid in both versions: every schema and header is a `$ref`. */
export type ResponseObject = OpenAPIV3.ResponseObject & OpenAPIV3_1.ResponseObject;

export function buildResponses(catalog: Catalog): Record<string, ResponseObject> {
  const responses: Record<string, ResponseObject> = {};
  for (const service of catalog.services) {
    for (const [status, examples] of byStatus(responseExamples(service))) {
      responses[responseName(service, status)] = {
        description: describe(service, status, examples),
        headers: {
          'Content-Language': { $ref: `#/components/headers/${CONTENT_LANGUAGE}` },
          ...(service.errorCodeHeader ? { [service.errorCodeHeader]: { $ref: `#/components/headers/${errorCodeHeaderName(service)}` } } : {}),
        },
        content: content(service, examples),
      };
    }
  }
  return responses;
}

/**
 * A problem-details service answers `application/problem+json` only, with
 * its own schema; the others answer their own body as `application/json`,
 * or problem details when the client asks.
 */
function content(service: Service, examples: readonly WireExample[]): Record<string, OpenAPIV3.MediaTypeObject> {
  const own = { schema: { $ref: schemaRef(`${service.name}Error`) }, examples: exampleObjects(examples) };
  if (service.wireFormat === 'problem-details') return { [PROBLEM_MEDIA_TYPE]: own };
  return {
    [JSON_MEDIA_TYPE]: own,
    [PROBLEM_MEDIA_TYPE]: { schema: { $ref: schemaRef('ProblemDetails') }, examples: exampleObjects(asProblemDetails(examples, service.problemTypeBase)) },
  };
}

function byStatus(examples: readonly WireExample[]): Map<number, WireExample[]> {
  const groups = new Map<number, WireExample[]>();
  for (const example of examples) {
    const group = groups.get(example.status);
    if (group) group.push(example);
    else groups.set(example.status, [example]);
  }
  return groups;
}

function exampleObjects(examples: readonly WireExample[]): Record<string, OpenAPIV3.ExampleObject> {
  const objects: Record<string, OpenAPIV3.ExampleObject> = {};
  for (const { name, summary, description, value } of examples) objects[name] = description ? { summary, description, value } : { summary, value };
  return objects;
}

function describe(service: Service, status: number, examples: readonly WireExample[]): string {
  const locale = service.defaultLocale;
  const count = examples.length === 1 ? 'One code answers with this status; it is shown as an example.' : `${examples.length} codes answer with this status, each shown as an example.`;
  const lines = [`${service.title}: ${status} ${statusText(status)}. ${count}`];
  if (status === 304) lines.push('HTTP sends no body with 304 Not Modified, so clients do not see it; the examples show the code and message the service reports.');
  const categories = service.categories.filter((category) => category.status === status);
  if (categories.length > 0) {
    lines.push(
      `Categories (\`error.code\`${service.errorCodeHeader ? `, also in \`${service.errorCodeHeader}\`` : ''}):\n\n${categories
        .map((category) => `- \`${category.name}\`${category.description?.[locale] ? `: ${category.description[locale]}` : `: ${category.message[locale] ?? category.title}`}`)
        .join('\n')}`,
    );
  }
  return lines.join('\n\n');
}
