// The README's view: every value the template shows, prepared here so the
// template stays free of logic. Responses shown are computed by the runtime.

import { CatalogError, failureError, failureInit, type HttpCatalogError } from '@errcat/runtime';
import { exampleError, exampleLocale, failureRows, responseText, type HttpService } from '../shared/framework-adapters.js';
import { markdownHeader } from '../shared/generated-header.js';
import { markdownText } from '../shared/markdown.js';
import { packageName } from '../shared/package-manifest.js';
import { renderTemplate } from '../shared/render-template.js';
import { quote } from '../shared/typescript/ts-literal.js';
import type { GeneratedFile, TargetInput } from '../target.js';
import { pluginNames } from './plugin-file.js';

export const README_TEMPLATE = 'fastify.README.md.hbs';

interface Example {
  title: string;
  text: string;
  language: string;
  code: string;
}

export function buildReadme(packageDir: string, input: TargetInput, services: readonly HttpService[]): GeneratedFile {
  const pkg = packageName(input.catalog, 'fastify');
  const codesPackage = packageName(input.catalog, 'codes');
  const view = {
    header: markdownHeader().trimEnd(),
    packageName: pkg,
    codesPackage,
    jsonSchemaPackage: packageName(input.catalog, 'json-schema'),
    services: services.map((service) => {
      const names = pluginNames(service);
      return {
        title: markdownText(service.set.title),
        plugin: `\`${names.plugin}\``,
        frameworkErrors: `\`${names.frameworkErrors}()\``,
        errorClass: `\`${service.codes.errorClass}\``,
        locales: service.set.locales.join(', '),
        wireFormat: service.set.wireFormat,
      };
    }),
    failures: services.flatMap((service) =>
      failureRows(service, ['internal', 'malformedBody', 'bodyTooLarge', 'validation', 'notFound']).map((row) => ({ service: markdownText(service.set.title), situation: row.situation, answer: `\`${row.answer}\``, status: String(row.status) })),
    ),
    examples: examples(pkg, codesPackage, services),
  };
  return { path: `${packageDir}/README.md`, contents: renderTemplate(input.templates, README_TEMPLATE, view) };
}

/** What the plugin answers for a body missing `property`: each format carries the property where it has room. */
function validationError(service: HttpService, property: string): HttpCatalogError {
  return new CatalogError(service.data, {
    ...failureInit(service.data, 'validation'),
    target: property,
    values: [{ key: 'PropertyName', value: property }],
    errors: [{ detail: `must have required property '${property}'`, pointer: `#/${property}` }],
  }) as HttpCatalogError;
}

const PROPERTY_PLACES: Readonly<Record<string, string>> = {
  'rest-guidelines': '`target` in rest-guidelines bodies',
  batch: 'a `PropertyName` value in Batch bodies',
  'problem-details': 'an `errors[]` entry with a JSON Pointer in problem-details bodies',
};

/** Where the failing property goes, for the wire formats the catalog's services use. */
function propertyPlaces(services: readonly HttpService[]): string {
  return Object.entries(PROPERTY_PLACES)
    .filter(([format]) => services.some((service) => service.set.wireFormat === format))
    .map(([, place]) => place)
    .join(', ');
}

function examples(pkg: string, codesPackage: string, services: readonly HttpService[]): Example[] {
  const main = [...services].sort((a, b) => b.set.locales.length - a.set.locales.length)[0];
  if (!main) return [];
  const names = pluginNames(main);
  const { error, construct } = exampleError(main);
  const locale = exampleLocale(main);
  const result: Example[] = [
    {
      title: 'Answer every error in the client’s language',
      text: `Register the plugin once: it sets the app's error handler and not-found handler. A thrown \`${main.codes.errorClass}\` is answered with its status and its exact \`${main.set.wireFormat}\` body.`,
      language: 'ts',
      code: [
        `import Fastify from "fastify";`,
        `import { ${main.codes.errorClass}, ${main.codes.codeEnum}${construct.includes(main.codes.categoryEnum) ? `, ${main.codes.categoryEnum}` : ''} } from ${quote(codesPackage)};`,
        `import { ${names.plugin}, ${names.frameworkErrors} } from ${quote(pkg)};`,
        '',
        `const app = Fastify({ logger: true, frameworkErrors: ${names.frameworkErrors}() });`,
        `await app.register(${names.plugin}, {`,
        `  onError: (error, { request }) => request.log.error({ err: error }, "request failed"),`,
        `});`,
        '',
        `app.post("/jobs", { schema: { body: { type: "object", required: ["name"], properties: { name: { type: "string" } } } } }, async () => {`,
        `  throw ${construct};`,
        `});`,
      ].join('\n'),
    },
    {
      title: 'What the client gets',
      text: `\`Accept-Language: ${locale}\` picks the locale (q-values and fallbacks such as \`fr-CA\` → \`fr\` included); \`Content-Language\` says which one was used.`,
      language: 'http',
      code: responseText(error, locale),
    },
    {
      title: 'Validation errors name the property',
      text: `A body without \`name\` fails the route's schema; the answer is the spec's validation code with the failing property (${propertyPlaces(services)}).`,
      language: 'http',
      code: responseText(validationError(main, 'name'), locale),
    },
    {
      title: 'Nothing else leaks',
      text: `Anything thrown that is not a catalog error (an \`Error\`, a string, \`null\`, a rejected promise) becomes the spec’s internal error: no message, no stack, no \`cause\`. The original goes to \`onError\`.`,
      language: 'http',
      code: responseText(failureError(main.data, 'internal'), undefined),
    },
    {
      title: 'Problem details',
      text: `Clients whose \`Accept\` prefers \`application/problem+json\` get RFC 9457 problem details; \`{ envelope: "problem" }\` sends them to every client.`,
      language: 'http',
      code: responseText(error, locale, true),
    },
  ];
  for (const service of services.filter((entry) => entry !== main)) {
    const other = pluginNames(service);
    result.push({
      title: markdownText(service.set.title),
      text: `\`${other.plugin}\` answers with \`${service.set.wireFormat}\` bodies; a validation failure on \`name\` gives:`,
      language: 'http',
      code: responseText(validationError(service, 'name'), undefined),
    });
  }
  return result;
}
