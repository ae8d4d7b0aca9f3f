import { Ajv2020 } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalog, Service } from '../../../model/catalog.js';
import { edgeCatalog, realCatalog } from './__fixtures__/catalogs.js';
import { asProblemDetails, buildErrorBodies, embeddedExamples, responseExamples, type CategoryRuleStyle, type ErrorBody, type WireExample } from './index.js';

const addFormats = formats as unknown as typeof formats.default;

let real: Catalog;
beforeAll(async () => {
  real = await realCatalog();
});

const service = (catalog: Catalog, id: string): Service => catalog.services.find((candidate) => candidate.id === id)!;
const byName = (examples: readonly WireExample[], name: string) => examples.find((example) => example.name === name);

describe('wire examples', () => {
  it('are byte for byte the bodies DESIGN.md shows', () => {
    const ml = responseExamples(service(real, 'ml-studio'));
    expect(JSON.stringify(byName(ml, 'Unauthorized/ScoreRequestUnauthorized')?.value)).toBe(
      '{"error":{"code":"Unauthorized","message":"Request is unauthorized to access resource.","details":[{"code":"ScoreRequestUnauthorized","message":"Invalid credentials provided."}]}}',
    );
    // DESIGN.md's sample says en-US; this catalog's default locale is `en`, and `lang` is the locale the body is in.
    expect(JSON.stringify(byName(responseExamples(service(real, 'batch')), 'PoolNotFound')?.value)).toBe('{"code":"PoolNotFound","message":{"lang":"en-US","value":"The specified pool does not exist."}}');
  });

  it.each(['edge', 'real'] as const)('cover every code under every status it answers with, and every category alone (%s catalog)', (which) => {
    const catalog = which === 'edge' ? edgeCatalog() : real;
    for (const entry of catalog.services) {
      const expected = [
        ...entry.categories.map((category) => `${category.status} ${category.name}`),
        ...entry.codes.flatMap((code) => (code.variants.length ? code.variants.map((variant) => `${variant.status} ${code.key}.${variant.when}`) : [`${code.status} ${code.key}`])),
      ].sort();
      const actual = responseExamples(entry).map((example) => `${example.status} ${example.name}`);
      expect([...actual].sort()).toEqual(expected);
      expect(new Set(actual).size).toBe(actual.length);
    }
  });

  it('give each variant its own status and message', () => {
    const depot = responseExamples(service(edgeCatalog(), 'depot'));
    expect(byName(depot, 'ConditionNotMet.read')).toMatchObject({ status: 304, summary: 'ConditionNotMet (read)', value: { code: 'ConditionNotMet', message: { value: 'Not modified since the read.' } } });
    expect(byName(depot, 'ConditionNotMet.write')).toMatchObject({ status: 412, value: { code: 'ConditionNotMet' } });
  });

  it('fill placeholders with param names, positional ones included, and keep escaped braces as braces', () => {
    const depot = responseExamples(service(edgeCatalog(), 'depot'));
    expect(byName(depot, 'CrateNotFound')?.detail).toBe('Crate {crate} does not exist in {depot}.');
    expect(byName(depot, 'CrateNotFound')?.description).toBe('Placeholders, filled at runtime:\n\n- `{depot}` (string): The depot searched.\n- `{crate}` (string): The crate asked for.');
    expect(byName(depot, 'ConditionNotMet.write')?.detail).toBe('Changed since it was read: "quotes", back\\slash and {braces}.');
    const ml = responseExamples(service(real, 'ml-studio'));
    expect(byName(ml, 'BadArgument/BlobNotFound')?.detail).toBe('Unable to access the provided Azure blob - {blob}.  Azure error message: {azureMessage}.');
  });

  it('give a code without its own message its category’s', () => {
    const studio = responseExamples(service(edgeCatalog(), 'studio'));
    expect(byName(studio, 'InternalError/UnknownError')?.value).toEqual({
      error: { code: 'InternalError', message: 'Execution encountered an internal error.', details: [{ code: 'UnknownError', message: 'Execution encountered an internal error.' }] },
    });
  });

  it('keep a code name that two categories of one status share, once under each', () => {
    const studio = responseExamples(service(edgeCatalog(), 'studio')).filter((example) => example.status === 400);
    expect(studio.map((example) => example.name)).toEqual(['BadArgument', 'BadArgument/MissingInput', 'BadUserArgument', 'BadUserArgument/MissingInput', 'LibraryExecutionError']);
    expect(byName(studio, 'BadUserArgument/MissingInput')?.detail).toBe('The user did not give {input}.');
  });

  it('as problem details carry the most specific code and message', () => {
    const [problem] = asProblemDetails(responseExamples(service(edgeCatalog(), 'studio')).filter((example) => example.name === 'NotFound/WebServiceNotFound'));
    expect(problem?.value).toEqual({ type: 'about:blank', title: 'Not Found', status: 404, detail: 'Web service not found.', code: 'WebServiceNotFound' });
  });

  it('of a problem-details service are its problem details: the spec’s type base, the status phrase, the filled message', () => {
    const ledger = responseExamples(service(edgeCatalog(), 'ledger'));
    expect(JSON.stringify(byName(ledger, 'AccountNotFound')?.value)).toBe(
      '{"type":"https://errors.example.com/ledger/AccountNotFound","title":"Not Found","status":404,"detail":"Account {account} does not exist.","code":"AccountNotFound"}',
    );
    expect(byName(ledger, 'EntryChanged.write')?.value).toMatchObject({ status: 412, title: 'Precondition Failed', code: 'EntryChanged' });
    expect(asProblemDetails(ledger, 'https://errors.example.com/ledger/').map((example) => example.value)).toEqual(ledger.map((example) => example.value));
  });

  it('exist for every embedded code, with its category', () => {
    const depot = service(edgeCatalog(), 'depot');
    expect(embeddedExamples(depot.embedded!, 'en').map((example) => example.value)).toEqual([
      { category: 'usererror', code: 'CrateMissing', message: 'A crate of the task is missing.' },
      { category: 'servererror', code: 'DiskFull', message: 'There is not enough disk space.' },
    ]);
  });
});

