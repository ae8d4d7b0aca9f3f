import { Document } from 'yaml';
import type { RawSpecFile } from '../spec/raw-spec.js';

export const SCHEMA_MODELINE_PREFIX = 'yaml-language-server: $schema=';

/**
 * Serializes a spec file the way a person would write it: a schema modeline
 * for editors, no line folding (messages stay on one line, greppable).
 */
export function emitSpecYaml(spec: RawSpecFile, schemaPath: string, header: readonly string[] = []): string {
  const doc = new Document(spec);
  doc.commentBefore = [` ${SCHEMA_MODELINE_PREFIX}${schemaPath}`, ...header.map((line) => ` ${line}`)].join('\n');
  return doc.toString({ lineWidth: 0, indent: 2, indentSeq: true });
}
