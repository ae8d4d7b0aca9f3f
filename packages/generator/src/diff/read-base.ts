import { execFile } from 'node:child_process';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { isSpecFileName, readSpecDir, type SpecText } from '../load/read-spec-dir.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { UserError } from '../cli/user-error.js';

const run = promisify(execFile);

export interface BaseSpec {
  texts: SpecText[];
  diagnostics: Diagnostic[];
  /** How the base is named in the report. */
  label: string;
}

/**
 * The catalog to compare with: a folder when `base` names one, else the spec
 * folder as committed at the git ref `base`, read with `git show` so the work
 * tree is never touched.
 */
export async function readBaseSpec(root: string, specDir: string, base: string, display: (absolute: string) => string): Promise<BaseSpec> {
  const asDir = path.resolve(root, base);
  if (await stat(asDir).then((info) => info.isDirectory(), () => false)) {
    return { ...(await readSpecDir(asDir, display)), label: display(asDir) };
  }
  const git = (...args: string[]) => run('git', args, { cwd: root, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' }).then(({ stdout }) => stdout);
  const top = (await git('rev-parse', '--show-toplevel').catch(() => {
    throw new UserError(`--base ${base}: ${display(root)} is not in a git repository, and ${base} is not a folder; pass --base <spec folder>`);
  })).trim();
  await git('rev-parse', '--verify', '--quiet', `${base}^{commit}`).catch(() => {
    throw new UserError(`--base ${base}: no such commit, branch or tag, and no such folder`);
  });
  const prefix = path.relative(top, specDir).split(path.sep).join('/');
  const listed = await git('ls-tree', '-z', '--name-only', `${base}`, '--', `${prefix}/`);
  const names = listed.split('\0').filter((name) => isSpecFileName(path.posix.basename(name))).sort();
  const texts = await Promise.all(
    names.map(async (name) => ({ file: `${base}:${name}`, text: await git('show', `${base}:${name}`) })),
  );
  return { texts, diagnostics: [], label: base };
}
