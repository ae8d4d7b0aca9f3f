import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import SwaggerParser from '@apidevtools/swagger-parser';
import { Ajv } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import { publint } from 'publint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import type { Catalog } from '../../model/catalog.js';
import { edgeCatalog, realCatalog, REPO, targetInput } from '../shared/error-bodies/__fixtures__/catalogs.js';
import { asProblemDetails, responseExamples } from '../shared/error-bodies/index.js';
import { itMatchesGoldenFiles } from '../shared/__fixtures__/golden-files.js';
import type { GeneratedFile } from '../target.js';
import { openapiTarget } from './index.js';

const addFormats = formats as unknown as typeof formats.default;
const PACKAGE_DIR = 'packages/openapi';
const SNAPSHOTS = path.join(import.meta.dirname, '__snapshots__');

type Json = Record<string, any>;

const relative = (file: GeneratedFile) => path.posix.relative(PACKAGE_DIR, file.path);
const fileText = (files: readonly GeneratedFile[], name: string) => files.find((file) => relative(file) === name)!.contents;

describe('the edge spec', () => {
  const files = openapiTarget.generate(targetInput(edgeCatalog()));
  const golden = path.join(SNAPSHOTS, 'edge');

  itMatchesGoldenFiles(files, PACKAGE_DIR, golden);

  it('shows a code name that two categories of one status share under both', () => {
    const document = YAML.parse(fileText(files, 'components.yaml')) as Json;
    expect(Object.keys(document.components.responses.StudioError400.content['application/json'].examples)).toEqual([
      'BadArgument',
      'BadArgument/MissingInput',
      'BadUserArgument',
      'BadUserArgument/MissingInput',
      'LibraryExecutionError',
    ]);
  });

  it('answers a problem-details service as application/problem+json only, with its own schema and examples', () => {
    const document = YAML.parse(fileText(files, 'components.yaml')) as Json;
    const ledger = edgeCatalog().services.find((service) => service.id === 'ledger')!;
    for (const example of responseExamples(ledger)) {
      const content = document.components.responses[`LedgerError${example.status}`].content;
      expect(Object.keys(content)).toEqual(['application/problem+json']);
      expect(content['application/problem+json'].schema).toEqual({ $ref: '#/components/schemas/LedgerError' });
      expect(content['application/problem+json'].examples[example.name].value).toEqual(example.value);
    }
    expect(document.components.responses.LedgerError404.content['application/problem+json'].examples.AccountNotFound.value.type).toBe('https://errors.example.com/ledger/AccountNotFound');
  });

  it('documents each service’s own error-code header, and none for a service without one', () => {
    const document = YAML.parse(fileText(files, 'components.yaml')) as Json;
    for (const [name, response] of Object.entries(document.components.responses as Record<string, Json>)) {
      const headers = Object.keys(response.headers).sort();
      if (name.startsWith('Ledger')) expect(headers, name).toEqual(['Content-Language', 'x-error-code']);
      else if (name.startsWith('Studio')) expect(headers, name).toEqual(['Content-Language', 'x-ms-error-code']);
      else expect(headers, name).toEqual(['Content-Language']);
    }
    expect(Object.keys(document.components.headers)).toEqual(['ContentLanguage', 'LedgerErrorCode', 'StudioErrorCode']);
    expect(document.components.headers.LedgerErrorCode).toMatchObject({ description: expect.stringMatching(/^The error code of Ledger API; equals `code` in the body\./), schema: { $ref: '#/components/schemas/LedgerErrorCode' } });
    expect(JSON.stringify(document.components.schemas.DepotErrorCode)).not.toContain('header');
  });
});

