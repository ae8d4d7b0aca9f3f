// The TypeSpec program equivalent to an errcat catalog, for bench/generate.ts:
// built from the same Catalog model errcat loads, and compiled by TypeSpec to
// OpenAPI 3 and JSON Schema. Written the way a TypeSpec user describes an
// error catalog: per service an enum of its codes (each member documented
// with its default-locale message), its error body as an `@error` model
// (`@jsonSchema`, like errcat's one schema per body), one response model per
// status and one operation answering with those responses. No locales, no
// TypeScript package, no middleware: TypeSpec emits less than errcat does.
//
// With `examples`, also per code and status an `@opExample` (the code's body
// in the default locale), which the OpenAPI emitter writes as a named example
// on the status's response, as errcat's responses carry one example per code.
// Off by default: TypeSpec checks each example value against the operation,
// which more than triples its time at 10,000 codes, and the bench compares
// against the faster program.

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
export function typespecCatalog(catalog: Catalog, { examples = false }: { examples?: boolean } = {}): string {
  const lines = [
    'import "@typespec/http";',
    'import "@typespec/openapi3";',
    'import "@typespec/json-schema";',
    '',
    'using Http;',
    'using TypeSpec.JsonSchema;',
    '',
    '@service(#{ title: "Errors" })',
    'namespace Errors;',
    '',
  ];
  const locale = catalog.settings.defaultLocale;
  for (const service of catalog.services) {
    const prefix = pascal(service.name);
    const members = new Map<string, string>();
    for (const code of service.codes) {
      if (!members.has(code.name)) members.set(code.name, code.message[locale] ?? code.variants[0]?.message[locale] ?? code.name);
    }
    lines.push(`/** Error codes of ${service.title}. */`, '@jsonSchema', `enum ${prefix}ErrorCode {`);
    for (const [name, message] of members) lines.push(`  @doc(${stringLiteral(message)}) ${pascal(name)}: ${stringLiteral(name)},`);
    lines.push('}', '');
    lines.push(`/** An error of ${service.title}. */`, '@jsonSchema', '@error', `model ${prefix}Error {`, `  code: ${prefix}ErrorCode;`, '  message: string;', '  target?: string;', '  details?: Record<string>[];', '}', '');
    const statuses = [...new Set(service.codes.flatMap((code) => code.statuses))].sort((a, b) => a - b);
    for (const status of statuses) lines.push(`model ${prefix}Error${status} {`, `  @statusCode statusCode: ${status};`, `  @body body: ${prefix}Error;`, '}', '');
    for (const code of examples ? service.codes : []) {
      for (const status of code.statuses) {
        const message = code.variants.find((variant) => variant.status === status)?.message[locale] ?? code.message[locale] ?? code.name;
        const body = `#{ code: ${prefix}ErrorCode.${pascal(code.name)}, message: ${stringLiteral(message)} }`;
        lines.push(`@opExample(#{ returnType: #{ statusCode: ${status}, body: ${body} } }, #{ title: ${stringLiteral(`${code.key} ${status}`)} })`);
      }
    }
    lines.push(`@route(${stringLiteral(`/${service.id}`)}) @get op ${prefix[0]!.toLowerCase()}${prefix.slice(1)}Errors(): ${statuses.map((status) => `${prefix}Error${status}`).join(' | ')};`, '');
  }
  return `${lines.join('\n')}\n`;
}
