// Turns an SVG document into a PNG inside the webview: the browser draws it as an <img> onto a <canvas>
// (blob: URLs are allowed by the webview's CSP), so the PNG shows exactly what the SVG shows.

/** Rasterises an SVG to PNG and returns the PNG as base64 (no data: prefix). */
export async function svgToPngBase64(svg: string, width: number, height: number, scale = 2): Promise<string> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('the diagram SVG could not be rendered'));
      img.src = url;
    });
    // Keep huge designs within the canvas limits of Chromium (about 16k per side).
    const s = Math.min(scale, 16_000 / width, 16_000 / height);
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(width * s));
    canvas.height = Math.max(1, Math.round(height * s));
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas available for PNG export');
    ctx.scale(s, s);
    ctx.drawImage(img, 0, 0, width, height);
    return canvas.toDataURL('image/png').replace(/^data:image\/png;base64,/, '');
  } finally {
    URL.revokeObjectURL(url);
  }
}
