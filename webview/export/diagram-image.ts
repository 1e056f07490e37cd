// Picture export of the canvas: draws the laid-out nodes and edges as a standalone SVG (theme colours
// resolved at export time), and rasterises it to PNG through an <img> and a <canvas> (blob: is allowed by the CSP).
import type { Element } from '../../src/core/model/schema';
import { iconSvg } from '../canvas/KindIcon';

export interface DiagramBox {
  readonly element: Element;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly kindLabel: string;
  readonly detail?: string;
  readonly container: boolean;
}

export interface DiagramLine {
  readonly from: string;
  readonly to: string;
  readonly label: string;
}

export interface DiagramColours {
  readonly background: string;
  readonly foreground: string;
  readonly muted: string;
  readonly nodeBackground: string;
  readonly border: string;
  readonly accent: string;
  readonly font: string;
}

const MARGIN = 24;

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A self-contained SVG of the diagram: containers first, then edges, then nodes on top. */
export function diagramSvg(boxes: readonly DiagramBox[], lines: readonly DiagramLine[], c: DiagramColours): { svg: string; width: number; height: number } {
  if (boxes.length === 0) return { svg: `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"><rect width="200" height="100" fill="${esc(c.background)}"/></svg>`, width: 200, height: 100 };
  const minX = Math.min(...boxes.map((b) => b.x)) - MARGIN;
  const minY = Math.min(...boxes.map((b) => b.y)) - MARGIN;
  const width = Math.ceil(Math.max(...boxes.map((b) => b.x + b.width)) - minX + MARGIN);
  const height = Math.ceil(Math.max(...boxes.map((b) => b.y + b.height)) - minY + MARGIN);
  const byId = new Map(boxes.map((b) => [b.element.id, b]));
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="${minX} ${minY} ${width} ${height}" font-family="${esc(c.font)}" font-size="12">`);
  parts.push(`<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="${esc(c.muted)}"/></marker></defs>`);
  parts.push(`<rect x="${minX}" y="${minY}" width="${width}" height="${height}" fill="${esc(c.background)}"/>`);
  const icon = (b: DiagramBox, x: number, y: number) => {
    const svg = iconSvg(b.element.kind, b.element.kind === 'azureService' ? b.element.serviceType : undefined)
      .replace('<svg ', `<svg x="${x}" y="${y}" width="16" height="16" color="${esc(c.accent)}" `);
    return svg;
  };
  for (const b of boxes.filter((x) => x.container)) {
    parts.push(`<rect x="${b.x}" y="${b.y}" width="${b.width}" height="${b.height}" rx="6" fill="none" stroke="${esc(c.accent)}" stroke-dasharray="6 4"/>`);
    parts.push(icon(b, b.x + 10, b.y + 10));
    parts.push(`<text x="${b.x + 32}" y="${b.y + 23}" fill="${esc(c.foreground)}" font-weight="600">${esc(b.element.name)}</text>`);
    if (b.detail) parts.push(`<text x="${b.x + 12}" y="${b.y + 44}" fill="${esc(c.muted)}">${esc(b.detail)}</text>`);
  }
  for (const l of lines) {
    const a = byId.get(l.from);
    const b = byId.get(l.to);
    if (!a || !b) continue;
    const x1 = a.x + a.width, y1 = a.y + a.height / 2, x2 = b.x, y2 = b.y + b.height / 2;
    const mx = (x1 + x2) / 2;
    parts.push(`<path d="M${x1} ${y1}C${mx} ${y1} ${mx} ${y2} ${x2} ${y2}" fill="none" stroke="${esc(c.muted)}" marker-end="url(#arrow)"/>`);
    parts.push(`<text x="${mx}" y="${(y1 + y2) / 2 - 4}" fill="${esc(c.muted)}" font-size="10" text-anchor="middle">${esc(l.label)}</text>`);
  }
  for (const b of boxes.filter((x) => !x.container)) {
    parts.push(`<rect x="${b.x}" y="${b.y}" width="${b.width}" height="${b.height}" rx="4" fill="${esc(c.nodeBackground)}" stroke="${esc(c.border)}"/>`);
    parts.push(icon(b, b.x + 8, b.y + 8));
    parts.push(`<text x="${b.x + 30}" y="${b.y + 19}" fill="${esc(c.muted)}" font-size="10">${esc(b.kindLabel)}</text>`);
    parts.push(`<text x="${b.x + 10}" y="${b.y + 36}" fill="${esc(c.foreground)}" font-weight="600">${esc(b.element.name)}</text>`);
    if (b.detail) parts.push(`<text x="${b.x + 10}" y="${b.y + 50}" fill="${esc(c.muted)}" font-size="10">${esc(b.detail)}</text>`);
  }
  parts.push('</svg>');
  return { svg: parts.join(''), width, height };
}

/** The current theme's colours, read from VS Code's CSS variables. */
export function themeColours(): DiagramColours {
  const css = getComputedStyle(document.body);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    background: v('--vscode-editor-background', '#ffffff'),
    foreground: v('--vscode-editor-foreground', '#1f1f1f'),
    muted: v('--vscode-descriptionForeground', '#6b6b6b'),
    nodeBackground: v('--vscode-sideBar-background', '#f3f3f3'),
    border: v('--vscode-panel-border', '#c8c8c8'),
    accent: v('--vscode-focusBorder', '#0078d4'),
    font: v('--vscode-font-family', 'sans-serif'),
  };
}

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
