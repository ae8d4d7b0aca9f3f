import path from 'node:path';
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { resolvePackages } from '../../model/package-layout.js';
import type { Rule } from '../rule-context.js';

/**
 * Every enabled target gets a folder of its own inside the project and a name
 * of its own: `generate` owns each folder entirely, so two targets sharing
 * one, or a folder outside the root, would let one package delete another's
 * files or the user's.
 */
export const checkLayout: Rule = ({ files, settings }) => {
  const file = files.find((entry) => entry.spec.settings);
  // Parts the structural check left out are someone else's diagnostic.
  if (!settings || !file || !Array.isArray(settings.targets) || typeof settings.scope !== 'string') return [];
  const packages = resolvePackages(settings);
  const at = (target: string, field: 'dir' | 'name') =>
    settings.packages?.[target as keyof typeof packages]?.[field] !== undefined
      ? file.source.locate(['settings', 'packages', target, field])
      : field === 'dir' && settings.output !== undefined
        ? file.source.locate(['settings', 'output'])
        : file.source.locate(['settings', 'scope']);
  const diagnostics: Diagnostic[] = [];
  const enabled = settings.targets.filter((target, index) => settings.targets.indexOf(target) === index);
  for (const [index, target] of enabled.entries()) {
    const { dir, name } = packages[target];
    if (path.posix.isAbsolute(dir) || dir === '.' || dir === '..' || dir.startsWith('../') || /^[a-zA-Z]:/.test(dir)) {
      diagnostics.push(diagnostic('packageDirOutside', at(target, 'dir'), { target, dir }));
      continue;
    }
    for (const other of enabled.slice(index + 1)) {
      const otherDir = packages[other].dir;
      if (dir === otherDir || otherDir.startsWith(`${dir}/`) || dir.startsWith(`${otherDir}/`)) {
        diagnostics.push(diagnostic('packageDirShared', at(other, 'dir'), { target: other, dir: otherDir, other: target, otherDir: dir }));
      }
      if (packages[other].name === name) diagnostics.push(diagnostic('packageNameShared', at(other, 'name'), { target: other, name, other: target }));
    }
  }
  return diagnostics;
};
