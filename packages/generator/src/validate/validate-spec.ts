import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { RawSettings } from '../spec/raw-spec.js';
import { messageEntries, type MessageEntry, type SpecFile } from '../spec/spec-file.js';
import { isWhole, type RuleContext } from './rule-context.js';
import { checkDuplicates } from './rules/duplicates.js';
import { checkFailures } from './rules/failures.js';
import { checkIdentifiers } from './rules/identifiers.js';
import { checkLayout } from './rules/layout.js';
import { checkMessages } from './rules/messages.js';
import { checkSections } from './rules/sections.js';
import { checkSettingsAndServices } from './rules/settings-and-services.js';
import { checkStatuses } from './rules/statuses.js';

const RULES = [checkSettingsAndServices, checkLayout, checkStatuses, checkMessages, checkDuplicates, checkIdentifiers, checkFailures, checkSections];

/** Runs every semantic rule over the structurally valid files; returns all findings at once. */
export function validateSpec(files: readonly SpecFile[], options: { someFilesUnreadable: boolean }): Diagnostic[] {
  const settingsFiles = files.filter((file) => file.spec.settings);
  const settingsFile = settingsFiles.length === 1 ? settingsFiles[0] : undefined;
  const settings = settingsFile?.spec.settings;
  // Settings the structural check found broken are partial (see SpecFile.unknown).
  const locales = settings?.locales as Partial<RawSettings['locales']> | undefined;
  const localesUnknown = settingsFile !== undefined && !isWhole(settingsFile, ['settings', 'locales']);
  const entries = new Map<SpecFile, readonly MessageEntry[]>();
  const context: RuleContext = {
    files,
    settings,
    defaultLocale: locales?.default ?? 'en',
    supportedLocales: locales?.supported ?? [],
    someFilesUnreadable: options.someFilesUnreadable,
    localesUnknown,
    entriesOf: (file) => {
      let found = entries.get(file);
      if (found === undefined) {
        found = messageEntries(file.spec);
        entries.set(file, found);
      }
      return found;
    },
  };
  return RULES.flatMap((rule) => rule(context));
}
