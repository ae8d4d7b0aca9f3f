import { httpServices } from '../shared/framework-adapters.js';
import { packageTsconfig, projectFiles } from '../shared/package-files.js';
import { packageName } from '../shared/package-manifest.js';
import { packageDir, type GeneratedFile, type Target, type TargetInput } from '../target.js';
import { buildHandlersFile } from './handlers-file.js';
import { buildIndexFile } from './index-file.js';
import { buildManifest } from './package-files.js';
import { buildReadme, README_TEMPLATE } from './readme.js';

/** `@<scope>/express`: per service, an error-handling middleware and a not-found handler bound to its catalog. */
export const expressTarget: Target = {
  name: 'express',
  templates: [README_TEMPLATE],
  generate(input: TargetInput): GeneratedFile[] {
    const dir = packageDir(input.catalog, 'express');
    const services = httpServices(input.catalog);
    const codesPackage = packageName(input.catalog, 'codes');
    return [
      buildManifest(input, services),
      packageTsconfig(dir, { types: ['node'] }),
      ...projectFiles(input, 'express'),
      buildReadme(dir, input, services),
      buildIndexFile(dir, services),
      ...services.map((service) => buildHandlersFile(dir, codesPackage, service)),
    ];
  },
};
