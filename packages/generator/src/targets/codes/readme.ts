import { CatalogError, formatMessage, type ErrorSet, type MessageParams } from '@errcat/runtime';
import { markdownHeader } from '../shared/generated-header.js';
import { markdownText } from '../shared/markdown.js';
import { packageName } from '../shared/package-manifest.js';
import { renderTemplate } from '../shared/render-template.js';
import type { GeneratedFile, TargetInput } from '../target.js';
import { catalogData } from '../shared/catalog-data.js';
import { clientNamesOf } from './client-file.js';
import { clientExamples } from './client-readme.js';
import { categoryMember, codeMember, namesOf, type CodeView, type ErrorSetView } from '../shared/error-sets.js';
import { quote, typePropertyName } from '../shared/typescript/ts-literal.js';

export const README_TEMPLATE = 'codes.README.md.hbs';

interface Example {
  title: string;
  text: string;
  code: string;
}

/** README.md from the user's template; every example names real codes of this catalog and shows the runtime's real output. */
export function buildReadme(packageDir: string, input: TargetInput, sets: readonly ErrorSetView[]): GeneratedFile {
  const name = packageName(input.catalog, 'codes');
  const view = {
    header: markdownHeader().trimEnd(),
    packageName: name,
    sets: sets.map((set) => {
      const names = namesOf(set);
      return {
        title: markdownText(set.title),
        enums: [set.categories.length ? names.categoryEnum : undefined, names.codeEnum].filter(Boolean).map((entry) => `\`${entry}\``).join(', '),
        errorClass: `\`${names.errorClass}\``,
        readers: readers(set),
        codes: String(set.codes.length),
        locales: set.locales.join(', '),
        wireFormat: set.wireFormat,
      };
    }),
    examples: examples(name, sets),
    clientExamples: clientExamples(name, sets),
  };
  return { path: `${packageDir}/README.md`, contents: renderTemplate(input.templates, README_TEMPLATE, view) };
}

