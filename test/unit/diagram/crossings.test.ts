// Crossing counts: the plane geometry on small cases, and the figures of the shipped samples' pictures.
import { describe, expect, it } from 'vitest';
import { countCrossings, segmentEntersRect, segmentsCross } from '../../../src/core/diagram/crossings';
import { renderDesignSvg } from '../../../src/core/diagram/render-svg';
import type { Relation } from '../../../src/core/model/schema';
import { loadSample } from '../support/designs';
import { drawnBoxes, drawnEdges } from './picture-geometry';

const p = (x: number, y: number) => ({ x, y });

describe('segment geometry', () => {
  it('counts a proper crossing, not a touch, a shared end or a collinear overlap', () => {
    expect(segmentsCross(p(0, 0), p(10, 10), p(0, 10), p(10, 0))).toBe(true);
    expect(segmentsCross(p(0, 0), p(10, 0), p(5, 0), p(5, 10))).toBe(false);
    expect(segmentsCross(p(0, 0), p(10, 0), p(10, 0), p(20, 5))).toBe(false);
    expect(segmentsCross(p(0, 0), p(10, 0), p(5, 0), p(15, 0))).toBe(false);
    expect(segmentsCross(p(0, 0), p(10, 0), p(20, -5), p(20, 5))).toBe(false);
  });

  it('finds a segment through a box, not one along its border or past its corner', () => {
    const r = { x: 10, y: 10, w: 20, h: 20 };
    expect(segmentEntersRect(p(0, 20), p(40, 20), r)).toBe(true);
    expect(segmentEntersRect(p(15, 15), p(16, 16), r)).toBe(true);
    expect(segmentEntersRect(p(0, 10), p(40, 10), r)).toBe(false);
    expect(segmentEntersRect(p(0, 20), p(10, 10), r)).toBe(false);
    expect(segmentEntersRect(p(0, 0), p(5, 40), r)).toBe(false);
  });

  it('lets an edge pass its own boxes and the containers around them', () => {
    const boxes = [
      { id: 'vnet', x: 0, y: 0, w: 100, h: 100 },
      { id: 'snet', x: 10, y: 40, w: 30, h: 20 },
      { id: 'other', x: 60, y: 40, w: 20, h: 20 },
      { id: 'src', x: 200, y: 40, w: 20, h: 20 },
    ];
    const through = { id: 'e', from: 'src', to: 'snet', points: [p(210, 50), p(25, 50)] };
    expect(countCrossings(boxes, [through])).toEqual({ edgeEdge: 0, edgeBox: 1, edgeBoxPairs: ['e × other'] });
    const around = { id: 'e', from: 'src', to: 'snet', points: [p(210, 50), p(210, 30), p(25, 30), p(25, 50)] };
    expect(countCrossings(boxes, [around]).edgeBox).toBe(0);
    const crossing = { id: 'f', from: 'a', to: 'b', points: [p(150, 0), p(150, 200)] };
    expect(countCrossings(boxes, [around, crossing]).edgeEdge).toBe(1);
  });
});

describe('crossings in the samples’ pictures', () => {
  // Before the lane layout (stored canvas positions, curved edges bent around boxes) the pictures had
  // seed 34 edge–edge crossings and 13 edge–box crossings, alm 68 and 27, minimal 0 and 0.
  const BEFORE = { seed: 34, alm: 68, minimal: 0 };
  for (const name of ['seed', 'alm', 'minimal'] as const) {
    it(`${name}: no edge crosses a box, and at most half the crossings of before`, () => {
      const design = loadSample(name);
      const svg = renderDesignSvg(design);
      const edges = drawnEdges(svg, design);
      // Every relation is an edge, except a private endpoint's subnet: it is drawn inside it.
      const nested: Relation[] = design.relations.filter((r) => r.kind === 'peSubnet');
      expect(edges.map((e) => e.id).sort()).toEqual(design.relations.filter((r) => !nested.includes(r)).map((r) => r.id).sort());
      const count = countCrossings(drawnBoxes(svg), edges);
      expect(count.edgeBoxPairs).toEqual([]);
      expect(count.edgeEdge).toBeLessThanOrEqual(Math.floor(BEFORE[name] / 2));
    });
  }
});
