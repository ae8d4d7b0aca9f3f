// What npm users get: each published package packed as a release packs it,
// then its tarball read back. README, LICENSE and the package.json metadata
// are there, every entry point resolves inside the tarball, errcat carries
// its schema and default templates, and nothing of the repository's tests
// or sources rides along (no source map pointing at a file that is not
// shipped).

import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPOSITORY } from './outside-project/commands.js';
import { packPublished, PUBLISHED, type PublishedName, type Tarball } from './outside-project/pack.js';

type Json = Record<string, any>;

const rootManifest = JSON.parse(readFileSync(path.join(REPOSITORY, 'package.json'), 'utf8')) as Json;
const rootLicense = readFileSync(path.join(REPOSITORY, 'LICENSE'), 'utf8');

let scratch: string;
let tarballs: Record<PublishedName, Tarball>;
/** Each tarball extracted: its `package/` folder. */
const unpacked = {} as Record<PublishedName, string>;

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'errcat-published-'));
  tarballs = await packPublished(scratch);
  for (const tarball of Object.values(tarballs)) {
    const into = path.join(scratch, tarball.name.replace(/[@/]/g, '_'));
    await mkdir(into);
    await promisify(execFile)('tar', ['-xzf', tarball.file, '-C', into]);
    unpacked[tarball.name] = path.join(into, 'package');
  }
}, 120_000);

afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

const names = Object.keys(PUBLISHED) as PublishedName[];

