// @vitest-environment jsdom
// The Address map panel: closed it draws nothing; open it draws the design's VNets per /16 block as SVG
// elements, says it maps the design alone, and shows a hostile VNet name as text, never as markup. Fed the host's
// addressPlan message through the real HostChannel, it draws per pool the VNets, subnets, reserved, on-premises
// and free ranges, says when no pool is configured or the configuration has problems, and refuses a bad message.
import { mount } from '../support/webview-jsdom';
import { act, createElement } from 'react';
import { describe, expect, it } from 'vitest';
import type { Design } from '../../../src/core/model/schema';
import type { AddressPlanMessage } from '../../../src/core/protocol/messages';
import { AddressMapPanel } from '../../../webview/address-map/AddressMapPanel';
import { useAddressPlan } from '../../../webview/address-map/use-address-plan';
import { HostChannel } from '../../../webview/host/host-channel';
import { edited, loadSample, set } from '../support/designs';

function render(design: Design): HTMLElement {
  return mount(createElement(AddressMapPanel, { design, fileName: 'seed.ppvnet.json' })).host;
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

/** The panel as the designer mounts it: the plan comes from the host over a real HostChannel, checked by useAddressPlan. */
function connected(design: Design) {
  const posted: Record<string, unknown>[] = [];
  let deliver: (data: unknown) => void = () => {};
  const target = { addEventListener: (_: string, fn: (ev: Event) => void) => { deliver = (data) => fn({ data } as MessageEvent); } };
  const channel = new HostChannel({ postMessage: (m) => posted.push(m as Record<string, unknown>), getState: () => undefined, setState: () => {} }, target as unknown as Window);
  function Page() {
    return createElement(AddressMapPanel, { design, fileName: 'seed.ppvnet.json', addressPlan: useAddressPlan(channel) });
  }
  const { host } = mount(createElement(Page));
  act(() => byTestId(host, 'address-map-toggle')!.click());
  return { el: host, posted, send: (m: unknown) => act(() => deliver(m)) };
}

// The seed's VNets are 10.10.0.0/16 and 10.20.0.0/16; the pool holds both, with a hub and an on-premises network in it.
const corp: AddressPlanMessage = {
  type: 'addressPlan', configFile: 'ppvnet.config.json', problems: 0,
  pools: [{ name: 'corp', ranges: ['10.0.0.0/11'] }], reserved: ['10.0.0.0/16'], onPremises: ['10.30.0.0/16'],
};
const kinds = (el: HTMLElement) => new Set([...el.querySelectorAll('svg rect[data-kind]')].map((r) => r.getAttribute('data-kind')));
const words = (el: HTMLElement) => [...el.querySelectorAll('svg text')].map((t) => t.textContent ?? '');
const titles = (el: HTMLElement, kind: string) => [...el.querySelectorAll(`svg rect[data-kind="${kind}"] title`)].map((t) => t.textContent ?? '');

describe('address map panel with the host\'s address plan', () => {
  it('draws each pool with the design\'s VNets and subnets, the reserved and on-premises ranges and the free blocks', () => {
    const { el, send } = connected(loadSample('seed'));
    send(corp);
    expect(byTestId(el, 'address-map-caption')!.textContent).toBe('Pools of ppvnet.config.json with this design\'s ranges; other designs\' are listed by ppvnet plan-addresses <folder>.');
    expect(byTestId(el, 'address-map-config-problems')).toBeNull();
    expect(el.querySelector('svg')!.getAttribute('aria-label')).toBe('Address map of the address pools');
    expect(kinds(el)).toEqual(new Set(['bar', 'vnet', 'subnet', 'reserved', 'onPremises', 'free']));
    const text = words(el);
    expect(text.some((w) => w.startsWith('pool corp: 10.0.0.0/11 · '))).toBe(true);
    // 2^21 addresses, four /16s (65,536 each) taken: the rest is free.
    expect(text.some((w) => w.includes(`${2 ** 21 - 4 * 65_536} of ${2 ** 21} addresses free`))).toBe(true);
    expect(text).toContain('10.4.0.0/14');
    expect(text.some((w) => /No address pools configured/.test(w))).toBe(false);
    expect(titles(el, 'vnet').map((t) => t.replace(/ \(seed\.ppvnet\.json\)$/, ''))).toEqual(
      expect.arrayContaining([expect.stringMatching(/^VNet .* 10\.10\.0\.0\/16$/), expect.stringMatching(/^VNet .* 10\.20\.0\.0\/16$/)]));
    expect(titles(el, 'subnet').some((t) => /^subnet .* 10\.10\.1\.0\/24 in VNet /.test(t))).toBe(true);
    expect(titles(el, 'reserved')).toEqual(['reserved range 10.0.0.0/16 (ppvnet.config.json)']);
    expect(titles(el, 'onPremises')).toEqual(['on-premises range 10.30.0.0/16 (ppvnet.config.json)']);
  });

  it('redraws when the configuration changes, and counts the VNets no pool holds', () => {
    const { el, send } = connected(loadSample('seed'));
    send(corp);
    send({ ...corp, pools: [{ name: 'west', ranges: ['10.10.0.0/15'] }, { name: 'spare', ranges: ['172.16.0.0/12'] }] });
    const text = words(el);
    expect(text.some((w) => w.startsWith('pool west: 10.10.0.0/15'))).toBe(true);
    expect(text.some((w) => w.startsWith('pool spare: 172.16.0.0/12 · 1048576 of 1048576 addresses free'))).toBe(true);
    expect(text.some((w) => w.startsWith('pool corp'))).toBe(false);
    expect(text).toContain('1 VNet range lies outside every pool and is not drawn.');
  });

  it('says in one line that no pools are configured and how to configure them, and still maps the design', () => {
    const { el, send } = connected(loadSample('seed'));
    send({ type: 'addressPlan', problems: 0, pools: [], reserved: [], onPremises: [] });
    const caption = byTestId(el, 'address-map-caption')!;
    expect(caption.tagName).toBe('P');
    expect(caption.textContent).toMatch(/^No address pools configured: add "addressPools": \[\{ "name": "corp", "ranges": \["10\.64\.0\.0\/12"\] \}\] /);
    expect(caption.textContent).toMatch(/\(and "reservedRanges", "onPremisesRanges"\) to ppvnet\.config\.json at the workspace folder's root\. Until then, this design only, per \/16 block/);
    expect(words(el).some((w) => w.startsWith('VNets in: 10.10.0.0/16'))).toBe(true);
  });

  it('names the file and its problems rather than calling a broken configuration unconfigured', () => {
    const { el, send } = connected(loadSample('seed'));
    send({ type: 'addressPlan', configFile: '.ppvnetrc.json', problems: 1, pools: [], reserved: [], onPremises: [] });
    const caption = byTestId(el, 'address-map-caption')!.textContent!;
    expect(caption).toMatch(/^No address pools read: \.ppvnetrc\.json has 1 problem \(see the Problems panel\)\. Until it is fixed, this design only/);
    expect(caption).not.toMatch(/configured/);
    send({ ...corp, problems: 2 });
    expect(byTestId(el, 'address-map-config-problems')!.textContent).toBe(' ppvnet.config.json has 2 problems (see the Problems panel); entries with a problem are left out.');
    expect(kinds(el).has('reserved')).toBe(true);
  });

  it('refuses a malformed plan, says so and logs it, and draws no pool from it', () => {
    const { el, send, posted } = connected(loadSample('seed'));
    send(corp);
    send({ ...corp, reserved: ['<script>'] });
    expect(byTestId(el, 'address-map-caption')!.textContent).toMatch(/^The address plan from the extension was refused \(rejected host message: not an IPv4 CIDR block at reserved\.0\): this design only/);
    expect(posted).toContainEqual({ type: 'log', level: 'warn', message: 'rejected host message: not an IPv4 CIDR block at reserved.0' });
    expect(words(el).some((w) => w.startsWith('pool corp'))).toBe(false);
    expect(el.querySelector('script')).toBeNull();
  });

  it('shows a hostile pool name as text, never as markup', () => {
    const { el, send } = connected(loadSample('seed'));
    send({ ...corp, pools: [{ name: '<img src=x onerror=alert(1)>', ranges: ['10.0.0.0/11'] }] });
    expect(words(el).some((w) => w.startsWith('pool <img src=x onerror=alert(1)>: 10.0.0.0/11'))).toBe(true);
    expect(el.querySelector('img')).toBeNull();
  });
});
