// What the Express and Fastify targets share: the services answered over
// HTTP, the names the sibling packages export for them, how the generated
// packages depend on those siblings, and the facts their READMEs show.

import { CatalogError, errorResponse, failureError, refInit, statusText, type ErrorSet, type FailureKind, type HttpCatalogError } from '@errcat/runtime';
import path from 'node:path';
import type { Catalog, TargetName } from '../../model/catalog.js';
import { catalogData } from './catalog-data.js';
import { camel, categoryMember, codeMember, errorSets, namesOf, type ErrorSetView } from './error-sets.js';
import { sortedEntries } from '../../util/sort.js';
import { packageDir, type TargetInput } from '../target.js';
import { markdownText } from './markdown.js';
import { INITIAL_VERSION, packageName } from './package-manifest.js';
import { quote, typePropertyName } from './typescript/ts-literal.js';

/** The TypeScript the generated packages build with; the workspace pins the same. */
export const TYPESCRIPT_VERSION = '5.9.3';
/** Node's typings, for `node:http` in the handlers' types. */
export const TYPES_NODE_VERSION = '^20.19.0';

/** A service answered over HTTP, with the names of what `@scope/codes` exports for it. */
export interface HttpService {
  readonly set: ErrorSetView;
  /** `mlStudio`: the start of every generated name. */
  readonly stem: string;
  readonly codes: ReturnType<typeof namesOf>;
  /** The set as the runtime reads it, for computing README examples. */
  readonly data: ErrorSet;
}

/** Every service with `failures` (answered over HTTP), in catalog order. */
export function httpServices(catalog: Catalog): HttpService[] {
  const codesPackage = packageName(catalog, 'codes');
  return errorSets(catalog)
    .filter((set) => set.failures !== undefined)
    .map((set) => ({ set, stem: camel(set.prefix), codes: namesOf(set), data: catalogData(codesPackage, set) as unknown as ErrorSet }));
}

/** Dependencies in name order, as package managers write them. */
export function sortedDependencies(dependencies: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(sortedEntries(dependencies));
}

/**
 * The range one generated package asks for another, so that the user's
 * package manager takes the sibling from the project and never from the
 * registry: `workspace:^` where the protocol exists, the sibling's own version
 * in npm workspaces (which link a workspace whose version matches), a
 * `file:` path where there is no workspace.
 */
export function siblingRange(input: TargetInput, from: TargetName, to: TargetName): string {
  switch (input.project.siblingProtocol) {
    case 'workspace':
      return 'workspace:^';
    case 'version':
      return `^${input.versions[packageName(input.catalog, to)] ?? INITIAL_VERSION}`;
    case 'file':
      return `file:${path.posix.relative(packageDir(input.catalog, from), packageDir(input.catalog, to))}`;
  }
}

const FAILURE_SITUATIONS: Readonly<Record<FailureKind, string>> = {
  internal: 'anything thrown that is not a catalog error of this service',
  malformedBody: 'a body that cannot be parsed (malformed JSON, unsupported media type or charset)',
  bodyTooLarge: 'a body over the size limit',
  notFound: 'no route matches',
  validation: 'a request fails schema validation (Fastify)',
};

export interface FailureRow {
  readonly kind: FailureKind;
  readonly situation: string;
  /** `BadArgument/RequestBodyInvalid`, or a category's name. */
  readonly answer: string;
  /** The answer is a category without a detail code. */
  readonly categoryAlone: boolean;
  readonly status: number;
}

/** Which code answers each framework failure, as the spec assigns them. */
export function failureRows(service: HttpService, kinds: readonly FailureKind[]): FailureRow[] {
  const failures = service.set.failures!;
  return kinds.map((kind) => {
    const error = failureError(service.data, kind);
    const ref = failures[kind];
    return { kind, situation: FAILURE_SITUATIONS[kind], answer: ref.kind === 'code' ? ref.key : ref.category, categoryAlone: ref.kind === 'category', status: error.status };
  });
}

interface StatusRow {
  /** The status another library's error carries (`401`). */
  readonly status: string;
  /** `Unauthorized/ScoreRequestUnauthorized`, or a category's name. */
  readonly answer: string;
  readonly categoryAlone: boolean;
  /** The status the answer goes out with (the code's own). */
  readonly answerStatus: number;
}

/** Which code answers an error of another library by the status it carries, as the spec maps them (`failures.statuses`), ascending. */
function statusRows(service: HttpService): StatusRow[] {
  const statuses = service.data.statuses ?? {};
  return Object.keys(statuses).map((status) => {
    const ref = statuses[status]!;
    const error = new CatalogError(service.data, refInit(service.data, ref)) as HttpCatalogError;
    return { status, answer: ref.kind === 'code' ? ref.key : ref.category, categoryAlone: ref.kind === 'category', answerStatus: error.status };
  });
}

