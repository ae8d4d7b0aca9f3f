import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadCatalog } from '../../load/load-catalog.js';
import { TARGETS } from '../registry.js';
import { fixtureInput } from './__fixtures__/target-input.js';
import { templateRenderer, TemplateError, type RenderFunction } from './render-template.js';
import { loadShippedTemplates, shippedTemplatesSource, type ShippedTemplate } from './shipped-templates.js';

// Every render the targets ask for, recorded so that it can be rendered again both ways.
const renders = vi.hoisted(() => [] as Array<[Readonly<Record<string, string>>, string, object, { html?: boolean } | undefined]>);
vi.mock('./render-template.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('./render-template.js')>();
  return {
    ...real,
    renderTemplate: (...args: Parameters<typeof real.renderTemplate>) => {
      renders.push([args[0], args[1], args[2], args[3]]);
      return real.renderTemplate(...args);
    },
  };
});

const repo = path.resolve(import.meta.dirname, '../../../../..');

/** A compiler that counts what it compiles, for the renderer to fall back to. */
function countingCompiler() {
  const compiled: string[] = [];
  const real = templateRenderer(undefined);
  const compile = (source: string, html: boolean): RenderFunction => {
    compiled.push(source);
    return (view) => real({ t: source }, 't', view, { html });
  };
  return { compiled, compile };
}

describe("errcat's own templates, precompiled by the build", () => {
  let dir: string;
  let shipped: Readonly<Record<string, ShippedTemplate>>;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'errcat-templates-'));
    const file = path.join(dir, 'shipped-templates.gen.js');
    writeFileSync(file, await shippedTemplatesSource());
    shipped = (await loadShippedTemplates(pathToFileURL(file)))!;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('give the very text of compiling them, for every page of the seed catalog, with nothing compiled', async () => {
    const { catalog } = await loadCatalog(path.join(repo, 'spec'), (file) => file);
    const input = fixtureInput(catalog!);
    for (const target of Object.values(TARGETS)) target.generate(input);
    expect(new Set(renders.map(([, name]) => name))).toEqual(new Set(Object.keys(input.templates)));
    const { compiled, compile } = countingCompiler();
    const precompiled = templateRenderer(shipped, compile);
    const compiling = templateRenderer(undefined);
    for (const [templates, name, view, options] of renders) {
      expect(precompiled(templates, name, view, options), name).toBe(compiling(templates, name, view, options));
    }
    expect(compiled).toEqual([]);
  });

  it("render a project's template of the same name from the project's text", () => {
    const { compiled, compile } = countingCompiler();
    const render = templateRenderer(shipped, compile);
    expect(render({ 'codes.README.md.hbs': '# {{packageName}}, our way\n' }, 'codes.README.md.hbs', { packageName: '@payments/codes' })).toBe('# @payments/codes, our way\n');
    expect(compiled).toEqual(['# {{packageName}}, our way\n']);
  });

  it('render a template edited between two runs of a watcher from its new text, compiling each text once', () => {
    const { compiled, compile } = countingCompiler();
    const render = templateRenderer(shipped, compile);
    for (const text of ['# {{title}}\n', '# {{title}}\n', '## {{title}}\n']) render({ 'docs.README.md.hbs': text }, 'docs.README.md.hbs', { title: 'x' });
    expect(render({ 'docs.README.md.hbs': '## {{title}}\n' }, 'docs.README.md.hbs', { title: 'y' })).toBe('## y\n');
    expect(compiled).toEqual(['# {{title}}\n', '## {{title}}\n']);
  });

  it("report a project's template that does not parse as the user's mistake, each time it is rendered", () => {
    const render = templateRenderer(shipped);
    for (let run = 0; run < 2; run++) {
      expect(() => render({ 'codes.README.md.hbs': '# {{title}\n' }, 'codes.README.md.hbs', { title: 'x' })).toThrow(TemplateError);
    }
  });
});
