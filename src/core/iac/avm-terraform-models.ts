// Azure Verified Modules for Terraform, modelled by their documented interface: when `terraform init` has not
// put a module on disk (public repositories never commit .terraform), the reader evaluates these stand-ins with
// the call's inputs instead. Each is HCL over the module's documented variables and outputs, written for this
// reader (not the module's code): the azurerm resources it deploys, so the rules see them as usual.

/** Folder under which the stand-ins are read; locations in it are moved onto the module call. */
export const MODEL_ROOT = '/ppvnet-avm-interface';

const VIRTUAL_NETWORK = `
variable "name" { default = null }
variable "location" { default = null }
variable "resource_group_name" { default = null }
variable "parent_id" { default = null }
variable "address_space" { default = null }
variable "dns_servers" { default = null }
variable "subnets" { default = {} }
variable "peerings" { default = {} }

resource "azurerm_virtual_network" "this" {
  name                = var.name
  location            = var.location
  resource_group_name = var.resource_group_name
  address_space       = var.address_space
  dns_servers         = var.dns_servers == null ? null : var.dns_servers.dns_servers
}

resource "azurerm_subnet" "this" {
  for_each                          = var.subnets
  name                              = each.value.name
  virtual_network_name              = azurerm_virtual_network.this.name
  address_prefixes                  = coalesce(lookup(each.value, "address_prefixes", null), [lookup(each.value, "address_prefix", null)])
  private_endpoint_network_policies = lookup(each.value, "private_endpoint_network_policies", "Enabled")
  default_outbound_access_enabled   = lookup(each.value, "default_outbound_access_enabled", false)

  # delegations (current) or delegation (deprecated), each { name, service_delegation = { name } }
  dynamic "delegation" {
    for_each = coalesce(lookup(each.value, "delegations", null), lookup(each.value, "delegation", null), [])
    content {
      name = delegation.value.name
      service_delegation {
        name = delegation.value.service_delegation.name
      }
    }
  }
}

resource "azurerm_subnet_nat_gateway_association" "this" {
  for_each       = { for k, s in var.subnets : k => s if lookup(s, "nat_gateway", null) != null }
  subnet_id      = azurerm_subnet.this[each.key].id
  nat_gateway_id = each.value.nat_gateway.id
}

resource "azurerm_subnet_network_security_group_association" "this" {
  for_each                  = { for k, s in var.subnets : k => s if lookup(s, "network_security_group", null) != null }
  subnet_id                 = azurerm_subnet.this[each.key].id
  network_security_group_id = each.value.network_security_group.id
}

resource "azurerm_subnet_route_table_association" "this" {
  for_each       = { for k, s in var.subnets : k => s if lookup(s, "route_table", null) != null }
  subnet_id      = azurerm_subnet.this[each.key].id
  route_table_id = each.value.route_table.id
}

resource "azurerm_virtual_network_peering" "this" {
  for_each                     = var.peerings
  name                         = each.value.name
  virtual_network_name         = azurerm_virtual_network.this.name
  remote_virtual_network_id    = each.value.remote_virtual_network_resource_id
  allow_forwarded_traffic      = lookup(each.value, "allow_forwarded_traffic", false)
  allow_gateway_transit        = lookup(each.value, "allow_gateway_transit", false)
  allow_virtual_network_access = lookup(each.value, "allow_virtual_network_access", true)
  use_remote_gateways          = lookup(each.value, "use_remote_gateways", false)
}

# create_reverse_peering: the module also peers the remote VNet back. The local side is named by the remote
# id (the reader resolves a VNet by reference), since the remote VNet's name is not an input.
resource "azurerm_virtual_network_peering" "reverse" {
  for_each                     = { for k, p in var.peerings : k => p if lookup(p, "create_reverse_peering", false) }
  name                         = lookup(each.value, "reverse_name", null)
  virtual_network_name         = each.value.remote_virtual_network_resource_id
  remote_virtual_network_id    = azurerm_virtual_network.this.id
  allow_forwarded_traffic      = lookup(each.value, "reverse_allow_forwarded_traffic", false)
  allow_gateway_transit        = lookup(each.value, "reverse_allow_gateway_transit", false)
  allow_virtual_network_access = lookup(each.value, "reverse_allow_virtual_network_access", true)
  use_remote_gateways          = lookup(each.value, "reverse_use_remote_gateways", false)
}

output "resource_id" { value = azurerm_virtual_network.this.id }
output "name" { value = azurerm_virtual_network.this.name }
output "subnets" {
  value = { for k, s in azurerm_subnet.this : k => { resource_id = s.id, name = s.name } }
}
`;

