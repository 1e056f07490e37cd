// The PNG check before the host writes what the webview rasterised.
import { describe, expect, it } from 'vitest';
import { decodePngData } from '../../../src/vscode/diagram/png-data';

/** A real 1×1 PNG (signature, IHDR, IDAT, IEND). */
const ONE_PIXEL = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

describe('decodePngData', () => {
  it('accepts a PNG as base64 and as a data URL, and reads its size', () => {
    for (const input of [ONE_PIXEL, `data:image/png;base64,${ONE_PIXEL}`]) {
      const r = decodePngData(input);
      expect(r.ok).toBe(true);
      if (r.ok) expect([r.width, r.height, r.bytes[1]]).toEqual([1, 1, 0x50]);
    }
  });

  it('refuses other data', () => {
    const cases: [string, RegExp][] = [
      ['', /base64/],
      ['not base64!', /base64/],
      [Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>........').toString('base64'), /not a PNG/],
      [`data:image/svg+xml;base64,${ONE_PIXEL}`, /not a PNG data URL/],
      [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Array(30).fill(0)]).toString('base64'), /image header/],
    ];
    for (const [input, error] of cases) {
      const r = decodePngData(input);
      expect(r.ok, input).toBe(false);
      if (!r.ok) expect(r.error).toMatch(error);
    }
  });

  it('refuses pictures over the size cap before decoding them', () => {
    const r = decodePngData(ONE_PIXEL, 10);
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/larger than/) });
  });
});
