/**
 * How deep YAML text nests, found by one pass over the characters before any
 * parser sees it: both YAML parsers recurse once per level, so thousands of
 * levels (`[[[[…`, or a staircase of indented keys) would overflow the stack.
 * The count is close, not exact (a spec file nests about eight levels; the
 * limit is far above that), and never recurses itself.
 */
export function offsetTooDeep(text: string, limit: number): number | undefined {
  // By character code, not by one-character string: this reads every
  // character of every spec file, megabytes for a large catalog.
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
    for (let char = text.charCodeAt(index); index < length && char !== LF; char = text.charCodeAt(index)) {
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
        while (index < length && !/[\s,[\]{}]/.test(text[index]!)) index++;
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
const BACKSLASH = 92;
const CLOSE_BRACKET = 93;
const OPEN_BRACE = 123;
const PIPE = 124;
const CLOSE_BRACE = 125;

function isSpaceOrLineFeed(char: number): boolean {
  return char === SPACE || char === LF;
}

function nextLine(text: string, index: number): number {
  const end = text.indexOf('\n', index);
  return end === -1 ? text.length : end + 1;
}

/** The offset after the quoted scalar that opens at `start` (the end of the text when it never closes). */
function afterQuoted(text: string, start: number): number {
  const quote = text.charCodeAt(start);
  let index = start + 1;
  while (index < text.length) {
    const char = text.charCodeAt(index);
    if (quote === DOUBLE_QUOTE && char === BACKSLASH) {
      index += 2;
      continue;
    }
    if (char === quote) {
      if (quote === SINGLE_QUOTE && text.charCodeAt(index + 1) === SINGLE_QUOTE) {
        index += 2;
        continue;
      }
      return index + 1;
    }
    index++;
  }
  return text.length;
}
