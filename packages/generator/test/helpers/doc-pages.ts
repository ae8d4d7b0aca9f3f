// A deliberately simple line parser for Microsoft-docs style error-code
// pages, shared by the test that proves the seed pages live in spec/ and the
// test that proves the generated pages give them back: the same reading of
// both, sharing nothing with `errcat import` or the docs target.

export interface PageSection {
  /** `<a name="…">` in the heading, else the heading's slug. */
  anchor: string;
  /** The status at the end of the heading (`… 400)`), NaN when it has none. */
  status: number;
  /** The first paragraph. */
  message: string;
  /** The other paragraphs (one per line), headings of sub-tables included. */
  description: string[];
  /** Each table's rows, without its header row and separator. */
  tables: string[][][];
}

/** `| a | b |` → ['a', 'b'], as the page shows them: emphasis, backslash escapes and entities rendered away. */
function cells(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split(/(?<!\\)\|/)
    .map((cell) => rendered(cell.trim()));
}

function rendered(text: string): string {
  return text
    .replace(/\*([^*]+)\*/g, '$1')
    .replace(/\\([\\`*_[\]|#~])/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

const isTableLine = (line: string) => line.trim().startsWith('|');
const isSeparator = (line: string) => /^\|\s*-/.test(line.trim());

/** The tables of a block of lines: runs of table lines, each without its header row and separator. */
function tablesOf(lines: string[]): string[][][] {
  const tables: string[][][] = [];
  let current: string[][] | undefined;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (!isTableLine(line)) {
      current = undefined;
      continue;
    }
    if (!current) tables.push((current = []));
    if (isSeparator(line) || isSeparator(lines[index + 1] ?? '')) continue;
    current.push(cells(line));
  }
  return tables;
}

/** Every `## ` section of a page. */
export function readSections(text: string): PageSection[] {
  const lines = text.split('\n');
  const sections: PageSection[] = [];
  let current: { heading: string; body: string[] } | undefined;
  const flush = () => {
    if (!current) return;
    const anchor = /<a name="([^"]+)"/.exec(current.heading)?.[1] ?? slug(current.heading);
    const prose = current.body.map((line) => line.trim()).filter((line) => line && !isTableLine(line) && !line.startsWith('<!--'));
    sections.push({
      anchor,
      status: Number(/(\d{3})\)\s*$/.exec(current.heading)?.[1]),
      message: rendered(prose[0] ?? ''),
      description: prose.slice(1).map(rendered),
      tables: tablesOf(current.body),
    });
  };
  for (const line of lines) {
    if (line.startsWith('## ')) {
      flush();
      current = { heading: line.slice(3).trim(), body: [] };
    } else if (current) {
      current.body.push(line);
    }
  }
  flush();
  return sections;
}

function slug(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[()]/g, '')
    .trim()
    .split(/\s+/)
    .join('-');
}

export interface CategorySection {
  anchor: string;
  status: number;
  message: string;
  description: string[];
  rows: Array<[code: string, message: string]>;
}

/** A page with a section per category (ML Studio): each with its status, message, description and `[code, message]` rows. */
export function readCategoryPage(text: string): CategorySection[] {
  return readSections(text).map((section) => ({
    anchor: section.anchor,
    status: section.status,
    message: section.message,
    description: section.description,
    rows: section.tables.flat().map(([code = '', message = '']) => [code, message]),
  }));
}

export interface FlatPage {
  /** `[code, status text, message]` rows of each table of HTTP codes, by section. */
  http: string[][][];
  /** The sections of HTTP codes in page order: anchor and `[code, status text, message]` rows. */
  httpSections: Array<{ anchor: string; rows: string[][] }>;
  /** The anchor of the embedded errors' section. */
  embeddedAnchor: string | undefined;
  /** `[category, description]` of the embedded errors. */
  categories: string[][];
  /** `[code, category, message]` of the errors reported in jobs, then in tasks. */
  job: string[][];
  task: string[][];
}

/**
 * A page with tables of HTTP codes and a section of embedded errors (Batch):
 * the embedded section is the one with a two-column table of categories,
 * followed by the job table, then the task table.
 */
export function readFlatPage(text: string): FlatPage {
  const sections = readSections(text);
  const embedded = sections.find((section) => section.tables.some((table) => table[0]?.length === 2));
  const tables = embedded?.tables ?? [];
  const at = tables.findIndex((table) => table[0]?.length === 2);
  const httpSections = sections.filter((section) => section !== embedded);
  return {
    http: httpSections.flatMap((section) => section.tables),
    httpSections: httpSections.map((section) => ({ anchor: section.anchor, rows: section.tables.flat() })),
    embeddedAnchor: embedded?.anchor,
    categories: tables[at] ?? [],
    job: tables[at + 1] ?? [],
    task: tables[at + 2] ?? [],
  };
}
