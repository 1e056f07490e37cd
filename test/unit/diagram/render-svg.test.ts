// @vitest-environment jsdom
// The SVG renderer: every kind is drawn, hostile text is escaped, output is stable and well-formed XML.
import { describe, expect, it } from 'vitest';
import { renderDesignSvg } from '../../../src/core/diagram/render-svg';
import { escapeXml, fitText } from '../../../src/core/diagram/svg-text';
import { ELEMENT_KINDS, RELATION_KINDS } from '../../../src/core/model/kinds';
import { relationLabel } from '../../../src/core/model/labels';
import type { Design, Element, Relation } from '../../../src/core/model/schema';
import type { Finding } from '../../../src/core/rules/rule';
import { edited, loadSample, set, unchecked } from '../support/designs';

function parseSvg(svg: string): Document {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error) throw new Error(`not well-formed XML: ${error.textContent}`);
  return doc;
}

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The box of an element: the first rect of its group. */
function rectOf(doc: Document, id: string): Box {
  const r = doc.querySelector(`g.ppv-element[data-id="${id}"] rect`)!;
  return { x: Number(r.getAttribute('x')), y: Number(r.getAttribute('y')), w: Number(r.getAttribute('width')), h: Number(r.getAttribute('height')) };
}

const inside = (a: Box, b: Box) => a.x >= b.x && a.y >= b.y && a.x + a.w <= b.x + b.w && a.y + a.h <= b.y + b.h;

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
    { id: 'dnspr', kind: 'dnsResolver', name: 'Resolver', parent: 'vnet2' },
    { id: 'dnsfrs', kind: 'dnsForwardingRuleset', name: 'Ruleset', region: 'westeurope', rules: [{ name: 'corp', domainName: 'corp.contoso.com.', targetDnsServers: [{ ipAddress: '192.168.1.4' }] }], ...p(900, 800) },
    { id: 'afw', kind: 'firewall', name: 'Firewall', skuTier: 'Standard', privateIpAddress: '10.10.3.4', ruleCollectionGroups: [], ...p(800, 800) },
    { id: 'dlp', kind: 'dataPolicy', name: 'Data policy', environmentScope: 'OnlyEnvironments', connectors: [{ connector: 'http', group: 'Blocked' }], ...p(1000, 800) },
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
    r('r21', 'resolverInbound', 'dnspr', 'snet2'), r('r22', 'resolverOutbound', 'dnspr', 'snet'), r('r23', 'rulesetOutbound', 'dnsfrs', 'dnspr'),
    r('r24', 'rulesetLink', 'dnsfrs', 'vnet'), r('r25', 'firewallSubnet', 'afw', 'snet'), r('r26', 'dataPolicyScope', 'dlp', 'env'),
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
    // Each relation is an edge, or (a private endpoint's subnet) the endpoint drawn inside its subnet.
    for (const r of design.relations) {
      const g = doc.querySelector(`g.ppv-relation[data-id="${r.id}"]`);
      expect(g, r.id).not.toBeNull();
      if (g!.getAttribute('data-nested') === 'true') expect(inside(rectOf(doc, r.from), rectOf(doc, r.to)), r.id).toBe(true);
      else expect(g!.querySelector('path.ppv-edge'), r.id).not.toBeNull();
    }
  });

  it('places subnets and gateways inside their VNet, private endpoints inside their subnet, NSG, NAT and routes beside it', () => {
    const doc = parseSvg(renderDesignSvg(everyKind()));
    const vnet = rectOf(doc, 'vnet');
    const snet = rectOf(doc, 'snet');
    for (const id of ['snet', 'vpn', 'er', 'nat', 'nsg', 'rt']) expect(inside(rectOf(doc, id), vnet), id).toBe(true);
    expect(inside(rectOf(doc, 'pe'), snet)).toBe(true);
    for (const id of ['nat', 'nsg', 'rt']) {
      const b = rectOf(doc, id);
      expect(b.x, id).toBeGreaterThan(snet.x + snet.w);
      expect(b.y, id).toBeLessThan(snet.y + snet.h + 2 * b.h);
    }
    // A VNet without a stored size (or position) grows around its subnet.
    expect(inside(rectOf(doc, 'snet2'), rectOf(doc, 'vnet2'))).toBe(true);
  });

  it('draws regions as lanes: Power Platform left, then the primary region, then the failover region', () => {
    const doc = parseSvg(renderDesignSvg(loadSample('seed')));
    const lanes = [...doc.querySelectorAll('g.ppv-lane')].map((g) => ({ role: g.getAttribute('data-role'), title: g.textContent, x: Number(g.querySelector('rect')!.getAttribute('x')) }));
    const lane = (role: string) => lanes.find((l) => l.role === role)!;
    expect(lane('primary').title).toContain('westeurope');
    expect(lane('failover').title).toContain('northeurope');
    expect(lane('powerPlatform').x).toBeLessThan(lane('primary').x);
    expect(lane('primary').x).toBeLessThan(lane('failover').x);
    expect(rectOf(doc, 'vnet-weu').x).toBeLessThan(rectOf(doc, 'vnet-neu').x);
    expect(rectOf(doc, 'policy-prod').x).toBeLessThan(rectOf(doc, 'vnet-weu').x);
    // The workloads a private endpoint reaches are in its region's lane, under the VNet.
    expect(rectOf(doc, 'kv').y).toBeGreaterThan(rectOf(doc, 'vnet-weu').y + rectOf(doc, 'vnet-weu').h);
    expect(rectOf(doc, 'kv').x).toBeLessThan(rectOf(doc, 'vnet-neu').x);
  });

  it('never draws text smaller than 9 px, with or without findings and change marks', () => {
    const seed = loadSample('seed');
    const findings: Finding[] = [{ ruleId: 'PPV-001', severity: 'warning', message: 'w', elementId: 'snet-pp-weu' }];
    const marks = { elements: new Map([['vnet-weu', 'changed' as const]]), relations: new Map([['peer-weu-neu', 'removed' as const]]) };
    const svg = renderDesignSvg(seed, { findings, marks });
    const sizes = [...svg.matchAll(/font-size:\s*([\d.]+)px/g)].map((m) => Number(m[1]));
    expect(sizes.length).toBeGreaterThan(5);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(9);
    expect(svg).not.toMatch(/font-size="/);
    // Every text element gets its size from a class that has one, or from its own style.
    const doc = parseSvg(svg);
    const sized = new Set([...svg.matchAll(/\.([\w-]+) \{[^}]*font-size/g)].map((m) => m[1]));
    for (const t of doc.querySelectorAll('text')) {
      const own = t.getAttribute('style')?.includes('font-size');
      expect(own || [...t.classList].some((c) => sized.has(c)), t.outerHTML).toBe(true);
    }
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

  it('escapes a hostile region in its lane title', () => {
    const hostile = '"><script>x</script>';
    const design = unchecked(loadSample('minimal'), 'vnet-brs', { region: hostile });
    const svg = renderDesignSvg(design);
    const doc = parseSvg(svg);
    expect(doc.querySelectorAll('script')).toHaveLength(0);
    expect([...doc.querySelectorAll('.ppv-lane-title')].map((t) => t.textContent).join(' ')).toContain('<script>');
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

  it('labels a peering pair once and draws the two directions as one line, an arrow at each end', () => {
    const doc = parseSvg(renderDesignSvg(loadSample('seed')));
    const peerings = [...doc.querySelectorAll('g.ppv-relation[data-kind="peering"]')];
    expect(peerings).toHaveLength(2);
    // The canvas's label for the pair (its flags included), once.
    const seed = loadSample('seed');
    const label = relationLabel(seed.relations.find((r) => r.id === 'peer-weu-neu')!);
    expect(label).toBe('peering · access · fwd');
    expect(peerings.filter((g) => g.querySelector('text')).map((g) => g.querySelector('text')!.textContent)).toEqual([`${label} ⇄`]);
    const [a, b] = peerings.map((g) => g.querySelector('path.ppv-edge')!.getAttribute('d')!);
    expect(a).not.toBe(b);
    const points = (d: string) => d.split(' ').map((p) => p.replace(/^[ML]/, ''));
    expect(points(a!)).toEqual(points(b!).reverse());
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
