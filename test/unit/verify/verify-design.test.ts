// The verifier on whole designs: the shipped seed, hub-and-spoke with forced tunnelling through an
// appliance, custom DNS in a hub, on-premises through gateway transit, and edits that break each.
import { describe, expect, it } from 'vitest';
import type { Design } from '../../../src/core/model/schema';
import { verifyDesign } from '../../../src/core/verify/verify-design';
import { edited, loadFixture, remove, removeRelations, set } from '../support/designs';
import { add, seed, updateRelation } from '../rules/ppv-fixtures';

const verdicts = (d: Design, from?: string) => Object.fromEntries(verifyDesign(d, from ? { from } : {}).map((f) => [f.id, f.verdict]));
const flow = (d: Design, id: string) => {
  const f = verifyDesign(d).find((x) => x.id === id);
  if (!f) throw new Error(`no flow ${id}; flows: ${verifyDesign(d).map((x) => x.id).join(', ')}`);
  return f;
};

const firewall = loadFixture('hub-spoke-firewall');
const customDns = loadFixture('custom-dns-hub');

describe('the seed', () => {
  it('reaches every private endpoint and Azure DNS from both regions', () => {
    const flows = verifyDesign(seed);
    expect(flows.map((f) => `${f.side} ${f.verdict}`)).toEqual(Array(6).fill(0).map((_, i) => `${i < 3 ? 'primary' : 'failover'} reachable`));
    expect(flows.every((f) => !f.implied)).toBe(true);
  });
  it('a one-way peering drops the failover side on the system route for 10.0.0.0/8', () => {
    const f = flow(edited(seed, removeRelations('peer-neu-weu')), 'policy-prod/snet-pp-neu->pe-kv');
    expect(f.verdict).toBe('blocked');
    expect(f.deciding).toMatchObject({ kind: 'route', elementId: 'vnet-neu' });
    expect(f.deciding?.text).toMatch(/10\.0\.0\.0\/8 → None/);
    expect(flow(edited(seed, removeRelations('peer-neu-weu')), 'policy-prod/snet-pp-weu->pe-kv').verdict).toBe('reachable');
  });
  it('a zone not linked to the failover VNet blocks resolution there', () => {
    const f = flow(edited(seed, removeRelations('dns-vault-neu')), 'policy-prod/snet-pp-neu->pe-kv');
    expect(f.deciding).toMatchObject({ kind: 'dns', verdict: 'blocked', elementId: 'dns-vault' });
  });
  it('an outbound NSG rule that denies HTTPS names the rule', () => {
    const nsg = seed.elements.find((e) => e.id === 'nsg-neu');
    const rules = nsg?.kind === 'nsg' ? nsg.rules ?? [] : [];
    const d = edited(seed, set('nsg-neu', { rules: [...rules, { name: 'DenyVault', priority: 115, direction: 'Outbound', access: 'Deny', protocol: 'Tcp', sourceAddressPrefix: '*', sourcePortRange: '*', destinationAddressPrefix: '10.10.0.0/16', destinationPortRange: '443' }] }));
    const f = flow(d, 'policy-prod/snet-pp-neu->pe-kv');
    expect(f.deciding).toMatchObject({ kind: 'nsg', elementId: 'nsg-neu', property: 'rules' });
    expect(f.deciding?.text).toMatch(/DenyVault.*priority 115/);
    // Without it, the seed's own rule at 120 lets HTTPS to the endpoint subnet through.
    expect(flow(seed, 'policy-prod/snet-pp-neu->pe-kv').hops.find((h) => h.kind === 'nsg')?.text).toMatch(/AllowHttpsToPrivateEndpoints/);
  });
  it("the private endpoint subnet's inbound NSG applies only with network policies enabled", () => {
    const subnetId = seed.relations.find((r) => r.kind === 'peSubnet' && r.from === 'pe-kv')!.to;
    const deny = add(
      [{ id: 'nsg-pe', kind: 'nsg', name: 'nsg-pe', rules: [{ name: 'DenyFromNeu', priority: 100, direction: 'Inbound', access: 'Deny', protocol: '*', sourceAddressPrefix: '10.20.0.0/16', sourcePortRange: '*', destinationAddressPrefix: '*', destinationPortRange: '*' }] }],
      [{ id: 'nsg-pe-a', kind: 'nsgAssociation', from: 'nsg-pe', to: subnetId }],
    );
    const neuFlow = 'policy-prod/snet-pp-neu->pe-kv';
    expect(flow(edited(seed, deny, set(subnetId, { privateEndpointNetworkPolicies: 'Disabled' })), neuFlow).verdict).toBe('reachable');
    expect(flow(edited(seed, deny, set(subnetId, { privateEndpointNetworkPolicies: 'Enabled' })), neuFlow).deciding).toMatchObject({ elementId: 'nsg-pe' });
  });
  it('a connector calling an internet host needs a NAT gateway on the delegated subnet', () => {
    const d = edited(seed, set('conn-casemgmt', { host: 'api.example.com' }));
    const f = verifyDesign(d, { to: 'internet:api.example.com' });
    expect(f.map((x) => x.verdict)).toHaveLength(2);
    const hasNat = (subnet: string) => d.relations.some((r) => r.kind === 'natAssociation' && r.to === subnet);
    for (const x of f) expect(x.verdict).toBe(hasNat(x.sourceSubnetId) ? 'reachable' : 'blocked');
    const withoutNat = edited(d, removeRelations(...d.relations.filter((r) => r.kind === 'natAssociation').map((r) => r.id)));
    for (const x of verifyDesign(withoutNat, { to: 'internet:api.example.com' })) {
      expect(x.deciding).toMatchObject({ kind: 'nat', verdict: 'blocked', elementId: x.sourceSubnetId });
    }
  });
  it('without declared workloads, every private endpoint is an implied target (IaC designs)', () => {
    const bare = edited(seed, removeRelations(...seed.relations.filter((r) => r.kind === 'workload').map((r) => r.id)));
    const flows = verifyDesign(bare).filter((f) => f.target.kind === 'privateEndpoint');
    expect(flows.length).toBe(2 * seed.elements.filter((e) => e.kind === 'privateEndpoint').length);
    expect(flows.every((f) => f.implied)).toBe(true);
  });
  it('filters by source and target', () => {
    expect(Object.keys(verdicts(seed, 'vnet-neu')).every((id) => id.includes('snet-pp-neu'))).toBe(true);
    expect(verifyDesign(seed, { to: 'pe-kv' }).map((f) => f.target)).toEqual([{ kind: 'privateEndpoint', id: 'pe-kv', serviceId: 'kv' }, { kind: 'privateEndpoint', id: 'pe-kv', serviceId: 'kv' }]);
  });
  it('a private endpoint without a known subnet is unknown, never a guess', () => {
    expect(flow(edited(seed, removeRelations('pe-kv-subnet')), 'policy-prod/snet-pp-neu->pe-kv').verdict).toBe('unknown');
  });
});

