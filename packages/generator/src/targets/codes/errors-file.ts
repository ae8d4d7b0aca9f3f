import type { ClassDeclarationStructure, StatementStructures } from 'ts-morph';
import { StructureKind } from '../shared/typescript/structure-kind.js';
import type { Param } from '../../model/catalog.js';
import type { GeneratedFile } from '../target.js';
import { categoryMember, codeMember, namesOf, type CodeView, type ErrorSetView, type SetNames } from '../shared/error-sets.js';
import { printSource } from '../shared/typescript/print-source.js';
import { jsDocBlock, quote, typePropertyName, unionType } from '../shared/typescript/ts-literal.js';

const BODY_TYPE = { 'rest-guidelines': 'RestGuidelinesBody', batch: 'BatchBody', 'problem-details': 'ProblemDetails', 'batch-scheduling': 'BatchSchedulingBody' } as const;

/**
 * `src/<set>/errors.gen.ts`: typed bindings over the runtime: params by
 * code, the references a message or an error is made from (category
 * required exactly when a name is ambiguous, params exactly when the message
 * has placeholders), the error class and the message formatter.
 */
export function buildErrorsFile(packageDir: string, set: ErrorSetView): GeneratedFile {
  const names = namesOf(set);
  const http = set.wireFormat !== 'batch-scheduling';
  const hasCategories = set.categories.length > 0;
  const withParams = set.codes.filter((code) => code.params.length > 0);
  const statements: StatementStructures[] = [
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: '@errcat/runtime',
      namedImports: [
        'CatalogError',
        ...(http ? ['failureInit'] : []),
        'formatMessage',
        ...optionTypes(set).flatMap((option) => (option.importName ? [{ name: option.importName, isTypeOnly: true }] : [])),
        { name: BODY_TYPE[set.wireFormat], isTypeOnly: true },
        ...(http ? [{ name: 'FailureKind', isTypeOnly: true }, { name: 'FailureOptions', isTypeOnly: true }] : []),
      ],
    },
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: './catalog.gen.js', namedImports: [names.catalog, { name: names.locale, isTypeOnly: true }] },
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: './codes.gen.js',
      isTypeOnly: true,
      namedImports: [...(hasCategories ? [names.categoryEnum] : []), names.codeEnum],
    },
  ];
  if (withParams.length > 0) {
    statements.push({
      kind: StructureKind.Interface,
      name: names.params,
      isExported: true,
      docs: [{ description: `The params of each ${set.prefix} message that has placeholders, by key in \`${names.catalog}.codes\`.` }],
      properties: withParams.map((code) => ({ name: quote(code.key), isReadonly: true, type: paramsType(code.params) })),
    });
  }
  statements.push(
    {
      kind: StructureKind.TypeAlias,
      name: names.messageRef,
      isExported: true,
      docs: [
        {
          description:
            `A ${set.prefix} message: a code${hasCategories ? ' (with its category when the name is under several)' : ''}` +
            `${set.wireFormat === 'rest-guidelines' ? ', or a category alone' : ''}, and its params when the message has placeholders.`,
        },
      ],
      type: messageRefType(set, names),
    },
    {
      kind: StructureKind.Interface,
      name: names.options,
      isExported: true,
      docs: [{ description: `What a ${names.errorClass} carries besides its message.` }],
      properties: [
        ...optionTypes(set).map((option) => ({ name: option.name, isReadonly: true, hasQuestionToken: true, type: `${option.type} | undefined`, docs: [{ description: option.doc }] })),
        { name: 'cause', isReadonly: true, hasQuestionToken: true, type: 'unknown', docs: [{ description: 'What led to this error, for logs; never sent to clients.' }] },
      ],
    },
    {
      kind: StructureKind.TypeAlias,
      name: names.init,
      isExported: true,
      docs: [{ description: `What \`new ${names.errorClass}(…)\` takes.` }],
      type: `${names.messageRef} & ${names.options}`,
    },
    {
      kind: StructureKind.TypeAlias,
      name: names.body,
      isExported: true,
      docs: [{ description: `The wire body of a ${names.errorClass} (\`toBody()\`, \`toJSON()\`).` }],
      type: `${BODY_TYPE[set.wireFormat]}<${hasCategories ? `${names.categoryEnum}, ` : ''}${names.codeEnum}>`,
    },
    errorClass(set, names, http),
    {
      kind: StructureKind.Function,
      name: names.format,
      isExported: true,
      docs: [{ description: `The message of a ${set.prefix} code in \`locale\` (default \`${set.defaultLocale}\`), params filled in.` }],
      parameters: [
        { name: 'ref', type: names.messageRef },
        { name: 'locale', type: names.locale, hasQuestionToken: true },
      ],
      returnType: 'string',
      statements: [`return formatMessage(${names.catalog}, ref, locale);`],
    },
  );
  return printSource(`${packageDir}/${names.dir}/errors.gen.ts`, statements);
}

