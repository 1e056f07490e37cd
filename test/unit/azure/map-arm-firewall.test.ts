// The ARM → design mapping of an Azure Firewall as live ARM returns it (test/fixtures/arm/firewall-resources.json):
// the firewall with its SKU tier, region and the private IP Azure assigned, its AzureFirewallSubnet, and the
// network and application rules of its policy's rule collection group; drift then compares it. The same
// resources read through the loopback ARM server check the reader's SDK list calls.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSubscription } from '../../../src/node/azure/arm-reader';
import { StaticTokenCredential } from '../../../src/node/azure/static-credential';
import { startArmServer, type ArmFixtureResource } from '../../support/arm-server';
import { emptySnapshot, type ArmResource } from '../../../src/core/azure/arm-shapes';
import { compareDesigns } from '../../../src/core/azure/drift';
import { mapArmToDesign } from '../../../src/core/azure/map-arm-design';
import { checkIntegrity } from '../../../src/core/model/integrity';
import { designSchema, type Design } from '../../../src/core/model/schema';

const resources = (JSON.parse(readFileSync(path.join(__dirname, '../../fixtures/arm/firewall-resources.json'), 'utf8')) as { resources: ArmResource[] }).resources;
const ofType = (type: string) => resources.filter((r) => r.type === type);

function imported(withGroups = true, edit: (r: ArmResource) => ArmResource = (r) => r) {
  const s = emptySnapshot();
  s.virtualNetworks.push(...ofType('Microsoft.Network/virtualNetworks'));
  s.azureFirewalls.push(...ofType('Microsoft.Network/azureFirewalls'));
  s.firewallPolicies.push(...ofType('Microsoft.Network/firewallPolicies'));
  if (withGroups) s.firewallPolicyRuleCollectionGroups.push(...ofType('Microsoft.Network/firewallPolicies/ruleCollectionGroups').map(edit));
  return mapArmToDesign(s, { name: 'hub' });
}

