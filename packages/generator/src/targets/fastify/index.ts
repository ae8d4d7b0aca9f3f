import { httpServices } from '../shared/framework-adapters.js';
import { packageTsconfig, projectFiles } from '../shared/package-files.js';
import { packageDir, type GeneratedFile, type Target, type TargetInput } from '../target.js';
import { buildIndexFile } from './index-file.js';
import { buildManifest } from './package-files.js';
import { buildPluginFile } from './plugin-file.js';
import { buildReadme, README_TEMPLATE } from './readme.js';

/** `@<scope>/fastify`: per service, a Fastify plugin bound to its catalog and its response schemas. */
export const fastifyTarget: Target = {
  name: 'fastify',
  templates: [README_TEMPLATE],
  generate(input: TargetInput): GeneratedFile[] {
    const dir = packageDir(input.catalog, 'fastify');
    const services = httpServices(input.catalog);
    return [
      buildManifest(input, services),
      packageTsconfig(dir, { types: ['node'] }),
      ...projectFiles(input, 'fastify'),
      buildReadme(dir, input, services),
      buildIndexFile(dir, services),
      ...services.map((service) => buildPluginFile(dir, input.catalog, service)),
    ];
  },
};
