import type { RawSpecFile } from './raw-spec.js';

export type RefResolution =
  | { kind: 'code'; key: string; status: number | undefined }
  | { kind: 'category'; category: string; status: number | undefined }
  | { kind: 'ambiguous'; choices: string[] }
  | { kind: 'unknown'; candidates: string[] };

/** Resolves `Code`, `Category` or `Category/Code` against one service's spec. */
export function resolveRef(spec: RawSpecFile, ref: string): RefResolution {
  const [first = '', second] = ref.split('/');
  const categories = spec.categories ?? {};
  if (second !== undefined) {
    const category = categories[first];
    const code = category?.codes?.[second];
    if (category && code) return { kind: 'code', key: ref, status: code.status ?? category.status };
    return { kind: 'unknown', candidates: allRefs(spec) };
  }
  const flat = spec.codes?.[first];
  if (flat) return { kind: 'code', key: first, status: flat.status ?? flat.variants?.[0]?.status };
  const category = categories[first];
  if (category) return { kind: 'category', category: first, status: category.status };
  const owners = Object.entries(categories).filter(([, entry]) => entry.codes?.[first]);
  if (owners.length === 1) {
    const [owner, entry] = owners[0]!;
    return { kind: 'code', key: `${owner}/${first}`, status: entry.codes?.[first]?.status ?? entry.status };
  }
  if (owners.length > 1) return { kind: 'ambiguous', choices: owners.map(([owner]) => `${owner}/${first}`) };
  return { kind: 'unknown', candidates: allRefs(spec) };
}

function allRefs(spec: RawSpecFile): string[] {
  const refs = Object.keys(spec.codes ?? {});
  for (const [name, category] of Object.entries(spec.categories ?? {})) {
    refs.push(name, ...Object.keys(category.codes ?? {}).map((code) => `${name}/${code}`));
  }
  return refs;
}
