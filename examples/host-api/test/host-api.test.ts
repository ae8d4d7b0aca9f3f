// The drop-in proof: a hand-written API definition that `$ref`s
// @azure-errors/openapi from node_modules passes Redocly's recommended
// rules, bundles into one document that swagger-parser accepts, and every
// example in it validates against its schema. All offline.

import SwaggerParser from '@apidevtools/swagger-parser';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { exampleValidator, examplesOf } from './examples.js';
import { describeProblems, guardedNode, HOST_DIR, lint, NETWORK_MARKER, redocly } from './tools.js';

type Json = Record<string, unknown>;

const HOSTS = [
  { name: 'OpenAPI 3.1, split across files', root: 'openapi/openapi.yaml', version: '3.1.0', components: 'components.yaml' },
  { name: 'OpenAPI 3.0, one file', root: 'openapi-3.0/openapi.yaml', version: '3.0.3', components: 'components.3.0.yaml' },
] as const;

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'host-api-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe.each(HOSTS)('host API definition ($name)', (host) => {
  let bundlePath: string;
  let bundle: Json;

  beforeAll(async () => {
    bundlePath = path.join(scratch, `${path.dirname(host.root)}.bundle.yaml`);
    const result = await redocly(['bundle', host.root, '-o', bundlePath]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).not.toContain(NETWORK_MARKER);
    bundle = YAML.parse(await readFile(bundlePath, 'utf8')) as Json;
  });

  it('references the package from node_modules, as a consumer does', async () => {
    const text = await readFile(path.join(HOST_DIR, host.root), 'utf8');
    const files = host.root.startsWith('openapi/') ? [text, await readFile(path.join(HOST_DIR, 'openapi/paths/pool.yaml'), 'utf8')] : [text];
    expect(files.join('\n')).toContain(`node_modules/@azure-errors/openapi/${host.components}#/components/responses/BatchError404`);
  });

  it('passes redocly lint with the recommended rules: no errors, no warnings, no network', async () => {
    const { run, problems, totals } = await lint(host.root);
    expect(describeProblems(problems)).toEqual([]);
    expect(totals).toMatchObject({ errors: 0, warnings: 0 });
    expect(run.code).toBe(0);
    expect(run.stderr).not.toContain(NETWORK_MARKER);
  });

  it('bundles into one self-contained document', () => {
    expect(bundle.openapi).toBe(host.version);
    const refs = [...JSON.stringify(bundle).matchAll(/"\$ref":"([^"]*)"/g)].map((match) => match[1]!);
    expect(refs.length).toBeGreaterThan(20);
    expect(refs.filter((ref) => !ref.startsWith('#/'))).toEqual([]);
    const responses = (bundle.components as Json).responses as Record<string, Json>;
    expect(Object.keys(responses)).toEqual(expect.arrayContaining(['BatchError304', 'BatchError404', 'BatchError412', 'MlStudioError400', 'MlStudioError401']));
  });

  it('keeps every code of a status as its own example, both variants of ConditionNotMet included', () => {
    const responses = (bundle.components as Json).responses as Record<string, Json>;
    const exampleNames = (name: string) => Object.keys(((responses[name]!.content as Json)['application/json'] as Json).examples as Json);
    expect(exampleNames('BatchError404')).toEqual(expect.arrayContaining(['PoolNotFound', 'JobNotFound', 'NodeNotFound', 'TaskNotFound', 'ResourceNotFound']));
    expect(exampleNames('BatchError304')).toEqual(['ConditionNotMet.read']);
    expect(exampleNames('BatchError412')).toEqual(['ConditionNotMet.write']);
    expect(exampleNames('MlStudioError401')).toEqual(expect.arrayContaining(['Unauthorized', 'Unauthorized/ScoreRequestUnauthorized']));
  });

  it('is valid for @apidevtools/swagger-parser', async () => {
    const api = (await SwaggerParser.validate(bundlePath)) as Json;
    expect(api.openapi).toBe(host.version);
  });

  it('has only examples that validate against their schema (Ajv, strict)', () => {
    const cases = examplesOf(bundle);
    const validatorFor = exampleValidator(bundle);
    const failures = cases.flatMap(({ where, schema, value }) => {
      const validate = validatorFor(schema);
      return validate(value) ? [] : [`${where}: ${JSON.stringify(validate.errors)}`];
    });
    expect(failures).toEqual([]);
    const responseExamples = cases.filter((entry) => entry.where.startsWith('#/components/responses/'));
    expect(responseExamples.length).toBeGreaterThan(100);
  });

  it('rejects a wrong example, so the check above can fail', () => {
    const validatorFor = exampleValidator(bundle);
    const validate = validatorFor({ $ref: '#/components/schemas/BatchError' });
    expect(validate({ code: 'PoolNotFound', message: { lang: 'en', value: 'The specified pool does not exist.' } })).toBe(true);
    expect(validate({ code: 'NoSuchCode', message: { lang: 'en', value: 'The specified pool does not exist.' } })).toBe(false);
    const ml = validatorFor({ $ref: '#/components/schemas/MlStudioError' });
    expect(ml({ error: { code: 'Unauthorized', message: 'Request is unauthorized to access resource.', details: [{ code: 'ScoreRequestUnauthorized', message: 'Invalid credentials provided.' }] } })).toBe(true);
    expect(ml({ error: { code: 'NotFound', message: 'Resource not found.', details: [{ code: 'ScoreRequestUnauthorized', message: 'Invalid credentials provided.' }] } })).toBe(false);
  });
});

describe('the checks catch a broken host', () => {
  it('lint reports an unresolvable reference into the package as an error', async () => {
    const broken = path.join(scratch, 'broken');
    await cp(path.join(HOST_DIR, 'openapi'), broken, { recursive: true });
    await cp(path.join(HOST_DIR, 'redocly.yaml'), path.join(scratch, 'redocly.yaml'));
    const modules = path.relative(path.join(broken, 'paths'), path.join(HOST_DIR, 'node_modules')).split(path.sep).join('/');
    for (const file of ['paths/pools.yaml', 'paths/pool.yaml', 'paths/job.yaml', 'paths/score.yaml', 'paths/service.yaml', 'components/schemas.yaml']) {
      const target = path.join(broken, file);
      const text = (await readFile(target, 'utf8')).replaceAll('../../node_modules', modules);
      await writeFile(target, file === 'paths/pool.yaml' ? text.replace('responses/BatchError404', 'responses/BatchError499') : text);
    }
    const { problems, totals } = await lint(path.join(broken, 'openapi.yaml'), { cwd: scratch });
    expect(totals.errors).toBeGreaterThan(0);
    expect(problems.map((problem) => problem.ruleId)).toContain('no-unresolved-refs');
  });

  it('the network guard notices a connection attempt, so "no network" above can fail', async () => {
    const run = await guardedNode(['-e', "require('node:https').get('https://registry.npmjs.org/').on('error', () => {})"]);
    expect(run.stderr).toContain(`${NETWORK_MARKER} connect registry.npmjs.org:443`);
  });

  it('the example\'s redocly.yaml alone keeps Redocly offline', async () => {
    const run = await redocly(['lint', 'openapi-3.0/openapi.yaml'], { telemetryFromConfigOnly: true });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).not.toContain(NETWORK_MARKER);
  });

  it('swagger-parser rejects a 3.0 bundle that uses a 3.1-only keyword', async () => {
    const document = {
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      paths: {},
      components: { schemas: { Code: { type: 'string', const: 'PoolNotFound' } } },
    };
    await expect(SwaggerParser.validate(structuredClone(document) as never)).rejects.toThrow();
  });
});
