// The loader's fast text scans (string ends by native search, line starts by indexOf) against the
// character loops they replaced, on generated texts full of quotes, backslashes and line breaks.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringEnd } from '../../../src/core/model/json-spans';
import { LineIndex } from '../../../src/core/model/source-range';

/** The character loop the loader used: a backslash skips the next character, a quote closes. */
function naiveStringEnd(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 92) i++;
    else if (c === 34) return i;
  }
  return text.length;
}

function naiveLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
  }
  return starts;
}

const tricky = fc.string({ unit: fc.constantFrom('"', '\\', 'a', '\n', '\r', ' ', 'é') });

describe('text scans', () => {
  it('stringEnd finds the closing quote the character loop finds', () => {
    fc.assert(fc.property(tricky, (body) => {
      const text = `"${body}`;
      expect(stringEnd(text, 0)).toBe(naiveStringEnd(text, 0));
    }), { numRuns: 2000 });
  });

  it('LineIndex puts every offset on the line and character the character loop gives', () => {
    fc.assert(fc.property(tricky, (text) => {
      const starts = naiveLineStarts(text);
      const index = new LineIndex(text);
      for (let o = 0; o <= text.length; o++) {
        let line = 0;
        while (line + 1 < starts.length && starts[line + 1]! <= o) line++;
        expect(index.position(o)).toEqual({ line, character: o - starts[line]! });
      }
    }), { numRuns: 1000 });
  });

  it('LineIndex.between gives the positions of its two offsets, however far apart or out of order', () => {
    fc.assert(fc.property(tricky, fc.integer({ min: -2, max: 40 }), fc.integer({ min: -2, max: 40 }), (text, start, end) => {
      const index = new LineIndex(text);
      expect(index.between(start, end)).toEqual({ start: index.position(start), end: index.position(end) });
      expect(index.range(start, end - start)).toEqual({ start: index.position(start), end: index.position(end) });
    }), { numRuns: 2000 });
  });
});
