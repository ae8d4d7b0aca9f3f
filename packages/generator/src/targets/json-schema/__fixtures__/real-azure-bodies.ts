// Error bodies Azure services really sent, as published in Microsoft's docs
// and SDK tests, for the schemas of the seed catalog. Real bodies carry more
// than the REST definitions list (Batch adds `odata.metadata`; its messages
// end in request ids); the schemas must accept them and still reject what the
// catalog does not define.

export interface RealBody {
  readonly name: string;
  /** Where the body was published. */
  readonly source: string;
  /** `ml-studio-error`, `batch-error`, `batch-scheduling-error`, `problem-details`. */
  readonly schema: string;
  readonly body: unknown;
}

export const VALID_REAL_BODIES: readonly RealBody[] = [
  {
    name: 'Batch 409 TaskExists in a task-collection response',
    source: 'Batch REST API reference, "Add a collection of tasks to a job": batch response example',
    schema: 'batch-error',
    body: {
      'odata.metadata': 'http://myaccount.myregion.batch.azure.com/$metadata#Microsoft.Azure.Batch.Protocol.Entities.Container.errors/@Element',
      code: 'TaskExists',
      message: { lang: 'en-US', value: 'The specified task already exists.\nRequestId:918868f8-9869-4847-9ae6-3c0cee46f148\nTime:2014-04-09T20:21:24.8452594Z' },
    },
  },
  {
    name: 'Batch 400 InvalidHeaderValue',
    source: 'azure-sdk-for-python, msrestazure tests: a Batch error body as the service returned it',
    schema: 'batch-error',
    body: {
      'odata.metadata': 'https://account.region.batch.azure.com/$metadata#Microsoft.Azure.Batch.Protocol.Entities.Container.errors/@Element',
      code: 'InvalidHeaderValue',
      message: { lang: 'en-US', value: 'The value for one of the HTTP headers is not in the correct format.\nRequestId:5f4c1f05-603a-4495-8e80-01f776310bbd\nTime:2016-01-04T22:12:33.9245931Z' },
      values: [
        { key: 'HeaderName', value: 'ocp-date' },
        { key: 'HeaderValue', value: 'Mon, 04 Jan 2016 22:12:33 GMT' },
      ],
    },
  },
  {
    name: 'Batch 400 InvalidQueryParameterValue, lower-case language tag',
    source: 'Batch Status and Error Codes (spec/sources/batch.en.md): the page’s own example',
    schema: 'batch-error',
    body: {
      code: 'InvalidQueryParameterValue',
      message: { lang: 'en-us', value: 'Value for one of the query parameters specified in the request URI is invalid' },
      values: [
        { key: 'QueryParameterName', value: 'state' },
        { key: 'QueryParameterValue', value: 'deleted' },
        { key: 'Reason', value: 'invalid state' },
      ],
    },
  },
  {
    name: 'ML Studio 401 from a scoring call',
    source: 'DESIGN.md: the ML Studio wire format, confirmed by a real 401',
    schema: 'ml-studio-error',
    body: { error: { code: 'Unauthorized', message: 'Request is unauthorized to access resource.', details: [{ code: 'ScoreRequestUnauthorized', message: 'Invalid credentials provided.' }] } },
  },
];

/** Real-looking bodies the schemas must still reject: a code no catalog has, a shape that is not the service's. */
export const INVALID_REAL_BODIES: readonly RealBody[] = [
  {
    name: 'Batch body with odata.metadata and a code the catalog lacks',
    source: 'the TaskExists body above, code changed',
    schema: 'batch-error',
    body: { 'odata.metadata': 'https://x.batch.azure.com/$metadata#errors/@Element', code: 'TaskExistsTwice', message: { lang: 'en-US', value: 'The specified task already exists.' } },
  },
  {
    name: 'An ARM-style error envelope sent to a Batch client',
    source: 'Azure Resource Manager error shape',
    schema: 'batch-error',
    body: { error: { code: 'TaskExists', message: 'The specified task already exists.' } },
  },
  {
    name: 'The scheduling sample’s display-name category',
    source: 'Batch Status and Error Codes: the pre-processing error sample (UserError, which the REST definitions spell usererror)',
    schema: 'batch-scheduling-error',
    body: { category: 'UserError', code: 'BlobNotFound', message: 'The specified blob does not exist.', values: { name: 'FilePath', value: 'myfile.txt' } },
  },
];
