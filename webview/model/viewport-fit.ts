// The viewport that shows a set of boxes (flow coordinates) in a pane, for when the boxes are known before
// React Flow has drawn them: right after an auto-layout, fitting to React Flow's nodes would frame the old drawing.
import type { Box } from './placement';

export interface Viewport {
  readonly x: number;
  readonly y: number;
  readonly zoom: number;
}

/** Centres the boxes' bounds in a pane of `width` × `height`, with `padding` (a fraction) on each side, zoom capped at `maxZoom`. */
export function viewportShowing(boxes: readonly Box[], width: number, height: number, padding = 0.1, maxZoom = 1): Viewport | undefined {
  if (boxes.length === 0 || width <= 0 || height <= 0) return undefined;
  const left = Math.min(...boxes.map((b) => b.x));
  const top = Math.min(...boxes.map((b) => b.y));
  const w = Math.max(1, Math.max(...boxes.map((b) => b.x + b.width)) - left);
  const h = Math.max(1, Math.max(...boxes.map((b) => b.y + b.height)) - top);
  const zoom = Math.min(maxZoom, (width * (1 - 2 * padding)) / w, (height * (1 - 2 * padding)) / h);
  return { x: (width - w * zoom) / 2 - left * zoom, y: (height - h * zoom) / 2 - top * zoom, zoom };
}
