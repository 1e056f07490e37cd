// @vitest-environment jsdom
// The Address map panel: closed it draws nothing; open it draws the design's VNets per /16 block as SVG
// elements, says it maps the design alone, and shows a hostile VNet name as text, never as markup.
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import type { Design } from '../../../src/core/model/schema';
import { AddressMapPanel } from '../../../webview/address-map/AddressMapPanel';
import { edited, loadSample, set } from '../support/designs';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | undefined;
let host: HTMLDivElement | undefined;
afterEach(() => {
  act(() => root?.unmount());
  host?.remove();
});

function render(design: Design): HTMLElement {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() => root!.render(createElement(AddressMapPanel, { design, fileName: 'seed.ppvnet.json' })));
  return host;
}
const byTestId = (el: HTMLElement, id: string) => el.querySelector<HTMLElement>(`[data-testid="${id}"]`);

describe('address map panel', () => {
  it('is closed at first and draws nothing', () => {
    const el = render(loadSample('seed'));
    expect(byTestId(el, 'address-map-toggle')!.getAttribute('aria-expanded')).toBe('false');
    expect(el.querySelector('svg')).toBeNull();
  });

  it('opens on a design-only map with a caption, VNet blocks and labelled free space', () => {
    const design = edited(loadSample('seed'), set('vnet-weu', { addressSpaces: ['10.64.0.0/24'], name: '<img src=x onerror=alert(1)>' }),
      set('snet-pp-weu', { addressPrefix: '10.64.0.0/25' }), set('snet-pe-weu', { addressPrefix: '10.64.0.128/26' }), set('snet-dgw-weu', { addressPrefix: '10.64.0.192/27' }));
    const el = render(design);
    act(() => byTestId(el, 'address-map-toggle')!.click());
    expect(byTestId(el, 'address-map-caption')!.textContent).toMatch(/This design only, per \/16 block/);
    const svg = el.querySelector('svg')!;
    expect(svg.querySelectorAll('rect[data-kind="vnet"]').length).toBeGreaterThanOrEqual(2);
    const words = [...svg.querySelectorAll('text')].map((t) => t.textContent);
    expect(words).toContain('10.64.128.0/17');
    expect(words.some((w) => w?.includes('VNet <img src=x onerror=alert(1)> 10.64.0.0/24'))).toBe(true);
    expect(el.querySelector('img')).toBeNull();
    expect(svg.querySelector('pattern#ppvnet-hatch-reserved')).not.toBeNull();
  });
});