describe('error-body schemas', () => {
  it('are named after the service, in a fixed order', () => {
    const names = buildErrorBodies(edgeCatalog(), { rules: 'conditional', refTo: (name) => name }).map((body) => [body.name, body.schemas.map((schema) => schema.name)]);
    expect(names).toEqual([
      ['DepotError', ['DepotError', 'DepotErrorCode', 'DepotErrorMessage', 'DepotErrorDetail']],
      ['DepotSchedulingError', ['DepotSchedulingError', 'DepotSchedulingErrorCategory', 'DepotSchedulingServerErrorCode', 'DepotSchedulingUserErrorCode', 'DepotSchedulingErrorDetail']],
      ['LedgerError', ['LedgerError', 'LedgerErrorCode', 'LedgerErrorItem']],
      ['StudioError', ['StudioError', 'StudioErrorInfo', 'StudioErrorDetail', 'StudioErrorCategory', 'StudioBadArgumentDetailCode', 'StudioBadUserArgumentDetailCode', 'StudioInternalErrorDetailCode', 'StudioNotFoundDetailCode']],
      ['ProblemDetails', ['ProblemDetails', 'ProblemDetailsCode']],
    ]);
  });

  it('list in ProblemDetails only the codes of services that answer with another format, and leave it out when none does', () => {
    const catalog = edgeCatalog();
    const problem = buildErrorBodies(catalog, { rules: 'conditional', refTo: (name) => name }).find((body) => body.name === 'ProblemDetails')!;
    const codes = problem.schemas.find((schema) => schema.name === 'ProblemDetailsCode')!.schema.enum!;
    expect(codes).toContain('CrateNotFound');
    expect(codes).not.toContain('AccountNotFound');
    const ledgerOnly = { ...catalog, services: [service(catalog, 'ledger')] };
    expect(buildErrorBodies(ledgerOnly, { rules: 'conditional', refTo: (name) => name }).map((body) => body.name)).toEqual(['LedgerError']);
  });

  it('refuse two schemas of the same name, saying what to rename', () => {
    const catalog = edgeCatalog();
    const depot = service(catalog, 'depot');
    const clash = { ...catalog, services: [{ ...depot, embedded: { ...depot.embedded!, name: 'Depot' } }] };
    expect(() => buildErrorBodies(clash, { rules: 'conditional', refTo: (name) => name })).toThrow('two error-body schemas are named DepotError; rename a service or category in spec/');
  });

  describe.each(['edge', 'real'] as const)('in both rule styles (%s catalog)', (which) => {
    const validators = (catalog: Catalog, rules: CategoryRuleStyle) => {
      const ajv = new Ajv2020({ strict: true, allErrors: true });
      addFormats(ajv);
      return Object.fromEntries(buildErrorBodies(catalog, { rules, refTo: (name) => `#/$defs/${name}` }).map((body) => [body.name, ajv.compile(document(body))]));
    };

    it('accept every wire example and reject the same wrong bodies', () => {
      const catalog = which === 'edge' ? edgeCatalog() : real;
      const conditional = validators(catalog, 'conditional');
      const alternatives = validators(catalog, 'alternatives');
      const cases: Array<[string, unknown]> = [];
      for (const entry of catalog.services) {
        const examples = responseExamples(entry);
        for (const example of examples) {
          cases.push([`${entry.name}Error`, example.value]);
          // A problem-details service's own body is its problem details.
          if (entry.wireFormat !== 'problem-details') cases.push(['ProblemDetails', asProblemDetails([example])[0]!.value]);
        }
        if (entry.embedded) for (const example of embeddedExamples(entry.embedded, entry.defaultLocale)) cases.push([`${entry.embedded.name}Error`, example.value]);
      }
      const verdicts = (valid: boolean) => cases.map(([body, value]) => [body, JSON.stringify(value), valid]);
      expect(cases.map(([body, value]) => [body, JSON.stringify(value), conditional[body]!(value)])).toEqual(verdicts(true));
      expect(cases.map(([body, value]) => [body, JSON.stringify(value), alternatives[body]!(value)])).toEqual(verdicts(true));
      const wrong = cases.flatMap(([body, value]) => mutations(value).map((mutated): [string, unknown] => [body, mutated]));
      expect(wrong.length).toBeGreaterThan(cases.length);
      const rejectedBy = (style: Record<string, (value: unknown) => boolean>) => wrong.filter(([body, value]) => !style[body]!(value)).length;
      expect(rejectedBy(conditional)).toBe(wrong.length);
      expect(rejectedBy(alternatives)).toBe(wrong.length);
      const extended = cases.flatMap(([body, value]) => withExtraMembers(value).map((more): [string, unknown] => [body, more]));
      expect(extended.filter(([body, value]) => !conditional[body]!(value) || !alternatives[body]!(value))).toEqual([]);
    });
  });
});

