import { Document, isNode } from 'yaml';
import type { RawSpecFile } from '../spec/raw-spec.js';

export const SCHEMA_MODELINE_PREFIX = 'yaml-language-server: $schema=';

/** A field the user must fill in, and what belongs there (written as a comment beside it). */
export interface FieldComment {
  path: readonly string[];
  what: string;
}

/**
 * Serializes a spec file the way a person would write it: a schema modeline
 * for editors, no line folding (messages stay on one line, greppable).
 */
export function emitSpecYaml(spec: RawSpecFile, schemaPath: string, header: readonly string[] = [], comments: readonly FieldComment[] = []): string {
  const doc = new Document(spec);
  doc.commentBefore = [` ${SCHEMA_MODELINE_PREFIX}${schemaPath}`, ...header.map((line) => ` ${line}`)].join('\n');
  for (const { path, what } of comments) {
    const node: unknown = doc.getIn(path, true);
    if (isNode(node)) node.comment = ` TODO: ${what}`;
  }
  return doc.toString({ lineWidth: 0, indent: 2, indentSeq: true });
}
