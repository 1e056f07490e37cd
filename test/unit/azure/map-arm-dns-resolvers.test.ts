// The ARM → design mapping of DNS Private Resolver resources (test/fixtures/arm/dns-resolver-resources.json):
// the resolver in its VNet, a static inbound endpoint with its address, the outbound endpoint, the ruleset
// with its rules (a disabled one too), its resolver and VNet link; what was not read is a note.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptySnapshot, type ArmResource } from '../../../src/core/azure/arm-shapes';
import { mapArmToDesign } from '../../../src/core/azure/map-arm-design';
import { checkIntegrity } from '../../../src/core/model/integrity';
import { designSchema } from '../../../src/core/model/schema';

const resources = (JSON.parse(readFileSync(path.join(__dirname, '../../fixtures/arm/dns-resolver-resources.json'), 'utf8')) as { resources: ArmResource[] }).resources;
const ofType = (type: string) => resources.filter((r) => r.type === type);

function imported() {
  const s = emptySnapshot();
  s.virtualNetworks.push(...ofType('Microsoft.Network/virtualNetworks'));
  s.dnsResolvers.push(...ofType('Microsoft.Network/dnsResolvers'));
  s.dnsResolverInboundEndpoints.push(...ofType('Microsoft.Network/dnsResolvers/inboundEndpoints'));
  s.dnsResolverOutboundEndpoints.push(...ofType('Microsoft.Network/dnsResolvers/outboundEndpoints'));
  s.dnsForwardingRulesets.push(...ofType('Microsoft.Network/dnsForwardingRulesets'));
  s.dnsForwardingRules.push(...ofType('Microsoft.Network/dnsForwardingRulesets/forwardingRules'));
  s.dnsForwardingRulesetLinks.push(...ofType('Microsoft.Network/dnsForwardingRulesets/virtualNetworkLinks'));
  return mapArmToDesign(s, { name: 'hub' });
}

describe('Azure import: DNS private resolver', () => {
  const { design, notes } = imported();
  const named = (name: string) => design.elements.find((e) => e.name === name)!;
  const rels = (kind: string) => design.relations.filter((r) => r.kind === kind);

  it('is a valid design with consistent references', () => {
    expect(designSchema.safeParse(design).success).toBe(true);
    expect(checkIntegrity(design)).toEqual([]);
  });
  it('places the resolver in its VNet with both endpoints; the inbound one keeps its static address', () => {
    expect(named('dnspr-hub-weu')).toMatchObject({ kind: 'dnsResolver', parent: named('vnet-hub-weu').id });
    expect(rels('resolverInbound')).toEqual([expect.objectContaining({ from: named('dnspr-hub-weu').id, to: named('snet-dns-inbound').id, endpointName: 'in-hub-weu', privateIpAddress: '10.150.0.4' })]);
    expect(rels('resolverOutbound')).toEqual([expect.objectContaining({ from: named('dnspr-hub-weu').id, to: named('snet-dns-outbound').id, endpointName: 'out-hub-weu' })]);
  });
  it('reads the ruleset with its rules, its resolver and its VNet link', () => {
    expect(named('dnsfrs-hub-weu')).toMatchObject({
      kind: 'dnsForwardingRuleset', region: 'westeurope',
      rules: [
        { name: 'corp-contoso', domainName: 'corp.contoso.com.', targetDnsServers: [{ ipAddress: '192.168.1.4', port: 53 }, { ipAddress: '192.168.1.5', port: 53 }] },
        { name: 'legacy', domainName: 'legacy.contoso.com.', targetDnsServers: [{ ipAddress: '192.168.2.4', port: 5353 }], enabled: false },
      ],
    });
    expect(rels('rulesetOutbound').map((r) => r.to)).toEqual([named('dnspr-hub-weu').id]);
    expect(rels('rulesetLink')).toEqual([expect.objectContaining({ from: named('dnsfrs-hub-weu').id, to: named('vnet-hub-weu').id })]);
  });
  it('notes what was not read instead of guessing, and leaves unreadable rules unknown', () => {
    expect(design.elements.some((e) => e.name === 'dnspr-elsewhere')).toBe(false);
    expect(notes).toEqual(expect.arrayContaining([
      expect.stringMatching(/DNS resolver dnspr-elsewhere uses virtual network .*vnet-other, which was not read/),
      expect.stringMatching(/dnsfrs-broken uses DNS private resolver .*dnspr-gone\/outboundEndpoints\/out, which was not read/),
      expect.stringMatching(/dnsfrs-broken: rule no-targets could not be read/),
    ]));
    expect(named('dnsfrs-broken')).not.toHaveProperty('rules');
    // The inbound endpoint of a resolver that was not read has no element to belong to.
    expect(rels('resolverInbound')).toHaveLength(1);
  });
});
