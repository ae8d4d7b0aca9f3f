import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SpecFile } from '../spec/spec-file.js';
import type { RuleContext } from './rule-context.js';
import { checkDuplicates } from './rules/duplicates.js';
import { checkFailures } from './rules/failures.js';
import { checkIdentifiers } from './rules/identifiers.js';
import { checkLayout } from './rules/layout.js';
import { checkMessages } from './rules/messages.js';
import { checkSettingsAndServices } from './rules/settings-and-services.js';
import { checkStatuses } from './rules/statuses.js';

const RULES = [checkSettingsAndServices, checkLayout, checkStatuses, checkMessages, checkDuplicates, checkIdentifiers, checkFailures];

/** Runs every semantic rule over the structurally valid files; returns all findings at once. */
export function validateSpec(files: readonly SpecFile[], options: { someFilesUnreadable: boolean }): Diagnostic[] {
  const settingsFiles = files.filter((file) => file.spec.settings);
  const settings = settingsFiles.length === 1 ? settingsFiles[0]!.spec.settings : undefined;
  const context: RuleContext = {
    files,
    settings,
    defaultLocale: settings?.locales.default ?? 'en',
    supportedLocales: settings?.locales.supported ?? [],
    someFilesUnreadable: options.someFilesUnreadable,
  };
  return RULES.flatMap((rule) => rule(context));
}
