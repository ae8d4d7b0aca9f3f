import { byKey } from '../util/sort.js';
import { ImportProblem, ImportProblems, type PageCatalog } from './read-page.js';

/** A default-locale page and the translations of it, which become one service. */
export interface PageGroup {
  main: PageCatalog;
  translations: PageCatalog[];
  /** How each translation was paired, for the user to review. */
  decisions: string[];
}

/**
 * The least share of sections and codes a translation and a default-locale
 * page must have in common (of both pages' together) to be paired by guessing.
 * A translation keeps the section anchors and the code names; a page that
 * shares less than half is more likely another page than a partial translation.
 */
const LEAST_SHARED = 0.5;

/**
 * Pairs every translation with the default-locale page it translates, in this
 * order: the user's `--pair` (in `explicit`, translation file → default-locale
 * file); the same `ms.assetid`; the same section anchors and codes. Pages that
 * both carry an `ms.assetid` and differ in it are never paired by guessing. A
 * translation that pairs with nothing is an error naming the fix.
 */
export function pairPages(pages: readonly PageCatalog[], defaultLocale: string, explicit: ReadonlyMap<string, string>): PageGroup[] {
  const mains = pages.filter((page) => page.locale === defaultLocale);
  const translations = pages.filter((page) => page.locale !== defaultLocale);
  if (mains.length === 0) {
    const files = pages.map(describe).join(', ');
    throw new ImportProblem(pages[0]?.file ?? '', 1, `no page in the default locale ${defaultLocale} among ${files}; import it too, or mark its locale with --locale`);
  }
  refuseSharedAssetIds(mains, defaultLocale);
  const problems: ImportProblem[] = [];
  const groups = new Map(mains.map((main) => [main, { main, translations: [] as PageCatalog[], decisions: [] as string[] }]));
  const byFile = new Map(pages.map((page) => [page.file, page]));
  const badPairs = new Set<string>();
  for (const [translation, main] of explicit) {
    const problem = explicitProblem(translation, main, byFile, defaultLocale);
    if (!problem) continue;
    badPairs.add(translation);
    problems.push(new ImportProblem(translation, 0, `--pair ${translation}=${main}: ${problem}`));
  }
  for (const translation of byKey(translations, (page) => page.file)) {
    // A bad --pair is reported on its own; its page is not guessed behind the user's back.
    if (badPairs.has(translation.file)) continue;
    const paired = pairOne(translation, mains, explicit, byFile);
    if (typeof paired === 'string') {
      problems.push(new ImportProblem(translation.file, 0, paired));
      continue;
    }
    const group = groups.get(paired.main)!;
    group.translations.push(translation);
    group.decisions.push(`${describe(translation)} is a translation of ${paired.main.file}: ${paired.how}`);
  }
  for (const group of groups.values()) problems.push(...sameLocaleTwice(group));
  if (problems.length > 0) throw new ImportProblems(problems);
  return byKey([...groups.values()], ({ main }) => main.assetId ?? main.file).map((group) => ({
    ...group,
    translations: byKey(group.translations, (page) => page.locale),
  }));
}

/**
 * What a page holds that a translation keeps: section anchors, the codes in
 * each section, the flat codes with their status, the scheduling codes.
 * Visible headings and messages are translated; these are not.
 */
export function contentKeys(page: PageCatalog): Set<string> {
  const keys = new Set<string>();
  for (const category of page.categories) {
    keys.add(`section ${category.anchor}`);
    for (const row of category.codes) keys.add(`${category.anchor}/${row.code}`);
  }
  for (const row of page.httpCodes) keys.add(`${row.code} (${row.status})`);
  for (const category of page.embeddedCategories) keys.add(`scheduling category ${category.name}`);
  for (const row of page.embeddedCodes) keys.add(`${row.reportedIn} scheduling ${row.category}/${row.code}`);
  return keys;
}

function describe(page: PageCatalog): string {
  return `${page.file} (${page.locale})`;
}

