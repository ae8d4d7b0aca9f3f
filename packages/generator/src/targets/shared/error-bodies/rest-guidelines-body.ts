// Microsoft REST API guidelines body (ML Studio): `error.code` is the
// category, `details[].code` a code of that category.

import type { Category, Service } from '../../../model/catalog.js';
import { andHeader, bodyObject, constant, emptyArray, ref, stringEnum, text, when } from './fields.js';
import type { JsonSchema, NamedSchema, SchemaStyle } from './json-schema.js';
import { componentName } from './names.js';
import type { ErrorBody } from './error-body.js';
import { failureExamples } from './wire-examples.js';

export function restGuidelinesBody(service: Service, style: SchemaStyle): ErrorBody {
  const locale = service.defaultLocale;
  const names = {
    body: componentName(service.name, 'Error'),
    info: componentName(service.name, 'ErrorInfo'),
    detail: componentName(service.name, 'ErrorDetail'),
    category: componentName(service.name, 'ErrorCategory'),
    codes: (category: Category) => componentName(service.name, category.name, 'DetailCode'),
  };
  const withCodes = service.categories.filter((category) => category.codes.length > 0);

  // Under `conditional` the structure is stated once and a category only narrows `details[].code`.
  const details = (category: Category): JsonSchema => {
    if (category.codes.length === 0) return emptyArray(`${category.name} has no detail codes: \`details\` is absent or empty.`);
    const code = ref(style.refTo(names.codes(category)));
    return style.rules === 'conditional'
      ? { type: 'array', items: { type: 'object', properties: { code } } }
      : { type: 'array', description: `The specific code, a detail code of ${category.name}, with its message.`, items: detailItem(code) };
  };

  const info: JsonSchema =
    style.rules === 'conditional'
      ? bodyObject(
          {
            code: ref(style.refTo(names.category)),
            message: text('The category’s message.'),
            details: { type: 'array', description: 'The specific code, which belongs to the category in `code`, with its message.', items: ref(style.refTo(names.detail)) },
          },
          ['code', 'message'],
          {
            description: `\`code\` is the category; \`details[].code\` must be a detail code of that category.`,
            allOf: service.categories.map((category) => when('code', category.name, { details: details(category) })),
          },
        )
      : {
          description: 'One shape per category: `code` is the category; `details[].code` is a detail code of that category.',
          anyOf: service.categories.map((category) =>
            bodyObject({ code: constant(category.name), message: text('The category’s message.'), details: details(category) }, ['code', 'message'], {
              title: category.name,
              description: `${category.title} (${category.status})${category.description?.[locale] ? `: ${category.description[locale]}` : ''}`,
            }),
          ),
        };

  const schemas: NamedSchema[] = [
    {
      name: names.body,
      schema: bodyObject({ error: ref(style.refTo(names.info)) }, ['error'], {
        title: `${service.title} error`,
        description: `The error body of ${service.title} (Microsoft REST API guidelines shape).${service.description?.[locale] ? `\n\n${service.description[locale]}` : ''}`,
        examples: failureExamples(service).map((example) => example.value),
      }),
    },
    { name: names.info, schema: info },
    ...(style.rules === 'conditional' ? [{ name: names.detail, schema: detailItem(text('A detail code of the category in `error.code`.')) }] : []),
    {
      name: names.category,
      schema: stringEnum(
        service.categories.map((category) => category.name),
        `Error categories of ${service.title}: \`error.code\` in the body${andHeader(service)}.\n\n${service.categories
          .map((category) => `- \`${category.name}\` (${category.status})${category.description?.[locale] ? `: ${category.description[locale]}` : ''}`)
          .join('\n')}`,
      ),
    },
    ...withCodes.map((category) => ({
      name: names.codes(category),
      schema: stringEnum(category.codes, `Detail codes of the ${category.name} category (${category.status}): \`details[].code\` when \`error.code\` is \`${category.name}\`.`),
    })),
  ];
  return { name: names.body, title: `${service.title} error`, schemas };
}

function detailItem(code: JsonSchema): JsonSchema {
  return bodyObject({ code, message: text('The code’s message, placeholders filled.'), target: text('What the error is about, when the code names one.') }, ['code', 'message']);
}
