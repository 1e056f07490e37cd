// Module-based Terraform: a root that calls local modules per region (for_each, inputs from terraform.tfvars,
// outputs passed back, a for expression over module instances) reads into the same design and findings as
// the same topology in one folder; registry modules are read where terraform init put them, and every
// module that cannot be read is a note on its block, never skipped silently.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IacReadResult } from '../../../src/core/iac/read-iac';
import { validateDesign } from '../../../src/core/rules/engine';
import { readTerraformFolder } from '../../../src/node/iac/iac-files';
import { el, FIXTURES, MONITORED_ELSEWHERE, parsers, rels, tf } from './iac-support';
import { findings, shape, variant } from './layout-shape';

async function read(dir: string): Promise<IacReadResult> {
  return readTerraformFolder(dir, { parsers: await parsers() });
}

const notes = (r: IacReadResult) => r.diagnostics.map((d) => `${d.severity} ${path.basename(d.file)}:${d.range.start.line + 1} ${d.message}`);

describe('module-based Terraform equals the same topology in one folder', () => {
  it('root + network module per region + policy module + terraform.tfvars read into the design of terraform-paired', async () => {
    const modular = await read(path.join(FIXTURES, 'terraform-modules'));
    const flat = await read(path.join(FIXTURES, 'terraform-paired'));
    expect(flat.design.elements.length).toBeGreaterThan(10);
    expect(shape(modular)).toEqual(shape(flat));
    expect(findings(modular)).toEqual(findings(flat));
    expect(notes(modular)).toEqual([]);
  });

  it('a correct module-based layout raises no error or warning', async () => {
    const r = await read(path.join(FIXTURES, 'terraform-modules'));
    expect(validateDesign(r.design, { locate: r.locate }).filter((f) => f.severity !== 'info' && MONITORED_ELSEWHERE(f))).toEqual([]);
  });

  it('the same faults in both layouts give the same findings, positioned in the file that says it', async () => {
    // The failover region moves to a US region and its delegated subnet shrinks to /28.
    const modular = await read(variant('terraform-modules', { 'terraform.tfvars': [['"northeurope"', '"eastus"'], ['"10.20.1.0/24"', '"10.20.1.0/28"']] }));
    const flat = await read(variant('terraform-paired', { 'main.tf': [['"northeurope"', '"eastus"'], ['"10.20.1.0/24"', '"10.20.1.0/28"']] }));
    const faults = findings(modular).filter((f) => !/ info /.test(f));
    expect(faults.map((f) => f.split(' ')[0])).toEqual(expect.arrayContaining(['PPV-005']));
    expect(faults).toEqual(findings(flat).filter((f) => !/ info /.test(f)));
  });

  it('resources inside modules carry their Terraform address', async () => {
    const r = await read(path.join(FIXTURES, 'terraform-modules'));
    const vnet = r.design.elements.find((e) => e.name === 'vnet-contoso-weu')!;
    expect(r.locate({ elementId: vnet.id })?.file).toMatch(/modules\/network\/main\.tf$/);
    expect(rels(r, 'policySubnet')).toEqual([
      'module.policy.azapi_resource.policy -> module.network.neu.azurerm_subnet.this.pp',
      'module.policy.azapi_resource.policy -> module.network.weu.azurerm_subnet.this.pp',
    ]);
  });
});

