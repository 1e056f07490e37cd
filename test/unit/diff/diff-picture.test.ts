// The diff picture: the three marks on the seed's done-when change, removed items drawn back in, a legend,
// and the plain renderer's bytes unchanged when no marks are asked for.
import { describe, expect, it } from 'vitest';
import { renderDesignSvg } from '../../../src/core/diagram/render-svg';
import { diffDesigns } from '../../../src/core/diff/design-diff';
import { renderDiffSvg } from '../../../src/core/diff/diff-picture';
import type { Element } from '../../../src/core/model/schema';
import { edited, loadSample, removeRelations, set } from '../support/designs';

const newVnet: Element = { id: 'vnet-frc', kind: 'vnet', name: 'vnet-pp-frc', region: 'francecentral', addressSpaces: ['10.30.0.0/16'], position: { x: 0, y: 600 } };

/** The `<g …>` that opens the group of an element or relation. */
const groupOf = (svg: string, cls: string, id: string) => svg.match(new RegExp(`<g class="${cls}" data-id="${id}"[^>]*>`))?.[0];

describe('renderDiffSvg', () => {
  const seed = loadSample('seed');
  const changed = edited(seed, { op: 'addElements', elements: [newVnet] }, set('snet-pp-weu', { addressPrefix: '10.10.1.0/25' }), removeRelations('peer-neu-weu'));
  const svg = renderDiffSvg(changed, diffDesigns(seed, changed));

  it('marks the added VNet, the changed subnet and the removed peering, each with stroke and symbol', () => {
    expect(groupOf(svg, 'ppv-element', 'vnet-frc')).toContain('data-change="added"');
    expect(groupOf(svg, 'ppv-element', 'snet-pp-weu')).toContain('data-change="changed"');
    expect(groupOf(svg, 'ppv-relation', 'peer-neu-weu')).toContain('data-change="removed"');
    expect(groupOf(svg, 'ppv-element', 'vnet-weu')).not.toContain('data-change');
    for (const [mark, symbol] of [['added', '+'], ['removed', '−'], ['changed', '~']]) {
      expect(svg).toContain(`class="ppv-mark ppv-mark-${mark}"`);
      expect(svg).toMatch(new RegExp(`data-change="${mark}"><title>${mark}</title>.*?>\\${symbol}</text>`));
    }
  });

  it('tells the marks apart by stroke pattern too, and explains them in a legend', () => {
    expect(svg).toMatch(/\.ppv-mark-removed \{[^}]*stroke-dasharray: 10 6/);
    expect(svg).toMatch(/\.ppv-mark-changed \{[^}]*stroke-dasharray: 1 5/);
    expect(svg).not.toMatch(/\.ppv-mark-added \{[^}]*dasharray/);
    expect(svg).toContain('class="ppv-legend-row"');
    expect(svg).toMatch(/added \(1\).*removed \(1\).*changed \(1\)/s);
  });

  it('draws a removed element from the old design', () => {
    const without = edited(seed, { op: 'removeElements', ids: ['nat-neu'] });
    const picture = renderDiffSvg(without, diffDesigns(seed, without));
    expect(groupOf(picture, 'ppv-element', 'nat-neu')).toContain('data-change="removed"');
    expect(groupOf(picture, 'ppv-relation', 'nat-neu-pp')).toContain('data-change="removed"');
  });

  it('leaves the plain picture as it was', () => {
    expect(renderDesignSvg(seed)).not.toContain('ppv-mark');
    expect(renderDesignSvg(seed)).not.toContain('ppv-legend');
  });
});
