import Handlebars from 'handlebars';

/**
 * Renders one of the user's text templates. Templates only render text: the
 * target prepares every value (lists, code samples) beforehand, and no
 * helpers are registered, so no logic can hide in a template.
 */
export function renderTemplate(templates: Readonly<Record<string, string>>, name: string, view: object): string {
  const source = templates[name];
  if (source === undefined) throw new Error(`template ${name} is missing from templates/`);
  const render = Handlebars.create().compile(source, { noEscape: true, strict: true });
  return render(view);
}
