// An error set's data as the runtime reads it, in one place for every target
// that writes it or runs the runtime on it: their bodies cannot differ.

import type { CodeRef, Localized } from '../../model/catalog.js';
import { namesOf, type CodeView, type ErrorSetView } from './error-sets.js';
import type { Data } from './typescript/ts-literal.js';

/**
 * The data the runtime reads; the shape is `ErrorSet` in `@errcat/runtime`.
 * Built once per set and package: the catalog file, the READMEs' examples,
 * the framework adapters and the docs pages all read it (read only; the runtime's indexes
 * of it are kept by object, so they are built once too).
 */
export function catalogData(packageName: string, set: ErrorSetView): Data {
  const cached = dataBySet.get(set);
  if (cached?.packageName === packageName) return cached.data;
  const data = buildCatalogData(packageName, set);
  dataBySet.set(set, { packageName, data });
  return data;
}

const dataBySet = new WeakMap<ErrorSetView, { packageName: string; data: Data }>();

function buildCatalogData(packageName: string, set: ErrorSetView): Data {
  const names = namesOf(set);
  return {
    id: set.id,
    brand: `${packageName}#${set.id}`,
    errorName: names.errorClass,
    wireFormat: set.wireFormat,
    defaultLocale: set.defaultLocale,
    locales: set.locales,
    ...(Object.keys(set.languageTags).length > 0 ? { languageTags: set.languageTags } : {}),
    categories: Object.fromEntries(
      set.categories.map((category) => [
        category.name,
        { name: category.name, title: category.title, status: category.status, message: category.message ? messages(category.message) : undefined },
      ]),
    ),
    codes: Object.fromEntries(set.codes.map((code) => [code.key, codeData(code)])),
    failures: set.failures
      ? {
          internal: refData(set.failures.internal),
          malformedBody: refData(set.failures.malformedBody),
          bodyTooLarge: refData(set.failures.bodyTooLarge),
          notFound: refData(set.failures.notFound),
          validation: refData(set.failures.validation),
        }
      : undefined,
    statuses: set.failures?.statuses ? Object.fromEntries(Object.entries(set.failures.statuses).map(([status, ref]) => [status, refData(ref)])) : undefined,
    errorCodeHeader: set.errorCodeHeader,
    problemTypeBase: set.problemTypeBase,
  };
}

function codeData(code: CodeView): Data {
  return {
    name: code.name,
    category: code.category,
    status: code.status,
    statuses: code.statuses,
    message: messages(code.message),
    messageFromCategory: code.messageFromCategory ? true : undefined,
    variants: code.variants.length ? code.variants.map((variant) => ({ when: variant.when, status: variant.status, message: messages(variant.message) })) : undefined,
    params: code.params.map((param) => ({ name: param.name, type: param.type, description: param.description })),
  };
}

function messages(text: Localized): Data {
  return { ...text };
}

function refData(ref: CodeRef): Data {
  return ref.kind === 'code' ? { kind: 'code', key: ref.key } : { kind: 'category', category: ref.category };
}
