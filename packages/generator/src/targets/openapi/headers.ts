// components.headers: `x-ms-error-code` for services on the REST API
// guidelines (it equals `error.code`), and `Content-Language` for all.

import type { OpenAPIV3 } from 'openapi-types';
import type { Catalog, Service } from '../../model/catalog.js';
import { schemaRef } from './schemas.js';

export const CONTENT_LANGUAGE = 'ContentLanguage';

/** `MlStudioErrorCode`: the header component for `x-ms-error-code`. */
export function errorCodeHeaderName(service: Service): string {
  return `${service.name}ErrorCode`;
}

export function buildHeaders(catalog: Catalog): Record<string, OpenAPIV3.HeaderObject> {
  const locales = [...new Set(catalog.services.flatMap((service) => service.locales))];
  const headers: Record<string, OpenAPIV3.HeaderObject> = {
    [CONTENT_LANGUAGE]: {
      description: `The locale the messages in the body are in, negotiated from \`Accept-Language\` (default \`${catalog.settings.defaultLocale}\`).`,
      schema: { type: 'string', enum: locales },
    },
  };
  for (const service of catalog.services.filter((candidate) => candidate.wireFormat === 'rest-guidelines')) {
    headers[errorCodeHeaderName(service)] = {
      description: `The error category of ${service.title}; equals \`error.code\` in the body.${service.description?.[service.defaultLocale] ? `\n\n${service.description[service.defaultLocale]}` : ''}`,
      schema: { $ref: schemaRef(`${service.name}ErrorCategory`) },
    };
  }
  return headers;
}
