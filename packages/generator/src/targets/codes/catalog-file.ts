import type { StatementStructures } from 'ts-morph';
import { StructureKind, VariableDeclarationKind } from '../shared/typescript/structure-kind.js';
import type { GeneratedFile } from '../target.js';
import { catalogData } from '../shared/catalog-data.js';
import { namesOf, type ErrorSetView } from '../shared/error-sets.js';
import { printSource } from '../shared/typescript/print-source.js';
import { dataLiteral, quote, unionType } from '../shared/typescript/ts-literal.js';

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
