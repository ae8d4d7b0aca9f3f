// The exact wire bodies of the catalog in its default locale, one per code
// (and per variant, and per category alone), built by the runtime's own
// envelope functions so that an example is what a client receives.
// Placeholders are filled with their param names: `{0}` → `{version}`,
// which is also what the runtime sends for a param it was not given.

import {
  batchBody,
  batchSchedulingBody,
  compileTemplate,
  problemDetails,
  restGuidelinesBody,
  type BatchBody,
  type BatchSchedulingBody,
  type ProblemDetails,
  type RestGuidelinesBody,
} from '@errcat/runtime';
import type { Category, CodeRef, EmbeddedSet, ErrorCode, Localized, Param, Service } from '../../../model/catalog.js';
import { compareText } from '../../../util/sort.js';

export type WireBody = RestGuidelinesBody | BatchBody | BatchSchedulingBody | ProblemDetails;

export interface WireExample<Body extends WireBody = WireBody> {
  /** Unique within a response: the code's key (`BadArgument/BadVersionCall`), `.when` for a variant. */
  readonly name: string;
  readonly status: number;
  /** One line for pickers: the code and, for a variant, its situation. */
  readonly summary: string;
  /** What the placeholders stand for, when the message has any. */
  readonly description?: string;
  /** The most specific code on the wire (the category for a category alone), as problem details' `code`. */
  readonly code: string;
  /** The most specific message, as problem details' `detail`. */
  readonly detail: string;
  readonly value: Body;
}

// Several targets and READMEs read a service's examples; the model is
// immutable, so they are built once per service.
const examplesByService = new WeakMap<Service, readonly WireExample[]>();

/** Every body a service answers with, sorted by status, then name. */
export function responseExamples(service: Service): readonly WireExample[] {
  let examples = examplesByService.get(service);
  if (!examples) {
    const built: WireExample[] = [];
    for (const category of service.categories) built.push(categoryExample(service, category));
    for (const code of service.codes) built.push(...codeExamples(service, code));
    examples = Object.freeze(built.sort((a, b) => a.status - b.status || compareText(a.name, b.name)));
    examplesByService.set(service, examples);
  }
  return examples;
}

/** The bodies of the service's framework failures (internal error, not found, …), each once, in the order of `failures`. */
export function failureExamples(service: Service): WireExample[] {
  const { internal, malformedBody, bodyTooLarge, notFound, validation } = service.failures;
  const examples = new Map<string, WireExample>();
  for (const ref of [internal, malformedBody, bodyTooLarge, notFound, validation]) {
    const example = refExample(service, ref);
    if (!examples.has(example.name)) examples.set(example.name, example);
  }
  return [...examples.values()];
}

/**
 * The same examples as RFC 9457 problem details, as the runtime answers a
 * client that asks for `application/problem+json` (`type` from the
 * service's `problemTypeBase`, `about:blank` without one).
 */
export function asProblemDetails(examples: readonly WireExample[], typeBase?: string): WireExample<ProblemDetails>[] {
  return examples.map((example) => ({ ...example, value: problemValue(example.status, example.code, example.detail, typeBase) }));
}

function problemValue(status: number, code: string, detail: string, typeBase: string | undefined): ProblemDetails {
  return problemDetails(status, code, detail, typeBase === undefined ? {} : { typeBase });
}

/** One body per embedded code (no status: these are reported inside resources). */
export function embeddedExamples(embedded: EmbeddedSet, locale: string): WireExample<BatchSchedulingBody>[] {
  return embedded.codes.map((code) => {
    const detail = message(code.message, locale, code.params);
    return {
      name: `${code.category}/${code.name}`,
      status: 0,
      summary: `${code.name} (${code.category})`,
      ...paramNote(code.params),
      code: code.name,
      detail,
      value: batchSchedulingBody(code.category, code.name, detail),
    };
  });
}

function refExample(service: Service, ref: CodeRef): WireExample {
  if (ref.kind === 'category') {
    const category = service.categories.find((candidate) => candidate.name === ref.category);
    if (!category) throw new Error(`${service.id}: unknown category ${ref.category}`);
    return categoryExample(service, category);
  }
  const code = service.codes.find((candidate) => candidate.key === ref.key);
  if (!code) throw new Error(`${service.id}: unknown code ${ref.key}`);
  return codeExamples(service, code)[0]!;
}

function categoryExample(service: Service, category: Category): WireExample {
  const { detail } = categoryMessages(service).get(category.name)!;
  return {
    name: category.name,
    status: category.status,
    summary: `${category.name} (category alone)`,
    code: category.name,
    detail,
    value: restGuidelinesBody(category.name, detail),
  };
}

function codeExamples(service: Service, code: ErrorCode): WireExample[] {
  const situations = code.variants.length > 0 ? code.variants.map((variant) => ({ ...variant, suffix: `.${variant.when}` })) : [{ when: undefined, status: code.status, message: code.message, suffix: '' }];
  return situations.map((situation) => {
    const detail = message(situation.message, service.defaultLocale, code.params);
    return {
      name: `${code.key}${situation.suffix}`,
      status: situation.status,
      summary: situation.when === undefined ? code.key : `${code.key} (${situation.when})`,
      ...paramNote(code.params),
      code: code.name,
      detail,
      value: codeBody(service, code, situation.status, detail),
    };
  });
}

function codeBody(service: Service, code: ErrorCode, status: number, text: string): WireBody {
  switch (service.wireFormat) {
    case 'batch':
      return batchBody(code.name, service.languageTags[service.defaultLocale] ?? service.defaultLocale, text);
    case 'problem-details':
      return problemValue(status, code.name, text, service.problemTypeBase);
    case 'rest-guidelines': {
      const category = code.category === undefined ? undefined : categoryMessages(service).get(code.category);
      if (!category) throw new Error(`${service.id}: ${code.key} has no category`);
      return restGuidelinesBody(category.name, category.detail, { code: code.name, message: text });
    }
  }
}

const categoriesByService = new WeakMap<Service, ReadonlyMap<string, { readonly name: string; readonly detail: string }>>();

/** Each category's default-locale message by name, worked out once per service rather than once per code. */
function categoryMessages(service: Service): ReadonlyMap<string, { readonly name: string; readonly detail: string }> {
  let found = categoriesByService.get(service);
  if (!found) {
    found = new Map(service.categories.map((category) => [category.name, { name: category.name, detail: message(category.message, service.defaultLocale, []) }]));
    categoriesByService.set(service, found);
  }
  return found;
}

function message(text: Localized, locale: string, params: readonly Param[]): string {
  const template = text[locale];
  if (template === undefined) throw new Error(`no ${locale} message`);
  const names: string[] = [];
  for (const param of params) names[param.index] = param.name;
  return compileTemplate(template, names)();
}

function paramNote(params: readonly Param[]): { description?: string } {
  if (params.length === 0) return {};
  const lines = params.map((param) => `\`{${param.name}}\` (${param.type})${param.description ? `: ${param.description}` : ''}`);
  return { description: `Placeholders, filled at runtime:\n\n${lines.map((line) => `- ${line}`).join('\n')}` };
}
