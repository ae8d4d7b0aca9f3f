import type { RawCategory, RawFailures, RawHttpCode, RawSpecFile, TargetName, WireFormat } from '../spec/raw-spec.js';
import { TARGET_ORDER } from '../model/package-layout.js';

export interface StarterOptions {
  scope: string;
  /** Service id: lower-case words joined by `-` (`payments`). */
  service: string;
  /** PascalCase prefix of the generated TypeScript names. */
  name: string;
  title: string;
  /** The first is the default. */
  locales: readonly string[];
  wireFormat: WireFormat;
  targets?: readonly TargetName[];
}

export interface StarterFiles {
  settings: RawSpecFile;
  service: RawSpecFile;
}

// The starter's codes: one a route throws with a param, one for unknown
// routes, one for everything unexpected; the framework failures need a 4xx,
// a 404 and a 5xx code, so the catalog validates and generates at once.
const INVALID = { code: 'InvalidRequest', status: 400, message: 'The request is invalid: {reason}.' } as const;
const NOT_FOUND = { code: 'ResourceNotFound', status: 404, message: 'The requested resource does not exist.' } as const;
const INTERNAL = { code: 'InternalError', status: 500, message: 'The server encountered an internal error. Please retry the request.' } as const;
const REASON_PARAM = [{ name: 'reason', type: 'string' as const, description: 'What is wrong with the request, for the client.' }];

/** A catalog that validates and generates as it is, for `errcat init` to write. Pure. */
export function starterCatalog(options: StarterOptions): StarterFiles {
  const [defaultLocale = 'en'] = options.locales;
  const settings: RawSpecFile = {
    settings: {
      scope: options.scope,
      targets: [...(options.targets ?? TARGET_ORDER)],
      locales: { default: defaultLocale, supported: [...options.locales] },
    },
  };
  const text = (message: string) => ({ [defaultLocale]: message });
  const service: RawSpecFile = {
    service: {
      id: options.service,
      name: options.name,
      title: options.title,
      wireFormat: options.wireFormat,
      locales: [...options.locales],
      failures: failures(options.wireFormat),
    },
  };
  if (options.wireFormat === 'rest-guidelines') {
    const category = (status: number, message: string, codes: RawCategory['codes']): RawCategory => ({ status, message: text(message), codes });
    service.categories = {
      BadRequest: category(400, 'The request is invalid.', { [INVALID.code]: { message: text(INVALID.message), params: REASON_PARAM } }),
      NotFound: category(404, NOT_FOUND.message, { [NOT_FOUND.code]: {} }),
      InternalError: category(500, INTERNAL.message, { [INTERNAL.code]: {} }),
    };
  } else {
    const code = (status: number, message: string, extra: Partial<RawHttpCode> = {}): RawHttpCode => ({ status, message: text(message), ...extra });
    service.codes = {
      [INVALID.code]: code(INVALID.status, INVALID.message, { params: REASON_PARAM }),
      [NOT_FOUND.code]: code(NOT_FOUND.status, NOT_FOUND.message),
      [INTERNAL.code]: code(INTERNAL.status, INTERNAL.message),
    };
  }
  return { settings, service };
}

function failures(wireFormat: WireFormat): RawFailures {
  const ref = (category: string, code: string) => (wireFormat === 'rest-guidelines' ? `${category}/${code}` : code);
  const invalid = ref('BadRequest', INVALID.code);
  return {
    internal: ref('InternalError', INTERNAL.code),
    malformedBody: invalid,
    bodyTooLarge: invalid,
    notFound: ref('NotFound', NOT_FOUND.code),
    validation: invalid,
  };
}

/** `payments-api` → `PaymentsApi`. */
export function pascalCase(id: string): string {
  return id
    .split(/[^a-zA-Z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join('');
}

/** Any name → a service id: `@payments/API Server` → `api-server`. */
export function serviceId(name: string): string {
  const id =
    name
      .replace(/^@[^/]+\//, '')
      .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'api';
  return /^[a-z]/.test(id) ? id : `api-${id}`;
}
