// Each built-in target imported only when a catalog enables it: a run loads
// the targets its catalog names and no other (a project that emits only its
// OpenAPI components loads none of the TypeScript printing).

import type { TargetName } from '../model/catalog.js';
import type { Target } from './target.js';

/** Every target errcat knows, by the name used in `settings.targets`, as an import of its module. */
export const TARGET_LOADERS: Readonly<Record<TargetName, () => Promise<Target>>> = {
  codes: async () => (await import('./codes/index.js')).codesTarget,
  openapi: async () => (await import('./openapi/index.js')).openapiTarget,
  'json-schema': async () => (await import('./json-schema/index.js')).jsonSchemaTarget,
  express: async () => (await import('./express/index.js')).expressTarget,
  fastify: async () => (await import('./fastify/index.js')).fastifyTarget,
  docs: async () => (await import('./docs/index.js')).docsTarget,
};

/** The built-in targets of `names`, in that order, each imported once. */
export async function loadTargets(names: readonly TargetName[]): Promise<Target[]> {
  return Promise.all(names.map((name) => TARGET_LOADERS[name]()));
}
