// The README's view: every value the template shows, prepared here so the
// template stays free of logic.

import { statusText } from '@errcat/runtime';
import type { Catalog } from '../../model/catalog.js';
import { responseExamples } from '../shared/error-bodies/index.js';
import { markdownHeader } from '../shared/generated-header.js';
import { markdownText } from '../shared/markdown.js';
import { packageName } from '../shared/package-manifest.js';
import { renderTemplate } from '../shared/render-template.js';
import type { GeneratedFile, TargetInput } from '../target.js';
import { DOCUMENT_30, DOCUMENT_31 } from './documents.js';
import { errorCodeHeaderName, errorCodeHeaderServices, errorCodeMember } from './headers.js';
import { responseName } from './responses.js';

export const README_TEMPLATE = 'openapi.README.md.hbs';

export function buildReadme(packageDir: string, input: TargetInput, schemaNames: readonly string[]): GeneratedFile {
  const { catalog } = input;
  const name = packageName(catalog, 'openapi');
  const responses = catalog.services.flatMap((service) => {
    const counts = new Map<number, number>();
    for (const example of responseExamples(service)) counts.set(example.status, (counts.get(example.status) ?? 0) + 1);
    return [...counts].map(([status, examples]) => ({ name: responseName(service, status), service: markdownText(service.title), status: `${status} ${statusText(status)}`, examples }));
  });
  const view = {
    header: markdownHeader().trimEnd(),
    packageName: name,
    jsonSchemaPackage: packageName(catalog, 'json-schema'),
    services: catalog.services.map((service) => markdownText(service.title)).join(', '),
    defaultLocale: catalog.settings.defaultLocale,
    file31: `${DOCUMENT_31.stem}.yaml`,
    json31: `${DOCUMENT_31.stem}.json`,
    file30: `${DOCUMENT_30.stem}.yaml`,
    json30: `${DOCUMENT_30.stem}.json`,
    responses,
    sample: sample(catalog, name),
    schemas: schemaNames.join(', '),
    ...headerList(catalog),
  };
  return { path: `${packageDir}/README.md`, contents: renderTemplate(input.templates, README_TEMPLATE, view) };
}

/**
 * The sentence on headers and one line per error-code header. When every
 * service names the same header for the same member, the sentence says it
 * once; otherwise each line does.
 */
function headerList(catalog: Catalog) {
  const lead = 'Headers: `ContentLanguage` (the locale of the messages) on every response';
  const services = errorCodeHeaderServices(catalog).map((service) => ({
    service,
    what: `\`${service.errorCodeHeader}\` (equal to \`${errorCodeMember(service)}\`)`,
  }));
  const shared = new Set(services.map((entry) => entry.what)).size === 1 ? services[0]!.what : undefined;
  return {
    headersText: services.length === 0 ? `${lead}.` : `${lead}, and ${shared ?? 'an error-code header'} on the responses of`,
    headers: services.map(({ service, what }) => {
      const name = errorCodeHeaderName(service);
      return { name, service: service.title, line: `${markdownText(service.title)}: ${shared ? '' : `${what}, `}\`#/components/headers/${name}\`` };
    }),
  };
}

/** Real names for the usage snippet: a not-found response of the first service, and one of a rest-guidelines service. */
function sample(catalog: Catalog, name: string) {
  const first = catalog.services[0];
  if (!first) throw new Error('the catalog has no service');
  const notFound = (service: typeof first) => {
    const statuses = [...new Set(responseExamples(service).map((example) => example.status))];
    return responseName(service, statuses.includes(404) ? 404 : statuses[0]!);
  };
  const guidelines = catalog.services.find((service) => service.wireFormat === 'rest-guidelines') ?? first;
  const path = `./node_modules/${name}/${DOCUMENT_31.stem}.yaml`;
  return {
    path,
    firstResponse: notFound(first),
    secondResponse: notFound(guidelines),
    schema: catalog.services.find((service) => service.embedded)?.embedded?.name.concat('Error') ?? `${first.name}Error`,
  };
}
