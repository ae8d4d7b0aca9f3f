import type { TemplateProblem } from '@errcat/runtime';
import { lazily } from '../util/lazy-load.js';

// The runtime (with its locale negotiation) is loaded only for a text with a
// malformed brace, which a valid catalog never has: `errcat validate` does
// not pay for it at every start.
const templates = lazily<typeof import('@errcat/runtime')>('@errcat/runtime');

/** What the message rules need to know of one message text. */
export interface TemplateFacts {
  /** Malformed braces, as the runtime's `parseTemplate` reports them. */
  readonly problems: readonly TemplateProblem[];
  /** Placeholders as written (`{0}`, `{blob}`), in order of first use, as the runtime's `placeholdersOf` lists them. */
  readonly placeholders: readonly string[];
  /** The placeholders sorted, for comparing locales. */
  readonly sorted: readonly string[];
}

/**
 * Every token of the runtime's template grammar, in the order it tries them at
 * a brace: `{{` and `}}` are literal braces, then a placeholder (a name of at
 * most 70 characters, as `parseTemplate` reads it), then any other brace,
 * which is malformed. Text between braces is literal.
 */
const TOKEN = /\{\{|\}\}|\{(?:(\d{1,3})|([A-Za-z_][A-Za-z0-9_]{0,69}))\}|[{}]/g;

const NONE: TemplateFacts = { problems: [], placeholders: [], sorted: [] };

/**
 * What a message text holds. A catalog of 10,000 codes has 40,000 texts,
 * nearly all well-formed: those are read with one regular expression, and
 * only a text with a malformed brace is handed to the runtime's
 * `parseTemplate` (so it is reported exactly as the runtime reads it; see above).
 * template-facts.test.ts holds the two to the same answers.
 */
export function templateFacts(text: string): TemplateFacts {
  if (!text.includes('{') && !text.includes('}')) return NONE;
  const placeholders: string[] = [];
  let malformed = false;
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(text); match !== null; match = TOKEN.exec(text)) {
    const [token, digits, name] = match;
    if (digits !== undefined || name !== undefined) {
      // Written as the runtime numbers it: `{007}` is `{7}`.
      const written = digits !== undefined ? `{${Number(digits)}}` : token;
      if (!placeholders.includes(written)) placeholders.push(written);
    } else if (token.length === 1) {
      malformed = true;
      break;
    }
  }
  if (malformed) {
    const all = templates().placeholdersOf(text);
    return { problems: templates().parseTemplate(text).problems, placeholders: all, sorted: [...all].sort() };
  }
  return { problems: [], placeholders, sorted: placeholders.length < 2 ? placeholders : [...placeholders].sort() };
}
