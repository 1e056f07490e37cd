// Ids the IaC reader derives from long keys stay within the schema's 64 characters without being cut: two
// keys that share a 64-character prefix get different, order-independent ids.
import { describe, expect, it } from 'vitest';
import { DesignBuilder } from '../../../src/core/iac/design-builder';
import { designSchema } from '../../../src/core/model/schema';
import { ZERO_RANGE } from '../../../src/core/model/source-range';
import { rels, tf } from './iac-support';

const at = { file: '/mem/main.bicep', range: ZERO_RANGE };
const PREFIX = `assoc_${'a'.repeat(70)}`;

function build(order: readonly string[]): string[] {
  const b = new DesignBuilder();
  const nsg = b.addElement('nsg', 'nsg', { value: 'nsg', at }, 'nsg', at);
  const vnet = b.addElement('vnet', 'vnet', { value: 'vnet', at }, 'vnet', at);
  const subnets = order.map((k) => b.addElement(`s-${k}`, 'subnet', { value: k, at }, k, at, {}, vnet.id));
  order.forEach((k, i) => b.addRelation('nsgAssociation', nsg, subnets[i], `${PREFIX}_${k}`, at));
  const { design } = b.finish('ids', []);
  expect(designSchema.safeParse(design).success).toBe(true);
  return design.relations.map((r) => r.id);
}

describe('relation ids from long keys', () => {
  it('are at most 64 characters, unique, and end in a hash of the whole key', () => {
    const ids = build(['one', 'two']);
    expect(new Set(ids).size).toBe(2);
    for (const id of ids) {
      expect(id.length).toBeLessThanOrEqual(64);
      expect(id.startsWith(PREFIX.slice(0, 55))).toBe(true);
      expect(id).toMatch(/-[0-9a-f]{8}$/);
    }
  });

  it('do not depend on the order the relations are read in', () => {
    const [one, two] = build(['one', 'two']);
    const [twoAgain, oneAgain] = build(['two', 'one']);
    expect(oneAgain).toBe(one);
    expect(twoAgain).toBe(two);
  });

  it('keep short keys as they are', () => {
    const b = new DesignBuilder();
    expect(b.addElement('vnet-hub', 'vnet', { value: 'hub', at }, 'hub', at).id).toBe('vnet-hub');
  });

  it('hold for Terraform associations whose addresses share their first 64 characters', async () => {
    const name = 'x'.repeat(60);
    const r = await tf(`
resource "azurerm_network_security_group" "nsg" {
  name = "nsg"
  location = "westeurope"
  resource_group_name = "rg"
}
resource "azurerm_virtual_network" "v" {
  name = "v"
  location = "westeurope"
  resource_group_name = "rg"
  address_space = ["10.0.0.0/16"]
}
resource "azurerm_subnet" "a" {
  name = "a"
  resource_group_name = "rg"
  virtual_network_name = azurerm_virtual_network.v.name
  address_prefixes = ["10.0.1.0/24"]
}
resource "azurerm_subnet" "b" {
  name = "b"
  resource_group_name = "rg"
  virtual_network_name = azurerm_virtual_network.v.name
  address_prefixes = ["10.0.2.0/24"]
}
resource "azurerm_subnet_network_security_group_association" "${name}_a" {
  subnet_id = azurerm_subnet.a.id
  network_security_group_id = azurerm_network_security_group.nsg.id
}
resource "azurerm_subnet_network_security_group_association" "${name}_b" {
  subnet_id = azurerm_subnet.b.id
  network_security_group_id = azurerm_network_security_group.nsg.id
}
`);
    expect(rels(r, 'nsgAssociation')).toHaveLength(2);
    const ids = r.design.relations.filter((x) => x.kind === 'nsgAssociation').map((x) => x.id);
    expect(new Set(ids).size).toBe(2);
    for (const id of ids) expect(id).toMatch(/^azurerm_subnet_network_security_group_association\.x+-[0-9a-f]{8}$/);
  });
});
