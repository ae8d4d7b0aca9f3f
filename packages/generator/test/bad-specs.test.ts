import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCatalogFromTexts } from '../src/load/load-catalog.js';

// Each case is the valid spec in `_base/` with the files of its own folder
// laid over it; the table lists every diagnostic the case must produce, in
// order: code, file, line, column. Nothing more, nothing less.

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'bad-specs');

function loadCase(name: string) {
  const files = new Map<string, string>();
  for (const folder of ['_base', name]) {
    for (const file of readdirSync(path.join(fixtures, folder))) files.set(file, readFileSync(path.join(fixtures, folder, file), 'utf8'));
  }
  return loadCatalogFromTexts([...files].sort(([a], [b]) => (a < b ? -1 : 1)).map(([file, text]) => ({ file, text })));
}

type Expected = [code: string, file: string, line: number, column: number];

const cases: Array<[string, Expected[]]> = [
  ['alias-bomb', [
    ['E108', 'shop.yaml', 2, 10],
  ]],
  ['alias-loop', [
    ['E107', 'shop.yaml', 29, 14],
  ]],
  // A typo read as meant is still checked (E212); a broken default locale
  // silences what would be judged against it, in every file.
  ['broken-settings', [
    ['E106', 'errcat.yaml', 3, 13],
    ['E212', 'errcat.yaml', 3, 13],
    ['E106', 'errcat.yaml', 5, 14],
  ]],
  ['default-locale-unsupported', [
    ['E208', 'errcat.yaml', 5, 14],
  ]],
  ['duplicate-key', [
    ['W407', 'shop.yaml', 16, 5],
    ['E102', 'shop.yaml', 24, 3],
  ]],
  // Duplicate keys together with what only js-yaml rejects: both located, no crash.
  ['duplicate-key-and-alias', [
    ['E102', 'shop.yaml', 21, 5],
    ['E101', 'shop.yaml', 28, 21],
  ]],
  ['duplicate-key-and-control-character', [
    ['E102', 'shop.yaml', 21, 5],
    ['E101', 'shop.yaml', 28, 29],
  ]],
  ['duplicate-key-and-tag', [
    ['E102', 'shop.yaml', 21, 5],
    ['E101', 'shop.yaml', 28, 44],
  ]],
  ['empty-file', [
    ['E003', 'shop.yaml', 0, 0],
  ]],
  ['failures', [
    ['E503', 'shop.yaml', 8, 15],
    ['E501', 'shop.yaml', 11, 15],
    ['E501', 'shop.yaml', 12, 17],
    ['E503', 'shop.yaml', 14, 12],
    ['E501', 'shop.yaml', 15, 12],
  ]],
  ['identifier-collision', [
    ['E308', 'shop.yaml', 24, 3],
  ]],
  ['locale-case', [
    ['E206', 'shop.yaml', 6, 13],
  ]],
  ['locales', [
    ['E206', 'shop.yaml', 6, 21],
    ['E207', 'shop.yaml', 24, 7],
    ['W407', 'shop.yaml', 27, 5],
  ]],
  ['lone-surrogate', [
    ['E110', 'shop.yaml', 22, 11],
    ['E110', 'shop.yaml', 28, 11],
  ]],
  ['message-missing-in-default-locale', [
    ['E401', 'lab.yaml', 19, 9],
    ['E207', 'lab.yaml', 20, 11],
  ]],
  ['missing-default-message', [
    ['E401', 'shop.yaml', 21, 5],
  ]],
  ['nesting-too-deep', [
    ['E109', 'shop.yaml', 27, 71],
  ]],
  ['one-indent-many-lines', [
    ['E101', 'shop.yaml', 20, 1],
  ]],
  ['params', [
    ['E404', 'shop.yaml', 20, 7],
    ['E405', 'shop.yaml', 22, 15],
    ['E403', 'shop.yaml', 24, 9],
  ]],
  ['placeholders', [
    ['E402', 'shop.yaml', 23, 11],
    ['E404', 'shop.yaml', 30, 7],
    ['E402', 'shop.yaml', 31, 11],
    ['E408', 'shop.yaml', 31, 11],
  ]],
  // `__proto__` already fails the param name pattern (E106).
  ['reserved-param-names', [
    ['E409', 'shop.yaml', 25, 17],
    ['E409', 'shop.yaml', 26, 17],
    ['E409', 'shop.yaml', 27, 17],
    ['E409', 'shop.yaml', 28, 17],
    ['E106', 'shop.yaml', 35, 17],
  ]],
  ['several-kinds-in-one-file', [
    ['E106', 'shop.yaml', 5, 15],
    ['E103', 'shop.yaml', 20, 5],
    ['E301', 'shop.yaml', 20, 5],
    ['E102', 'shop.yaml', 26, 5],
  ]],
  ['status-below-300', [
    ['E310', 'lab.yaml', 19, 17],
    ['E310', 'lab.yaml', 26, 13],
    ['E310', 'shop.yaml', 20, 13],
    ['E310', 'shop.yaml', 34, 17],
  ]],
  ['status-class', [
    ['E503', 'lab.yaml', 8, 20],
    ['E503', 'lab.yaml', 9, 19],
    ['E503', 'lab.yaml', 11, 17],
    ['E302', 'lab.yaml', 19, 17],
  ]],
  ['status-range', [
    ['E301', 'shop.yaml', 20, 13],
    ['E301', 'shop.yaml', 25, 13],
  ]],
  // Structural problems (E104, E105) and the rules' findings in one run; what the
  // structural check left out is not reported again as missing (no E305 for
  // NotFound, no E401 for ConditionNotMet, no E503 for ServerFault).
  ['structural-and-semantic', [
    ['E105', 'lab.yaml', 25, 5],
    ['E104', 'lab.yaml', 25, 13],
    ['E404', 'lab.yaml', 29, 7],
    ['E310', 'shop.yaml', 15, 13],
    ['E104', 'shop.yaml', 20, 13],
    ['E404', 'shop.yaml', 27, 7],
    ['E207', 'shop.yaml', 29, 7],
    ['E104', 'shop.yaml', 30, 9],
    ['E104', 'shop.yaml', 36, 13],
    ['E105', 'shop.yaml', 39, 9],
  ]],
  ['target-dependencies', [
    ['E212', 'errcat.yaml', 3, 20],
  ]],
  ['unknown-field', [
    ['E103', 'shop.yaml', 6, 3],
    ['E103', 'shop.yaml', 16, 5],
    ['E103', 'shop.yaml', 17, 5],
  ]],
  ['unresolved-duplicate', [
    ['E303', 'lab.yaml', 18, 7],
    ['E303', 'lab.yaml', 29, 7],
    ['E304', 'lab.yaml', 36, 18],
  ]],
  // Reported where they open, not where the parser gave up.
  // A code's section is one of the service's sections, or there are none to name.
  ['unknown-section', [
    ['E312', 'shop.yaml', 20, 14],
  ]],
  ['section-without-sections', [
    ['E312', 'shop.yaml', 25, 14],
  ]],
  ['sections-beside-categories', [
    ['W315', 'lab.yaml', 12, 1],
  ]],
  ['untitled-section', [
    ['E313', 'shop.yaml', 15, 5],
    ['E314', 'shop.yaml', 22, 13],
  ]],
  ['unterminated-flow', [
    ['E101', 'shop.yaml', 6, 12],
  ]],
  ['unterminated-quote', [
    ['E101', 'shop.yaml', 22, 11],
  ]],
  ['wrong-section', [
    ['E210', 'lab.yaml', 12, 1],
  ]],
  ['wrong-type', [
    ['E104', 'shop.yaml', 20, 13],
    ['E104', 'shop.yaml', 26, 14],
  ]],
  // The unclosed `[` where it opens (not at line 5, where the parser gave up), and the next block's first error.
  ['yaml-syntax', [
    ['E101', 'shop.yaml', 4, 10],
    ['E101', 'shop.yaml', 8, 1],
  ]],

];

