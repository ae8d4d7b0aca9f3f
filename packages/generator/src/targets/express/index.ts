import { httpServices } from '../shared/framework-adapters.js';
import { packageTsconfig, packageTurboJson } from '../shared/package-files.js';
import { packageName } from '../shared/package-manifest.js';
import type { GeneratedFile, Target, TargetInput } from '../target.js';
import { buildHandlersFile } from './handlers-file.js';
import { buildIndexFile } from './index-file.js';
import { buildManifest } from './package-files.js';
import { buildReadme, README_TEMPLATE } from './readme.js';

const PACKAGE_DIR = 'packages/express';

/** `@<scope>/express`: per service, an error-handling middleware and a not-found handler bound to its catalog. */
export const expressTarget: Target = {
  name: 'express',
  packageDir: PACKAGE_DIR,
  templates: [README_TEMPLATE],
  generate(input: TargetInput): GeneratedFile[] {
    const services = httpServices(input.catalog);
    const codesPackage = packageName(input.catalog, 'codes');
    return [
      buildManifest(PACKAGE_DIR, input, services),
      packageTsconfig(PACKAGE_DIR, { types: ['node'] }),
      packageTurboJson(PACKAGE_DIR),
      buildReadme(PACKAGE_DIR, input, services),
      buildIndexFile(PACKAGE_DIR, services),
      ...services.map((service) => buildHandlersFile(PACKAGE_DIR, codesPackage, service)),
    ];
  },
};
