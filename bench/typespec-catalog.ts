// The TypeSpec program equivalent to an errcat catalog, for bench/generate.ts:
// built from the same Catalog model errcat loads, and compiled by TypeSpec
// to OpenAPI 3 and JSON Schema. Per service: an enum of its codes, its error
// body as an `@error` model, and per code a response (status, the body, the
// code's default-locale message as its description), all returned by one
// operation per service, so that every code reaches the OpenAPI document's
// responses (one per status, as errcat's are). No locales, no TypeScript package, no middleware: TypeSpec
// emits less than errcat does.

import type { Catalog } from 'errcat';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

function pascal(text: string): string {
  const words = text.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const joined = words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join('');
  return IDENTIFIER.test(joined) ? joined : `X${joined}`;
}

function stringLiteral(text: string): string {
  return JSON.stringify(text);
}

/** `main.tsp` for the catalog. */
export function typespecCatalog(catalog: Catalog): string {
  const lines = [
    'import "@typespec/http";',
    'import "@typespec/openapi3";',
    'import "@typespec/json-schema";',
    '',
    'using Http;',
    'using TypeSpec.JsonSchema;',
    '',
    '@service(#{ title: "Errors" })',
    '@jsonSchema',
    'namespace Errors;',
    '',
  ];
  const locale = catalog.settings.defaultLocale;
  for (const service of catalog.services) {
    const prefix = pascal(service.name);
    const codeNames = [...new Set(service.codes.map((code) => code.name))];
    lines.push(`/** Error codes of ${service.title}. */`, `enum ${prefix}ErrorCode {`);
    for (const name of codeNames) lines.push(`  ${pascal(name)}: ${stringLiteral(name)},`);
    lines.push('}', '');
    lines.push(`/** An error of ${service.title}. */`, '@error', `model ${prefix}Error {`, `  code: ${prefix}ErrorCode;`, '  message: string;', '  target?: string;', '  details?: Record<string>[];', '}', '');
    const used = new Set<string>();
    const responses: string[] = [];
    for (const code of service.codes) {
      let name = `${prefix}${pascal(code.key)}`;
      while (used.has(name)) name = `${name}X`;
      used.add(name);
      const message = code.message[locale] ?? code.variants[0]?.message[locale] ?? code.name;
      for (const [index, status] of code.statuses.entries()) {
        const model = `${name}Response${index === 0 ? '' : status}`;
        lines.push(`@doc(${stringLiteral(message)})`, `model ${model} {`, `  @statusCode status: ${status};`, `  @body body: ${prefix}Error;`, '}', '');
        responses.push(model);
      }
    }
    // One operation answers with every code's response, as errcat's responses
    // are one per service and status that lists every code.
    lines.push(`@route(${stringLiteral(`/${service.id}`)}) @get op ${prefix[0]!.toLowerCase()}${prefix.slice(1)}Errors(): ${responses.join(' | ')};`, '');
  }
  return `${lines.join('\n')}\n`;
}
