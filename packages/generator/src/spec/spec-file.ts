import type { ParsedSpecFile, SpecPath } from '../load/parse-spec-file.js';
import type { LocalizedText, RawDetailCode, RawEmbeddedCode, RawHttpCode, RawParam, RawSpecFile, RawVariant } from './raw-spec.js';
import type { UnknownPaths } from './unknown-paths.js';

/** A spec file that passed the structural check: typed data plus positions. */
export interface SpecFile {
  source: ParsedSpecFile;
  spec: RawSpecFile;
  /**
   * When the structural check found problems: what it left out of `spec` (so
   * that the rules still check the rest), and required fields that are
   * missing. Where this is given, `spec` may lack fields its type requires.
   */
  unknown?: UnknownPaths;
}

/** Something in a service that carries messages, found wherever it is nested. */
export type MessageEntry =
  | { kind: 'category'; name: string; path: SpecPath; message: LocalizedText | undefined; params: undefined; status: number | undefined }
  | { kind: 'http'; name: string; path: SpecPath; message: LocalizedText | undefined; params: RawParam[] | undefined; code: RawHttpCode }
  | { kind: 'variant'; name: string; path: SpecPath; message: LocalizedText; params: RawParam[] | undefined; variant: RawVariant; owner: RawHttpCode }
  | { kind: 'detail'; name: string; path: SpecPath; message: LocalizedText | undefined; params: RawParam[] | undefined; code: RawDetailCode; category: string; categoryStatus: number | undefined }
  | { kind: 'embedded'; name: string; path: SpecPath; message: LocalizedText | undefined; params: RawParam[] | undefined; code: RawEmbeddedCode; category: string };

/** The places a code name can be listed: a category name, or `codes` for HTTP codes. */
export const HTTP_CODES_PLACE = 'codes';

/** Every message-bearing entry of a service file, in file order. */
export function messageEntries(spec: RawSpecFile): MessageEntry[] {
  const entries: MessageEntry[] = [];
  for (const [name, category] of Object.entries(spec.categories ?? {})) {
    entries.push({ kind: 'category', name, path: ['categories', name], message: category.message, params: undefined, status: category.status });
    for (const [codeName, code] of Object.entries(category.codes ?? {})) {
      entries.push({
        kind: 'detail',
        name: codeName,
        path: ['categories', name, 'codes', codeName],
        message: code.message,
        params: code.params,
        code,
        category: name,
        categoryStatus: category.status,
      });
    }
  }
  for (const [name, code] of Object.entries(spec.codes ?? {})) {
    const path: SpecPath = ['codes', name];
    entries.push({ kind: 'http', name, path, message: code.message, params: code.params, code });
    for (const [index, variant] of (code.variants ?? []).entries()) {
      entries.push({ kind: 'variant', name, path: [...path, 'variants', index], message: variant.message, params: code.params, variant, owner: code });
    }
  }
  for (const [name, category] of Object.entries(spec.embedded?.categories ?? {})) {
    for (const [codeName, code] of Object.entries(category.codes ?? {})) {
      entries.push({
        kind: 'embedded',
        name: codeName,
        path: ['embedded', 'categories', name, 'codes', codeName],
        message: code.message,
        params: code.params,
        code,
        category: name,
      });
    }
  }
  return entries;
}

/** One listing of a code name: where (a category, or `codes`), its path, and the entry itself. */
export interface CodePlace {
  place: string;
  path: SpecPath;
  code: RawDetailCode | RawEmbeddedCode | RawHttpCode;
}

/** Where each code name is listed: name → every place it appears, in file order; from a file's `messageEntries`. */
export function placesOf(entries: readonly MessageEntry[]): Map<string, CodePlace[]> {
  const places = new Map<string, CodePlace[]>();
  for (const entry of entries) {
    if (entry.kind === 'category' || entry.kind === 'variant') continue;
    const place = entry.kind === 'http' ? HTTP_CODES_PLACE : entry.category;
    const list = places.get(entry.name) ?? [];
    list.push({ place, path: entry.path, code: entry.code });
    places.set(entry.name, list);
  }
  return places;
}
