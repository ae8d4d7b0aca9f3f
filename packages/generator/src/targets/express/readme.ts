// The README's view: every value the template shows, prepared here so the
// template stays free of logic. Responses shown are computed by the runtime.

import { failureError } from '@errcat/runtime';
import { exampleError, exampleLocale, failureRows, responseText, type HttpService } from '../shared/framework-adapters.js';
import { markdownHeader } from '../shared/generated-header.js';
import { markdownText } from '../shared/markdown.js';
import { packageName } from '../shared/package-manifest.js';
import { renderTemplate } from '../shared/render-template.js';
import { quote } from '../shared/typescript/ts-literal.js';
import type { GeneratedFile, TargetInput } from '../target.js';
import { handlerNames } from './handlers-file.js';

export const README_TEMPLATE = 'express.README.md.hbs';

interface Example {
  title: string;
  text: string;
  language: string;
  code: string;
}

export function buildReadme(packageDir: string, input: TargetInput, services: readonly HttpService[]): GeneratedFile {
  const pkg = packageName(input.catalog, 'express');
  const codesPackage = packageName(input.catalog, 'codes');
  const view = {
    header: markdownHeader().trimEnd(),
    packageName: pkg,
    codesPackage,
    services: services.map((service) => {
      const names = handlerNames(service);
      return {
        title: markdownText(service.set.title),
        errorHandler: `\`${names.errorHandler}()\``,
        notFoundHandler: `\`${names.notFoundHandler}()\``,
        errorClass: `\`${service.codes.errorClass}\``,
        locales: service.set.locales.join(', '),
        wireFormat: service.set.wireFormat,
      };
    }),
    failures: services.flatMap((service) =>
      failureRows(service, ['internal', 'malformedBody', 'bodyTooLarge', 'notFound']).map((row) => ({ service: markdownText(service.set.title), situation: row.situation, answer: `\`${row.answer}\``, status: String(row.status) })),
    ),
    examples: examples(pkg, codesPackage, services),
  };
  return { path: `${packageDir}/README.md`, contents: renderTemplate(input.templates, README_TEMPLATE, view) };
}

function examples(pkg: string, codesPackage: string, services: readonly HttpService[]): Example[] {
  const main = [...services].sort((a, b) => b.set.locales.length - a.set.locales.length)[0];
  if (!main) return [];
  const names = handlerNames(main);
  const { error, construct } = exampleError(main);
  const locale = exampleLocale(main);
  const internal = failureError(main.data, 'internal');
  const result: Example[] = [
    {
      title: 'Answer every error in the client’s language',
      text: `Register the not-found handler after your routes and the error handler last. A thrown \`${main.codes.errorClass}\` is answered with its status and its exact \`${main.set.wireFormat}\` body.`,
      language: 'ts',
      code: [
        `import express from "express";`,
        `import { ${main.codes.errorClass}, ${main.codes.codeEnum}${construct.includes(main.codes.categoryEnum) ? `, ${main.codes.categoryEnum}` : ''} } from ${quote(codesPackage)};`,
        `import { ${names.errorHandler}, ${names.notFoundHandler} } from ${quote(pkg)};`,
        '',
        `const app = express();`,
        `app.use(express.json());`,
        '',
        `app.post("/jobs", () => {`,
        `  throw ${construct};`,
        `});`,
        '',
        `app.use(${names.notFoundHandler}());`,
        `app.use(${names.errorHandler}({`,
        `  onError: (error, { request, answer }) => console.error(request.url, answer?.status, error),`,
        `}));`,
      ].join('\n'),
    },
    {
      title: 'What the client gets',
      text: `\`Accept-Language: ${locale}\` picks the locale (q-values and fallbacks such as \`fr-CA\` → \`fr\` included); \`Content-Language\` says which one was used.`,
      language: 'http',
      code: responseText(error, locale),
    },
    {
      title: 'Nothing else leaks',
      text: `Anything thrown that is not a catalog error (an \`Error\`, a string, \`null\`, a rejected promise) becomes the spec’s internal error: no message, no stack, no \`cause\`. The original goes to \`onError\`.`,
      language: 'http',
      code: responseText(internal, undefined),
    },
    {
      title: 'Problem details',
      text: `Clients whose \`Accept\` prefers \`application/problem+json\` get RFC 9457 problem details; \`{ envelope: "problem" }\` sends them to every client.`,
      language: 'http',
      code: responseText(error, locale, true),
    },
  ];
  for (const service of services.filter((entry) => entry !== main)) {
    const other = handlerNames(service);
    const sample = exampleError(service);
    result.push({
      title: markdownText(service.set.title),
      text: `\`${other.errorHandler}()\` and \`${other.notFoundHandler}()\` answer with \`${service.set.wireFormat}\` bodies; \`throw ${sample.construct}\` gives:`,
      language: 'http',
      code: responseText(sample.error, undefined),
    });
  }
  result.push({
    title: 'Express 4, and `throw null`',
    text: 'Express 4 does not catch rejected promises, and both majors take `throw null` or `throw undefined` for “no error”. Wrap such handlers in `catchErrors` and every value they throw or reject with reaches the error handler.',
    language: 'ts',
    code: [`import { catchErrors } from ${quote(pkg)};`, '', `app.get("/jobs/:id", catchErrors(async (request, response) => {`, `  response.json(await jobs.get(request.params.id));`, `}));`].join('\n'),
  });
  return result;
}
