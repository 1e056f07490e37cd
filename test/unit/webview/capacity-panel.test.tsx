// @vitest-environment jsdom
// The inspector of an enterprise policy shows its capacity (the figures PPV-012/PPV-039 judge with) and
// edits the planned environments as one undoable change.
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DesignEdit } from '../../../src/core/model/design-edits';
import type { Design } from '../../../src/core/model/schema';
import { Inspector } from '../../../webview/inspector/Inspector';
import { edited, loadSample, set } from '../support/designs';
import { pressKey, typeText } from '../support/dom-input';

vi.hoisted(() => {
  window.matchMedia ??= ((query: string) => ({ matches: false, media: query, addEventListener() {}, removeEventListener() {}, addListener() {}, removeListener() {} })) as unknown as typeof window.matchMedia;
});
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | undefined;
let host: HTMLDivElement | undefined;
afterEach(() => {
  act(() => root?.unmount());
  host?.remove();
});

function render(design: Design, edits: DesignEdit[] = []): HTMLElement {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() => root!.render(createElement(Inspector, { design, selection: ['policy-prod'], readOnly: false, onEdit: (_: string, e: DesignEdit) => edits.push(e) })));
  return host;
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
    host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
    act(() => root!.render(createElement(Inspector, { design: loadSample('seed'), selection: ['vnet-weu'], readOnly: false, onEdit: () => {} })));
    expect(host.querySelector('[data-testid="capacity-panel"]')).toBeNull();
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
