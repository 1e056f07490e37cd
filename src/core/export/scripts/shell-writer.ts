// The one escaping writer for bash output: single-quoted words, comment text, and the text of a `${VAR:?msg}`
// message, where quoting does not apply and only a plain set of characters is safe.

// eslint-disable-next-line no-control-regex -- matching control characters is this pattern's job
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/g;

/** A single-quoted bash word whose value is exactly `text` (a `'` ends the quote, is escaped, and reopens it). */
export function shString(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** Text for after `#` on one line: control characters and line breaks become spaces. */
export function shCommentText(text: string): string {
  return text.replace(CONTROL, ' ');
}

/**
 * Text for the message of `${VAR:?message}` inside double quotes, where `$`, backticks, quotes, braces and
 * backslashes would all mean something: everything outside a plain set becomes `_`.
 */
export function shExpansionMessage(text: string): string {
  return text.replace(/[^A-Za-z0-9 ._()-]/g, '_');
}
