// Reads a WHATWG `Response` (fetch, undici) into a parse result: the body
// is read once, as a stream, and never past a byte bound, so a hostile or
// broken server cannot make a client buffer more than the bound.

import type { ClientErrorSet } from './client-set.js';
import { foreign, parseError } from './parse-error.js';
import type { ParsedError } from './results.js';

/** The parts of a WHATWG `Response` read here (so no DOM types are needed to compile against it). */
export interface ResponseLike {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  readonly bodyUsed: boolean;
  readonly body: StreamLike | null;
}

interface StreamLike {
  getReader(): {
    read(): Promise<{ done: boolean; value?: Uint8Array | undefined }>;
    cancel(reason?: unknown): Promise<void>;
  };
}

export interface ReadOptions {
  /** Most bytes of body read (default 65,536); a longer body is `too-large`, and the rest is never downloaded. */
  readonly maxBytes?: number | undefined;
}

export const DEFAULT_MAX_BYTES = 65_536;

/** Reads `response`'s body (at most `maxBytes`) and parses it as an error of `set`. Never rejects. */
export async function errorFromResponse(set: ClientErrorSet, response: ResponseLike, options: ReadOptions = {}): Promise<ParsedError> {
  let status: number | undefined;
  let contentType: string | undefined;
  try {
    status = response.status;
    contentType = response.headers.get('content-type') ?? undefined;
    if (response.bodyUsed) return foreign('body-used', status, contentType, undefined);
    const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    const text = await readText(response, maxBytes);
    if (text === undefined) return foreign('too-large', status, contentType, undefined);
    // Bytes are bounded already; the text they decode to is at most as long.
    return parseError(set, text, { status, headers: response.headers, maxLength: Number.MAX_SAFE_INTEGER });
  } catch {
    return foreign('unreadable', status, contentType, undefined);
  }
}

/** The body as UTF-8 text, or `undefined` when it is longer than `maxBytes` (what was not read is cancelled). */
async function readText(response: ResponseLike, maxBytes: number): Promise<string | undefined> {
  const stream = response.body;
  if (stream === null) return '';
  const reader = stream.getReader();
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) {
    await reader.cancel().catch(() => undefined);
    return undefined;
  }
  const decoder = new TextDecoder('utf-8');
  let read = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (value === undefined) continue;
    read += value.byteLength;
    if (read > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}
