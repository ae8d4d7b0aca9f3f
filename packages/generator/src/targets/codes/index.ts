import { packageDir, type Target, type TargetInput } from '../target.js';
import { packageName } from '../shared/package-manifest.js';
import { buildCatalogFile } from './catalog-file.js';
import { buildEnumsFile } from './enums-file.js';
import { errorSets } from '../shared/error-sets.js';
import { buildErrorsFile } from './errors-file.js';
import { buildClientFile } from './client-file.js';
import { buildClientIndexFile, buildIndexFile } from './index-file.js';
import { packageTsconfig, projectFiles } from '../shared/package-files.js';
import { buildManifest } from './package-files.js';
import { buildReadme, README_TEMPLATE } from './readme.js';

/** `@<scope>/codes`: enums, catalog data, typed messages and error classes, built with ts-morph. */
export const codesTarget: Target = {
  name: 'codes',
  templates: [README_TEMPLATE],
  generate(input: TargetInput) {
    const dir = packageDir(input.catalog, 'codes');
    const sets = errorSets(input.catalog);
    const name = packageName(input.catalog, 'codes');
    return [
      buildManifest(input),
      packageTsconfig(dir, { erasableSyntaxOnly: input.catalog.settings.enumStyle === 'const-object' }),
      ...projectFiles(input, 'codes'),
      buildReadme(dir, input, sets),
      buildIndexFile(dir, sets),
      buildClientIndexFile(dir, sets),
      ...sets.flatMap((set) => [
        buildEnumsFile(dir, set, input.catalog.settings.enumStyle),
        buildCatalogFile(dir, name, set),
        buildErrorsFile(dir, set),
        buildClientFile(dir, set),
      ]),
    ];
  },
};
