import { describe, expect, it, vi } from 'vitest';
import { run } from './main.js';

// A bug inside errcat (here: the loader throwing) must read as a bug, with a
// hint to report it, never as a problem in the user's spec.
vi.mock('../load/load-catalog.js', () => ({
  loadCatalog: () => Promise.reject(new TypeError("Cannot read properties of undefined (reading 'codes')")),
}));

describe('a crash', () => {
  it('is reported as a bug with exit code 70', async () => {
    let stderr = '';
    const code = await run(['node', 'errcat', 'validate'], { cwd: process.cwd(), out: () => {}, err: (text) => (stderr += text) });
    expect(code).toBe(70);
    expect(stderr).toMatch(/^errcat crashed: this is a bug in errcat, not in your spec\. Please report it at \S+ with this output:/);
    expect(stderr).toContain("TypeError: Cannot read properties of undefined (reading 'codes')");
  });
});
