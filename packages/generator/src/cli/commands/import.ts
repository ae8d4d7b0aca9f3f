import { readFile, writeFile, mkdir, access } from 'node:fs/promises';
import path from 'node:path';
import { decodeText } from '../../load/read-spec-dir.js';
import { emitSpecYaml } from '../../import/emit-yaml.js';
import { importPages, type PageInput } from '../../import/import-pages.js';
import { ImportProblem } from '../../import/read-page.js';
import { displayPath, EXIT, type CliIo } from '../io.js';
import type { RawSpecFile } from '../../spec/raw-spec.js';
import { UserError } from '../user-error.js';

export interface ImportOptions {
  out: string;
  locale: string[];
  defaultLocale: string;
  schema: string;
  force: boolean;
}

/** `errcat import <page.md>…`: docs pages → one spec file per service. */
export async function importCommand(io: CliIo, pages: string[], options: ImportOptions): Promise<number> {
  const overrides = parseLocaleOverrides(io, options.locale);
  const inputs: PageInput[] = [];
  for (const page of pages) {
    const absolute = path.resolve(io.cwd, page);
    const bytes = await readFile(absolute).catch(() => {
      throw new UserError(`${page}: cannot read this file; check the path`);
    });
    const text = decodeText(bytes);
    if (text === undefined) throw new UserError(`${page}: not a UTF-8 text file; errcat import reads Markdown pages`);
    const locale = overrides.get(absolute);
    inputs.push({ file: displayPath(io, absolute), text, ...(locale ? { locale } : {}) });
  }
  let services;
  try {
    services = importPages(inputs, options.defaultLocale);
  } catch (error) {
    if (error instanceof ImportProblem) throw new UserError(`${error.file}:${error.line}: ${error.message}`);
    throw error;
  }
  const outDir = path.resolve(io.cwd, options.out);
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
  for (const { serviceId, spec, decisions } of services) {
    const target = path.join(outDir, `${serviceId}.yaml`);
    if (!options.force && (await exists(target))) {
      throw new UserError(`${displayPath(io, target)} already exists; pass --force to overwrite it, or --out another folder`);
    }
    await writeFile(target, emitSpecYaml(spec, schema, ['Imported by `errcat import`; review service.failures, params and notes.']), 'utf8');
    io.out(`wrote ${displayPath(io, target)}\n`);
    for (const decision of decisions) io.out(`  ${decision}\n`);
  }
  return EXIT.ok;
}

function parseLocaleOverrides(io: CliIo, values: readonly string[]): Map<string, string> {
  const overrides = new Map<string, string>();
  for (const value of values) {
    const at = value.lastIndexOf('=');
    if (at <= 0 || at === value.length - 1) throw new UserError(`--locale ${value}: write it as FILE=TAG, for example --locale page.zh-tw.md=zh-TW`);
    overrides.set(path.resolve(io.cwd, value.slice(0, at)), value.slice(at + 1));
  }
  return overrides;
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}
