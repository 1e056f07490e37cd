// Characters that can disguise or rewrite what a name looks like: control characters (ESC drives the
// terminal), line breaks, bidirectional controls (reorder the text around them) and unpaired surrogates.
// The schema refuses them in names; reporters escape them in whatever they print from user data.

// With the `u` flag a well-formed surrogate pair is one code point, so the surrogate range matches only
// unpaired halves. U+061C, U+200E/F, U+202A–E and U+2066–9 are the bidirectional formatting characters.
// eslint-disable-next-line no-control-regex -- matching control characters is this pattern's job
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]/u;
const UNSAFE_ALL = new RegExp(UNSAFE.source, 'gu');

const SHORT_NAMES: Readonly<Record<number, string>> = {
  0x00: 'NUL', 0x07: 'BEL', 0x08: 'BS', 0x09: 'TAB', 0x0a: 'LF', 0x0d: 'CR', 0x1b: 'ESC', 0x7f: 'DEL', 0x9b: 'CSI',
  0x061c: 'ALM', 0x200e: 'LRM', 0x200f: 'RLM', 0x2028: 'LINE SEPARATOR', 0x2029: 'PARAGRAPH SEPARATOR',
  0x202a: 'LRE', 0x202b: 'RLE', 0x202c: 'PDF', 0x202d: 'LRO', 0x202e: 'RLO', 0x2066: 'LRI', 0x2067: 'RLI', 0x2068: 'FSI', 0x2069: 'PDI',
};

export interface UnsafeCharacter {
  /** UTF-16 index in the string. */
  readonly index: number;
  readonly codePoint: number;
  /** e.g. `U+001B (ESC, a control character)`. */
  readonly description: string;
}

export function firstUnsafeCharacter(text: string): UnsafeCharacter | undefined {
  const m = UNSAFE.exec(text);
  if (!m) return undefined;
  const codePoint = m[0].codePointAt(0)!;
  return { index: m.index, codePoint, description: describeCodePoint(codePoint) };
}

function describeCodePoint(c: number): string {
  const hex = `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
  const kind = c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029 ? 'a line break'
    : c <= 0x9f ? 'a control character'
      : c >= 0xd800 && c <= 0xdfff ? 'an unpaired surrogate'
        : 'a bidirectional control';
  const short = SHORT_NAMES[c];
  return `${hex} (${short ? `${short}, ` : ''}${kind})`;
}

/**
 * The text with every unsafe character written as an escape (`\x1b`, `\u202e`), so printing it cannot
 * move the cursor, recolour the terminal, start a fake line or reorder what follows.
 */
export function escapeUnsafeCharacters(text: string): string {
  return text.replace(UNSAFE_ALL, (ch) => {
    const c = ch.charCodeAt(0);
    return c <= 0xff ? `\\x${c.toString(16).padStart(2, '0')}` : `\\u${c.toString(16).padStart(4, '0')}`;
  });
}
