/**
 * How deep YAML text nests, found by one pass over the characters before any
 * parser sees it: both YAML parsers recurse once per level, so thousands of
 * levels (`[[[[…`, or a staircase of indented keys) would overflow the stack.
 * The count is close, not exact (a spec file nests about eight levels; the
 * limit is far above that), and never recurses itself.
 */
export function offsetTooDeep(text: string, limit: number): number | undefined {
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
      while (text[index] === ' ') index++;
      lineIndent = index - lineStart(text, index);
      const first = text[index];
      const blank = first === '\n' || first === '\r' || first === '#' || first === undefined;
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
      while ((text[index] === '-' || text[index] === '?') && (text[index + 1] === ' ' || text[index + 1] === '\n')) {
        dashes++;
        index++;
        while (text[index] === ' ') index++;
      }
      if (blockIndents.length + dashes > limit) return index;
    }
    while (index < length && text[index] !== '\n') {
      const char = text[index]!;
      if (char === '#' && (index === 0 || text[index - 1] === ' ' || text[index - 1] === '\t')) {
        index = nextLine(text, index) - 1;
        break;
      }
      if (atNodeStart && (char === '"' || char === "'")) {
        index = afterQuoted(text, index);
        atNodeStart = false;
        continue;
      }
      if ((char === '[' || char === '{') && (atNodeStart || flow > 0)) {
        flow++;
        if (blockIndents.length + flow > limit) return index;
        index++;
        atNodeStart = true;
        continue;
      }
      if ((char === ']' || char === '}') && flow > 0) {
        flow--;
      } else if ((char === '|' || char === '>') && atNodeStart && flow === 0) {
        blockScalarIndent = lineIndent;
        index = nextLine(text, index) - 1;
        break;
      } else if ((char === '&' || char === '!') && atNodeStart) {
        while (index < length && !/[\s,[\]{}]/.test(text[index]!)) index++;
        continue;
      }
      if (char === ' ' || char === '\t' || char === '\r') {
        // Spaces keep whatever started before them.
      } else {
        const next = text[index + 1];
        const separator = next === undefined || next === ' ' || next === '\n' || next === '\r' || (flow > 0 && next === ',');
        atNodeStart = ((char === ':' || char === '-' || char === '?') && separator) || (flow > 0 && (char === ',' || char === '[' || char === '{'));
      }
      index++;
    }
    index++;
  }
  return undefined;
}

function lineStart(text: string, index: number): number {
  return text.lastIndexOf('\n', index - 1) + 1;
}

function nextLine(text: string, index: number): number {
  const end = text.indexOf('\n', index);
  return end === -1 ? text.length : end + 1;
}

/** The offset after the quoted scalar that opens at `start` (the end of the text when it never closes). */
function afterQuoted(text: string, start: number): number {
  const quote = text[start];
  let index = start + 1;
  while (index < text.length) {
    const char = text[index];
    if (quote === '"' && char === '\\') {
      index += 2;
      continue;
    }
    if (char === quote) {
      if (quote === "'" && text[index + 1] === "'") {
        index += 2;
        continue;
      }
      return index + 1;
    }
    index++;
  }
  return text.length;
}
