// The README's view: every value the template shows, prepared here so the
// template stays free of logic.

import type { Catalog } from '../../model/catalog.js';
import { failureExamples, responseExamples } from '../shared/error-bodies/index.js';
import { markdownHeader } from '../shared/generated-header.js';
import { markdownText } from '../shared/markdown.js';
import { packageName } from '../shared/package-manifest.js';
import { renderTemplate } from '../shared/render-template.js';
import type { GeneratedFile, TargetInput } from '../target.js';
import type { SchemaDocument } from './schema-documents.js';
import { ALL_SCHEMAS_EXPORT, schemaExportName } from './schema-module.js';

export const README_TEMPLATE = 'json-schema.README.md.hbs';

export function buildReadme(packageDir: string, input: TargetInput, documents: readonly SchemaDocument[]): GeneratedFile {
  const { catalog } = input;
  const view = {
    header: markdownHeader().trimEnd(),
    packageName: packageName(catalog, 'json-schema'),
    services: catalog.services.map((service) => markdownText(service.title)).join(', '),
    defaultLocale: catalog.settings.defaultLocale,
    allSchemasExport: ALL_SCHEMAS_EXPORT,
    schemas: documents.map((document) => ({ file: document.file, id: document.id, title: markdownText(document.title), exportName: schemaExportName(document), typeName: document.name })),
    showcase: showcase(catalog, documents),
  };
  return { path: `${packageDir}/README.md`, contents: renderTemplate(input.templates, README_TEMPLATE, view) };
}

/** A valid body and one the schema rejects, from the richest service (categories first). */
function showcase(catalog: Catalog, documents: readonly SchemaDocument[]) {
  const service = catalog.services.find((candidate) => candidate.wireFormat === 'rest-guidelines') ?? catalog.services[0];
  if (!service) throw new Error('the catalog has no service');
  const document = documents.find((candidate) => candidate.name === `${service.name}Error`) ?? documents[0]!;
  const valid = failureExamples(service)[0]!.value;
  const [first, second] = service.categories.filter((category) => category.codes.length > 0);
  const stranger = second ? responseExamples(service).find((example) => example.name === `${second.name}/${second.codes[0]}`) : undefined;
  const own = first ? responseExamples(service).find((example) => example.name === first.name) : undefined;
  const invalid =
    own && stranger && 'error' in own.value && 'error' in stranger.value ? { error: { ...own.value.error, details: stranger.value.error.details } } : { ...valid, unexpected: true };
  return {
    exportName: schemaExportName(document),
    typeName: document.name,
    id: document.id,
    valid: JSON.stringify(valid),
    invalid: JSON.stringify(invalid),
    why: own && stranger && first && second ? `its detail code belongs to \`${second.name}\`, not to \`${first.name}\`` : 'it has a member the wire format does not define',
  };
}
