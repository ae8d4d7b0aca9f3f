// Shared by the codes target's tests: load a spec, generate, write the
// package next to a link to the runtime, compile it with the TypeScript
// compiler API, import it.

import { readFileSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { loadCatalogFromTexts } from '../../../load/load-catalog.js';
import type { Catalog } from '../../../model/catalog.js';
import type { GeneratedFile } from '../../target.js';
import { codesTarget } from '../index.js';
import { fixtureInput } from '../../shared/__fixtures__/target-input.js';

export const REPO = path.resolve(import.meta.dirname, '../../../../../..');
export const PACKAGE_DIR = 'packages/codes';


/** Loads spec YAML files from a folder, failing loudly on any diagnostic error. */
export function loadSpecDir(dir: string, override?: (file: string, text: string) => string): Catalog {
  const texts = readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => ({ file: name, text: (override ?? ((_file: string, text: string) => text))(name, readFileSync(path.join(dir, name), 'utf8')) }));
  return loadSpecTexts(texts);
}

export function loadSpecTexts(texts: Array<{ file: string; text: string }>): Catalog {
  const { catalog, diagnostics } = loadCatalogFromTexts(texts);
  if (!catalog) throw new Error(`spec did not load:\n${diagnostics.map((entry) => JSON.stringify(entry)).join('\n')}`);
  return catalog;
}

export function generate(catalog: Catalog): GeneratedFile[] {
  return codesTarget.generate(fixtureInput(catalog));
}

export function withEnumStyle(catalog: Catalog, enumStyle: 'enum' | 'const-object'): Catalog {
  return { ...catalog, settings: { ...catalog.settings, enumStyle } };
}

/** A fresh folder (removed by `dispose`) holding the package and its own node_modules links. */
export async function materialize(files: readonly GeneratedFile[], links: Record<string, string> = {}): Promise<{ dir: string; dispose: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'errcat-codes-'));
  for (const file of files) {
    const target = path.join(dir, path.relative(PACKAGE_DIR, file.path));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, file.contents);
  }
  await link(dir, '@errcat/runtime', path.join(REPO, 'packages/runtime'));
  for (const [name, target] of Object.entries(links)) await link(dir, name, target);
  return { dir, dispose: () => rm(dir, { recursive: true, force: true }) };
}

export async function link(dir: string, name: string, target: string): Promise<void> {
  const at = path.join(dir, 'node_modules', name);
  await mkdir(path.dirname(at), { recursive: true });
  await symlink(target, at, 'dir');
}

/** Type-checks (and with `emit`, builds to dist/) the package in `dir` with its own tsconfig; returns the diagnostics as text. */
export function compile(dir: string, options: { emit?: boolean; extraFiles?: string[] } = {}): string[] {
  const configPath = path.join(dir, 'tsconfig.json');
  const config = ts.readConfigFile(configPath, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, dir);
  const rootNames = [...parsed.fileNames, ...(options.extraFiles ?? [])];
  const compilerOptions = { ...parsed.options, ...(options.extraFiles?.length ? { rootDir: dir, noEmit: true } : {}), ...(options.emit ? {} : { noEmit: true }) };
  const program = ts.createProgram({ rootNames, options: compilerOptions });
  const diagnostics = [...ts.getPreEmitDiagnostics(program), ...(options.emit ? program.emit().diagnostics : [])];
  return diagnostics.map((diagnostic) => {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    if (!diagnostic.file || diagnostic.start === undefined) return message;
    const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    return `${path.relative(dir, diagnostic.file.fileName)}:${line + 1}:${character + 1} ${message}`;
  });
}
