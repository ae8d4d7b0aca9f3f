import type { ErrorObject } from 'ajv';
import specSchema from '../../schema/spec.schema.json' with { type: 'json' };
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { RawSpecFile } from '../spec/raw-spec.js';
import { UnknownPaths } from '../spec/unknown-paths.js';
import { suggest } from '../util/suggest.js';
import type { ParsedSpecFile, SpecPath } from './parse-spec-file.js';
import { specValidator } from './spec-validator.js';

const validateSpec = await specValidator();

/** What each pattern in the schema means, in words a user can act on. */
const PATTERN_MEANINGS: Record<string, string> = {
  [specSchema.definitions.codeName.pattern]: 'a code name: a letter, then letters, digits, `_`, `.` or `-`',
  [specSchema.definitions.locale.pattern]: 'a BCP 47 language tag such as `en`, `fr` or `zh-TW`',
  [specSchema.definitions.codeRef.pattern]: 'a reference `Code`, `Category` or `Category/Code`',
  [specSchema.definitions.settings.properties.scope.pattern]: 'an npm scope such as `@payments`',
  [specSchema.definitions.service.properties.id.pattern]: 'a lowercase id such as `batch` or `ml-studio`',
  [specSchema.definitions.service.properties.name.pattern]: 'a PascalCase name such as `Batch`',
  [specSchema.definitions.param.properties.name.pattern]: 'a camelCase name such as `blob`',
};

export interface StructureResult {
  diagnostics: Diagnostic[];
  /**
   * The data to run the rules on: as written when it is valid; otherwise with
   * typos read as meant and every other offending value left out (listed in
   * `unknown`). Undefined when nothing of the file is sound (not a mapping).
   */
  data: RawSpecFile | undefined;
  unknown: UnknownPaths | undefined;
}

/** Checks one file against the spec schema; every violation becomes a positioned diagnostic. */
export function checkStructure(parsed: ParsedSpecFile): StructureResult {
  if (validateSpec(parsed.data)) return { diagnostics: [], data: parsed.data, unknown: undefined };
  const errors = relevantErrors(validateSpec.errors);
  const seen = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const error of errors) {
    const entry = toDiagnostic(parsed, error);
    const key = `${entry.line}:${entry.column}:${entry.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    diagnostics.push(entry);
  }
  const sound = soundPart(parsed.data, errors);
  return { diagnostics, data: sound?.data, unknown: sound?.unknown };
}

function relevantErrors(errors: readonly ErrorObject[] | null | undefined): ErrorObject[] {
  return (errors ?? []).filter((error) => !isInnerPropertyNameError(error));
}

/** Repairs take a few rounds at most: each one can only reveal a missing field of what it left out. */
const MAX_REPAIR_ROUNDS = 12;

/**
 * One structural mistake should not hide the semantic problems of the rest
 * of the file. A typo (`mesage:`, `wireFormat: bach`) is read as what it was
 * evidently meant to be; any other offending value is left out, and what is
 * left out (or required but missing) is recorded so the rules do not report
 * its absence as a second mistake. A broken list item leaves out the whole
 * list, so the indexes the rules locate by stay those of the file.
 */
function soundPart(data: unknown, firstErrors: readonly ErrorObject[]): { data: RawSpecFile; unknown: UnknownPaths } | undefined {
  const copy = structuredClone(data);
  const unknown = new UnknownPaths();
  let errors = firstErrors;
  for (let round = 0; round < MAX_REPAIR_ROUNDS; round++) {
    let changed = false;
    for (const error of errors) {
      const outcome = repair(copy, error, unknown);
      if (outcome === 'unusable') return undefined;
      if (outcome === 'changed') changed = true;
    }
    if (validateSpec(copy)) return { data: copy, unknown };
    errors = relevantErrors(validateSpec.errors);
    if (errors.every((error) => error.keyword === 'required' && !throughList(pathOf(error.instancePath)))) {
      for (const error of errors) unknown.add([...pathOf(error.instancePath), String(error.params.missingProperty)]);
      return { data: copy as RawSpecFile, unknown };
    }
    if (!changed) return undefined;
  }
  return undefined;
}

type Repair = 'changed' | 'unchanged' | 'unusable';

function repair(data: unknown, error: ErrorObject, unknown: UnknownPaths): Repair {
  const path = pathOf(error.instancePath);
  switch (error.keyword) {
    case 'additionalProperties': {
      const parent = valueAt(data, path);
      if (!isRecord(parent)) return 'unchanged';
      const name = String(error.params.additionalProperty);
      if (!Object.hasOwn(parent, name)) return 'unchanged';
      const meant = suggest(name, Object.keys((error.parentSchema?.properties as Record<string, unknown> | undefined) ?? {}));
      if (meant !== undefined && !Object.hasOwn(parent, meant)) parent[meant] = parent[name];
      delete parent[name];
      return 'changed';
    }
    case 'enum': {
      const value = valueAt(data, path);
      const meant = typeof value === 'string' ? suggest(value, (error.params.allowedValues as unknown[]).map(String)) : undefined;
      const parent = valueAt(data, path.slice(0, -1));
      if (meant === undefined || path.length === 0 || typeof parent !== 'object' || parent === null) return leaveOut(data, path, unknown);
      (parent as Record<string | number, unknown>)[path[path.length - 1]!] = meant;
      return 'changed';
    }
    case 'required':
      // A missing field is recorded once nothing else is left to repair; inside a list item it breaks the list.
      return throughList(path) ? leaveOut(data, path, unknown) : 'unchanged';
    case 'propertyNames':
      return leaveOut(data, [...path, String(error.params.propertyName)], unknown);
    default:
      return leaveOut(data, path, unknown);
  }
}

/** Removes the value at `path` (or the list that holds it) from `data`. */
function leaveOut(data: unknown, path: SpecPath, unknown: UnknownPaths): Repair {
  const listAt = path.findIndex((segment) => typeof segment === 'number');
  const target = listAt === -1 ? path : path.slice(0, listAt);
  if (target.length === 0) return 'unusable';
  const parent = valueAt(data, target.slice(0, -1));
  const key = target[target.length - 1]!;
  unknown.add(target);
  if (!isRecord(parent) || !Object.hasOwn(parent, key)) return 'unchanged';
  delete parent[key];
  return 'changed';
}

function throughList(path: SpecPath): boolean {
  return path.some((segment) => typeof segment === 'number');
}

function isRecord(value: unknown): value is Record<string | number, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toDiagnostic(parsed: ParsedSpecFile, error: ErrorObject): Diagnostic {
  const path = pathOf(error.instancePath);
  const field = fieldName(path);
  const value = valueAt(parsed.data, path);
  switch (error.keyword) {
    case 'additionalProperties': {
      const name = String(error.params.additionalProperty);
      const allowed = Object.keys((error.parentSchema?.properties as Record<string, unknown> | undefined) ?? {});
      return diagnostic('unknownField', parsed.locate([...path, name], 'key'), { field: name, allowed, suggestion: suggest(name, allowed) });
    }
    case 'required':
      return diagnostic('missingField', parsed.locate(path), { field: String(error.params.missingProperty), parent: path.length ? `\`${field}\`` : 'this file' });
    case 'type':
      return diagnostic('wrongType', parsed.locate(path), { field, expected: article(String(error.params.type)), actual: describe(value) });
    case 'enum': {
      const allowed = (error.params.allowedValues as unknown[]).map(String);
      return diagnostic('invalidValue', parsed.locate(path), {
        field,
        value: quote(value),
        expected: `one of ${allowed.join(', ')}`,
        suggestion: typeof value === 'string' ? suggest(value, allowed) : undefined,
      });
    }
    case 'propertyNames': {
      const name = String(error.params.propertyName);
      return diagnostic('invalidValue', parsed.locate([...path, name], 'key'), {
        field: name,
        value: 'a key here',
        expected: meaningOf(propertyNamesPattern(error)),
        suggestion: undefined,
      });
    }
    case 'pattern':
      return diagnostic('invalidValue', parsed.locate(path), { field, value: quote(value), expected: meaningOf(String(error.params.pattern)), suggestion: undefined });
    case 'minProperties':
    case 'minItems':
      return diagnostic('invalidValue', parsed.locate(path), { field, value: 'empty', expected: 'at least one entry', suggestion: undefined });
    case 'uniqueItems':
      return diagnostic('invalidValue', parsed.locate(path), { field, value: quote(value), expected: 'each entry once', suggestion: undefined });
    default:
      return diagnostic('invalidValue', parsed.locate(path), { field, value: quote(value), expected: `a value that ${error.message ?? 'fits the schema'}`, suggestion: undefined });
  }
}

