import type { StatementStructures } from 'ts-morph';
import { StructureKind, VariableDeclarationKind } from '../shared/typescript/structure-kind.js';
import type { CodeRef, Localized } from '../../model/catalog.js';
import type { GeneratedFile } from '../target.js';
import { namesOf, type CodeView, type ErrorSetView } from './error-sets.js';
import { printSource } from '../shared/typescript/print-source.js';
import { dataLiteral, quote, unionType, type Data } from '../shared/typescript/ts-literal.js';

/**
 * `src/<set>/catalog.gen.ts`: the set's facts as plain JSON-shaped data
 * (statuses, categories, messages in every locale, params, failures), typed
 * by `ErrorSet` from the runtime so that the data and the keys cannot drift.
 */
export function buildCatalogFile(packageDir: string, packageName: string, set: ErrorSetView): GeneratedFile {
  const names = namesOf(set);
  const hasCategories = set.categories.length > 0;
  const statements: StatementStructures[] = [
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: '@errcat/runtime',
      isTypeOnly: true,
      namedImports: ['ErrorSet'],
    },
  ];
  if (hasCategories) {
    statements.push({ kind: StructureKind.ImportDeclaration, moduleSpecifier: './codes.gen.js', isTypeOnly: true, namedImports: [names.categoryString] });
  }
  statements.push(
    {
      kind: StructureKind.TypeAlias,
      name: names.key,
      isExported: true,
      docs: [{ description: `Where each code is filed in \`${names.catalog}.codes\`${hasCategories ? ': `Category/Code`' : ''}.` }],
      type: unionType(set.codes.map((code) => quote(code.key))),
    },
    {
      kind: StructureKind.TypeAlias,
      name: names.locale,
      isExported: true,
      docs: [{ description: `The locales ${set.prefix} messages are written in; \`${set.defaultLocale}\` is the default.` }],
      type: unionType(set.locales.map(quote)),
    },
    {
      kind: StructureKind.VariableStatement,
      declarationKind: VariableDeclarationKind.Const,
      isExported: true,
      docs: [{ description: `${set.title}: every code with its status, category, messages by locale and params.` }],
      declarations: [
        {
          name: names.catalog,
          type: `ErrorSet<${names.key}, ${hasCategories ? names.categoryString : 'never'}>`,
          initializer: dataLiteral(catalogData(packageName, set)),
        },
      ],
    },
  );
  return printSource(`${packageDir}/${names.dir}/catalog.gen.ts`, statements);
}

/**
 * The data the runtime reads; the shape is `ErrorSet` in `@errcat/runtime`.
 * Built once per set and package: the catalog file, the READMEs' examples
 * and the framework adapters all read it (read only; the runtime's indexes
 * of it are kept by object, so they are built once too).
 */
export function catalogData(packageName: string, set: ErrorSetView): Data {
  const cached = dataBySet.get(set);
  if (cached?.packageName === packageName) return cached.data;
  const data = buildCatalogData(packageName, set);
  dataBySet.set(set, { packageName, data });
  return data;
}

const dataBySet = new WeakMap<ErrorSetView, { packageName: string; data: Data }>();

function buildCatalogData(packageName: string, set: ErrorSetView): Data {
  const names = namesOf(set);
  return {
    id: set.id,
    brand: `${packageName}#${set.id}`,
    errorName: names.errorClass,
    wireFormat: set.wireFormat,
    defaultLocale: set.defaultLocale,
    locales: set.locales,
    ...(Object.keys(set.languageTags).length > 0 ? { languageTags: set.languageTags } : {}),
    categories: Object.fromEntries(
      set.categories.map((category) => [
        category.name,
        { name: category.name, title: category.title, status: category.status, message: category.message ? messages(category.message) : undefined },
      ]),
    ),
    codes: Object.fromEntries(set.codes.map((code) => [code.key, codeData(code)])),
    failures: set.failures
      ? {
          internal: refData(set.failures.internal),
          malformedBody: refData(set.failures.malformedBody),
          bodyTooLarge: refData(set.failures.bodyTooLarge),
          notFound: refData(set.failures.notFound),
          validation: refData(set.failures.validation),
        }
      : undefined,
    statuses: set.failures?.statuses ? Object.fromEntries(Object.entries(set.failures.statuses).map(([status, ref]) => [status, refData(ref)])) : undefined,
    errorCodeHeader: set.errorCodeHeader,
    problemTypeBase: set.problemTypeBase,
  };
}

function codeData(code: CodeView): Data {
  return {
    name: code.name,
    category: code.category,
    status: code.status,
    statuses: code.statuses,
    message: messages(code.message),
    messageFromCategory: code.messageFromCategory ? true : undefined,
    variants: code.variants.length ? code.variants.map((variant) => ({ when: variant.when, status: variant.status, message: messages(variant.message) })) : undefined,
    params: code.params.map((param) => ({ name: param.name, type: param.type, description: param.description })),
  };
}

function messages(text: Localized): Data {
  return { ...text };
}

function refData(ref: CodeRef): Data {
  return ref.kind === 'code' ? { kind: 'code', key: ref.key } : { kind: 'category', category: ref.category };
}
