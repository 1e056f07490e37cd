// Checks the PNG the designer webview rasterised before the host writes it: strict base64, a size cap,
// and the PNG signature plus IHDR header, so whatever the webview sends, only a PNG file is written.

export const MAX_PNG_BYTES = 20 * 1024 * 1024;
const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export type PngData = { readonly ok: true; readonly bytes: Uint8Array; readonly width: number; readonly height: number } | { readonly ok: false; readonly error: string };

/** Accepts bare base64 or a `data:image/png;base64,` URL. */
export function decodePngData(data: string, maxBytes = MAX_PNG_BYTES): PngData {
  const base64 = data.startsWith('data:') ? data.replace(/^data:image\/png;base64,/, '') : data;
  if (base64.startsWith('data:')) return { ok: false, error: 'the picture is not a PNG data URL' };
  if (base64.length === 0 || base64.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) return { ok: false, error: 'the picture is not valid base64' };
  if ((base64.length / 4) * 3 > maxBytes + 3) return { ok: false, error: `the picture is larger than ${Math.round(maxBytes / 1048576)} MB` };
  // atob, not Buffer: the web extension host has no Buffer. The strict check above makes both decode alike.
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  if (bytes.length < 33 || SIGNATURE.some((b, i) => bytes[i] !== b)) return { ok: false, error: 'the picture is not a PNG file' };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunk = String.fromCharCode(bytes[12]!, bytes[13]!, bytes[14]!, bytes[15]!);
  if (view.getUint32(8) !== 13 || chunk !== 'IHDR') return { ok: false, error: 'the PNG has no image header' };
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  if (width === 0 || height === 0) return { ok: false, error: 'the PNG is empty' };
  return { ok: true, bytes, width, height };
}
