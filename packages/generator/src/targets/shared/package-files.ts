import type { TargetName } from '../../model/catalog.js';
import { packageDir, type GeneratedFile, type TargetInput } from '../target.js';
import { jsonFile } from './json-file.js';
import { SHIPS_AS_GENERATED } from './package-manifest.js';

export interface TsconfigOptions {
  /** Ambient type packages the sources need (`node` for `node:http`), none by default. */
  types?: readonly string[];
  /** For packages limited to erasable TypeScript syntax (const-object enums). */
  erasableSyntaxOnly?: boolean;
}

/** A generated package's tsconfig: strict, ESM, declarations, and nothing needed from the workspace around it. */
export function packageTsconfig(dir: string, options: TsconfigOptions = {}): GeneratedFile {
  return jsonFile(`${dir}/tsconfig.json`, {
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

/**
 * What every generated package carries besides its own files: the project's
 * LICENSE, and where the root uses turbo, a turbo.json that builds the
 * package after its siblings (and after generation, where errcat is itself
 * a workspace package whose task turbo can name). A package that ships as
 * generated declares no build outputs, so turbo neither looks for the root's
 * `dist/**` in it nor warns that it found none.
 */
export function projectFiles(input: TargetInput, target: TargetName): GeneratedFile[] {
  const dir = packageDir(input.catalog, target);
  const files: GeneratedFile[] = [];
  if (input.project.licenseText !== undefined) files.push({ path: `${dir}/LICENSE`, contents: input.project.licenseText });
  if (input.project.turbo) {
    const dependsOn = ['^build', ...(input.project.generateTask ? [input.project.generateTask] : [])];
    files.push(jsonFile(`${dir}/turbo.json`, { extends: ['//'], tasks: { build: SHIPS_AS_GENERATED.has(target) ? { dependsOn, outputs: [] } : { dependsOn } } }));
  }
  return files;
}
