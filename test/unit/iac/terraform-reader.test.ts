// The Terraform reader on the paired fixture (for_each VNets, delegated subnets, NAT, NSG, peering, azapi
// policy, Power Platform environment and link) and on small modules exercising each resolution path.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { designSchema } from '../../../src/core/model/schema';
import { validateDesign } from '../../../src/core/rules/engine';
import { el, FIXTURES, lineAt, readFixture, rels, tf } from './iac-support';

describe('readTerraform: paired fixture', () => {
  it('reads the whole topology as a valid design', async () => {
    const r = await readFixture('terraform-paired');
    expect(designSchema.safeParse(r.design).success).toBe(true);
    expect(r.diagnostics).toEqual([]);
    expect(el(r, 'azurerm_virtual_network.vnet.weu')).toMatchObject({ kind: 'vnet', name: 'vnet-contoso-weu', region: 'westeurope', addressSpaces: ['10.10.0.0/16'] });
    expect(el(r, 'azurerm_subnet.pp.neu')).toMatchObject({ kind: 'subnet', parent: 'azurerm_virtual_network.vnet.neu', addressPrefix: '10.20.1.0/24', delegations: ['Microsoft.PowerPlatform/enterprisePolicies'] });
    expect(el(r, 'azurerm_subnet.pe.weu')).toMatchObject({ delegations: [], privateEndpointNetworkPolicies: 'Enabled' });
    expect(el(r, 'azapi_resource.policy')).toMatchObject({ kind: 'enterprisePolicy', geography: 'europe', apiVersion: '2020-10-30-preview', policyKind: 'NetworkInjection', networksShape: 'array' });
    expect(el(r, 'powerplatform_environment.prod')).toMatchObject({ kind: 'environment', geography: 'europe', environmentType: 'Production', managed: true });
    expect(el(r, 'azurerm_nat_gateway.nat.weu')).toMatchObject({ publicIpCount: 1, idleTimeoutMinutes: 4 });
    expect(rels(r, 'policySubnet')).toEqual(['azapi_resource.policy -> azurerm_subnet.pp.neu', 'azapi_resource.policy -> azurerm_subnet.pp.weu']);
    expect(rels(r, 'policyLink')).toEqual(['powerplatform_environment.prod -> azapi_resource.policy']);
    expect(rels(r, 'peering')).toEqual(['azurerm_virtual_network.vnet.neu -> azurerm_virtual_network.vnet.weu', 'azurerm_virtual_network.vnet.weu -> azurerm_virtual_network.vnet.neu']);
    expect(rels(r, 'natAssociation')).toHaveLength(2);
    expect(rels(r, 'nsgAssociation')).toHaveLength(2);
    expect(rels(r, 'dnsZoneLink')).toHaveLength(2);
    expect(rels(r, 'peSubnet')).toEqual(['azurerm_private_endpoint.kv -> azurerm_subnet.pe.weu']);
    expect(rels(r, 'peTarget')).toEqual(['azurerm_private_endpoint.kv -> azurerm_key_vault.kv']);
    expect(rels(r, 'peDnsZone')).toEqual(['azurerm_private_endpoint.kv -> azurerm_private_dns_zone.kv']);
  });

  it('locates elements and the attributes it read in the right file and line', async () => {
    const r = await readFixture('terraform-paired');
    const prefix = r.locate({ elementId: 'azurerm_subnet.pp.weu', property: 'addressPrefix' })!;
    expect(path.basename(prefix.file)).toBe('network.tf');
    expect(lineAt(prefix.file, prefix.range.start.line)).toContain('address_prefixes');
    const api = r.locate({ elementId: 'azapi_resource.policy', property: 'apiVersion' })!;
    expect(lineAt(api.file, api.range.start.line)).toContain('2020-10-30-preview');
    const head = r.locate({ elementId: 'azapi_resource.policy' })!;
    expect(lineAt(head.file, head.range.start.line)).toBe('resource "azapi_resource" "policy" {');
    // An unread property falls back to the element.
    expect(r.locate({ elementId: 'azapi_resource.policy', property: 'tenantId' })).toEqual(head);
  });
});

