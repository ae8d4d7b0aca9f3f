import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import jsYaml from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectData } from './inspect-data.js';
import { compileSpecValidator, specValidatorSource, type SpecValidator } from './spec-validator.js';

const PACKAGE = path.resolve(import.meta.dirname, '../..');
const REPO = path.resolve(PACKAGE, '../..');

/** Every spec file of the repository, its examples and the bad-spec fixtures, as data. */
function specData(): unknown[] {
  const folders = [path.join(REPO, 'spec'), ...readdirSync(path.join(PACKAGE, 'test/fixtures/bad-specs')).map((name) => path.join(PACKAGE, 'test/fixtures/bad-specs', name))];
  const data: unknown[] = [];
  for (const folder of folders) {
    for (const file of readdirSync(folder).filter((name) => name.endsWith('.yaml'))) {
      try {
        const item = jsYaml.load(readFileSync(path.join(folder, file), 'utf8'), { schema: jsYaml.CORE_SCHEMA, json: true });
        // An alias loop or bomb never reaches the schema (the loader stops it first).
        const facts = inspectData(item);
        if (!facts.cycle && facts.expandedSize < 100_000) data.push(item);
      } catch {
        // Not YAML at all (a syntax-error fixture), or an alias loop: nothing for the schema.
      }
    }
  }
  return data;
}

/** What a validator answers: valid, or its errors with what check-structure reads of them. */
function answer(validate: SpecValidator, data: unknown): unknown {
  if (validate(data)) return 'valid';
  return validate.errors!.map(({ keyword, instancePath, schemaPath, params, message, schema, parentSchema }) => ({
    keyword,
    instancePath,
    schemaPath,
    params,
    message,
    schema: JSON.stringify(schema),
    properties: Object.keys((parentSchema?.properties as object | undefined) ?? {}),
    propertyNames: parentSchema?.propertyNames as unknown,
  }));
}

describe('the precompiled spec validator', () => {
  let dir: string;
  let precompiled: SpecValidator;
  let compiled: SpecValidator;

  beforeAll(async () => {
    // Inside the package, so that the module finds Ajv's run-time helpers as the built one does.
    mkdirSync(path.join(PACKAGE, 'node_modules/.cache'), { recursive: true });
    dir = mkdtempSync(path.join(PACKAGE, 'node_modules/.cache/spec-validator-'));
    const file = path.join(dir, 'spec-validator.gen.js');
    writeFileSync(file, await specValidatorSource());
    precompiled = ((await import(pathToFileURL(file).href)) as { default: SpecValidator }).default;
    compiled = await compileSpecValidator();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('answers every spec file and fixture as the schema compiled at run time does', () => {
    const data = specData();
    expect(data.length).toBeGreaterThan(20);
    expect(data.some((item) => answer(compiled, item) !== 'valid')).toBe(true);
    for (const item of data) expect(answer(precompiled, item)).toEqual(answer(compiled, item));
  });

  it('answers mangled spec files as the schema compiled at run time does', () => {
    const files = specData().filter((item): item is Record<string, unknown> => typeof item === 'object' && item !== null && !Array.isArray(item));
    const junk = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 2 }), fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 }));
    // Replace, delete or add a value somewhere in a real file.
    const mangled = fc.tuple(fc.constantFrom(...files), fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), fc.constantFrom('replace', 'delete', 'add'), junk, fc.string({ maxLength: 8 })).map(([file, steps, edit, value, key]) => {
      const copy = structuredClone(file) as Record<string, unknown>;
      let node: Record<string, unknown> | unknown[] = copy;
      for (const step of steps) {
        const keys = Object.keys(node);
        if (keys.length === 0) break;
        const at = keys[step % keys.length]!;
        const child = (node as Record<string, unknown>)[at];
        if (child === null || typeof child !== 'object' || steps.indexOf(step) === steps.length - 1) {
          if (edit === 'replace') (node as Record<string, unknown>)[at] = value;
          else if (edit === 'delete' && !Array.isArray(node)) delete node[at];
          else if (!Array.isArray(node)) node[key] = value;
          break;
        }
        node = child as Record<string, unknown>;
      }
      return copy;
    });
    let invalid = 0;
    fc.assert(
      fc.property(mangled, (data) => {
        const expected = answer(compiled, data);
        if (expected !== 'valid') invalid++;
        expect(answer(precompiled, data)).toEqual(expected);
      }),
      { numRuns: 500 },
    );
    expect(invalid).toBeGreaterThan(100);
  });
});
