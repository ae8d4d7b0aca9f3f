// What changed between two catalogs, each change with what it means under
// semver for a consumer of the generated packages. Pure: two Catalog models
// in, a sorted list of changes out.

import { FAILURE_KINDS } from '@errcat/runtime';
import type { Catalog, Localized, Param, TargetName } from '../model/catalog.js';
import { errorSets, namesOf, type CodeView, type ErrorSetView } from '../targets/shared/error-sets.js';
import { compareText } from '../util/sort.js';
import { compareDocumentation } from './compare-documentation.js';

export type Level = 'major' | 'minor' | 'patch';

export const LEVELS: readonly Level[] = ['patch', 'minor', 'major'];

export interface Change {
  readonly level: Level;
  /** The error set (`ml-studio`, `batch-scheduling`), or `settings` for catalog-wide changes. */
  readonly scope: string;
  readonly message: string;
  /**
   * The packages this change concerns, when it is not all of them (the
   * failures mapping is behaviour of the middleware, not of the codes).
   */
  readonly only?: readonly TargetName[];
}

const MIDDLEWARE: readonly TargetName[] = ['express', 'fastify'];

/** Every change from `base` to `head`, grouped by error set, most severe first within each. */
export function compareCatalogs(base: Catalog, head: Catalog): Change[] {
  const changes: Change[] = [...compareSettings(base, head)];
  const baseSets = new Map(errorSets(base).map((set) => [set.id, set]));
  const headSets = new Map(errorSets(head).map((set) => [set.id, set]));
  for (const [id, set] of baseSets) {
    if (!headSets.has(id)) changes.push({ level: 'major', scope: id, message: `${set.title} removed, with its ${set.codes.length} codes` });
  }
  for (const [id, set] of headSets) {
    const before = baseSets.get(id);
    if (!before) changes.push({ level: 'minor', scope: id, message: `${set.title} added, with ${set.codes.length} codes` });
    else changes.push(...compareSets(before, set));
  }
  changes.push(...compareDocumentation(base, head));
  return changes.sort((a, b) => compareText(a.scope, b.scope) || LEVELS.indexOf(b.level) - LEVELS.indexOf(a.level) || compareText(a.message, b.message));
}

function compareSettings(base: Catalog, head: Catalog): Change[] {
  const changes: Change[] = [];
  const at = (level: Level, message: string, only?: readonly TargetName[]): Change => ({ level, scope: 'settings', message, ...(only ? { only } : {}) });
  if (base.settings.scope !== head.settings.scope) changes.push(at('major', `scope ${base.settings.scope} → ${head.settings.scope}: every package has a new name`));
  for (const target of head.settings.targets) {
    const [before, after] = [base.settings.packages[target], head.settings.packages[target]];
    if (before.name !== after.name && base.settings.scope === head.settings.scope) changes.push(at('major', `${target} package renamed ${before.name} → ${after.name}`, [target]));
  }
  if (base.settings.enumStyle !== head.settings.enumStyle) {
    changes.push(at('major', `enum style ${base.settings.enumStyle} → ${head.settings.enumStyle}: the enums' types change`, ['codes', ...MIDDLEWARE]));
  }
  if (base.settings.defaultLocale !== head.settings.defaultLocale) changes.push(at('major', `default locale ${base.settings.defaultLocale} → ${head.settings.defaultLocale}`));
  // A default $id base follows the scope, whose change already says it all.
  if (base.settings.jsonSchemaIdBase !== head.settings.jsonSchemaIdBase && base.settings.scope === head.settings.scope) changes.push(at('major', `JSON Schema $id base ${base.settings.jsonSchemaIdBase} → ${head.settings.jsonSchemaIdBase}`, ['json-schema', 'fastify']));
  if (JSON.stringify(base.settings.metadata) !== JSON.stringify(head.settings.metadata)) changes.push(at('patch', 'package metadata (license, author, repository, homepage)'));
  return changes;
}

function compareSets(base: ErrorSetView, head: ErrorSetView): Change[] {
  const changes: Change[] = [];
  const at = (level: Level, message: string, only?: readonly TargetName[]): Change => ({ level, scope: head.id, message, ...(only ? { only } : {}) });
  if (base.wireFormat !== head.wireFormat) changes.push(at('major', `wire format ${base.wireFormat} → ${head.wireFormat}: every body changes shape`));
  if (base.prefix !== head.prefix) changes.push(at('major', `TypeScript names ${namesOf(base).codeEnum} → ${namesOf(head).codeEnum}`));
  for (const locale of base.locales) if (!head.locales.includes(locale)) changes.push(at('major', `locale ${locale} removed`));
  for (const locale of head.locales) if (!base.locales.includes(locale)) changes.push(at('minor', `locale ${locale} added`));
  changes.push(...compareCategories(base, head, at));
  const baseCodes = new Map(base.codes.map((code) => [code.key, code]));
  const headCodes = new Map(head.codes.map((code) => [code.key, code]));
  for (const [key, code] of baseCodes) {
    if (headCodes.has(key)) continue;
    const successor = head.codes.find((candidate) => !baseCodes.has(candidate.key) && sameMeaning(code, candidate));
    changes.push(at('major', successor ? `${key} renamed to ${successor.key} (clients matching ${key} no longer see it)` : `${key} removed`));
  }
  for (const [key, code] of headCodes) {
    const before = baseCodes.get(key);
    if (!before) {
      // Minor by semver (the union grows); but a client with an exhaustive
      // `switch` over the enum stops compiling, so the report says so.
      changes.push(at('minor', `${key} added${code.status === undefined ? '' : ` (${code.status})`}; a client with an exhaustive switch over ${namesOf(head).codeEnum} must handle it`));
    } else {
      changes.push(...compareCodes(before, code, at));
    }
  }
  if (base.failures && head.failures) {
    for (const kind of FAILURE_KINDS) {
      const [before, after] = [JSON.stringify(base.failures[kind]), JSON.stringify(head.failures[kind])];
      if (before !== after) changes.push(at('major', `failures.${kind} answers with ${refText(head.failures[kind])} instead of ${refText(base.failures[kind])}`, MIDDLEWARE));
    }
    const [baseStatuses, headStatuses] = [base.failures.statuses ?? {}, head.failures.statuses ?? {}];
    for (const status of [...new Set([...Object.keys(baseStatuses), ...Object.keys(headStatuses)])].sort((a, b) => Number(a) - Number(b))) {
      const [before, after] = [baseStatuses[status], headStatuses[status]];
      if (JSON.stringify(before) === JSON.stringify(after)) continue;
      const was = before === undefined ? 'internal' : refText(before);
      changes.push(at('major', `failures.statuses.${status} answers with ${after === undefined ? 'internal' : refText(after)} instead of ${was}`, MIDDLEWARE));
    }
  }
  return changes;
}

