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

/** The distinct shapes of a page, each a JSON text, and the index of each body's shape. */
export class ShapeTable {
  readonly shapes: string[] = [];
  private readonly indexes = new Map<string, number>();

  /** The index of the shape that gives `body` back with `values`. */
  add(body: object, values: MarkerValues): number {
    const shape = JSON.stringify(toShape(body, values));
    if (JSON.stringify(fillShape(JSON.parse(shape), values)) !== JSON.stringify(body)) {
      throw new Error(`docs: the shape ${shape} does not give back ${JSON.stringify(body)}`);
    }
    let index = this.indexes.get(shape);
    if (index === undefined) {
      index = this.shapes.length;
      this.shapes.push(shape);
      this.indexes.set(shape, index);
    }
    return index;
  }
}

/** Strings equal to a message or a tag become its marker; the code and category inside other strings (`type`) too. */
function toShape(value: unknown, values: MarkerValues): unknown {
  // One pass over each text, so nothing it put in is read again: the marker character itself becomes `\u0000z`, and the
  // code and category names their markers, the longer first (`Argument` inside `BadArgument` stays whole).
  const names = (['n', 'k'] as const).filter((key) => values[key] !== '').sort((a, b) => values[b].length - values[a].length);
  const pattern = new RegExp([MARKER, ...names.map((key) => values[key].replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))].join('|'), 'g');
  const shape = (item: unknown): unknown => {
    if (typeof item === 'string') return shapeString(item, values, names, pattern);
    if (Array.isArray(item)) return item.map(shape);
    if (item !== null && typeof item === 'object') return Object.fromEntries(Object.entries(item).map(([key, member]) => [key, shape(member)]));
    return item;
  };
  return shape(value);
}

function shapeString(text: string, values: MarkerValues, names: readonly ('n' | 'k')[], pattern: RegExp): string {
  for (const key of ['m', 'c', 'l'] as const) if (text === values[key]) return MARKER + key;
  return text.replace(pattern, (found) => MARKER + (found === MARKER ? 'z' : names.find((key) => values[key] === found)!));
}

/** What the page does: every marker back to its value. */
export function fillShape(value: unknown, values: MarkerValues): unknown {
  if (typeof value === 'string') return value.replace(/\u0000([nkmclz])/g, (_, key: keyof MarkerValues | 'z') => (key === 'z' ? MARKER : values[key]));
  if (Array.isArray(value)) return value.map((item) => fillShape(item, values));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fillShape(item, values)]));
  return value;
}
