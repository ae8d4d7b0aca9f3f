import { describe, expect, it } from 'vitest';
import { batchSet, problemSet, restSet, schedulingSet } from '../../test/sets.js';
import { CatalogError, errorBody, problemBody } from '../catalog-error.js';
import type { ErrorSet } from '../catalog.js';
import { errorResponse, type HttpCatalogError } from '../response.js';
import { parseError } from './parse-error.js';
import type { ParsedError } from './results.js';

const SETS = [restSet, batchSet, problemSet, schedulingSet];

/** Every code (and every category answered alone) of a set, as a constructor takes it, one per variant. */
function everyError(set: ErrorSet): Array<{ name: string; error: CatalogError }> {
  const refs = Object.entries(set.codes).flatMap(([key, code]) =>
    (code.variants ?? [undefined]).map((variant) => ({ name: `${key}${variant ? ` (${variant.when})` : ''}`, code: code.name, category: code.category, variant: variant?.when })),
  );
  if (set.wireFormat === 'rest-guidelines') refs.push(...Object.values(set.categories).map((category) => ({ name: category.name, code: undefined as unknown as string, category: category.name, variant: undefined })));
  return refs.map(({ name, code, category, variant }) => {
    const params = Object.fromEntries((set.codes[category === undefined ? code : `${category}/${code}`]?.params ?? []).map((param) => [param.name, param.type === 'string' ? 'x' : 7]));
    return { name, error: new CatalogError(set, { code, category, variant, params }) };
  });
}

describe('the server’s own answers read back', () => {
  const cases = SETS.flatMap((set) => everyError(set).flatMap(({ name, error }) => set.locales.map((locale) => [`${set.id} ${name} ${locale}`, set, error, locale] as const)));

  it.each(cases)('%s: native body', (_name, set, error, locale) => {
    const answer = set.wireFormat === 'batch-scheduling' ? undefined : errorResponse(error as HttpCatalogError, { acceptLanguage: locale });
    const body = answer?.body ?? errorBody(error, locale);
    const result = parseError(set, JSON.stringify(body), answer ? { status: answer.status, headers: answer.headers } : {});
    expect(result).toMatchObject({ kind: 'catalog', key: error.key, code: error.code, category: error.category, status: error.status, variant: error.variant });
    if (answer) expect(result).toMatchObject({ locale, responseStatus: error.status });
    expect((result as { message?: string }).message).toBe(error.messageIn(locale));
  });

  it.each(cases.filter(([, set]) => set.wireFormat !== 'batch-scheduling'))('%s: problem details', (_name, set, error, locale) => {
    const answer = errorResponse(error as HttpCatalogError, { acceptLanguage: locale, problem: true });
    const result = parseError(set, JSON.stringify(answer.body), { status: answer.status, headers: answer.headers });
    expect(result).toMatchObject({ kind: 'catalog', key: error.key, code: error.code, category: error.category, status: error.status, locale, message: error.messageIn(locale), problem: { status: error.status } });
  });

  it('tells an ambiguous code in problem details apart by status, then by the error-code header', () => {
    const internal = problemBody(new CatalogError(restSet, { category: 'InternalError', code: 'UnknownError' }), 'en');
    expect(parseError(restSet, internal)).toMatchObject({ key: 'InternalError/UnknownError', status: 500 });
    const bad = problemBody(new CatalogError(restSet, { category: 'BadArgument', code: 'UnknownError' }), 'en');
    expect(parseError(restSet, bad)).toMatchObject({ key: 'BadArgument/UnknownError', status: 400 });
    expect(parseError(restSet, { ...bad, status: undefined }, { headers: { 'X-MS-Error-Code': 'InternalError', 'content-type': 'application/problem+json' } })).toMatchObject({ key: 'InternalError/UnknownError' });
  });

  it('keeps values, target, details and problem members as sent', () => {
    const rest = new CatalogError(restSet, { category: 'BadArgument', code: 'BlobNotFound', params: { blob: 'a.csv', azureMessage: 'gone' }, target: 'Inputs' });
    expect(parseError(restSet, JSON.stringify(rest.toBody('fr')))).toMatchObject({ target: 'Inputs', categoryMessage: 'Argument non valide fourni.', details: [{ code: 'BlobNotFound', target: 'Inputs' }] });
    const batch = new CatalogError(batchSet, { code: 'PoolNotFound', values: [{ key: 'PoolId', value: 'p1' }] });
    expect(parseError(batchSet, batch.toBody())).toMatchObject({ values: [{ key: 'PoolId', value: 'p1' }], language: 'en', locale: 'en' });
    const scheduling = new CatalogError(schedulingSet, { category: 'usererror', code: 'BlobNotFound', details: [{ name: 'BlobSource', value: 'https://a/b' }] });
    expect(parseError(schedulingSet, scheduling.toBody())).toMatchObject({ kind: 'catalog', key: 'usererror/BlobNotFound', details: [{ name: 'BlobSource', value: 'https://a/b' }] });
    const ledger = new CatalogError(problemSet, { code: 'AccountNotFound', params: { account: 'acme' }, instance: '/accounts/acme', errors: [{ detail: 'no', pointer: '#/a' }] });
    expect(parseError(problemSet, ledger.toBody())).toMatchObject({ kind: 'catalog', key: 'AccountNotFound', problem: { instance: '/accounts/acme', errors: [{ detail: 'no', pointer: '#/a' }], type: 'https://errors.example.com/ledger/AccountNotFound' } });
  });
});

