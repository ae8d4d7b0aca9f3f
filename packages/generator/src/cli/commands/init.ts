import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { emitSpecYaml } from '../../import/emit-yaml.js';
import { pascalCase, serviceId, starterCatalog, type StarterOptions } from '../../init/starter-catalog.js';
import { detectProject, readJson, type PackageManager } from '../../project/detect-project.js';
import type { TargetName, WireFormat } from '../../spec/raw-spec.js';
import specSchema from '../../../schema/spec.schema.json' with { type: 'json' };
import { displayPath, EXIT, type CliIo } from '../io.js';
import { UserError } from '../user-error.js';

export interface InitOptions {
  root: string;
  spec: string;
  scope?: string;
  service?: string;
  name?: string;
  title?: string;
  locales?: string;
  wireFormat?: string;
  targets?: string;
  /** Ask for what the flags leave out; only when a person is at the terminal. */
  interactive: boolean;
}

const WIRE_FORMATS = specSchema.definitions.service.properties.wireFormat.enum as readonly WireFormat[];
const TARGETS = specSchema.definitions.settings.properties.targets.items.enum as readonly TargetName[];
/** Where an installed errcat's schema is, from the project root: editors resolve the modeline against the spec file. */
const INSTALLED_SCHEMA = 'node_modules/errcat/schema/spec.schema.json';

/** `errcat init`: a starter catalog that validates and generates as it is. Never overwrites. */
export async function initCommand(io: CliIo, options: InitOptions): Promise<number> {
  const root = path.resolve(io.cwd, options.root);
  const specDir = path.resolve(root, options.spec);
  const existing = (await readdir(specDir).catch(() => [] as string[])).filter((name) => /\.ya?ml$/i.test(name));
  if (existing.length > 0) {
    throw new UserError(
      `${displayPath(io, specDir)} already holds ${existing.join(', ')}; init never overwrites a catalog. Edit it and run \`errcat validate\`, or pass --spec <folder> to start another`,
    );
  }
  const manifest = await readJson(path.join(root, 'package.json'));
  const projectName = typeof manifest?.name === 'string' ? manifest.name : path.basename(root);
  const answers = await askForMissing(io, options, projectName);
  const starter = starterOptions(answers);
  const files = starterCatalog(starter);
  const modeline = path.relative(specDir, path.join(root, INSTALLED_SCHEMA)).split(path.sep).join('/');
  const settingsFile = path.join(specDir, 'errcat.yaml');
  const serviceFile = path.join(specDir, `${starter.service}.yaml`);
  await mkdir(specDir, { recursive: true });
  await writeNew(settingsFile, emitSpecYaml(files.settings, modeline, ['Settings shared by every service of this catalog (see errcat’s README for every setting).']));
  await writeNew(serviceFile, emitSpecYaml(files.service, modeline, ['One service: its wire format, the codes that answer framework failures, and its codes.']));
  const project = await detectProject(root);
  const flags = [options.root !== '.' ? ` --root ${options.root}` : '', options.spec !== 'spec' ? ` --spec ${options.spec}` : ''].join('');
  io.out(`wrote ${displayPath(io, settingsFile)} and ${displayPath(io, serviceFile)}\n\nNext:\n`);
  io.out(`  ${runner(project.packageManager)} errcat validate${flags}    # check the catalog\n`);
  io.out(`  ${runner(project.packageManager)} errcat generate${flags}    # write the packages into packages/<target>\n`);
  return EXIT.ok;
}

function runner(packageManager: PackageManager): string {
  return packageManager === 'npm' ? 'npx' : packageManager === 'pnpm' ? 'pnpm exec' : 'yarn';
}

type Answers = Required<Pick<InitOptions, 'scope' | 'service' | 'locales' | 'wireFormat'>> & Pick<InitOptions, 'name' | 'title' | 'targets'>;

async function askForMissing(io: CliIo, options: InitOptions, projectName: string): Promise<Answers> {
  const defaults = {
    scope: options.scope ?? (projectName.match(/^@[^/]+/)?.[0] ?? `@${serviceId(projectName)}`),
    // `@payments/api` is the payments team's API: the scope names the service better than `api`.
    service: options.service ?? serviceId(projectName.match(/^@([^/]+)\//)?.[1] ?? projectName),
    locales: options.locales ?? 'en',
    wireFormat: options.wireFormat ?? 'problem-details',
  };
  if (!options.interactive) return { ...options, ...defaults };
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const ask = async (given: string | undefined, question: string, fallback: string) =>
      given ?? ((await prompt.question(`${question} (${fallback}): `)).trim() || fallback);
    return {
      ...options,
      scope: await ask(options.scope, 'npm scope of the generated packages', defaults.scope),
      service: await ask(options.service, 'service id', defaults.service),
      locales: await ask(options.locales, 'locales, default first', defaults.locales),
      wireFormat: await ask(options.wireFormat, `wire format: ${WIRE_FORMATS.join(', ')}`, defaults.wireFormat),
    };
  } finally {
    prompt.close();
    io.out('\n');
  }
}

/** Checks the answers as the spec schema will, so a bad flag fails here and not on the first `validate`. */
function starterOptions(answers: Answers): StarterOptions {
  const scope = answers.scope.startsWith('@') ? answers.scope : `@${answers.scope}`;
  if (!new RegExp(specSchema.definitions.settings.properties.scope.pattern).test(scope)) {
    throw new UserError(`--scope ${answers.scope}: an npm scope is lower-case, such as @payments`);
  }
  if (!new RegExp(specSchema.definitions.service.properties.id.pattern).test(answers.service)) {
    throw new UserError(`--service ${answers.service}: a service id is lower-case letters, digits and -, starting with a letter, such as payments`);
  }
  const wireFormat = answers.wireFormat as WireFormat;
  if (!WIRE_FORMATS.includes(wireFormat)) throw new UserError(`--wire-format ${answers.wireFormat}: choose one of ${WIRE_FORMATS.join(', ')}`);
  const locales = answers.locales.split(',').map((locale) => locale.trim()).filter(Boolean);
  for (const locale of locales) {
    try {
      new Intl.Locale(locale);
    } catch {
      throw new UserError(`--locales ${answers.locales}: ${locale} is not a BCP 47 language tag (such as en, de, zh-TW)`);
    }
  }
  if (locales.length === 0) throw new UserError('--locales: name at least one locale, the default first (en,de)');
  const targets = answers.targets?.split(',').map((target) => target.trim()) as TargetName[] | undefined;
  const unknown = targets?.filter((target) => !TARGETS.includes(target)) ?? [];
  if (unknown.length > 0) throw new UserError(`--targets: ${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not a target; choose from ${TARGETS.join(', ')}`);
  const name = answers.name ?? pascalCase(answers.service);
  if (!new RegExp(specSchema.definitions.service.properties.name.pattern).test(name)) {
    throw new UserError(`--name ${name}: the TypeScript prefix is PascalCase, such as Payments`);
  }
  return {
    scope,
    service: answers.service,
    name,
    title: answers.title ?? `${name} API`,
    locales: [...new Set(locales)],
    wireFormat,
    ...(targets ? { targets } : {}),
  };
}

/** `wx` fails when the file exists: init never overwrites, even when another process wrote it a moment ago. */
async function writeNew(file: string, text: string): Promise<void> {
  await writeFile(file, text, { encoding: 'utf8', flag: 'wx' }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EEXIST') throw new UserError(`${file} already exists; init never overwrites`);
    throw error;
  });
}
