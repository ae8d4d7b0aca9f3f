// RFC 9457 problem details. Two bodies share the members: `ProblemDetails`,
// what the runtime sends for `application/problem+json` instead of a
// service's own body (`code` is the most specific catalog code), and the
// own body of a `problem-details` service, which adds `errors[]`.

import type { Catalog, Service } from '../../../model/catalog.js';
import { andHeader, bodyObject, ref, stringEnum, text } from './fields.js';
import type { JsonSchema, SchemaStyle } from './json-schema.js';
import type { ErrorBody } from './error-body.js';
import { componentName } from './names.js';
import { asProblemDetails, failureExamples } from './wire-examples.js';

const REQUIRED = ['type', 'title', 'status', 'detail', 'code'];

/** The RFC 9457 members, `code` as given, in the order the runtime writes them. */
function problemMembers(code: JsonSchema, typeBase: string | undefined, title: string): Record<string, JsonSchema> {
  return {
    type: {
      type: 'string',
      format: 'uri-reference',
      description:
        typeBase === undefined
          ? 'A URI reference that identifies the problem type; `about:blank` unless the application sets a base for it.'
          : `A URI reference that identifies the problem type: \`${typeBase}\` followed by \`code\`.`,
    },
    title: text(title),
    status: { type: 'integer', minimum: 100, maximum: 599, description: 'The HTTP status code.' },
    detail: text('The most specific message of the error, placeholders filled.'),
    instance: { type: 'string', format: 'uri-reference', description: 'A URI reference that identifies this occurrence.' },
    code,
  };
}

/** Problem details as the envelope of the services whose own format is another; none when every service answers with problem details. */
export function problemDetailsBody(catalog: Catalog, style: SchemaStyle): ErrorBody | undefined {
  const responding = catalog.services.filter((service) => service.wireFormat !== 'problem-details');
  if (responding.length === 0) return undefined;
  const codes = responding.flatMap((service) => [...service.categories.map((category) => category.name), ...service.codes.map((code) => code.name)]);
  return {
    name: 'ProblemDetails',
    title: 'Problem details',
    schemas: [
      {
        name: 'ProblemDetails',
        schema: bodyObject(problemMembers(ref(style.refTo('ProblemDetailsCode')), undefined, 'The reason phrase of `status` when `type` is `about:blank`.'), REQUIRED, {
          title: 'Problem details',
          description: 'RFC 9457 problem details (`application/problem+json`), sent instead of the service’s own body when the client asks for it or the application opts in.',
          examples: responding.flatMap((service) => asProblemDetails(failureExamples(service), service.problemTypeBase).map((example) => example.value)),
        }),
      },
      {
        name: 'ProblemDetailsCode',
        schema: stringEnum(codes, `Every code answered over HTTP (${responding.map((service) => service.title).join(', ')}): the most specific one, or the category for a category alone.`),
      },
    ],
  };
}

/** The own body of a `problem-details` service: its codes in `code`, and `errors[]` for the parts of a problem. */
export function problemDetailsServiceBody(service: Service, style: SchemaStyle): ErrorBody {
  const locale = service.defaultLocale;
  const names = {
    body: componentName(service.name, 'Error'),
    code: componentName(service.name, 'ErrorCode'),
    item: componentName(service.name, 'ErrorItem'),
  };
  const members = problemMembers(ref(style.refTo(names.code)), service.problemTypeBase, 'The reason phrase of `status` (`Not Found`); the same for every occurrence of a problem type, unlike `detail`.');
  return {
    name: names.body,
    title: `${service.title} error`,
    schemas: [
      {
        name: names.body,
        schema: bodyObject(
          { ...members, errors: { type: 'array', description: 'The parts of the problem, when it has several: one entry per field of the request that failed validation.', items: ref(style.refTo(names.item)) } },
          REQUIRED,
          {
            title: `${service.title} error`,
            description: `The error body of ${service.title}: RFC 9457 problem details (\`application/problem+json\`) with the catalog code in \`code\`.${service.description?.[locale] ? `\n\n${service.description[locale]}` : ''}`,
            examples: failureExamples(service).map((example) => example.value),
          },
        ),
      },
      {
        name: names.code,
        schema: stringEnum(
          service.codes.map((code) => code.name),
          `Error codes of ${service.title}: \`code\` in the body${andHeader(service)}.`,
        ),
      },
      {
        name: names.item,
        schema: bodyObject(
          {
            detail: text('What is wrong with this part of the request.'),
            pointer: { type: 'string', format: 'json-pointer-uri-fragment', description: 'Where in the request body: a JSON Pointer (RFC 6901) as a URI fragment, such as `#/lines/0/name`.' },
            name: text('The query parameter, header or path parameter, when the part is not in the body.'),
          },
          ['detail'],
        ),
      },
    ],
  };
}
