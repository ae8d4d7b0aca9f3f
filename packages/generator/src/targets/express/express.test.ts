import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { publint } from 'publint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codesTarget } from '../codes/index.js';
import { edgeCatalog } from '../shared/error-bodies/__fixtures__/catalogs.js';
import { compile, generateWith, writeWorkspace, type Workspace } from '../shared/__fixtures__/adapter-packages.js';
import { itMatchesGoldenFiles } from '../shared/__fixtures__/golden-files.js';
import type { GeneratedFile } from '../target.js';
import { expressTarget } from './index.js';

const SNAPSHOTS = path.join(import.meta.dirname, '__snapshots__');
const relative = (file: GeneratedFile) => path.posix.relative('packages/express', file.path);

describe('the edge spec', () => {
  const files = generateWith(expressTarget, edgeCatalog());
  const golden = path.join(SNAPSHOTS, 'edge');

  itMatchesGoldenFiles(files, 'packages/express', golden);

  it('binds every service answered over HTTP and nothing else', () => {
    expect(files.map(relative).filter((name) => name.endsWith('.gen.ts'))).toEqual(['src/depot.gen.ts', 'src/ledger.gen.ts', 'src/studio.gen.ts']);
  });

  it('is byte-identical when generated again', () => {
    const again = generateWith(expressTarget, edgeCatalog());
    expect(again).toEqual(files);
  });
});

describe('the generated package, compiled and run', () => {
  let workspace: Workspace;
  let dir: string;
  type Handlers = Record<string, (options?: object) => (...args: never[]) => void>;
  let handlers: Handlers;
  let codes: Record<string, new (init: object) => Error>;

  beforeAll(async () => {
    workspace = await writeWorkspace(edgeCatalog(), [expressTarget]);
    dir = workspace.dir(expressTarget);
    expect(compile(dir, { emit: true })).toEqual([]);
    handlers = (await import(path.join(dir, 'dist/index.js'))) as Handlers;
    codes = (await import(path.join(workspace.dir(codesTarget), 'dist/index.js'))) as typeof codes;
  });
  afterAll(() => workspace?.dispose());

  it('exports each service’s handlers and catchErrors', () => {
    expect(Object.keys(handlers).sort()).toEqual(['catchErrors', 'depotErrorHandler', 'depotNotFoundHandler', 'ledgerErrorHandler', 'ledgerNotFoundHandler', 'studioErrorHandler', 'studioNotFoundHandler']);
  });

  it('passes the type tests against Express 5’s typings', async () => {
    const fixture = path.join(workspace.root, 'edge-consumer.ts');
    await writeFile(fixture, readFileSync(path.join(import.meta.dirname, '__fixtures__/edge-consumer.ts.txt'), 'utf8'));
    expect(compile(dir, { extraFiles: [fixture] })).toEqual([]);
  });

  it('answers over a real Express server on 127.0.0.1', async () => {
    type Handler = (...args: never[]) => unknown;
    type App = ((request: IncomingMessage, response: ServerResponse) => void) & { get(path: string, handler: Handler): void; use(handler: Handler): void };
    const { default: express } = (await import(path.join(workspace.root, 'node_modules/express/index.js'))) as { default: () => App };
    const app = express();
    app.get('/crates/:id', () => {
      throw new codes.StudioError!({ category: 'NotFound', code: 'WebServiceNotFound' });
    });
    app.get('/boom', () => {
      throw new Error('secret');
    });
    app.use(handlers.studioNotFoundHandler!());
    app.use(handlers.studioErrorHandler!());
    const server = createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const thrown = await fetch(`${base}/crates/c1`, { headers: { 'accept-language': 'fr-CA' } });
      expect(thrown.status).toBe(404);
      expect(thrown.headers.get('x-ms-error-code')).toBe('NotFound');
      expect(await thrown.text()).toBe('{"error":{"code":"NotFound","message":"Ressource introuvable.","details":[{"code":"WebServiceNotFound","message":"Service web introuvable."}]}}');
      const internal = await fetch(`${base}/boom`);
      expect(internal.status).toBe(500);
      expect(await internal.text()).toBe('{"error":{"code":"InternalError","message":"Execution encountered an internal error.","details":[{"code":"UnknownError","message":"Execution encountered an internal error."}]}}');
      const missing = await fetch(`${base}/nowhere`, { headers: { 'accept-language': 'fr' } });
      expect(await missing.text()).toBe('{"error":{"code":"NotFound","message":"Ressource introuvable."}}');
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('answers a problem-details service with its own problem+json bodies, whatever Accept says', async () => {
    type Handler = (...args: never[]) => unknown;
    type App = ((request: IncomingMessage, response: ServerResponse) => void) & { get(path: string, handler: Handler): void; use(handler: Handler): void };
    const { default: express } = (await import(path.join(workspace.root, 'node_modules/express/index.js'))) as { default: () => App };
    const app = express();
    app.get('/accounts/:id', () => {
      throw new codes.LedgerError!({ code: 'AccountNotFound', params: { account: 'acme' }, instance: '/accounts/acme' });
    });
    app.use(handlers.ledgerNotFoundHandler!());
    app.use(handlers.ledgerErrorHandler!());
    const server = createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      for (const accept of ['application/json', 'application/problem+json']) {
        const thrown = await fetch(`${base}/accounts/acme`, { headers: { 'accept-language': 'fr', accept } });
        expect(thrown.status).toBe(404);
        expect(thrown.headers.get('content-type')).toBe('application/problem+json');
        expect(thrown.headers.get('x-error-code')).toBe('AccountNotFound');
        expect(thrown.headers.get('x-ms-error-code')).toBeNull();
        expect(await thrown.text()).toBe(
          '{"type":"https://errors.example.com/ledger/AccountNotFound","title":"Not Found","status":404,"detail":"Le compte acme n’existe pas.","instance":"/accounts/acme","code":"AccountNotFound"}',
        );
      }
      const missing = await fetch(`${base}/nowhere`);
      expect(missing.status).toBe(404);
      expect(await missing.text()).toBe('{"type":"https://errors.example.com/ledger/NoSuchResource","title":"Not Found","status":404,"detail":"No such resource.","code":"NoSuchResource"}');
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('passes publint', async () => {
    const { messages } = await publint({ pkgDir: dir, level: 'suggestion', strict: true });
    expect(messages).toEqual([]);
  });
});
