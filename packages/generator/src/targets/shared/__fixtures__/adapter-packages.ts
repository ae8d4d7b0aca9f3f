// Shared by the express and fastify targets' tests: write generated packages
// side by side in a temporary folder (codes, json-schema, the adapter), with a
// node_modules that links the runtime and the frameworks the runtime tests
// with, then compile them with the TypeScript compiler API and import them.

import { realpathSync } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import type { Catalog } from '../../../model/catalog.js';
import { codesTarget } from '../../codes/index.js';
import { jsonSchemaTarget } from '../../json-schema/index.js';
import { packageDir, type GeneratedFile, type Target } from '../../target.js';
import { packageName } from '../package-manifest.js';
import { REPO, targetInput } from '../error-bodies/__fixtures__/catalogs.js';

const RUNTIME = path.join(REPO, 'packages/runtime');

/** Packages the runtime's own tests use, linked by their real paths so their dependencies resolve. */
const FROM_RUNTIME = ['express', 'fastify', 'fastify-plugin', '@types/node', '@types/express'];

export interface Workspace {
  readonly root: string;
  /** Folder of a written package, by its target's name. */
  dir(target: Target): string;
  dispose(): Promise<void>;
}

export function generateWith(target: Target, catalog: Catalog): GeneratedFile[] {
  return target.generate(targetInput(catalog));
}

/**
 * Writes `codes`, `json-schema` and `targets` for `catalog`, links them as
 * `<scope>/<name>`, builds `codes` to dist/, and returns the folder.
 */
export async function writeWorkspace(catalog: Catalog, targets: readonly Target[]): Promise<Workspace> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'errcat-adapters-'));
  // Type tests written at the root are ES modules, like an application's code.
  await writeFile(path.join(root, 'package.json'), '{ "type": "module", "private": true }\n');
  const dir = (target: Target) => path.join(root, path.posix.basename(packageDir(catalog, target.name)));
  for (const target of [codesTarget, jsonSchemaTarget, ...targets]) {
    for (const file of generateWith(target, catalog)) {
      const at = path.join(dir(target), path.posix.relative(packageDir(catalog, target.name), file.path));
      await mkdir(path.dirname(at), { recursive: true });
      await writeFile(at, file.contents);
    }
    await link(root, packageName(catalog, target.name), dir(target));
  }
  await link(root, '@errcat/runtime', RUNTIME);
  for (const name of FROM_RUNTIME) await link(root, name, realpathSync(path.join(RUNTIME, 'node_modules', name)));
  const built = compile(dir(codesTarget), { emit: true });
  if (built.length) throw new Error(`the codes package did not build:\n${built.join('\n')}`);
  return { root, dir, dispose: () => rm(root, { recursive: true, force: true }) };
}

async function link(root: string, name: string, target: string): Promise<void> {
  const at = path.join(root, 'node_modules', name);
  await mkdir(path.dirname(at), { recursive: true });
  await symlink(target, at, 'dir');
}

/** Type-checks (with `emit`, builds to dist/) the package in `dir` under its own tsconfig, plus `extraFiles`; the diagnostics as text. */
export function compile(dir: string, options: { emit?: boolean; extraFiles?: readonly string[] } = {}): string[] {
  const configPath = path.join(dir, 'tsconfig.json');
  const parsed = ts.parseJsonConfigFileContent(ts.readConfigFile(configPath, ts.sys.readFile).config, ts.sys, dir);
  const extra = options.extraFiles ?? [];
  const compilerOptions = { ...parsed.options, ...(extra.length ? { rootDir: path.dirname(dir), noEmit: true } : {}), ...(options.emit ? {} : { noEmit: true }) };
  const program = ts.createProgram({ rootNames: [...parsed.fileNames, ...extra], options: compilerOptions });
  const diagnostics = [...ts.getPreEmitDiagnostics(program), ...(options.emit ? program.emit().diagnostics : [])];
  return diagnostics.map((diagnostic) => {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    if (!diagnostic.file || diagnostic.start === undefined) return message;
    const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    return `${path.relative(dir, diagnostic.file.fileName)}:${line + 1}:${character + 1} ${message}`;
  });
}
