import * as tsMorph from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { StructureKind, VariableDeclarationKind } from './structure-kind.js';

describe('the structure kinds the targets use without loading ts-morph', () => {
  it.each(Object.entries(StructureKind))('StructureKind.%s is ts-morph’s', (name, value) => {
    expect(value).toBe(tsMorph.StructureKind[name as keyof typeof tsMorph.StructureKind]);
  });

  it.each(Object.entries(VariableDeclarationKind))('VariableDeclarationKind.%s is ts-morph’s', (name, value) => {
    expect(value).toBe(tsMorph.VariableDeclarationKind[name as keyof typeof tsMorph.VariableDeclarationKind]);
  });
});
