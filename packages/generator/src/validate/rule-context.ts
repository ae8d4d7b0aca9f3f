import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SpecPath } from '../load/parse-spec-file.js';
import type { RawSettings } from '../spec/raw-spec.js';
import type { MessageEntry, SpecFile } from '../spec/spec-file.js';

export interface RuleContext {
  /** Every file that passed the structural check. */
  files: readonly SpecFile[];
  /** The one settings block, when there is exactly one. */
  settings: RawSettings | undefined;
  defaultLocale: string;
  supportedLocales: readonly string[];
  /** Some file failed to parse or to pass the structural check, so cross-file facts (such as where the settings are) are unknown. */
  someFilesUnreadable: boolean;
  /** The settings' locales are given but broken (reported by the structural check): nothing can be judged against them. */
  localesUnknown: boolean;
  /** A file's `messageEntries`, found once for all the rules that walk them. */
  entriesOf(file: SpecFile): readonly MessageEntry[];
}

export type Rule = (context: RuleContext) => Diagnostic[];

/** Nothing at `path` or above it was left out by the structural check: the file says what the rules see there. */
export function isKnown(file: SpecFile, path: SpecPath): boolean {
  return file.unknown?.isKnown(path) ?? true;
}

/** Known, and nothing below `path` left out either. */
export function isWhole(file: SpecFile, path: SpecPath): boolean {
  return file.unknown?.isWhole(path) ?? true;
}

/** Locales a service declares; the default locale alone when it declares none. */
export function serviceLocales(file: SpecFile, context: RuleContext): readonly string[] {
  return file.spec.service?.locales ?? [context.defaultLocale];
}
