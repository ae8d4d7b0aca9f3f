// What the targets' tests hand a target besides the catalog: errcat's own
// templates, and the project facts of this repository (a pnpm workspace with
// turbo in which errcat and the runtime are packages), which the committed
// goldens were generated with.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Catalog } from '../../../model/catalog.js';
import { DEFAULT_TEMPLATE_DIR } from '../../../project/templates.js';
import type { ProjectFacts, TargetInput } from '../../target.js';

export const THIS_REPOSITORY: ProjectFacts = { siblingProtocol: 'workspace', turbo: true, generateTask: 'errcat#generate' };

export function defaultTemplates(): Record<string, string> {
  return Object.fromEntries(
    readdirSync(DEFAULT_TEMPLATE_DIR)
      .filter((name) => name.endsWith('.hbs'))
      .map((name) => [name, readFileSync(path.join(DEFAULT_TEMPLATE_DIR, name), 'utf8')]),
  );
}

export function fixtureInput(catalog: Catalog, project: ProjectFacts = THIS_REPOSITORY): TargetInput {
  return { catalog, templates: defaultTemplates(), versions: {}, runtimeVersion: 'workspace:^', project };
}
