// The validator of spec files against schema/spec.schema.json. Compiling the
// schema costs Ajv about a quarter of a second at every start, more than
// `errcat validate` spends on the seed catalog itself; so the build compiles
// it once into dist/load/spec-validator.gen.js (scripts/write-precompiled.mjs;
// scripts/bundle-cli.mjs copies it next to the CLI bundle's chunks),
// and a run without that file (the tests, from src/) compiles it as before.
// spec-validator.test.ts holds the two to the same answers.

import type { Options, ValidateFunction } from 'ajv';
import specSchema from '../../schema/spec.schema.json' with { type: 'json' };
import type { RawSpecFile } from '../spec/raw-spec.js';
import { importPrecompiled } from '../util/lazy-load.js';

export type SpecValidator = ValidateFunction<RawSpecFile>;

type StandaloneCode = (ajv: import('ajv').Ajv, validate: ValidateFunction) => string;

/** The file the build writes next to this module's compiled form. */
export const PRECOMPILED_FILE = 'spec-validator.gen.js';

const OPTIONS: Options = { allErrors: true, strict: true, allowUnionTypes: true, verbose: true };

/** The validator: the build's precompiled one when there is one, else compiled now. */
export async function specValidator(): Promise<SpecValidator> {
  return (await importPrecompiled<SpecValidator>(new URL(PRECOMPILED_FILE, import.meta.url))) ?? (await compileSpecValidator());
}

export async function compileSpecValidator(): Promise<SpecValidator> {
  const { Ajv } = await import('ajv');
  return new Ajv(OPTIONS).compile<RawSpecFile>(specSchema);
}

/**
 * The validator as an ES module. Ajv's standalone code reaches its few
 * run-time helpers with `require`, which an ES module gets from
 * `createRequire`.
 */
export async function specValidatorSource(): Promise<string> {
  const { Ajv } = await import('ajv');
  // A CommonJS module whose export is also its `default`, however it is imported.
  const exported = (await import('ajv/dist/standalone/index.js')).default as unknown as StandaloneCode | { default: StandaloneCode };
  const standaloneCode = typeof exported === 'function' ? exported : exported.default;
  const ajv = new Ajv({ ...OPTIONS, code: { source: true, esm: true } });
  const code = standaloneCode(ajv, ajv.compile(specSchema));
  return `// Compiled from schema/spec.schema.json by errcat's build (scripts/write-precompiled.mjs). Do not edit.\nimport { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);\n${code}\n`;
}