describe('modules that cannot be read are reported on their block', () => {
  const registryCall = 'module "extra" {\n  source  = "claranet/vnet/azurerm"\n  version = "8.0.0"\n  name    = "vnet-extra"\n}\n';

  it('a registry module that is not on disk', async () => {
    const r = await read(variant('terraform-modules', {}, { 'extra.tf': registryCall }));
    expect(notes(r)).toEqual([expect.stringMatching(/^info extra\.tf:1 Module "extra" not read: its source "claranet\/vnet\/azurerm" is not on disk.*terraform init/)]);
  });

  it('the same module once terraform init installed it under .terraform/modules', async () => {
    const modulesJson = JSON.stringify({ Modules: [{ Key: '', Source: '', Dir: '.' }, { Key: 'extra', Source: 'registry/claranet/vnet/azurerm', Version: '8.0.0', Dir: '.terraform/modules/extra' }] });
    const installed = 'variable "name" { type = string }\nresource "azurerm_virtual_network" "this" {\n  name          = var.name\n  location      = "westeurope"\n  address_space = ["10.30.0.0/16"]\n}\n';
    const r = await read(variant('terraform-modules', {}, { 'extra.tf': registryCall, '.terraform/modules/modules.json': modulesJson, '.terraform/modules/extra/main.tf': installed }));
    expect(notes(r)).toEqual([]);
    expect(el(r, 'module.extra.azurerm_virtual_network.this').name).toBe('vnet-extra');
  });

  it('a missing local folder, a module that calls itself, and an unknown for_each', async () => {
    const r = await read(variant('terraform-modules', {}, {
      'more.tf': 'module "gone" {\n  source = "./nowhere"\n}\n\nvariable "sets" {}\n\nmodule "each" {\n  source   = "./modules/network"\n  for_each = var.sets\n}\n',
      'modules/loop/main.tf': 'module "again" {\n  source = "../loop"\n}\n',
      'loop.tf': 'module "loop" {\n  source = "./modules/loop"\n}\n',
    }));
    expect(notes(r).sort()).toEqual([
      expect.stringMatching(/^info main\.tf:1 Module "again" not read: it calls a module that is already being read/),
      expect.stringMatching(/^info more\.tf:1 Module "gone" not read: its folder \.\/nowhere has no \.tf files/),
      expect.stringMatching(/^info more\.tf:7 Module "each" not read: its for_each is not known/),
    ]);
  });
});

describe('Terraform expressions', () => {
  const vnet = (name: string, extra = '') => `${extra}\nresource "azurerm_virtual_network" "v" {\n  name          = ${name}\n  location      = "westeurope"\n  address_space = ["10.0.0.0/16"]\n}\n`;
  const nameOf = async (expr: string, extra = '') => el(await tf(vnet(expr, extra)), 'azurerm_virtual_network.v').name;

  it('for expressions over lists and maps, with if and grouping', async () => {
    const locals = 'locals {\n  subnets = [{ name = "a", on = true }, { name = "b", on = false }, { name = "c", on = true }]\n  m = { x = "1", y = "2" }\n}\n';
    expect(await nameOf('"${[for s in local.subnets : s.name if s.on][1]}"', locals)).toBe('c');
    expect(await nameOf('"${{ for k, v in local.m : v => k }["2"]}"', locals)).toBe('y');
    expect(await nameOf('"${{ for s in local.subnets : s.on ? "on" : "off" => s.name... }["on"][1]}"', locals)).toBe('c');
    // Without grouping, a repeated key is an error in Terraform: the value is unknown (the symbol names the VNet).
    expect(await nameOf('"${{ for s in local.subnets : s.on ? "on" : "off" => s.name }["on"]}"', locals)).toBe('v');
  });

  it('operators, conditionals and splats', async () => {
    expect(await nameOf('1 + 2 * 3 == 7 && !false ? "yes" : "no"')).toBe('yes');
    expect(await nameOf('"n-${10 % 4}-${3 >= 3}"')).toBe('n-2-true');
    // A splat applies every later step to each item, so the index comes after parentheses.
    expect(await nameOf('(local.l[*].n)[1]', 'locals {\n  l = [{ n = "p" }, { n = "q" }]\n}\n')).toBe('q');
    expect(await nameOf('var.u == "x" ? "a" : "b"', 'variable "u" {}\n')).toBe('v');
  });

  it('tfvars set root variables over their defaults; *.auto.tfvars after terraform.tfvars', async () => {
    const r = await tf({
      'main.tf': vnet('"${var.a}-${var.b}"', 'variable "a" { default = "da" }\nvariable "b" { default = "db" }\n'),
      'terraform.tfvars': 'a = "ta"\nb = "tb"\n',
      'x.auto.tfvars': 'b = "ab"\n',
    });
    expect(el(r, 'azurerm_virtual_network.v').name).toBe('ta-ab');
  });

  it('a dynamic block with an unknown for_each leaves the delegations unknown, not empty', async () => {
    const sub = (forEach: string) => `variable "d" {}\n${vnet('"v"')}resource "azurerm_subnet" "s" {\n  name = "s"\n  virtual_network_name = azurerm_virtual_network.v.name\n  address_prefixes = ["10.0.1.0/24"]\n  dynamic "delegation" {\n    for_each = ${forEach}\n    content {\n      name = "pp"\n      service_delegation {\n        name = "Microsoft.PowerPlatform/enterprisePolicies"\n      }\n    }\n  }\n}\n`;
    expect(el(await tf(sub('["x"]')), 'azurerm_subnet.s').delegations).toEqual(['Microsoft.PowerPlatform/enterprisePolicies']);
    expect(el(await tf(sub('[]')), 'azurerm_subnet.s').delegations).toEqual([]);
    expect(el(await tf(sub('var.d')), 'azurerm_subnet.s').delegations).toBeUndefined();
  });
});