describe('readTerraform: resolution', () => {
  it('expands count with indexes and resolves indexed references', async () => {
    const r = await tf(`
      resource "azurerm_virtual_network" "v" {
        count         = 2
        name          = "vnet-\${count.index}"
        location      = ["westeurope", "northeurope"][count.index]
        address_space = [cidrsubnet("10.0.0.0/8", 8, count.index)]
      }
      resource "azurerm_subnet" "s" {
        count                = 2
        name                 = "snet"
        virtual_network_name = azurerm_virtual_network.v[count.index].name
        address_prefixes     = [cidrsubnet(azurerm_virtual_network.v[count.index].address_space[0], 8, 1)]
      }`);
    expect(el(r, 'azurerm_virtual_network.v.1')).toMatchObject({ name: 'vnet-1', addressSpaces: ['10.1.0.0/16'] });
    expect(el(r, 'azurerm_subnet.s.1')).toMatchObject({ parent: 'azurerm_virtual_network.v.1', addressPrefix: '10.1.1.0/24' });
  });

  it('reads inline subnet blocks and the jsonencode body form with literal ARM ids', async () => {
    const r = await tf(`
      resource "azurerm_virtual_network" "v" {
        name          = "vnet-a"
        location      = "brazilsouth"
        address_space = ["10.1.0.0/16"]
        subnet {
          name             = "snet-pp"
          address_prefixes = ["10.1.1.0/24"]
        }
      }
      resource "azapi_resource" "p" {
        type     = "Microsoft.PowerPlatform/enterprisePolicies@2020-10-30-preview"
        name     = "ep"
        location = "brazil"
        body = jsonencode({
          kind = "NetworkInjection"
          properties = { networkInjection = { virtualNetworks = [
            { id = "/subscriptions/0/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet-a", subnet = { name = "snet-pp" } },
            { id = "/subscriptions/0/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet-a", subnet = { name = "nope" } },
          ] } }
        })
      }`);
    expect(el(r, 'azurerm_virtual_network.v.snet-pp')).toMatchObject({ kind: 'subnet', addressPrefix: '10.1.1.0/24', delegations: [] });
    expect(rels(r, 'policySubnet')).toEqual(['azapi_resource.p -> azurerm_virtual_network.v.snet-pp']);
    expect(el(r, 'azapi_resource.p').unresolvedSubnets).toEqual([{ vnet: 'vnet-a', subnet: 'nope' }]);
  });

  it('leaves what it cannot evaluate unknown and links nothing by guesswork', async () => {
    const r = await tf(`
      variable "space" { type = string }
      variable "region" { default = null }
      resource "azurerm_virtual_network" "v" {
        name          = "vnet-\${var.space}"
        location      = var.region
        address_space = [var.space]
      }
      resource "azurerm_subnet" "s" {
        name                 = "snet"
        virtual_network_name = data.azurerm_virtual_network.hub.name
        address_prefixes     = ["10.0.0.0/24"]
      }
      resource "powerplatform_environment" "e" {
        display_name     = "dev"
        location         = "europe"
        environment_type = "Sandbox"
      }`);
    const v = el(r, 'azurerm_virtual_network.v');
    expect(v.name).toBe('v');
    expect(v.region).toBeUndefined();
    expect(v.addressSpaces).toBeUndefined();
    expect(r.design.elements.some((e) => e.id === 'azurerm_subnet.s')).toBe(false);
    expect(r.diagnostics.map((d) => d.message).join()).toContain('azurerm_subnet.s');
    expect(el(r, 'powerplatform_environment.e').managed).toBe(false);
  });

  it('reads azapi child subnets through parent_id and association resources', async () => {
    const r = await tf(`
      resource "azapi_resource" "vnet" {
        type     = "Microsoft.Network/virtualNetworks@2025-05-01"
        name     = "vnet-x"
        location = "uaenorth"
        body     = { properties = { addressSpace = { addressPrefixes = ["10.9.0.0/16"] } } }
      }
      resource "azapi_resource" "snet" {
        type      = "Microsoft.Network/virtualNetworks/subnets@2025-05-01"
        name      = "snet-pp"
        parent_id = azapi_resource.vnet.id
        body      = { properties = { addressPrefix = "10.9.1.0/24", delegations = [{ name = "pp", properties = { serviceName = "Microsoft.PowerPlatform/enterprisePolicies" } }] } }
      }
      resource "azurerm_route_table" "rt" {
        name     = "rt"
        location = "uaenorth"
        route {
          name           = "default"
          address_prefix = "0.0.0.0/0"
          next_hop_type  = "Internet"
        }
        route {
          name                   = "to-firewall"
          address_prefix         = "10.0.0.0/8"
          next_hop_type          = "VirtualAppliance"
          next_hop_in_ip_address = "10.9.0.4"
        }
      }
      resource "azurerm_subnet_route_table_association" "a" {
        subnet_id      = azapi_resource.snet.id
        route_table_id = azurerm_route_table.rt.id
      }`);
    expect(el(r, 'azapi_resource.snet')).toMatchObject({ parent: 'azapi_resource.vnet', delegations: ['Microsoft.PowerPlatform/enterprisePolicies'] });
    expect(el(r, 'azurerm_route_table.rt').routes).toEqual([
      { name: 'default', addressPrefix: '0.0.0.0/0', nextHopType: 'Internet' },
      { name: 'to-firewall', addressPrefix: '10.0.0.0/8', nextHopType: 'VirtualAppliance', nextHopIpAddress: '10.9.0.4' },
    ]);
    expect(rels(r, 'routeTableAssociation')).toEqual(['azurerm_route_table.rt -> azapi_resource.snet']);
  });

  it('keeps ids stable across reads and across file order', async () => {
    const a = await readFixture('terraform-paired');
    const b = await readFixture('terraform-paired');
    expect(b.design).toEqual(a.design);
    expect(FIXTURES).toBeTruthy();
  });
});

