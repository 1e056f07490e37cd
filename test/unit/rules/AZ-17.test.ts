// AZ-17: names the design deploys as-is meet Azure's naming rules; names an IaC reader could not evaluate are not judged.
import { describe, expect, it } from 'vitest';
import { rule as AZ17, dnsZoneNameProblem, networkNameProblem } from '../../../src/core/rules/catalog/AZ-17';
import { bicep, tf } from '../iac/iac-support';
import { edited, loadSample, set } from '../support/designs';
import { runRule, testRule } from '../support/rule-tester';

const seed = loadSample('seed');
const nsgId = seed.elements.find((e) => e.kind === 'nsg')!.id;
const nsg = seed.elements.find((e) => e.id === nsgId) as Extract<(typeof seed.elements)[number], { kind: 'nsg' }>;

testRule(AZ17, {
  valid: [
    { name: 'the seed', design: seed },
    { name: 'the minimal sample', design: loadSample('minimal') },
    { name: 'a name ending in "_" and holding "."', design: edited(seed, set('vnet-weu', { name: 'vnet.pp_weu_' })) },
    { name: 'an on-premises network with a display name (not deployed as-is)', design: edited(seed, set(seed.elements.find((e) => e.kind === 'environment')!.id, { name: 'Contoso — Production (EU)' })) },
  ],
  invalid: [
    { name: 'a VNet name with a space', design: edited(seed, set('vnet-weu', { name: 'vnet pp weu' })), expected: ['vnet-weu'], messages: [/VNet name "vnet pp weu" is not valid in Azure: it must be letters, digits/] },
    { name: 'a "/" that would read as a child resource', design: edited(seed, set('snet-pp-weu', { name: 'a/b' })), expected: ['snet-pp-weu'] },
    { name: 'a one-character VNet name', design: edited(seed, set('vnet-weu', { name: 'v' })), expected: ['vnet-weu'], messages: [/2–64 characters \(it has 1\)/] },
    { name: 'a name ending in "."', design: edited(seed, set('snet-pe-weu', { name: 'snet-pe.' })), expected: ['snet-pe-weu'] },
    {
      name: 'an NSG rule named with a quote',
      design: edited(seed, set(nsgId, { rules: [{ ...nsg.rules![0]!, name: "allow'all" }] })),
      expected: [nsgId],
      messages: [/NSG rule name "allow'all" of ".*" is not valid in Azure/],
    },
  ],
});

describe('AZ-17 name checks', () => {
  it('follows the Microsoft.Network rule: start alphanumeric, end alphanumeric or "_", lengths by type', () => {
    const rule = { min: 1, max: 80 };
    for (const ok of ['a', 'snet-pp-weu', 'A.b_c-d', 'x_', '9'.repeat(80)]) expect(networkNameProblem(ok, rule), ok).toBeUndefined();
    for (const bad of ['', '-a', '_a', '.a', 'a-', 'a.', 'a b', 'a#b', 'ä', 'a\u0000', '9'.repeat(81)]) expect(networkNameProblem(bad, rule), bad).toBeDefined();
  });

  it('reads a private DNS zone as a DNS name of 2–34 labels', () => {
    for (const ok of ['privatelink.vaultcore.azure.net', 'contoso.local', 'a_b.c-d']) expect(dnsZoneNameProblem(ok), ok).toBeUndefined();
    for (const bad of ['local', 'a..b', 'a.b.', '*/ x.y', `${'a.'.repeat(34)}b`, `${'a'.repeat(64)}.com`]) expect(dnsZoneNameProblem(bad), bad).toBeDefined();
  });

  it('does not judge a name a Bicep file computes from a parameter without a value', async () => {
    const source = "param vnetName string\nresource v 'Microsoft.Network/virtualNetworks@2024-05-01' = {\n  name: vnetName\n  location: 'westeurope'\n  properties: { addressSpace: { addressPrefixes: ['10.0.0.0/16'] } }\n}\nresource z 'Microsoft.Network/privateDnsZones@2024-06-01' = {\n  name: zoneName\n  location: 'global'\n}\n";
    const read = await bicep(source);
    expect(read.design.elements.map((e) => e.kind).sort()).toEqual(['privateDnsZone', 'vnet']);
    expect(runRule(AZ17, read.design)).toEqual([]);
  });

  it('judges a name a Terraform file writes as a literal', async () => {
    const source = 'resource "azurerm_virtual_network" "v" {\n  name = "vnet weu"\n  location = "westeurope"\n  resource_group_name = "rg"\n  address_space = ["10.0.0.0/16"]\n}\n';
    const read = await tf(source);
    expect(runRule(AZ17, read.design).map((f) => f.message)).toEqual([expect.stringMatching(/VNet name "vnet weu" is not valid/)]);
  });
});
