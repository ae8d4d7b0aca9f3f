import { describe, expect, it, vi } from 'vitest';
import { run } from './main.js';
import { issueTracker } from './own-package.js';

// A bug inside errcat (here: the loader throwing) must read as a bug, with a
// hint to report it, never as a problem in the user's spec.
vi.mock('../load/load-catalog.js', () => ({
  loadCatalog: () => Promise.reject(new TypeError("Cannot read properties of undefined (reading 'codes')")),
  checkCatalog: () => Promise.reject(new TypeError("Cannot read properties of undefined (reading 'codes')")),
}));

describe('a crash', () => {
  it('is reported as a bug with exit code 70', async () => {
    let stderr = '';
    const code = await run(['node', 'errcat', 'validate'], { cwd: process.cwd(), out: () => {}, err: (text) => (stderr += text) });
    expect(code).toBe(70);
    expect(stderr.split('\n')[0]).toBe(`errcat crashed: this is a bug in errcat, not in your spec. Please report it at ${issueTracker()} with this output:`);
    expect(stderr).toContain("TypeError: Cannot read properties of undefined (reading 'codes')");
  });
});

describe('where a crash is reported', () => {
  it.each([
    ['bugs first', { version: '1.0.0', bugs: { url: 'https://example.com/errcat/issues' }, repository: { url: 'git+https://example.com/errcat.git' } }, 'https://example.com/errcat/issues'],
    ['the repository without git+ and .git', { version: '1.0.0', repository: { url: 'git+https://example.com/errcat.git' } }, 'https://example.com/errcat'],
    ['string fields', { version: '1.0.0', repository: 'https://example.com/errcat' }, 'https://example.com/errcat'],
    ['nothing invented when the package names neither', { version: '1.0.0' }, "errcat's maintainers"],
  ])('%s', (_name, manifest, expected) => {
    expect(issueTracker(manifest)).toBe(expected);
  });
});
