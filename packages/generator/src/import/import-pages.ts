import { buildSpecs, type ImportedService } from './build-spec.js';
import { parsePage } from './parse-page.js';
import { readPage } from './read-page.js';

export interface PageInput {
  file: string;
  text: string;
  /** The user's `--locale FILE=TAG`; wins over the page's own front matter. */
  locale?: string;
  /** The user's `--pair`: the `file` of the default-locale page this page translates; wins over guessing. */
  pairWith?: string;
}

/** Turns Microsoft-docs style error-code pages into one spec per service. */
export function importPages(inputs: readonly PageInput[], defaultLocale: string): ImportedService[] {
  const pages = inputs.map((input) => {
    const page = parsePage(input.text);
    return readPage(input.file, page, input.locale ?? pageLocale(page.frontMatter) ?? defaultLocale);
  });
  const explicit = new Map(inputs.flatMap((input) => (input.pairWith === undefined ? [] : [[input.file, input.pairWith] as const])));
  return buildSpecs(pages, defaultLocale, explicit);
}

/** `ms.contentlocale: fr-FR` → `fr`; the region stays only where it matters (`zh-TW`). */
function pageLocale(frontMatter: Record<string, unknown>): string | undefined {
  const tag = frontMatter['ms.contentlocale'] ?? frontMatter['ms.locale'];
  if (typeof tag !== 'string' || tag.trim() === '') return undefined;
  return new Intl.Locale(tag.trim()).minimize().toString();
}
