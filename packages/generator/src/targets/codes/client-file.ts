import type { StatementStructures } from 'ts-morph';
import { StructureKind, VariableDeclarationKind } from '../shared/typescript/structure-kind.js';
import type { GeneratedFile } from '../target.js';
import { camel, categoryMember, codeMember, namesOf, type CodeView, type ErrorSetView, type SetNames } from '../shared/error-sets.js';
import { printSource } from '../shared/typescript/print-source.js';
import { dataLiteral, quote, type Data } from '../shared/typescript/ts-literal.js';

const FIELDS_TYPE = { 'rest-guidelines': 'RestGuidelinesFields', batch: 'BatchFields', 'problem-details': 'ProblemDetailsFields', 'batch-scheduling': 'BatchSchedulingFields' } as const;

/** The names the client module of one set exports. */
export function clientNamesOf(set: ErrorSetView) {
  const p = set.prefix;
  return {
    shapes: `${p}ErrorShapes`,
    result: `${p}ParsedError`,
    clientCatalog: `${camel(p)}ClientCatalog`,
    parse: `parse${p}Error`,
    fromResponse: `${camel(p)}ErrorFromResponse`,
  };
}

/**
 * `src/<set>/client.gen.ts`: reading answers back on a client. The codes'
 * facts as literal types (so a `switch` on `code` narrows and can be
 * exhaustive), the client data (the catalog without messages, so a browser
 * bundle stays small) and the typed parse functions over
 * `@errcat/runtime/client`, which imports nothing Node has and browsers lack.
 */
export function buildClientFile(packageDir: string, set: ErrorSetView): GeneratedFile {
  const names = namesOf(set);
  const client = clientNamesOf(set);
  const http = set.wireFormat !== 'batch-scheduling';
  const fields = FIELDS_TYPE[set.wireFormat];
  const statements: StatementStructures[] = [
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: '@errcat/runtime/client',
      namedImports: [
        ...(http ? ['errorFromResponse'] : []),
        'parseError',
        { name: 'ClientErrorSet', isTypeOnly: true },
        { name: fields, isTypeOnly: true },
        { name: 'ParseOptions', isTypeOnly: true },
        { name: 'ParseResult', isTypeOnly: true },
        ...(http ? [{ name: 'ReadOptions', isTypeOnly: true }, { name: 'ResponseLike', isTypeOnly: true }] : []),
      ],
    },
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: './catalog.gen.js', isTypeOnly: true, namedImports: [names.locale] },
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: './codes.gen.js',
      isTypeOnly: true,
      namedImports: [...(set.categories.length > 0 ? [names.categoryEnum] : []), names.codeEnum],
    },
    {
      kind: StructureKind.Interface,
      name: client.shapes,
      isExported: true,
      docs: [{ description: `What a parsed ${set.prefix} error is, by key in the catalog: code, category, status${http ? ' (every status of a code with variants)' : ''} and variant as literal types.` }],
      properties: shapes(set, names).map(({ key, type }) => ({ name: quote(key), isReadonly: true, type })),
    },
    {
      kind: StructureKind.TypeAlias,
      name: client.result,
      isExported: true,
      docs: [
        {
          description:
            `What \`${client.parse}\` gives: \`kind: "catalog"\` for a code of this catalog (narrow it with \`code\`${set.categories.length > 0 ? ' or `key`' : ''}), ` +
            '`"unknown-code"` for a well-formed error with a code the catalog does not know (a newer server; `rawCode` keeps it), ' +
            '`"foreign"` for a body that is not this service\'s (`reason` says why, `status` is kept).',
        },
      ],
      type: `ParseResult<${client.shapes}, ${names.locale}, ${fields}>`,
    },
    {
      kind: StructureKind.VariableStatement,
      declarationKind: VariableDeclarationKind.Const,
      isExported: true,
      docs: [{ description: `What a client needs of ${names.catalog} to read answers back: the same codes, categories, statuses and locales, without the messages.` }],
      declarations: [{ name: client.clientCatalog, type: 'ClientErrorSet', initializer: dataLiteral(clientData(set)) }],
    },
    {
      kind: StructureKind.Function,
      name: client.parse,
      isExported: true,
      docs: [
        {
          description:
            `Reads ${http ? 'an error body of' : 'an error reported inside a resource by'} ${set.title}` +
            `${http ? ' (JSON text or a parsed value; pass the response\'s `status` and `headers` when you have them)' : ' (a job\'s `schedulingError`, a task\'s `failureInfo`)'}. Never throws.`,
        },
      ],
      parameters: [
        { name: 'body', type: 'unknown' },
        { name: 'options', type: 'ParseOptions', hasQuestionToken: true },
      ],
      returnType: client.result,
      statements: [`return parseError(${client.clientCatalog}, body, options) as ${client.result};`],
    },
  ];
  if (http) {
    statements.push({
      kind: StructureKind.Function,
      name: client.fromResponse,
      isExported: true,
      docs: [{ description: `Reads a fetch \`Response\` of ${set.title}: the body once, at most \`maxBytes\` of it, with its status and headers. Never rejects.` }],
      parameters: [
        { name: 'response', type: 'ResponseLike' },
        { name: 'options', type: 'ReadOptions', hasQuestionToken: true },
      ],
      returnType: `Promise<${client.result}>`,
      statements: [`return errorFromResponse(${client.clientCatalog}, response, options) as Promise<${client.result}>;`],
    });
  }
  return printSource(`${packageDir}/${names.dir}/client.gen.ts`, statements);
}

