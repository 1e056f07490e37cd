// One vocabulary: the SVG picture labels its edges with the canvas's short labels and titles them with the
// verbs the inspector and the connection messages use.
import { describe, expect, it } from 'vitest';
import { renderDesignSvg } from '../../../src/core/diagram/render-svg';
import { RELATION_KINDS } from '../../../src/core/model/kinds';
import { RELATION_LABELS, RELATION_VERBS, relationLabel, relationSentence } from '../../../src/core/model/labels';
import type { Relation } from '../../../src/core/model/schema';
import { loadSample } from '../support/designs';

describe('labels', () => {
  it('name every relation kind, short and as a verb', () => {
    for (const k of RELATION_KINDS) {
      expect(RELATION_LABELS[k]).toMatch(/\S/);
      expect(RELATION_VERBS[k]).toMatch(/\S/);
    }
  });

  it('are the words of the SVG edges and their titles', () => {
    const seed = loadSample('seed');
    const svg = renderDesignSvg(seed);
    // A private endpoint's subnet is shown by drawing the endpoint inside it, not by a labelled edge.
    const nested: Relation[] = seed.relations.filter((r) => r.kind === 'peSubnet');
    const shown = new Set(seed.relations.filter((r) => r.kind !== 'peering' && !nested.includes(r)).map((r) => relationLabel(r)));
    for (const label of shown) expect(svg).toContain(`>${label}`);
    for (const r of nested) expect(svg).toContain(`data-nested="true"><title>${relationSentence(r.kind, r.from, r.to)}</title>`);
    const r = seed.relations[0]!;
    expect(svg).toContain(`<title>${relationSentence(r.kind, r.from, r.to)}</title>`);
  });
});