/** ajv reports a bad key twice: once for the key, once for `propertyNames`. Keep the latter. */
function isInnerPropertyNameError(error: ErrorObject): boolean {
  return error.propertyName !== undefined && error.keyword !== 'propertyNames';
}

function propertyNamesPattern(error: ErrorObject): string {
  const names = (error.parentSchema?.propertyNames ?? {}) as { $ref?: string; pattern?: string };
  if (names.pattern) return names.pattern;
  const definition = names.$ref?.split('/').pop() as keyof typeof specSchema.definitions | undefined;
  const target = definition ? (specSchema.definitions[definition] as { pattern?: string }) : undefined;
  return target?.pattern ?? '';
}

function meaningOf(pattern: string): string {
  return PATTERN_MEANINGS[pattern] ?? `text matching ${pattern}`;
}

function pathOf(pointer: string): SpecPath {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

function fieldName(path: SpecPath): string {
  const parts = path.map((segment) => (typeof segment === 'number' ? `[${segment}]` : segment));
  return parts.join('.').replace(/\.\[/g, '[');
}

function valueAt(data: unknown, path: SpecPath): unknown {
  let value = data;
  for (const segment of path) value = (value as Record<string | number, unknown> | undefined)?.[segment];
  return value;
}

/** A value as a diagnostic quotes it: briefly, and a mapping or list by its kind, never written out. */
function quote(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'object' && value !== null) return Array.isArray(value) ? 'a list' : 'a mapping';
  return String(value);
}

function describe(value: unknown): string {
  if (value === null) return 'empty (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the text ${quote(value)}`;
  return `${typeof value} ${quote(value)}`;
}

function article(type: string): string {
  const words: Record<string, string> = { object: 'a mapping', array: 'a list', string: 'text', integer: 'a whole number', number: 'a number', boolean: 'true or false' };
  return type.split(',').map((part) => words[part] ?? part).join(' or ');
}
