import { CatalogError, type ErrorSet } from '@errcat/runtime';
import { parseError, type ClientErrorSet } from '@errcat/runtime/client';
import { markdownText } from '../shared/markdown.js';
import { quote } from '../shared/typescript/ts-literal.js';
import { catalogData } from '../shared/catalog-data.js';
import { clientData, clientNamesOf } from './client-file.js';
import { codeMember, namesOf, type ErrorSetView } from '../shared/error-sets.js';

export interface ClientExample {
  title: string;
  text: string;
  code: string;
}

/** The README's client examples: real codes of this catalog, and what the runtime really parses them to. */
export function clientExamples(pkg: string, sets: readonly ErrorSetView[]): ClientExample[] {
  const result: ClientExample[] = [];
  const entry = `${pkg}/client`;
  const http = sets.filter((set) => set.wireFormat !== 'batch-scheduling');
  for (const set of http) {
    const code = set.codes.find((candidate) => !candidate.ambiguous && candidate.variants.length === 0 && candidate.params.length === 0) ?? set.codes[0];
    if (!code) continue;
    const n = namesOf(set);
    const c = clientNamesOf(set);
    const sent = new CatalogError(catalogData(pkg, set) as unknown as ErrorSet, { code: code.name, category: code.category });
    const parsed = parseError(clientData(set) as unknown as ClientErrorSet, JSON.stringify(sent.toBody()), { status: sent.status, headers: { 'content-language': set.defaultLocale } });
    const member = codeMember(code);
    result.push({
      title: `Reading an answer of ${markdownText(set.title)}`,
      text:
        `\`${c.fromResponse}\` reads a fetch \`Response\` (the body once, at most 64 KiB of it; \`application/json\` and \`application/problem+json\`` +
        `${set.errorCodeHeader ? `, \`${set.errorCodeHeader}\`` : ''}, \`Content-Language\`) and never rejects. Comparing \`code\` narrows the result to that code.`,
      code: [
        `import { ${n.codeEnum}, ${c.fromResponse} } from ${quote(entry)};`,
        '',
        'const response = await fetch(url);',
        'if (!response.ok) {',
        `  const error = await ${c.fromResponse}(response);`,
        `  if (error.code === ${n.codeEnum}.${member}) {`,
        `    error.status; // ${code.status ?? ''}`,
        `    error.message; // ${quote(String(sent.message))}, as sent`,
        '  }',
        '}',
      ].join('\n'),
    });
    result.push({
      title: `Parsing a body of ${markdownText(set.title)}`,
      text: `\`${c.parse}\` takes the body (text or parsed) and, when you have them, the response's status and headers.`,
      code: [`${c.parse}(${literal(JSON.stringify(sent.toBody()))}, { status: ${sent.status}, headers });`, `// → ${summary(parsed, ['kind', 'key', 'code', 'category', 'status', 'message', 'locale'])}`].join('\n'),
    });
  }
  const first = http[0];
  if (first) {
    const n = namesOf(first);
    const c = clientNamesOf(first);
    const data = clientData(first) as unknown as ClientErrorSet;
    const unknown = parseError(data, unknownBody(first), { status: 409 });
    const html = parseError(data, '<html><body>Bad Gateway</body></html>', { status: 502, headers: { 'content-type': 'text/html' } });
    result.push({
      title: 'Codes this client does not know yet, and bodies that are not errors',
      text:
        'A well-formed error with a code the catalog does not have (a newer server) is `kind: "unknown-code"` with the code as sent in `rawCode`; ' +
        'a body that is not the service\'s (a proxy\'s HTML 502, an empty 503, truncated JSON, more than the bound) is `kind: "foreign"` with a `reason` and the status. ' +
        'Nothing throws, and nothing read from a body is used as a key. An exhaustive `switch (error.code)` with a `never` default stops compiling when the catalog gains a code.',
      code: [
        `import { ${n.codeEnum}, ${c.parse}, type ${c.result} } from ${quote(entry)};`,
        '',
        `${c.parse}(${literal(JSON.stringify(unknownBody(first)))}, { status: 409 });`,
        `// → ${summary(unknown, ['kind', 'rawCode', 'status'])}`,
        `${c.parse}("<html><body>Bad Gateway</body></html>", { status: 502, headers: { "content-type": "text/html" } });`,
        `// → ${summary(html, ['kind', 'reason', 'status'])}`,
        '',
        `function handle(error: ${c.result}): void {`,
        '  if (error.kind !== "catalog") return retryOrReport(error);',
        '  switch (error.code) {',
        ...first.codeNames.slice(0, 2).map((name) => `    case ${n.codeEnum}.${name.member}:`),
        '      // …one case for each code',
        '      return;',
        '    default: {',
        '      const unhandled: never = error; // fails to compile when a code is missing',
        '    }',
        '  }',
        '}',
      ].join('\n'),
    });
  }
  for (const set of sets.filter((candidate) => candidate.wireFormat === 'batch-scheduling')) {
    const code = set.codes.find((candidate) => !candidate.ambiguous && candidate.params.length === 0) ?? set.codes[0];
    if (!code) continue;
    const n = namesOf(set);
    const c = clientNamesOf(set);
    const sent = new CatalogError(catalogData(pkg, set) as unknown as ErrorSet, { code: code.name, category: code.category });
    const parsed = parseError(clientData(set) as unknown as ClientErrorSet, sent.toBody());
    result.push({
      title: `Embedded errors: ${c.parse}`,
      text: `${markdownText(set.title)} arrive inside resources (a job's \`schedulingError\`, a task's \`failureInfo\`) and parse the same way.`,
      code: [
        `import { ${n.codeEnum}, ${c.parse} } from ${quote(entry)};`,
        '',
        `const error = ${c.parse}(${literal(JSON.stringify(sent.toBody()))});`,
        `// → ${summary(parsed, ['kind', 'key', 'code', 'category'])}`,
        `if (error.code === ${n.codeEnum}.${codeMember(code)}) {`,
        '  error.details; // the name/value pairs as sent',
        '}',
      ].join('\n'),
    });
  }
  return result;
}

function unknownBody(set: ErrorSetView): unknown {
  const code = 'SomeNewerCode';
  switch (set.wireFormat) {
    case 'rest-guidelines': {
      const category = set.categories[0]?.name ?? 'Error';
      return { error: { code: category, message: '…', details: [{ code, message: '…' }] } };
    }
    case 'batch':
      return { code, message: { lang: set.languageTags[set.defaultLocale] ?? set.defaultLocale, value: '…' } };
    default:
      return { type: 'about:blank', title: 'Conflict', status: 409, detail: '…', code };
  }
}

/** A single-quoted string literal: JSON text reads better without escaped double quotes. */
function literal(text: string): string {
  // From the double-quoted literal (escapes, bidi controls as \u), with `\"` unescaped and `'` escaped.
  const inner = quote(text)
    .slice(1, -1)
    .replace(/\\(.)/g, (escape, char: string) => (char === '"' ? '"' : escape))
    .replace(/'/g, "\\'");
  return `'${inner}'`;
}

/** Chosen members of a result, as a one-line object literal. */
function summary(result: object, keys: readonly string[]): string {
  const members = keys.flatMap((key) => {
    const value = (result as Record<string, unknown>)[key];
    return value === undefined ? [] : [`${key}: ${JSON.stringify(value)}`];
  });
  return `{ ${members.join(', ')}, … }`;
}

