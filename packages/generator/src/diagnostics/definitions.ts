// Every diagnostic errcat can report: a stable code, a title, and a message
// built from typed arguments that says what is wrong and what to do. A
// diagnostic that is not defined here cannot be raised (the type of `report`
// only accepts these ids), so none goes undocumented.

export type Severity = 'error' | 'warning';

interface Definition<A> {
  code: string;
  severity: Severity;
  title: string;
  message: (args: A) => string;
}

const define = <A>(definition: Definition<A>): Definition<A> => definition;

/** Text from the user's file, quoted briefly: a pasted paragraph should not fill the terminal. */
const brief = (text: string, max = 60): string => (text.length > max ? `${text.slice(0, max)}…` : text);
const list = (items: readonly string[]): string => items.map((item) => brief(item)).join(', ');
const didYouMean = (suggestion: string | undefined): string => (suggestion ? `; did you mean \`${suggestion}\`?` : '');
/** A field by its path, or the file itself for the top level. */
const named = (field: string): string => (field ? `\`${brief(field, 120)}\`` : 'the file');

export const DIAGNOSTICS = {
  specDirMissing: define<{ dir: string }>({
    code: 'E001',
    severity: 'error',
    title: 'Spec folder missing',
    message: ({ dir }) => `${dir} does not exist; create it with one YAML file per service, or run \`errcat import <page.md>\``,
  }),
  noSpecFiles: define<{ dir: string; skipped?: readonly string[] }>({
    code: 'E002',
    severity: 'error',
    title: 'No spec files',
    message: ({ dir, skipped = [] }) =>
      `${dir} holds no .yaml spec files${skipped.length ? ` (only YAML that is not a catalog: ${list(skipped)})` : ''}; add one per service, or run \`errcat import <page.md>\``,
  }),
  emptyFile: define<Record<string, never>>({
    code: 'E003',
    severity: 'error',
    title: 'Empty spec file',
    message: () => 'this file is empty; a spec file holds `settings:` or a `service:` with its codes (delete the file if it is not needed)',
  }),
  binaryFile: define<Record<string, never>>({
    code: 'E004',
    severity: 'error',
    title: 'Not a text file',
    message: () => 'this is not a UTF-8 text file; spec files are YAML text (move binary files out of the spec folder)',
  }),
  fileTooLarge: define<{ size: string; limit: string }>({
    code: 'E005',
    severity: 'error',
    title: 'Spec file too large',
    message: ({ size, limit }) => `this file is ${size}, over the ${limit} limit; split the catalog into one file per service`,
  }),
  unreadableFile: define<{ reason: string }>({
    code: 'E006',
    severity: 'error',
    title: 'Spec file cannot be read',
    message: ({ reason }) => `this file cannot be read: ${reason}; fix or remove it`,
  }),

  yamlSyntax: define<{ detail: string }>({
    code: 'E101',
    severity: 'error',
    title: 'YAML syntax error',
    message: ({ detail }) => `YAML syntax error: ${brief(detail, 240)}`,
  }),
  duplicateKey: define<{ key: string }>({
    code: 'E102',
    severity: 'error',
    title: 'Duplicate key',
    message: ({ key }) => `\`${brief(key)}\` is listed twice in the same mapping; keep one (a code with two statuses uses \`variants\`)`,
  }),
  unknownField: define<{ field: string; allowed: readonly string[]; suggestion: string | undefined }>({
    code: 'E103',
    severity: 'error',
    title: 'Unknown field',
    message: ({ field, allowed, suggestion }) =>
      `unknown field \`${brief(field)}\`${didYouMean(suggestion)}${suggestion ? '' : `; allowed here: ${list(allowed)}`}`,
  }),
  wrongType: define<{ field: string; expected: string; actual: string }>({
    code: 'E104',
    severity: 'error',
    title: 'Wrong type',
    message: ({ field, expected, actual }) => `${named(field)} must be ${expected}, not ${actual}`,
  }),
  missingField: define<{ field: string; parent: string }>({
    code: 'E105',
    severity: 'error',
    title: 'Missing field',
    message: ({ field, parent }) => `${parent} needs \`${field}\``,
  }),
  invalidValue: define<{ field: string; value: string; expected: string; suggestion: string | undefined }>({
    code: 'E106',
    severity: 'error',
    title: 'Invalid value',
    message: ({ field, value, expected, suggestion }) => `${named(field)} cannot be ${value}: expected ${expected}${didYouMean(suggestion)}`,
  }),

  aliasLoop: define<{ alias: string }>({
    code: 'E107',
    severity: 'error',
    title: 'Alias inside the value it names',
    message: ({ alias }) => `\`*${brief(alias)}\` is inside the value its anchor \`&${brief(alias)}\` names, so that value would never end; write the value out instead of the alias`,
  }),
  aliasExpansion: define<{ aliases: number; size: number; maxAliases: number; maxSize: number }>({
    code: 'E108',
    severity: 'error',
    title: 'Aliases expand too far',
    message: ({ aliases, size, maxAliases, maxSize }) =>
      `this file's aliases (${aliases.toLocaleString('en-US')}, to ${size.toLocaleString('en-US')} values written out) go past what errcat reads: at most ${maxAliases.toLocaleString('en-US')} aliases adding ${maxSize.toLocaleString('en-US')} values; write the values out, or alias less`,
  }),
  nestingTooDeep: define<{ limit: number }>({
    code: 'E109',
    severity: 'error',
    title: 'Nested too deeply',
    message: ({ limit }) => `the YAML nests deeper than ${limit} levels here; a spec file needs about eight (look for unclosed \`[\` or \`{\`, or indentation that keeps growing)`,
  }),
  notUtf8Text: define<Record<string, never>>({
    code: 'E110',
    severity: 'error',
    title: 'Text that cannot be written as UTF-8',
    message: () =>
      'this text holds half of a UTF-16 surrogate pair (an escape such as `\\ud800` without its partner), which UTF-8 cannot encode, so generated files could never match it; write the whole character (`\\U0001F600` or the character itself) or remove the escape',
  }),

  settingsMissing: define<Record<string, never>>({
    code: 'E201',
    severity: 'error',
    title: 'No settings',
    message: () => 'no spec file holds `settings:`; add spec/errcat.yaml with `settings: { scope, targets, locales }`',
  }),
  settingsRepeated: define<{ first: string }>({
    code: 'E202',
    severity: 'error',
    title: 'Settings given twice',
    message: ({ first }) => `\`settings:\` is already given at ${first}; keep one`,
  }),
  serviceRepeated: define<{ id: string; first: string }>({
    code: 'E203',
    severity: 'error',
    title: 'Service given twice',
    message: ({ id, first }) => `service \`${id}\` is already defined at ${first}; give each service its own id`,
  }),
  codesWithoutService: define<Record<string, never>>({
    code: 'E204',
    severity: 'error',
    title: 'Codes without a service',
    message: () => 'this file lists codes but no `service:`; add `service: { id, name, title, wireFormat, failures }`',
  }),
  settingsWithService: define<Record<string, never>>({
    code: 'E205',
    severity: 'error',
    title: 'Settings and a service in one file',
    message: () => 'keep `settings:` in a file of its own (spec/errcat.yaml) and one service per file',
  }),
  unsupportedLocale: define<{ locale: string; supported: readonly string[]; suggestion: string | undefined }>({
    code: 'E206',
    severity: 'error',
    title: 'Locale not supported',
    message: ({ locale, supported, suggestion }) =>
      suggestion
        ? `locale \`${locale}\` is not in \`settings.locales.supported\`; did you mean \`${suggestion}\`?`
        : `locale \`${locale}\` is not in \`settings.locales.supported\` (${list(supported)}); add it there or remove it here`,
  }),
  localeNotInService: define<{ locale: string; service: string; locales: readonly string[] }>({
    code: 'E207',
    severity: 'error',
    title: 'Text in a locale the service does not declare',
    message: ({ locale, service, locales }) => `text in \`${locale}\`, but service \`${service}\` declares locales ${list(locales)}; add \`${locale}\` to \`service.locales\` or remove this text`,
  }),
  defaultLocaleNotSupported: define<{ locale: string }>({
    code: 'E208',
    severity: 'error',
    title: 'Default locale not supported',
    message: ({ locale }) => `the default locale \`${locale}\` must also be listed in \`locales.supported\``,
  }),
  serviceWithoutDefaultLocale: define<{ locale: string }>({
    code: 'E209',
    severity: 'error',
    title: 'Service without the default locale',
    message: ({ locale }) => `\`service.locales\` must include the default locale \`${locale}\`, which every message falls back to`,
  }),
  wrongSection: define<{ section: string; wireFormat: string; expected: string }>({
    code: 'E210',
    severity: 'error',
    title: 'Section does not fit the wire format',
    message: ({ section, wireFormat, expected }) => `\`${section}\` does not fit wire format \`${wireFormat}\`; list its codes under \`${expected}\``,
  }),

  statusOutOfRange: define<{ status: number }>({
    code: 'E301',
    severity: 'error',
    title: 'Status out of range',
    message: ({ status }) => `status ${status} is not an HTTP status; use a number from 100 to 599`,
  }),
  statusClassMismatch: define<{ code: string; status: number; category: string; categoryStatus: number }>({
    code: 'E302',
    severity: 'error',
    title: 'Status class differs from its category',
    message: ({ code, status, category, categoryStatus }) =>
      `${code} has status ${status} but its category ${category} is ${categoryStatus}; a ${Math.floor(categoryStatus / 100)}xx category holds only ${Math.floor(categoryStatus / 100)}xx codes (move the code to a matching category)`,
  }),
  unresolvedDuplicate: define<{ code: string; here: string; others: readonly string[] }>({
    code: 'E303',
    severity: 'error',
    title: 'Duplicate code not resolved',
    message: ({ code, here, others }) =>
      `${code} is listed under ${here} and also under ${list(others)}; if both are meant, add \`alsoIn: [${list(others)}]\` here (and name this place on the others), otherwise remove one`,
  }),
  alsoInMismatch: define<{ code: string; place: string }>({
    code: 'E304',
    severity: 'error',
    title: '`alsoIn` names a place without this code',
    message: ({ code, place }) => `\`alsoIn\` names \`${place}\`, but ${code} is not listed there; remove it from \`alsoIn\``,
  }),
  missingStatus: define<{ code: string }>({
    code: 'E305',
    severity: 'error',
    title: 'No status',
    message: ({ code }) => `${code} has no \`status\`; give it one (or \`variants\` when it answers with several)`,
  }),
  statusAndVariants: define<{ code: string }>({
    code: 'E306',
    severity: 'error',
    title: 'Both status and variants',
    message: ({ code }) => `${code} has both \`status\`/\`message\` and \`variants\`; keep the statuses and messages inside \`variants\` only`,
  }),
  duplicateVariant: define<{ code: string; when: string }>({
    code: 'E307',
    severity: 'error',
    title: 'Variant repeated',
    message: ({ code, when }) => `${code} has two variants named \`${when}\`; give each its own \`when\``,
  }),
  identifierCollision: define<{ code: string; other: string; identifier: string }>({
    code: 'E308',
    severity: 'error',
    title: 'TypeScript identifiers collide',
    message: ({ code, other, identifier }) => `${code} and ${other} would both become the TypeScript identifier \`${identifier}\`; rename one`,
  }),
  categoryWithoutStatus: define<{ category: string }>({
    code: 'E309',
    severity: 'error',
    title: 'Category without status',
    message: ({ category }) => `category ${category} has no \`status\`; the status of its responses comes from it`,
  }),
  statusNotAnError: define<{ status: number }>({
    code: 'E310',
    severity: 'error',
    title: 'Status below 300 for an error',
    message: ({ status }) =>
      `status ${status} is not an error: ${status < 200 ? '1xx is informational' : '2xx is success'}; use the 4xx or 5xx status clients get for this error (3xx only for answers such as 304 Not Modified)`,
  }),
  targetNeedsTarget: define<{ target: string; needs: readonly string[] }>({
    code: 'E212',
    severity: 'error',
    title: 'Target without the targets it builds on',
    message: ({ target, needs }) => `target \`${target}\` builds on ${needs.map((name) => `\`${name}\``).join(' and ')}; add ${needs.length === 1 ? 'it' : 'them'} to \`settings.targets\` or remove \`${target}\``,
  }),
  packageDirOutside: define<{ target: string; dir: string }>({
    code: 'E213',
    severity: 'error',
    title: 'Package folder outside the project',
    message: ({ target, dir }) => `the \`${target}\` package would go to \`${dir}\`, outside the project root; give a folder relative to the root, such as \`packages/${target}\``,
  }),
  packageDirShared: define<{ target: string; dir: string; other: string; otherDir: string }>({
    code: 'E214',
    severity: 'error',
    title: 'Two packages in one folder',
    message: ({ target, dir, other, otherDir }) =>
      `the \`${target}\` package (\`${dir}\`) ${dir === otherDir ? 'shares its folder with' : 'overlaps the folder of'} \`${other}\` (\`${otherDir}\`); each package needs a folder of its own: use \`{target}\` in \`settings.output\` or set \`settings.packages.<target>.dir\``,
  }),
  packageNameShared: define<{ target: string; name: string; other: string }>({
    code: 'E215',
    severity: 'error',
    title: 'Two packages with one name',
    message: ({ target, name, other }) => `the \`${target}\` and \`${other}\` packages would both be named \`${name}\`; give one another \`settings.packages.<target>.name\``,
  }),
  categoryKeyReused: define<{ category: string }>({
    code: 'E311',
    severity: 'error',
    title: 'Category name used twice',
    message: ({ category }) => `category \`${category}\` is defined both under \`categories\` and \`embedded.categories\`; rename one`,
  }),
  unknownSection: define<{ code: string; section: string; sections: readonly string[]; suggestion?: string }>({
    code: 'E312',
    severity: 'error',
    title: 'Code in an unknown section',
    message: ({ code, section, sections, suggestion }) =>
      sections.length === 0
        ? `${code} names section \`${brief(section)}\`, but the service has no \`sections\`; add \`sections: { ${brief(section)}: { title: { … } } }\` or remove \`section\``
        : `${code} names section \`${brief(section)}\`, which is not under \`sections\` (${list(sections)}); use one of those keys or add the section${didYouMean(suggestion)}`,
  }),

  sectionWithoutDefaultTitle: define<{ section: string; locale: string }>({
    code: 'E313',
    severity: 'error',
    title: 'Section title not in the default locale',
    message: ({ section, locale }) => `${section} has no title in the default locale \`${locale}\`; add \`${locale}:\` under \`title\` (other locales fall back to it)`,
  }),
  repeatedAnchor: define<{ anchor: string; first: string }>({
    code: 'E314',
    severity: 'error',
    title: 'Anchor used twice on one page',
    message: ({ anchor, first }) => `anchor \`${brief(anchor)}\` is already the anchor of \`${first}\`; links to it would land there; give each heading its own anchor`,
  }),

  sectionsBesideCategories: define<{ service: string }>({
    code: 'W315',
    severity: 'warning',
    title: 'Sections in a service with categories',
    message: ({ service }) => `${service} has \`categories\`, so its docs list codes by category and ignore \`sections\`; remove \`sections\` (and each code's \`section\`), or move the codes out of categories`,
  }),

  missingDefaultMessage: define<{ what: string; locale: string }>({
    code: 'E401',
    severity: 'error',
    title: 'No message in the default locale',
    message: ({ what, locale }) => `${what} has no message in the default locale \`${locale}\`; add \`${locale}:\` (other locales fall back to it)`,
  }),
  placeholderMismatch: define<{ locale: string; defaultLocale: string; expected: readonly string[]; actual: readonly string[] }>({
    code: 'E402',
    severity: 'error',
    title: 'Placeholders differ between locales',
    message: ({ locale, defaultLocale, expected, actual }) =>
      `the \`${locale}\` message uses ${actual.length ? list(actual) : 'no placeholders'} but \`${defaultLocale}\` uses ${expected.length ? list(expected) : 'none'}; every locale must use the same placeholders`,
  }),
  paramUnused: define<{ param: string; placeholder: string }>({
    code: 'E403',
    severity: 'error',
    title: 'Param declared but unused',
    message: ({ param, placeholder }) => `param \`${param}\` is declared but no message uses ${placeholder}; remove the param or use it`,
  }),
  paramUndeclared: define<{ placeholder: string }>({
    code: 'E404',
    severity: 'error',
    title: 'Placeholder without a param',
    message: ({ placeholder }) => `${placeholder} is used but no param declares it; add it to \`params\` with a name and type`,
  }),
  duplicateParam: define<{ param: string }>({
    code: 'E405',
    severity: 'error',
    title: 'Param name repeated',
    message: ({ param }) => `param \`${param}\` is declared twice; give each param its own name`,
  }),
  emptyMessage: define<{ locale: string }>({
    code: 'E406',
    severity: 'error',
    title: 'Empty message',
    message: ({ locale }) => `the \`${locale}\` message is empty; remove \`message\` to answer with the category's message, or write one`,
  }),
  missingTranslation: define<{ what: string; locales: readonly string[] }>({
    code: 'W407',
    severity: 'warning',
    title: 'Missing translation',
    message: ({ what, locales }) => `${what} has no message in ${list(locales)}; clients asking for ${locales.length === 1 ? 'it' : 'those'} get the default locale`,
  }),
  malformedPlaceholder: define<{ text: string }>({
    code: 'E408',
    severity: 'error',
    title: 'Malformed placeholder',
    message: ({ text }) => `\`${brief(text)}\` looks like a placeholder but is not \`{0}\` or \`{name}\`; write \`{{\` and \`}}\` for literal braces`,
  }),

  reservedParamName: define<{ param: string }>({
    code: 'E409',
    severity: 'error',
    title: 'Param name every object already has',
    message: ({ param }) => `param \`${brief(param)}\` is a name every JavaScript object already has (from \`Object.prototype\`); rename it, such as \`${brief(param)}Name\``,
  }),

  unresolvedReference: define<{ field: string; ref: string; suggestion: string | undefined }>({
    code: 'E501',
    severity: 'error',
    title: 'Unknown code reference',
    message: ({ field, ref, suggestion }) => `\`${field}\` names \`${ref}\`, which is not a code or category of this service${didYouMean(suggestion)}`,
  }),
  ambiguousReference: define<{ field: string; ref: string; choices: readonly string[] }>({
    code: 'E502',
    severity: 'error',
    title: 'Ambiguous code reference',
    message: ({ field, ref, choices }) => `\`${field}\` names \`${ref}\`, which is listed under several categories; write one of ${list(choices)}`,
  }),
  failureStatusClass: define<{ field: string; ref: string; status: number; expected: string }>({
    code: 'E503',
    severity: 'error',
    title: 'Failure answered with the wrong status class',
    message: ({ field, ref, status, expected }) => `\`${field}\` names ${ref} (status ${status}); it needs a ${expected} code`,
  }),
} as const;

export type DiagnosticId = keyof typeof DIAGNOSTICS;
export type DiagnosticArgs<Id extends DiagnosticId> = Parameters<(typeof DIAGNOSTICS)[Id]['message']>[0];
