import { siblingRange, sortedDependencies, TYPES_NODE_VERSION, TYPESCRIPT_VERSION, type HttpService } from '../shared/framework-adapters.js';
import { packageManifest, packageName } from '../shared/package-manifest.js';
import type { GeneratedFile, TargetInput } from '../target.js';

/** The Express majors the handlers are tested with (examples/express4-api, examples/express5-api). */
export const EXPRESS_RANGE = '^4.21.0 || ^5.0.0';

export function buildManifest(input: TargetInput, services: readonly HttpService[]): GeneratedFile {
  return packageManifest(input, {
    target: 'express',
    description: `Express error middleware for ${services.map((service) => service.set.title).join(' and ')}: every error answered in the exact wire format, in the client's language.`,
    keywords: ['express', 'middleware', 'errors', 'errcat', 'problem-details', 'i18n'],
    main: './dist/index.js',
    types: './dist/index.d.ts',
    exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' } },
    files: ['dist'],
    scripts: { build: 'tsc -p tsconfig.json', typecheck: 'tsc -p tsconfig.json --noEmit' },
    dependencies: sortedDependencies({ '@errcat/runtime': input.runtimeVersion, [packageName(input.catalog, 'codes')]: siblingRange(input, 'express', 'codes') }),
    peerDependencies: { express: EXPRESS_RANGE },
    devDependencies: { '@types/node': TYPES_NODE_VERSION, typescript: TYPESCRIPT_VERSION },
  });
}
