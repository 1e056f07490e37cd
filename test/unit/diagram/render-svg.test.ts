// @vitest-environment jsdom
// The SVG renderer: every kind is drawn, hostile text is escaped, output is stable and well-formed XML.
import { describe, expect, it } from 'vitest';
import { renderDesignSvg } from '../../../src/core/diagram/render-svg';
import { escapeXml, fitText } from '../../../src/core/diagram/svg-text';
import { ELEMENT_KINDS, RELATION_KINDS } from '../../../src/core/model/kinds';
import type { Design, Element, Relation } from '../../../src/core/model/schema';
import type { Finding } from '../../../src/core/rules/rule';
import { edited, loadSample, set, unchecked } from '../support/designs';

function parseSvg(svg: string): Document {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error) throw new Error(`not well-formed XML: ${error.textContent}`);
  return doc;
}

/** One element of every kind, one relation of every kind, in one design. */
function everyKind(): Design {
  const p = (x: number, y: number) => ({ position: { x, y } });
  const elements: Element[] = [
    { id: 'env', kind: 'environment', name: 'Env', geography: 'europe', ...p(0, 0) },
    { id: 'pol', kind: 'enterprisePolicy', name: 'Policy', ...p(300, 0) },
    { id: 'vnet', kind: 'vnet', name: 'VNet', region: 'westeurope', addressSpaces: ['10.0.0.0/16'], size: { width: 400, height: 300 }, ...p(600, 0) },
    { id: 'vnet2', kind: 'vnet', name: 'VNet 2', ...p(1100, 0) },
    { id: 'snet', kind: 'subnet', name: 'Subnet', parent: 'vnet', addressPrefix: '10.0.1.0/24', ...p(20, 50) },
    { id: 'snet2', kind: 'subnet', name: 'Unplaced subnet', parent: 'vnet2' },
    { id: 'vpn', kind: 'vpnGateway', name: 'VPN', parent: 'vnet', sku: 'VpnGw1AZ', ...p(20, 130) },
    { id: 'er', kind: 'expressRouteGateway', name: 'ER', parent: 'vnet', ...p(20, 210) },
    { id: 'nat', kind: 'natGateway', name: 'NAT', ...p(0, 400) },
    { id: 'nsg', kind: 'nsg', name: 'NSG', ...p(300, 400) },
    { id: 'rt', kind: 'routeTable', name: 'Routes', ...p(600, 400) },
    { id: 'onprem', kind: 'onPremises', name: 'On-prem', addressSpaces: ['192.168.0.0/16'], ...p(900, 400) },
    { id: 'pe', kind: 'privateEndpoint', name: 'PE', groupId: 'vault', ...p(0, 600) },
    { id: 'zone', kind: 'privateDnsZone', name: 'privatelink.vaultcore.azure.net', ...p(300, 600) },
    { id: 'kv', kind: 'azureService', name: 'KV', serviceType: 'keyVault', ...p(600, 600) },
    { id: 'conn', kind: 'connector', name: 'Connector', connectorType: 'custom' },
    { id: 'vdgw', kind: 'vnetDataGateway', name: 'Data gateway', memberCount: 2, ...p(900, 600) },
    { id: 'nw', kind: 'networkWatcher', name: 'Watcher', region: 'westeurope', ...p(0, 800) },
    { id: 'fl', kind: 'flowLog', name: 'Flow log', retentionDays: 90, ...p(300, 800) },
    { id: 'log', kind: 'logAnalyticsWorkspace', name: 'Workspace', region: 'westeurope', ...p(600, 800) },
    { id: 'dlp', kind: 'dataPolicy', name: 'Data policy', environmentScope: 'OnlyEnvironments', connectors: [{ connector: 'http', group: 'Blocked' }], ...p(900, 800) },
  ];
  const r = (id: string, kind: Relation['kind'], from: string, to: string) => ({ id, kind, from, to }) as Relation;
  const relations: Relation[] = [
    r('r1', 'policyLink', 'env', 'pol'), r('r2', 'policySubnet', 'pol', 'snet'), r('r3', 'peering', 'vnet', 'vnet2'),
    r('r4', 'natAssociation', 'nat', 'snet'), r('r5', 'nsgAssociation', 'nsg', 'snet'), r('r6', 'routeTableAssociation', 'rt', 'snet'),
    r('r7', 'peTarget', 'pe', 'kv'), r('r8', 'peSubnet', 'pe', 'snet'), r('r9', 'peDnsZone', 'pe', 'zone'), r('r10', 'dnsZoneLink', 'zone', 'vnet'),
    r('r11', 'gatewayConnection', 'vpn', 'onprem'), r('r12', 'connectorTarget', 'conn', 'kv'), r('r13', 'connectorSecret', 'conn', 'kv'),
    r('r14', 'workload', 'env', 'conn'),
    r('r15', 'dataGatewaySubnet', 'vdgw', 'snet2'), r('r16', 'flowLogTarget', 'fl', 'vnet'), r('r17', 'flowLogWatcher', 'fl', 'nw'),
    r('r18', 'flowLogStorage', 'fl', 'kv'), r('r19', 'trafficAnalytics', 'fl', 'log'), r('r20', 'diagnostics', 'nat', 'log'),
    r('r21', 'dataPolicyScope', 'dlp', 'env'),
  ];
  return { version: 1, name: 'Every kind', elements, relations };
}

