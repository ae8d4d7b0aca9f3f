import { jsonFile } from '../shared/json-file.js';
import { packageManifest } from '../shared/package-manifest.js';
import type { GeneratedFile, TargetInput } from '../target.js';
import type { EnumStyle } from './enums-file.js';

/** The TypeScript the generated package builds with; the workspace pins the same. */
export const TYPESCRIPT_VERSION = '5.9.3';

export function buildManifest(packageDir: string, input: TargetInput): GeneratedFile {
  return packageManifest(packageDir, input, {
    packageName: 'codes',
    description: `Error codes of ${listOf(input.catalog.services.map((service) => service.title))} as TypeScript enums, catalog data, typed messages and error classes.`,
    keywords: ['error-codes', 'enum', 'errcat', 'problem-details'],
    main: './dist/index.js',
    types: './dist/index.d.ts',
    exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' } },
    files: ['dist'],
    scripts: { build: 'tsc -p tsconfig.json', typecheck: 'tsc -p tsconfig.json --noEmit' },
    dependencies: { '@errcat/runtime': input.runtimeVersion },
    devDependencies: { typescript: TYPESCRIPT_VERSION },
  });
}

/**
 * A tsconfig that needs nothing from the workspace around it. With
 * `const-object` enums the package also compiles under `erasableSyntaxOnly`.
 */
export function buildTsconfig(packageDir: string, enumStyle: EnumStyle): GeneratedFile {
  return jsonFile(`${packageDir}/tsconfig.json`, {
    compilerOptions: {
      target: 'ES2022',
      lib: ['ES2022'],
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      strict: true,
      noUncheckedIndexedAccess: true,
      exactOptionalPropertyTypes: true,
      verbatimModuleSyntax: true,
      isolatedModules: true,
      ...(enumStyle === 'const-object' ? { erasableSyntaxOnly: true } : {}),
      declaration: true,
      skipLibCheck: true,
      types: [],
      rootDir: 'src',
      outDir: 'dist',
    },
    include: ['src'],
  });
}

/** turbo runs `errcat generate` before building the package it writes. */
export function buildTurboJson(packageDir: string): GeneratedFile {
  return jsonFile(`${packageDir}/turbo.json`, { extends: ['//'], tasks: { build: { dependsOn: ['^build', 'errcat#generate'] } } });
}

function listOf(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? 'this catalog') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
