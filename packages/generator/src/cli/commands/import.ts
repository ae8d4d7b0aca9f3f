import { readFile, writeFile, mkdir, access } from 'node:fs/promises';
import path from 'node:path';
import { decodeText } from '../../load/read-spec-dir.js';
import { emitSpecYaml } from '../../import/emit-yaml.js';
import { importPages, type PageInput } from '../../import/import-pages.js';
import { ImportProblem, ImportProblems } from '../../import/read-page.js';
import { displayPath, EXIT, type CliIo } from '../io.js';
import type { RawSpecFile } from '../../spec/raw-spec.js';
import { UserError } from '../user-error.js';

export interface ImportOptions {
  out: string;
  locale: string[];
  /** `TRANSLATION=DEFAULT` page pairs, which win over pairing by asset id or anchors. */
  pair: string[];
  defaultLocale: string;
  schema: string;
  force: boolean;
}

/** `errcat import <page.md>…`: docs pages → one spec file per service. */
export async function importCommand(io: CliIo, pages: string[], options: ImportOptions): Promise<number> {
  const overrides = new Map(parseAssignments(io, '--locale', options.locale, 'FILE=TAG', 'page.zh-tw.md=zh-TW'));
  const pairs = new Map(
    parseAssignments(io, '--pair', options.pair, 'TRANSLATION=DEFAULT', 'batch.de.md=batch.md').map(([translation, main]) => [translation, displayPath(io, path.resolve(io.cwd, main))]),
  );
  const listed = new Set(pages.map((page) => path.resolve(io.cwd, page)));
  for (const value of options.pair) {
    const translation = value.slice(0, value.lastIndexOf('='));
    if (!listed.has(path.resolve(io.cwd, translation))) throw new UserError(`--pair ${value}: ${translation} is not one of the pages to import; list it too`);
  }
  const inputs: PageInput[] = [];
  for (const page of pages) {
    const absolute = path.resolve(io.cwd, page);
    const bytes = await readFile(absolute).catch(() => {
      throw new UserError(`${page}: cannot read this file; check the path`);
    });
    const text = decodeText(bytes);
    if (text === undefined) throw new UserError(`${page}: not a UTF-8 text file; errcat import reads Markdown pages`);
    const locale = overrides.get(absolute);
    const pairWith = pairs.get(absolute);
    inputs.push({ file: displayPath(io, absolute), text, ...(locale ? { locale } : {}), ...(pairWith ? { pairWith } : {}) });
  }
  let services;
  try {
    services = importPages(inputs, options.defaultLocale);
  } catch (error) {
    if (error instanceof ImportProblem || error instanceof ImportProblems) {
      for (const problem of error instanceof ImportProblems ? error.problems : [error]) io.err(`errcat: ${describeProblem(problem)}\n`);
      io.err('nothing written\n');
      return EXIT.userError;
    }
    throw error;
  }
  const outDir = path.resolve(io.cwd, options.out);
  const targets = services.map((service) => ({ ...service, target: path.join(outDir, `${service.serviceId}.yaml`) }));
  if (!options.force) {
    for (const { target } of targets) {
      if (await exists(target)) throw new UserError(`${displayPath(io, target)} already exists; pass --force to overwrite it, or --out another folder`);
    }
  }
  await mkdir(outDir, { recursive: true });
  const schema = path.relative(outDir, path.resolve(io.cwd, options.schema)).split(path.sep).join('/');
  const settingsFile = path.join(outDir, 'errcat.yaml');
  if (!(await exists(settingsFile))) {
    // A catalog needs its settings once; start from what the pages say.
    const locales = [...new Set(services.flatMap(({ spec }) => spec.service?.locales ?? []))];
    const settings: RawSpecFile = {
      settings: {
        scope: '@my-errors',
        targets: ['codes', 'openapi', 'json-schema', 'express', 'fastify'],
        locales: { default: options.defaultLocale, supported: [options.defaultLocale, ...locales.filter((locale) => locale !== options.defaultLocale)] },
      },
    };
    await writeFile(settingsFile, emitSpecYaml(settings, schema, ['Settings shared by every service; set `scope` to your npm scope.']), 'utf8');
    io.out(`wrote ${displayPath(io, settingsFile)}\n  settings.scope: @my-errors; set your npm scope\n`);
  }
  for (const { spec, decisions, toFill, target } of targets) {
    await writeFile(target, emitSpecYaml(spec, schema, ['Imported by `errcat import`; review service.failures, params and notes.'], toFill), 'utf8');
    io.out(`wrote ${displayPath(io, target)}\n`);
    for (const decision of decisions) io.out(`  ${decision}\n`);
  }
  return EXIT.ok;
}

/** `FILE=VALUE` options (`--locale`, `--pair`), keyed by the file's absolute path. */
function parseAssignments(io: CliIo, option: string, values: readonly string[], form: string, example: string): Array<[string, string]> {
  return values.map((value) => {
    const at = value.lastIndexOf('=');
    if (at <= 0 || at === value.length - 1) throw new UserError(`${option} ${value}: write it as ${form}, for example ${option} ${example}`);
    return [path.resolve(io.cwd, value.slice(0, at)), value.slice(at + 1)];
  });
}

/** A problem with a line is `file:line: …`; one about a page as a whole names the page itself. */
function describeProblem(problem: ImportProblem): string {
  return problem.line > 0 ? `${problem.file}:${problem.line}: ${problem.message}` : problem.message;
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}