/** What each hostile or odd body gives: the result kind, and the reason for foreign bodies. */
type Want = { kind: 'catalog'; key: string } | { kind: 'unknown-code'; rawCode: string } | { kind: 'foreign'; reason: string };

const HUGE = `{"code":"PoolNotFound","message":{"lang":"en-US","value":"${'x'.repeat(70_000)}"}}`;
const POOL = '{"code":"PoolNotFound","message":{"lang":"en-US","value":"The specified pool does not exist."}}';

const HOSTILE: ReadonlyArray<readonly [string, { set: ErrorSet; body: unknown; status?: number; headers?: Record<string, string>; want: Want }]> = [
  ['truncated JSON', { set: batchSet, body: POOL.slice(0, 30), status: 404, want: { kind: 'foreign', reason: 'not-json' } }],
  ['a body beyond the bound', { set: batchSet, body: HUGE, want: { kind: 'foreign', reason: 'too-large' } }],
  ['empty text', { set: batchSet, body: '', status: 503, want: { kind: 'foreign', reason: 'empty' } }],
  ['whitespace', { set: batchSet, body: ' \r\n', status: 503, want: { kind: 'foreign', reason: 'empty' } }],
  ['undefined', { set: restSet, body: undefined, status: 503, want: { kind: 'foreign', reason: 'empty' } }],
  ['a proxy’s HTML 502', { set: restSet, body: '<html><body>502 Bad Gateway</body></html>', status: 502, headers: { 'content-type': 'text/html' }, want: { kind: 'foreign', reason: 'content-type' } }],
  ['HTML without a content type', { set: restSet, body: '<html>oops</html>', status: 502, want: { kind: 'foreign', reason: 'not-json' } }],
  ['JSON sent as text/plain', { set: batchSet, body: POOL, headers: { 'content-type': 'text/plain' }, want: { kind: 'foreign', reason: 'content-type' } }],
  ['a JSON array', { set: batchSet, body: '[1,2]', want: { kind: 'foreign', reason: 'shape' } }],
  ['a JSON string', { set: batchSet, body: '"PoolNotFound"', want: { kind: 'foreign', reason: 'shape' } }],
  ['null JSON', { set: batchSet, body: 'null', want: { kind: 'foreign', reason: 'shape' } }],
  ['code a number', { set: batchSet, body: '{"code":404,"message":{"lang":"en","value":"x"}}', want: { kind: 'foreign', reason: 'shape' } }],
  ['error a string', { set: restSet, body: '{"error":"NotFound"}', want: { kind: 'foreign', reason: 'shape' } }],
  ['error.code an object', { set: restSet, body: '{"error":{"code":{"a":1}}}', want: { kind: 'foreign', reason: 'shape' } }],
  ['another service’s body (Batch sent to ML Studio)', { set: restSet, body: POOL, want: { kind: 'foreign', reason: 'shape' } }],
  ['problem details without a code', { set: batchSet, body: '{"type":"about:blank","title":"Not Found","status":404,"detail":"no"}', headers: { 'content-type': 'application/problem+json' }, want: { kind: 'foreign', reason: 'shape' } }],
  ['odata.metadata and other extra fields', { set: batchSet, body: `{"odata.metadata":"https://acct.batch.azure.com/$metadata#Microsoft.Azure.Batch.Protocol.Entities.Container.errors/@Element",${POOL.slice(1, -1)},"extra":[1]}`, status: 404, want: { kind: 'catalog', key: 'PoolNotFound' } }],
  ['message a plain string', { set: batchSet, body: '{"code":"PoolNotFound","message":"no pool"}', want: { kind: 'catalog', key: 'PoolNotFound' } }],
  ['values of the wrong types', { set: batchSet, body: '{"code":"PoolNotFound","values":[1,{"key":2,"value":"x"},null,{"key":"k","value":"v"}]}', want: { kind: 'catalog', key: 'PoolNotFound' } }],
  ['details not an array', { set: restSet, body: '{"error":{"code":"NotFound","message":"m","details":{"code":"x"}}}', want: { kind: 'catalog', key: 'NotFound' } }],
  ['a code the catalog does not know (a newer server)', { set: batchSet, body: '{"code":"PoolIsOnFire","message":{"lang":"en-US","value":"Fire."}}', status: 409, want: { kind: 'unknown-code', rawCode: 'PoolIsOnFire' } }],
  ['a detail code the catalog does not know', { set: restSet, body: '{"error":{"code":"BadArgument","message":"m","details":[{"code":"BrandNew","message":"n"}]}}', want: { kind: 'unknown-code', rawCode: 'BrandNew' } }],
  ['a category the catalog does not know', { set: restSet, body: '{"error":{"code":"Teapot","message":"m"}}', want: { kind: 'unknown-code', rawCode: 'Teapot' } }],
  ['code "__proto__"', { set: batchSet, body: '{"code":"__proto__","message":{"lang":"en","value":"x"}}', want: { kind: 'unknown-code', rawCode: '__proto__' } }],
  ['code "constructor"', { set: batchSet, body: '{"code":"constructor"}', want: { kind: 'unknown-code', rawCode: 'constructor' } }],
  ['code "toString" in problem details', { set: problemSet, body: '{"type":"about:blank","title":"x","status":404,"detail":"d","code":"toString"}', want: { kind: 'unknown-code', rawCode: 'toString' } }],
  ['category "__proto__" with a detail "polluted"', { set: restSet, body: '{"error":{"code":"__proto__","message":"m","details":[{"code":"polluted","message":"n"}]}}', want: { kind: 'unknown-code', rawCode: 'polluted' } }],
  ['a "__proto__" member carrying a code', { set: batchSet, body: '{"__proto__":{"code":"PoolNotFound","polluted":true},"constructor":{"prototype":{"polluted":true}}}', want: { kind: 'foreign', reason: 'shape' } }],
  ['a "__proto__" member next to a real code', { set: restSet, body: '{"error":{"__proto__":{"polluted":true},"code":"NotFound","message":"m","details":[{"__proto__":{"polluted":true},"code":"x"}]}}', want: { kind: 'unknown-code', rawCode: 'x' } }],
  ['an object whose prototype carries the code', { set: batchSet, body: Object.create({ code: 'PoolNotFound' }) as object, want: { kind: 'foreign', reason: 'shape' } }],
  ['an object with a throwing getter', { set: batchSet, body: Object.defineProperty({}, 'code', { enumerable: true, get: () => { throw new Error('boom'); } }), want: { kind: 'foreign', reason: 'unreadable' } }],
  ['a revoked Proxy', { set: batchSet, body: (() => { const p = Proxy.revocable({}, {}); p.revoke(); return p.proxy; })(), want: { kind: 'foreign', reason: 'unreadable' } }],
  ['scheduling category in display case', { set: schedulingSet, body: '{"category":"UserError","code":"BlobNotFound","message":"m"}', want: { kind: 'catalog', key: 'usererror/BlobNotFound' } }],
  ['scheduling error without a category', { set: schedulingSet, body: '{"code":"BlobNotFound","message":"m"}', want: { kind: 'catalog', key: 'usererror/BlobNotFound' } }],
  ['scheduling error with a code under another category', { set: schedulingSet, body: '{"category":"servererror","code":"BlobNotFound","message":"m"}', want: { kind: 'unknown-code', rawCode: 'BlobNotFound' } }],
  ['an empty body named by the error-code header', { set: restSet, body: '', status: 404, headers: { 'x-ms-error-code': 'NotFound' }, want: { kind: 'catalog', key: 'NotFound' } }],
  ['an empty body with an unknown error-code header', { set: restSet, body: '', status: 404, headers: { 'x-ms-error-code': '__proto__' }, want: { kind: 'foreign', reason: 'empty' } }],
];

