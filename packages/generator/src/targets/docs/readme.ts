// The README's view: every value the template shows, prepared here so the
// template stays free of logic.

import type { Catalog } from '../../model/catalog.js';
import { markdownHeader } from '../shared/generated-header.js';
import { markdownText } from '../shared/markdown.js';
import { packageName } from '../shared/package-manifest.js';
import { renderTemplate } from '../shared/render-template.js';
import type { GeneratedFile } from '../target.js';
import type { DocsSet } from './entries.js';
import { markdownPath } from './markdown-pages.js';

export const README_TEMPLATE = 'docs.README.md.hbs';

export function buildReadme(packageDir: string, templates: Readonly<Record<string, string>>, catalog: Catalog, sets: readonly DocsSet[]): GeneratedFile {
  const sample = sets.flatMap((set) => set.rows).find((row) => row.category !== undefined) ?? sets.flatMap((set) => set.rows)[0];
  const view = {
    header: markdownHeader().trimEnd(),
    packageName: packageName(catalog, 'docs'),
    services: catalog.services.map((service) => markdownText(service.title)).join(', '),
    codeCount: sets.reduce((total, set) => total + set.rows.length, 0),
    localeCount: catalog.settings.locales.length,
    defaultLocale: catalog.settings.defaultLocale,
    sampleId: sample?.id ?? '',
    pages: catalog.services.flatMap((service) => service.locales.map((locale) => ({ service: markdownText(service.title), locale, path: markdownPath(service, locale) }))),
  };
  return { path: `${packageDir}/README.md`, contents: renderTemplate(templates, README_TEMPLATE, view) };
}
