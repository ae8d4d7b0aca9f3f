import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCatalogFromTexts } from '../src/load/load-catalog.js';

// Random mutations of the repository's own spec files: whatever a user's
// editor, a paste or a merge can do to a catalog, the validator answers with
// located diagnostics, never a crash, a stack trace or a hang.
//
// Seeded and bounded: the same cases on every run. More on demand:
//   ERRCAT_FUZZ_RUNS=5000 ERRCAT_FUZZ_SEED=7 npx vitest run test/fuzz-validator.test.ts

const RUNS = Number(process.env.ERRCAT_FUZZ_RUNS ?? 200);
const SEED = Number(process.env.ERRCAT_FUZZ_SEED ?? 20_240_611);
/** Per case; generous because the machine running the suite may be busy. A real hang takes far longer. */
const CASE_LIMIT_MS = 5_000;

const specDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../spec');
const seed = readdirSync(specDir)
  .filter((name) => name.endsWith('.yaml'))
  .sort()
  .map((name) => ({ file: `spec/${name}`, text: readFileSync(path.join(specDir, name), 'utf8') }));

/** Diagnostics about a whole file or folder rather than a place in it. */
const WHOLE_FILE = new Set(['E002', 'E003', 'E201']);

type Edit = (text: string) => string;

const lines = (text: string) => text.split('\n');
const pick = <T>(items: readonly T[], index: number): T => items[index % items.length]!;

/** Edits of one line, chosen by a random number (kept modulo the line count). */
const lineEdit = fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('delete', 'duplicate', 'swap', 'indent', 'dedent', 'tab')).map(
  ([at, other, kind]): Edit =>
    (text) => {
      const all = lines(text);
      const index = at % all.length;
      const line = all[index]!;
      switch (kind) {
        case 'delete':
          all.splice(index, 1);
          break;
        case 'duplicate':
          all.splice(index, 0, line);
          break;
        case 'swap': {
          const second = other % all.length;
          [all[index], all[second]] = [all[second]!, line];
          break;
        }
        case 'indent':
          all[index] = `  ${line}`;
          break;
        case 'dedent':
          all[index] = line.replace(/^ {1,2}/, '');
          break;
        case 'tab':
          all[index] = line.replace(/^ {2}/, '\t');
          break;
      }
      return all.join('\n');
    },
);

/** A value after `key: ` replaced by one of another type. */
const typeSwap = fc.tuple(fc.nat(), fc.constantFrom('[]', '{}', 'null', '~', '42', '-1', '3.5', 'true', '"404"', "''", '[a, 1, {b: c}]', '{en: x}', '0x1F', '1e400', '.nan')).map(
  ([at, value]): Edit =>
    (text) => {
      const all = lines(text);
      const candidates = all.flatMap((line, index) => (/^\s*[\w.-]+: \S/.test(line) ? [index] : []));
      if (candidates.length === 0) return text;
      const index = pick(candidates, at);
      all[index] = all[index]!.replace(/^(\s*[\w.-]+: ).*$/, `$1${value}`);
      return all.join('\n');
    },
);

/** Something inserted at a random offset: control characters, tags, anchors, aliases, merge keys, YAML punctuation. */
const insertion = fc
  .tuple(
    fc.nat(),
    fc.constantFrom(
      '\u0001',
      '\u007f',
      '\u0085',
      '\ufeff',
      '\u2028',
      '\t',
      '\r',
      '\0',
      '"\\ud800"',
      '"\\udfff x"',
      '!!binary ',
      '!!set ',
      '!!timestamp ',
      '!!str ',
      '!!int ',
      '!foo ',
      '&a ',
      '*a',
      '*emphasis*',
      '<<: *a\n',
      '&a [*a]',
      '[',
      '{',
      ']',
      '}',
      '"',
      "'",
      ': ',
      '- ',
      '# ',
      '|\n',
      '>-\n',
      '---\n',
      '...\n',
      '%YAML 1.1\n',
      '? ',
      '@',
      '`',
      '{0',
      '{__proto__}',
      '__proto__: x\n',
      'constructor',
    ),
  )
  .map(
    ([at, inserted]): Edit =>
      (text) => {
        const offset = at % (text.length + 1);
        return text.slice(0, offset) + inserted + text.slice(offset);
      },
  );

/** An anchor on one value and aliases to it elsewhere, a merge key, or an alias to itself. */
const aliasing = fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('alias', 'merge', 'self', 'many')).map(
  ([from, to, kind]): Edit =>
    (text) => {
      const all = lines(text);
      const keys = all.flatMap((line, index) => (/^\s*[\w.-]+:\s*$/.test(line) || /^\s*[\w.-]+: \S/.test(line) ? [index] : []));
      if (keys.length < 2) return text;
      const anchorAt = pick(keys, from);
      const aliasAt = pick(keys, to);
      all[anchorAt] = all[anchorAt]!.replace(/^(\s*[\w.-]+:)/, '$1 &x');
      if (kind === 'merge') all.splice(aliasAt + 1, 0, `${all[aliasAt]!.match(/^\s*/)![0]}  <<: *x`);
      else if (kind === 'self') all.splice(anchorAt + 1, 0, `${all[anchorAt]!.match(/^\s*/)![0]}  loop: *x`);
      else if (kind === 'many') for (const index of keys.slice(0, 40)) all[index] = all[index]!.replace(/^(\s*[\w.-]+:).*$/, '$1 *x');
      else all[aliasAt] = all[aliasAt]!.replace(/^(\s*[\w.-]+:).*$/, '$1 *x');
      return all.join('\n');
    },
);

const truncation = fc.nat().map(
  (at): Edit =>
    (text) =>
      text.slice(0, at % (text.length + 1)),
);

const mutation = fc.record({
  file: fc.nat(),
  edits: fc.array(fc.oneof(lineEdit, typeSwap, insertion, aliasing, truncation), { minLength: 1, maxLength: 4 }),
});

describe('the validator on mutated real spec files', () => {
  it(`never crashes, never prints a stack trace, locates every diagnostic, and answers in time (${RUNS} cases, seed ${SEED})`, () => {
    fc.assert(
      fc.property(mutation, ({ file, edits }) => {
        const index = file % seed.length;
        const texts = seed.map((entry, at) => (at === index ? { ...entry, text: edits.reduce((text, edit) => edit(text), entry.text) } : entry));
        const start = performance.now();
        const { catalog, diagnostics } = loadCatalogFromTexts(texts);
        const elapsed = performance.now() - start;
        expect(elapsed).toBeLessThan(CASE_LIMIT_MS);
        const lineCount = (name: string) => texts.find((entry) => entry.file === name)!.text.split('\n').length;
        for (const entry of diagnostics) {
          expect(texts.map((text) => text.file)).toContain(entry.file);
          if (WHOLE_FILE.has(entry.code)) {
            expect([entry.line, entry.column]).toEqual([0, 0]);
          } else {
            expect(entry.line, `${entry.code} ${entry.message}`).toBeGreaterThanOrEqual(1);
            expect(entry.column, `${entry.code} ${entry.message}`).toBeGreaterThanOrEqual(1);
            expect(entry.line).toBeLessThanOrEqual(lineCount(entry.file) + 1);
          }
          expect(entry.message).not.toMatch(/\n\s+at /);
          expect(entry.message.length).toBeLessThan(1_000);
        }
        expect(catalog === undefined).toBe(diagnostics.some((entry) => entry.severity === 'error'));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  }, Math.max(60_000, RUNS * 1_000));
});
