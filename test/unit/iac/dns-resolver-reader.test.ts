// The Bicep and Terraform readers on DNS private resolvers written by hand: a dynamic inbound endpoint
// has no known address, a forwarding rule the reader cannot evaluate makes the ruleset's rules unknown
// (not "no rules"), and a resolver whose VNet cannot be told is said so, not placed anywhere.
import { describe, expect, it } from 'vitest';
import { bicep, el, tf } from './iac-support';

const bicepHead = `
param vnetId string
resource vnet 'Microsoft.Network/virtualNetworks@2025-05-01' = {
  name: 'vnet-hub'
  location: 'westeurope'
  properties: {
    addressSpace: { addressPrefixes: ['10.0.0.0/16'] }
    subnets: [
      { name: 'in', properties: { addressPrefix: '10.0.0.0/28' } }
      { name: 'out', properties: { addressPrefix: '10.0.0.16/28' } }
    ]
  }
}
resource dnspr 'Microsoft.Network/dnsResolvers@2025-05-01' = {
  name: 'dnspr'
  location: 'westeurope'
  properties: { virtualNetwork: { id: vnet.id } }
}
resource inbound 'Microsoft.Network/dnsResolvers/inboundEndpoints@2025-05-01' = {
  parent: dnspr
  name: 'in-ep'
  location: 'westeurope'
  properties: { ipConfigurations: [ { privateIpAllocationMethod: 'Dynamic', subnet: { id: '\${vnet.id}/subnets/in' } } ] }
}
resource outbound 'Microsoft.Network/dnsResolvers/outboundEndpoints@2025-05-01' = {
  parent: dnspr
  name: 'out-ep'
  location: 'westeurope'
  properties: { subnet: { id: '\${vnet.id}/subnets/out' } }
}
resource rs 'Microsoft.Network/dnsForwardingRulesets@2025-05-01' = {
  name: 'rs'
  location: 'westeurope'
  properties: { dnsResolverOutboundEndpoints: [ { id: outbound.id } ] }
}
resource link 'Microsoft.Network/dnsForwardingRulesets/virtualNetworkLinks@2025-05-01' = {
  parent: rs
  name: 'link'
  properties: { virtualNetwork: { id: vnet.id } }
}
`;

const rels = (r: Awaited<ReturnType<typeof bicep>>, kind: string) => r.design.relations.filter((x) => x.kind === kind);

describe('Bicep: DNS private resolver', () => {
  it('reads the resolver in its VNet, a dynamic inbound endpoint without an address, the ruleset with its rule and link', async () => {
    const r = await bicep(`${bicepHead}
resource rule 'Microsoft.Network/dnsForwardingRulesets/forwardingRules@2025-05-01' = {
  parent: rs
  name: 'corp'
  properties: { domainName: 'corp.contoso.com.', forwardingRuleState: 'Disabled', targetDnsServers: [ { ipAddress: '192.168.1.4', port: 53 } ] }
}`);
    expect(el(r, 'dnspr')).toMatchObject({ kind: 'dnsResolver', name: 'dnspr', parent: 'vnet' });
    expect(rels(r, 'resolverInbound')).toEqual([expect.objectContaining({ from: 'dnspr', endpointName: 'in-ep' })]);
    expect(rels(r, 'resolverInbound')[0]).not.toHaveProperty('privateIpAddress');
    expect(rels(r, 'resolverOutbound')).toEqual([expect.objectContaining({ from: 'dnspr', endpointName: 'out-ep' })]);
    expect(rels(r, 'rulesetOutbound')).toEqual([expect.objectContaining({ from: 'rs', to: 'dnspr' })]);
    expect(rels(r, 'rulesetLink')).toEqual([expect.objectContaining({ from: 'rs', to: 'vnet' })]);
    expect(el(r, 'rs')).toMatchObject({ rules: [{ name: 'corp', domainName: 'corp.contoso.com.', targetDnsServers: [{ ipAddress: '192.168.1.4', port: 53 }], enabled: false }] });
  });
  it('a rule whose targets are a parameter makes the ruleset rules unknown', async () => {
    const r = await bicep(`${bicepHead}
param targets array
resource rule 'Microsoft.Network/dnsForwardingRulesets/forwardingRules@2025-05-01' = {
  parent: rs
  name: 'corp'
  properties: { domainName: 'corp.contoso.com.', targetDnsServers: targets }
}`);
    expect(el(r, 'rs')).not.toHaveProperty('rules');
  });
  it('a resolver in a VNet given as a parameter is not placed, and says so', async () => {
    const r = await bicep(`${bicepHead}
resource other 'Microsoft.Network/dnsResolvers@2025-05-01' = {
  name: 'other'
  location: 'westeurope'
  properties: { virtualNetwork: { id: vnetId } }
}`);
    expect(r.design.elements.some((e) => e.name === 'other')).toBe(false);
    expect(r.diagnostics.map((d) => d.message)).toContainEqual(expect.stringMatching(/which virtual network DNS resolver 'other' belongs to/));
  });
});

