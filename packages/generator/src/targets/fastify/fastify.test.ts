import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { publint } from 'publint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codesTarget } from '../codes/index.js';
import { jsonSchemaTarget } from '../json-schema/index.js';
import { edgeCatalog } from '../shared/error-bodies/__fixtures__/catalogs.js';
import { compile, generateWith, writeWorkspace, type Workspace } from '../shared/__fixtures__/adapter-packages.js';
import { itMatchesGoldenFiles } from '../shared/__fixtures__/golden-files.js';
import { fastifyTarget } from './index.js';

const SNAPSHOTS = path.join(import.meta.dirname, '__snapshots__');

describe('the edge spec', () => {
  const files = generateWith(fastifyTarget, edgeCatalog());
  const golden = path.join(SNAPSHOTS, 'edge');

  itMatchesGoldenFiles(files, 'packages/fastify', golden);

  it('imports only schemas the JSON Schema package exports', () => {
    const schemaModule = generateWith(jsonSchemaTarget, edgeCatalog()).find((file) => file.path.endsWith('/index.js'))!.contents;
    const exported = new Set([...schemaModule.matchAll(/^export const (\w+)/gm)].map((match) => match[1]));
    const imported = files.flatMap((file) => [...file.contents.matchAll(/import \{ ([^}]+) \} from "@edge\/json-schema"/g)].flatMap((match) => match[1]!.split(', ')));
    expect(imported.length).toBeGreaterThan(0);
    expect(imported.filter((name) => !exported.has(name))).toEqual([]);
  });
});

describe('the generated package, compiled and run', () => {
  let workspace: Workspace;
  let dir: string;
  let plugins: Record<string, unknown>;
  let codes: Record<string, new (init: object) => Error>;

  beforeAll(async () => {
    workspace = await writeWorkspace(edgeCatalog(), [fastifyTarget]);
    dir = workspace.dir(fastifyTarget);
    expect(compile(dir, { emit: true })).toEqual([]);
    plugins = (await import(path.join(dir, 'dist/index.js'))) as Record<string, unknown>;
    codes = (await import(path.join(workspace.dir(codesTarget), 'dist/index.js'))) as typeof codes;
  });
  afterAll(() => workspace?.dispose());

  it('exports each service’s plugin, frameworkErrors function and response schemas', () => {
    expect(Object.keys(plugins).sort()).toEqual([
      'depotErrors',
      'depotFrameworkErrors',
      'depotResponseSchemas',
      'ledgerErrors',
      'ledgerFrameworkErrors',
      'ledgerResponseSchemas',
      'studioErrors',
      'studioFrameworkErrors',
      'studioResponseSchemas',
    ]);
  });

  it('passes the type tests against Fastify 5’s typings', async () => {
    const fixture = path.join(workspace.root, 'edge-consumer.ts');
    await writeFile(fixture, readFileSync(path.join(import.meta.dirname, '__fixtures__/edge-consumer.ts.txt'), 'utf8'));
    expect(compile(dir, { extraFiles: [fixture] })).toEqual([]);
  });

  it('answers over a real Fastify server on 127.0.0.1, serializing through the schemas', async () => {
    interface App {
      register(plugin: unknown): Promise<unknown>;
      post(path: string, options: object, handler: () => Promise<unknown>): void;
      listen(options: { port: number; host: string }): Promise<string>;
      close(): Promise<void>;
      server: { address(): unknown };
    }
    const { default: Fastify } = (await import(path.join(workspace.root, 'node_modules/fastify/fastify.js'))) as { default: (options: object) => App };
    const app = Fastify({ logger: false, frameworkErrors: (plugins.depotFrameworkErrors as () => never)() });
    await app.register(plugins.depotErrors);
    app.post('/crates', { schema: { body: { type: 'object', required: ['crate'], properties: { crate: { type: 'string' } } } } }, async () => {
      throw new codes.DepotError!({ code: 'ShelfNotFound' });
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    try {
      const post = (body: string) => fetch(`${base}/crates`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      const thrown = await post('{"crate":"c1"}');
      expect(thrown.status).toBe(404);
      expect(await thrown.text()).toBe('{"code":"ShelfNotFound","message":{"lang":"en","value":"The specified shelf does not exist."}}');
      const invalid = await post('{}');
      expect(await invalid.text()).toBe('{"code":"InvalidBody","message":{"lang":"en","value":"The body is not valid."},"values":[{"key":"PropertyName","value":"crate"}]}');
      const malformed = await post('{"crate":');
      expect(await malformed.text()).toBe('{"code":"InvalidBody","message":{"lang":"en","value":"The body is not valid."}}');
      const missing = await fetch(`${base}/nowhere`, { headers: { accept: 'application/problem+json' } });
      expect(missing.status).toBe(404);
      expect(missing.headers.get('content-type')).toBe('application/problem+json');
      expect(await missing.text()).toBe('{"type":"about:blank","title":"Not Found","status":404,"detail":"Crate {crate} does not exist in {depot}.","code":"CrateNotFound"}');
      const badUrl = await fetch(`${base}/%`);
      expect(badUrl.status).toBe(404);
    } finally {
      await app.close();
    }
  });

  it('answers a problem-details service through its own schema: errors[] for validation, problem+json whatever Accept says', async () => {
    interface App {
      register(plugin: unknown): Promise<unknown>;
      post(path: string, options: object, handler: () => Promise<unknown>): void;
      listen(options: { port: number; host: string }): Promise<string>;
      close(): Promise<void>;
      server: { address(): unknown };
    }
    const { default: Fastify } = (await import(path.join(workspace.root, 'node_modules/fastify/fastify.js'))) as { default: (options: object) => App };
    const app = Fastify({ logger: false, frameworkErrors: (plugins.ledgerFrameworkErrors as () => never)() });
    await app.register(plugins.ledgerErrors);
    app.post('/accounts', { schema: { body: { type: 'object', required: ['owner'], properties: { owner: { type: 'string' } } } } }, async () => {
      throw new codes.LedgerError!({ code: 'AccountNotFound', params: { account: 'acme' }, instance: '/accounts/acme' });
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    try {
      const post = (body: string, accept = 'application/json') => fetch(`${base}/accounts`, { method: 'POST', headers: { 'content-type': 'application/json', accept }, body });
      for (const accept of ['application/json', 'application/problem+json']) {
        const thrown = await post('{"owner":"o"}', accept);
        expect(thrown.status).toBe(404);
        expect(thrown.headers.get('content-type')).toBe('application/problem+json');
        expect(thrown.headers.get('x-error-code')).toBe('AccountNotFound');
        expect(await thrown.text()).toBe(
          '{"type":"https://errors.example.com/ledger/AccountNotFound","title":"Not Found","status":404,"detail":"Account acme does not exist.","instance":"/accounts/acme","code":"AccountNotFound"}',
        );
      }
      const invalid = await post('{}');
      expect(invalid.status).toBe(400);
      expect(await invalid.text()).toBe(
        '{"type":"https://errors.example.com/ledger/InvalidRequest","title":"Bad Request","status":400,"detail":"The request is not valid.","code":"InvalidRequest","errors":[{"detail":"must have required property \'owner\'","pointer":"#/owner"}]}',
      );
    } finally {
      await app.close();
    }
  });

  it('passes publint', async () => {
    const { messages } = await publint({ pkgDir: dir, level: 'suggestion', strict: true });
    expect(messages).toEqual([]);
  });
});
