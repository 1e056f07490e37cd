// The DNS resolver sections of both exports beyond the fixtures: a dynamic inbound endpoint, an endpoint
// named after its subnet when the design gives no name, and what cannot be deployed said in a comment.
import { describe, expect, it } from 'vitest';
import { exportDesign } from '../../../src/core/export/export-design';
import type { Relation } from '../../../src/core/model/schema';
import { edited, loadFixture, removeRelations, set } from '../support/designs';
import { add, relate, updateRelation } from '../rules/ppv-fixtures';

const hybrid = loadFixture('hybrid-dns');
const file = (d: typeof hybrid, format: 'bicep' | 'terraform', path: string) => exportDesign(d, format, { designFile: 'hybrid-dns.ppvnet.json' }).find((f) => f.path === path)!.content;

describe('DNS private resolver export', () => {
  it('a dynamic inbound endpoint, named after its subnet', () => {
    const d = edited(hybrid, updateRelation('dnspr-in', { privateIpAddress: undefined, endpointName: undefined }));
    const bicep = file(d, 'bicep', 'main.bicep');
    expect(bicep).toMatch(/name: 'in-snet-dns-inbound'\n[^]*?privateIpAllocationMethod: 'Dynamic'\n\s+subnet:/);
    expect(bicep).not.toContain('privateIpAddress:');
    const tf = file(d, 'terraform', 'main.tf');
    expect(tf).toMatch(/name\s+= "in-snet-dns-inbound"/);
    expect(tf).toMatch(/private_ip_allocation_method = "Dynamic"\n\s+subnet_id/);
  });
  it('a disabled rule and a target without a port (53)', () => {
    const d = edited(hybrid, { op: 'updateElement', id: 'dnsfrs-hub', set: { rules: [{ name: 'old', domainName: 'old.contoso.com.', targetDnsServers: [{ ipAddress: '192.168.3.4' }], enabled: false }] } });
    expect(file(d, 'bicep', 'main.bicep')).toMatch(/forwardingRuleState: 'Disabled'\n\s+targetDnsServers: \[\n\s+\{\n\s+ipAddress: '192.168.3.4'\n\s+port: 53/);
    expect(file(d, 'terraform', 'main.tf')).toMatch(/enabled\s+= false\n\s+target_dns_servers \{\n\s+ip_address = "192.168.3.4"\n\s+port\s+= 53/);
  });
  it('names a ruleset link after the VNet as deployed (its name parameter or resource), as zone links are named', () => {
    const bicep = file(hybrid, 'bicep', 'main.bicep');
    const links = [...bicep.matchAll(/'Microsoft\.Network\/dnsForwardingRulesets\/virtualNetworkLinks@[^']+' = \{\n\s+parent: \w+\n\s+name: ([^\n]+)/g)].map((m) => m[1]);
    expect(links.length).toBe(hybrid.relations.filter((r) => r.kind === 'rulesetLink').length);
    for (const name of links) expect(name).toMatch(/^'link-\$\{\w+Name\}'$/);
    const tf = file(hybrid, 'terraform', 'main.tf');
    const tfLinks = [...tf.matchAll(/resource "azurerm_private_dns_resolver_virtual_network_link" "\w+" \{\n\s+name\s+= ([^\n]+)/g)].map((m) => m[1]);
    expect(tfLinks.length).toBe(links.length);
    for (const name of tfLinks) expect(name).toMatch(/^"link-\$\{azurerm_virtual_network\.\w+\.name\}"$/);
  });
  it('a ruleset without an outbound endpoint is not exported, and the files say so', () => {
    const d = edited(hybrid, removeRelations('dnspr-out'), add([{ id: 'dnsfrs-x', kind: 'dnsForwardingRuleset', name: 'dnsfrs-x', region: 'westeurope', rules: [] }]));
    for (const [format, path, type] of [['bicep', 'main.bicep', 'Microsoft.Network/dnsForwardingRulesets@'], ['terraform', 'main.tf', 'azurerm_private_dns_resolver_dns_forwarding_ruleset"']] as const) {
      const text = file(d, format, path);
      expect(text).not.toContain(type);
      expect(text).toMatch(/Not exported: "dnsfrs-hub", "dnsfrs-x": a resolver needs its VNet, and a ruleset a resolver with an outbound endpoint/);
    }
  });
});

describe('DNS resolver endpoint names made up from subnets', () => {
  // "snet dns (in)" gives "in-snet-dns-in", which the subnet "snet-dns-in" gives as is: one resolver, two endpoints.
  const clash = edited(
    hybrid,
    set('snet-dns-in', { name: 'snet dns (in)' }),
    set('snet-pe', { name: 'snet-dns-in' }),
    updateRelation('dnspr-in', { endpointName: undefined }),
    relate({ id: 'dnspr-in2', kind: 'resolverInbound', from: 'dnspr-hub', to: 'snet-pe' } as Relation),
  );
  const bicepNames = (d: typeof hybrid) => [...file(d, 'bicep', 'main.bicep').matchAll(/'Microsoft\.Network\/dnsResolvers\/inboundEndpoints@[^']+' = \{\n\s+parent: \w+\n\s+name: '([^']+)'/g)].map((m) => m[1]);
  const tfNames = (d: typeof hybrid) => [...file(d, 'terraform', 'main.tf').matchAll(/resource "azurerm_private_dns_resolver_inbound_endpoint" "\w+" \{\n\s+name\s+= "([^"]+)"/g)].map((m) => m[1]);

  it('follow the endpoint naming rules whatever the subnet is called, and stay unique in their resolver', () => {
    for (const names of [bicepNames(clash), tfNames(clash)]) {
      // The name valid as is keeps it; the sanitised one gives way.
      expect(names).toEqual(['in-snet-dns-in-2', 'in-snet-dns-in']);
      for (const n of names) expect(n).toMatch(/^[A-Za-z0-9](?:[A-Za-z0-9_-]{0,78}[A-Za-z0-9])?$/);
    }
  });

  it('leave a designed endpoint name as designed', () => {
    expect(bicepNames(hybrid)).toEqual(['in-hub-weu']);
    expect(tfNames(hybrid)).toEqual(['in-hub-weu']);
  });
});
