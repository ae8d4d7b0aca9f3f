// The page copies the exact wire body of any code in any locale, but ten
// thousand codes × four locales × two formats of literal bodies would weigh
// tens of megabytes. So each body the runtime built is turned into a shape
// with markers where the row's own values stand (`\u0000m` for the message,
// …), shared by every row of the same shape, and the page puts the values
// back. Every shape is checked here to give back the runtime's very body.

/** What a marker stands for: the row's code, category, sent message, category message, language tag. */
export type MarkerValues = Readonly<Record<'n' | 'k' | 'm' | 'c' | 'l', string>>;

/** Markers are this character and a letter; the character itself, where the text has it, is `\u0000z`. */
const MARKER = '\u0000';

/**
 * What a row's texts are searched for, in the order that decides between two
 * found at one place: the marker character itself, then the code and category
 * names, the longer first (`Argument` inside `BadArgument` stays whole).
 */
type Needles = ReadonlyArray<{ readonly text: string; readonly marker: string }>;

/** The distinct shapes of a page, each a JSON text, and the index of each body's shape. */
export class ShapeTable {
  readonly shapes: string[] = [];
  private readonly indexes = new Map<string, number>();
  /** The body added last: a row's locales that share the runtime's body (a set in fewer locales than the catalog) share its index. */
  private last: { readonly body: object; readonly values: MarkerValues; readonly index: number } | undefined;
  private needles: { readonly n: string; readonly k: string; readonly list: Needles } | undefined;

  /** The index of the shape that gives `body` back with `values`. */
  add(body: object, values: MarkerValues): number {
    const last = this.last;
    if (last?.body === body && sameValues(last.values, values)) return last.index;
    const shape = shapeJson(body, values, this.needlesOf(values), body)!;
    let index = this.indexes.get(shape);
    if (index === undefined) {
      index = this.shapes.length;
      this.shapes.push(shape);
      this.indexes.set(shape, index);
    }
    this.last = { body, values, index };
    return index;
  }

  /** The same for every body of a row. */
  private needlesOf(values: MarkerValues): Needles {
    if (this.needles?.n !== values.n || this.needles.k !== values.k) {
      const code = { text: values.n, marker: `${MARKER}n` };
      const category = { text: values.k, marker: `${MARKER}k` };
      const names = (values.k.length > values.n.length ? [category, code] : [code, category]).filter((name) => name.text !== '');
      this.needles = { n: values.n, k: values.k, list: [{ text: MARKER, marker: `${MARKER}z` }, ...names] };
    }
    return this.needles.list;
  }
}

function sameValues(a: MarkerValues, b: MarkerValues): boolean {
  return a.n === b.n && a.k === b.k && a.m === b.m && a.c === b.c && a.l === b.l;
}

/**
 * The shape of `value` as JSON text, the very text `JSON.stringify` gives the
 * shape (written as it is walked: no copy of the body is made to stringify).
 * Strings equal to a message or a tag become its marker; the code and
 * category inside other strings (`type`) too. Each changed string is checked
 * to come back whole, and everything else is kept as it is, so the shape gives
 * back the very body; a value that is no JSON (a Date, a class) is refused.
 */
function shapeJson(value: unknown, values: MarkerValues, needles: Needles, body: object): string | undefined {
  if (typeof value === 'string') return JSON.stringify(shapeString(value, values, needles, body));
  // `undefined` as JSON.stringify takes it: a member left out, an item written `null`.
  if (value === undefined) return undefined;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return JSON.stringify(value);
  if (Array.isArray(value)) {
    let text = '[';
    for (let index = 0; index < value.length; index++) text += `${index === 0 ? '' : ','}${shapeJson(value[index], values, needles, body) ?? 'null'}`;
    return `${text}]`;
  }
  const prototype: unknown = typeof value === 'object' ? Object.getPrototypeOf(value) : undefined;
  if (prototype !== Object.prototype && prototype !== null) throw new Error(`docs: ${String(value)} in a body is no JSON value`);
  let text = '{';
  for (const key of Object.keys(value as object)) {
    const member = shapeJson((value as Record<string, unknown>)[key], values, needles, body);
    if (member !== undefined) text += `${text === '{' ? '' : ','}${JSON.stringify(key)}:${member}`;
  }
  return `${text}}`;
}

function shapeString(value: string, values: MarkerValues, needles: Needles, body: object): string {
  // A whole message or tag comes back as itself; a text with names put in is checked.
  if (value === values.m) return `${MARKER}m`;
  if (value === values.c) return `${MARKER}c`;
  if (value === values.l) return `${MARKER}l`;
  const shaped = withNameMarkers(value, needles);
  if (shaped !== value && fillString(shaped, values) !== value) {
    throw new Error(`docs: the shape ${JSON.stringify(shaped)} does not give back ${JSON.stringify(value)} of ${JSON.stringify(body)}`);
  }
  return shaped;
}

function withNameMarkers(text: string, needles: Needles): string {
  // One pass over the text, so nothing put in is read again: each time the nearest needle, the first listed of two at one place.
  let shaped = '';
  let from = 0;
  for (;;) {
    let at = -1;
    let found: Needles[number] | undefined;
    for (const needle of needles) {
      const index = text.indexOf(needle.text, from);
      if (index !== -1 && (found === undefined || index < at)) {
        at = index;
        found = needle;
      }
    }
    if (found === undefined) return from === 0 ? text : shaped + text.slice(from);
    shaped += text.slice(from, at) + found.marker;
    from = at + found.text.length;
  }
}

/** What the page does: every marker back to its value. */
export function fillShape(value: unknown, values: MarkerValues): unknown {
  if (typeof value === 'string') return fillString(value, values);
  if (Array.isArray(value)) return value.map((item) => fillShape(item, values));
  if (value !== null && typeof value === 'object') return mapMembers(value, (member) => fillShape(member, values));
  return value;
}

function fillString(text: string, values: MarkerValues): string {
  return text.includes(MARKER) ? text.replace(/\u0000([nkmclz])/g, (_, key: keyof MarkerValues | 'z') => (key === 'z' ? MARKER : values[key])) : text;
}

/** A copy of a JSON object with each member mapped (a member named `__proto__` stays a member). */
function mapMembers(item: object, map: (member: unknown) => unknown): Record<string, unknown> {
  const mapped: Record<string, unknown> = {};
  for (const key of Object.keys(item)) {
    const member = map((item as Record<string, unknown>)[key]);
    if (key === '__proto__') Object.defineProperty(mapped, key, { value: member, enumerable: true, writable: true, configurable: true });
    else mapped[key] = member;
  }
  return mapped;
}