describe('readTerraform: data policies', () => {
  const policy = (environments: string, extra = '') => `
    resource "powerplatform_environment" "prod" {
      display_name     = "Case"
      location         = "europe"
      environment_type = "Production"
    }
    variable "envs" {
      type = list(string)
    }
    resource "powerplatform_data_loss_prevention_policy" "dlp" {
      display_name                      = "Case policy"
      default_connectors_classification = "Confidential"
      environment_type                  = "OnlyEnvironments"
      environments                      = ${environments}
      business_connectors = [{
        id                           = "/providers/Microsoft.PowerApps/apis/shared_sql"
        default_action_rule_behavior = ""
        action_rules                 = []
        endpoint_rules = [
          { order = 2, behavior = "Deny", endpoint = "*" },
          { order = 1, behavior = "Allow", endpoint = "sql1.database.windows.net,*" },
        ]
      }]
      non_business_connectors = []
      blocked_connectors      = [{ id = "http" }]
      custom_connectors_patterns = [{ order = 1, host_url_pattern = "*", data_group = "Ignore" }]
      ${extra}
    }`;

  it('reads groups, the default group (Confidential is Business), endpoint rules by order and the environments it names', async () => {
    const r = await tf(policy('[powerplatform_environment.prod.id]'));
    expect(designSchema.safeParse(r.design).success).toBe(true);
    expect(r.diagnostics).toEqual([]);
    expect(el(r, 'powerplatform_data_loss_prevention_policy.dlp')).toMatchObject({
      kind: 'dataPolicy', name: 'Case policy', environmentScope: 'OnlyEnvironments', defaultGroup: 'Business',
      connectors: [{ connector: '/providers/Microsoft.PowerApps/apis/shared_sql', group: 'Business' }, { connector: 'http', group: 'Blocked' }],
      endpointRules: [
        { connector: '/providers/Microsoft.PowerApps/apis/shared_sql', endpoint: 'sql1.database.windows.net,*', behavior: 'Allow' },
        { connector: '/providers/Microsoft.PowerApps/apis/shared_sql', endpoint: '*', behavior: 'Deny' },
      ],
      customConnectorPatterns: [{ hostUrlPattern: '*', group: 'Ignore' }],
    });
    expect(rels(r, 'dataPolicyScope')).toEqual(['powerplatform_data_loss_prevention_policy.dlp -> powerplatform_environment.prod']);
  });

  it('leaves the scope unknown, and says so, when the environments are not resources of the configuration', async () => {
    const r = await tf(policy('var.envs'));
    const p = el(r, 'powerplatform_data_loss_prevention_policy.dlp');
    expect(p).toMatchObject({ kind: 'dataPolicy', defaultGroup: 'Business' });
    expect(p).not.toHaveProperty('environmentScope');
    expect(rels(r, 'dataPolicyScope')).toEqual([]);
    expect(r.diagnostics.map((d) => d.message)).toEqual([expect.stringMatching(/Cannot tell statically which environments the data policy 'powerplatform_data_loss_prevention_policy\.dlp' names/)]);
  });

  it('leaves connector groups unknown when a group is not a literal list', async () => {
    const r = await tf(policy('[]').replace('non_business_connectors = []', 'non_business_connectors = var.envs'));
    const p = el(r, 'powerplatform_data_loss_prevention_policy.dlp');
    expect(p).not.toHaveProperty('connectors');
    expect(p).not.toHaveProperty('endpointRules');
  });
});

describe('readTerraform: VNet data gateways', () => {
  it('infers a gateway in each subnet delegated to vnetaccesslinks, so the gateway rules judge the subnet', async () => {
    const text = `
      resource "azurerm_virtual_network" "v" {
        name                = "vnet-dgw"
        location            = "westindia"
        resource_group_name = "rg"
        address_space       = ["10.30.0.0/16"]
      }
      resource "azurerm_subnet" "dgw" {
        name                 = "snet-datagateway"
        resource_group_name  = "rg"
        virtual_network_name = azurerm_virtual_network.v.name
        address_prefixes     = ["10.30.3.0/27"]
        delegation {
          name = "dgw"
          service_delegation {
            name = "Microsoft.PowerPlatform/vnetaccesslinks"
          }
        }
      }
      resource "azurerm_subnet" "other" {
        name                 = "snet-other"
        resource_group_name  = "rg"
        virtual_network_name = azurerm_virtual_network.v.name
        address_prefixes     = ["10.30.4.0/27"]
      }`;
    const r = await tf(text);
    expect(designSchema.safeParse(r.design).success).toBe(true);
    const gateways = r.design.elements.filter((e) => e.kind === 'vnetDataGateway');
    expect(gateways.map((g) => g.name)).toEqual(['VNet data gateway in snet-datagateway']);
    expect(gateways[0]).not.toHaveProperty('memberCount');
    expect(rels(r, 'dataGatewaySubnet')).toEqual([`${gateways[0]!.id} -> azurerm_subnet.dgw`]);
    // westindia is not a VNet data gateway region: PPV-044 now reports it, at the subnet's delegation.
    const findings = validateDesign(r.design, { locate: r.locate }).filter((f) => f.ruleId === 'PPV-044');
    expect(findings.map((f) => f.elementId)).toEqual([gateways[0]!.id]);
    expect(text.split('\n')[findings[0]!.location!.range.start.line]).toContain('delegation');
  });
});
