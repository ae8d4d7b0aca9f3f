// components.headers: `Content-Language` for all services, and for each
// service that declares an `errorCodeHeader` (`x-ms-error-code`) that header,
// which repeats the body's top-level code.

import type { OpenAPIV3 } from 'openapi-types';
import type { Catalog, Service } from '../../model/catalog.js';
import { schemaRef } from './schemas.js';

export const CONTENT_LANGUAGE = 'ContentLanguage';

/** `MlStudioErrorCode`: the header component for the service's `errorCodeHeader`. */
export function errorCodeHeaderName(service: Service): string {
  return `${service.name}ErrorCode`;
}

/** The services that send an error-code header, with its name. */
export function errorCodeHeaderServices(catalog: Catalog): Array<Service & { readonly errorCodeHeader: string }> {
  return catalog.services.filter((service): service is Service & { readonly errorCodeHeader: string } => service.errorCodeHeader !== undefined);
}

/** The body member a service's error-code header repeats: the category for rest-guidelines, the code otherwise. */
export function errorCodeMember(service: Service): 'error.code' | 'code' {
  return service.wireFormat === 'rest-guidelines' ? 'error.code' : 'code';
}

export function buildHeaders(catalog: Catalog): Record<string, OpenAPIV3.HeaderObject> {
  const locales = [...new Set(catalog.services.flatMap((service) => service.locales))];
  const headers: Record<string, OpenAPIV3.HeaderObject> = {
    [CONTENT_LANGUAGE]: {
      description: `The locale the messages in the body are in, negotiated from \`Accept-Language\` (default \`${catalog.settings.defaultLocale}\`).`,
      schema: { type: 'string', enum: locales },
    },
  };
  for (const service of errorCodeHeaderServices(catalog)) {
    const guidelines = service.wireFormat === 'rest-guidelines';
    headers[errorCodeHeaderName(service)] = {
      description: `${guidelines ? 'The error category' : 'The error code'} of ${service.title}; equals \`${errorCodeMember(service)}\` in the body.${service.description?.[service.defaultLocale] ? `\n\n${service.description[service.defaultLocale]}` : ''}`,
      schema: { $ref: schemaRef(`${service.name}${guidelines ? 'ErrorCategory' : 'ErrorCode'}`) },
    };
  }
  return headers;
}
