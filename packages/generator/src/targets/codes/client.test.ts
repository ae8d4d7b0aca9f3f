// The client side of the generated package: narrowing and exhaustiveness are
// checked by the compiler against generated code, and a catalog that gains a
// code makes an exhaustive `switch` of its users fail to compile.

import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile, generate, loadSpecDir, materialize } from './__fixtures__/harness.js';

const SMALL = path.join(import.meta.dirname, '__fixtures__/small');

/** A user's code: narrowing by code, and a `switch` over every Jobs code with a `never` default. */
const CONSUMER = `
import { JobsErrorCode, parseJobsError, parseStudioError, StudioCategory, StudioErrorCode, type JobsParsedError } from './src/index.js';

export function describeJobsError(result: JobsParsedError): string {
  if (result.kind === 'foreign') return \`not a Jobs error (\${result.reason}, status \${result.status ?? 'none'})\`;
  if (result.kind === 'unknown-code') return \`a newer server's \${result.rawCode}\`;
  switch (result.code) {
    case JobsErrorCode.ConditionNotMet:
      return result.variant === 'read' ? 'not modified' : 'precondition failed';
    case JobsErrorCode.InternalError:
      return 'retry later';
    case JobsErrorCode.InvalidBody:
      return 'fix the body';
    case JobsErrorCode.JobNotFound:
      return 'no such job';
    default: {
      const unhandled: never = result;
      return unhandled;
    }
  }
}

const jobs = parseJobsError('{}', { status: 404 });
if (jobs.code === JobsErrorCode.ConditionNotMet) {
  const status: 304 | 412 = jobs.status;
  const variant: 'read' | 'write' = jobs.variant;
  const values: readonly { key: string; value: string }[] = jobs.values;
  void [status, variant, values];
}
if (jobs.code === JobsErrorCode.JobNotFound) {
  const status: 404 = jobs.status;
  // @ts-expect-error JobNotFound has no variants
  const variant: string = jobs.variant;
  void [status, variant];
}
const studio = parseStudioError('{}');
if (studio.key === 'InternalError/UnknownError') {
  const status: 500 = studio.status;
  const category: StudioCategory.InternalError = studio.category;
  const target: string | undefined = studio.target;
  void [status, category, target];
}
if (studio.code === StudioErrorCode.UnknownError) {
  // A name under two categories narrows to both.
  const status: 400 | 500 = studio.status;
  void status;
}
if (studio.kind === 'unknown-code') {
  const raw: string = studio.rawCode;
  // @ts-expect-error an unknown code has no catalog code
  const code: StudioErrorCode = studio.code;
  void [raw, code];
}
`;

async function compileConsumer(jobsYaml: (text: string) => string): Promise<string[]> {
  const files = generate(loadSpecDir(SMALL, (file, text) => (file === 'jobs.yaml' ? jobsYaml(text) : text)));
  const { dir, dispose } = await materialize(files);
  try {
    const consumer = path.join(dir, 'consumer.ts');
    await writeFile(consumer, CONSUMER);
    return compile(dir, { extraFiles: [consumer] });
  } finally {
    await dispose();
  }
}

describe('typed parsing in the generated package', () => {
  it('narrows by code and compiles an exhaustive switch with a never default', async () => {
    expect(await compileConsumer((text) => text)).toEqual([]);
  });

  it('fails to compile that switch once the catalog gains a code', async () => {
    const withNewCode = (text: string) => text.replace('  InternalError:\n', '  JobIsOnFire:\n    status: 409\n    message:\n      en: The job is on fire.\n  InternalError:\n');
    const diagnostics = await compileConsumer(withNewCode);
    expect(diagnostics, diagnostics.join('\n')).toHaveLength(1);
    expect(diagnostics[0]).toMatch(/^consumer\.ts:\d+:\d+ Type .*"JobIsOnFire".* is not assignable to type 'never'/s);
  });
});
