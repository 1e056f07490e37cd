// Text helpers for the SVG renderer: XML escaping that survives hostile input, and a font-free width
// estimate so labels can be shortened without measuring (the renderer runs in the CLI, without a DOM).

/** Characters XML 1.0 forbids outright, plus lone surrogates; they are dropped rather than escaped. */
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escapes text for element content and for double- or single-quoted attribute values. */
export function escapeXml(text: string): string {
  return text
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Average advance of a sans-serif glyph as a fraction of the font size; close enough to avoid overflow. */
const AVERAGE_ADVANCE = 0.58;

export function estimateWidth(text: string, fontSize: number): number {
  return [...text].length * fontSize * AVERAGE_ADVANCE;
}

/** Shortens `text` with an ellipsis so its estimated width fits `maxWidth`. */
export function fitText(text: string, fontSize: number, maxWidth: number): string {
  const single = text.replace(/\s+/g, ' ').trim();
  if (estimateWidth(single, fontSize) <= maxWidth) return single;
  const chars = [...single];
  const keep = Math.max(1, Math.floor(maxWidth / (fontSize * AVERAGE_ADVANCE)) - 1);
  return chars.slice(0, keep).join('').trimEnd() + '…';
}

/** Numbers in the output are rounded to one decimal so the same design always gives the same bytes. */
export function num(n: number): string {
  const r = Math.round(n * 10) / 10;
  return Object.is(r, -0) ? '0' : String(r);
}
