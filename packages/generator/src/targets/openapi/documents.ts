// The two documents: OpenAPI 3.1 (components.yaml / .json) and a 3.0.3
// variant for tools still on 3.0. Same responses, headers and examples;
// only the schema dialect differs.

import type { OpenAPIV3, OpenAPIV3_1 } from 'openapi-types';
import type { Catalog } from '../../model/catalog.js';
import { GENERATED_NOTICE, yamlHeader } from '../shared/generated-header.js';
import { jsonFiles } from '../shared/json-file.js';
import { INITIAL_VERSION, packageName } from '../shared/package-manifest.js';
import { partsFile } from '../shared/text-parts.js';
import { yamlParts } from '../shared/yaml-text.js';
import type { GeneratedFile, TargetInput } from '../target.js';
import { buildHeaders } from './headers.js';
import { buildResponses, type ResponseObject } from './responses.js';
import { buildSchemas30, buildSchemas31, namedSchemas, type NamedSchemas } from './schemas.js';

/** A generated document says so in an extension, since JSON has no comments. */
export const GENERATED_EXTENSION = 'x-errcat-generated';

export interface DocumentFiles {
  /** File stem inside the package: `components`, `components.3.0`. */
  readonly stem: string;
  readonly version: string;
}

export const DOCUMENT_31: DocumentFiles = { stem: 'components', version: '3.1.0' };
export const DOCUMENT_30: DocumentFiles = { stem: 'components.3.0', version: '3.0.3' };

/**
 * OpenAPI's own default, written out because Redocly's recommended rules
 * require `servers`: the real servers are the referencing API's.
 */
const SERVERS = [{ url: '/', description: 'Servers come from the API definition that references these components.' }];

type Generated = { [GENERATED_EXTENSION]: string };

/**
 * What the 3.1 and 3.0 documents are built from alike, built once: the
 * responses and headers they share (so their YAML is written once too) and
 * the schemas each converts to its dialect.
 */
export interface SharedComponents {
  readonly responses: Record<string, ResponseObject>;
  readonly headers: Record<string, OpenAPIV3.HeaderObject>;
  readonly schemas: NamedSchemas;
}

export function sharedComponents(catalog: Catalog): SharedComponents {
  return { responses: buildResponses(catalog), headers: buildHeaders(catalog), schemas: namedSchemas(catalog) };
}

export function buildDocument31(input: TargetInput, shared: SharedComponents = sharedComponents(input.catalog)): OpenAPIV3_1.Document & Generated {
  return {
    openapi: DOCUMENT_31.version,
    info: { ...info(input), license: { name: 'MIT', identifier: 'MIT' } },
    [GENERATED_EXTENSION]: GENERATED_NOTICE,
    servers: SERVERS,
    paths: {},
    components: { schemas: buildSchemas31(shared.schemas), responses: shared.responses, headers: shared.headers },
  };
}

export function buildDocument30(input: TargetInput, shared: SharedComponents = sharedComponents(input.catalog)): OpenAPIV3.Document & Generated {
  return {
    openapi: DOCUMENT_30.version,
    info: { ...info(input), license: { name: 'MIT', url: 'https://opensource.org/license/mit' } },
    [GENERATED_EXTENSION]: GENERATED_NOTICE,
    servers: SERVERS,
    paths: {},
    components: { schemas: buildSchemas30(shared.schemas), responses: shared.responses, headers: shared.headers },
  };
}

function info(input: TargetInput): { title: string; version: string; description: string } {
  const name = packageName(input.catalog, 'openapi');
  return {
    title: `${name}: error components`,
    version: input.versions[name] ?? INITIAL_VERSION,
    description: `Error responses, schemas and headers of ${describeServices(input.catalog)}, to \`$ref\` from an API definition. This document has no paths of its own.`,
  };
}

function describeServices(catalog: Catalog): string {
  return catalog.services.map((service) => service.title).join(', ');
}

/** Each document as YAML (behind the generated-file comment) and as JSON; the YAML and JSON of what they share are written once. */
export function serializeDocuments(packageDir: string, documents: ReadonlyArray<readonly [DocumentFiles, object]>, shared: SharedComponents): GeneratedFile[] {
  const sharedCollections = new Set<object>([shared.responses, shared.headers]);
  const yaml = yamlParts(
    documents.map(([, document]) => document),
    yamlHeader(),
    sharedCollections,
  );
  const json = jsonFiles(
    documents.map(([files, document]) => [`${packageDir}/${files.stem}.json`, document]),
    sharedCollections,
  );
  return documents.flatMap(([files], index) => [partsFile(`${packageDir}/${files.stem}.yaml`, yaml[index]!), json[index]!]);
}