describe('hub and spoke with forced tunnelling through an appliance', () => {
  const kv = 'policy-eu/snet-pp-neu->pe-kv';
  const dc = 'policy-eu/snet-pp-neu->onprem-dc';
  it('crosses the appliance, whose own rules are unknown', () => {
    const f = flow(firewall, kv);
    expect(f.verdict).toBe('unknown');
    expect(f.deciding).toMatchObject({ kind: 'appliance', elementId: 'snet-nva' });
    expect(f.hops.map((h) => h.kind)).toEqual(['subnet', 'dns', 'route', 'appliance', 'peering', 'privateEndpoint']);
  });
  it('names the peering that refuses what the appliance forwards', () => {
    const f = flow(edited(firewall, updateRelation('shared-hub', { allowForwardedTraffic: false })), kv);
    expect(f.verdict).toBe('blocked');
    expect(f.deciding).toMatchObject({ kind: 'peering', relationId: 'shared-hub', property: 'allowForwardedTraffic' });
    const back = flow(edited(firewall, updateRelation('neu-hub', { allowForwardedTraffic: false })), kv);
    expect(back.deciding).toMatchObject({ relationId: 'neu-hub', property: 'allowForwardedTraffic' });
  });
  it('an appliance IP that no element holds is unknown with that reason (a firewall hop to come)', () => {
    const d = edited(firewall, set('rt-spokes', { routes: [{ name: 'default-via-firewall', addressPrefix: '0.0.0.0/0', nextHopType: 'VirtualAppliance', nextHopIpAddress: '10.99.0.4' }] }));
    const f = flow(d, kv);
    expect(f.verdict).toBe('unknown');
    expect(f.deciding).toMatchObject({ kind: 'appliance', elementId: 'rt-spokes', property: 'routes' });
    expect(f.deciding?.text).toMatch(/10\.99\.0\.4 is in no subnet of the design/);
  });
  it('a route to None names the route', () => {
    const d = edited(firewall, set('rt-spokes', { routes: [{ name: 'blackhole', addressPrefix: '10.30.0.0/16', nextHopType: 'None' }] }));
    expect(flow(d, kv).deciding).toMatchObject({ kind: 'route', elementId: 'rt-spokes', property: 'routes' });
  });
  it('with gateway route propagation on, the datacentre is reached by gateway transit, not the appliance', () => {
    const d = edited(firewall, set('rt-spokes', { bgpRoutePropagation: true }));
    const f = flow(d, dc);
    expect(f.verdict).toBe('reachable');
    expect(f.hops.map((h) => h.kind)).toEqual(['subnet', 'gateway', 'onPremises']);
    // Without useRemoteGateways on the failover spoke, only the appliance is left.
    expect(flow(edited(d, updateRelation('neu-hub', { useRemoteGateways: false })), dc).verdict).toBe('unknown');
    // And with no route table at all, nothing: 192.168.0.0/16 is dropped by the system route.
    const bare = edited(d, updateRelation('neu-hub', { useRemoteGateways: false }), removeRelations('rt-neu'));
    expect(flow(bare, dc)).toMatchObject({ verdict: 'blocked', deciding: { kind: 'route', elementId: 'vnet-neu' } });
  });
  it('judges an unknown on-premises port against a port-specific NSG rule as unknown', () => {
    const d = edited(firewall, set('rt-spokes', { bgpRoutePropagation: true }), add(
      [{ id: 'nsg-pp', kind: 'nsg', name: 'nsg-pp', rules: [{ name: 'AllowHttpsOnly', priority: 100, direction: 'Outbound', access: 'Allow', protocol: 'Tcp', sourceAddressPrefix: '*', sourcePortRange: '*', destinationAddressPrefix: '192.168.0.0/16', destinationPortRange: '443' }, { name: 'DenyDc', priority: 200, direction: 'Outbound', access: 'Deny', protocol: '*', sourceAddressPrefix: '*', sourcePortRange: '*', destinationAddressPrefix: '192.168.0.0/16', destinationPortRange: '*' }] }],
      [{ id: 'nsg-pp-a', kind: 'nsgAssociation', from: 'nsg-pp', to: 'snet-pp-neu' }],
    ));
    expect(flow(d, dc).verdict).toBe('unknown');
  });
});