const PRIVATE_ENDPOINT = `
variable "name" { default = null }
variable "location" { default = null }
variable "resource_group_name" { default = null }
variable "subnet_resource_id" { default = null }
variable "private_connection_resource_id" { default = null }
variable "subresource_names" { default = null }
variable "private_dns_zone_resource_ids" { default = [] }
variable "private_dns_zone_group_name" { default = "default" }

resource "azurerm_private_endpoint" "this" {
  name                = var.name
  location            = var.location
  resource_group_name = var.resource_group_name
  subnet_id           = var.subnet_resource_id

  private_service_connection {
    name                           = var.name
    private_connection_resource_id = var.private_connection_resource_id
    subresource_names              = var.subresource_names
    is_manual_connection           = false
  }

  private_dns_zone_group {
    name                 = var.private_dns_zone_group_name
    private_dns_zone_ids = var.private_dns_zone_resource_ids
  }
}

output "resource_id" { value = azurerm_private_endpoint.this.id }
output "name" { value = azurerm_private_endpoint.this.name }
`;

const PRIVATE_DNS_ZONE = `
variable "domain_name" { default = null }
variable "resource_group_name" { default = null }
variable "parent_id" { default = null }
variable "virtual_network_links" { default = {} }

resource "azurerm_private_dns_zone" "this" {
  name                = var.domain_name
  resource_group_name = var.resource_group_name
}

# Links are { name, virtual_network_id, registration_enabled } in current versions and
# { vnetlinkname, vnetid, autoregistration } in earlier ones.
resource "azurerm_private_dns_zone_virtual_network_link" "this" {
  for_each              = var.virtual_network_links
  name                  = coalesce(lookup(each.value, "name", null), lookup(each.value, "vnetlinkname", null))
  private_dns_zone_name = azurerm_private_dns_zone.this.name
  virtual_network_id    = coalesce(lookup(each.value, "virtual_network_id", null), lookup(each.value, "vnetid", null))
  registration_enabled  = coalesce(lookup(each.value, "registration_enabled", null), lookup(each.value, "autoregistration", null), false)
}

output "resource_id" { value = azurerm_private_dns_zone.this.id }
output "name" { value = azurerm_private_dns_zone.this.name }
`;

const NETWORK_SECURITY_GROUP = `
variable "name" { default = null }
variable "location" { default = null }
variable "resource_group_name" { default = null }
variable "security_rules" { default = {} }

resource "azurerm_network_security_group" "this" {
  name                = var.name
  location            = var.location
  resource_group_name = var.resource_group_name

  dynamic "security_rule" {
    for_each = var.security_rules
    content {
      name                       = security_rule.value.name
      priority                   = security_rule.value.priority
      direction                  = security_rule.value.direction
      access                     = security_rule.value.access
      protocol                   = security_rule.value.protocol
      source_port_range          = lookup(security_rule.value, "source_port_range", null)
      destination_port_range     = lookup(security_rule.value, "destination_port_range", null)
      source_address_prefix      = lookup(security_rule.value, "source_address_prefix", null)
      destination_address_prefix = lookup(security_rule.value, "destination_address_prefix", null)
    }
  }
}

output "resource_id" { value = azurerm_network_security_group.this.id }
output "name" { value = azurerm_network_security_group.this.name }
`;

const NAT_GATEWAY = `
variable "name" { default = null }
variable "location" { default = null }
variable "resource_group_name" { default = null }
variable "idle_timeout_in_minutes" { default = null }
variable "public_ips" { default = {} }
variable "subnet_associations" { default = {} }

resource "azurerm_nat_gateway" "this" {
  name                    = var.name
  location                = var.location
  resource_group_name     = var.resource_group_name
  idle_timeout_in_minutes = var.idle_timeout_in_minutes
}

resource "azurerm_subnet_nat_gateway_association" "this" {
  for_each       = var.subnet_associations
  subnet_id      = each.value.resource_id
  nat_gateway_id = azurerm_nat_gateway.this.id
}

output "resource_id" { value = azurerm_nat_gateway.this.id }
output "name" { value = azurerm_nat_gateway.this.name }
`;

/** Stand-in modules by registry address without host and version (`Azure/avm-res-network-virtualnetwork/azurerm`). */
const MODELS: ReadonlyMap<string, string> = new Map([
  ['azure/avm-res-network-virtualnetwork/azurerm', VIRTUAL_NETWORK],
  ['azure/avm-res-network-privateendpoint/azurerm', PRIVATE_ENDPOINT],
  ['azure/avm-res-network-privatednszone/azurerm', PRIVATE_DNS_ZONE],
  ['azure/avm-res-network-networksecuritygroup/azurerm', NETWORK_SECURITY_GROUP],
  ['azure/avm-res-network-natgateway/azurerm', NAT_GATEWAY],
]);

/** The stand-in for a module source, as a folder and its one file; undefined when the source is not modelled. */
export function avmTerraformModel(source: string): { dir: string; file: string; text: string } | undefined {
  const key = source.trim().toLowerCase().replace(/^registry\.terraform\.io\//, '').replace(/\/\/.*$/, '');
  const text = MODELS.get(key);
  if (text === undefined) return undefined;
  const dir = `${MODEL_ROOT}/${key.split('/')[1]}`;
  return { dir, file: `${dir}/main.tf`, text };
}