/** README table rows: the mapped statuses, then what every other status gets. */
export function statusTableRows(service: HttpService): Array<{ service: string; situation: string; answer: string; status: string }> {
  const internal = failureRows(service, ['internal'])[0]!;
  const rows = statusRows(service);
  return [
    ...rows.map((row) => ({ service: markdownText(service.set.title), situation: `another library's error with status ${row.status}`, answer: `\`${row.answer}\``, status: String(row.answerStatus) })),
    { service: markdownText(service.set.title), situation: `another library's error with ${rows.length ? 'any other' : 'a'} status, a catalog error of another service`, answer: `\`${internal.answer}\``, status: String(internal.status) },
  ];
}

/** One line per mapped status for a doc comment, and what the others get. */
export function statusDoc(service: HttpService): string {
  const rows = statusRows(service).map((row) => `- another library's error with status ${row.status} (\`http-errors\`, \`@fastify/error\`): \`${row.answer}\` (${row.categoryAlone ? 'a category alone, ' : ''}${row.answerStatus})`);
  return [...rows, `- another library's error with ${rows.length ? 'any other' : 'a'} status, or a catalog error of another service: like anything thrown`].join('\n');
}

/**
 * What a service's handlers answer with, for their doc comments: its own
 * bodies in the negotiated locale, and problem details when `Accept` asks
 * for them, unless problem details are its own bodies.
 */
export function answersWith(set: ErrorSetView): string {
  const locales = `in the locale \`Accept-Language\` asks for (${set.locales.map((locale) => `\`${locale}\``).join(', ')})`;
  if (set.wireFormat === 'problem-details') return `${set.title} problem details (RFC 9457, \`application/problem+json\`, whatever \`Accept\` says), ${locales}`;
  return `${set.title} error bodies (\`${set.wireFormat}\`), ${locales}, or as problem details (RFC 9457) when \`Accept\` prefers them`;
}

/** One line per failure for a doc comment: `internal: InternalError (500)`. */
export function failureDoc(service: HttpService, kinds: readonly FailureKind[]): string {
  return failureRows(service, kinds)
    .map((row) => `- ${row.situation}: \`${row.answer}\` (${row.categoryAlone ? 'a category alone, ' : ''}${row.status})`)
    .join('\n');
}

/** A response the runtime really gives, printed the way the READMEs show it. */
export function responseText(error: HttpCatalogError, acceptLanguage: string | undefined, problem = false): string {
  const response = errorResponse(error, { acceptLanguage, problem });
  // The adapters add these to every answer (a 304 keeps the route's caching headers).
  const adapterHeaders: Record<string, string> = { 'x-content-type-options': 'nosniff', ...(response.status === 304 ? {} : { 'cache-control': 'no-store' }) };
  const headers = Object.entries({ ...response.headers, ...adapterHeaders }).map(([name, value]) => `${name}: ${value}`);
  return [`HTTP/1.1 ${response.status} ${statusText(response.status)}`, ...headers, '', JSON.stringify(response.body)].join('\n');
}

/** A code of the service to show in examples: one with params if it has any (and no ambiguity), else the first. */
export function exampleError(service: HttpService): { error: HttpCatalogError; construct: string } {
  const { set, codes } = service;
  const code = set.codes.find((entry) => entry.params.length > 0 && !entry.ambiguous) ?? set.codes.find((entry) => !entry.ambiguous) ?? set.codes[0];
  if (!code) return { error: failureError(service.data, 'notFound'), construct: `${codes.errorClass}.failure("notFound")` };
  const params = Object.fromEntries(code.params.map((param) => [param.name, param.type === 'string' ? `<${param.name}>` : 1]));
  const error = new CatalogError(service.data, { code: code.name, category: code.category, params }) as HttpCatalogError;
  const member = codeMember(code);
  const category = code.ambiguous && code.category !== undefined ? `category: ${codes.categoryEnum}.${categoryMember(set, code.category)}, ` : '';
  const paramText = code.params.length ? `, params: { ${code.params.map((param) => `${typePropertyName(param.name)}: ${param.type === 'string' ? quote(`<${param.name}>`) : '1'}`).join(', ')} }` : '';
  return { error, construct: `new ${codes.errorClass}({ ${category}code: ${codes.codeEnum}.${member}${paramText} })` };
}

/** The locale examples ask for: a non-default one when the service has it. */
export function exampleLocale(service: HttpService): string {
  return service.set.locales.find((locale) => locale !== service.set.defaultLocale) ?? service.set.defaultLocale;
}