describe('custom DNS in a hub', () => {
  it('the failover VNet, not peered with the hub, cannot reach its DNS server', () => {
    expect(verdicts(customDns)).toEqual({ 'policy-eu/snet-pp-weu->dns:10.0.2.4': 'reachable', 'policy-eu/snet-pp-neu->dns:10.0.2.4': 'blocked' });
  });
  it('peering it both ways fixes it; an inbound NSG on the DNS subnet is then judged', () => {
    const peered = edited(customDns, add([], [
      { id: 'neu-hub', kind: 'peering', from: 'vnet-neu', to: 'vnet-hub', allowVirtualNetworkAccess: true },
      { id: 'hub-neu', kind: 'peering', from: 'vnet-hub', to: 'vnet-neu', allowVirtualNetworkAccess: true },
    ]));
    expect(flow(peered, 'policy-eu/snet-pp-neu->dns:10.0.2.4').verdict).toBe('reachable');
    const narrowed = edited(peered, set('nsg-dns', { rules: [{ name: 'AllowDnsFromWeu', priority: 100, direction: 'Inbound', access: 'Allow', protocol: '*', sourceAddressPrefix: '10.10.0.0/16', sourcePortRange: '*', destinationAddressPrefix: '*', destinationPortRange: '53' }, { name: 'DenyAllElse', priority: 4000, direction: 'Inbound', access: 'Deny', protocol: '*', sourceAddressPrefix: '*', sourcePortRange: '*', destinationAddressPrefix: '*', destinationPortRange: '*' }] }));
    expect(flow(narrowed, 'policy-eu/snet-pp-neu->dns:10.0.2.4').deciding?.text).toMatch(/DenyAllElse/);
  });
  it('private endpoint names resolved by a custom server are unknown: its forwarding is not in the design', () => {
    const d = edited(seed, set('vnet-weu', { dnsServers: ['10.10.0.4'] }));
    const f = flow(d, 'policy-prod/snet-pp-weu->pe-kv');
    expect(f.verdict).toBe('unknown');
    expect(f.deciding).toMatchObject({ kind: 'dns', elementId: 'vnet-weu', property: 'dnsServers' });
  });
});

describe('a closed service without a private endpoint', () => {
  it('is blocked on its publicNetworkAccess', () => {
    const f = verifyDesign(edited(seed, remove('pe-kv')), { to: 'kv' });
    expect(f.map((x) => x.deciding)).toEqual([
      expect.objectContaining({ elementId: 'kv', property: 'publicNetworkAccess' }),
      expect.objectContaining({ elementId: 'kv', property: 'publicNetworkAccess' }),
    ]);
  });
});
