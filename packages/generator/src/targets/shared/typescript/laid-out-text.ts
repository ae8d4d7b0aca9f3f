/**
 * Whether code-block-writer would write `text` unchanged apart from
 * indenting each of its lines, so that a printer may place it as it is
 * instead of writing it through the writer character by character. The
 * writer tracks strings and comments to decide which lines it indents, and
 * guesses at some (a quote after an escaped backslash, a slash that may
 * start a regular expression); text in which it could guess wrong, or which
 * ends in a line break or holds control characters, is not plain. What the
 * targets hand the printer (see `dataLiteral`, `unionType`, `jsDocBlock`) is:
 * double-quoted one-line strings from `quote` and closed JSDoc comments.
 */
export function isPlainText(text: string): boolean {
  if (text.endsWith('\n') || CONTROL.test(text)) return false;
  // `test` and `lastIndex`, not `exec`: a data literal holds a string every
  // few characters, and a match array for each is megabytes of garbage.
  // Where the next backslash and line break are, found once and again only
  // when passed: a string with neither before its closing quote, most of
  // them, ends at that quote.
  let backslash = -1;
  let lineBreak = -1;
  let index = 0;
  while (index < text.length) {
    SPECIAL.lastIndex = index;
    if (!SPECIAL.test(text)) return true;
    index = SPECIAL.lastIndex - 1;
    if (text.charCodeAt(index) === DOUBLE_QUOTE) {
      if (backslash <= index) backslash = positionOf(text, '\\', index);
      if (lineBreak <= index) lineBreak = positionOf(text, '\n', index);
      const close = text.indexOf('"', index + 1);
      if (close !== -1 && close < backslash && close < lineBreak) {
        index = close + 1;
        continue;
      }
      // A JSON-style string on one line. It ends at the first quote no
      // backslash escapes; a backslash right before that quote is the one
      // case the writer reads as an escape when it is not.
      STRING_BODY.lastIndex = index + 1;
      STRING_BODY.test(text);
      const end = STRING_BODY.lastIndex;
      if (text[end] !== '"' || text[end - 1] === '\\') return false;
      index = end + 1;
    } else if (text.startsWith('/**', index)) {
      // The writer reads a comment as closed at the first `*/` after `/*`,
      // and as opened again by a `*` right after that `/`.
      const end = text.indexOf('*/', index + 2);
      if (end < 0 || text[end + 2] === '*') return false;
      index = end + 2;
    } else return false;
  }
  return true;
}

const DOUBLE_QUOTE = 34;

/** Where `search` is next from `from`, or past the end of `text` when nowhere. */
function positionOf(text: string, search: string, from: number): number {
  const at = text.indexOf(search, from);
  return at === -1 ? text.length : at;
}

/** Characters that can change what the writer reads text as. */
const SPECIAL = /["'`/\\]/g;
const STRING_BODY = /(?:[^"\\\n]|\\[^\n])*/y;
const CONTROL = /[\r\u0000-\u0008\u000b-\u001f]/;
