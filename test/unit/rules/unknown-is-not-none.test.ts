// Unknown is not none (#13 item 4): on IaC whose names, VNet ids, subnets and lists are all parameters or
// loops over variables, no rule of the catalog reports an error or warning (it cannot know the value it
// would judge), and a rule whose subject is such a list says it cannot tell, as info.
import { describe, expect, it } from 'vitest';
import type { IacReadResult } from '../../../src/core/iac/read-iac';
import { validateDesign } from '../../../src/core/rules/engine';
import { RULES } from '../../../src/core/rules/registry';
import { bicep, tf } from '../iac/iac-support';

/** A policy module: every VNet id and subnet name comes from a parameter, the list from a loop over one. */
const BICEP_POLICY_MODULE = `
param name string
param location string
param vnetIds array
param subnetName string
resource policy 'Microsoft.PowerPlatform/enterprisePolicies@2020-10-30-preview' = {
  name: name
  location: location
  kind: 'NetworkInjection'
  properties: {
    networkInjection: {
      virtualNetworks: [for id in vnetIds: { id: id, subnet: { name: subnetName } }]
    }
  }
}
`;

/** A literal list whose ids are parameters, in a paired geography: neither entry names a VNet of the read. */
const BICEP_POLICY_IDS = `
param primaryVnetId string
param failoverVnetId string
resource policy 'Microsoft.PowerPlatform/enterprisePolicies@2020-10-30-preview' = {
  name: 'ep'
  location: 'europe'
  kind: 'NetworkInjection'
  properties: {
    networkInjection: {
      virtualNetworks: [
        { id: primaryVnetId, subnet: { name: 'snet-pp' } }
        { id: failoverVnetId, subnet: { name: 'snet-pp' } }
      ]
    }
  }
}
`;

/** The same policy in a paired geography, whose VNet list is a parameter as a whole. */
const BICEP_POLICY_LIST_PARAM = `
param networks array
resource policy 'Microsoft.PowerPlatform/enterprisePolicies@2020-10-30-preview' = {
  name: 'ep'
  location: 'europe'
  kind: 'NetworkInjection'
  properties: {
    networkInjection: {
      virtualNetworks: networks
    }
  }
}
`;

/** One VNet known and delegated, the failover one a parameter: half a pair is not a missing pair. */
const BICEP_POLICY_HALF_KNOWN = `
param failoverVnetId string
resource vnet 'Microsoft.Network/virtualNetworks@2023-11-01' = {
  name: 'vnet-weu'
  location: 'westeurope'
  properties: {
    addressSpace: { addressPrefixes: ['10.0.0.0/16'] }
    subnets: [
      {
        name: 'snet-pp'
        properties: {
          addressPrefix: '10.0.1.0/24'
          delegations: [ { name: 'pp', properties: { serviceName: 'Microsoft.PowerPlatform/enterprisePolicies' } } ]
        }
      }
    ]
  }
}
resource policy 'Microsoft.PowerPlatform/enterprisePolicies@2020-10-30-preview' = {
  name: 'ep'
  location: 'europe'
  kind: 'NetworkInjection'
  properties: {
    networkInjection: {
      virtualNetworks: [
        { id: vnet.id, subnet: { name: 'snet-pp' } }
        { id: failoverVnetId, subnet: { name: 'snet-pp' } }
      ]
    }
  }
}
`;

/** A network module: the VNet, its subnets, their NSG and NAT gateway are all parameters. */
const BICEP_NETWORK_MODULE = `
param vnetName string
param location string
param addressSpace array
param subnets array
param nsgId string
param natGatewayId string
resource vnet 'Microsoft.Network/virtualNetworks@2023-11-01' = {
  name: vnetName
  location: location
  properties: {
    addressSpace: { addressPrefixes: addressSpace }
    subnets: [for s in subnets: {
      name: s.name
      properties: {
        addressPrefix: s.prefix
        delegations: s.delegations
        networkSecurityGroup: { id: nsgId }
        natGateway: { id: natGatewayId }
      }
    }]
  }
}
`;

/** Terraform: the policy's VNet list is a \`for\` expression over a variable. */
const TF_POLICY_FOR = `
variable "name" { type = string }
variable "location" { type = string }
variable "vnet_ids" { type = list(string) }
variable "subnet_name" { type = string }
resource "azapi_resource" "policy" {
  type      = "Microsoft.PowerPlatform/enterprisePolicies@2020-10-30-preview"
  name      = var.name
  location  = var.location
  parent_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg"
  body = {
    kind = "NetworkInjection"
    properties = { networkInjection = { virtualNetworks = [for id in var.vnet_ids : { id = id, subnet = { name = var.subnet_name } }] } }
  }
}
`;

/** Terraform: the same in a known paired geography, so only the VNets are unknown. */
const TF_POLICY_FOR_EUROPE = TF_POLICY_FOR.replace('location  = var.location', 'location  = "europe"');

