import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTICS } from './definitions.js';

const readme = readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../README.md'), 'utf8');

describe('diagnostic codes', () => {
  const codes = Object.values(DIAGNOSTICS).map((definition) => definition.code);

  it('are unique and stable in form', () => {
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[EW]\d{3}$/);
  });

  it('are each documented in the README table, which lists no others', () => {
    const documented = [...readme.matchAll(/^\| ([EW]\d{3}) \|/gm)].map((match) => match[1]);
    expect([...documented].sort()).toEqual([...codes].sort());
  });

  it('warnings start with W and errors with E', () => {
    for (const definition of Object.values(DIAGNOSTICS)) expect(definition.code[0]).toBe(definition.severity === 'warning' ? 'W' : 'E');
  });
});
