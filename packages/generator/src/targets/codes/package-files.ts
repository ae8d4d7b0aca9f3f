import { packageManifest } from '../shared/package-manifest.js';
import type { GeneratedFile, TargetInput } from '../target.js';

/** The TypeScript the generated package builds with; the workspace pins the same. */
export const TYPESCRIPT_VERSION = '5.9.3';

export function buildManifest(input: TargetInput): GeneratedFile {
  return packageManifest(input, {
    target: 'codes',
    description: `Error codes of ${listOf(input.catalog.services.map((service) => service.title))} as TypeScript enums, catalog data, typed messages and error classes.`,
    keywords: ['error-codes', 'enum', 'errcat', 'problem-details'],
    main: './dist/index.js',
    types: './dist/index.d.ts',
    exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' }, './client': { types: './dist/client.d.ts', default: './dist/client.js' } },
    files: ['dist'],
    scripts: { build: 'tsc -p tsconfig.json', typecheck: 'tsc -p tsconfig.json --noEmit' },
    dependencies: { '@errcat/runtime': input.runtimeVersion },
    devDependencies: { typescript: TYPESCRIPT_VERSION },
  });
}

function listOf(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? 'this catalog') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
