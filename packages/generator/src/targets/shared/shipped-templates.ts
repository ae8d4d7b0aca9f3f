// errcat's own templates, compiled by the build. Compiling costs Handlebars
// far more than rendering (the HTML page's template alone about 90 ms at a
// cold start, all of them a fifth of a second), the same on every run; so the
// build precompiles each shipped template into
// dist/targets/shared/shipped-templates.gen.js (scripts/write-precompiled.mjs),
// together with the text it was compiled from. A project's own template, or a
// shipped one edited since the build, is another text and is compiled when
// used, as is every template of a run without that file (the tests, from src/).
// render-template.test.ts holds the two ways to the same text.

import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type HandlebarsModule from 'handlebars';
import { DEFAULT_TEMPLATE_DIR } from '../../project/templates.js';
import { importPrecompiled, lazily } from '../../util/lazy-load.js';
import { compareText } from '../../util/sort.js';

type Handlebars = typeof HandlebarsModule;

/** The file the build writes next to this module's compiled form. */
export const PRECOMPILED_FILE = 'shipped-templates.gen.js';

/** A template as `Handlebars.precompile` wrote it, evaluated. */
export type TemplateSpec = Parameters<Handlebars['template']>[0];

export interface ShippedTemplate {
  /** The text it was compiled from: only this very text may be rendered with it. */
  readonly source: string;
  /** Compiled for HTML (`{{value}}` escaped; the `.html.hbs` templates) or for text (`{{value}}` as is; all others). */
  readonly html: boolean;
  readonly spec: TemplateSpec;
}

/** The Handlebars options of a template: no helpers, and a value the view lacks is an error, not an empty string. */
export function compileOptions(html: boolean): CompileOptions {
  return { noEscape: !html, strict: true };
}

// Handlebars' single-file builds (shipped in its package for browsers, plain
// CommonJS too) load in a fraction of the time its many-module entry takes;
// and a run that renders only precompiled templates needs no compiler at all.
export const handlebarsRuntime = lazily<Handlebars>('handlebars/dist/handlebars.runtime.js');
export const handlebarsCompiler = lazily<Handlebars>('handlebars/dist/handlebars.js');

/** The build's precompiled templates, by file name; undefined when the build wrote none. */
export async function loadShippedTemplates(url: URL = new URL(PRECOMPILED_FILE, import.meta.url)): Promise<Readonly<Record<string, ShippedTemplate>> | undefined> {
  return importPrecompiled<Readonly<Record<string, ShippedTemplate>>>(url);
}

/** The precompiled templates of `dir` as an ES module (what the build writes). */
export async function shippedTemplatesSource(dir: string = DEFAULT_TEMPLATE_DIR): Promise<string> {
  const handlebars = handlebarsCompiler();
  const names = (await readdir(dir)).filter((name) => name.endsWith('.hbs')).sort(compareText);
  const entries = await Promise.all(
    names.map(async (name) => {
      const source = await readFile(path.join(dir, name), 'utf8');
      const html = name.endsWith('.html.hbs');
      // `precompile` gives the template as JavaScript source (its type says otherwise).
      // No helper is ever registered, so every `{{name}}` is a value: compiled so, it is looked up once instead of
      // first among the helpers (the same text; render-template.test holds them to it). A shipped template that uses a
      // block helper Handlebars does not ship fails the build here.
      const spec = String(handlebars.precompile(source, { ...compileOptions(html), knownHelpersOnly: true }));
      return `  ${JSON.stringify(name)}: {\n    source: ${JSON.stringify(source)},\n    html: ${html},\n    spec: ${spec},\n  },\n`;
    }),
  );
  return `// Precompiled from templates/*.hbs by errcat's build (scripts/write-precompiled.mjs). Do not edit.\nexport default {\n${entries.join('')}};\n`;
}
