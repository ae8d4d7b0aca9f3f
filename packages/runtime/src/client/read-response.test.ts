import { describe, expect, it } from 'vitest';
import { batchSet, restSet } from '../../test/sets.js';
import { CatalogError } from '../catalog-error.js';
import { errorResponse, type HttpCatalogError } from '../response.js';
import { errorFromResponse } from './read-response.js';

/** A body that never ends, counting what was pulled from it. */
function endless(chunk: Uint8Array): { stream: ReadableStream<Uint8Array>; pulled: () => number; cancelled: () => boolean } {
  let pulled = 0;
  let cancelled = false;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
    cancel() {
      cancelled = true;
    },
  });
  return { stream, pulled: () => pulled, cancelled: () => cancelled };
}

describe('errorFromResponse', () => {
  it('reads a fetch Response: status, Content-Language, the error-code header', async () => {
    const error = new CatalogError(restSet, { category: 'BadArgument', code: 'UnknownError' });
    const answer = errorResponse(error as HttpCatalogError, { acceptLanguage: 'fr' });
    const response = new Response(JSON.stringify(answer.body), { status: answer.status, headers: answer.headers });
    expect(await errorFromResponse(restSet, response)).toMatchObject({ kind: 'catalog', key: 'BadArgument/UnknownError', status: 400, locale: 'fr', message: 'Argument non valide fourni.' });
    expect(response.bodyUsed).toBe(true);
  });

  it('reads application/problem+json', async () => {
    const answer = errorResponse(new CatalogError(batchSet, { code: 'ConditionNotMet', variant: 'write' }) as HttpCatalogError, { problem: true });
    const response = new Response(JSON.stringify(answer.body), { status: 412, headers: answer.headers });
    expect(await errorFromResponse(batchSet, response)).toMatchObject({ kind: 'catalog', key: 'ConditionNotMet', status: 412, variant: 'write', problem: { status: 412, title: 'Precondition Failed' } });
  });

  it('stops reading an endless body at the bound and cancels the rest', async () => {
    const body = endless(new TextEncoder().encode('{"code":"PoolNotFound","message":{"value":"' + 'x'.repeat(4096)));
    const result = await errorFromResponse(batchSet, new Response(body.stream, { status: 500, headers: { 'content-type': 'application/json' } }), { maxBytes: 20_000 });
    expect(result).toMatchObject({ kind: 'foreign', reason: 'too-large', status: 500 });
    expect(body.pulled()).toBeLessThan(20_000 + 3 * 4200);
    expect(body.cancelled()).toBe(true);
  });

  it('reads nothing of a body whose Content-Length is beyond the bound', async () => {
    const body = endless(new Uint8Array(1024));
    const response = { status: 200, bodyUsed: false, body: body.stream, headers: new Headers({ 'content-length': '10000000', 'content-type': 'application/json' }) };
    expect(await errorFromResponse(batchSet, response)).toMatchObject({ kind: 'foreign', reason: 'too-large' });
    expect(body.cancelled()).toBe(true);
  });

  it('keeps the text of a proxy’s HTML 502 and the status of an empty 503', async () => {
    const html = new Response('<html>Bad Gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } });
    expect(await errorFromResponse(restSet, html)).toMatchObject({ kind: 'foreign', reason: 'content-type', status: 502, body: '<html>Bad Gateway</html>', contentType: 'text/html' });
    expect(await errorFromResponse(restSet, new Response(null, { status: 503 }))).toMatchObject({ kind: 'foreign', reason: 'empty', status: 503 });
  });

  it('answers a body already read, and a broken stream, without throwing', async () => {
    const used = new Response('{"code":"PoolNotFound"}', { status: 404 });
    await used.text();
    expect(await errorFromResponse(batchSet, used)).toMatchObject({ kind: 'foreign', reason: 'body-used', status: 404 });
    const broken = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"code":'));
        controller.error(new Error('socket hang up'));
      },
    });
    expect(await errorFromResponse(batchSet, new Response(broken, { status: 500 }))).toMatchObject({ kind: 'foreign', reason: 'unreadable', status: 500 });
    expect(await errorFromResponse(batchSet, null as never)).toMatchObject({ kind: 'foreign', reason: 'unreadable' });
  });

  it('decodes UTF-8 split across chunks', async () => {
    const bytes = new TextEncoder().encode('{"error":{"code":"BadArgument","message":"提供的引數無效。"}}');
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let index = 0; index < bytes.length; index += 5) controller.enqueue(bytes.slice(index, index + 5));
        controller.close();
      },
    });
    expect(await errorFromResponse(restSet, new Response(stream, { status: 400, headers: { 'content-language': 'zh-TW' } }))).toMatchObject({ key: 'BadArgument', message: '提供的引數無效。', locale: 'zh-TW' });
  });
});
