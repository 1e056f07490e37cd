// A large design's picture (past the router's threshold, where the search is budgeted and may fall back):
// every edge is still drawn, none crosses a box, and the picture is the same on every run.
import { describe, expect, it } from 'vitest';
import { generateDesign } from '../../../bench/rules.bench';
import { countCrossings } from '../../../src/core/diagram/crossings';
import { renderDesignPicture } from '../../../src/core/diagram/render-svg';
import { drawnBoxes, drawnEdges } from './picture-geometry';

describe('the picture of a large design', () => {
  const design = generateDesign(100);
  const picture = renderDesignPicture(design);

  it('draws every edge round the boxes, whichever search found it', () => {
    const edges = drawnEdges(picture.svg, design);
    const nested = new Set(design.relations.filter((r) => r.kind === 'peSubnet').map((r) => r.id));
    expect(edges.map((e) => e.id).sort()).toEqual(design.relations.filter((r) => !nested.has(r.id)).map((r) => r.id).sort());
    // Past the threshold of 80 edges; the fallback ignores the other edges but never the boxes.
    expect(edges.length).toBeGreaterThan(80);
    expect(countCrossings(drawnBoxes(picture.svg), edges).edgeBoxPairs).toEqual([]);
    expect(picture.routeFallbacks).toBeGreaterThan(0);
    expect(picture.routeFallbacks).toBeLessThanOrEqual(2 * edges.length);
  });

  it('is deterministic', () => {
    expect(renderDesignPicture(structuredClone(design)).svg).toBe(picture.svg);
  });
});