/** A standalone 2020-12 document for a body, its parts under `$defs`. */
function document(body: ErrorBody) {
  const [root, ...parts] = body.schemas;
  return { $schema: 'https://json-schema.org/draft/2020-12/schema', ...root!.schema, $defs: Object.fromEntries(parts.map((part) => [part.name, part.schema])) };
}

/** Bodies a client must not accept: each string field replaced by a number, an unknown member added, each code made unknown. */
/** The value with a member added at each level, as real services add theirs (`odata.metadata`): still valid. */
function withExtraMembers(value: unknown): unknown[] {
  const out: unknown[] = [];
  const visit = (node: unknown, replace: (next: unknown) => unknown) => {
    if (Array.isArray(node)) node.forEach((child, index) => visit(child, (next) => replace(node.map((item, at) => (at === index ? next : item)))));
    else if (node && typeof node === 'object') {
      out.push(replace({ 'odata.metadata': 'https://example.batch.azure.com/$metadata#errors/@Element', ...node }));
      for (const [key, child] of Object.entries(node)) visit(child, (next) => replace({ ...node, [key]: next }));
    }
  };
  visit(value, (next) => next);
  return out;
}

function mutations(value: unknown): unknown[] {
  const out: unknown[] = [];
  const visit = (node: unknown, replace: (next: unknown) => unknown) => {
    if (typeof node === 'string') {
      out.push(replace(42));
      return;
    }
    if (Array.isArray(node)) {
      node.forEach((child, index) => visit(child, (next) => replace(node.map((item, at) => (at === index ? next : item)))));
      return;
    }
    if (node && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) {
        if (key === 'code' && typeof child === 'string') out.push(replace({ ...node, code: `${child}Unknown` }));
        visit(child, (next) => replace({ ...node, [key]: next }));
      }
    }
  };
  visit(value, (next) => next);
  return out;
}
