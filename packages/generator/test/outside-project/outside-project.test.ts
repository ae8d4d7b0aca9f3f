// errcat as another team uses it: packed like a release, installed from the
// tarballs into projects in a temp folder outside this repository (a plain
// npm project, and a pnpm workspace with turbo), then `errcat init`, a code
// of their own, validate, generate, install and build the generated
// packages, and use them: a strict TypeScript import by package name, an
// Express and a Fastify app answering over HTTP, an OpenAPI document that
// `$ref`s the components and passes Redocly.
//
// Every command runs in the temp folder with the repository's PATH entries
// and pnpm/turbo variables removed, and every Node.js process logs any read
// from the repository (repository-guard.cjs): nothing of templates/, spec/ or
// the repository's dist/ may be on that path. Steps run in order; after a
// failed step the rest of that project is skipped, and the failure shows the
// command with its stdout and stderr.

import { spawn } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import YAML, { isSeq, type Document } from 'yaml';
import { consumerEnv, describeRun, isInside, killGroup, must, NETWORK_MARKER, REPOSITORY, repositoryReads, run, useGuard } from './commands.js';
import { packPublished, type PublishedName, type Tarball } from './pack.js';

const INSTALL_MS = 180_000;
const BUILD_MS = 180_000;
const COMMAND_MS = 60_000;

const CONSUMER = fileURLToPath(new URL('./consumer/', import.meta.url));
const REDOCLY = path.join(path.dirname(createRequire(import.meta.url).resolve('@redocly/cli/package.json')), 'bin', 'cli.js');

/** What `errcat init` is asked for; consumer/ is written against these names (`@payments/codes`, `PaymentsError`). */
const INIT = ['--scope', '@payments', '--service', 'payments', '--name', 'Payments', '--title', 'Payments API', '--wire-format', 'batch'];
const TARGETS = ['codes', 'openapi', 'json-schema', 'express', 'fastify', 'docs'] as const;
const DECLINED_DE = 'Die Karte mit der Endung 4242 wurde abgelehnt.';
const DECLINED_EN = 'The card ending in 4242 was declined.';

type Json = Record<string, any>;

interface Layout {
  name: string;
  folder: string;
  /** The project's own files before anything is installed, given the tarballs' paths. */
  scaffold(dir: string, tarballs: Record<PublishedName, Tarball>): Promise<void>;
  install(dir: string): Promise<unknown>;
  /** The command that runs the installed errcat, as a user of this package manager types it. */
  errcat(args: readonly string[]): [string, string[]];
  /** How the project's own package.json names a generated package. */
  dependOn(folder: string): string;
  /** Builds every generated package, in dependency order. */
  build(dir: string, generated: readonly Generated[]): Promise<unknown>;
  /** How generated packages depend on each other in this layout. */
  siblingDependency: RegExp;
  turbo: boolean;
}

interface Generated {
  folder: string;
  manifest: Json;
}

const devDependencies = (tarballs: Record<PublishedName, Tarball>) => ({
  errcat: `file:${tarballs.errcat.file}`,
  '@errcat/runtime': `file:${tarballs['@errcat/runtime'].file}`,
  '@types/node': '^20.19.0',
  express: '^5.3.0',
  fastify: '^5.12.8',
  'fastify-plugin': '^5.1.0',
  typescript: '5.9.3',
});

const npmInstall = (dir: string) => must('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline'], { cwd: dir, timeoutMs: INSTALL_MS });

