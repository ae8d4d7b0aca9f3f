import type { Catalog, Service } from '../../../model/catalog.js';
import { batchSchedulingBody } from './batch-scheduling-body.js';
import { batchBody } from './batch-body.js';
import type { ErrorBody } from './error-body.js';
import type { SchemaStyle } from './json-schema.js';
import { problemDetailsBody, problemDetailsServiceBody } from './problem-details-body.js';
import { restGuidelinesBody } from './rest-guidelines-body.js';

/**
 * Every error body of the catalog, in a fixed order: per service (by id) its
 * response body, then its embedded errors; problem details last (when a
 * service answers with another format). The one
 * place wire shapes are described; the OpenAPI and JSON Schema targets both
 * serialize these.
 */
export function buildErrorBodies(catalog: Catalog, style: SchemaStyle): ErrorBody[] {
  const bodies = catalog.services.flatMap((service) => [serviceBody(service, style), ...(service.embedded ? [batchSchedulingBody(service.embedded, service.defaultLocale, style)] : [])]);
  const problem = problemDetailsBody(catalog, style);
  const all = problem ? [...bodies, problem] : bodies;
  const names = new Set<string>();
  for (const { schemas } of all) {
    for (const { name } of schemas) {
      if (names.has(name)) throw new Error(`two error-body schemas are named ${name}; rename a service or category in spec/`);
      names.add(name);
    }
  }
  return all;
}

function serviceBody(service: Service, style: SchemaStyle): ErrorBody {
  switch (service.wireFormat) {
    case 'batch':
      return batchBody(service, style);
    case 'rest-guidelines':
      return restGuidelinesBody(service, style);
    case 'problem-details':
      return problemDetailsServiceBody(service, style);
  }
}
