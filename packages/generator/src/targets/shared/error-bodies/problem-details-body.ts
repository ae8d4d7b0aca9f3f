// RFC 9457 problem details, as the runtime sends them for
// `application/problem+json`: `code` is the most specific catalog code.

import type { Catalog } from '../../../model/catalog.js';
import { closedObject, ref, stringEnum, text } from './fields.js';
import type { SchemaStyle } from './json-schema.js';
import type { ErrorBody } from './error-body.js';
import { asProblemDetails, failureExamples } from './wire-examples.js';

export function problemDetailsBody(catalog: Catalog, style: SchemaStyle): ErrorBody {
  const responding = catalog.services;
  const codes = responding.flatMap((service) => [...service.categories.map((category) => category.name), ...service.codes.map((code) => code.name)]);
  return {
    name: 'ProblemDetails',
    title: 'Problem details',
    schemas: [
      {
        name: 'ProblemDetails',
        schema: closedObject(
          {
            type: { type: 'string', format: 'uri-reference', description: 'A URI reference that identifies the problem type; `about:blank` unless the application sets a base for it.' },
            title: text('The reason phrase of `status` when `type` is `about:blank`.'),
            status: { type: 'integer', minimum: 100, maximum: 599, description: 'The HTTP status code.' },
            detail: text('The most specific message of the error, placeholders filled.'),
            instance: { type: 'string', format: 'uri-reference', description: 'A URI reference that identifies this occurrence.' },
            code: ref(style.refTo('ProblemDetailsCode')),
          },
          ['type', 'title', 'status', 'detail', 'code'],
          {
            title: 'Problem details',
            description: 'RFC 9457 problem details (`application/problem+json`), sent instead of the service’s own body when the client asks for it or the application opts in.',
            examples: responding.flatMap((service) => asProblemDetails(failureExamples(service)).map((example) => example.value)),
          },
        ),
      },
      {
        name: 'ProblemDetailsCode',
        schema: stringEnum(codes, `Every code answered over HTTP (${responding.map((service) => service.title).join(', ')}): the most specific one, or the category for a category alone.`),
      },
    ],
  };
}
