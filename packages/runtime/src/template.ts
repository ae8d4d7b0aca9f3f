// Message templates: `{0}` refers to a param by position, `{name}` by name,
// `{{` and `}}` are literal braces. A template is parsed once; formatting is
// a walk over prepared parts with no regular expressions per call.

export type TemplatePart = { readonly text: string } | { readonly param: string | number };

export interface TemplateProblem {
  /** Offset of the offending `{` or `}` in the template. */
  readonly offset: number;
  readonly text: string;
}

export interface ParsedTemplate {
  readonly parts: readonly TemplatePart[];
  readonly problems: readonly TemplateProblem[];
}

const PLACEHOLDER = /^\{(?:(\d{1,3})|([A-Za-z_][A-Za-z0-9_]*))\}/;

/** Splits a template into literal text and placeholders, collecting every malformed brace. */
export function parseTemplate(template: string): ParsedTemplate {
  const parts: TemplatePart[] = [];
  const problems: TemplateProblem[] = [];
  let text = '';
  let index = 0;
  while (index < template.length) {
    const char = template[index]!;
    if (char !== '{' && char !== '}') {
      // A run of literal text, up to the next brace, in one slice.
      const end = nextBrace(template, index);
      text += template.slice(index, end);
      index = end;
      continue;
    }
    if (template[index + 1] === char) {
      text += char;
      index += 2;
      continue;
    }
    if (char === '{') {
      const match = PLACEHOLDER.exec(template.slice(index, index + 72));
      if (match) {
        if (text) parts.push({ text });
        text = '';
        parts.push({ param: match[1] !== undefined ? Number(match[1]) : match[2]! });
        index += match[0].length;
        continue;
      }
    }
    if (char === '{') {
      // Report the whole would-be placeholder once, then keep it as literal text.
      const close = template.indexOf('}', index);
      const end = close === -1 ? template.length : close + 1;
      problems.push({ offset: index, text: template.slice(index, end) });
      text += template.slice(index, end);
      index = end;
      continue;
    }
    if (char === '}') problems.push({ offset: index, text: '}' });
    text += char;
    index += 1;
  }
  if (text) parts.push({ text });
  return { parts, problems };
}

function nextBrace(template: string, from: number): number {
  const open = template.indexOf('{', from);
  const close = template.indexOf('}', from);
  if (open === -1) return close === -1 ? template.length : close;
  return close === -1 ? open : Math.min(open, close);
}

/** The placeholders a template uses, as written (`{0}`, `{blob}`), in order of first use. */
export function placeholdersOf(template: string): string[] {
  const seen: string[] = [];
  for (const part of parseTemplate(template).parts) {
    if ('param' in part) {
      const written = `{${part.param}}`;
      if (!seen.includes(written)) seen.push(written);
    }
  }
  return seen;
}

export type MessageParams = Readonly<Record<string, string | number>>;

/** A template bound to its param names, ready to format many times. */
export type CompiledTemplate = (params?: MessageParams) => string;

/**
 * Prepares `template` for repeated formatting. `paramNames[i]` is the name
 * `{i}` refers to. A missing param is left as its placeholder so a message
 * never silently loses information.
 */
export function compileTemplate(template: string, paramNames: readonly string[] = []): CompiledTemplate {
  // Most messages have no braces at all: nothing to parse.
  if (!template.includes('{') && !template.includes('}')) return () => template;
  const { parts } = parseTemplate(template);
  const names = parts.map((part) => ('param' in part ? (typeof part.param === 'number' ? (paramNames[part.param] ?? String(part.param)) : part.param) : undefined));
  const texts = parts.map((part, index) => ('text' in part ? part.text : `{${names[index]}}`));
  if (names.every((name) => name === undefined)) {
    const constant = texts.join('');
    return () => constant;
  }
  return (params) => {
    let out = '';
    for (let index = 0; index < texts.length; index++) {
      const name = names[index];
      if (name === undefined) {
        out += texts[index];
        continue;
      }
      // Own properties only: `{toString}` must not print Object.prototype.toString for a caller that passed none.
      const value = params !== undefined && Object.hasOwn(params, name) ? params[name] : undefined;
      out += value === undefined ? texts[index] : String(value);
    }
    return out;
  };
}
