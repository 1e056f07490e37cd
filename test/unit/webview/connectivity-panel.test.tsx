// @vitest-environment jsdom
// The Connectivity panel: closed it verifies nothing; open it lists both regions' verdicts in words, and
// choosing the blocked failover DNS flow of custom-dns-hub highlights its path and jumps to the deciding route's VNet.
import { mount } from '../support/webview-jsdom';
import { act, createElement } from 'react';
import { describe, expect, it } from 'vitest';
import type { Design } from '../../../src/core/model/schema';
import type { PathHighlight } from '../../../webview/canvas/path-highlight';
import { highlightEdges, highlightNodes } from '../../../webview/canvas/path-highlight';
import { ConnectivityPanel } from '../../../webview/connectivity/ConnectivityPanel';
import { designToFlow } from '../../../webview/model/flow-model';
import { edited, loadFixture, removeRelations } from '../support/designs';

function render(design: Design, highlights: (PathHighlight | undefined)[], goTo: string[]): HTMLElement {
  return mount(createElement(ConnectivityPanel, { design, onHighlight: (h: PathHighlight | undefined) => highlights.push(h), onGoTo: (id: string) => goTo.push(id) })).host;
}
const byTestId = (el: HTMLElement, id: string) => el.querySelector<HTMLElement>(`[data-testid="${id}"]`);
const click = (el: HTMLElement | null) => act(() => el!.click());

describe('connectivity panel', () => {
  it('is closed at first and lists nothing', () => {
    const el = render(loadFixture('custom-dns-hub'), [], []);
    expect(byTestId(el, 'connectivity-toggle')!.getAttribute('aria-expanded')).toBe('false');
    expect(el.querySelector('.flow-table')).toBeNull();
  });

  it('shows counts and both regions in words, and the chosen blocked flow\'s path, reason and jump', () => {
    const highlights: (PathHighlight | undefined)[] = [];
    const goTo: string[] = [];
    const el = render(loadFixture('custom-dns-hub'), highlights, goTo);
    click(byTestId(el, 'connectivity-toggle'));
    expect(byTestId(el, 'connectivity-blocked')!.textContent).toBe('✕ 1 blocked');
    expect(byTestId(el, 'connectivity-reachable')!.textContent).toBe('✓ 1 reachable');
    const primary = byTestId(el, 'flow-policy-eu->dns:10.0.2.4-primary')!;
    const failover = byTestId(el, 'flow-policy-eu->dns:10.0.2.4-failover')!;
    expect(primary.tagName).toBe('BUTTON');
    expect(primary.textContent).toBe('✓ reachable');
    expect(failover.textContent).toBe('✕ blocked');

    click(failover);
    expect(failover.getAttribute('aria-pressed')).toBe('true');
    const h = highlights.at(-1)!;
    expect(h.verdict).toBe('blocked');
    expect(h.decidingId).toBe('vnet-neu');
    expect(h.ids.has('snet-pp-neu')).toBe(true);
    expect(byTestId(el, 'flow-reason')!.textContent).toMatch(/drops the traffic/);
    const hops = [...el.querySelectorAll('.flow-hops li')];
    expect(hops.length).toBeGreaterThan(0);
    expect(el.querySelector('.flow-hops li.deciding')!.textContent).toMatch(/drops the traffic/);
    click(byTestId(el, 'flow-go-to'));
    expect(goTo).toEqual(['vnet-neu']);

    // Choosing it again clears the path.
    click(failover);
    expect(highlights.at(-1)).toBeUndefined();
    expect(byTestId(el, 'flow-detail')).toBeNull();
  });
});

describe('connectivity panel: the DNS hop of a DNS private resolver', () => {
  it('names the resolver that answers the query, and Go to selects it', () => {
    const highlights: (PathHighlight | undefined)[] = [];
    const goTo: string[] = [];
    // The vault zone is no longer linked to the hub, where the resolver's inbound endpoint answers.
    const el = render(edited(loadFixture('hybrid-dns'), removeRelations('dns-vault-hub')), highlights, goTo);
    click(byTestId(el, 'connectivity-toggle'));
    const primary = byTestId(el, 'flow-policy-eu->pe-kv-primary')!;
    expect(primary.textContent).toBe('✕ blocked');
    click(primary);
    expect(highlights.at(-1)!.decidingId).toBe('dnspr-hub');
    expect(byTestId(el, 'flow-reason')!.textContent).toMatch(/not linked to VNet "vnet-hub-weu".*DNS private resolver "dnspr-hub-weu" \(dnspr-hub\)/);
    click(byTestId(el, 'flow-go-to'));
    expect(goTo).toEqual(['dnspr-hub']);
  });

  it('names the forwarding ruleset whose rule fails the query', () => {
    const goTo: string[] = [];
    const d = edited(loadFixture('hybrid-dns'), removeRelations('vpn-onprem'),
      { op: 'updateElement', id: 'dnsfrs-hub', set: { rules: [{ name: 'pl', domainName: 'privatelink.vaultcore.azure.net.', targetDnsServers: [{ ipAddress: '192.168.1.4' }] }] } });
    const el = render(d, [], goTo);
    click(byTestId(el, 'connectivity-toggle'));
    click(byTestId(el, 'flow-policy-eu->pe-kv-primary'));
    expect(byTestId(el, 'flow-reason')!.textContent).toMatch(/Rule 'pl'.*ruleset "dnsfrs-hub-weu".*cannot reach/);
    click(byTestId(el, 'flow-go-to'));
    expect(goTo).toEqual(['dnsfrs-hub']);
  });
});

describe('path highlight', () => {
  it('dims what is off the path and marks the deciding element with the reason', () => {
    const d = loadFixture('custom-dns-hub');
    const flow = designToFlow(d, []);
    const h: PathHighlight = { ids: new Set(['snet-pp-neu', 'vnet-neu']), decidingId: 'vnet-neu', verdict: 'blocked', reason: 'dropped' };
    const nodes = highlightNodes(flow.nodes, h);
    const byId = new Map(nodes.map((n) => [n.id, n]));
    expect(byId.get('snet-pp-neu')!.className).toBe('path-on');
    expect(byId.get('vnet-neu')!.className).toBe('path-on path-deciding verdict-blocked');
    expect(byId.get('vnet-neu')!.data.pathMark).toEqual({ verdict: 'blocked', reason: 'dropped' });
    expect(byId.get('vnet-weu')!.className).toBe('path-off');
    expect(highlightEdges(flow.edges, h).every((e) => e.className!.startsWith('relation-edge'))).toBe(true);
    expect(highlightNodes(flow.nodes, undefined)).toBe(flow.nodes);
  });
});