const LAYOUTS: Layout[] = [
  {
    name: 'a plain npm project',
    folder: 'npm-project',
    async scaffold(dir, tarballs) {
      await writeJson(path.join(dir, 'package.json'), {
        name: 'payments-app',
        private: true,
        type: 'module',
        devDependencies: devDependencies(tarballs),
        // The generated packages depend on @errcat/runtime by version; it is not on the registry.
        overrides: { '@errcat/runtime': `file:${tarballs['@errcat/runtime'].file}` },
      });
    },
    install: npmInstall,
    errcat: (args) => ['npx', ['--no', '--', 'errcat', ...args]],
    dependOn: (folder) => `file:${folder}`,
    async build(dir, generated) {
      for (const pkg of inDependencyOrder(generated)) {
        await must('npm', ['run', 'build'], { cwd: path.join(dir, pkg.folder), timeoutMs: BUILD_MS });
      }
    },
    siblingDependency: /^file:/,
    turbo: false,
  },
  {
    name: 'a pnpm workspace with turbo',
    folder: 'pnpm-workspace',
    async scaffold(dir, tarballs) {
      await writeJson(path.join(dir, 'package.json'), {
        name: 'payments-monorepo',
        private: true,
        type: 'module',
        packageManager: 'pnpm@10.34.9',
        devDependencies: { ...devDependencies(tarballs), turbo: '^2.11.11' },
        pnpm: { overrides: { '@errcat/runtime': `file:${tarballs['@errcat/runtime'].file}` } },
      });
      await writeFile(path.join(dir, 'pnpm-workspace.yaml'), 'packages:\n  - packages/*\n');
      await writeJson(path.join(dir, 'turbo.json'), {
        $schema: 'https://turborepo.com/schema.json',
        tasks: { build: { dependsOn: ['^build'], outputs: ['dist/**'] } },
      });
    },
    // CI=true makes pnpm default to --frozen-lockfile; a new project has no lockfile yet.
    install: (dir) => must('pnpm', ['install', '--no-frozen-lockfile', '--prefer-offline'], { cwd: dir, timeoutMs: INSTALL_MS }),
    errcat: (args) => ['pnpm', ['exec', 'errcat', ...args]],
    dependOn: () => 'workspace:*',
    async build(dir) {
      const built = await must('pnpm', ['turbo', 'run', 'build'], { cwd: dir, timeoutMs: BUILD_MS });
      // Packages that ship as generated declare no outputs: turbo has nothing to warn of.
      expect(`${built.stdout}${built.stderr}`).not.toMatch(/no output files found/i);
      return built;
    },
    siblingDependency: /^workspace:/,
    turbo: true,
  },
];

let scratch: string;
let tarballs: Record<PublishedName, Tarball>;

beforeAll(async () => {
  scratch = realpathSync(await mkdtemp(path.join(tmpdir(), 'errcat-outside-')));
  expect(isInside(REPOSITORY, scratch), `${scratch} must be outside ${REPOSITORY}`).toBe(false);
  await mkdir(path.join(scratch, 'tarballs'));
  tarballs = await packPublished(path.join(scratch, 'tarballs'));
  useGuard(scratch);
}, 120_000);

