import { httpServices } from '../shared/framework-adapters.js';
import { packageTsconfig, packageTurboJson } from '../shared/package-files.js';
import type { GeneratedFile, Target, TargetInput } from '../target.js';
import { buildIndexFile } from './index-file.js';
import { buildManifest } from './package-files.js';
import { buildPluginFile } from './plugin-file.js';
import { buildReadme, README_TEMPLATE } from './readme.js';

const PACKAGE_DIR = 'packages/fastify';

/** `@<scope>/fastify`: per service, a Fastify plugin bound to its catalog and its response schemas. */
export const fastifyTarget: Target = {
  name: 'fastify',
  packageDir: PACKAGE_DIR,
  templates: [README_TEMPLATE],
  generate(input: TargetInput): GeneratedFile[] {
    const services = httpServices(input.catalog);
    return [
      buildManifest(PACKAGE_DIR, input, services),
      packageTsconfig(PACKAGE_DIR, { types: ['node'] }),
      packageTurboJson(PACKAGE_DIR),
      buildReadme(PACKAGE_DIR, input, services),
      buildIndexFile(PACKAGE_DIR, services),
      ...services.map((service) => buildPluginFile(PACKAGE_DIR, input.catalog, service)),
    ];
  },
};
