// Azure Batch `BatchError`: the code, a message with its language, optional key/value pairs.

import type { Service } from '../../../model/catalog.js';
import { andHeader, bodyObject, ref, stringEnum, text } from './fields.js';
import type { SchemaStyle } from './json-schema.js';
import { componentName } from './names.js';
import type { ErrorBody } from './error-body.js';
import { failureExamples } from './wire-examples.js';

export function batchBody(service: Service, style: SchemaStyle): ErrorBody {
  const locale = service.defaultLocale;
  const names = {
    body: componentName(service.name, 'Error'),
    code: componentName(service.name, 'ErrorCode'),
    message: componentName(service.name, 'ErrorMessage'),
    detail: componentName(service.name, 'ErrorDetail'),
  };
  return {
    name: names.body,
    title: `${service.title} error`,
    schemas: [
      {
        name: names.body,
        schema: bodyObject(
          {
            code: ref(style.refTo(names.code)),
            message: ref(style.refTo(names.message)),
            values: { type: 'array', description: 'Additional details, as key/value pairs.', items: ref(style.refTo(names.detail)) },
          },
          ['code', 'message'],
          {
            title: `${service.title} error`,
            description: `The error body of ${service.title} (Azure Batch \`BatchError\`).${service.description?.[locale] ? `\n\n${service.description[locale]}` : ''}`,
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
        name: names.message,
        schema: bodyObject({ lang: text('The language of `value`: the locale the response was negotiated to.'), value: text('The message, placeholders filled.') }, ['lang', 'value']),
      },
      {
        name: names.detail,
        schema: bodyObject({ key: text('What the value is about.'), value: text('The value.') }, ['key', 'value']),
      },
    ],
  };
}
