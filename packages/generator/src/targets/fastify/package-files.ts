import { siblingRange, sortedDependencies, TYPES_NODE_VERSION, TYPESCRIPT_VERSION, type HttpService } from '../shared/framework-adapters.js';
import { packageManifest, packageName } from '../shared/package-manifest.js';
import type { GeneratedFile, TargetInput } from '../target.js';

export const FASTIFY_RANGE = '^5.0.0';
export const FASTIFY_PLUGIN_RANGE = '^5.0.0';
/** Fastify's typings, to build the package's declarations. */
export const FASTIFY_DEV_VERSION = '^5.12.0';

export function buildManifest(input: TargetInput, services: readonly HttpService[]): GeneratedFile {
  return packageManifest(input, {
    target: 'fastify',
    description: `Fastify plugins for ${services.map((service) => service.set.title).join(' and ')}: every error answered in the exact wire format, in the client's language, serialized from the JSON Schemas.`,
    keywords: ['fastify', 'fastify-plugin', 'errors', 'errcat', 'problem-details', 'i18n'],
    main: './dist/index.js',
    types: './dist/index.d.ts',
    exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' } },
    files: ['dist'],
    scripts: { build: 'tsc -p tsconfig.json', typecheck: 'tsc -p tsconfig.json --noEmit' },
    dependencies: sortedDependencies({
      '@errcat/runtime': input.runtimeVersion,
      [packageName(input.catalog, 'codes')]: siblingRange(input, 'fastify', 'codes'),
      [packageName(input.catalog, 'json-schema')]: siblingRange(input, 'fastify', 'json-schema'),
      'fastify-plugin': FASTIFY_PLUGIN_RANGE,
    }),
    peerDependencies: { fastify: FASTIFY_RANGE },
    devDependencies: { '@types/node': TYPES_NODE_VERSION, fastify: FASTIFY_DEV_VERSION, typescript: TYPESCRIPT_VERSION },
  });
}
