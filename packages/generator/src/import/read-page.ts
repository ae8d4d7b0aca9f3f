import type { Page, PageSection, TableRow } from './parse-page.js';

/** What one docs page says about an error catalog, in the page's own locale. */
export interface PageCatalog {
  file: string;
  locale: string;
  /** `ms.assetid`: pages that are translations of each other share it, when they have one. */
  assetId: string | undefined;
  serviceId: string;
  title: string;
  date: string | undefined;
  intro: string[];
  categories: PageCategory[];
  httpCodes: PageHttpCode[];
  /** The `##` sections holding tables of HTTP codes, in page order. */
  httpSections: PageCodeSection[];
  /** The `##` section holding the embedded errors' tables. */
  embeddedSection: PageCodeSection | undefined;
  embeddedCategories: PageEmbeddedCategory[];
  embeddedCodes: PageEmbeddedCode[];
}

/** A `##` section of code tables that is not a category: its heading, the prose before its first table, its id. */
export interface PageCodeSection {
  /** The section id links use: `<a name>` in the heading, else the heading's slug. */
  anchor: string;
  /** Whether the page writes the id (`<a name>`), rather than it being derived from the heading. */
  explicitAnchor: boolean;
  heading: string;
  description: string[];
  line: number;
}

export interface PageCategory {
  anchor: string;
  name: string;
  status: number;
  message: string;
  description: string | undefined;
  codes: PageRow[];
  line: number;
}

export interface PageRow {
  code: string;
  message: string;
  line: number;
}

export interface PageHttpCode extends PageRow {
  status: number;
  /** Anchor of the section (see `PageCatalog.httpSections`) whose table lists it. */
  section: string;
}

export interface PageEmbeddedCategory {
  name: string;
  description: string;
  line: number;
}

export interface PageEmbeddedCode extends PageRow {
  category: string;
  reportedIn: string;
}

/** A page the importer cannot read, with where and what to do. */
export class ImportProblem extends Error {
  constructor(
    readonly file: string,
    /** 0 when the problem is the page as a whole; the message then names the page. */
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/** Several problems found at once (pages that cannot be paired), each reported. */
export class ImportProblems extends Error {
  constructor(readonly problems: readonly ImportProblem[]) {
    super(problems.map((problem) => problem.message).join('\n'));
  }
}

const STATUS_IN_PARENS = /\((?:[^()]*?)(\d{3})\)\s*$/;
const SCHEDULING_TABLE = /\b(\w+) scheduling error codes\b/i;

export function readPage(file: string, page: Page, locale: string): PageCatalog {
  const front = page.frontMatter;
  const assetId = stringField(front, 'ms.assetid');
  const service = stringField(front, 'ms.service') ?? stringField(front, 'services');
  if (!service) throw new ImportProblem(file, 1, 'the front matter names no `ms.service`; add one so the page can be matched to a service');
  const subservice = stringField(front, 'ms.subservice');
  const catalog: PageCatalog = {
    file,
    locale,
    assetId,
    serviceId: subservice ? `${service}-${subservice}` : service,
    title: page.title,
    date: stringField(front, 'ms.date'),
    intro: page.intro,
    categories: [],
    httpCodes: [],
    httpSections: [],
    embeddedSection: undefined,
    embeddedCategories: [],
    embeddedCodes: [],
  };
  for (const section of page.sections) readSection(file, section, catalog);
  return catalog;
}

function readSection(file: string, section: PageSection, catalog: PageCatalog): void {
  const status = STATUS_IN_PARENS.exec(section.heading);
  if (status) {
    catalog.categories.push(readCategory(file, section, Number(status[1])));
    return;
  }
  const firstTable = section.blocks.findIndex((block) => block.kind === 'table');
  const codeSection: PageCodeSection = {
    anchor: section.anchor ?? slugOf(section.heading),
    explicitAnchor: section.anchor !== undefined,
    heading: section.heading,
    description: section.blocks.slice(0, firstTable === -1 ? undefined : firstTable).flatMap((block) => (block.kind === 'paragraph' ? [block.text] : [])),
    line: section.line,
  };
  const before = { http: catalog.httpCodes.length, embedded: catalog.embeddedCategories.length + catalog.embeddedCodes.length };
  let lastParagraph = '';
  for (const block of section.blocks) {
    if (block.kind === 'paragraph') {
      lastParagraph = block.text;
      continue;
    }
    if (block.header.length === 2) {
      for (const row of block.rows) {
        const [name = '', description = ''] = cellsOf(file, row, 2);
        catalog.embeddedCategories.push({ name, description, line: row.line });
      }
    } else if (block.header.length === 3) {
      readThreeColumnTable(file, block.rows, lastParagraph, codeSection.anchor, catalog);
    } else {
      throw new ImportProblem(file, block.line, `a table with ${block.header.length} columns is not an error-code table; expected 2 or 3 columns`);
    }
  }
  if (catalog.httpCodes.length > before.http) catalog.httpSections.push(codeSection);
  if (catalog.embeddedCategories.length + catalog.embeddedCodes.length > before.embedded) catalog.embeddedSection ??= codeSection;
}

function readCategory(file: string, section: PageSection, status: number): PageCategory {
  const paragraphs = section.blocks.filter((block) => block.kind === 'paragraph').map((block) => block.text);
  const [message, ...description] = paragraphs;
  if (message === undefined) throw new ImportProblem(file, section.line, `section "${section.heading}" has no message paragraph under its heading`);
  const codes: PageRow[] = [];
  for (const block of section.blocks) {
    if (block.kind !== 'table') continue;
    for (const row of block.rows) {
      const [code = '', text = ''] = cellsOf(file, row, 2);
      codes.push({ code, message: text, line: row.line });
    }
  }
  return {
    anchor: section.anchor ?? slugOf(section.heading),
    name: section.heading.replace(/\s*\(.*$/, '').trim(),
    status,
    message,
    description: description.length > 0 ? description.join('\n\n') : undefined,
    codes,
    line: section.line,
  };
}

function readThreeColumnTable(file: string, rows: TableRow[], lead: string, section: string, catalog: PageCatalog): void {
  for (const row of rows) {
    const [code = '', middle = '', message = ''] = cellsOf(file, row, 3);
    const status = STATUS_IN_PARENS.exec(middle);
    if (status) {
      catalog.httpCodes.push({ code, status: Number(status[1]), message, section, line: row.line });
      continue;
    }
    const scheduling = SCHEDULING_TABLE.exec(lead);
    if (!scheduling?.[1]) {
      throw new ImportProblem(file, row.line, `"${middle}" is neither an HTTP status like "Not Found (404)" nor a category of a table introduced as "… scheduling error codes"`);
    }
    catalog.embeddedCodes.push({ code, category: middle, reportedIn: scheduling[1].toLowerCase(), message, line: row.line });
  }
}

function cellsOf(file: string, row: TableRow, count: number): string[] {
  if (row.cells.length !== count) {
    throw new ImportProblem(file, row.line, `expected ${count} cells in this table row, found ${row.cells.length}`);
  }
  return row.cells;
}

/** The section id docs sites derive from a heading, which translations keep. */
export function slugOf(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .trim()
    .replace(/\s+/g, '-');
}

function stringField(record: Record<string, unknown>, key: string): string | undefined {
  const value = record[key];
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  return undefined;
}
