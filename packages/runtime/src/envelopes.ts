// The wire bodies of DESIGN.md, built field by field in wire order so that
// `JSON.stringify` of a body is byte-for-byte the documented shape.

/** Microsoft REST API guidelines (ML Studio): the category, its message, and the specific code in `details`. */
export interface RestGuidelinesBody<Category extends string = string, Code extends string = string> {
  error: {
    code: Category;
    message: string;
    details?: Array<RestGuidelinesDetail<Code>>;
  };
}

export interface RestGuidelinesDetail<Code extends string = string> {
  code: Code;
  message: string;
  target?: string;
}

/** Azure Batch `BatchError`. */
export interface BatchBody<Code extends string = string> {
  code: Code;
  message: { lang: string; value: string };
  values?: BatchErrorValue[];
}

export interface BatchErrorValue {
  key: string;
  value: string;
}

/** Azure Batch job `schedulingError` / task `failureInfo`: reported inside resources, not as responses. */
export interface BatchSchedulingBody<Category extends string = string, Code extends string = string> {
  category: Category;
  code: Code;
  message: string;
  details?: NameValuePair[];
}

export interface NameValuePair {
  name: string;
  value: string;
}

/**
 * RFC 9457 problem details (`application/problem+json`) with the catalog
 * code as an extension member; `errors` (another extension) is sent only by
 * `problem-details` services, for problems with several parts (validation).
 */
export interface ProblemDetails<Code extends string = string> {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  code: Code;
  errors?: ProblemDetailsError[];
}

/**
 * One part of a problem (`errors[]`): what is wrong, and where. `pointer`
 * is a JSON Pointer (RFC 6901) into the request body as a URI fragment
 * (`#/pool/tasks/0/name`); `name` is a query parameter, header or path
 * parameter. An entry has at most one of the two.
 */
export interface ProblemDetailsError {
  detail: string;
  pointer?: string;
  name?: string;
}

export function restGuidelinesBody(category: string, categoryMessage: string, detail?: RestGuidelinesDetail): RestGuidelinesBody {
  const error: RestGuidelinesBody['error'] = { code: category, message: categoryMessage };
  if (detail) {
    const entry: RestGuidelinesDetail = { code: detail.code, message: detail.message };
    if (detail.target !== undefined) entry.target = detail.target;
    error.details = [entry];
  }
  return { error };
}

export function batchBody(code: string, lang: string, message: string, values?: readonly BatchErrorValue[]): BatchBody {
  const body: BatchBody = { code, message: { lang, value: message } };
  if (values && values.length > 0) body.values = values.map(({ key, value }) => ({ key, value }));
  return body;
}

export function batchSchedulingBody(category: string, code: string, message: string, details?: readonly NameValuePair[]): BatchSchedulingBody {
  const body: BatchSchedulingBody = { category, code, message };
  if (details && details.length > 0) body.details = details.map(({ name, value }) => ({ name, value }));
  return body;
}

export interface ProblemOptions {
  /** A URI reference for this occurrence. */
  instance?: string;
  /**
   * Base of the `type` URI: `https://errors.example.com/batch/` gives
   * `https://errors.example.com/batch/PoolNotFound`. Without it `type` is
   * `about:blank` and `title` is the status phrase, as RFC 9457 asks.
   */
  typeBase?: string;
  /** `errors[]`: the parts of the problem; left out when empty. */
  errors?: readonly ProblemDetailsError[] | undefined;
}

/**
 * Members in RFC 9457's order, then the extensions: `type`, `title` (the
 * status phrase), `status`, `detail`, `instance`, `code`, `errors`.
 */
export function problemDetails(status: number, code: string, detail: string, options: ProblemOptions = {}): ProblemDetails {
  const type = options.typeBase === undefined ? 'about:blank' : `${options.typeBase}${encodeURIComponent(code)}`;
  const title = statusText(status);
  const body: ProblemDetails =
    options.instance === undefined ? { type, title, status, detail, code } : { type, title, status, detail, instance: options.instance, code };
  if (options.errors && options.errors.length > 0) body.errors = options.errors.map(problemError);
  return body;
}

function problemError({ detail, pointer, name }: ProblemDetailsError): ProblemDetailsError {
  const entry: ProblemDetailsError = { detail };
  if (pointer !== undefined) entry.pointer = pointer;
  else if (name !== undefined) entry.name = name;
  return entry;
}

const STATUS_TEXT: Readonly<Record<number, string>> = {
  304: 'Not Modified',
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  407: 'Proxy Authentication Required',
  408: 'Request Timeout',
  409: 'Conflict',
  410: 'Gone',
  411: 'Length Required',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  416: 'Range Not Satisfiable',
  417: 'Expectation Failed',
  421: 'Misdirected Request',
  422: 'Unprocessable Content',
  423: 'Locked',
  424: 'Failed Dependency',
  425: 'Too Early',
  426: 'Upgrade Required',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  451: 'Unavailable For Legal Reasons',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
  505: 'HTTP Version Not Supported',
  507: 'Insufficient Storage',
  508: 'Loop Detected',
  511: 'Network Authentication Required',
};

/** The RFC 9110 reason phrase for a status (`404` → `Not Found`). */
export function statusText(status: number): string {
  return STATUS_TEXT[status] ?? (status >= 500 ? 'Server Error' : status >= 400 ? 'Client Error' : `HTTP ${status}`);
}
