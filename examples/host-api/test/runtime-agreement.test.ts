// The documentation and the server agree: every example in the package's
// components is, status, headers and body, what an application built on
// @azure-errors/codes answers for that code, as its own body and as
// problem details.

import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { batchCatalog, CatalogError, errorResponse, mlStudioCatalog, type ErrorSet } from '@azure-errors/codes';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';

type Json = Record<string, any>;

const require = createRequire(import.meta.url);
const SETS: Record<string, { set: ErrorSet; ref: (example: string) => { code?: string; category?: string; variant?: string } }> = {
  Batch: {
    set: batchCatalog,
    ref: (example) => {
      const [code, variant] = example.split('.');
      return { code, ...(variant ? { variant } : {}) };
    },
  },
  MlStudio: {
    set: mlStudioCatalog,
    ref: (example) => {
      const [category, code] = example.split('/');
      return { category, ...(code ? { code } : {}) };
    },
  },
};

describe.each(['components.yaml', 'components.3.0.yaml'])('@azure-errors/openapi/%s', (file) => {
  it('shows for every code exactly the status, headers and bodies @azure-errors/codes answers with', async () => {
    const document = YAML.parse(await readFile(require.resolve(`@azure-errors/openapi/${file}`), 'utf8')) as Json;
    const mismatches: string[] = [];
    let checked = 0;
    for (const [name, response] of Object.entries(document.components.responses as Record<string, Json>)) {
      const [, service, status] = /^(\w+?)Error(\d{3})$/.exec(name)!;
      const { set, ref } = SETS[service!]!;
      for (const [example, { value }] of Object.entries(response.content['application/json'].examples as Record<string, Json>)) {
        const error = new CatalogError(set, ref(example));
        const native = errorResponse(error as never, { acceptLanguage: 'en' });
        const problem = errorResponse(error as never, { acceptLanguage: 'en', problem: true });
        const documentedProblem = response.content['application/problem+json'].examples[example]?.value;
        const headers = Object.keys(response.headers).map((header) => header.toLowerCase());
        checked += 1;
        if (native.status !== Number(status)) mismatches.push(`${name} ${example}: status ${native.status}`);
        if (JSON.stringify(native.body) !== JSON.stringify(value)) mismatches.push(`${name} ${example}: body ${JSON.stringify(native.body)}`);
        if (JSON.stringify(problem.body) !== JSON.stringify(documentedProblem)) mismatches.push(`${name} ${example}: problem ${JSON.stringify(problem.body)}`);
        const sent = Object.keys(native.headers).filter((header) => header !== 'content-type');
        if (JSON.stringify(sent.sort()) !== JSON.stringify([...headers].sort())) mismatches.push(`${name} ${example}: headers ${sent.join(', ')} vs documented ${headers.join(', ')}`);
      }
    }
    expect(mismatches).toEqual([]);
    expect(checked).toBeGreaterThan(200);
  });
});
