// Keyboard placement: near the wanted spot, never overlapping an existing element.
import { describe, expect, it } from 'vitest';
import { DEFAULT_NODE_SIZE } from '../../../src/core/layout/layout-graph';
import { freeSpot, type Box } from '../../../webview/model/placement';

const overlaps = (p: { x: number; y: number }, b: Box) =>
  p.x < b.x + b.width && b.x < p.x + DEFAULT_NODE_SIZE.width && p.y < b.y + b.height && b.y < p.y + DEFAULT_NODE_SIZE.height;

describe('freeSpot', () => {
  it('keeps the wanted spot when it is free', () => {
    expect(freeSpot([{ x: 1000, y: 1000, width: 200, height: 76 }], { x: 0, y: 0 })).toEqual({ x: 0, y: 0 });
  });

  it('moves off an occupied spot to a nearby free one', () => {
    const boxes: Box[] = [{ x: -50, y: -20, width: 320, height: 160 }, { x: 300, y: 0, width: 200, height: 76 }];
    const p = freeSpot(boxes, { x: 0, y: 0 });
    expect(boxes.some((b) => overlaps(p, b))).toBe(false);
    expect(Math.hypot(p.x, p.y)).toBeLessThan(400);
  });
});