describe('Azure import: Azure Firewall', () => {
  const { design, notes } = imported();
  const named = (name: string) => design.elements.find((e) => e.name === name)!;

  it('is a valid design with consistent references and nothing left unread', () => {
    expect(designSchema.safeParse(design).success).toBe(true);
    expect(checkIntegrity(design)).toEqual([]);
    expect(notes).toEqual([]);
  });

  it('reads the firewall with its tier, region, private IP and placement', () => {
    expect(named('afw-hub-weu')).toMatchObject({
      kind: 'firewall', appliance: 'azureFirewall', skuTier: 'Standard', region: 'westeurope', privateIpAddress: '10.100.0.4',
      subscriptionId: '11111111-2222-3333-4444-555555555555', resourceGroup: 'rg-hub',
    });
  });

  it('relates the firewall to its AzureFirewallSubnet', () => {
    const fw = named('afw-hub-weu');
    expect(design.relations.filter((r) => r.kind === 'firewallSubnet')).toEqual([expect.objectContaining({ from: fw.id, to: named('AzureFirewallSubnet').id })]);
  });

  it('reads the network and the application rule collection of the policy', () => {
    expect(named('afw-hub-weu')).toMatchObject({
      ruleCollectionGroups: [{
        name: 'rcg-platform', priority: 200,
        ruleCollections: [
          { name: 'net-allow-sql', priority: 210, action: 'Allow', ruleType: 'network', rules: [expect.objectContaining({ name: 'sql', sourceAddresses: ['10.10.0.0/16'], destinationAddresses: ['10.20.1.0/24'], destinationPorts: ['1433'] })] },
          { name: 'app-allow-graph', priority: 220, action: 'Allow', ruleType: 'application', rules: [expect.objectContaining({ name: 'graph', sourceAddresses: ['10.10.0.0/16'], targetFqdns: ['graph.microsoft.com'] })] },
        ],
      }],
    });
  });

  it('a policy without groups gives known, empty rules', () => {
    expect(imported(false).design.elements.find((e) => e.kind === 'firewall')).toMatchObject({ ruleCollectionGroups: [] });
  });

  it('an IP group (which the design does not model) leaves the rules unknown and says so; the empty lists live ARM sends do not', () => {
    const withIpGroup = (r: ArmResource): ArmResource => {
      const copy = structuredClone(r) as unknown as { properties: { ruleCollections: { rules: Record<string, unknown>[] }[] } };
      copy.properties.ruleCollections[0]!.rules[0]!.sourceIpGroups = ['/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-hub/providers/Microsoft.Network/ipGroups/ipg-apps'];
      return copy as unknown as ArmResource;
    };
    const r = imported(true, withIpGroup);
    expect(r.design.elements.find((e) => e.kind === 'firewall')).not.toHaveProperty('ruleCollectionGroups');
    expect(r.notes).toEqual([expect.stringMatching(/rules of Azure Firewall 'afw-hub-weu' cannot be read statically \(a rule of collection 'net-allow-sql'/)]);
  });

  describe('drift', () => {
    const live = design;
    const planned = (): Design => structuredClone(live);

    it('none against itself', () => {
      expect(compareDesigns(planned(), live)).toEqual([]);
    });
    it('a designed firewall that is not deployed is missing, with its subnet relation covered by it', () => {
      const gone: Design = { ...live, elements: live.elements.filter((e) => e.kind !== 'firewall'), relations: live.relations.filter((r) => r.kind !== 'firewallSubnet') };
      const fw = named('afw-hub-weu');
      expect(compareDesigns(planned(), gone).map(({ message: _m, ...rest }) => rest)).toEqual([{ kind: 'missing', elementId: fw.id }]);
    });
    it('a different private IP or rule set is a change', () => {
      const design = planned();
      const fw = design.elements.find((e) => e.kind === 'firewall') as Record<string, unknown>;
      fw.privateIpAddress = '10.100.0.5';
      fw.ruleCollectionGroups = [];
      const drift = compareDesigns(design, live).map((d) => [d.kind, d.property]);
      expect(drift).toEqual([['changed', 'privateIpAddress'], ['changed', 'ruleCollectionGroups']]);
    });
  });
});

describe('Azure Firewall through the loopback ARM server', () => {
  it('lists firewalls, policies and each policy\'s rule collection groups, one item a page', async () => {
    const sub = '11111111-2222-3333-4444-555555555555';
    const token = `test-${randomBytes(12).toString('hex')}`;
    const fixture = {
      subscriptions: [{ id: `/subscriptions/${sub}`, subscriptionId: sub, displayName: 'hub' }],
      resources: [{ id: `/subscriptions/${sub}/resourceGroups/rg-hub`, name: 'rg-hub', type: 'Microsoft.Resources/resourceGroups', location: 'westeurope' }, ...resources.map((r) => ({ ...r }) as ArmFixtureResource)],
    };
    const server = await startArmServer({ fixture, token, faults: [], pageSize: 1, lifetimeMs: 60_000 });
    try {
      const connection = { credential: new StaticTokenCredential(token), endpoint: server.endpoint, ca: server.ca, retry: { retryDelayInMs: 50, maxRetryDelayInMs: 200 } };
      const { snapshot, groups } = await readSubscription(connection, sub, ['rg-hub']);
      expect(groups).toEqual([expect.objectContaining({ resourceGroup: 'rg-hub', ok: true })]);
      expect(snapshot.azureFirewalls.map((r) => r.name)).toEqual(['afw-hub-weu']);
      expect(snapshot.firewallPolicies.map((r) => r.name)).toEqual(['afwp-hub-weu']);
      expect(snapshot.firewallPolicyRuleCollectionGroups.map((r) => r.name)).toEqual(['rcg-platform']);
      expect(mapArmToDesign(snapshot, { name: 'hub' }).design).toEqual(imported().design);
    } finally {
      await server.close();
    }
  });
});
