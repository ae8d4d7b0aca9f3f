import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runErrcat } from '../../test/helpers/run-cli.js';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../import/__fixtures__');

let work: string;
beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), 'errcat-import-'));
  for (const file of readdirSync(fixtures)) copyFileSync(path.join(fixtures, file), path.join(work, file));
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

const errcat = (...args: string[]) => runErrcat(work, 'import', ...args);

describe('errcat import', () => {
  it('pairs en and de pages without ms.assetid by their anchors, keeps the German and prints the pairing', async () => {
    const result = await errcat('shop.en.md', 'shop.de.md', '--out', 'spec');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('  shop.de.md (de) is a translation of shop.en.md: shares 7 of 7 section anchors and codes (no ms.assetid to pair by); review it\n');
    const yaml = readFileSync(path.join(work, 'spec/shop.yaml'), 'utf8');
    expect(yaml).toContain('de: Die Bestellung {0} ist nicht vorhanden.');
  });

  it('pairs what --pair says, however little the pages share', async () => {
    const result = await errcat('shop.en.md', 'shop.fr-partial.md', '--pair', 'shop.fr-partial.md=shop.en.md', '--out', 'spec');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('  shop.fr-partial.md (fr) is a translation of shop.en.md: --pair\n');
    expect(readFileSync(path.join(work, 'spec/shop.yaml'), 'utf8')).toContain('fr: Le serveur a rencontré une erreur interne.');
  });

  it('refuses a page it cannot pair, names the page and the fix, and writes nothing', async () => {
    const result = await errcat('shop.en.md', 'shop.fr-partial.md', '--out', 'spec');
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: 'errcat: shop.fr-partial.md (fr) matches no default-locale page: pass --pair shop.fr-partial.md=shop.en.md\nnothing written\n',
    });
    expect(existsSync(path.join(work, 'spec'))).toBe(false);
  });

  it.each([
    ['shop.de.md', 'errcat: --pair shop.de.md: write it as TRANSLATION=DEFAULT, for example --pair batch.de.md=batch.md\n'],
    ['shop.fr-partial.md=shop.en.md', 'errcat: --pair shop.fr-partial.md=shop.en.md: shop.fr-partial.md is not one of the pages to import; list it too\n'],
    ['shop.de.md=billing.en.md', 'errcat: --pair shop.de.md=billing.en.md: billing.en.md is not one of the pages to import; list it too\nnothing written\n'],
  ])('refuses --pair %s, saying how to fix it', async (pair, stderr) => {
    const result = await errcat('shop.en.md', 'shop.de.md', '--pair', pair, '--out', 'spec');
    expect(result).toEqual({ code: 1, stdout: '', stderr });
    expect(existsSync(path.join(work, 'spec'))).toBe(false);
  });

  it('writes a failure it could not guess empty, with what to fill in beside it', async () => {
    const result = await errcat('billing.en.md', '--out', 'spec');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('  failures.notFound: left empty: no 404 code on the pages answers an unknown route; add one and name it here\n');
    expect(readFileSync(path.join(work, 'spec/billing.yaml'), 'utf8')).toContain('notFound: "" # TODO: no 404 code on the pages answers an unknown route; add one and name it here\n');
  });
});
