import type { Target, TargetInput } from '../target.js';
import { packageName } from '../shared/package-manifest.js';
import { buildCatalogFile } from './catalog-file.js';
import { buildEnumsFile } from './enums-file.js';
import { errorSets } from './error-sets.js';
import { buildErrorsFile } from './errors-file.js';
import { buildIndexFile } from './index-file.js';
import { packageTsconfig, packageTurboJson } from '../shared/package-files.js';
import { buildManifest } from './package-files.js';
import { buildReadme, README_TEMPLATE } from './readme.js';

const PACKAGE_DIR = 'packages/codes';

/** `@<scope>/codes`: enums, catalog data, typed messages and error classes, built with ts-morph. */
export const codesTarget: Target = {
  name: 'codes',
  packageDir: PACKAGE_DIR,
  templates: [README_TEMPLATE],
  generate(input: TargetInput) {
    const sets = errorSets(input.catalog);
    const name = packageName(input.catalog, 'codes');
    return [
      buildManifest(PACKAGE_DIR, input),
      packageTsconfig(PACKAGE_DIR, { erasableSyntaxOnly: input.catalog.settings.enumStyle === 'const-object' }),
      packageTurboJson(PACKAGE_DIR),
      buildReadme(PACKAGE_DIR, input, sets),
      buildIndexFile(PACKAGE_DIR, sets),
      ...sets.flatMap((set) => [
        buildEnumsFile(PACKAGE_DIR, set, input.catalog.settings.enumStyle),
        buildCatalogFile(PACKAGE_DIR, name, set),
        buildErrorsFile(PACKAGE_DIR, set),
      ]),
    ];
  },
};
