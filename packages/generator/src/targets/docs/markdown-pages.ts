// One Markdown page per service per locale, shaped like the pages the
// catalog came from: a section per category with its status, message and
// description and a table of its codes (messages as written, `{0}` and all),
// or for a flat service a table with a status column per documented section
// (one table when it has none), then the embedded errors' categories and
// codes, in the order written. Anchors are the spec's, so old links land.

import { statusText } from '@errcat/runtime';
import type { Catalog, Localized, Service } from '../../model/catalog.js';
import { compareText } from '../../util/sort.js';
import { markdownHeader } from '../shared/generated-header.js';
import { markdownText } from '../shared/markdown.js';
import { renderTemplate } from '../shared/render-template.js';
import type { GeneratedFile } from '../target.js';
import { categoriesByStatus, groupRows, localizedText, type DocsRow, type DocsSet } from './entries.js';
import { uiStrings, type UiStrings } from './ui-strings.js';

export const MARKDOWN_TEMPLATE = 'docs.service.md.hbs';

/** Where a service's page in a locale goes, inside the package: `markdown/ml-studio.ko.md`. */
export const markdownPath = (service: Service, locale: string): string => `markdown/${service.id}.${locale}.md`;

interface TableView {
  /** Zero or one `###` heading above the table. */
  readonly headings: readonly string[];
  readonly columns: readonly string[];
  readonly rows: ReadonlyArray<readonly string[]>;
}

interface SectionView {
  readonly anchor: string;
  readonly heading: string;
  readonly paragraphs: readonly string[];
  readonly tables: readonly TableView[];
}

export function buildMarkdownPages(packageDir: string, templates: Readonly<Record<string, string>>, catalog: Catalog, sets: readonly DocsSet[]): GeneratedFile[] {
  return catalog.services.flatMap((service) =>
    service.locales.map((locale) => {
      const view = pageView(service, locale, sets);
      return { path: `${packageDir}/${markdownPath(service, locale)}`, contents: renderTemplate(templates, MARKDOWN_TEMPLATE, view) };
    }),
  );
}

function pageView(service: Service, locale: string, sets: readonly DocsSet[]) {
  const ui = uiStrings(locale);
  const [own, embedded] = sets.filter((set) => set.serviceId === service.id);
  const title = service.sources.find((source) => source.locale === locale)?.title ?? service.title;
  const sections = service.categories.length > 0 ? categorySections(service, own!, locale, ui) : flatSections(service, own!, locale, ui);
  return {
    header: markdownHeader().trimEnd(),
    title: markdownText(title),
    intro: paragraphs(service.description, locale, service.defaultLocale),
    sections: [...sections, ...(embedded && service.embedded ? [embeddedSection(service, embedded, locale, ui)] : [])],
  };
}

/** rest-guidelines: the categories in the source's order (by status, then name), each with its codes. */
function categorySections(service: Service, set: DocsSet, locale: string, ui: UiStrings): SectionView[] {
  const rowsOf = groupRows(set.rows, (row) => row.category);
  return categoriesByStatus(service).map((category) => ({
    anchor: category.anchor ?? `${category.name}-http-status-code-${category.status}`.toLowerCase(),
    heading: `${markdownText(category.title)} (${ui.httpStatusCode} ${category.status})`,
    paragraphs: [markdownText(localizedText(category.message, locale, service.defaultLocale)), ...paragraphs(category.description, locale, service.defaultLocale)],
    tables: [
      {
        headings: [],
        columns: [ui.errorCode, ui.userMessage],
        // A code that answers with its category's message has an empty cell, as on the source page.
        rows: (rowsOf.get(category.name) ?? []).map((row) => [markdownText(row.code), row.messageFromCategory ? '' : cell(row, locale)]),
      },
    ],
  }));
}

/**
 * A service without categories: a section per documented section of the
 * spec (its codes in the order written, as the source's tables), then any
 * codes in none, or all codes when it has no sections, in one table by status.
 */
function flatSections(service: Service, set: DocsSet, locale: string, ui: UiStrings): SectionView[] {
  const rowsOf = groupRows(set.rows, (row) => row.key);
  const table = (rows: readonly DocsRow[]): TableView => ({
    headings: [],
    columns: [ui.errorCode, ui.httpStatusCode, ui.userMessage],
    rows: rows.map((row) => [markdownText(row.code), `${statusText(row.status!)} (${row.status})`, cell(row, locale)]),
  });
  const sections = service.sections.map((section) => ({
    anchor: section.anchor ?? `${service.id}-${section.key}`.toLowerCase(),
    heading: markdownText(localizedText(section.title, locale, service.defaultLocale)),
    paragraphs: paragraphs(section.description, locale, service.defaultLocale),
    tables: [table(section.codes.flatMap((key) => rowsOf.get(key) ?? []))],
  }));
  const placed = new Set(service.sections.flatMap((section) => section.codes));
  const rest = set.rows.filter((row) => !placed.has(row.key));
  if (sections.length > 0 && rest.length === 0) return sections;
  const byStatus = [...rest].sort((a, b) => a.status! - b.status! || compareText(a.code, b.code));
  return [...sections, { anchor: `${service.id}-error-codes`, heading: ui.httpCodes, paragraphs: [], tables: [table(byStatus)] }];
}

/** Embedded errors: their categories, then a table per resource that reports them (`job`, `task`), in the order written. */
function embeddedSection(service: Service, set: DocsSet, locale: string, ui: UiStrings): SectionView {
  const embedded = service.embedded!;
  const titles = new Map(embedded.categories.map((category) => [category.name, category.title]));
  const resources = [...new Set(embedded.codes.flatMap((code) => code.reportedIn))].sort(compareText);
  const written = new Map(embedded.codes.map((code) => [`${code.category}/${code.name}`, code]));
  const rows = [...set.rows].sort((a, b) => written.get(a.key)!.order - written.get(b.key)!.order);
  const categories = [...embedded.categories].sort((a, b) => a.order - b.order);
  const codeTable = (tableRows: readonly DocsRow[], headings: string[]): TableView => ({
    headings,
    columns: [ui.errorCode, ui.category, ui.userMessage],
    rows: tableRows.map((row) => [markdownText(row.code), markdownText(titles.get(row.category!) ?? row.category!), cell(row, locale)]),
  });
  const heading = embedded.section;
  return {
    anchor: heading?.anchor ?? set.id,
    heading: markdownText(heading ? localizedText(heading.title, locale, service.defaultLocale) : embedded.title),
    paragraphs: paragraphs(heading?.description, locale, service.defaultLocale),
    tables: [
      { headings: [], columns: [ui.category, ui.description], rows: categories.map((category) => [markdownText(category.title), markdownText(category.description ? localizedText(category.description, locale, service.defaultLocale) : '')]) },
      ...(resources.length === 0
        ? [codeTable(rows, [])]
        : resources.map((resource) => codeTable(rows.filter((row) => written.get(row.key)?.reportedIn.includes(resource)), [ui.reportedIn.replace('{resource}', markdownText(resource))]))),
    ],
  };
}

function cell(row: DocsRow, locale: string): string {
  return markdownText(row.text[locale]!);
}

/** A text's paragraphs (blank-line separated) in `locale`, each one Markdown line. */
function paragraphs(text: Localized | undefined, locale: string, fallback: string): string[] {
  if (!text) return [];
  return localizedText(text, locale, fallback)
    .split(/\n\s*\n/)
    .map((paragraph) => markdownText(paragraph.trim()))
    .filter((paragraph) => paragraph !== '');
}
