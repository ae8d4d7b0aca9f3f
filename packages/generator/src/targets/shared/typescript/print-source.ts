import { IndentationText, NewLineKind, Project, QuoteKind, StructureKind, type StatementStructures, type WriterFunction } from 'ts-morph';
import type { GeneratedFile } from '../../target.js';
import { tsHeader } from '../generated-header.js';
import { docText } from './ts-literal.js';

let project: Project | undefined;

function sharedProject(): Project {
  project ??= new Project({
    useInMemoryFileSystem: true,
    manipulationSettings: {
      indentationText: IndentationText.TwoSpaces,
      newLineKind: NewLineKind.LineFeed,
      quoteKind: QuoteKind.Double,
      useTrailingCommas: true,
    },
  });
  return project;
}

const blankLine: WriterFunction = (writer) => writer.blankLineIfLastNot();
const GROUPED = new Set<StructureKind>([StructureKind.ImportDeclaration, StructureKind.ExportDeclaration]);

/**
 * Prints a whole source file from its statement structures in one go (never
 * node by node), a blank line between statements except within a run of
 * imports or exports, behind the generated-file header.
 */
export function printSource(path: string, statements: readonly StatementStructures[]): GeneratedFile {
  const target = sharedProject();
  const spaced = statements.flatMap((statement, index) => {
    const previous = statements[index - 1];
    return previous && !(GROUPED.has(previous.kind) && previous.kind === statement.kind) ? [blankLine, statement] : [statement];
  });
  const file = target.createSourceFile(`/print/${path}`, { statements: spaced.map(safeDocs) }, { overwrite: true });
  // One pass of the TypeScript formatter over the whole file settles the
  // indentation of multi-line types and initializers written as text.
  file.formatText({ indentSize: 2, tabSize: 2, convertTabsToSpaces: true, ensureNewLineAtEndOfFile: true });
  const text = file.getFullText();
  target.removeSourceFile(file);
  return { path, contents: `${tsHeader()}\n${text.replace(/\s*$/, '\n')}` };
}

/** Every JSDoc text in a structure passes through `docText`, so no spec text can close a comment early. */
function safeDocs<T>(structure: T): T {
  if (Array.isArray(structure)) return structure.map(safeDocs) as T;
  if (!structure || typeof structure !== 'object') return structure;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(structure)) {
    copy[key] =
      key === 'docs' && Array.isArray(value)
        ? value.map((doc: unknown) =>
            typeof doc === 'string' ? docText(doc) : doc && typeof doc === 'object' && typeof (doc as { description?: unknown }).description === 'string' ? { ...doc, description: docText((doc as { description: string }).description) } : doc,
          )
        : safeDocs(value);
  }
  return copy as T;
}