function examples(pkg: string, sets: readonly ErrorSetView[]): Example[] {
  const result: Example[] = [];
  const first = sets[0];
  if (!first) return result;
  const http = sets.filter((set) => set.wireFormat !== 'batch-scheduling');
  const guarded = http.find((set) => set.wireFormat === 'batch') ?? first;
  const g = namesOf(guarded);
  const someCode = guarded.codeNames[0];
  if (someCode) {
    result.push({
      title: 'Enums and guards',
      text: `Every code is an enum member with its status and message in its doc comment; a guard checks values read off the wire. Importing an enum alone pulls no catalog data into a bundle.`,
      code: [
        `import { ${g.codeEnum}, ${g.isCode} } from ${quote(pkg)};`,
        '',
        `const code: ${g.codeEnum} = ${g.codeEnum}.${someCode.member};`,
        `const received: unknown = JSON.parse(responseText).code;`,
        `if (${g.isCode}(received)) {`,
        `  // received: ${g.codeEnum}`,
        `}`,
      ].join('\n'),
    });
  }
  const localized = [...sets].sort((a, b) => b.locales.length - a.locales.length)[0]!;
  const withParams = localized.codes.find((code) => code.params.length > 0 && !code.ambiguous) ?? localized.codes.find((code) => code.params.length > 0);
  const l = namesOf(localized);
  const data = catalogData(pkg, localized) as unknown as ErrorSet;
  if (withParams) {
    const ref = refCode(withParams, localized);
    result.push({
      title: 'Typed messages in every locale',
      text: 'Params are required exactly when a message has placeholders, with their names and types; a missing or misspelled param does not compile.',
      code: [
        `import { ${l.codeEnum}, ${l.format} } from ${quote(pkg)};`,
        '',
        ...localized.locales.map(
          (locale) => `${l.format}(${ref}, ${quote(locale)});\n// → ${quote(formatMessage(data, { code: withParams.name, category: withParams.category, params: sampleParams(withParams) }, locale))}`,
        ),
      ].join('\n'),
    });
  }
  for (const set of http) {
    const n = namesOf(set);
    const code = set.codes.find((entry) => entry.params.length > 0 && !entry.ambiguous) ?? set.codes.find((entry) => !entry.ambiguous);
    if (!code) continue;
    const error = new CatalogError(catalogData(pkg, set) as unknown as ErrorSet, { code: code.name, category: code.category, params: sampleParams(code) });
    result.push({
      title: `Throwing a ${n.errorClass}`,
      text: `\`status\`, \`code\` and \`params\` are on the error; \`JSON.stringify(error)\` is the exact wire body (\`${set.wireFormat}\` format), and \`toBody(locale)\` gives it in another locale.`,
      code: [
        `import { ${n.codeEnum}, ${n.errorClass} } from ${quote(pkg)};`,
        '',
        `const error = new ${n.errorClass}(${refCode(code, set)});`,
        `error.status; // ${error.status}`,
        `JSON.stringify(error);`,
        `// → ${JSON.stringify(error)}`,
      ].join('\n'),
    });
  }
  for (const set of http) {
    const n = namesOf(set);
    const ambiguous = set.codes.find((entry) => entry.ambiguous && entry.params.length === 0) ?? set.codes.find((entry) => entry.ambiguous);
    if (!ambiguous) continue;
    const others = set.codes.filter((entry) => entry.name === ambiguous.name).map((entry) => entry.category);
    result.push({
      title: 'A code under several categories',
      text: `\`${ambiguous.name}\` exists under ${others.join(' and ')}; the category is required for it, and only for codes like it.`,
      code: [
        `new ${n.errorClass}(${refCode(ambiguous, set)});`,
        `// @ts-expect-error: category required`,
        `new ${n.errorClass}({ code: ${n.codeEnum}.${codeMember(ambiguous)}${ambiguous.params.length ? `, params: ${paramsCode(ambiguous)}` : ''} });`,
      ].join('\n'),
    });
  }
  for (const set of http) {
    const n = namesOf(set);
    const varied = set.codes.find((entry) => entry.variants.length > 1);
    if (!varied) continue;
    const last = varied.variants[varied.variants.length - 1]!;
    result.push({
      title: 'Codes with variants',
      text: `\`${varied.name}\` answers ${varied.variants.map((variant) => `${variant.status} for \`${variant.when}\``).join(' and ')}; the first is the default.`,
      code: [
        `new ${n.errorClass}({ code: ${n.codeEnum}.${codeMember(varied)}${varied.params.length ? `, params: ${paramsCode(varied)}` : ''} }).status; // ${varied.variants[0]!.status}`,
        `new ${n.errorClass}({ code: ${n.codeEnum}.${codeMember(varied)}, variant: ${quote(last.when)}${varied.params.length ? `, params: ${paramsCode(varied)}` : ''} }).status; // ${last.status}`,
      ].join('\n'),
    });
  }
  for (const set of sets.filter((entry) => entry.wireFormat === 'batch-scheduling')) {
    const n = namesOf(set);
    const code = set.codes.find((entry) => !entry.ambiguous);
    if (!code) continue;
    const details = [{ name: 'exampleName', value: 'exampleValue' }];
    const error = new CatalogError(catalogData(pkg, set) as unknown as ErrorSet, { code: code.name, category: code.category, params: sampleParams(code), details });
    result.push({
      title: `Embedded errors: ${n.errorClass}`,
      text: `${markdownText(set.title)} are reported inside resources rather than as responses; they serialize to the \`${set.wireFormat}\` shape.`,
      code: [
        `import { ${n.codeEnum}, ${n.errorClass} } from ${quote(pkg)};`,
        '',
        `JSON.stringify(new ${n.errorClass}({ code: ${n.codeEnum}.${codeMember(code)}${code.params.length ? `, params: ${paramsCode(code)}` : ''}, details: [{ name: "exampleName", value: "exampleValue" }] }));`,
        `// → ${JSON.stringify(error)}`,
      ].join('\n'),
    });
  }
  const server = http[0];
  if (server) {
    const n = namesOf(server);
    result.push({
      title: 'Answering a request',
      text: 'Anything thrown becomes a catalog error (other values become the spec\'s internal error, with nothing of them in the body); the locale comes from `Accept-Language`, and problem details (RFC 9457) are one option away.',
      code: [
        `import { ${n.catalog}, errorResponse, prefersProblemDetails, toHttpError } from ${quote(pkg)};`,
        '',
        `const error = toHttpError(thrown, ${n.catalog});`,
        `const { status, headers, body } = errorResponse(error, {`,
        `  acceptLanguage: request.headers["accept-language"],`,
        `  problem: prefersProblemDetails(request.headers.accept),`,
        `});`,
      ].join('\n'),
    });
  }
  return result;
}

/** The client functions of a set, as the table lists them. */
function readers(set: ErrorSetView): string {
  const client = clientNamesOf(set);
  return [client.parse, ...(set.wireFormat === 'batch-scheduling' ? [] : [client.fromResponse])].map((name) => `\`${name}\``).join(', ');
}

function refCode(code: CodeView, set: ErrorSetView): string {
  const n = namesOf(set);
  const parts: string[] = [];
  if (code.category !== undefined && code.ambiguous) parts.push(`category: ${n.categoryEnum}.${categoryMember(set, code.category)}`);
  parts.push(`code: ${n.codeEnum}.${codeMember(code)}`);
  if (code.params.length) parts.push(`params: ${paramsCode(code)}`);
  return `{ ${parts.join(', ')} }`;
}

function sampleParams(code: CodeView): MessageParams {
  return Object.fromEntries(code.params.map((param) => [param.name, param.type === 'string' ? `<${param.name}>` : 1]));
}

function paramsCode(code: CodeView): string {
  return `{ ${code.params.map((param) => `${typePropertyName(param.name)}: ${param.type === 'string' ? quote(`<${param.name}>`) : '1'}`).join(', ')} }`;
}
