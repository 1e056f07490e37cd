// @vitest-environment jsdom
// The inspector of an enterprise policy shows its capacity (the figures PPV-012/PPV-039 judge with) and
// edits the planned environments as one undoable change.
import { mount } from '../support/webview-jsdom';
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import type { DesignEdit } from '../../../src/core/model/design-edits';
import type { Design } from '../../../src/core/model/schema';
import { Inspector } from '../../../webview/inspector/Inspector';
import { edited, loadSample, set } from '../support/designs';
import { pressKey, typeText } from '../support/dom-input';

function render(design: Design, edits: DesignEdit[] = [], selection = ['policy-prod']): HTMLElement {
  return mount(createElement(Inspector, { design, selection, readOnly: false, onEdit: (_: string, e: DesignEdit) => edits.push(e) })).host;
}
const text = (el: HTMLElement, id: string) => el.querySelector(`[data-testid="${id}"]`)?.textContent;

describe('capacity panel', () => {
  it('shows the worked example: 1 linked + 3 planned production → 120 usable, a /25, in two /26 subnets', () => {
    const design = edited(
      loadSample('seed'),
      set('snet-pp-weu', { addressPrefix: '10.10.1.0/26' }),
      set('snet-pp-neu', { addressPrefix: '10.20.1.0/26' }),
      set('policy-prod', { plannedEnvironments: { production: 3 } }),
    );
    const el = render(design);
    expect(text(el, 'capacity-linked')).toBe('1 production, 0 non-production');
    expect(text(el, 'capacity-required')).toBe('120 usable IPs: a /25 or larger');
    expect(text(el, 'capacity-subnet-snet-pp-weu')).toBe('59 usable, 61 short');
    expect(text(el, 'capacity-subnet-snet-pp-neu')).toBe('59 usable, 61 short');
  });

  it('is shown for policies only', () => {
    const el = render(loadSample('seed'), [], ['vnet-weu']);
    expect(el.querySelector('[data-testid="capacity-panel"]')).toBeNull();
  });

  it('commits planned environments as one update of the policy', () => {
    const edits: DesignEdit[] = [];
    const el = render(loadSample('seed'), edits);
    const input = el.querySelector<HTMLInputElement>('[data-testid="planned-non-production"]')!;
    typeText(input, '20');
    pressKey(input, 'Enter');
    expect(edits).toEqual([{ op: 'updateElement', id: 'policy-prod', set: { plannedEnvironments: { nonProduction: 20 } } }]);
  });
});
