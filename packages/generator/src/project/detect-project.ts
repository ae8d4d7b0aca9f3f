import { readFile, realpath, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';
import picomatch from 'picomatch';
import type { SiblingProtocol } from '../targets/target.js';

export type PackageManager = 'npm' | 'pnpm' | 'yarn';

/** What errcat needs to know about the repository it generates into, read from its root. */
export interface Project {
  readonly root: string;
  readonly packageManager: PackageManager;
  /** Workspace package globs (`packages/*`), empty when the root is no workspace. */
  readonly workspaces: readonly string[];
  readonly siblingProtocol: SiblingProtocol;
  readonly turbo: boolean;
  /** errcat itself is a package of this workspace (errcat's own repository): turbo can name its task. */
  readonly errcatInWorkspace: boolean;
  /** `@errcat/runtime` is a package of this workspace: generated packages take it with `workspace:^`. */
  readonly runtimeInWorkspace: boolean;
  readonly runtimeVersion: string;
  readonly licenseText?: string;
}

const LICENSE_FILES = ['LICENSE', 'LICENSE.md', 'LICENSE.txt', 'LICENCE', 'LICENCE.md'];

/** Every file at the project's root that `detectProject` reads or looks for: a change to any of them can change the output. */
export const PROJECT_FILES: readonly string[] = ['package.json', 'pnpm-workspace.yaml', 'pnpm-lock.yaml', 'yarn.lock', '.yarnrc.yml', 'turbo.json', 'turbo.jsonc', ...LICENSE_FILES];

/** Reads the project's root: package manager, workspace globs, turbo, license; errcat's own place in it. */
export async function detectProject(root: string): Promise<Project> {
  const manifest = await readJson(path.join(root, 'package.json'));
  const pnpmWorkspace = await readText(path.join(root, 'pnpm-workspace.yaml'));
  const packageManager = await detectPackageManager(root, manifest, pnpmWorkspace !== undefined);
  const workspaces = pnpmWorkspace !== undefined ? pnpmPackages(pnpmWorkspace) : manifestWorkspaces(manifest);
  const isWorkspace = pnpmWorkspace !== undefined || workspaces.length > 0;
  const yarnBerry = packageManager === 'yarn' && (await exists(path.join(root, '.yarnrc.yml')) || /^yarn@[2-9]/.test(String(manifest?.packageManager ?? '')));
  const siblingProtocol: SiblingProtocol = !isWorkspace ? 'file' : packageManager === 'pnpm' || yarnBerry ? 'workspace' : 'version';
  const runtime = await runtimePackage();
  const errcatDir = fileURLToPath(new URL('../../', import.meta.url));
  const inWorkspace = async (dir: string) => isWorkspace && (await isWorkspacePackage(root, workspaces, dir));
  const licenseText = await firstText(LICENSE_FILES.map((name) => path.join(root, name)));
  return {
    root,
    packageManager,
    workspaces,
    siblingProtocol,
    turbo: (await exists(path.join(root, 'turbo.json'))) || (await exists(path.join(root, 'turbo.jsonc'))),
    errcatInWorkspace: await inWorkspace(errcatDir),
    runtimeInWorkspace: siblingProtocol === 'workspace' && (await inWorkspace(runtime.dir)),
    runtimeVersion: runtime.version,
    ...(licenseText !== undefined ? { licenseText } : {}),
  };
}

/** Whether a folder (given relative to the root) is matched by the workspace's package globs. */
export function coveredByWorkspace(workspaces: readonly string[], dir: string): boolean {
  const include = workspaces.filter((glob) => !glob.startsWith('!'));
  const exclude = workspaces.filter((glob) => glob.startsWith('!')).map((glob) => glob.slice(1));
  const clean = (glob: string) => glob.replace(/^\.\//, '').replace(/\/+$/, '');
  return picomatch.isMatch(dir, include.map(clean)) && !(exclude.length > 0 && picomatch.isMatch(dir, exclude.map(clean)));
}

async function isWorkspacePackage(root: string, workspaces: readonly string[], dir: string): Promise<boolean> {
  const real = await realpath(dir).catch(() => dir);
  const relative = path.relative(await realpath(root).catch(() => root), real).split(path.sep).join('/');
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative) || relative.split('/').includes('node_modules')) return false;
  return coveredByWorkspace(workspaces, relative);
}

async function detectPackageManager(root: string, manifest: Record<string, unknown> | undefined, hasPnpmWorkspace: boolean): Promise<PackageManager> {
  const declared = String(manifest?.packageManager ?? '').split('@')[0];
  if (declared === 'pnpm' || declared === 'yarn' || declared === 'npm') return declared;
  if (hasPnpmWorkspace || (await exists(path.join(root, 'pnpm-lock.yaml')))) return 'pnpm';
  if (await exists(path.join(root, 'yarn.lock'))) return 'yarn';
  return 'npm';
}

function pnpmPackages(text: string): string[] {
  try {
    const data = yaml.load(text) as { packages?: unknown } | undefined;
    return Array.isArray(data?.packages) ? data.packages.filter((entry): entry is string => typeof entry === 'string') : [];
  } catch {
    return [];
  }
}

function manifestWorkspaces(manifest: Record<string, unknown> | undefined): string[] {
  const field = manifest?.workspaces;
  const list = Array.isArray(field) ? field : field && typeof field === 'object' && Array.isArray((field as { packages?: unknown }).packages) ? (field as { packages: unknown[] }).packages : [];
  return list.filter((entry): entry is string => typeof entry === 'string');
}

/** The `@errcat/runtime` this errcat was built with, as Node resolves it from errcat's own location. */
async function runtimePackage(): Promise<{ dir: string; version: string }> {
  const manifestPath = createRequire(import.meta.url).resolve('@errcat/runtime/package.json');
  const manifest = await readJson(manifestPath);
  if (typeof manifest?.version !== 'string') throw new Error(`${manifestPath} has no version`);
  return { dir: path.dirname(manifestPath), version: manifest.version };
}

export async function readJson(file: string): Promise<Record<string, unknown> | undefined> {
  const text = await readText(file);
  return text === undefined ? undefined : parseJsonObject(text);
}

/** A JSON object's members; undefined for text that is no JSON object. */
function parseJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

async function readText(file: string): Promise<string | undefined> {
  return readFile(file, 'utf8').catch(() => undefined);
}

async function firstText(files: readonly string[]): Promise<string | undefined> {
  for (const file of files) {
    const text = await readText(file);
    if (text !== undefined) return text;
  }
  return undefined;
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}
