import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import fastJson from 'fast-json-stringify';
import { publint } from 'publint';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../model/catalog.js';
import { edgeCatalog, realCatalog, REPO, targetInput } from '../shared/error-bodies/__fixtures__/catalogs.js';
import { asProblemDetails, embeddedExamples, responseExamples, type WireExample } from '../shared/error-bodies/index.js';
import { itMatchesGoldenFiles } from '../shared/__fixtures__/golden-files.js';
import type { GeneratedFile } from '../target.js';
import { jsonSchemaTarget } from './index.js';
import { INVALID_REAL_BODIES, VALID_REAL_BODIES } from './__fixtures__/real-azure-bodies.js';

const addFormats = formats as unknown as typeof formats.default;
const PACKAGE_DIR = 'packages/json-schema';
const SNAPSHOTS = path.join(import.meta.dirname, '__snapshots__');

type Schema = Record<string, unknown> & { $id: string; examples?: unknown[] };

const relative = (file: GeneratedFile) => path.posix.relative(PACKAGE_DIR, file.path);
const schemaFiles = (files: readonly GeneratedFile[]) =>
  files.filter((file) => /^schemas\/.*\.schema\.json$/.test(relative(file)) && !relative(file).endsWith('bundle.schema.json')).map((file) => JSON.parse(file.contents) as Schema);

function strictAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  return ajv;
}

describe('the edge spec', () => {
  const files = jsonSchemaTarget.generate(targetInput(edgeCatalog()));
  const golden = path.join(SNAPSHOTS, 'edge');

  itMatchesGoldenFiles(files, PACKAGE_DIR, golden);

  it('types the bodies as the schemas do: the type tests compile, each @ts-expect-error is needed', () => {
    expect(typeCheck(path.join(import.meta.dirname, '__fixtures__/edge-types.ts'))).toEqual([]);
  });

  const schemas = schemaFiles(files);
  const LEDGER = schemas.find((schema) => schema.$id.endsWith('ledger-error.schema.json'))!.$id;
  const ledger = () => strictAjv().compile(schemas.find((schema) => schema.$id === LEDGER)!);
  const ledgerBody = { type: 'https://errors.example.com/ledger/InvalidRequest', title: 'Bad Request', status: 400, detail: 'The request is not valid.', code: 'InvalidRequest' };

  it('a problem-details service: strict Ajv accepts its every wire body and examples, fast-json-stringify writes them as JSON.stringify does', () => {
    const service = edgeCatalog().services.find((entry) => entry.id === 'ledger')!;
    const validate = ledger();
    const bodies = [
      ...responseExamples(service).map((example) => example.value),
      { ...ledgerBody, instance: '/accounts/acme', errors: [{ detail: 'must be string', pointer: '#/owner' }, { detail: 'is required', name: 'x-api-key' }, { detail: 'must be object', pointer: '#' }] },
    ];
    expect(bodies.length).toBe(8);
    for (const body of bodies) expect(validate(body), `${JSON.stringify(body)}: ${JSON.stringify(validate.errors)}`).toBe(true);
    for (const example of schemas.find((schema) => schema.$id === LEDGER)!.examples ?? []) expect(validate(example)).toBe(true);
    const stringify = fastJson(schemas.find((schema) => schema.$id === LEDGER) as never);
    for (const body of bodies) expect(stringify(body)).toBe(JSON.stringify(body));
  });

  it.each<[string, { body: unknown; path: string; keyword: string }]>([
    ['a code of another service', { body: { ...ledgerBody, code: 'CrateNotFound' }, path: '/code', keyword: 'enum' }],
    ['no type', { body: { ...ledgerBody, type: undefined }, path: '', keyword: 'required' }],
    ['an errors[] entry without detail', { body: { ...ledgerBody, errors: [{ pointer: '#/owner' }] }, path: '/errors/0', keyword: 'required' }],
    ['a pointer that is not a JSON Pointer fragment', { body: { ...ledgerBody, errors: [{ detail: 'd', pointer: 'owner' }] }, path: '/errors/0/pointer', keyword: 'format' }],
    ['an extension member that hides the code', { body: { ...ledgerBody, code: undefined, error: { code: 'InvalidRequest' } }, path: '', keyword: 'required' }],
  ])('a problem-details service: rejects %s', (_name, { body, path: instancePath, keyword }) => {
    const validate = ledger();
    expect(validate(JSON.parse(JSON.stringify(body)))).toBe(false);
    expect((validate.errors ?? []).map((error: ErrorObject) => [error.instancePath, error.keyword])).toContainEqual([instancePath, keyword]);
  });
});

