// Linear application of React Flow node changes gives what React Flow's own applyNodeChanges gives.
import fc from 'fast-check';
import { applyNodeChanges, type Node, type NodeChange } from 'reactflow';
import { describe, expect, it } from 'vitest';
import { applyNodeChangesById } from '../../../webview/canvas/node-changes';

const nodes: Node[] = Array.from({ length: 12 }, (_, i) => ({ id: `n${i}`, position: { x: i, y: -i }, data: {}, ...(i % 3 === 0 ? { selected: true } : {}) }));

const change: fc.Arbitrary<NodeChange> = fc.oneof(
  fc.record({ type: fc.constant('select' as const), id: fc.integer({ min: 0, max: 13 }).map((i) => `n${i}`), selected: fc.boolean() }),
  fc.record({ type: fc.constant('position' as const), id: fc.integer({ min: 0, max: 13 }).map((i) => `n${i}`), position: fc.record({ x: fc.integer(), y: fc.integer() }), dragging: fc.boolean() }),
  fc.record({ type: fc.constant('dimensions' as const), id: fc.integer({ min: 0, max: 13 }).map((i) => `n${i}`), dimensions: fc.record({ width: fc.nat(), height: fc.nat() }), resizing: fc.boolean(), updateStyle: fc.boolean() }),
  fc.record({ type: fc.constant('remove' as const), id: fc.integer({ min: 0, max: 13 }).map((i) => `n${i}`) }),
);

describe('applyNodeChangesById', () => {
  it('agrees with applyNodeChanges on random batches of select, move, resize and remove', () => {
    fc.assert(fc.property(fc.array(change, { maxLength: 30 }), (changes) => {
      expect(applyNodeChangesById(changes, nodes)).toEqual(applyNodeChanges(changes, nodes));
    }), { numRuns: 300 });
  });

  it('keeps untouched nodes as the same objects', () => {
    const out = applyNodeChangesById([{ type: 'select', id: 'n1', selected: true }], nodes);
    expect(out.filter((n, i) => n !== nodes[i]).map((n) => n.id)).toEqual(['n1']);
  });
});
