import type { TargetName } from '../model/catalog.js';
import { codesTarget } from './codes/index.js';
import { docsTarget } from './docs/index.js';
import { expressTarget } from './express/index.js';
import { fastifyTarget } from './fastify/index.js';
import { jsonSchemaTarget } from './json-schema/index.js';
import { openapiTarget } from './openapi/index.js';
import type { Target } from './target.js';

/** Every target errcat knows, by the name used in `settings.targets`. */
export const TARGETS: Readonly<Partial<Record<TargetName, Target>>> = {
  codes: codesTarget,
  openapi: openapiTarget,
  'json-schema': jsonSchemaTarget,
  express: expressTarget,
  fastify: fastifyTarget,
  docs: docsTarget,
};
