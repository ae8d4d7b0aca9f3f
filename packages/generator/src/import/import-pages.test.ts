import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import jsYaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import type { RawSpecFile } from '../spec/raw-spec.js';
import { importPages } from './import-pages.js';
import { parsePage, repairMojibake } from './parse-page.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const seeds = path.resolve(repo, 'spec/sources');

/**
 * What normalization adds by hand after `errcat import`: names chosen for
 * the service and its types, param names, types and descriptions, variant
 * names, and notes explaining decisions. Everything else must come out of
 * the importer exactly as committed.
 */
function withoutHandEdits(spec: RawSpecFile): unknown {
  return JSON.parse(
    JSON.stringify(spec, (key, value: unknown) => {
      if (key === 'note') return undefined;
      if (key === 'params') return (value as unknown[]).length;
      if (key === 'variants') return (value as Array<{ status: number; message: unknown }>).map(({ status, message }) => ({ status, message }));
      return value;
    }),
    (key, value: unknown) => {
      if (key === 'service') {
        const { id: _id, name: _name, title: _title, ...rest } = value as Record<string, unknown>;
        return rest;
      }
      if (key === 'embedded') {
        const { title: _title, ...rest } = value as Record<string, unknown>;
        return rest;
      }
      return value;
    },
  );
}

function importSeeds() {
  const files = readdirSync(seeds)
    .filter((file) => file.endsWith('.md') && file !== 'README.md')
    .sort();
  return importPages(
    files.map((file) => ({
      file,
      text: readFileSync(path.join(seeds, file), 'utf8'),
      // The zh-TW page's front matter does not say its language.
      ...(file === 'ml-studio.zh-TW.md' ? { locale: 'zh-TW' } : {}),
    })),
    'en',
  );
}

describe('errcat import', () => {
  it('turns the five seed pages into the committed spec, apart from hand normalization', () => {
    const imported = importSeeds();
    expect(imported.map((entry) => entry.serviceId)).toEqual(['machine-learning-studio', 'batch']);
    const committed = (file: string) => jsYaml.load(readFileSync(path.join(repo, 'spec', file), 'utf8')) as RawSpecFile;
    expect(withoutHandEdits(imported[0]!.spec)).toEqual(withoutHandEdits(committed('ml-studio.yaml')));
    expect(withoutHandEdits(imported[1]!.spec)).toEqual(withoutHandEdits(committed('batch.yaml')));
  });

  it('reports what it decided for the user to review', () => {
    const batch = importSeeds()[1]!;
    expect(batch.decisions).toContain('NodeUserExists: identical rows at lines 129 and 131 of batch.en.md merged');
    expect(batch.decisions.some((line) => line.startsWith('ConditionNotMet: rows at lines 55 and 83'))).toBe(true);
  });

  it('matches translated sections by anchor, not by their visible heading', () => {
    const ml = importSeeds()[0]!.spec;
    // zh-TW heads BadUserArgument as "BadArgument" and Unauthorized as "未經授權".
    expect(ml.categories?.BadUserArgument?.message['zh-TW']).toBe('提供的使用者引數無效。');
    expect(ml.categories?.Unauthorized?.message['zh-TW']).toBe('要求未經授權存取資源。');
    expect(Object.keys(ml.categories ?? {})).toHaveLength(18);
  });

  it('refuses two pages in the default locale for one service, and says how to fix it', () => {
    const zh = readFileSync(path.join(seeds, 'ml-studio.zh-TW.md'), 'utf8');
    const en = readFileSync(path.join(seeds, 'ml-studio.en.md'), 'utf8');
    expect(() => importPages([{ file: 'en.md', text: en }, { file: 'zh.md', text: zh }], 'en')).toThrow(/--locale FILE=TAG/);
  });
});

describe('parsePage', () => {
  it('keeps the anchor and drops the markup from headings', () => {
    const page = parsePage('# <a name="t"></a>Title\n\n## <a name="x-400"></a>Conflit (code 409)\n\nMessage.\n');
    expect(page.title).toBe('Title');
    expect(page.sections[0]).toMatchObject({ anchor: 'x-400', heading: 'Conflit (code 409)' });
  });

  it('repairs UTF-8 read as Windows-1252, and nothing else', () => {
    expect(repairMojibake('parameterâ€™s name')).toBe('parameter’s name');
    expect(repairMojibake('Code d’erreur « ok »')).toBe('Code d’erreur « ok »');
  });
});
