// Quick fixes on IaC text: applying the edit and reading again makes the finding go away (and the
// result still parses without errors), on the problem fixtures and on single-line/multi-line shapes.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateDesign } from '../../../src/core/rules/engine';
import { delegationFix, reversePeeringFix, type TextInsert } from '../../../src/core/iac/iac-fix-text';
import { bicep, FIXTURES, parsers, tf } from './iac-support';

const apply = (text: string, fix: TextInsert) => text.slice(0, fix.offset) + fix.text + text.slice(fix.offset);
const ids = (r: Awaited<ReturnType<typeof tf>>) => validateDesign(r.design, { locate: r.locate }).map((f) => `${f.ruleId}:${f.elementId ?? f.relationId}`);

describe('IaC quick fixes', () => {
  it('adds the delegation block to an azurerm_subnet and the peering back', async () => {
    const text = readFileSync(path.join(FIXTURES, 'terraform-problems/main.tf'), 'utf8');
    const before = await tf(text);
    expect(ids(before)).toContain('PPV-008:azurerm_subnet.failover');
    expect(ids(before)).toContain('AZ-08:azurerm_virtual_network_peering.primary_to_failover');
    const delegation = delegationFix(before, 'azurerm_subnet.failover', () => text)!;
    const peering = reversePeeringFix(before, 'azurerm_virtual_network_peering.primary_to_failover', () => text)!;
    expect(delegation).toBeDefined();
    expect(peering).toBeDefined();
    const fixed = [delegation, peering].sort((a, b) => b.offset - a.offset).reduce(apply, text);
    const p = await parsers();
    expect(p.parse('terraform', '/mem/fixed.tf', fixed)!.rootNode.hasError).toBe(false);
    const after = await tf(fixed);
    expect(ids(after)).not.toContain('PPV-008:azurerm_subnet.failover');
    expect(ids(after).filter((f) => f.startsWith('AZ-08'))).toEqual([]);
  });

  it('adds a delegations property to a Bicep inline subnet, multi-line and single-line', async () => {
    const text = readFileSync(path.join(FIXTURES, 'bicep-problems/main.bicep'), 'utf8');
    const before = await bicep(text);
    const fix = delegationFix(before, 'vnet.snet-pp', () => text)!;
    const after = await bicep(apply(text, fix));
    expect((after.design.elements.find((e) => e.id === 'vnet.snet-pp') as { delegations?: string[] }).delegations).toEqual(['Microsoft.PowerPlatform/enterprisePolicies']);

    const oneLine = `resource vnet 'Microsoft.Network/virtualNetworks@2025-05-01' = {
  name: 'v'
  properties: {
    subnets: [
      { name: 's', properties: { addressPrefix: '10.0.0.0/24' } }
    ]
  }
}`;
    const r = await bicep(oneLine);
    const fixed = apply(oneLine, delegationFix(r, 'vnet.s', () => oneLine)!);
    const p = await parsers();
    expect(p.parse('bicep', '/mem/one.bicep', fixed)!.rootNode.hasError).toBe(false);
    expect(((await bicep(fixed)).design.elements.find((e) => e.id === 'vnet.s') as { delegations?: string[] }).delegations).toHaveLength(1);
  });

  it('adds the reverse Bicep peering child resource', async () => {
    const text = `resource a 'Microsoft.Network/virtualNetworks@2025-05-01' = {
  name: 'vnet-a'
}
resource b 'Microsoft.Network/virtualNetworks@2025-05-01' = {
  name: 'vnet-b'
}
resource aToB 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2025-05-01' = {
  parent: a
  name: 'a-to-b'
  properties: {
    remoteVirtualNetwork: { id: b.id }
    allowVirtualNetworkAccess: true
  }
}`;
    const before = await bicep(text);
    const fix = reversePeeringFix(before, 'aToB', () => text)!;
    const after = await bicep(apply(text, fix));
    expect(after.design.relations.filter((r) => r.kind === 'peering').map((r) => `${r.from}->${r.to}`).sort()).toEqual(['a->b', 'b->a']);
  });

  it('offers no delegation fix when the delegations are unknown or already there', async () => {
    const r = await readFixtureText('terraform-paired');
    expect(delegationFix(r, 'azurerm_subnet.pp.weu', () => '')).toBeUndefined();
  });
});

async function readFixtureText(rel: string) {
  const { readFixture } = await import('./iac-support');
  return readFixture(rel);
}