/** Two default-locale pages with one asset id are one page twice, or a translation whose locale is unknown. */
function refuseSharedAssetIds(mains: readonly PageCatalog[], defaultLocale: string): void {
  for (const main of mains) {
    const same = mains.filter((other) => main.assetId !== undefined && other.assetId === main.assetId);
    if (same.length > 1) {
      throw new ImportProblem(main.file, 1, `two pages claim the default locale ${defaultLocale}: ${same.map(describe).join(', ')}; mark the translation's locale with --locale FILE=TAG`);
    }
  }
}

function explicitProblem(translation: string, main: string, byFile: ReadonlyMap<string, PageCatalog>, defaultLocale: string): string | undefined {
  const from = byFile.get(translation);
  const to = byFile.get(main);
  if (!from) return `${translation} is not one of the pages to import; list it too`;
  if (!to) return `${main} is not one of the pages to import; list it too`;
  if (from.locale === defaultLocale) return `${translation} is in the default locale ${defaultLocale}; mark the translation's locale with --locale ${translation}=TAG`;
  if (to.locale !== defaultLocale) return `${main} is in ${to.locale}, not the default locale ${defaultLocale}; pair a translation with a default-locale page`;
  return undefined;
}

/** The default-locale page a translation belongs to and how that was decided, or the problem. */
function pairOne(
  translation: PageCatalog,
  mains: readonly PageCatalog[],
  explicit: ReadonlyMap<string, string>,
  byFile: ReadonlyMap<string, PageCatalog>,
): { main: PageCatalog; how: string } | string {
  const named = byFile.get(explicit.get(translation.file) ?? '');
  if (named) return { main: named, how: '--pair' };
  const sameAsset = mains.find((main) => translation.assetId !== undefined && main.assetId === translation.assetId);
  if (sameAsset) return { main: sameAsset, how: `same ms.assetid ${translation.assetId}` };
  const keys = contentKeys(translation);
  const scored = mains
    .filter((main) => translation.assetId === undefined || main.assetId === undefined)
    .map((main) => ({ main, ...similarity(keys, contentKeys(main)) }))
    .sort((a, b) => b.share - a.share);
  const [best, second] = scored;
  if (best && best.share >= LEAST_SHARED) {
    if (second?.share === best.share) {
      return `${describe(translation)} matches ${best.main.file} and ${second.main.file} equally: pass --pair ${translation.file}=${best.main.file} or --pair ${translation.file}=${second.main.file}`;
    }
    return { main: best.main, how: `shares ${best.shared} of ${best.union} section anchors and codes (no ms.assetid to pair by); review it` };
  }
  const suggested = best && best.share > 0 ? [best.main] : mains;
  const fix =
    suggested.length === 1
      ? `pass --pair ${translation.file}=${suggested[0]!.file}`
      : `pass --pair ${translation.file}=PAGE with PAGE one of ${suggested.map((main) => main.file).join(', ')}`;
  const why = scored.length === 0 ? ` (its ms.assetid ${translation.assetId} is on none of them)` : '';
  return `${describe(translation)} matches no default-locale page${why}: ${fix}`;
}

function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): { shared: number; union: number; share: number } {
  const shared = [...a].filter((key) => b.has(key)).length;
  const union = a.size + b.size - shared;
  return { shared, union, share: union === 0 ? 0 : shared / union };
}

/** Two translations in one locale would each claim the same messages; the user picks one. */
function sameLocaleTwice(group: PageGroup): ImportProblem[] {
  const problems: ImportProblem[] = [];
  for (const locale of new Set(group.translations.map((page) => page.locale))) {
    const same = byKey(group.translations.filter((page) => page.locale === locale), (page) => page.file);
    if (same.length > 1) {
      const files = same.map((page) => page.file).join(' and ');
      problems.push(new ImportProblem(same[0]!.file, 0, `${files} are both ${locale} translations of ${group.main.file}; import one of them, or mark the other's locale with --locale FILE=TAG`));
    }
  }
  return problems;
}
