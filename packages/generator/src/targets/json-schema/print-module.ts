import { IndentationText, NewLineKind, Project, QuoteKind, type OptionalKind, type SourceFileStructure } from 'ts-morph';
import { tsHeader } from '../shared/generated-header.js';
import type { GeneratedFile } from '../target.js';

let project: Project | undefined;

function sharedProject(): Project {
  project ??= new Project({
    useInMemoryFileSystem: true,
    manipulationSettings: { indentationText: IndentationText.TwoSpaces, newLineKind: NewLineKind.LineFeed, quoteKind: QuoteKind.Double },
  });
  return project;
}

/** Prints a whole module from one structure behind the generated-file header; `format` re-indents multi-line types. */
export function printModule(path: string, structure: OptionalKind<SourceFileStructure>, options: { format?: boolean } = {}): GeneratedFile {
  const target = sharedProject();
  const file = target.createSourceFile(`/print/${path}`, structure, { overwrite: true });
  if (options.format) file.formatText({ indentSize: 2, convertTabsToSpaces: true, semicolons: 'insert' as never });
  const text = file.getFullText();
  target.removeSourceFile(file);
  return { path, contents: `${tsHeader()}\n${text.replace(/\s*$/, '\n')}` };
}

/** A double-quoted string literal whose value is exactly `text` (U+2028/9 escaped too). */
export function quote(text: string): string {
  return JSON.stringify(text).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** Text safe inside a JSDoc block. */
export function docText(text: string): string {
  return text
    .replace(/\*\//g, '*\\/')
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(/^(\s*)@/gm, '$1\\@');
}
