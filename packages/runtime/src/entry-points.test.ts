// The root entry point must load no framework: Express and Fastify users each
// import only their adapter's subpath, and neither pays for the other.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every bare module specifier reachable from `entry` through relative imports. */
function packagesReachedFrom(entry: string): string[] {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const [, specifier] of source.matchAll(/^(?:import|export)\s(?!type\b)[^'"]*?from\s+'([^']+)'/gm)) {
      if (specifier!.startsWith('.')) visit(path.resolve(path.dirname(file), specifier!.replace(/\.js$/, '.ts')));
      else packages.add(specifier!);
    }
  };
  visit(path.join(import.meta.dirname, entry));
  return [...packages].sort();
}

describe('entry points', () => {
  it('the root loads no framework and no serializer', () => {
    expect(packagesReachedFrom('index.ts')).toEqual(['negotiator']);
  });

  it('the client entry loads nothing at all: no Node built-in, no package', () => {
    expect(packagesReachedFrom('client/index.ts')).toEqual([]);
  });

  it('the Express adapter loads no framework at all', () => {
    expect(packagesReachedFrom('express.ts')).toEqual(['negotiator', 'node:util']);
  });

  it('the Fastify adapter loads fastify-plugin and fast-json-stringify, not Fastify itself', () => {
    expect(packagesReachedFrom('fastify.ts')).toEqual(['fast-json-stringify', 'fastify-plugin', 'negotiator', 'node:util']);
  });
});
