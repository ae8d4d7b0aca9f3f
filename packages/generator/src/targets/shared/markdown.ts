// Spec text (service titles, category names) reaches the generated READMEs'
// Markdown only through this helper, as `quote` guards TypeScript.

/**
 * Text that reads as itself in a Markdown paragraph, heading or table cell:
 * a `|` cannot end a cell, a line break cannot end a row or a heading, and
 * markup (`*`, `_`, `` ` ``, links, raw HTML) is shown, never interpreted.
 */
export function markdownText(text: string): string {
  return text
    .replace(/\r\n?|\n|[\u2028\u2029]/g, ' ')
    .replace(/[\\`*_[\]|#~]/g, (char) => `\\${char}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}
