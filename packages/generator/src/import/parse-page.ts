import type { Heading, Root, RootContent, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parse as parseYaml } from 'yaml';

/** One `##` section of a docs page: its heading, prose and tables, in order. */
export interface PageSection {
  /** `<a name="…">` id in the heading, when the page has one. */
  anchor: string | undefined;
  heading: string;
  line: number;
  blocks: PageBlock[];
}

export type PageBlock =
  | { kind: 'paragraph'; text: string; line: number }
  | { kind: 'table'; header: string[]; rows: TableRow[]; line: number };

export interface TableRow {
  cells: string[];
  line: number;
}

export interface Page {
  frontMatter: Record<string, unknown>;
  title: string;
  /** Prose between the `#` title and the first `##` section. */
  intro: string[];
  sections: PageSection[];
}

const markdown = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);

const ANCHOR = /<a\s+name="([^"]+)"\s*>/i;

/** Reads a Microsoft-docs style Markdown page into sections, prose and tables. */
export function parsePage(text: string): Page {
  const tree = markdown.parse(text) as Root;
  const page: Page = { frontMatter: {}, title: '', intro: [], sections: [] };
  let section: PageSection | undefined;
  let introOpen = true;
  for (const node of tree.children) {
    if (node.type === 'yaml') {
      const data: unknown = parseYaml(node.value);
      if (data && typeof data === 'object') page.frontMatter = data as Record<string, unknown>;
      continue;
    }
    if (node.type === 'heading' && node.depth === 1) {
      page.title = headingText(node);
      continue;
    }
    if (node.type === 'heading' && node.depth === 2) {
      section = {
        anchor: headingAnchor(node),
        heading: headingText(node),
        line: lineOf(node),
        blocks: [],
      };
      page.sections.push(section);
      continue;
    }
    const block = toBlock(node);
    if (section) {
      if (block) section.blocks.push(block);
    } else if (introOpen && block?.kind === 'paragraph') {
      page.intro.push(block.text);
    } else {
      // The intro is the lead prose only; samples and link lists end it.
      introOpen = false;
    }
  }
  return page;
}

function toBlock(node: RootContent): PageBlock | undefined {
  if (node.type === 'paragraph') return { kind: 'paragraph', text: cleanText(toString(node)), line: lineOf(node) };
  if (node.type === 'table') return toTable(node);
  return undefined;
}

function toTable(node: Table): PageBlock {
  const [head, ...body] = node.children;
  return {
    kind: 'table',
    header: head ? head.children.map((cell) => cleanText(toString(cell))) : [],
    rows: body.map((row) => ({
      cells: row.children.map((cell) => cleanText(toString(cell))),
      line: lineOf(row),
    })),
    line: lineOf(node),
  };
}

function headingAnchor(node: Heading): string | undefined {
  for (const child of node.children) {
    if (child.type === 'html') {
      const match = ANCHOR.exec(child.value);
      if (match) return match[1];
    }
  }
  return undefined;
}

function headingText(node: Heading): string {
  // The anchor's `<a name>` tags are markup, not part of the visible heading.
  return cleanText(node.children.filter((child) => child.type !== 'html').map((child) => toString(child)).join(''));
}

function lineOf(node: { position?: { start: { line: number } } | undefined }): number {
  return node.position?.start.line ?? 0;
}

/**
 * Markdown keeps the source's line breaks inside a paragraph; a message is one
 * line. Only encoding damage is repaired (UTF-8 read as Windows-1252), never
 * wording.
 */
function cleanText(text: string): string {
  return repairMojibake(text.replace(/\s*\n\s*/g, ' ').trim());
}

const MOJIBAKE: ReadonlyArray<readonly [string, string]> = [
  ['â€™', '’'],
  ['â€˜', '‘'],
  ['â€œ', '“'],
  ['â€\u009d', '”'],
  ['â€“', '–'],
  ['â€”', '—'],
  ['â€¦', '…'],
];

export function repairMojibake(text: string): string {
  let repaired = text;
  for (const [damaged, intended] of MOJIBAKE) repaired = repaired.split(damaged).join(intended);
  return repaired;
}