/** Terraform: a VNet and subnets from variables, associated with an NSG and a NAT gateway by variable ids. */
const TF_NETWORK = `
variable "vnet_name" { type = string }
variable "location" { type = string }
variable "address_space" { type = list(string) }
variable "subnets" { type = map(object({ prefix = string })) }
variable "nsg_id" { type = string }
variable "nat_gateway_id" { type = string }
resource "azurerm_virtual_network" "v" {
  name                = var.vnet_name
  location            = var.location
  resource_group_name = "rg"
  address_space       = var.address_space
}
resource "azurerm_subnet" "s" {
  for_each             = var.subnets
  name                 = each.key
  resource_group_name  = "rg"
  virtual_network_name = azurerm_virtual_network.v.name
  address_prefixes     = [each.value.prefix]
}
resource "azurerm_subnet_network_security_group_association" "s" {
  for_each                  = var.subnets
  subnet_id                 = azurerm_subnet.s[each.key].id
  network_security_group_id = var.nsg_id
}
resource "azurerm_subnet_nat_gateway_association" "s" {
  for_each       = var.subnets
  subnet_id      = azurerm_subnet.s[each.key].id
  nat_gateway_id = var.nat_gateway_id
}
`;

const INPUTS: Record<string, () => Promise<IacReadResult>> = {
  'Bicep policy module (param vnetIds array)': () => bicep(BICEP_POLICY_MODULE),
  'Bicep policy in europe with parameter VNet ids': () => bicep(BICEP_POLICY_IDS),
  'Bicep policy whose VNet list is a parameter (europe)': () => bicep(BICEP_POLICY_LIST_PARAM),
  'Bicep policy in europe with one known VNet and a parameter one': () => bicep(BICEP_POLICY_HALF_KNOWN),
  'Bicep network module with parameter names and lists': () => bicep(BICEP_NETWORK_MODULE),
  'Bicep main calling both modules with parameters': () => bicep({
    'main.bicep': `param vnetIds array\nparam subnets array\nparam location string\nparam space array\nparam nsgId string\nparam natId string\nmodule net './net.bicep' = {\n  name: 'net'\n  params: { vnetName: 'vnet-\${location}', location: location, addressSpace: space, subnets: subnets, nsgId: nsgId, natGatewayId: natId }\n}\nmodule policy './policy.bicep' = {\n  name: 'policy'\n  params: { name: 'ep', location: location, vnetIds: vnetIds, subnetName: 'snet-pp' }\n}\n`,
    'net.bicep': BICEP_NETWORK_MODULE,
    'policy.bicep': BICEP_POLICY_MODULE,
  }),
  'Terraform policy with a for expression over a variable': () => tf(TF_POLICY_FOR),
  'Terraform policy in europe with a for expression over a variable': () => tf(TF_POLICY_FOR_EUROPE),
  'Terraform network from variables': () => tf(TF_NETWORK),
};

const reads = new Map<string, IacReadResult>();
async function read(name: string): Promise<IacReadResult> {
  if (!reads.has(name)) reads.set(name, await INPUTS[name]!());
  return reads.get(name)!;
}

describe('unknown is not none: no rule claims absence on unresolved IaC', () => {
  for (const rule of RULES) {
    it.each(Object.keys(INPUTS))(`${rule.meta.id} on %s: no error or warning`, async (name) => {
      const r = await read(name);
      const findings = validateDesign(r.design, { rules: [rule], locate: r.locate });
      expect(findings.filter((f) => f.severity !== 'info').map((f) => f.message)).toEqual([]);
    });
  }
});

describe('a rule whose subject is unknown says it cannot tell, as info', () => {
  const CANNOT_TELL: Record<string, string> = {
    'Bicep policy in europe with parameter VNet ids': 'PPV-004',
    'Bicep policy whose VNet list is a parameter (europe)': 'PPV-004',
    'Terraform policy in europe with a for expression over a variable': 'PPV-004',
    'Bicep policy in europe with one known VNet and a parameter one': 'PPV-004',
  };
  it.each(Object.entries(CANNOT_TELL))('%s: %s', async (name, ruleId) => {
    const r = await read(name);
    const findings = validateDesign(r.design, { locate: r.locate }).filter((f) => f.ruleId === ruleId);
    expect(findings.map((f) => [f.severity, f.message.startsWith('Cannot tell')])).toEqual([['info', true]]);
    expect(findings[0]?.location).toBeDefined();
  });

  it('stays info when the configuration raises the rule to error, and is gone when it is off', async () => {
    const r = await read('Bicep policy whose VNet list is a parameter (europe)');
    const raised = validateDesign(r.design, { config: { rules: { 'PPV-004': 'error' } } }).filter((f) => f.ruleId === 'PPV-004');
    expect(raised.map((f) => f.severity)).toEqual(['info']);
    expect(validateDesign(r.design, { config: { rules: { 'PPV-004': 'off' } } }).some((f) => f.ruleId === 'PPV-004')).toBe(false);
  });

  it('none is still none: an empty list written as such is the error it was', async () => {
    const r = await bicep(BICEP_POLICY_LIST_PARAM.replace('param networks array\n', '').replace('virtualNetworks: networks', 'virtualNetworks: []'));
    const findings = validateDesign(r.design).filter((f) => f.ruleId === 'PPV-004');
    expect(findings.map((f) => [f.severity, f.message])).toEqual([['error', expect.stringMatching(/injects into no VNet/)]]);
  });

  it('the marker does not survive a saved design: a design file is judged as the design it is', async () => {
    const r = await read('Bicep policy whose VNet list is a parameter (europe)');
    const copy = JSON.parse(JSON.stringify(r.design)) as typeof r.design;
    expect(validateDesign(copy).filter((f) => f.ruleId === 'PPV-004').map((f) => f.severity)).toEqual(['error']);
  });
});
