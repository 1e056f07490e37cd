// Where a new element goes when there is no drop point: near the wanted spot, never on top of another element.
import { DEFAULT_NODE_SIZE } from '../../src/core/layout/layout-graph';

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

const GAP = 16;

/** The first spot on rings around `start` where a default-sized node keeps a gap to every box. */
export function freeSpot(boxes: readonly Box[], start: { x: number; y: number }): { x: number; y: number } {
  const { width, height } = DEFAULT_NODE_SIZE;
  const free = (p: { x: number; y: number }) => boxes.every((b) =>
    p.x + width + GAP <= b.x || b.x + b.width + GAP <= p.x || p.y + height + GAP <= b.y || b.y + b.height + GAP <= p.y);
  if (free(start)) return start;
  for (let ring = 1; ring <= 40; ring++) {
    const r = ring * 48;
    for (let k = 0; k < 8 * ring; k++) {
      const angle = (2 * Math.PI * k) / (8 * ring);
      const p = { x: Math.round(start.x + r * Math.cos(angle)), y: Math.round(start.y + r * Math.sin(angle)) };
      if (free(p)) return p;
    }
  }
  return start;
}