afterAll(async () => {
  if (process.env.ERRCAT_KEEP_OUTSIDE_PROJECT) {
    console.log(`kept ${scratch}`);
    return;
  }
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe.each(LAYOUTS)('errcat in $name, installed from the tarballs', (layout) => {
  let dir: string;
  let generated: Generated[] = [];
  const errcat = (args: readonly string[], timeoutMs = COMMAND_MS) => {
    const [command, commandArgs] = layout.errcat(args);
    return must(command, commandArgs, { cwd: dir, timeoutMs });
  };
  const step = steps();

  step('installs errcat and @errcat/runtime from the tarballs, not from the repository', INSTALL_MS + 30_000, async () => {
    dir = path.join(scratch, layout.folder);
    await mkdir(dir);
    await layout.scaffold(dir, tarballs);
    await layout.install(dir);
    for (const name of ['errcat', '@errcat/runtime']) {
      const installed = realpathSync(path.join(dir, 'node_modules', name));
      expect(isInside(scratch, installed), `${name} resolves to ${installed}`).toBe(true);
      expect(existsSync(path.join(installed, 'dist', 'index.js'))).toBe(true);
    }
    expect((await errcat(['--version'])).stdout.trim()).toBe(tarballs.errcat.version);
  });

  step('errcat init writes settings and one service, without prompting, and never overwrites', COMMAND_MS * 3, async () => {
    const init = await errcat(['init', ...INIT]);
    expect(init.stdout).toContain('errcat generate');
    const settings = await readFile(path.join(dir, 'spec', 'errcat.yaml'), 'utf8');
    const service = await readFile(path.join(dir, 'spec', 'payments.yaml'), 'utf8');
    for (const [file, text] of [['spec/errcat.yaml', settings], ['spec/payments.yaml', service]] as const) {
      const schema = /^# yaml-language-server: \$schema=(\S+)$/m.exec(text)?.[1];
      expect(schema, `${file} starts with a modeline`).toMatch(/node_modules\/errcat\/schema\/spec\.schema\.json$/);
      expect(existsSync(path.resolve(dir, path.dirname(file), schema!)), `${file}'s modeline points at the installed schema`).toBe(true);
    }
    await runQuietly(layout.errcat(['init', ...INIT]), dir);
    expect(await readFile(path.join(dir, 'spec', 'errcat.yaml'), 'utf8')).toBe(settings);
    expect(await readFile(path.join(dir, 'spec', 'payments.yaml'), 'utf8')).toBe(service);
  });

  step('takes a code with a param and a second locale, and validates', COMMAND_MS, async () => {
    await editYaml(path.join(dir, 'spec', 'errcat.yaml'), (doc) => {
      const supported = doc.getIn(['settings', 'locales', 'supported']);
      if (isSeq(supported)) {
        if (!supported.items.some((item) => String((item as { value?: unknown }).value ?? item) === 'de')) supported.add('de');
      } else {
        doc.setIn(['settings', 'locales', 'supported'], [String(doc.getIn(['settings', 'locales', 'default']) ?? 'en'), 'de']);
      }
    });
    await editYaml(path.join(dir, 'spec', 'payments.yaml'), (doc) => {
      const locales = doc.getIn(['service', 'locales']);
      if (isSeq(locales)) locales.add('de');
      doc.setIn(['codes', 'CardDeclined'], {
        status: 402,
        message: { en: 'The card ending in {last4} was declined.', de: 'Die Karte mit der Endung {last4} wurde abgelehnt.' },
        params: [{ name: 'last4', type: 'string', description: 'The last four digits of the card.' }],
      });
    });
    const validate = await errcat(['validate']);
    expect(validate.stdout + validate.stderr).not.toMatch(/\berror\b E\d+/);
  });

  step('errcat generate writes the six packages, laid out for this project', COMMAND_MS * 2, async () => {
    await errcat(['generate']);
    generated = await readGenerated(dir);
    expect(generated.map((pkg) => pkg.manifest.name).sort()).toEqual(TARGETS.map((target) => `@payments/${target}`).sort());
    for (const pkg of generated) {
      expect(pkg.folder, pkg.manifest.name).toBe(`packages/${pkg.manifest.name.slice('@payments/'.length)}`);
      expect(pkg.manifest.scripts?.build, `${pkg.folder} has a build script`).toEqual(expect.any(String));
      for (const [name, range] of Object.entries<string>(pkg.manifest.dependencies ?? {})) {
        if (name.startsWith('@payments/')) expect(range, `${pkg.folder} depends on ${name}`).toMatch(layout.siblingDependency);
      }
      expect(existsSync(path.join(dir, pkg.folder, 'turbo.json')), `${pkg.folder}/turbo.json only when the root has one`).toBe(layout.turbo);
    }
    // The docs page is built from errcat's shipped templates, for this catalog.
    expect(await readFile(path.join(dir, 'packages/docs/index.html'), 'utf8')).toContain('id="payments/CardDeclined"');
    const leaks = await filesMentioning(path.join(dir, 'packages'), [REPOSITORY, '@azure-errors', 'MlStudio', 'PoolNotFound']);
    expect(leaks, 'generated files that name the repository or its own catalog').toEqual([]);
  });

  step('installs and builds every generated package; errcat generate --check then finds them up to date', INSTALL_MS + BUILD_MS, async () => {
    const manifestPath = path.join(dir, 'package.json');
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as Json;
    manifest.dependencies = Object.fromEntries(generated.map((pkg) => [pkg.manifest.name, layout.dependOn(pkg.folder)]));
    await writeJson(manifestPath, manifest);
    await layout.install(dir);
    await layout.build(dir, generated);
    for (const target of ['codes', 'express', 'fastify']) {
      expect(existsSync(path.join(dir, 'packages', target, 'dist', 'index.js')), `packages/${target}/dist/index.js`).toBe(true);
    }
    await errcat(['generate', '--check']);
  });

  step('a strict TypeScript file imports @payments/codes by name, compiles with tsc and runs', COMMAND_MS * 2, async () => {
    await mkdir(path.join(dir, 'app'), { recursive: true });
    await copyFile(path.join(CONSUMER, 'main.ts'), path.join(dir, 'app', 'main.ts'));
    await copyFile(path.join(CONSUMER, 'tsconfig.json'), path.join(dir, 'tsconfig.json'));
    await must(path.join(dir, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.json'], { cwd: dir, timeoutMs: COMMAND_MS });
    const ran = await must(process.execPath, ['build/main.js'], { cwd: dir, timeoutMs: COMMAND_MS });
    expect(JSON.parse(ran.stdout)).toEqual({
      de: DECLINED_DE,
      en: DECLINED_EN,
      status: 402,
      body: { code: 'CardDeclined', message: { lang: 'en', value: DECLINED_EN } },
      known: true,
      unknown: false,
      parsed: { kind: 'catalog', code: 'CardDeclined', status: 402, locale: 'en', message: DECLINED_EN },
    });
  });

  for (const framework of ['express', 'fastify'] as const) {
    step(`${framework === 'express' ? 'an Express' : 'a Fastify'} app with @payments/${framework} answers the thrown error in German`, COMMAND_MS, async () => {
      await copyFile(path.join(CONSUMER, 'serve.mjs'), path.join(dir, 'serve.mjs'));
      await withServer(dir, framework, async (origin) => {
        const response = await fetch(`${origin}/cards/c1/charge`, { method: 'POST', headers: { 'Accept-Language': 'de-CH, de;q=0.9, en;q=0.5' } });
        const body = await response.text();
        expect({ status: response.status, type: response.headers.get('content-type'), language: response.headers.get('content-language'), body }).toEqual({
          status: 402,
          type: 'application/json; charset=utf-8',
          language: 'de',
          body: JSON.stringify({ code: 'CardDeclined', message: { lang: 'de', value: DECLINED_DE } }),
        });
        expect(response.headers.get('vary')).toMatch(/Accept-Language/i);
        // The same answer read back by the generated client, in the user's project.
        await copyFile(path.join(CONSUMER, 'read.mjs'), path.join(dir, 'read.mjs'));
        const read = await must(process.execPath, ['read.mjs', `${origin}/cards/c1/charge`], { cwd: dir, timeoutMs: COMMAND_MS });
        expect(JSON.parse(read.stdout)).toEqual({ kind: 'catalog', code: 'CardDeclined', status: 402, locale: 'de', message: DECLINED_DE });
      });
    });
  }

  step('an OpenAPI 3.1 document that $refs @payments/openapi passes Redocly, offline', COMMAND_MS, async () => {
    await copyFile(path.join(CONSUMER, 'openapi.yaml'), path.join(dir, 'openapi.yaml'));
    await copyFile(path.join(CONSUMER, 'redocly.yaml'), path.join(dir, 'redocly.yaml'));
    // The repository's own Redocly, run on the temp project's files: it is the linter, not part of errcat.
    const lint = await must(process.execPath, [REDOCLY, 'lint', 'openapi.yaml', '--format=json'], { cwd: dir, timeoutMs: COMMAND_MS, guarded: false, offline: true });
    const report = JSON.parse(lint.stdout) as { totals: { errors: number; warnings: number }; problems: Array<{ ruleId: string; message: string }> };
    expect(report.problems.map((problem) => `${problem.ruleId}: ${problem.message}`)).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
    expect(lint.stderr).not.toContain(NETWORK_MARKER);
  });

  step('read nothing from the repository on the way', COMMAND_MS, async () => {
    expect(repositoryReads()).toEqual([]);
  });
});

describe('the checks can fail', () => {
  it('the repository guard logs a read from the repository, so "read nothing" above means something', async () => {
    const log = path.join(scratch, 'guard-self-test.log');
    const read = `require('node:fs').readFileSync(${JSON.stringify(path.join(REPOSITORY, 'package.json'))})`;
    await must(process.execPath, ['-e', read], { cwd: scratch, timeoutMs: COMMAND_MS, guarded: false, env: guardedEnv(log) });
    expect(await readFile(log, 'utf8')).toContain(`readFileSync ${path.join(REPOSITORY, 'package.json')}`);
  });

  it('the guard refuses the network to an offline process, so "offline" above means something', async () => {
    const result = await run(process.execPath, ['-e', "fetch('https://registry.npmjs.org/').catch(() => {})"], { cwd: scratch, timeoutMs: COMMAND_MS, guarded: false, offline: true });
    expect(result.stderr).toContain(`${NETWORK_MARKER} fetch https://registry.npmjs.org/`);
  });
});

/** The guard's variables with a log of its own, for the self-test. */
function guardedEnv(log: string): Record<string, string> {
  const env = consumerEnv();
  return { NODE_OPTIONS: env.NODE_OPTIONS!, ERRCAT_E2E_REPOSITORY: REPOSITORY, ERRCAT_E2E_READS: log };
}

/** `it` for one step of a project: skipped once an earlier step of the same project failed. */
function steps() {
  let failed: string | undefined;
  return (name: string, timeout: number, body: () => Promise<void>) =>
    it(
      name,
      async (context) => {
        if (failed) context.skip(`an earlier step failed: ${failed}`);
        try {
          await body();
        } catch (error) {
          failed = name;
          throw error;
        }
      },
      timeout,
    );
}

/** Runs a command whose exit code is not the point (a second `errcat init`); only a timeout fails. */
async function runQuietly([command, args]: [string, string[]], cwd: string): Promise<void> {
  const result = await run(command, args, { cwd, timeoutMs: COMMAND_MS });
  if (result.timedOut || result.code === null) throw new Error(`did not finish\n${describeRun(result)}`);
}

async function editYaml(file: string, edit: (doc: Document) => void): Promise<void> {
  const doc = YAML.parseDocument(await readFile(file, 'utf8'));
  edit(doc);
  await writeFile(file, doc.toString());
}

async function writeJson(file: string, value: unknown): Promise<void> {
  await writeFile(file, `${JSON.stringify(value, null, 2)}\n`);
}

/** The packages errcat says it generated (the marker in their package.json), anywhere under packages/. */
async function readGenerated(dir: string): Promise<Generated[]> {
  const generated: Generated[] = [];
  for (const entry of await readdir(path.join(dir, 'packages'), { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const folder = `packages/${entry.name}`;
    const manifest = JSON.parse(await readFile(path.join(dir, folder, 'package.json'), 'utf8')) as Json;
    if (manifest.errcat?.generated === true) generated.push({ folder, manifest });
  }
  return generated;
}

/** Generated packages, each after the generated packages it depends on. */
function inDependencyOrder(generated: readonly Generated[]): Generated[] {
  const byName = new Map(generated.map((pkg) => [pkg.manifest.name as string, pkg]));
  const ordered: Generated[] = [];
  const visit = (pkg: Generated, path: string[]) => {
    if (ordered.includes(pkg)) return;
    if (path.includes(pkg.manifest.name)) throw new Error(`generated packages depend on each other in a cycle: ${[...path, pkg.manifest.name].join(' → ')}`);
    for (const name of Object.keys(pkg.manifest.dependencies ?? {})) {
      const dependency = byName.get(name);
      if (dependency) visit(dependency, [...path, pkg.manifest.name]);
    }
    ordered.push(pkg);
  };
  for (const pkg of generated) visit(pkg, []);
  return ordered;
}

/** Files under `folder` (not node_modules/ or dist/) whose text contains any of `needles`. */
async function filesMentioning(folder: string, needles: readonly string[]): Promise<string[]> {
  const hits: string[] = [];
  for (const entry of await readdir(folder, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    if (path.relative(folder, file).split(path.sep).some((part) => part === 'node_modules' || part === 'dist')) continue;
    const text = await readFile(file, 'utf8');
    for (const needle of needles) if (text.includes(needle)) hits.push(`${path.relative(folder, file)} mentions ${needle}`);
  }
  return hits;
}

/** Starts `node serve.mjs <framework>` in the project, gives `use` its origin, then closes stdin and expects a clean exit. */
async function withServer(dir: string, framework: string, use: (origin: string) => Promise<void>): Promise<void> {
  const child = spawn(process.execPath, ['serve.mjs', framework], {
    cwd: dir,
    env: consumerEnv(),
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: process.platform !== 'win32',
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const output = () => `--- stdout ---\n${stdout || '(empty)'}\n--- stderr ---\n${stderr || '(empty)'}`;
  try {
    const port = await Promise.race([
      new Promise<number>((resolve) => {
        const check = () => {
          const line = /^\{"port":(\d+)\}$/m.exec(stdout);
          if (line) resolve(Number(line[1]));
        };
        child.stdout.on('data', check);
      }),
      exited.then((code) => {
        throw new Error(`node serve.mjs ${framework} exited ${code} before listening\n${output()}`);
      }),
      delay(COMMAND_MS / 2).then(() => {
        throw new Error(`node serve.mjs ${framework} did not listen within ${COMMAND_MS / 2000}s\n${output()}`);
      }),
    ]);
    try {
      await use(`http://127.0.0.1:${port}`);
    } catch (error) {
      if (error instanceof Error) error.message += `\n(server output)\n${output()}`;
      throw error;
    }
    child.stdin.end();
    const code = await Promise.race([exited, delay(10_000).then(() => 'timeout' as const)]);
    expect(code, `the ${framework} server closes when asked\n${output()}`).toBe(0);
    expect(repositoryReads()).toEqual([]);
  } finally {
    killGroup(child.pid);
  }
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());
