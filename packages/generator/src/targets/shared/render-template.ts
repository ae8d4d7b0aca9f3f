import { compileOptions, handlebarsCompiler, handlebarsRuntime, loadShippedTemplates, type ShippedTemplate } from './shipped-templates.js';

/** A template the user edited that does not parse or asks for a value the target does not give: their mistake, not errcat's. */
export class TemplateError extends Error {
  override readonly name = 'TemplateError';
  constructor(
    readonly template: string,
    readonly reason: string,
  ) {
    super(`templates/${template}: ${reason}`);
  }
}

export interface RenderOptions {
  /** An HTML template: `{{value}}` is HTML-escaped (text and attribute values alike); only `{{{value}}}` is written as is. */
  readonly html?: boolean;
}

export type RenderFunction = (view: object) => string;

/** Handlebars' own compiler; it compiles on the first render, so a template that does not parse throws there. */
function compileText(source: string, html: boolean): RenderFunction {
  return handlebarsCompiler().compile(source, compileOptions(html));
}

/** A renderer that uses `shipped` for the very texts they were compiled from, and `compile`s any other text once. */
export function templateRenderer(shipped: Readonly<Record<string, ShippedTemplate>> | undefined, compile: (source: string, html: boolean) => RenderFunction = compileText) {
  // By flavour and name, the text last rendered under that name: a run renders each template once or per page
  // (the docs' Markdown page per service and locale), a watcher renders the same texts again.
  const ready = new Map<string, { readonly source: string; readonly render: RenderFunction }>();
  const renderFunction = (name: string, source: string, html: boolean): RenderFunction => {
    const key = `${html ? 'html' : 'text'}:${name}`;
    const known = ready.get(key);
    if (known?.source === source) return known.render;
    const precompiled = shipped?.[name];
    const render = precompiled?.source === source && precompiled.html === html ? fromSpec(precompiled.spec) : undefined;
    const entry = { source, render: render ?? compile(source, html) };
    ready.set(key, entry);
    return entry.render;
  };

  /**
   * Renders one of the user's text templates. Templates only render text: the
   * target prepares every value (lists, code samples) beforehand, and no
   * helpers are registered, so no logic can hide in a template.
   */
  return function renderTemplate(templates: Readonly<Record<string, string>>, name: string, view: object, options: RenderOptions = {}): string {
    const source = templates[name];
    if (source === undefined) throw new TemplateError(name, 'missing; restore it from the errcat repository');
    try {
      return renderFunction(name, source, options.html === true)(view);
    } catch (error) {
      // Handlebars says "Parse error on line 3: …" or '"x" not defined in [object Object] - 7:2'.
      const reason = error instanceof Error ? error.message.replace(/\[object Object\]/g, 'the values errcat gives this template') : String(error);
      throw new TemplateError(name, `${reason.split('\n')[0]}; fix the template (see the values errcat gives it in the README of the target)`);
    }
  };
}

/** A precompiled template, or undefined when this Handlebars cannot run it (one newer than the build's): it is compiled then. */
function fromSpec(spec: ShippedTemplate['spec']): RenderFunction | undefined {
  try {
    return handlebarsRuntime().template(spec);
  } catch {
    return undefined;
  }
}

export const renderTemplate = templateRenderer(await loadShippedTemplates());