describe('hostile and odd bodies', () => {
  it.each(HOSTILE)('%s', (_name, { set, body, status, headers, want }) => {
    let result: ParsedError | undefined;
    expect(() => (result = parseError(set, body, { status, headers }))).not.toThrow();
    expect(result).toMatchObject(want);
    if (want.kind === 'foreign') expect(result!.status).toBe(status);
    expect(Object.getOwnPropertyNames(Object.prototype).filter((name) => name === 'polluted' || name === 'code')).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(JSON.parse(JSON.stringify(result, (_key, value: unknown) => (typeof value === 'bigint' ? String(value) : value))).kind).toBe(want.kind);
  });

  it('keeps what it could read of a body with entries of the wrong types', () => {
    expect(parseError(batchSet, '{"code":"PoolNotFound","values":[1,{"key":2,"value":"x"},null,{"key":"k","value":"v"}]}')).toMatchObject({ values: [{ key: 'k', value: 'v' }], message: undefined });
  });

  it('bounds what it keeps of huge arrays', () => {
    const values = Array.from({ length: 10_000 }, (_, index) => ({ key: `k${index}`, value: 'v' }));
    const result = parseError(batchSet, { code: 'PoolNotFound', values }) as unknown as { values: unknown[] };
    expect(result.values).toHaveLength(100);
  });

  it('takes headers as a WHATWG Headers too', () => {
    const result = parseError(restSet, '{"error":{"code":"NotFound","message":"Ressource introuvable."}}', { status: 404, headers: new Headers({ 'Content-Language': 'fr', 'Content-Type': 'application/json; charset=utf-8' }) });
    expect(result).toMatchObject({ kind: 'catalog', key: 'NotFound', locale: 'fr', language: 'fr' });
  });

  it('maps a sent tag to a catalog locale: exact, as the service spells it, or by language', () => {
    const withTags = { ...batchSet, languageTags: { en: 'en-US' } };
    const lang = (tag: string, set: ErrorSet = withTags) => (parseError(set, { code: 'PoolNotFound', message: { lang: tag, value: 'x' } }) as { locale?: string }).locale;
    expect([lang('en-US'), lang('EN'), lang('en-GB'), lang('de')]).toEqual(['en', 'en', 'en', undefined]);
    const contentLanguage = (tag: string) => (parseError(restSet, { error: { code: 'NotFound' } }, { headers: { 'content-language': tag } }) as { locale?: string }).locale;
    expect([contentLanguage('zh-tw'), contentLanguage('fr-CA'), contentLanguage('zh'), contentLanguage('ko, en')]).toEqual(['zh-TW', 'fr', 'zh-TW', 'ko']);
  });
});
