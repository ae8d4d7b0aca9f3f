import type { StructureKind as TsMorphStructureKind, VariableDeclarationKind as TsMorphVariableDeclarationKind } from 'ts-morph';

// ts-morph's `StructureKind` and `VariableDeclarationKind` are runtime enums:
// importing their values would load ts-morph, and with it the whole
// TypeScript compiler, into every `errcat generate`. The targets describe
// files with ts-morph's structure types (erased at run time) and take the
// values from here; structure-kind.test.ts holds them equal to ts-morph's.

/** The kinds of structure the targets build, with ts-morph's values and types. */
export const StructureKind = {
  Class: 2 as TsMorphStructureKind.Class,
  Enum: 8 as TsMorphStructureKind.Enum,
  ExportDeclaration: 11 as TsMorphStructureKind.ExportDeclaration,
  Function: 13 as TsMorphStructureKind.Function,
  ImportDeclaration: 16 as TsMorphStructureKind.ImportDeclaration,
  Interface: 19 as TsMorphStructureKind.Interface,
  TypeAlias: 38 as TsMorphStructureKind.TypeAlias,
  VariableStatement: 41 as TsMorphStructureKind.VariableStatement,
} as const;

/** `const` declarations, the only kind the targets write, with ts-morph's value and type. */
export const VariableDeclarationKind = {
  Const: 'const' as TsMorphVariableDeclarationKind.Const,
} as const;

