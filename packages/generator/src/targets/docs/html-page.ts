// `index.html`: every code of every service in one self-contained page. The
// table is in the HTML (in the default locale), so it reads with JavaScript
// off; the page's script (shipped as a template, no framework) adds the
// filters, the language switch and the examples from the JSON data block.

import { statusText } from '@errcat/runtime';
import type { Catalog, Service } from '../../model/catalog.js';
import { compareText } from '../../util/sort.js';
import { GENERATED_NOTICE } from '../shared/generated-header.js';
import { renderTemplate } from '../shared/render-template.js';
import type { GeneratedFile } from '../target.js';
import { categoriesByStatus, groupRows, type DocsRow, type DocsSet } from './entries.js';
import { markdownPath } from './markdown-pages.js';
import { uiStrings } from './ui-strings.js';
import { ShapeTable, type MarkerValues } from './wire-templates.js';

export const HTML_TEMPLATE = 'docs.index.html.hbs';
export const SCRIPT_TEMPLATE = 'docs.page.js.hbs';
export const STYLE_TEMPLATE = 'docs.page.css.hbs';

/** Rows per table: each table sits in a block the browser lays out only when it nears the screen (`content-visibility`). */
const ROWS_PER_TABLE = 100;

interface RowView {
  readonly id: string;
  readonly index: number;
  readonly code: string;
  /** Zero or one variant name. */
  readonly when: readonly string[];
  readonly status: string;
  readonly category: string;
  readonly message: string;
}

interface GroupView {
  readonly id: string;
  readonly heading: string;
  /** Zero or one category message, with its category's name for the language switch. */
  readonly messages: ReadonlyArray<{ readonly category: string; readonly text: string }>;
  readonly tables: ReadonlyArray<{ readonly rows: readonly RowView[]; readonly height: number }>;
}

export function buildHtmlPage(packageDir: string, templates: Readonly<Record<string, string>>, catalog: Catalog, sets: readonly DocsSet[]): GeneratedFile {
  const { locales, defaultLocale } = catalog.settings;
  const ui = uiStrings(defaultLocale);
  const shapes = new ShapeTable();
  const data: unknown[] = [];
  let index = 0;
  const setViews = sets.map((set, setIndex) => {
    const service = catalog.services.find((candidate) => candidate.id === set.serviceId)!;
    const groups = groupsOf(set, service).map((group) => {
      const rows = group.rows.map((row): RowView => {
        data.push(rowData(set, setIndex, row, locales, shapes));
        return {
          id: row.id,
          index: index++,
          code: row.code,
          when: row.when === undefined ? [] : [row.when],
          status: row.status === undefined ? '—' : `${row.status} ${statusText(row.status)}`,
          category: categoryTitle(set, row),
          message: row.sent[defaultLocale]!,
        };
      });
      return { ...group, tables: chunks(rows) };
    });
    return { id: set.id, title: set.title, groups };
  });
  const statuses = [...new Set(sets.flatMap((set) => set.rows.flatMap((row) => (row.status === undefined ? [] : [row.status]))))].sort((a, b) => a - b);
  const categories = new Map<string, string>();
  for (const set of sets) for (const category of set.view.categories) if (!categories.has(category.name)) categories.set(category.name, category.title);
  const view = {
    notice: GENERATED_NOTICE,
    lang: defaultLocale,
    title: `${ui.pageTitle} — ${catalog.services.map((service) => service.title).join(', ')}`,
    ui,
    css: renderTemplate(templates, STYLE_TEMPLATE, {}),
    script: renderTemplate(templates, SCRIPT_TEMPLATE, {}),
    locales: locales.map((locale) => ({ value: locale, label: uiStrings(locale).language })),
    statuses: [...statuses.map((status) => ({ value: String(status), label: `${status} ${statusText(status)}` })), ...(sets.some((set) => !set.http) ? [{ value: 'none', label: ui.notHttp }] : [])],
    categories: [...categories].sort(([a], [b]) => compareText(a, b)).map(([value, label]) => ({ value, label })),
    services: sets.map((set, setIndex) => ({ value: String(setIndex), label: set.title })),
    pages: catalog.services.flatMap((service) => service.locales.map((locale) => ({ href: markdownPath(service, locale), label: `${service.title} (${uiStrings(locale).language})`, lang: locale }))),
    sets: setViews,
    // The JSON of { locales, ui, shapes, sets, rows }, the shapes put in as the JSON texts they are, not parsed back to be written again.
    data: scriptJson(
      new JsonText(
        `{"locales":${JSON.stringify(locales)},"ui":${JSON.stringify(locales.map(uiStrings))},"shapes":[${shapes.shapes.join(',')}],"sets":${JSON.stringify(
          sets.map((set) => ({
            tags: locales.map((locale) => set.languageTags[locale]),
            categories: Object.fromEntries(Object.entries(set.categoryMessages).map(([name, messages]) => [name, byLocale(locales, messages)])),
          })),
        )},"rows":${JSON.stringify(data)}}`,
      ),
    ),
  };
  return { path: `${packageDir}/index.html`, contents: renderTemplate(templates, HTML_TEMPLATE, view, { html: true }) };
}