interface OptionType {
  name: string;
  importName?: string;
  type: string;
  doc: string;
}

function optionTypes(set: ErrorSetView): OptionType[] {
  switch (set.wireFormat) {
    case 'rest-guidelines':
      return [{ name: 'target', type: 'string', doc: 'The part of the request in error: `details[].target` in the body.' }];
    case 'batch':
      return [{ name: 'values', importName: 'BatchErrorValue', type: 'readonly BatchErrorValue[]', doc: 'Extra facts as key/value pairs: `values` in the body.' }];
    case 'problem-details':
      return [
        { name: 'instance', type: 'string', doc: 'A URI reference for this occurrence (`/accounts/42`): `instance` in the body.' },
        { name: 'errors', importName: 'ProblemDetailsError', type: 'readonly ProblemDetailsError[]', doc: 'The parts of the problem, each a `detail` with a `pointer` into the request body or a parameter `name`: `errors` in the body.' },
      ];
    case 'batch-scheduling':
      return [{ name: 'details', importName: 'NameValuePair', type: 'readonly NameValuePair[]', doc: 'Extra facts as name/value pairs: `details` in the error.' }];
  }
}

function paramsType(params: readonly Param[]): string {
  const lines = params.map((param) => {
    const doc = param.description ? `  ${jsDocBlock(param.description, '  ')}\n` : '';
    return `${doc}  readonly ${typePropertyName(param.name)}: ${param.type === 'string' ? 'string' : 'number'};`;
  });
  return `{\n${lines.join('\n')}\n}`;
}

function messageRefType(set: ErrorSetView, names: SetNames): string {
  const union = set.codes.map((code) => messageRefMember(set, code, names));
  if (set.wireFormat === 'rest-guidelines') {
    for (const category of set.categories) {
      if (!category.message) continue;
      union.push(`{ readonly category: typeof ${names.categoryEnum}.${category.member}; readonly code?: undefined; readonly params?: undefined }`);
    }
  }
  return unionType(union);
}

/** One code's member of the union of what the error class takes: its category, code, variant and params. */
function messageRefMember(set: ErrorSetView, code: CodeView, names: SetNames): string {
  const fields: string[] = [];
  if (code.category !== undefined) fields.push(`readonly category${code.ambiguous ? '' : '?'}: typeof ${names.categoryEnum}.${categoryMember(set, code.category)}`);
  fields.push(`readonly code: typeof ${names.codeEnum}.${codeMember(code)}`);
  if (code.variants.length > 0) fields.push(`readonly variant?: ${code.variants.map((variant) => quote(variant.when)).join(' | ')}`);
  fields.push(code.params.length > 0 ? `readonly params: ${names.params}[${quote(code.key)}]` : 'readonly params?: undefined');
  return `{ ${fields.join('; ')} }`;
}

function errorClass(set: ErrorSetView, names: SetNames, http: boolean): ClassDeclarationStructure {
  const hasCategories = set.categories.length > 0;
  const category = hasCategories ? names.categoryEnum : 'undefined';
  const code = set.wireFormat === 'rest-guidelines' ? `${names.codeEnum} | undefined` : names.codeEnum;
  const types = `{ code: ${code}; category: ${category}; status: ${http ? 'number' : 'undefined'}; locale: ${names.locale}; body: ${names.body} }`;
  return {
    kind: StructureKind.Class,
    name: names.errorClass,
    isExported: true,
    extends: `CatalogError<${types}>`,
    docs: [
      {
        description:
          `An error of ${set.title}. \`toBody(locale)\` and \`toJSON()\` give its exact wire body` +
          `${http ? ', `status` its HTTP status' : ' (an embedded error: reported inside a resource, not as a response)'}. ` +
          '`instanceof` holds for errors made by any copy of this package.',
      },
    ],
    properties: [{ name: 'catalog', isStatic: true, isReadonly: true, initializer: names.catalog, docs: [{ description: 'The data these errors are answered from.' }] }],
    ctors: [{ parameters: [{ name: 'init', type: names.init }], statements: [`super(${names.catalog}, init);`] }],
    methods: http
      ? [
          {
            name: 'failure',
            isStatic: true,
            docs: [{ description: 'The error the spec declares for a framework failure: `internal`, `malformedBody`, `bodyTooLarge`, `notFound`, `validation`.' }],
            parameters: [
              { name: 'kind', type: 'FailureKind' },
              { name: 'options', type: 'FailureOptions', hasQuestionToken: true },
            ],
            returnType: names.errorClass,
            statements: [`return new ${names.errorClass}(failureInit(${names.catalog}, kind, options) as ${names.init});`],
          },
        ]
      : [],
  };
}
