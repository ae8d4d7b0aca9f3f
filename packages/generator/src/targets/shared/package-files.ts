import type { GeneratedFile } from '../target.js';
import { jsonFile } from './json-file.js';

export interface TsconfigOptions {
  /** Ambient type packages the sources need (`node` for `node:http`), none by default. */
  types?: readonly string[];
  /** For packages limited to erasable TypeScript syntax (const-object enums). */
  erasableSyntaxOnly?: boolean;
}

/** A generated package's tsconfig: strict, ESM, declarations, and nothing needed from the workspace around it. */
export function packageTsconfig(packageDir: string, options: TsconfigOptions = {}): GeneratedFile {
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
      ...(options.erasableSyntaxOnly ? { erasableSyntaxOnly: true } : {}),
      declaration: true,
      skipLibCheck: true,
      types: [...(options.types ?? [])],
      rootDir: 'src',
      outDir: 'dist',
    },
    include: ['src'],
  });
}

/** turbo runs `errcat generate` before building the package it writes. */
export function packageTurboJson(packageDir: string): GeneratedFile {
  return jsonFile(`${packageDir}/turbo.json`, { extends: ['//'], tasks: { build: { dependsOn: ['^build', 'errcat#generate'] } } });
}
