// Azure Batch scheduling errors (job `schedulingError`, task `failureInfo`):
// reported inside resources, not as responses. `category` is required and
// decides which codes are allowed.

import type { EmbeddedCategory, EmbeddedSet } from '../../../model/catalog.js';
import { bodyObject, constant, ref, stringEnum, text, when } from './fields.js';
import type { JsonSchema, NamedSchema, SchemaStyle } from './json-schema.js';
import { componentName } from './names.js';
import type { ErrorBody } from './error-body.js';
import { embeddedExamples } from './wire-examples.js';

export function batchSchedulingBody(embedded: EmbeddedSet, locale: string, style: SchemaStyle): ErrorBody {
  const names = {
    body: componentName(embedded.name, 'Error'),
    category: componentName(embedded.name, 'ErrorCategory'),
    detail: componentName(embedded.name, 'ErrorDetail'),
    codes: (category: EmbeddedCategory) => componentName(embedded.name, category.title, 'Code'),
  };
  const codesOf = (category: EmbeddedCategory) => embedded.codes.filter((code) => code.category === category.name).map((code) => code.name);
  const categories = embedded.categories.filter((category) => codesOf(category).length > 0);
  const examples = embeddedExamples(embedded, locale);
  const common = {
    message: text('The message, placeholders filled.'),
    details: { type: 'array', description: 'Additional details, as name/value pairs.', items: ref(style.refTo(names.detail)) } satisfies JsonSchema,
  };
  const body: JsonSchema = {
    title: embedded.title,
    description: `${embedded.title}: reported inside resources (a job's \`schedulingError\`, a task's \`failureInfo\`), not as responses. \`code\` must belong to \`category\`.`,
    ...(style.rules === 'conditional'
      ? bodyObject({ category: ref(style.refTo(names.category)), code: text('A code of the category in `category`.'), ...common }, ['category'], {
          allOf: categories.map((category) => when('category', category.name, { code: ref(style.refTo(names.codes(category))) })),
        })
      : {
          anyOf: embedded.categories.map((category) =>
            bodyObject({ category: constant(category.name), code: codesOf(category).length ? ref(style.refTo(names.codes(category))) : text('No codes are defined for this category.'), ...common }, ['category'], {
              title: category.title,
            }),
          ),
        }),
    examples: firstPerCategory(embedded, examples.map((example) => example.value)),
  };
  const schemas: NamedSchema[] = [
    { name: names.body, schema: body },
    {
      name: names.category,
      schema: stringEnum(
        embedded.categories.map((category) => category.name),
        `Categories of ${embedded.title.toLowerCase()}: \`category\` in the body.\n\n${embedded.categories
          .map((category) => `- \`${category.name}\` (${category.title})${category.description?.[locale] ? `: ${category.description[locale]}` : ''}`)
          .join('\n')}`,
      ),
    },
    ...categories.map((category) => ({
      name: names.codes(category),
      schema: stringEnum(codesOf(category), `Codes of the \`${category.name}\` category (${category.title}): \`code\` when \`category\` is \`${category.name}\`.`),
    })),
    { name: names.detail, schema: bodyObject({ name: text('What the value is about.'), value: text('The value.') }, ['name', 'value']) },
  ];
  return { name: names.body, title: embedded.title, schemas };
}

function firstPerCategory<T extends { category: string }>(embedded: EmbeddedSet, values: T[]): T[] {
  return embedded.categories.flatMap((category) => values.filter((value) => value.category === category.name).slice(0, 1));
}