describe('bad specs', () => {
  it('the base spec is valid', () => {
    const { catalog, diagnostics } = loadCatalogFromTexts(
      readdirSync(path.join(fixtures, '_base'))
        .sort()
        .map((file) => ({ file, text: readFileSync(path.join(fixtures, '_base', file), 'utf8') })),
    );
    expect(diagnostics).toEqual([]);
    expect(catalog?.services.map((service) => service.id)).toEqual(['lab', 'shop']);
  });

  it('every fixture folder has a row in the table', () => {
    const folders = readdirSync(fixtures).filter((name) => name !== '_base').sort();
    expect(cases.map(([name]) => name).sort()).toEqual(folders);
  });

  it.each(cases)('%s: reports exactly these diagnostics', (name, expected) => {
    const { catalog, diagnostics } = loadCase(name);
    expect(diagnostics.map((entry) => [entry.code, entry.file, entry.line, entry.column])).toEqual(expected);
    const hasError = expected.some(([code]) => code.startsWith('E'));
    expect(catalog === undefined).toBe(hasError);
  });

  it('says what to do, not only what is wrong', () => {
    const messages = (name: string) => loadCase(name).diagnostics.map((entry) => entry.message);
    expect(messages('unknown-field')).toContain('unknown field `mesage`; did you mean `message`?');
    expect(messages('failures')).toContain(
      '`failures.notFound` names `NotFund`, which is not a code or category of this service; did you mean `NotFound`?',
    );
    expect(messages('unresolved-duplicate')[0]).toMatch(/add `alsoIn: \[ServerFault\]` here/);
    expect(messages('unknown-section')).toEqual(['BadBody names section `request`, which is not under `sections` (requests); use one of those keys or add the section; did you mean `requests`?']);
    expect(messages('untitled-section')).toEqual([
      'section `requests` has no title in the default locale `en`; add `en:` under `title` (other locales fall back to it)',
      'anchor `requests` is already the anchor of `sections.requests`; links to it would land there; give each heading its own anchor',
    ]);
    expect(messages('section-without-sections')).toEqual(['InternalError names section `server`, but the service has no `sections`; add `sections: { server: { title: { … } } }` or remove `section`']);
    expect(messages('status-class')).toContain(
      'BodyInvalid has status 503 but its category BadArgument is 400; a 4xx category holds only 4xx codes (move the code to a matching category)',
    );
    expect(messages('wrong-type')).toContain('`codes.NotFound.status` must be a whole number, not the text "404"');
    expect(messages('one-indent-many-lines')).toEqual([
      'YAML syntax error: Tabs are not allowed as indentation (3 more YAML errors follow in this block, most likely caused by this one)',
    ]);
    expect(messages('status-below-300')).toContain(
      'status 200 is not an error: 2xx is success; use the 4xx or 5xx status clients get for this error (3xx only for answers such as 304 Not Modified)',
    );
    expect(messages('duplicate-key-and-tag')[1]).toBe(
      'YAML syntax error: the tag `!!binary` is not supported: spec values are text, numbers, true/false, lists and mappings; remove the tag, or quote the text if the `!` belongs to it',
    );
    expect(messages('duplicate-key-and-control-character')[1]).toContain('a control character (U+0001) cannot appear in YAML text');
    expect(messages('duplicate-key-and-alias')[1]).toContain('`*emphasis*` reads as an alias');
    expect(messages('unterminated-quote')).toEqual([
      'YAML syntax error: the " quote that opens here is never closed; close it, or quote with the other kind of quote if the text holds this one',
    ]);
    expect(messages('alias-bomb')[0]).toMatch(/^this file's aliases \(71, to 234,567,931 values written out\) go past what errcat reads/);
    expect(messages('locale-case')).toEqual(['locale `EN` is not in `settings.locales.supported`; did you mean `en`?']);
  });
});
