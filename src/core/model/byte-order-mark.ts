// The UTF-8 byte order mark some editors write first in a file: the loader reads past it and edits keep it.

/** U+FEFF as it appears at the start of text decoded without stripping it (Node's `readFile(…, 'utf8')`). */
export const BYTE_ORDER_MARK = '\uFEFF';

export function hasByteOrderMark(text: string): boolean {
  return text.charCodeAt(0) === 0xfeff;
}

/**
 * The text after a leading BOM. VS Code hides the mark and does not count it as a column, so positions
 * computed on this text are the ones the editor shows.
 */
export function withoutByteOrderMark(text: string): string {
  return hasByteOrderMark(text) ? text.slice(1) : text;
}