describe.each([
  ['the edge spec', async () => edgeCatalog(), 40],
  ['the catalog in spec/', realCatalog, 400],
] as const)('valid OpenAPI: %s', (_name, load, minimumExamples) => {
  let v31: Json;
  let v30: Json;
  let dir: string;

  beforeAll(async () => {
    const files = openapiTarget.generate(targetInput(await load()));
    v31 = YAML.parse(fileText(files, 'components.yaml')) as Json;
    v30 = YAML.parse(fileText(files, 'components.3.0.yaml')) as Json;
    dir = await mkdtemp(path.join(os.tmpdir(), 'errcat-openapi-'));
    for (const file of files) await writeFile(path.join(dir, relative(file)), file.contents);
    await writeFile(path.join(dir, 'redocly.yaml'), 'telemetry: off\nextends:\n  - recommended\n');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it.each(['components.yaml', 'components.3.0.yaml'])('%s is valid for swagger-parser', async (name) => {
    const api = (await SwaggerParser.validate(path.join(dir, name))) as Json;
    expect(Object.keys(api.components.responses).length).toBeGreaterThan(10);
  });

  it.each(['components.yaml', 'components.3.0.yaml'])('%s passes redocly lint with the recommended rules; only unused-component warnings', async (name) => {
    const redocly = path.join(REPO, 'packages/generator/node_modules/.bin/redocly');
    const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };
    const { stdout } = await promisify(execFile)(redocly, ['lint', name, '--format=json'], { cwd: dir, env, maxBuffer: 64 * 1024 * 1024 }).catch((error: { stdout: string }) => error);
    const report = JSON.parse(stdout) as { problems: Array<{ ruleId: string; severity: string; message: string }> };
    expect(report.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    expect([...new Set(report.problems.map((problem) => problem.ruleId))]).toEqual(['no-unused-components']);
  });

  it.each([
    ['3.1', () => v31],
    ['3.0', () => v30],
  ])('OpenAPI %s: every example validates against its schema (Ajv, strict)', (_version, document) => {
    const doc = document();
    const validatorFor = ajvFor(doc);
    const failures: string[] = [];
    let checked = 0;
    for (const [name, response] of Object.entries(doc.components.responses as Record<string, Json>)) {
      for (const [mediaType, media] of Object.entries(response.content as Record<string, Json>)) {
        const validate = validatorFor(media.schema);
        for (const [example, { value }] of Object.entries(media.examples as Record<string, Json>)) {
          checked += 1;
          if (!validate(value)) failures.push(`${name} ${mediaType} ${example}: ${JSON.stringify(validate.errors)}`);
        }
      }
    }
    for (const [name, schema] of Object.entries(doc.components.schemas as Record<string, Json>)) {
      const validate = validatorFor({ $ref: `#/components/schemas/${name}` });
      for (const value of schema.examples ?? (schema.example === undefined ? [] : [schema.example])) {
        checked += 1;
        if (!validate(value)) failures.push(`${name}: ${JSON.stringify(validate.errors)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(minimumExamples);
  });
});

describe('the catalog in spec/', () => {
  let catalog: Catalog;
  let files: GeneratedFile[];
  let v31: Json;
  let v30: Json;
  let dir: string;

  beforeAll(async () => {
    catalog = await realCatalog();
    files = openapiTarget.generate(targetInput(catalog));
    v31 = YAML.parse(fileText(files, 'components.yaml')) as Json;
    v30 = YAML.parse(fileText(files, 'components.3.0.yaml')) as Json;
    dir = await mkdtemp(path.join(os.tmpdir(), 'errcat-openapi-'));
    for (const file of files) await writeFile(path.join(dir, relative(file)), file.contents);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('has one response per service and status', () => {
    const expected = catalog.services.flatMap((service) => [...new Set(responseExamples(service).map((example) => example.status))].map((status) => `${service.name}Error${status}`));
    expect(Object.keys(v31.components.responses)).toEqual(expected);
    expect(expected).toEqual(expect.arrayContaining(['BatchError304', 'BatchError404', 'BatchError412', 'MlStudioError400', 'MlStudioError401', 'MlStudioError500']));
  });

  it('names one example per code in each response, valued as the wire body, several codes per status included', () => {
    for (const service of catalog.services) {
      for (const example of responseExamples(service)) {
        const content = v31.components.responses[`${service.name}Error${example.status}`].content;
        expect(content['application/json'].examples[example.name], `${service.id} ${example.name}`).toEqual({
          summary: example.summary,
          ...(example.description ? { description: example.description } : {}),
          value: example.value,
        });
        expect(content['application/problem+json'].examples[example.name].value).toEqual(asProblemDetails([example])[0]!.value);
      }
    }
    const count = (name: string) => Object.keys(v31.components.responses[name].content['application/json'].examples).length;
    expect(count('BatchError409')).toBe(responseExamples(catalog.services.find((service) => service.id === 'batch')!).filter((example) => example.status === 409).length);
    expect(count('BatchError409')).toBeGreaterThan(30);
    expect(count('MlStudioError500')).toBeGreaterThan(30);
  });

  it('shows ConditionNotMet under 304 for a read and under 412 for a write', () => {
    const examples = (name: string) => v31.components.responses[name].content['application/json'].examples;
    expect(examples('BatchError304')['ConditionNotMet.read'].value.message.value).toBe('The condition specified in the conditional header(s) was not met for a read operation.');
    expect(examples('BatchError412')['ConditionNotMet.write'].value.message.value).toBe('The condition specified in the conditional header(s) was not met for a write operation.');
  });

  it('sets x-ms-error-code on the ML Studio responses only, typed as the category and described from the spec', () => {
    for (const [name, response] of Object.entries(v31.components.responses as Record<string, Json>)) {
      expect(response.headers['Content-Language'], name).toEqual({ $ref: '#/components/headers/ContentLanguage' });
      expect(response.headers['x-ms-error-code'], name).toEqual(name.startsWith('MlStudio') ? { $ref: '#/components/headers/MlStudioErrorCode' } : undefined);
    }
    const header = v31.components.headers.MlStudioErrorCode;
    expect(header.schema).toEqual({ $ref: '#/components/schemas/MlStudioErrorCategory' });
    expect(header.description).toContain(catalog.services.find((service) => service.id === 'ml-studio')!.description!.en);
    expect(v31.components.schemas.MlStudioErrorCategory.description).toContain('This class of errors means an argument provided somewhere was invalid.');
  });

  it('describes the same responses, headers and examples in 3.1 and 3.0; schemas differ only in dialect', () => {
    expect(v31.openapi).toBe('3.1.0');
    expect(v30.openapi).toBe('3.0.3');
    expect(v30.components.responses).toEqual(v31.components.responses);
    expect(v30.components.headers).toEqual(v31.components.headers);
    expect(v30.components.schemas).toEqual(as30(v31.components.schemas));
    expect(JSON.stringify(v30.components.schemas)).not.toMatch(/"(const|examples|\$defs|if|then)":/);
  });

  it('holds the same document in YAML and JSON, marked as generated in both', () => {
    expect(JSON.parse(fileText(files, 'components.json'))).toEqual(v31);
    expect(JSON.parse(fileText(files, 'components.3.0.json'))).toEqual(v30);
    expect(fileText(files, 'components.yaml')).toMatch(/^# Generated by errcat/);
    expect(v31['x-errcat-generated']).toMatch(/^Generated by errcat/);
  });

  it('rejects a detail code under another category (Ajv, strict)', () => {
    const validatorFor = ajvFor(v31);
    const ml = validatorFor({ $ref: '#/components/schemas/MlStudioError' });
    expect(ml({ error: { code: 'NotFound', message: 'Resource not found.', details: [{ code: 'ScoreRequestUnauthorized', message: 'Invalid credentials provided.' }] } })).toBe(false);
  });

  it('passes publint', async () => {
    const { messages } = await publint({ pkgDir: dir, level: 'suggestion', strict: true });
    expect(messages).toEqual([]);
  });

  it('README: every response it references exists', () => {
    const refs = [...fileText(files, 'README.md').matchAll(/#\/components\/(responses|schemas)\/(\w+)/g)];
    expect(refs.length).toBeGreaterThan(2);
    for (const [, kind, name] of refs) expect(v31.components[kind!][name!], `${kind}/${name}`).toBeDefined();
  });
});

/** What the 3.0 file should hold for a 3.1 schema: `const` as a one-value `enum`, the first of `examples` as `example`. */
function as30(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(as30);
  if (!value || typeof value !== 'object') return value;
  const out: Json = {};
  for (const [key, child] of Object.entries(value)) {
    if (key === 'const') out.enum = [child];
    else if (key === 'examples' && Array.isArray(child)) out.example = child[0];
    else out[key] = key === 'example' || key === 'enum' ? child : as30(child);
  }
  return out;
}

/** Strict Ajv for the document's dialect, with `#/components/schemas/…` pointing at the document's schemas. */
function ajvFor(document: Json) {
  const is31 = String(document.openapi).startsWith('3.1');
  const ajv = is31 ? new Ajv2020({ strict: true, allErrors: true }) : new Ajv({ strict: true, allErrors: true });
  addFormats(ajv);
  if (!is31) ajv.addKeyword('example');
  const retarget = (value: unknown) => JSON.parse(JSON.stringify(value).replaceAll('"#/components/schemas/', '"urn:errcat-test:components#/$defs/')) as Json;
  ajv.addSchema({ $id: 'urn:errcat-test:components', $defs: retarget(document.components.schemas) });
  return (schema: Json) => ajv.compile(retarget(schema));
}