describe('Terraform: DNS private resolver', () => {
  const head = `
resource "azurerm_virtual_network" "hub" {
  name                = "vnet-hub"
  location            = "westeurope"
  resource_group_name = "rg"
  address_space       = ["10.0.0.0/16"]
}
resource "azurerm_subnet" "in" {
  name                 = "in"
  resource_group_name  = "rg"
  virtual_network_name = azurerm_virtual_network.hub.name
  address_prefixes     = ["10.0.0.0/28"]
}
resource "azurerm_private_dns_resolver" "r" {
  name                = "dnspr"
  resource_group_name = "rg"
  location            = "westeurope"
  virtual_network_id  = azurerm_virtual_network.hub.id
}
resource "azurerm_private_dns_resolver_inbound_endpoint" "in" {
  name                    = "in-ep"
  private_dns_resolver_id = azurerm_private_dns_resolver.r.id
  location                = "westeurope"
  ip_configurations {
    private_ip_allocation_method = "Static"
    private_ip_address           = "10.0.0.4"
    subnet_id                    = azurerm_subnet.in.id
  }
}
resource "azurerm_private_dns_resolver_dns_forwarding_ruleset" "rs" {
  name                                       = "rs"
  resource_group_name                        = "rg"
  location                                   = "westeurope"
  private_dns_resolver_outbound_endpoint_ids = [var.outbound_id]
}
`;
  it('reads a static inbound endpoint with its address; an outbound endpoint id from a variable relates the ruleset to nothing', async () => {
    const r = await tf(`${head}
resource "azurerm_private_dns_resolver_forwarding_rule" "corp" {
  name                      = "corp"
  dns_forwarding_ruleset_id = azurerm_private_dns_resolver_dns_forwarding_ruleset.rs.id
  domain_name               = "corp.contoso.com."
  target_dns_servers {
    ip_address = "192.168.1.4"
  }
}`);
    expect(el(r, 'azurerm_private_dns_resolver.r')).toMatchObject({ kind: 'dnsResolver', parent: 'azurerm_virtual_network.hub' });
    expect(r.design.relations.filter((x) => x.kind === 'resolverInbound')).toEqual([expect.objectContaining({ endpointName: 'in-ep', privateIpAddress: '10.0.0.4' })]);
    expect(r.design.relations.filter((x) => x.kind === 'rulesetOutbound')).toEqual([]);
    expect(el(r, 'azurerm_private_dns_resolver_dns_forwarding_ruleset.rs')).toMatchObject({ rules: [{ name: 'corp', domainName: 'corp.contoso.com.', targetDnsServers: [{ ipAddress: '192.168.1.4' }] }] });
  });
  it('a rule with targets from a variable makes the rules unknown', async () => {
    const r = await tf(`${head}
resource "azurerm_private_dns_resolver_forwarding_rule" "corp" {
  name                      = "corp"
  dns_forwarding_ruleset_id = azurerm_private_dns_resolver_dns_forwarding_ruleset.rs.id
  domain_name               = "corp.contoso.com."
  dynamic "target_dns_servers" {
    for_each = var.targets
    content {
      ip_address = target_dns_servers.value
    }
  }
}`);
    expect(el(r, 'azurerm_private_dns_resolver_dns_forwarding_ruleset.rs')).not.toHaveProperty('rules');
  });
});