function shapes(set: ErrorSetView, names: SetNames): Array<{ key: string; type: string }> {
  const categoryType = (name: string | undefined) => (name === undefined ? 'undefined' : `typeof ${names.categoryEnum}.${categoryMember(set, name)}`);
  const entries = set.codes.map((code) => ({
    key: code.key,
    type: shape(`typeof ${names.codeEnum}.${codeMember(code)}`, categoryType(code.category), statusType(code), variantType(code)),
  }));
  if (set.wireFormat === 'rest-guidelines') {
    for (const category of set.categories) {
      if (category.message) entries.push({ key: category.name, type: shape('undefined', categoryType(category.name), category.status === undefined ? 'undefined' : String(category.status), 'undefined') });
    }
  }
  return entries;
}

function shape(code: string, category: string, status: string, variant: string): string {
  return `{ readonly code: ${code}; readonly category: ${category}; readonly status: ${status}; readonly variant: ${variant} }`;
}

function statusType(code: CodeView): string {
  if (code.variants.length > 0) return code.variants.map((variant) => String(variant.status)).join(' | ');
  return code.status === undefined ? 'undefined' : String(code.status);
}

function variantType(code: CodeView): string {
  return code.variants.length > 0 ? code.variants.map((variant) => quote(variant.when)).join(' | ') : 'undefined';
}

/**
 * The client data: `ErrorSet`'s facts without messages, params or failures
 * (the shape is `ClientErrorSet` in `@errcat/runtime/client`). Built once per
 * set, like `catalogData`: the client file and the README's examples read it.
 */
export function clientData(set: ErrorSetView): Data {
  let data = clientDataBySet.get(set);
  if (data === undefined) {
    data = buildClientData(set);
    clientDataBySet.set(set, data);
  }
  return data;
}

const clientDataBySet = new WeakMap<ErrorSetView, Data>();

function buildClientData(set: ErrorSetView): Data {
  return {
    id: set.id,
    wireFormat: set.wireFormat,
    defaultLocale: set.defaultLocale,
    locales: set.locales,
    ...(Object.keys(set.languageTags).length > 0 ? { languageTags: set.languageTags } : {}),
    categories: Object.fromEntries(set.categories.map((category) => [category.name, { name: category.name, status: category.status, alone: set.wireFormat === 'rest-guidelines' && category.message ? true : undefined }])),
    codes: Object.fromEntries(
      set.codes.map((code) => [
        code.key,
        {
          name: code.name,
          category: code.category,
          status: code.status,
          variants: code.variants.length ? code.variants.map((variant) => ({ when: variant.when, status: variant.status })) : undefined,
        },
      ]),
    ),
    errorCodeHeader: set.errorCodeHeader,
  };
}