/** Categories (in status order), flat codes by status, embedded codes by category: one titled block each. */
function groupsOf(set: DocsSet, service: Service): Array<Omit<GroupView, 'tables'> & { rows: readonly DocsRow[] }> {
  const rowsOf = groupRows(set.rows, (row) => row.category);
  if (!set.http) {
    return set.view.categories.map((category) => ({ id: `${set.id}/${category.name}`, heading: category.title, messages: [], rows: rowsOf.get(category.name) ?? [] }));
  }
  if (set.view.categories.length > 0) {
    return categoriesByStatus(service).map((category) => ({
      id: `${set.id}/${category.name}`,
      heading: `${category.title} · ${category.status} ${statusText(category.status)}`,
      messages: [{ category: category.name, text: set.categoryMessages[category.name]![service.defaultLocale]! }],
      rows: rowsOf.get(category.name) ?? [],
    }));
  }
  const statuses = [...new Set(set.rows.map((row) => row.status!))].sort((a, b) => a - b);
  return statuses.map((status) => ({ id: `${set.id}:${status}`, heading: `${status} ${statusText(status)}`, messages: [], rows: set.rows.filter((row) => row.status === status) }));
}

function categoryTitle(set: DocsSet, row: DocsRow): string {
  if (row.category === undefined) return '';
  return set.view.categories.find((category) => category.name === row.category)?.title ?? row.category;
}

/** A table's height before the browser lays it out: about a line and a half per row and the header, so scroll positions hold. */
const ESTIMATED_ROW_PX = 34;

function chunks(rows: readonly RowView[]): Array<{ rows: RowView[]; height: number }> {
  const tables: Array<{ rows: RowView[]; height: number }> = [];
  for (let start = 0; start < rows.length; start += ROWS_PER_TABLE) {
    const part = rows.slice(start, start + ROWS_PER_TABLE);
    tables.push({ rows: part, height: (part.length + 1) * ESTIMATED_ROW_PX });
  }
  return tables;
}

/**
 * A row as the script reads it: `[set, code, category, status, message,
 * native, problem]`. The message is the one the runtime sends without params
 * (`{0}` shown as `{blob}`), the very text of the copied bodies. Per-locale
 * values are one value when every locale has the same, else one per locale;
 * `status` is 0 and `problem` -1 for embedded errors.
 */
function rowData(set: DocsSet, setIndex: number, row: DocsRow, locales: readonly string[], shapes: ShapeTable): unknown[] {
  const values = (locale: string): MarkerValues => ({
    n: row.code,
    k: row.category ?? '',
    m: row.sent[locale]!,
    c: (row.category !== undefined && set.categoryMessages[row.category]?.[locale]) || '',
    l: set.languageTags[locale]!,
  });
  const sent = byLocale(locales, row.sent);
  const native = byLocale(
    locales,
    Object.fromEntries(locales.map((locale) => [locale, shapes.add(row.native[locale]!, values(locale))])),
  );
  const problem = row.problem ? byLocale(locales, Object.fromEntries(locales.map((locale) => [locale, shapes.add(row.problem![locale]!, values(locale))]))) : -1;
  return [setIndex, row.code, row.category ?? '', row.status ?? 0, sent, native, problem];
}

/** One value when every locale has the same, else the values in the catalog's locale order. */
function byLocale<T>(locales: readonly string[], values: Readonly<Record<string, T>>): T | T[] {
  const list = locales.map((locale) => values[locale]!);
  return list.every((value) => value === list[0]) ? list[0]! : list;
}

const SCRIPT_ESCAPES: Readonly<Record<string, string>> = { '<': '\\u003c', '\u2028': '\\u2028', '\u2029': '\\u2029' };

/**
 * JSON for a `<script type="application/json">` block: `<` is escaped so no
 * text (`</script>`, `<!--`) can end the block, and U+2028/U+2029 so that
 * older parsers read it as one line.
 */
export function scriptJson(value: unknown): string {
  return (value instanceof JsonText ? value.text : JSON.stringify(value)).replace(/[<\u2028\u2029]/g, (character) => SCRIPT_ESCAPES[character]!);
}

/** Text that is JSON already, for `scriptJson` to take as it is. */
export class JsonText {
  constructor(readonly text: string) {}
}
