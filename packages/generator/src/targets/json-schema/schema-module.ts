// `index.js` exports every schema as an object (for Ajv, Fastify and
// fast-json-stringify, without JSON import attributes); `index.d.ts` types
// them and the bodies they describe.

import type { StatementStructures } from 'ts-morph';
import { StructureKind, VariableDeclarationKind } from '../shared/typescript/structure-kind.js';
import type { Catalog } from '../../model/catalog.js';
import { printSource } from '../shared/typescript/print-source.js';
import { quote } from '../shared/typescript/ts-literal.js';
import type { GeneratedFile } from '../target.js';
import { bodyTypeAliases } from './body-types.js';
import { DIALECT, type SchemaDocument } from './schema-documents.js';

export const ALL_SCHEMAS_EXPORT = 'errorBodySchemas';

/** `BatchError` → `batchErrorSchema`. */
export function schemaExportName(document: SchemaDocument): string {
  return `${document.name.charAt(0).toLowerCase()}${document.name.slice(1)}Schema`;
}

export function buildSchemaModule(packageDir: string, documents: readonly SchemaDocument[]): GeneratedFile {
  const statements: StatementStructures[] = documents.map((document) => ({
    kind: StructureKind.VariableStatement,
    isExported: true,
    declarationKind: VariableDeclarationKind.Const,
    declarations: [{ name: schemaExportName(document), initializer: JSON.stringify(document.schema, null, 2) }],
  }));
  statements.push({
    kind: StructureKind.VariableStatement,
    isExported: true,
    declarationKind: VariableDeclarationKind.Const,
    declarations: [{ name: ALL_SCHEMAS_EXPORT, initializer: `[${documents.map(schemaExportName).join(', ')}]` }],
  });
  return printSource(`${packageDir}/index.js`, statements);
}

export function buildSchemaTypes(packageDir: string, catalog: Catalog, documents: readonly SchemaDocument[]): GeneratedFile {
  const statements: StatementStructures[] = [
    {
      kind: StructureKind.Interface,
      name: 'ErrorBodySchema',
      isExported: true,
      typeParameters: [{ name: 'Id', constraint: 'string', default: 'string' }],
      docs: ['A JSON Schema 2020-12 document of this package, as in `schemas/`.'],
      properties: [
        { name: '$schema', isReadonly: true, type: quote(DIALECT) },
        { name: '$id', isReadonly: true, type: 'Id' },
      ],
      indexSignatures: [{ keyName: 'keyword', keyType: 'string', returnType: 'unknown', isReadonly: true }],
    },
    ...documents.map(
      (document): StatementStructures => ({
        kind: StructureKind.VariableStatement,
        isExported: true,
        hasDeclareKeyword: true,
        declarationKind: VariableDeclarationKind.Const,
        docs: [`${document.title}: \`${document.file}\`. Validates {@link ${document.name}}.`],
        declarations: [{ name: schemaExportName(document), type: `ErrorBodySchema<${quote(document.id)}>` }],
      }),
    ),
    {
      kind: StructureKind.VariableStatement,
      isExported: true,
      hasDeclareKeyword: true,
      declarationKind: VariableDeclarationKind.Const,
      docs: ['Every body schema, e.g. to add them all to one Ajv or Fastify instance.'],
      declarations: [{ name: ALL_SCHEMAS_EXPORT, type: `readonly [${documents.map((document) => `typeof ${schemaExportName(document)}`).join(', ')}]` }],
    },
    ...bodyTypeAliases(catalog),
  ];
  return printSource(`${packageDir}/index.d.ts`, statements);
}
