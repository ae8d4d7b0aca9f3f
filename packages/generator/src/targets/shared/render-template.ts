import Handlebars from 'handlebars';

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

/**
 * Renders one of the user's text templates. Templates only render text: the
 * target prepares every value (lists, code samples) beforehand, and no
 * helpers are registered, so no logic can hide in a template.
 */
export function renderTemplate(templates: Readonly<Record<string, string>>, name: string, view: object, options: RenderOptions = {}): string {
  const source = templates[name];
  if (source === undefined) throw new TemplateError(name, 'missing; restore it from the errcat repository');
  try {
    return Handlebars.create().compile(source, { noEscape: !options.html, strict: true })(view);
  } catch (error) {
    // Handlebars says "Parse error on line 3: …" or '"x" not defined in [object Object] - 7:2'.
    const reason = error instanceof Error ? error.message.replace(/\[object Object\]/g, 'the values errcat gives this template') : String(error);
    throw new TemplateError(name, `${reason.split('\n')[0]}; fix the template (see the values errcat gives it in the README of the target)`);
  }
}