type At = (level: Level, message: string, only?: readonly TargetName[]) => Change;

function compareCategories(base: ErrorSetView, head: ErrorSetView, at: At): Change[] {
  const changes: Change[] = [];
  const baseCategories = new Map(base.categories.map((category) => [category.name, category]));
  for (const category of base.categories) if (!head.categories.some((entry) => entry.name === category.name)) changes.push(at('major', `category ${category.name} removed`));
  for (const category of head.categories) {
    const before = baseCategories.get(category.name);
    if (!before) {
      changes.push(at('minor', `category ${category.name} added`));
      continue;
    }
    if (before.status !== category.status) changes.push(at('major', `category ${category.name}: status ${before.status} → ${category.status}`));
    changes.push(...compareMessages(`category ${category.name}`, before.message, category.message, at));
    if (before.title !== category.title) changes.push(at('patch', `category ${category.name}: title reworded`));
  }
  return changes;
}

function compareCodes(base: CodeView, head: CodeView, at: At): Change[] {
  const changes: Change[] = [];
  if (base.category !== head.category) changes.push(at('major', `${head.key}: category ${base.category} → ${head.category}`));
  if (base.status !== head.status || JSON.stringify(base.statuses) !== JSON.stringify(head.statuses)) {
    changes.push(at('major', `${head.key}: status ${statusText(base)} → ${statusText(head)}`));
  }
  const baseVariants = new Map(base.variants.map((variant) => [variant.when, variant]));
  for (const variant of base.variants) if (!head.variants.some((entry) => entry.when === variant.when)) changes.push(at('major', `${head.key}: variant ${variant.when} removed`));
  for (const variant of head.variants) {
    const before = baseVariants.get(variant.when);
    if (!before) changes.push(at('minor', `${head.key}: variant ${variant.when} (${variant.status}) added`));
    else changes.push(...compareMessages(`${head.key} (${variant.when})`, before.message, variant.message, at));
  }
  changes.push(...compareParams(head.key, base.params, head.params, at));
  if (!(base.messageFromCategory && head.messageFromCategory)) changes.push(...compareMessages(head.key, base.message, head.message, at));
  return changes;
}

function compareParams(key: string, base: readonly Param[], head: readonly Param[], at: At): Change[] {
  const changes: Change[] = [];
  const byName = new Map(base.map((param) => [param.name, param]));
  for (const param of base) if (!head.some((entry) => entry.name === param.name)) changes.push(at('major', `${key}: placeholder {${param.name}} removed`));
  for (const param of head) {
    const before = byName.get(param.name);
    if (!before) changes.push(at('major', `${key}: placeholder {${param.name}} added; callers must pass it`));
    else if (before.type !== param.type) changes.push(at('major', `${key}: placeholder {${param.name}} is ${param.type}, was ${before.type}`));
    else if (before.index !== param.index) changes.push(at('major', `${key}: placeholder {${param.name}} moved from position ${before.index} to ${param.index}`));
    else if (!before.description && param.description) changes.push(at('minor', `${key}: placeholder {${param.name}} described`));
    else if (before.description !== param.description) changes.push(at('patch', `${key}: placeholder {${param.name}} description reworded`));
  }
  return changes;
}

/** Messages per locale: a translation added is minor, removed major (clients fall back), reworded patch. */
function compareMessages(what: string, base: Localized | undefined, head: Localized | undefined, at: At): Change[] {
  const changes: Change[] = [];
  const before = base ?? {};
  const after = head ?? {};
  const removed = Object.keys(before).filter((locale) => !(locale in after));
  const added = Object.keys(after).filter((locale) => !(locale in before));
  const reworded = Object.keys(after).filter((locale) => locale in before && before[locale] !== after[locale]);
  if (removed.length > 0) changes.push(at('major', `${what}: translation removed (${removed.join(', ')}); clients asking for it get the default locale`));
  if (added.length > 0) changes.push(at('minor', `${what}: translation added (${added.join(', ')})`));
  if (reworded.length > 0) changes.push(at('patch', `${what}: message reworded (${reworded.join(', ')})`));
  return changes;
}

function statusText(code: CodeView): string {
  return code.statuses && code.statuses.length > 1 ? code.statuses.join('/') : String(code.status);
}

/** A removed and an added code that answer the same: read as a rename, so the report says so. */
function sameMeaning(a: CodeView, b: CodeView): boolean {
  return a.status === b.status && a.category === b.category && JSON.stringify(a.message) === JSON.stringify(b.message);
}

function refText(ref: { kind: 'code'; key: string } | { kind: 'category'; category: string }): string {
  return ref.kind === 'code' ? ref.key : ref.category;
}
