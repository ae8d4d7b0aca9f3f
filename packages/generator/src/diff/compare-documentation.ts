// What a catalog documents beside how it answers: titles, descriptions,
// sections and anchors, source pages, notes. The docs package shows all of it
// and the other packages some (README titles, OpenAPI descriptions), but no
// client is answered differently: each change is a patch. Only what both
// catalogs hold is compared (a code or category added or removed is its own
// change), except sections, which nothing else compares.

import type { Catalog, EmbeddedSet, Service } from '../model/catalog.js';
import { embeddedCodeKey, embeddedSetId } from '../targets/shared/error-sets.js';
import type { Change } from './compare-catalogs.js';

type Aspect<T> = readonly [name: string, of: (value: T) => unknown];

/** A patch change for each error set whose documentation differs, naming what differs. */
export function compareDocumentation(base: Catalog, head: Catalog): Change[] {
  const changes: Change[] = [];
  const baseServices = new Map(base.services.map((service) => [service.id, service]));
  for (const service of head.services) {
    const before = baseServices.get(service.id);
    if (!before) continue;
    const own = differing(serviceAspects(before, service), before, service);
    if (own.length > 0) changes.push(documentationChange(service.id, own));
    const [baseEmbedded, headEmbedded] = [before.embedded, service.embedded];
    // A renamed set is removed and added, not compared.
    if (baseEmbedded && headEmbedded && embeddedSetId(baseEmbedded) === embeddedSetId(headEmbedded)) {
      const embedded = differing(embeddedAspects(baseEmbedded, headEmbedded), baseEmbedded, headEmbedded);
      if (embedded.length > 0) changes.push(documentationChange(embeddedSetId(headEmbedded), embedded));
    }
  }
  return changes;
}

function documentationChange(scope: string, aspects: readonly string[]): Change {
  return { level: 'patch', scope, message: `documentation changed: ${aspects.join(', ')}` };
}

function differing<T>(aspects: ReadonlyArray<Aspect<T>>, base: T, head: T): string[] {
  return aspects.filter(([, of]) => JSON.stringify(of(base)) !== JSON.stringify(of(head))).map(([name]) => name);
}

function serviceAspects(base: Service, head: Service): ReadonlyArray<Aspect<Service>> {
  const codes = inBoth(base.codes, head.codes, (code) => code.key);
  const categories = inBoth(base.categories, head.categories, (category) => category.name);
  return [
    ['title', (service) => service.title],
    ['description', (service) => service.description],
    ['source pages', (service) => service.sources],
    ['sections', (service) => service.sections.map(({ key, title, description, anchor, codes: listed }) => ({ key, title, description, anchor, codes: listed.filter((code) => codes.has(code)) }))],
    ['category descriptions or anchors', (service) => service.categories.filter((category) => categories.has(category.name)).map(({ name, description, anchor }) => ({ name, description, anchor }))],
    ['code notes, sections or see-also', (service) => service.codes.filter((code) => codes.has(code.key)).map(({ key, note, section, alsoIn }) => ({ key, note, section, alsoIn }))],
  ];
}

function embeddedAspects(base: EmbeddedSet, head: EmbeddedSet): ReadonlyArray<Aspect<EmbeddedSet>> {
  const codes = inBoth(base.codes, head.codes, embeddedCodeKey);
  const categories = inBoth(base.categories, head.categories, (category) => category.name);
  // `order` is a position among all as written: compared as the sequence of what both hold, so an
  // addition or removal, its own change, does not read as everything after it moving.
  const inOrder = <T extends { readonly order: number }>(items: readonly T[]) => [...items].sort((a, b) => a.order - b.order);
  return [
    ['title', (set) => set.title],
    ['heading', (set) => set.section],
    // Titles aside: the error set's comparison reports a category retitled.
    ['category descriptions or order', (set) => inOrder(set.categories.filter((category) => categories.has(category.name))).map(({ name, description }) => ({ name, description }))],
    [
      'codes\' order, notes, see-also or where they are reported',
      (set) => inOrder(set.codes.filter((code) => codes.has(embeddedCodeKey(code)))).map((code) => ({ key: embeddedCodeKey(code), note: code.note, alsoIn: code.alsoIn, reportedIn: code.reportedIn })),
    ],
  ];
}

function inBoth<T>(base: readonly T[], head: readonly T[], key: (item: T) => string): Set<string> {
  const before = new Set(base.map(key));
  return new Set(head.map(key).filter((name) => before.has(name)));
}