describe('Azure Verified Modules for Terraform that are not on disk are read by their documented interface', () => {
  it('terraform-avm (virtual network, NAT gateway, NSG, private endpoint and DNS zone modules) gives the findings of terraform-paired', async () => {
    const avm = await read(path.join(FIXTURES, 'terraform-avm'));
    const flat = await read(path.join(FIXTURES, 'terraform-paired'));
    expect(notes(avm)).toEqual([]);
    expect(findings(avm)).toEqual(findings(flat));
    expect(shape(avm).relations).toEqual(shape(flat).relations);
  });

  it('shows what a module deploys on its call, and the values the caller passed where they are written', async () => {
    const dir = variant('terraform-avm', { 'main.tf': [['"10.20.1.0/24"', '"10.20.1.0/28"']] });
    const r = await read(dir);
    const vnet = r.design.elements.find((e) => e.name === 'vnet-contoso-neu')!;
    const at = r.locate({ elementId: vnet.id })!;
    expect(path.basename(at.file)).toBe('main.tf');
    expect(readFileSync(at.file, 'utf8').split('\n')[at.range.start.line]).toBe('module "vnet" {');
    // No quick fix edits a resource the file does not contain.
    expect(r.sourceMap.has({ elementId: vnet.id, property: '$extent' })).toBe(false);
    const small = validateDesign(r.design, { locate: r.locate }).find((f) => f.ruleId === 'PPV-011');
    expect(small, 'paired delegated subnets of different sizes are reported').toBeDefined();
    expect(readFileSync(small!.location!.file, 'utf8').split('\n')[small!.location!.range.start.line]).toContain('address_prefixes       = [each.value.pp]');
  });

  it('create_reverse_peering peers both ways; a module it does not model is a note', async () => {
    const r = await tf(`module "hub" {
  source        = "Azure/avm-res-network-virtualnetwork/azurerm"
  name          = "vnet-hub"
  location      = "westeurope"
  address_space = ["10.0.0.0/16"]
  peerings = {
    spoke = { name = "hub-to-spoke", remote_virtual_network_resource_id = azurerm_virtual_network.spoke.id, create_reverse_peering = true, reverse_name = "spoke-to-hub" }
  }
}
resource "azurerm_virtual_network" "spoke" {
  name          = "vnet-spoke"
  location      = "westeurope"
  address_space = ["10.1.0.0/16"]
}
module "fw" {
  source = "Azure/avm-res-network-azurefirewall/azurerm"
}
`);
    expect(rels(r, 'peering')).toEqual(['azurerm_virtual_network.spoke -> module.hub.azurerm_virtual_network.this', 'module.hub.azurerm_virtual_network.this -> azurerm_virtual_network.spoke']);
    expect(notes(r)).toEqual([expect.stringMatching(/^info main\.tf:15 Module "fw" not read: its source "Azure\/avm-res-network-azurefirewall\/azurerm" is not on disk/)]);
  });
});