describe('the catalog in spec/', () => {
  let catalog: Catalog;
  let files: GeneratedFile[];
  let schemas: Schema[];
  let dir: string;

  beforeAll(async () => {
    catalog = await realCatalog();
    files = jsonSchemaTarget.generate(targetInput(catalog));
    schemas = schemaFiles(files);
    dir = await mkdtemp(path.join(os.tmpdir(), 'errcat-json-schema-'));
    for (const file of files) {
      const target = path.join(dir, relative(file));
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, file.contents);
    }
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('has one schema per body, under stable $ids', () => {
    expect(schemas.map((schema) => schema.$id)).toEqual([
      'https://unpkg.com/@azure-errors/json-schema/schemas/batch-error.schema.json',
      'https://unpkg.com/@azure-errors/json-schema/schemas/batch-scheduling-error.schema.json',
      'https://unpkg.com/@azure-errors/json-schema/schemas/ml-studio-error.schema.json',
      'https://unpkg.com/@azure-errors/json-schema/schemas/problem-details.schema.json',
    ]);
    for (const schema of schemas) {
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(schema.$comment).toMatch(/^Generated by errcat/);
    }
  });

  it('compiles every schema and the bundle with Ajv in strict mode', () => {
    for (const schema of schemas) expect(() => strictAjv().compile(schema), schema.$id).not.toThrow();
    const bundle = JSON.parse(files.find((file) => relative(file) === 'schemas/bundle.schema.json')!.contents) as Schema;
    const ajv = strictAjv();
    ajv.addSchema(bundle);
    for (const schema of schemas) expect(ajv.getSchema(schema.$id), schema.$id).toBeTypeOf('function');
  });

  it('accepts every wire body of the catalog: each code, variant and category alone, as native body and as problem details', () => {
    const ajv = strictAjv();
    for (const schema of schemas) ajv.addSchema(schema);
    const bodies = wireBodies(catalog);
    expect(bodies.length).toBeGreaterThan(400);
    const rejected = bodies.filter(({ id, value }) => !ajv.getSchema(id)!(value)).map(({ id, name }) => `${id} ${name}`);
    expect(rejected).toEqual([]);
  });

  const schemaNamed = (name: string) => schemas.find((schema) => schema.$id.endsWith(`/${name}.schema.json`))!;

  it.each(VALID_REAL_BODIES.map((entry) => [entry.name, entry] as const))('accepts a real Azure body: %s', (_name, { schema, body, source }) => {
    const validate = strictAjv().compile(schemaNamed(schema));
    expect(validate(body), `${source}: ${JSON.stringify(validate.errors)}`).toBe(true);
  });

  it.each(INVALID_REAL_BODIES.map((entry) => [entry.name, entry] as const))('rejects %s', (_name, { schema, body }) => {
    expect(strictAjv().compile(schemaNamed(schema))(body)).toBe(false);
  });

  it('accepts the examples it carries', () => {
    for (const schema of schemas) {
      const validate = strictAjv().compile(schema);
      expect(schema.examples?.length, schema.$id).toBeGreaterThan(0);
      for (const example of schema.examples ?? []) expect(validate(example), `${schema.$id}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  const ML = 'https://unpkg.com/@azure-errors/json-schema/schemas/ml-studio-error.schema.json';
  const BATCH = 'https://unpkg.com/@azure-errors/json-schema/schemas/batch-error.schema.json';
  const SCHEDULING = 'https://unpkg.com/@azure-errors/json-schema/schemas/batch-scheduling-error.schema.json';
  const PROBLEM = 'https://unpkg.com/@azure-errors/json-schema/schemas/problem-details.schema.json';
  const unauthorized = { code: 'ScoreRequestUnauthorized', message: 'Invalid credentials provided.' };
  const poolNotFound = { lang: 'en', value: 'The specified pool does not exist.' };

  it.each<[string, { schema: string; body: unknown; path: string; keyword: string }]>([
    ['ML: error.code of the wrong type', { schema: ML, body: { error: { code: 401, message: 'm' } }, path: '/error/code', keyword: 'type' }],
    ['ML: unknown category', { schema: ML, body: { error: { code: 'Forbidden', message: 'm' } }, path: '/error/code', keyword: 'enum' }],
    ['ML: unknown detail code', { schema: ML, body: { error: { code: 'Unauthorized', message: 'm', details: [{ code: 'NoSuchCode', message: 'm' }] } }, path: '/error/details/0/code', keyword: 'enum' }],
    ['ML: detail code from another category', { schema: ML, body: { error: { code: 'NotFound', message: 'Resource not found.', details: [unauthorized] } }, path: '/error/details/0/code', keyword: 'enum' }],
    ['ML: detail code on a category without codes', { schema: ML, body: { error: { code: 'LibraryExecutionError', message: 'm', details: [unauthorized] } }, path: '/error/details', keyword: 'maxItems' }],
    ['ML: missing error.message', { schema: ML, body: { error: { code: 'Unauthorized', details: [unauthorized] } }, path: '/error', keyword: 'required' }],
    ['ML: missing details[].message', { schema: ML, body: { error: { code: 'Unauthorized', message: 'm', details: [{ code: 'ScoreRequestUnauthorized' }] } }, path: '/error/details/0', keyword: 'required' }],
    ['ML: extra nesting', { schema: ML, body: { error: { error: { code: 'Unauthorized', message: 'm' } } }, path: '/error', keyword: 'required' }],
    ['ML: the body without its envelope', { schema: ML, body: { code: 'Unauthorized', message: 'm' }, path: '', keyword: 'required' }],
    ['Batch: message as a string', { schema: BATCH, body: { code: 'PoolNotFound', message: 'The specified pool does not exist.' }, path: '/message', keyword: 'type' }],
    ['Batch: unknown code', { schema: BATCH, body: { code: 'PoolGone', message: poolNotFound }, path: '/code', keyword: 'enum' }],
    ['Batch: missing message', { schema: BATCH, body: { code: 'PoolNotFound' }, path: '', keyword: 'required' }],
    ['Batch: missing message.value', { schema: BATCH, body: { code: 'PoolNotFound', message: { lang: 'en' } }, path: '/message', keyword: 'required' }],
    ['Batch: extra nesting in the message', { schema: BATCH, body: { code: 'PoolNotFound', message: { lang: 'en', value: poolNotFound } }, path: '/message/value', keyword: 'type' }],
    ['Batch: values as an object', { schema: BATCH, body: { code: 'PoolNotFound', message: poolNotFound, values: { key: 'poolId' } }, path: '/values', keyword: 'type' }],
    ['Scheduling: no category', { schema: SCHEDULING, body: { code: 'DiskFull', message: 'm' }, path: '', keyword: 'required' }],
    ['Scheduling: the display name as category', { schema: SCHEDULING, body: { category: 'ServerError', code: 'DiskFull' }, path: '/category', keyword: 'enum' }],
    ['Scheduling: code of the other category', { schema: SCHEDULING, body: { category: 'usererror', code: 'DiskFull' }, path: '/code', keyword: 'enum' }],
    ['Problem details: status as a string', { schema: PROBLEM, body: { type: 'about:blank', title: 'Not Found', status: '404', detail: 'd', code: 'PoolNotFound' }, path: '/status', keyword: 'type' }],
    ['Problem details: unknown code', { schema: PROBLEM, body: { type: 'about:blank', title: 'Not Found', status: 404, detail: 'd', code: 'PoolGone' }, path: '/code', keyword: 'enum' }],
    ['Problem details: missing detail', { schema: PROBLEM, body: { type: 'about:blank', title: 'Not Found', status: 404, code: 'PoolNotFound' }, path: '', keyword: 'required' }],
  ])('rejects %s, pointing at the member', (_name, { schema, body, path: instancePath, keyword }) => {
    const validate = strictAjv().compile(schemas.find((candidate) => candidate.$id === schema)!);
    expect(validate(body)).toBe(false);
    expect((validate.errors ?? []).map((error: ErrorObject) => [error.instancePath, error.keyword])).toContainEqual([instancePath, keyword]);
  });

  it('exports from index.js the same schemas as the files, each with an $id Fastify can register', async () => {
    const module = (await import(pathToFileURL(path.join(dir, 'index.js')).href)) as Record<string, unknown>;
    expect(module.errorBodySchemas).toEqual(schemas);
    expect(module.mlStudioErrorSchema).toEqual(schemas.find((schema) => schema.$id === ML));
  });

  it('serializes every wire body with fast-json-stringify exactly as JSON.stringify does, and drops unknown members', () => {
    const stringify = Object.fromEntries(schemas.map((schema) => [schema.$id, fastJson(schema as never)]));
    const mismatches = wireBodies(catalog).filter(({ id, value }) => stringify[id]!(value) !== JSON.stringify(value));
    expect(mismatches.map(({ id, name }) => `${id} ${name}`)).toEqual([]);
    expect(stringify[BATCH]!({ code: 'PoolNotFound', message: { ...poolNotFound, secret: 'x' }, stack: 'at …' })).toBe(JSON.stringify({ code: 'PoolNotFound', message: poolNotFound }));
  });

  it('README: the sample bodies validate as the comments say', () => {
    const readme = files.find((file) => relative(file) === 'README.md')!.contents;
    const exportName = /import \{ (\w+) \} from '@azure-errors\/json-schema';/.exec(readme)?.[1];
    const validate = strictAjv().compile(schemas.find((schema) => schemaExportName(schema.$id) === exportName)!);
    const claims = [...readme.matchAll(/^validate\((.*)\); \/\/ (true|false)/gm)].map((match) => [JSON.parse(match[1]!), match[2] === 'true'] as const);
    expect(claims.map(([, expected]) => expected)).toEqual([true, false]);
    for (const [body, expected] of claims) expect(validate(body), JSON.stringify(body)).toBe(expected);
    expect(validate.errors?.map((error) => error.instancePath)).toContain('/error/details/0/code');
  });

  it('passes publint', async () => {
    const { messages } = await publint({ pkgDir: dir, level: 'suggestion', strict: true });
    expect(messages).toEqual([]);
  });

  it('passes are-the-types-wrong for ESM consumers', async () => {
    const attw = path.join(REPO, 'packages/generator/node_modules/.bin/attw');
    const { stdout } = await promisify(execFile)(attw, ['--pack', dir, '--profile', 'esm-only', '--format', 'json'], { cwd: dir }).catch((error: { stdout: string }) => error);
    const report = JSON.parse(stdout) as { analysis: { problems: unknown[] } };
    expect(report.analysis.problems.filter((problem) => !/node10|node16-cjs/.test(JSON.stringify(problem)))).toEqual([]);
  });
});

/** `…/ml-studio-error.schema.json` → `mlStudioErrorSchema`, the export the README imports. */
function schemaExportName(id: string): string {
  const stem = id.replace(/^.*\//, '').replace('.schema.json', '');
  return `${stem.replace(/-(\w)/g, (_match, letter: string) => letter.toUpperCase())}Schema`;
}

/** Every body the catalog puts on the wire, with the $id of the schema it must satisfy. */
function wireBodies(catalog: Catalog): Array<{ id: string; name: string; value: unknown }> {
  const base = 'https://unpkg.com/@azure-errors/json-schema/schemas/';
  const entries = (id: string, examples: readonly WireExample[]) => examples.map((example) => ({ id: `${base}${id}.schema.json`, name: example.name, value: example.value }));
  return catalog.services.flatMap((service) => [
    ...entries(service.id === 'ml-studio' ? 'ml-studio-error' : `${service.id}-error`, responseExamples(service)),
    ...entries('problem-details', asProblemDetails(responseExamples(service))),
    ...(service.embedded ? entries('batch-scheduling-error', embeddedExamples(service.embedded, service.defaultLocale)) : []),
  ]);
}

/** Type-checks one file with the generator's compiler options; returns the diagnostics as text. */
function typeCheck(fileName: string): string[] {
  const configPath = path.join(REPO, 'packages/generator/tsconfig.json');
  const parsed = ts.parseJsonConfigFileContent(ts.readConfigFile(configPath, ts.sys.readFile).config, ts.sys, path.dirname(configPath));
  const program = ts.createProgram({ rootNames: [fileName], options: { ...parsed.options, noEmit: true } });
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    if (!diagnostic.file || diagnostic.start === undefined) return message;
    const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    return `${path.relative(REPO, diagnostic.file.fileName)}:${line + 1}:${character + 1} ${message}`;
  });
}
