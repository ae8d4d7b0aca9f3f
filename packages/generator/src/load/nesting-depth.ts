/**
 * How deep YAML text nests, found by one pass over the characters before any
 * parser sees it: both YAML parsers recurse once per level, so thousands of
 * levels (`[[[[…`, or a staircase of indented keys) would overflow the stack.
 * The count is close, not exact (a spec file nests about eight levels; the
 * limit is far above that), and never recurses itself.
 */
export function offsetTooDeep(text: string, limit: number): number | undefined {
  // This runs on every spec file, megabytes for a large catalog, and at every
  // start before anything is warm: characters are compared by code, and runs
  // of text are passed over by the regular expression engine and indexOf.
  const blockIndents: number[] = [];
  let flow = 0;
  let blockScalarIndent = -1;
  let index = 0;
  const length = text.length;
  while (index < length) {
    // A new line. Inside a flow collection lines do not nest by indentation.
    let lineIndent = 0;
    let atNodeStart = true;
    if (flow === 0) {
      const start = index;
      while (text.charCodeAt(index) === SPACE) index++;
      lineIndent = index - start;
      const first = text.charCodeAt(index);
      const blank = first === LF || first === CR || first === HASH || index >= length;
      if (blockScalarIndent >= 0) {
        if (blank || lineIndent > blockScalarIndent) {
          index = nextLine(text, index);
          continue;
        }
        blockScalarIndent = -1;
      }
      if (blank) {
        index = nextLine(text, index);
        continue;
      }
      while (blockIndents.length > 0 && blockIndents[blockIndents.length - 1]! >= lineIndent) blockIndents.pop();
      blockIndents.push(lineIndent);
      let dashes = 0;
      for (let char = text.charCodeAt(index); (char === DASH || char === QUESTION) && isSpaceOrLineFeed(text.charCodeAt(index + 1)); char = text.charCodeAt(index)) {
        dashes++;
        index++;
        while (text.charCodeAt(index) === SPACE) index++;
      }
      if (blockIndents.length + dashes > limit) return index;
    }
    for (;;) {
      // Text that cannot open anything is passed over in one step, not read
      // character by character: most of a spec file is keys and messages.
      if (!atNodeStart) index = skip(flow === 0 ? BLOCK_TEXT : FLOW_TEXT, text, index);
      if (index >= length) break;
      const char = text.charCodeAt(index);
      if (char === LF) break;
      if (char === HASH && (index === 0 || text.charCodeAt(index - 1) === SPACE || text.charCodeAt(index - 1) === TAB)) {
        index = nextLine(text, index) - 1;
        break;
      }
      if (atNodeStart && (char === DOUBLE_QUOTE || char === SINGLE_QUOTE)) {
        index = afterQuoted(text, index);
        atNodeStart = false;
        continue;
      }
      if ((char === OPEN_BRACKET || char === OPEN_BRACE) && (atNodeStart || flow > 0)) {
        flow++;
        if (blockIndents.length + flow > limit) return index;
        index++;
        atNodeStart = true;
        continue;
      }
      if ((char === CLOSE_BRACKET || char === CLOSE_BRACE) && flow > 0) {
        flow--;
      } else if ((char === PIPE || char === GREATER) && atNodeStart && flow === 0) {
        blockScalarIndent = lineIndent;
        index = nextLine(text, index) - 1;
        break;
      } else if ((char === AMPERSAND || char === BANG) && atNodeStart) {
        index = skip(ANCHOR_OR_TAG, text, index);
        continue;
      }
      if (char === SPACE || char === TAB || char === CR) {
        // Spaces keep whatever started before them.
      } else {
        const next = text.charCodeAt(index + 1);
        const separator = index + 1 >= length || next === SPACE || next === LF || next === CR || (flow > 0 && next === COMMA);
        atNodeStart = ((char === COLON || char === DASH || char === QUESTION) && separator) || (flow > 0 && (char === COMMA || char === OPEN_BRACKET || char === OPEN_BRACE));
      }
      index++;
    }
    index++;
  }
  return undefined;
}

const TAB = 9;
const LF = 10;
const CR = 13;
const SPACE = 32;
const BANG = 33;
const DOUBLE_QUOTE = 34;
const HASH = 35;
const AMPERSAND = 38;
const SINGLE_QUOTE = 39;
const COMMA = 44;
const DASH = 45;
const COLON = 58;
const GREATER = 62;
const QUESTION = 63;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const OPEN_BRACE = 123;
const PIPE = 124;
const CLOSE_BRACE = 125;

/**
 * What the loop would read without effect once no node starts: anything but
 * the end of the line, a possible comment, and what can start a node (`: `,
 * `- `, `? `); inside a flow collection also its brackets and commas.
 */
const BLOCK_TEXT = /[^\n#:?-]*/y;
const FLOW_TEXT = /[^\n#:?\-,[\]{}]*/y;
/** An anchor (`&name`) or tag (`!tag`) up to what ends it. */
const ANCHOR_OR_TAG = /[^\s,[\]{}]*/y;
/** What ends or escapes in a double-quoted scalar. */
const QUOTE_OR_ESCAPE = /["\\]/g;

/** The offset after what `pattern` (sticky) matches at `index`. */
function skip(pattern: RegExp, text: string, index: number): number {
  pattern.lastIndex = index;
  pattern.test(text);
  return pattern.lastIndex;
}

function isSpaceOrLineFeed(char: number): boolean {
  return char === SPACE || char === LF;
}

function nextLine(text: string, index: number): number {
  const end = text.indexOf('\n', index);
  return end === -1 ? text.length : end + 1;
}

/** The offset after the quoted scalar that opens at `start` (the end of the text when it never closes). */
function afterQuoted(text: string, start: number): number {
  if (text.charCodeAt(start) === SINGLE_QUOTE) {
    // `''` is a quote inside the text.
    for (let index = start + 1; ; ) {
      const close = text.indexOf("'", index);
      if (close === -1) return text.length;
      if (text.charCodeAt(close + 1) !== SINGLE_QUOTE) return close + 1;
      index = close + 2;
    }
  }
  QUOTE_OR_ESCAPE.lastIndex = start + 1;
  for (let found = QUOTE_OR_ESCAPE.exec(text); found !== null; found = QUOTE_OR_ESCAPE.exec(text)) {
    if (found[0] === '"') return found.index + 1;
    // An escape: the character after the backslash is never the end.
    QUOTE_OR_ESCAPE.lastIndex = found.index + 2;
  }
  return text.length;
}
