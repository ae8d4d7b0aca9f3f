import type { StatementStructures } from 'ts-morph';
import { StructureKind, VariableDeclarationKind } from '../shared/typescript/structure-kind.js';
import type { GeneratedFile } from '../target.js';
import type { CodeNameView, ErrorSetView } from '../shared/error-sets.js';
import { camel, namesOf } from '../shared/error-sets.js';
import { printSource } from '../shared/typescript/print-source.js';
import { jsDocBlock, propertyName, quote, unionType } from '../shared/typescript/ts-literal.js';

export type EnumStyle = 'enum' | 'const-object';

interface Member {
  name: string;
  value: string;
  doc: string;
}

/**
 * `src/<set>/codes.gen.ts`: the enums (or const objects), their literal
 * unions and type guards. It imports nothing, so importing an enum never
 * pulls catalog data or messages into a bundle.
 */
export function buildEnumsFile(packageDir: string, set: ErrorSetView, style: EnumStyle): GeneratedFile {
  const names = namesOf(set);
  const statements: StatementStructures[] = [];
  if (set.categories.length > 0) {
    const members = set.categories.map((category) => ({
      name: category.member,
      value: category.name,
      doc: category.status === undefined ? category.title : `${category.status}: ${category.message?.[set.defaultLocale] ?? category.title}`,
    }));
    statements.push(...enumStatements(names.categoryEnum, names.categoryString, `${set.title}: categories.`, members, style));
    statements.push(...guard(names.isCategory, names.categoryEnum, `${camel(names.categoryEnum)}Values`, `Whether \`value\` is one of \`${names.categoryEnum}\`, e.g. a category read off the wire.`));
  }
  const codeMembers = set.codeNames.map((entry) => ({ name: entry.member, value: entry.name, doc: codeDoc(entry, set) }));
  statements.push(...enumStatements(names.codeEnum, names.codeString, `${set.title}: error codes.`, codeMembers, style));
  statements.push(...guard(names.isCode, names.codeEnum, `${camel(names.codeEnum)}Values`, `Whether \`value\` is one of \`${names.codeEnum}\`, e.g. a code read off the wire.`));
  return printSource(`${packageDir}/${names.dir}/codes.gen.ts`, statements);
}

function codeDoc(entry: CodeNameView, set: ErrorSetView): string {
  return entry.codes
    .map((code) => {
      const where = [code.category, ...(code.variants.length ? [] : (code.statuses ?? []).map(String))].filter(Boolean).join(' ');
      const message = code.variants.length
        ? code.variants.map((variant) => `\`${variant.when}\` (${variant.status}): ${variant.message[set.defaultLocale] ?? ''}`).join('\n')
        : (code.message[set.defaultLocale] ?? '');
      return where ? `${where}: ${message}` : message;
    })
    .join('\n\n');
}

function enumStatements(name: string, unionName: string, description: string, members: readonly Member[], style: EnumStyle): StatementStructures[] {
  const union = {
    kind: StructureKind.TypeAlias,
    name: unionName,
    isExported: true,
    docs: [{ description: `The values of \`${name}\` as string literals.` }],
    type: unionType(members.map((member) => quote(member.value))),
  };
  if (style === 'enum') {
    return [
      {
        kind: StructureKind.Enum,
        name,
        isExported: true,
        docs: [{ description: description }],
        members: members.map((member) => ({ name: member.name, initializer: quote(member.value), docs: [{ description: member.doc }] })),
      },
      union,
    ];
  }
  return [
    {
      kind: StructureKind.VariableStatement,
      declarationKind: VariableDeclarationKind.Const,
      isExported: true,
      docs: [{ description }],
      declarations: [
        {
          name,
          initializer: (writer) => {
            writer.write('{').indent(() => {
              for (const member of members) {
                writer.writeLine(jsDocBlock(member.doc));
                writer.writeLine(`${propertyName(member.name)}: ${quote(member.value)},`);
              }
            });
            writer.write('} as const');
          },
        },
      ],
    },
    {
      kind: StructureKind.TypeAlias,
      name,
      isExported: true,
      type: `(typeof ${name})[keyof typeof ${name}]`,
    },
    union,
  ];
}

function guard(functionName: string, enumName: string, setName: string, description: string): StatementStructures[] {
  return [
    {
      kind: StructureKind.VariableStatement,
      declarationKind: VariableDeclarationKind.Const,
      declarations: [{ name: setName, type: 'ReadonlySet<unknown>', initializer: `/* @__PURE__ */ new Set<unknown>(Object.values(${enumName}))` }],
    },
    {
      kind: StructureKind.Function,
      name: functionName,
      isExported: true,
      docs: [{ description }],
      parameters: [{ name: 'value', type: 'unknown' }],
      returnType: `value is ${enumName}`,
      statements: [`return ${setName}.has(value);`],
    },
  ] as StatementStructures[];
}

