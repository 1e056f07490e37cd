// Azure Firewall export: in Bicep the firewall, its policy and rule collection groups (one after another),
// in Terraform the same resources with the rules as designed; the readback of both is in test/unit/iac.
import { parse } from '@cdktf/hcl2json';
import { describe, expect, it } from 'vitest';
import { exportDesign } from '../../../src/core/export/export-design';
import { edited, loadSample, set } from '../support/designs';

const hub = loadSample('hub-firewall');
const bicepOf = (d = hub) => exportDesign(d, 'bicep', { designFile: 'hub-firewall.ppvnet.json' }).find((f) => f.path === 'main.bicep')!.content;
const tfOf = (d = hub) => exportDesign(d, 'terraform', { designFile: 'hub-firewall.ppvnet.json' }).find((f) => f.path === 'main.tf')!.content;

describe('Azure Firewall in Bicep', () => {
  it('deploys the firewall in its AzureFirewallSubnet with a public IP and its policy', () => {
    const b = bicepOf();
    expect(b).toMatch(/resource afwWeu 'Microsoft\.Network\/azureFirewalls@[^']+' = \{[\s\S]*?sku: \{\n\s+name: 'AZFW_VNet'\n\s+tier: 'Standard'[\s\S]*?firewallPolicy: \{\n\s+id: afwWeuPolicy\.id[\s\S]*?subnet: \{\n\s+id: snetAfwWeuRef\.id/);
    expect(b).toMatch(/resource afwWeuPolicy 'Microsoft\.Network\/firewallPolicies@/);
    expect(b).toMatch(/resource afwWeuRcg1 'Microsoft\.Network\/firewallPolicies\/ruleCollectionGroups@[^']+' = \{\n\s+parent: afwWeuPolicy\n\s+name: 'rcg-powerplatform'/);
    expect(b).toMatch(/ruleType: 'ApplicationRule'\n\s+name: 'deny-fabrikam'/);
    expect(b).toMatch(/ruleType: 'NetworkRule'\n\s+name: 'allow-sql-private-endpoint'[\s\S]*?ipProtocols: \[\n\s+'TCP'/);
    expect(b).toMatch(/output afwWeuPrivateIp string = afwWeu\.properties\.ipConfigurations\[0\]\.properties\.privateIPAddress/);
  });
  it('deploys rule collection groups of one policy one after another', () => {
    const groups = structuredClone((hub.elements.find((e) => e.id === 'afw-weu') as Extract<typeof hub.elements[number], { kind: 'firewall' }>).ruleCollectionGroups!);
    groups.push({ ...groups[0]!, name: 'rcg-second', priority: 300 });
    const b = bicepOf(edited(hub, set('afw-weu', { ruleCollectionGroups: groups })));
    expect(b).toMatch(/resource afwWeuRcg2 [^\n]+\n[\s\S]*?dependsOn: \[\n\s+afwWeuRcg1\n\s+\]/);
  });
  it('leaves a network virtual appliance to its vendor, and says so', () => {
    const b = bicepOf(edited(hub, set('afw-weu', { appliance: 'nva' })));
    expect(b).not.toMatch(/resource afwWeu /);
    expect(b).toMatch(/Not exported: "afw-weu" is a network virtual appliance/);
  });
});

describe('Azure Firewall in Terraform', () => {
  it('parses, with the rules as designed', async () => {
    const parsed = (await parse('main.tf', tfOf())) as { resource: Record<string, Record<string, Record<string, unknown>[]>> };
    const rcg = parsed.resource.azurerm_firewall_policy_rule_collection_group!.afw_weu_rcg_1![0]! as {
      priority: number; network_rule_collection: { name: string; rule: { destination_ports: string[] }[] }[];
      application_rule_collection: { name: string; action: string; rule: { name: string; destination_fqdns: string[]; protocols: { type: string; port: number }[] }[] }[];
    };
    expect(rcg.priority).toBe(200);
    expect(rcg.network_rule_collection.map((c) => c.name)).toEqual(['net-allow-sql']);
    expect(rcg.network_rule_collection[0]!.rule[0]!.destination_ports).toEqual(['1433']);
    expect(rcg.application_rule_collection.map((c) => `${c.name} ${c.action}`)).toEqual(['app-deny-untrusted Deny', 'app-allow-workloads Allow']);
    expect(rcg.application_rule_collection[0]!.rule[0]).toMatchObject({ name: 'deny-fabrikam', destination_fqdns: ['api.fabrikam.com'], protocols: [{ type: 'Https', port: 443 }] });
    const fw = parsed.resource.azurerm_firewall!.afw_weu![0]! as { sku_tier: string; ip_configuration: { subnet_id: string }[] };
    expect(fw.sku_tier).toBe('Standard');
    expect(fw.ip_configuration[0]!.subnet_id).toBe('${azurerm_subnet.snet_afw_weu.id}');
  });
});

describe('rule collection group names', () => {
  // "a/b" is not a path segment Azure takes, and sanitised it is "a-b": the name of the next group, given valid.
  const groupsNamed = (...names: string[]) => {
    const first = (hub.elements.find((e) => e.id === 'afw-weu') as Extract<typeof hub.elements[number], { kind: 'firewall' }>).ruleCollectionGroups![0]!;
    return edited(hub, set('afw-weu', { ruleCollectionGroups: names.map((name, i) => ({ ...structuredClone(first), name, priority: 200 + i * 100 })) }));
  };
  const bicepNames = (d: typeof hub) => [...bicepOf(d).matchAll(/'Microsoft\.Network\/firewallPolicies\/ruleCollectionGroups@[^']+' = \{\n\s+parent: afwWeuPolicy\n\s+name: '([^']+)'/g)].map((m) => m[1]);
  const tfNames = async (d: typeof hub) => {
    const parsed = (await parse('main.tf', tfOf(d))) as { resource: { azurerm_firewall_policy_rule_collection_group: Record<string, { name: string }[]> } };
    return Object.entries(parsed.resource.azurerm_firewall_policy_rule_collection_group).filter(([label]) => label.startsWith('afw_weu_')).map(([, r]) => r[0]!.name);
  };

  it('are unique in their policy when sanitising makes two alike, the same in Bicep and Terraform', async () => {
    const d = groupsNamed('a/b', 'a-b', 'A B');
    // The group valid as is keeps its name; the others, in design order, give way (Azure ignores case).
    expect(bicepNames(d)).toEqual(['a-b-2', 'a-b', 'A-B-3']);
    expect(await tfNames(d)).toEqual(['a-b-2', 'a-b', 'A-B-3']);
  });

  it('a repeated name in the design is made unique too, and distinct valid names stay as designed', async () => {
    expect(bicepNames(groupsNamed('rcg', 'rcg'))).toEqual(['rcg', 'rcg-2']);
    expect(bicepNames(groupsNamed('rcg-one', 'rcg-two'))).toEqual(['rcg-one', 'rcg-two']);
    expect(await tfNames(groupsNamed('rcg-one', 'rcg-two'))).toEqual(['rcg-one', 'rcg-two']);
  });

  it('keep a suffixed name within 80 characters', () => {
    const long = `${'x'.repeat(40)}-${'x'.repeat(39)}`;
    const names = bicepNames(groupsNamed(long.replace('-', '/'), long));
    expect(names).toEqual([`${long.slice(0, 78)}-2`, long]);
    expect(names[0]).toHaveLength(80);
  });
});