describe.each(names)('the %s tarball', (name) => {
  const folder = PUBLISHED[name];
  const files = () => tarballs[name].files;
  const read = (file: string) => readFile(path.join(unpacked[name], file), 'utf8');
  const manifest = async () => JSON.parse(await read('package.json')) as Json;

  it('has a README and the repository LICENSE', async () => {
    expect(files()).toEqual(expect.arrayContaining(['package.json', 'README.md', 'LICENSE']));
    expect(await read('LICENSE')).toBe(rootLicense);
    expect(await read('README.md')).toContain(`# ${name}`);
  });

  it('says where it comes from and which Node.js it needs', async () => {
    const pkg = await manifest();
    expect(pkg).toMatchObject({
      license: 'MIT',
      engines: { node: rootManifest.engines.node },
      repository: { type: 'git', url: 'git+https://github.com/errcat/errcat.git', directory: folder },
      bugs: { url: 'https://github.com/errcat/errcat/issues' },
      homepage: expect.stringMatching(/^https:\/\/github\.com\/errcat\/errcat\b/),
    });
    expect(JSON.stringify(pkg)).not.toContain('workspace:');
  });

  it('ships every file its exports and bin name', async () => {
    const pkg = await manifest();
    const targets = [...Object.values<string>(pkg.bin ?? {}), ...exportTargets(pkg.exports)].map((target) => target.replace(/^\.\//, ''));
    expect(targets.length).toBeGreaterThan(1);
    expect(targets.filter((target) => !files().includes(target))).toEqual([]);
  });

  it('ships no tests, fixtures, snapshots or TypeScript sources', () => {
    expect(files().filter((file) => /(^|\/)(test|__fixtures__|__snapshots__)\/|\.test\.|(^|\/)src\/|(?<!\.d)\.ts$/.test(file))).toEqual([]);
  });

  it('has no source map or declaration map pointing at a file it does not ship', async () => {
    const broken: string[] = [];
    for (const file of files()) {
      if (file.endsWith('.map')) {
        const map = JSON.parse(await read(file)) as { sources?: string[]; sourceRoot?: string };
        for (const source of map.sources ?? []) {
          const shipped = path.posix.normalize(path.posix.join(path.posix.dirname(file), map.sourceRoot ?? '', source));
          if (!files().includes(shipped)) broken.push(`${file} → ${shipped}`);
        }
      } else if (/\.(js|d\.ts)$/.test(file)) {
        const url = /\/[/*]# sourceMappingURL=(\S+?)(?:\s*\*\/)?\s*$/.exec(await read(file))?.[1];
        if (url && !url.startsWith('data:')) {
          const shipped = path.posix.normalize(path.posix.join(path.posix.dirname(file), url));
          if (!files().includes(shipped)) broken.push(`${file} → ${shipped}`);
        }
      }
    }
    expect(broken).toEqual([]);
  });
});

describe('the errcat tarball', () => {
  it('carries the spec schema the init modeline points editors at', () => {
    expect(tarballs.errcat.files).toContain('schema/spec.schema.json');
  });

  it('carries errcat’s default templates, every one of packages/generator/templates', () => {
    const templateDir = path.join(REPOSITORY, PUBLISHED.errcat, 'templates');
    const shipped = tarballs.errcat.files.filter((file) => file.startsWith('templates/'));
    expect(existsSync(templateDir), 'errcat’s default templates live in packages/generator/templates').toBe(true);
    const own = readdirSync(templateDir).filter((file) => file.endsWith('.hbs'));
    expect(own.length).toBeGreaterThan(0);
    expect(shipped.sort()).toEqual(own.map((file) => `templates/${file}`).sort());
  });

  // bin/errcat.js starts dist/bin/main.js, the CLI bundled into a few chunks
  // (scripts/bundle-cli.mjs) with the packages left as imports: those must
  // be what a user's install brings, and the chunks must all be shipped.
  it('runs its CLI from a bundle whose every import is shipped beside it, a dependency or Node.js', async () => {
    const pkg = JSON.parse(await readFile(path.join(unpacked.errcat, 'package.json'), 'utf8')) as Json;
    expect(await readFile(path.join(unpacked.errcat, 'bin/errcat.js'), 'utf8')).toContain("import('../dist/bin/main.js')");
    const bundle = tarballs.errcat.files.filter((file) => file.startsWith('dist/bin/'));
    expect(bundle).toContain('dist/bin/main.js');
    const unresolved: string[] = [];
    for (const file of bundle) {
      const source = await readFile(path.join(unpacked.errcat, file), 'utf8');
      // esbuild writes static imports at the start of a line, and dynamic ones as `import("…")`; the validator uses `require("…")`.
      const specifiers = [...source.matchAll(/^(?:import|export)\b[^"'`;]*?["']([^"']+)["'];$|\b(?:import|require)\("([^"]+)"\)/gm)].map((match) => match[1] ?? match[2]);
      for (const specifier of specifiers) {
        if (specifier!.startsWith('.')) {
          if (!tarballs.errcat.files.includes(path.posix.join(path.posix.dirname(file), specifier!))) unresolved.push(`${file} → ${specifier}`);
        } else if (!specifier!.startsWith('node:')) {
          const packageName = specifier!.split('/').slice(0, specifier!.startsWith('@') ? 2 : 1).join('/');
          if (!(packageName in pkg.dependencies)) unresolved.push(`${file} → ${specifier}`);
        }
      }
    }
    expect(bundle.length).toBeGreaterThan(2);
    expect(unresolved).toEqual([]);
    // What the build precompiles is looked up next to the module that loads it: the chunks, in the bundle.
    const precompiled = tarballs.errcat.files.filter((file) => file.endsWith('.gen.js') && !file.startsWith('dist/bin/'));
    expect(precompiled.length).toBeGreaterThan(0);
    for (const file of precompiled) {
      expect(bundle).toContain(`dist/bin/${path.posix.basename(file)}`);
      expect(await readFile(path.join(unpacked.errcat, 'dist/bin', path.posix.basename(file)), 'utf8')).toBe(await readFile(path.join(unpacked.errcat, file), 'utf8'));
    }
  });

  it('depends on the @errcat/runtime version packed beside it', async () => {
    const pkg = JSON.parse(await readFile(path.join(unpacked.errcat, 'package.json'), 'utf8')) as Json;
    expect(pkg.dependencies['@errcat/runtime']).toBe(tarballs['@errcat/runtime'].version);
  });
});

/** Every file path an `exports` map names, conditions and subpaths flattened. */
function exportTargets(exports: unknown): string[] {
  if (typeof exports === 'string') return [exports];
  if (exports === null || typeof exports !== 'object') return [];
  return Object.values(exports).flatMap(exportTargets);
}