describe('renderDesignSvg', () => {
  it('draws every element kind and every relation kind', () => {
    const design = everyKind();
    expect(new Set(design.elements.map((e) => e.kind))).toEqual(new Set(ELEMENT_KINDS));
    expect(new Set(design.relations.map((r) => r.kind))).toEqual(new Set(RELATION_KINDS));
    const doc = parseSvg(renderDesignSvg(design));
    for (const e of design.elements) {
      const g = doc.querySelector(`g.ppv-element[data-id="${e.id}"]`);
      expect(g, e.id).not.toBeNull();
      expect(g!.getAttribute('data-kind')).toBe(e.kind);
      expect(g!.textContent).toContain(e.name.slice(0, 10));
    }
    for (const r of design.relations) expect(doc.querySelector(`g.ppv-relation[data-id="${r.id}"] path.ppv-edge`), r.id).not.toBeNull();
  });

  it('places children inside their VNet, relative to it', () => {
    const doc = parseSvg(renderDesignSvg(everyKind()));
    const rect = (id: string) => {
      const r = doc.querySelector(`g[data-id="${id}"] rect`)!;
      return { x: Number(r.getAttribute('x')), y: Number(r.getAttribute('y')), w: Number(r.getAttribute('width')), h: Number(r.getAttribute('height')) };
    };
    const vnet = rect('vnet');
    const snet = rect('snet');
    expect(snet.x).toBe(vnet.x + 20);
    expect(snet.y).toBe(vnet.y + 50);
    for (const child of ['snet', 'vpn', 'er'].map(rect)) {
      expect(child.x + child.w).toBeLessThanOrEqual(vnet.x + vnet.w);
      expect(child.y + child.h).toBeLessThanOrEqual(vnet.y + vnet.h);
    }
    // A VNet without a stored size grows around its (unplaced) subnet.
    const vnet2 = rect('vnet2');
    const snet2 = rect('snet2');
    expect(snet2.x).toBeGreaterThan(vnet2.x);
    expect(snet2.y + snet2.h).toBeLessThanOrEqual(vnet2.y + vnet2.h);
  });

  it('shows names, CIDRs and regions of the seed', () => {
    const svg = renderDesignSvg(loadSample('seed'));
    parseSvg(svg);
    for (const text of ['vnet-pp-weu', '10.10.1.0/24', '10.20.1.0/24', 'northeurope', 'Case Management']) expect(svg).toContain(text);
  });

  it('escapes hostile names, descriptions and ids so nothing becomes markup', () => {
    const hostile = '<script>alert(1)</script>&"\'<![CDATA[x]]>';
    const design = edited(loadSample('minimal'),
      set('snet-pp', { name: hostile }),
      { op: 'setDesignInfo', name: `</title><image href="http://evil.invalid/x.png"/>`, description: '--><foreignObject>' });
    const svg = renderDesignSvg(design);
    const doc = parseSvg(svg);
    expect(doc.querySelectorAll('script, image, foreignObject')).toHaveLength(0);
    expect(svg).not.toContain('<script');
    expect([...doc.querySelectorAll('*')].filter((n) => n.hasAttribute('href') || n.hasAttribute('xlink:href'))).toHaveLength(0);
    expect(doc.querySelector('title')!.textContent).toBe(design.name);
    expect(doc.querySelector('g[data-id="snet-pp"]')!.textContent).toContain('<script>alert(1)</script>'.slice(0, 12));
  });

  it('drops characters XML cannot carry instead of producing an unreadable file', () => {
    const design = unchecked(loadSample('minimal'), 'policy', { name: 'ep\u0000\u0007-\uD800x' });
    const doc = parseSvg(renderDesignSvg(design));
    expect(doc.querySelector('g[data-id="policy"]')!.textContent).toContain('ep-x');
  });

  it('is stable: the same design gives the same bytes, element order changes nothing else', () => {
    const seed = loadSample('seed');
    expect(renderDesignSvg(seed)).toBe(renderDesignSvg(structuredClone(seed)));
    expect(renderDesignSvg(seed)).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<svg /);
  });

  it('draws findings as severity badges, worst severity first, and counts them', () => {
    const findings: Finding[] = [
      { ruleId: 'PPV-001', severity: 'warning', message: 'first', elementId: 'snet-pp' },
      { ruleId: 'PPV-002', severity: 'error', message: 'second <b>', elementId: 'snet-pp' },
      { ruleId: 'PPV-003', severity: 'info', message: 'third', elementId: 'policy' },
      { ruleId: 'PPV-004', severity: 'error', message: 'about nothing drawn', elementId: 'missing' },
    ];
    const doc = parseSvg(renderDesignSvg(loadSample('minimal'), { findings }));
    const badge = doc.querySelector('g[data-id="snet-pp"] .ppv-badge')!;
    expect(badge.getAttribute('data-severity')).toBe('error');
    expect(badge.querySelector('text')!.textContent).toBe('2');
    expect(badge.querySelector('title')!.textContent).toContain('PPV-002 (error): second <b>');
    expect(doc.querySelector('g[data-id="policy"] .ppv-badge')!.getAttribute('data-severity')).toBe('info');
    expect(doc.querySelector('g[data-id="env-sandbox"] .ppv-badge')).toBeNull();
    expect(doc.querySelector('.ppv-summary')!.textContent).toContain('2 errors, 1 warning, 1 info');
  });

  it('labels a peering pair once and fans the two directions apart', () => {
    const doc = parseSvg(renderDesignSvg(loadSample('seed')));
    const peerings = [...doc.querySelectorAll('g.ppv-relation[data-kind="peering"]')];
    expect(peerings).toHaveLength(2);
    expect(peerings.filter((g) => g.querySelector('text')).map((g) => g.querySelector('text')!.textContent)).toEqual(['peering ⇄']);
    const [a, b] = peerings.map((g) => g.querySelector('path')!.getAttribute('d'));
    expect(a).not.toBe(b);
  });

  it('draws an empty design as a valid picture', () => {
    const doc = parseSvg(renderDesignSvg({ version: 1, name: 'Empty', elements: [], relations: [] }));
    expect(doc.querySelector('.ppv-summary')!.textContent).toContain('0 elements');
  });
});

describe('svg text helpers', () => {
  it('escapes all five XML specials', () => {
    expect(escapeXml(`<a href="x">&'`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;');
  });

  it('shortens long text with an ellipsis and keeps short text', () => {
    expect(fitText('short', 12, 200)).toBe('short');
    const long = fitText('privatelink.azurewebsites.net-and-much-more', 12, 100);
    expect(long.endsWith('…')).toBe(true);
    expect(long.length).toBeLessThan(20);
  });
});
