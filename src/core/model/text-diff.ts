// The smallest single replacement that turns one text into another (common prefix and suffix trimmed),
// so a designer edit touches only the lines it changed and undo in the text editor stays precise.

export interface TextReplacement {
  readonly offset: number;
  readonly length: number;
  readonly text: string;
}

export function minimalReplacement(before: string, after: string): TextReplacement | undefined {
  if (before === after) return undefined;
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)) {
    endBefore--;
    endAfter--;
  }
  // Never split a surrogate pair: step back onto a whole code point.
  if (start > 0 && isLowSurrogate(before.charCodeAt(start))) start--;
  return { offset: start, length: endBefore - start, text: after.slice(start, endAfter) };
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
